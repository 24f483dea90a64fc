"""The evaluation's deadlines of a rule whose date the caseworker agrees (caseworker_set: T04, T12, T15, T16).

The case list keeps only the date agreed now; each earlier one is in the case's history ("Aftalt
dato: 01-04-2021 → 01-07-2021"). Each date agreed was a deadline, met by the talk held against it:
- the first talk on or after its practical date (core.rule_due.agreed_met_from, the engine's own
  test) and before the next date's: on time when held on or before the date, else late;
- when there is none, a talk held early: after the date was recorded and before its practical date,
  where the next date was agreed (only when a next date exists: the engine takes such a talk as
  the one at which the date now in force was agreed);
- none: a date replaced on a day before it fell due was moved in time (no deadline); any other
  date was not met. For these two bounds a change made at a talk counts from the talk's day (m009
  links them), since a caseworker who enters an old case records its whole history on one day;
  a change typed in the case form counts from the day it was recorded.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from .catalog import RuleSpec, Trial
from .evaluation_deadlines import record_deadline
from .evaluation_figures import Period, TrialFigures
from .event import Event
from .rule_due import agreed_met_from, counts_for
from .workdays import fmt


class DateChange(NamedTuple):
    """A row of the case history: one of the case's dates changed (None: no date), recorded on day.
    undone: the talk that set it was corrected or cancelled, or it is a cancellation's putting back
    (m009 links the row to its event): the date was never agreed, or is the one before again."""

    name: str
    old: date | None
    new: date | None
    day: date
    undone: bool = False
    at_talk: date | None = None  # the day of the talk the date was agreed at (m009), when one was

    @property
    def agreed_on(self) -> date:
        """When the change was made: at its talk, else the day it was recorded. A caseworker who
        types in an old case records its whole history on one day, but each talk keeps its day."""
        return self.at_talk or self.day


@dataclass(frozen=True)
class DateHistory:
    """A case's date history as the evaluation reads it: the day the case was recorded, and each change."""

    created: date | None = None
    changes: tuple[DateChange, ...] = ()


class AgreedDeadline(NamedTuple):
    """One date agreed: the day it was recorded, the day a new one replaced it (None: in force now),
    and the talk held against it (None: none)."""

    due: date
    recorded: date | None
    replaced_on: date | None
    met: date | None


def agreed_in_order(
    history: DateHistory, name: str, current: date | None
) -> list[tuple[date, date | None, date | None]]:
    """Each date agreed for name, oldest first: (the date, the day recorded, the day replaced or None).

    A date a talk set by mistake (the talk later corrected or cancelled) was never agreed, and a
    cancellation's putting back the date before it agrees nothing new: both are passed over."""
    changes = [change for change in history.changes if change.name == name]
    found: list[tuple[date, date | None, date | None]] = []
    # the date as first recorded: the first change's old value (or the date now, if never changed)
    agreed, recorded = (changes[0].old if changes else None), history.created
    for change in changes:
        if change.undone:
            continue
        if agreed is not None:
            found.append((agreed, recorded, change.agreed_on))
        agreed, recorded = change.new, change.agreed_on
    if current is not None:
        found.append((current, recorded, None))
    return found


def agreed_deadlines(
    spec: RuleSpec, agreed: Sequence[tuple[date, date | None, date | None]], events: Iterable[Event]
) -> list[AgreedDeadline]:
    """The dates agreed, each with the talk held against it; a date moved before it fell due is left out."""
    talks = sorted({e.day for e in events if counts_for(e, spec)})
    out: list[AgreedDeadline] = []
    pos = 0  # talks before pos met an earlier date
    for i, (due, recorded, replaced_on) in enumerate(agreed):
        met_from = agreed_met_from(due)
        later = talks[pos:]
        if i + 1 < len(agreed):
            next_from = agreed_met_from(agreed[i + 1][0])
            on_or_after = [d for d in later if met_from <= d < next_from]
            early = [d for d in later if d < min(met_from, next_from) and (recorded is None or d > recorded)]
        else:  # the date in force now: met as the engine says (the Frister tab's deadline)
            on_or_after, early = [d for d in later if d >= met_from], []
        met = on_or_after[0] if on_or_after else (early[-1] if early else None)
        if met is not None:
            pos = talks.index(met) + 1
        elif replaced_on is not None and replaced_on < due:
            continue  # moved before it fell due: the caseworker agreed another date in time
        out.append(AgreedDeadline(due, recorded, replaced_on, met))
    return out


def count_agreed(
    trial: Trial,
    spec: RuleSpec,
    deadlines: Sequence[AgreedDeadline],
    period: Period,
    limit: date,
    open_at_end: bool,
    ref: str,
    f: TrialFigures,
) -> None:
    """Each date agreed that fell due in the period: met on time, late (how late) or not at all."""
    first, last = trial.period.start, trial.period.effective_end
    for d in deadlines:
        if not (period.start <= d.due <= limit and first <= d.due <= last):
            continue  # outside the period, or the trial rule did not govern it
        record_deadline(f, ref, spec.label, d.due, d.met if d.met is not None and d.met <= limit else None)
    if not open_at_end:
        return
    for d in deadlines:  # the date in force at the period's end: the first not met by then
        if d.met is not None and d.met <= period.end:
            continue
        if d.met is None and d.replaced_on is not None and d.replaced_on <= period.end:
            continue  # replaced by then
        if d.due > period.end and first <= d.due <= last:
            f.add("open_end", ref, f"{spec.label} {fmt(d.due)}")
        return
