"""What a tick in the note window's Bekræft boxes confirms (decisions 13 and 15): the deadline the note
states (its date, reason and basis), or a trial condition as judged on the case's facts it rests on. A
tick belongs to the facts it was given for: when the note comes to state another deadline, or a
condition's facts change (a date it is measured from, the period it speaks of), the tick no longer
confirms anything and the window takes it away, saying why (untick_notice)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from .cases import CaseRecord
from .catalog import NoteCondition, NoteTemplate, Trial
from .event import Event
from .note_conditions import (
    DEADLINE_CHECK,
    EXTENSION_CHECK,
    condition_boxes,
    confirmable_conditions,
    extension_check_text,
)
from .note_values import deadline_check_needed, extension_check_needed, stated_deadline
from .participation import PARTICIPATION_CHECK, participation_check_needed, participation_check_text
from .schedule import resolve_dates
from .terms import EVENT_NAMES
from .workdays import fmt

# The checks a note may ask for beside the trial's conditions, in the order they are shown and listed.
CHECKS = (DEADLINE_CHECK, EXTENSION_CHECK, PARTICIPATION_CHECK)


@dataclass(frozen=True)
class Confirmable:
    """What one box confirms: shown, in Danish, to say what changed; basis, everything it rests on
    (two ticks confirm the same only when their bases are equal)."""

    shown: str
    basis: str


def confirmation_facts(
    trial: Trial,
    case: CaseRecord,
    situation: str,
    event_date: date | None,
    note_date: date,
    template: NoteTemplate | None = None,
    municipality: str = "",
) -> dict[str, Confirmable]:
    """By box name (a condition's name, DEADLINE_CHECK, EXTENSION_CHECK, PARTICIPATION_CHECK): what ticking
    it confirms now. DEADLINE_CHECK is there only when the note's deadline needs the check
    (deadline_check_needed), EXTENSION_CHECK only when its basis does (extension_check_needed),
    PARTICIPATION_CHECK only when the settings' municipality is not among the trial's
    (participation_check_needed, decision 17); NoteError when the note's deadline cannot be worked out
    (the window then says why)."""
    dates = resolve_dates(trial, case.dates)[0]
    facts = condition_facts(trial, dates, case.events)
    if deadline_check_needed(trial, case, situation, event_date, note_date, template):
        deadline, _ = stated_deadline(trial, case, situation, event_date, note_date)
        assert deadline is not None  # deadline_check_needed says there is one
        due = fmt(deadline.legal_due)
        facts[DEADLINE_CHECK] = Confirmable(due, f"{due} ({deadline.reason}) {deadline.citation}")
    lapsed = extension_check_needed(trial, case, situation, event_date, note_date, template)
    if lapsed is not None:  # the box's text says which extension: a tick confirms that one
        extension, lapse = lapsed
        text = extension_check_text(extension.end, lapse.ended)
        facts[EXTENSION_CHECK] = Confirmable(text, f"{text} {extension.source} {extension.entered}")
    if participation_check_needed(trial, municipality):  # the box names the municipality it confirms
        text = participation_check_text(trial, municipality)
        facts[PARTICIPATION_CHECK] = Confirmable(text, text)
    return facts


def asked_conditions(trial: Trial, case: CaseRecord, template: NoteTemplate | None) -> list[NoteCondition]:
    """The trial's conditions a note with this template asks the caseworker to confirm, on the case as
    read: the note states them ($conditions), and neither the case's dates nor its events can show them."""
    if template is None or "conditions" not in template.fields:
        return []
    return confirmable_conditions(trial, resolve_dates(trial, case.dates)[0], case.events)


def asked_confirmations(
    trial: Trial,
    case: CaseRecord,
    situation: str,
    event_date: date | None,
    note_date: date,
    template: NoteTemplate | None = None,
    municipality: str = "",
    facts: Mapping[str, Confirmable] | None = None,
) -> dict[str, Confirmable]:
    """The boxes a note in this situation asks the caseworker to tick, on the case as read now: the
    note window's Bekræft and `note --list` both show these. The conditions asked_conditions gives, then
    the checks the note needs (confirmation_facts; facts: those already worked out). NoteError as
    confirmation_facts."""
    template = template or trial.notes.get(situation)
    if facts is None:
        facts = confirmation_facts(trial, case, situation, event_date, note_date, template, municipality)
    asked = [c.name for c in asked_conditions(trial, case, template)]
    return {name: facts[name] for name in (*asked, *CHECKS) if name in facts}


def condition_facts(trial: Trial, dates: Mapping[str, date], events: Iterable[Event] = ()) -> dict[str, Confirmable]:
    """By condition name: the case's dates it is measured between (T09's ledighed: ledig siden, praktikstart)
    and, for a duration condition, its period's first day and the ends registered; a condition no
    date of the case bears on (T09's visiteret) rests on nothing that can change here."""
    events = tuple(events)
    facts: dict[str, Confirmable] = {}
    for condition in trial.note_conditions:
        names = [name for name in (condition.since, condition.at) if name]
        kinds: list[str] = []
        if condition.duration:
            for spec in trial.rules:
                if spec.kind == "duration_end":
                    names.append(spec.anchor)
                    kinds.extend(spec.events)
        parts = [
            f"{trial.date_label(name).lower()} {fmt(dates[name]) if dates.get(name) else 'ingen'}" for name in names
        ]
        parts += [f"{EVENT_NAMES[e.kind]} {fmt(e.day)}" for e in sorted(events, key=lambda e: e.day) if e.kind in kinds]
        text = ", ".join(dict.fromkeys(parts))
        facts[condition.name] = Confirmable(text, text)
        if condition.longer_name:  # decision 19: the lengthening rests on the same period
            facts[condition.longer_name] = Confirmable(text, text)
    return facts


def untick_notice(trial: Trial, name: str, was: Confirmable, now: Confirmable | None) -> str:
    """Why the tick for name was taken away (Danish), '' when its box is no longer asked for (the
    note needs no check of its deadline now): was, what it confirmed; now, what it would confirm."""
    if now is None:
        return ""
    if name == DEADLINE_CHECK:
        if now.shown != was.shown:
            return (
                f"Hakket ved kontrollen af fristen er fjernet: notatets frist er nu {now.shown}, "
                f"ikke {was.shown}, som du kontrollerede."
            )
        return (
            f"Hakket ved kontrollen af fristen er fjernet: fristen {now.shown} har nu en anden "
            "begrundelse eller hjemmel end den, du kontrollerede."
        )
    if name == PARTICIPATION_CHECK:
        return (
            "Hakket ved kontrollen af kommunens deltagelse er fjernet: kommunens navn under Indstillinger er "
            f"ændret (nu: {now.shown})."
        )
    if name == EXTENSION_CHECK:
        return (
            "Hakket ved kontrollen af forlængelsen er fjernet: notatets hjemmel hviler nu på en anden "
            f"forlængelse, end den du kontrollerede (nu: {now.shown})."
        )
    condition = next((c for c in condition_boxes(trial) if c.name == name), None)
    text = condition.text if condition is not None else name
    return (
        f"Hakket ved »{text}« er fjernet: sagens oplysninger, det bygger på, er ændret "
        f"(nu {now.shown or 'ingen'}; før {was.shown or 'ingen'})."
    )
