"""The situations a journal note is written for: which event or case date each is about."""

from __future__ import annotations

from datetime import date

from .cases import CaseRecord
from .catalog import RuleSpec, Trial
from .schedule import resolve_dates
from .terms import DATE_NAMES, NOTE_SITUATIONS
from .workdays import fmt

# The event a situation is about (the first of these the trial has), and the case date it starts on.
SITUATION_EVENTS = {
    "opfoelgning": ("followup", "talk"),
    "henvendelse": ("contact",),
    "plan_ikke_justeret": ("plan_not_adjusted",),
    "praktik_uden_fleksjob": ("praktik_end",),
}
# The situation a note about an event of this kind is written for.
EVENT_SITUATIONS = {kind: name for name, kinds in SITUATION_EVENTS.items() for kind in kinds}


def situations_for(trial: Trial) -> list[tuple[str, str]]:
    """The situations the trial has a note for, as (name, Danish title), in the order offered."""
    return [(name, trial.notes[name].title) for name in NOTE_SITUATIONS if name in trial.notes]


def situation_for_event(trial: Trial, kind: str) -> str | None:
    """The situation of a note about an event of this kind, when the trial has a note for it."""
    name = EVENT_SITUATIONS.get(kind)
    return name if name in trial.notes else None


def default_event_date(trial: Trial, case: CaseRecord, situation: str, note_date: date) -> date | None:
    """The date a note is about unless the caseworker gives one (latest such event or case date)."""
    kind = event_kind(trial, situation)
    if kind:
        days = [e.day for e in case.events if e.kind == kind and e.day <= note_date]
        return max(days) if days else None
    name = period_date(trial, situation)
    if name:
        return resolve_dates(trial, case.dates)[0].get(name)
    return None


def applied_day(event_date: date | None, note_date: date) -> date:
    """The day a note applies the trial on: the day of what it records (the event, or the case date
    a period starts on: default_event_date), and without one the note's own date. The trial must
    cover it, and the note cites the legal basis of that day, not of the day it is written
    (decision 14): a note about a period begun under the trial can be written after its end."""
    return event_date or note_date


def event_kind(trial: Trial, situation: str) -> str | None:
    """The kind of event a note in this situation is about, the first of them the trial has."""
    return next((k for k in SITUATION_EVENTS.get(situation, ()) if k in trial.events), None)


def situation_rule(trial: Trial, situation: str) -> RuleSpec | None:
    """The rule whose deadline a note in this situation states: the one its event counts for, else
    the trial's first (None: the trial has no rule)."""
    if not trial.rules:
        return None
    kind = event_kind(trial, situation)
    return next((spec for spec in trial.rules if kind in spec.events), trial.rules[0])


def period_date(trial: Trial, situation: str) -> str | None:
    """The case date the period a note in this situation is about starts on (None: not about a
    period). A note about no event of a trial whose rule is a period (duration_end: a praktik, an
    extension – T06, T09, T18, T19) records the decision that began it, so it is dated by its start
    whenever it is written (decisions 12 and 14), as a note about an event is dated by the event."""
    if event_kind(trial, situation) is not None:
        return None
    spec = situation_rule(trial, situation)
    return spec.anchor if spec is not None and spec.kind == "duration_end" else None


def period_day_problem(trial: Trial, case: CaseRecord, situation: str, event_date: date | None) -> str:
    """Why a note about a period cannot be dated event_date (Danish; '' when it can): it is about the
    period the case's start date began, so another day would check and cite the trial on a day the
    note is not about (the window fills in the start; `note --date` could give another)."""
    name = period_date(trial, situation)
    start = resolve_dates(trial, case.dates)[0].get(name) if name else None
    if name is None or start is None or event_date is None or event_date == start:
        return ""
    label = DATE_NAMES.get(name) or trial.date_label(name).lower()
    return (
        f"Notatet handler om perioden, der begyndte {fmt(start)} (sagens dato for {label}), og har den dato; "
        f"{fmt(event_date)} kan ikke gives i stedet. Er sagens dato forkert, så ret den i sagsvinduet."
    )
