"""The deadline a journal note states (the engine's own, as the window shows it) and when it cannot."""

from __future__ import annotations

from datetime import date

from .cases import CaseRecord
from .catalog import Trial
from .deadline import Deadline
from .event import Event
from .note_conditions import condition_problems
from .note_errors import NoteError
from .note_situations import event_kind, situation_rule
from .schedule import compute_deadlines, resolve_dates
from .terms import CLOSED, EVENT_NAMES, IMPORTED_EVENTS
from .workdays import fmt


def governing_deadline(
    trial: Trial,
    case: CaseRecord,
    situation: str,
    as_of: date,
    event_date: date | None = None,
    note_day: date | None = None,
) -> tuple[Deadline | None, str]:
    """The deadline a note about this situation states, and why there is none (Danish).

    The engine's own deadline for the case as it stood on as_of (decision 15): the same date the
    window shows for it, whichever rule governs. Later events do not count, and the event the note
    is about counts even before it has been registered on the case. Given note_day (the day the
    note is written), as the window shows it that day: the events registered by then count too.
    """
    spec = situation_rule(trial, situation)
    if spec is None:
        return None, "næste frist (forsøget har ingen beregnelig frist)"
    dates, _ = resolve_dates(trial, case.dates)
    if spec.anchor not in dates and spec.kind != "caseworker_set":
        return None, f"næste frist (sagen mangler datoen '{trial.date_label(spec.anchor).lower()}')"
    # The window's deadline on the day the note is written: every event registered by then counts,
    # also one after the note's own (a follow-up forgotten and noted late states the date the later
    # one set, as the window does), and the note's event even before it is registered. A period's
    # last day (duration_end) is the one its start set: a note records it even after it has ended.
    day = as_of if note_day is None or spec.kind == "duration_end" else max(as_of, note_day)
    events = sorted((e for e in case.events if e.day <= day), key=lambda e: e.day)
    extra = unregistered_event(trial, case, situation, event_date)
    if extra is not None:
        events = sorted((*events, extra), key=lambda e: e.day)
    found = compute_deadlines(trial, case.dates, events, day)
    deadline = next((d for d in found if d.kind == spec.kind and d.rule_label == spec.label), None)
    if deadline is None:
        return None, "næste frist (sagen har ingen frist på datoen; fx er perioden afsluttet)"
    # Neither the trial nor an ordinary rule gives it, or the ordinary rule that governs lacks the date it
    # counts from (T04: the visitation): the trial is not its basis, and the window says why.
    if deadline.governed_by == "none" or (deadline.undated and deadline.governed_by == "ordinary"):
        unmet = next(iter(condition_problems(trial, dates).values()), None)
        if unmet is not None:  # a condition of the trial the dates show is not met: said as such
            raise NoteError(unmet)
        if spec.kind == "duration_end":  # a period's last day is not agreed: it follows from its start
            raise NoteError(
                f"Forsøget kan ikke være hjemmel for perioden: {deadline.reason}. Perioden følger den almindelige "
                "regel: skriv notatet i FASIT som i andre sager, uden henvisning til forsøget."
            )
        # A date agreed before the trial's start is outside it as one after its end is (a reviewer);
        # once the trial has ended no date can be agreed in it (a tester: the advice was impossible).
        agree = (
            f"Aftal en dato i forsøgets periode {fmt(trial.period.start)}–{fmt(deadline.trial_end)}, eller skriv "
            "notatet i FASIT uden henvisning til forsøget."
            if day <= deadline.trial_end
            else f"Forsøget sluttede {fmt(deadline.trial_end)}: skriv notatet i FASIT som i andre sager, uden "
            "henvisning til forsøget."
        )
        raise NoteError(f"Forsøget kan ikke være hjemmel for næste frist: {deadline.reason}. {agree}")
    if deadline.undated:
        return None, (
            "næste frist (den aftalte dato er nået eller mangler, så en ny dato skal aftales og registreres på sagen)"
        )
    return deadline, ""


def _closed_on(case: CaseRecord) -> date | None:
    closed_on = case.extra.get("closed_on") if case.extra else None
    return closed_on if isinstance(closed_on, date) else None


def closed_sentence(case: CaseRecord) -> str:
    """What a note on a closed case says where it would state the next deadline ('' for an open
    case): the lists have none, so neither has the note (decision 15)."""
    if case.status != CLOSED:
        return ""
    closed_on = _closed_on(case)
    on = f" {fmt(closed_on)}" if closed_on else ""
    # The reason as the case window gives it: 'fraflyttet kommunen', 'andet – flyttet til Norge'.
    text = case.extra.get("end_text") if case.extra else None
    reason = " – ".join(part.strip() for part in (case.end_reason, text) if isinstance(part, str) and part.strip())
    why = f" ({reason})" if reason else ""
    return f"Sagen er afsluttet{on}{why}, så der er ingen næste frist."


