"""Notes the case's own record refuses whatever the caseworker types (decision 15): one function
decides it (situation_refusal), and the note itself, the window's situations and `note --list` ask it."""

from __future__ import annotations

from datetime import date

from .cases import CLOSED, CaseRecord
from .catalog import Trial
from .note_conditions import begun_before_trial, condition_problems
from .note_deadline import period_problem
from .note_errors import NoteError
from .note_fields import STATED_DEADLINE
from .note_situations import event_kind, period_date, situations_for
from .note_values import stated_deadline
from .schedule import resolve_dates
from .terms import DATE_NAMES, NOTE_SITUATIONS
from .workdays import fmt

# A note that states the opposite of how the case was closed: "sluttede uden at føre til ansættelse
# i fleksjob" against a case closed as "overgået til fleksjob" (what the evaluation counts it as).
# The catalog has no note that states a fleksjob, so nothing is refused the other way round.
CONTRADICTED_BY = {"praktik_uden_fleksjob": ("overgået til fleksjob",)}
# How a refused situation is marked where the notes are offered (the window, `note --list`).
REFUSED_MARK = " – kan ikke skrives for sagen"


def situation_refusal(trial: Trial, case: CaseRecord, situation: str) -> str:
    """Why a note in this situation cannot be written for the case, whatever date, reason or text
    the caseworker gives (Danish; '' when it may be): the case was closed with a reason the note
    contradicts, the case's dates show a condition of the trial is not met (then the trial does not
    apply to it at all: core/schedule.py), or the period the note is about began outside the trial."""
    return (
        _closing_contradiction(trial, case, situation)
        or _unmet_condition(trial, case)
        or _begun_outside_trial(trial, case, situation)
        or _not_lengthened_by_trial(trial, case, situation)
    )


def offered_situations(trial: Trial, case: CaseRecord, note_day: date | None = None) -> list[tuple[str, str, str]]:
    """The trial's notes as (name, title, why refused) in the order offered; a refused one keeps its
    place (choosing it shows why), its title marked. Given note_day (the window's day, `note --list
    --today`), a note that day refuses for its deadline (deadline_refusal) is marked as well."""
    offered: list[tuple[str, str, str]] = []
    for name, title in situations_for(trial):
        refusal = situation_refusal(trial, case, name) or (
            deadline_refusal(trial, case, name, note_day) if note_day is not None else ""
        )
        offered.append((name, title + (REFUSED_MARK if refusal else ""), refusal))
    return offered


def deadline_refusal(trial: Trial, case: CaseRecord, situation: str, note_day: date) -> str:
    """Why a note in this situation, written on note_day about the event or period it is about by
    default (the date the window fills in; `note` without --date), cannot state its next deadline
    (Danish; '' when it can): the note itself refuses with the same words (core/note_values.py
    stated_deadline). T12 with a date agreed after the trial's end: the trial is no basis for it."""
    try:
        stated_deadline(trial, case, situation, None, note_day)
    except NoteError as exc:
        return str(exc)
    return ""


def _closing_contradiction(trial: Trial, case: CaseRecord, situation: str) -> str:
    if case.status != CLOSED or case.end_reason not in CONTRADICTED_BY.get(situation, ()):
        return ""
    closed_on = case.extra.get("closed_on") if case.extra else None
    on = f" {fmt(closed_on)}" if isinstance(closed_on, date) else ""
    title = trial.notes[situation].title if situation in trial.notes else NOTE_SITUATIONS[situation]
    return (
        f"Sagen blev afsluttet{on} med årsagen »{case.end_reason}«, så notatet »{title}« ville modsige "
        "sagen. Er afslutningsårsagen forkert, så genåbn sagen i sagsvinduet og afslut den med den rigtige årsag."
    )


def _unmet_condition(trial: Trial, case: CaseRecord) -> str:
    dates = resolve_dates(trial, case.dates)[0]
    return next(iter(condition_problems(trial, dates).values()), "")


def _begun_outside_trial(trial: Trial, case: CaseRecord, situation: str) -> str:
    """A period (a duration rule's, such as a praktik) that began before the trial's start or after
    its end follows the ordinary rule from its first day: no note about it, nor about its end, can
    cite the trial."""
    kind = event_kind(trial, situation)
    anchors = {spec.anchor for spec in trial.rules if spec.kind == "duration_end" and kind in spec.events}
    name = period_date(trial, situation) if kind is None else next(iter(sorted(anchors)), None)
    spec = next((s for s in trial.rules if s.kind == "duration_end" and s.anchor == name), None)
    if spec is None:
        return ""
    dates = resolve_dates(trial, case.dates)[0]
    begun, end = dates.get(spec.anchor), trial.period.effective_end
    if isinstance(begun, date) and begun > end:
        outside = f"{DATE_NAMES[spec.anchor]} {fmt(begun)} ligger efter forsøgets slutning {fmt(end)}"
    else:
        outside = begun_before_trial(trial, spec, dates)
    if outside is None:
        return ""
    return (
        f"Sagens {outside}, så perioden følger den almindelige regel, "
        "og notatet kan ikke henvise til forsøget. Skriv notatet i FASIT som i andre sager, uden henvisning "
        "til forsøget."
    )


def _not_lengthened_by_trial(trial: Trial, case: CaseRecord, situation: str) -> str:
    """A note about a period the ordinary rule gives its last day without the trial (core/note_deadline.py
    period_problem, asked on the period's start, the day such a note is dated by): refused in the list
    as when written (a tester: offered unmarked, then refused)."""
    name = period_date(trial, situation)
    start = resolve_dates(trial, case.dates)[0].get(name) if name else None
    template = trial.notes.get(situation)
    if not isinstance(start, date) or template is None or not STATED_DEADLINE & set(template.fields):
        return ""  # as the note asks it: only one that states the period's last day (core/notes.py)
    try:
        return period_problem(trial, case, situation, start)
    except NoteError:  # no deadline the note could state: named by the note itself when written
        return ""
