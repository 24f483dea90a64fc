"""Cases as the engine sees them, and the one function that turns case lists into deadline lists."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta

from .catalog import Trial
from .schedule import (
    DEFAULT_WARNING_DAYS,
    OVERDUE,
    Deadline,
    Event,
    compute_deadlines,
    trial_end_warnings,
)
from .terms import ACTIVE, CLOSED  # noqa: F401 - re-exported: statuses are imported from here too
from .workdays import fmt

# Groups of the "Frister" overview, in the order shown.
GROUP_OVERDUE, GROUP_THIS_WEEK, GROUP_NEXT_30, GROUP_LATER = (
    "overdue",
    "this_week",
    "next_30",
    "later",
)
GROUP_TITLES_DA = {
    GROUP_OVERDUE: "Overskredet",
    GROUP_THIS_WEEK: "Denne uge",
    GROUP_NEXT_30: "Næste 30 dage",
    GROUP_LATER: "Senere",
}


@dataclass(frozen=True)
class CaseRecord:
    """One citizen in one trial, with the dates that start its clocks and its history of events."""

    id: int
    citizen: str
    case_ref: str
    trial_id: str
    dates: Mapping[str, date]
    events: tuple[Event, ...] = ()
    caseworker: str = ""
    status: str = ACTIVE
    cpr: str | None = None
    end_reason: str = ""
    note: str = ""
    extra: Mapping[str, object] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class CaseDeadline:
    case: CaseRecord
    deadline: Deadline

    def to_json(self) -> dict:
        """The deadline as `caseworker-app deadlines --json` prints it: case fields first."""
        return {
            "case_id": self.case.id,
            "citizen": self.case.citizen,
            "trial": self.case.trial_id,
            **self.deadline.to_json(),
        }


def deadlines_for_cases(
    cases: Iterable[CaseRecord],
    catalog: Mapping[str, Trial],
    today: date,
    *,
    warning_days: int = DEFAULT_WARNING_DAYS,
) -> list[CaseDeadline]:
    """Every deadline of every active case, earliest legal date first (for the window and CLI)."""
    found = []
    for case in cases:
        if case.status != ACTIVE:
            continue
        trial = catalog.get(case.trial_id)
        if trial is None or not trial.rules:
            continue
        for deadline in compute_deadlines(
            trial, case.dates, case.events, today, warning_days=warning_days
        ):
            found.append(CaseDeadline(case, deadline))
    found.sort(key=lambda cd: (cd.deadline.legal_due, cd.case.citizen))
    return found


def group_of(deadline: Deadline, today: date) -> str:
    """The overview group of a deadline: overdue, this week, next 30 days or later."""
    if deadline.status == OVERDUE:
        return GROUP_OVERDUE
    end_of_week = today + timedelta(days=6 - today.weekday())
    if deadline.practical_due <= end_of_week or deadline.legal_due <= end_of_week:
        return GROUP_THIS_WEEK
    if deadline.practical_due <= today + timedelta(days=30):
        return GROUP_NEXT_30
    return GROUP_LATER


def became_due_since(
    items: Iterable[CaseDeadline], last_opened: date | None, today: date
) -> list[CaseDeadline]:
    """Deadlines whose legal date passed while the program was closed ('forfaldet siden sidst')."""
    if last_opened is None:
        return []
    return [cd for cd in items if last_opened <= cd.deadline.legal_due < today]


def trial_end_notices(items: Iterable[CaseDeadline], today: date, horizon_days: int) -> list[str]:
    """One Danish line per trial whose coming end makes deadlines overdue the day after it."""
    warned = trial_end_warnings([item.deadline for item in items], today, horizon_days)
    per_trial = Counter((d.trial_id, d.trial_end) for d in warned)
    return [
        f"Forsøg {trial_id} slutter {fmt(end)}: "
        f"{'1 sag får' if count == 1 else f'{count} sager får'} en overskredet frist dagen efter"
        for (trial_id, end), count in sorted(per_trial.items())
    ]