def closed_problem(case: CaseRecord, event_date: date | None) -> str:
    """Why a note about an event after the case was closed cannot be written ('' when it can): the
    citizen left the case that day (moved away, got a job), so nothing after it happened in it."""
    closed_on = _closed_on(case) if case.status == CLOSED else None
    if closed_on is None or event_date is None or event_date <= closed_on:
        return ""
    return (
        f"Sagen blev afsluttet {fmt(closed_on)}, så der kan ikke skrives notat om en hændelse "
        f"{fmt(event_date)} efter det. Genåbn sagen, hvis den fortsætter."
    )


def unregistered_event(trial: Trial, case: CaseRecord, situation: str, event_date: date | None) -> Event | None:
    """The event a note in this situation is about, when it is not registered on the case: the
    note's deadline counts it (governing_deadline), the window's only once it is registered."""
    kind = event_kind(trial, situation)
    if kind is None or event_date is None:
        return None
    if any(e.kind == kind and e.day == event_date for e in case.events):
        return None
    return Event(event_date, kind)


def event_to_register(trial: Trial, case: CaseRecord, situation: str, event_date: date | None) -> Event | None:
    """The note's event, when it must be registered before the note is used (the window copies it
    only then, the command line refuses it): an unregistered event of an open case. A closed case
    has no deadlines in the lists, so nothing to register there."""
    if case.status == CLOSED:
        return None
    return unregistered_event(trial, case, situation, event_date)


def future_event_problem(event: Event | None, today: date) -> str:
    """A note about an event dated after today cannot be copied: it cannot be registered yet."""
    return future_day_problem(event.day if event is not None else None, today)


def future_day_problem(day: date | None, today: date) -> str:
    """Why a note about an event on day cannot be written today ('' when it can): not yet held."""
    if day is None or day <= today:
        return ""
    return f"Dato for hændelsen: {fmt(day)} ligger i fremtiden – skriv notatet, når den har fundet sted."


def unregistered_problem(event: Event, note_day: date, case: CaseRecord | None = None) -> str:
    """Why a note about an event not registered on the case cannot be printed for FASIT as it is
    (the command line; the window registers the event first): its next deadline counts the event,
    the lists only once the case has it. A decision an import registered that day without its
    outcome (T07) is corrected into the note's event, not registered beside it."""
    future = future_event_problem(event, note_day)
    if future:
        return future
    name = EVENT_NAMES[event.kind]
    imported = (
        next((e for e in case.events if e.kind in IMPORTED_EVENTS and e.day == event.day), None) if case else None
    )
    if imported is not None:
        return (
            f"Sagen har fra importen {EVENT_NAMES[imported.kind]} {fmt(event.day)}. Notatets næste frist regner "
            f"med {name}, men listerne viser først den samme frist, når hændelsen er rettet til det: ret den i "
            "sagsvinduet (Ret hændelse …), og skriv så notatet"
        )
    return (
        f"{name.capitalize()} {fmt(event.day)} er ikke registreret på sagen. Notatets næste frist regner med den, "
        "men listerne viser først den samme frist, når den er registreret: registrer den i sagsvinduet "
        "(Registrer hændelse …), og skriv så notatet"
    )


def period_problem(trial: Trial, case: CaseRecord, situation: str, as_of: date, event_date: date | None = None) -> str:
    """Why a note cannot say the trial gives the period its length (Danish; '' when it can).

    A period (duration_end) that the ordinary rule governs is not the trial's (one whose last day is
    the trial's end, beyond the ordinary limit, the engine says the trial governs: decision 12). One
    the trial's end cuts shorter than the trial's own minimum does not meet the trial's condition:
    the engine takes the trial away (core/note_conditions.py unmet_condition), refused before this.
    """
    deadline, _ = governing_deadline(trial, case, situation, as_of, event_date)
    if deadline is None or deadline.kind != "duration_end":
        return ""
    if deadline.governed_by == "ordinary" and not deadline.lengthened_by_trial:
        # (A period the trial carried over its end into a longer limit is lengthened by the trial,
        # though that limit gives its last day: Deadline.lengthened_by_trial.)
        return (
            f"Forsøget giver ikke perioden dens længde: {deadline.reason}. Den almindelige regel "
            "giver den samme sidste dag uden forsøget, så et notat om forsøget kan ikke skrives for perioden."
        )
    return ""
