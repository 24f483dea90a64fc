"""The evaluation's deadline figures: one case's history replayed through the engine's deadlines.

- The deadlines met, late or missed are the engine's governing deadlines replayed through the case's
  real history: the deadline in force on the day before the period, then the one after each event
  that restarted it. Only those the trial rule governed are counted (Deadline.governed_by, the same
  record the Frister tab shows): a deadline the ordinary rule governed - before the trial, or from
  the day after its end (decision 3) - is no result of the trial. The period is already cut to the
  trial's own (evaluation_scope.trial_scope).
- "Follow-ups saved" replays the same history through the ordinary rule alone (the engine computed
  with a trial end before every case, so the ordinary rule governs every deadline), assuming every
  ordinary deadline that no real follow-up met was met on its last day. The ordinary rule demanded
  the real follow-ups it counts plus those assumed ones; saved = demanded - held.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, timedelta

from .cases import CaseRecord
from .catalog import RuleSpec, Trial
from .deadline import Deadline
from .evaluation_figures import Period, TrialFigures
from .event import Event
from .rule_due import counts_for
from .schedule import compute_deadlines
from .terms import IMPORTED_EVENTS
from .text import count_text
from .workdays import fmt

_ONE_DAY = timedelta(days=1)
# A trial end before every case: the engine then lets the ordinary rule govern every deadline.
_NO_TRIAL = date(1, 1, 1)
_MAX_STEPS = 2000  # a guard: no case has this many deadlines in a period


def saving_rules(trial: Trial) -> list[RuleSpec]:
    """The rules whose ordinary rule gives a count of follow-ups the trial spared."""
    return [r for r in trial.rules if r.ordinary is not None and r.ordinary.kind in ("followup", "decision")]


def _due(
    trial: Trial,
    spec: RuleSpec,
    dates: Mapping[str, date],
    events: Iterable[Event],
    day: date,
    trial_end: date | None = None,
) -> Deadline | None:
    """The engine's deadline of one rule as on day (events after day have not happened)."""
    for d in compute_deadlines(trial, dates, events, day, trial_end=trial_end):
        if d.kind == spec.kind and d.rule_label == spec.label:
            return d
    return None


def _under_trial(trial: Trial, deadline: Deadline) -> bool:
    """The trial rule governed this deadline (the engine says so), dated within the trial's period."""
    return deadline.governed_by == "trial" and trial.period.start <= deadline.legal_due <= deadline.trial_end


def record_deadline(f: TrialFigures, ref: str, label: str, due: date, met: date | None) -> None:
    """A deadline that fell due in the period, as met on time, late (how late) or not at all (met:
    the day it was met, None when not by the period's end): counted alike for every rule."""
    f.add("due", ref, f"{label} {fmt(due)}")
    if met is not None and met <= due:
        f.add("on_time", ref, f"frist {fmt(due)}, holdt {fmt(met)}")
    elif met is not None:
        late = (met - due).days
        f.add("late", ref, f"frist {fmt(due)}, holdt {fmt(met)} ({count_text(late, 'dag', 'dage')} for sent)")
        f.hist("late_days")[late] += 1
    else:
        f.add("missed", ref, f"frist {fmt(due)}")


def count_deadlines(
    trial: Trial,
    spec: RuleSpec,
    case: CaseRecord,
    dates: Mapping[str, date],
    period: Period,
    limit: date,
    open_at_end: bool,
    ref: str,
    f: TrialFigures,
) -> None:
    """Each governing deadline due in the period: met on time, late (how late) or not at all."""
    events = case.events
    days = sorted({e.day for e in events if period.start <= e.day <= limit})
    t = period.start - _ONE_DAY  # the deadline in force when the period began
    for _ in range(_MAX_STEPS):
        current = _due(trial, spec, dates, events, t)
        if current is None or current.undated:
            return
        due = current.legal_due
        if due > limit:
            if open_at_end:
                # The deadline in force at the period's end (a follow-up held early moved it).
                final = _due(trial, spec, dates, events, period.end)
                if (
                    final is not None
                    and _under_trial(trial, final)
                    and not final.undated
                    and final.legal_due > period.end
                ):
                    f.add("open_end", ref, f"{spec.label} {fmt(final.legal_due)}")
            return
        met = None
        for day in days:
            if day <= t:
                continue
            after = _due(trial, spec, dates, events, day)
            if after is None or after.undated or after.legal_due != due:
                met = day  # an event that day restarted (or ended) the deadline: it met it
                break
        if due >= period.start and _under_trial(trial, current):
            record_deadline(f, ref, spec.label, due, met)
        if met is None:
            return
        t = met


def count_saved(
    trial: Trial,
    spec: RuleSpec,
    case: CaseRecord,
    dates: Mapping[str, date],
    period: Period,
    limit: date,
    ref: str,
    f: TrialFigures,
) -> None:
    """Follow-ups the ordinary rule demanded in the period on this case's history, and held.

    A case with a decision whose outcome is not known (an imported T07 decision: plan adjusted or
    not) cannot say what the ordinary rule would have saved: it is named apart, not counted."""
    ordinary = spec.ordinary
    assert ordinary is not None  # saving_rules gives only rules with an ordinary rule
    real = case.events
    unknown = [e.day for e in real if e.kind in IMPORTED_EVENTS and e.day <= limit]
    if unknown:
        # the decisions in the period by their dates; one before it changed the period's, too
        inside = ", ".join(fmt(d) for d in unknown if d >= period.start)
        f.add("saved_unknown", ref, inside or "før perioden", 1)
        return
    held = [e.day for e in real if period.start <= e.day <= limit and counts_for(e, ordinary)]
    kind = ordinary.events[0]
    assumed: list[Event] = []
    real_days = sorted({e.day for e in real})
    t = min(dates.values()) - _ONE_DAY

    def ordinary_due(day: date) -> date | None:
        d = _due(trial, spec, dates, (*real, *assumed), day, trial_end=_NO_TRIAL)
        return None if d is None or d.undated else d.legal_due

    due = ordinary_due(t)
    for _ in range(_MAX_STEPS):
        if due is None or due > limit:
            break
        if any(t < day <= due for day in real_days):
            after = ordinary_due(due)
            if after != due:  # a real event on or before the deadline met it
                t, due = due, after
                continue
        assumed.append(Event(due, kind))  # not met by a real event: assume it was held that day
        t, due = due, ordinary_due(due)
    extra = [e.day for e in assumed if e.day >= period.start]
    demanded = len(held) + len(extra)
    if not demanded and not held:
        return
    f.add("held", ref, ", ".join(fmt(d) for d in held), len(held))
    f.add(
        "demanded",
        ref,
        ", ".join(fmt(d) for d in sorted([*held, *extra])),
        demanded,
    )
    f.add("saved", ref, ", ".join(fmt(d) for d in extra), len(extra))
    f.saved_rows.append((ref, len(held), demanded, len(extra), ", ".join(fmt(d) for d in extra)))
