"""Cases as the engine sees them, and the one function that turns case lists into deadline lists."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from operator import attrgetter
from types import MappingProxyType
from typing import NamedTuple

from .case_problems import NeededDates, needed_dates, problem_of
from .catalog import Trial
from .collector import collector_paused
from .deadline import DEFAULT_WARNING_DAYS, DUE_SOON, OVERDUE, Deadline
from .event import Event
from .redact import redact_cpr
from .schedule import compute_deadlines, deadlines_on
from .terms import ACTIVE, DATE_NAMES
from .terms import CLOSED as CLOSED  # statuses are imported from here too
from .text import count_text
from .trial_plan import TrialPlan, plan_of

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


# What a case record's extra holds (store/case_reading.py): "end_text", "closed_on", "damaged",
# a Danish text per event of the case stored in a wrong format, and "damaged_dates", the name of
# each date stored in a wrong format (worded by damaged_date_text).
ExtraValue = str | date | tuple[str, ...] | None


# A case with nothing in extra (a shared, read-only empty mapping: a default is made only once).
NO_EXTRA: Mapping[str, ExtraValue] = MappingProxyType({})


class CaseRecord(NamedTuple):
    """One citizen in one trial, with the dates that start its clocks and its history of events.

    A NamedTuple, as core.deadline.Deadline: immutable, and made twice as fast as a frozen
    dataclass (100,000 of them at each start; a frozen dataclass sets each field through
    object.__setattr__). Change one with record._replace(...)."""

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
    extra: Mapping[str, ExtraValue] = NO_EXTRA


NO_CASEWORKER = "ingen registreret"


def caseworker_text(case: CaseRecord) -> str:
    """The case's caseworker as a printed plan names them, or NO_CASEWORKER: never the person printing,
    who is named as the one who printed it (a tester found them on paper as the case's caseworker)."""
    return case.caseworker.strip() or NO_CASEWORKER


class CaseDeadline(NamedTuple):
    """A deadline with its case: a row of the Frister list (a NamedTuple, as CaseRecord)."""

    case: CaseRecord
    deadline: Deadline

    def to_json(self) -> dict[str, object]:
        """The deadline as `caseworker-app deadlines --json` prints it: case fields first."""
        return {
            "case_id": self.case.id,
            "citizen": redact_cpr(self.case.citizen),  # a CPR typed into the name is masked
            "trial": self.case.trial_id,
            # Added after the first three: scripts read the keys above by name and must keep working.
            "case_ref": redact_cpr(self.case.case_ref),
            "caseworker": redact_cpr(self.case.caseworker),
            **self.deadline.to_json(),
        }


@dataclass(frozen=True, slots=True)
class CaseProblem:
    """A case whose deadlines cannot be computed, and why (Danish, names no person)."""

    case: CaseRecord
    reason: str

    @property
    def title(self) -> str:
        """'Sag 2024-0414 (nr. 3)': the FASIT case number and the database id, never a name."""
        ref = self.case.case_ref.strip()
        return f"Sag {ref} (nr. {self.case.id})" if ref else f"Sag nr. {self.case.id}"

    @property
    def line(self) -> str:
        """'Sag 2024-0414 (nr. 3) kan ikke beregnes: forsøg T08 findes ikke i forsøgskataloget'."""
        return redact_cpr(f"{self.title} kan ikke beregnes: {self.reason}")

    def to_json(self) -> dict[str, object]:
        """The problem as `caseworker-app deadlines --json` prints it under "cannot_compute"."""
        return {
            "case_id": self.case.id,
            "case_ref": redact_cpr(self.case.case_ref),
            "trial": self.case.trial_id,
            "reason": self.reason,
        }


def problems_heading(count: int) -> str:
    """'1 sag kan ikke beregnes' / '2 sager kan ikke beregnes'."""
    return f"{count_text(count, 'sag', 'sager')} kan ikke beregnes"


def uncomputable_cases(cases: Iterable[CaseRecord], catalog: Mapping[str, Trial]) -> list[CaseProblem]:
    """One entry per case whose deadlines cannot be computed, by FASIT case number.

    Exactly the cases deadlines_for_cases leaves out although they are not closed: a trial
    missing from the catalog, a damaged status or date name, or an active case without a date
    its trial requires. A case in a trial without rules has nothing to compute and is fine.
    """
    needed: NeededDates = {}
    found = [CaseProblem(c, r) for c in cases if (r := problem_of(c, catalog, needed)) is not None]
    found.sort(key=lambda p: (p.case.case_ref, p.case.id))
    return found


def deadlines_for_cases(
    cases: Iterable[CaseRecord],
    catalog: Mapping[str, Trial],
    today: date,
    *,
    warning_days: int = DEFAULT_WARNING_DAYS,
) -> list[CaseDeadline]:
    """Every deadline of every active case, earliest legal date first (for the window and CLI);
    on one date in the order of the cases given (store.list_cases: by name, core.collation).

    A case uncomputable_cases lists is left out here: each case is computed or named there.
    """
    return deadlines_and_problems(cases, catalog, today, warning_days=warning_days)[0]


def deadlines_and_problems(
    cases: Iterable[CaseRecord],
    catalog: Mapping[str, Trial],
    today: date,
    *,
    warning_days: int = DEFAULT_WARNING_DAYS,
) -> tuple[list[CaseDeadline], list[CaseProblem]]:
    """deadlines_for_cases and uncomputable_cases in one pass over the cases (the window's refresh)."""
    listed = cases if isinstance(cases, Sequence) else list(cases)
    return collect_outcomes(listed, Outcomes(catalog, today, warning_days).each(listed))


# What one case gives on a day: its deadlines, earliest first (none for a closed case or a trial
# without rules), or, as text, why they cannot be computed (the reason CaseProblem shows).
Outcome = tuple[Deadline, ...] | str
_NO_DEADLINES: tuple[Deadline, ...] = ()
_KNOWN_DATES = frozenset(DATE_NAMES)


class Outcomes:
    """Each case's outcome under one catalog, on one day, with one number of warning days.

    The engine's only entry for a list of cases: deadlines_and_problems and the window's kept
    deadlines (services/deadline_cache.py) both compute a case here, so they cannot differ.
    """

    __slots__ = ("catalog", "today", "warning_days", "_horizon", "_needed", "_trials", "_same")

    def __init__(self, catalog: Mapping[str, Trial], today: date, warning_days: int = DEFAULT_WARNING_DAYS):
        self.catalog, self.today, self.warning_days = catalog, today, warning_days
        self._horizon = today + timedelta(days=warning_days)  # compute_deadlines' horizon, once
        self._needed: NeededDates = {}  # for problem_of
        # catalog key -> what the engine needs of its trial (_trial), () for one missing or without rules
        self._trials: dict[str, _TrialEntry | tuple[()]] = {}
        # A case without events gets what another with the same trial and dates got: the engine
        # reads nothing else of it (the deadlines are immutable, so they are shared, too).
        self._same: dict[tuple[str, tuple[date | None, ...]], tuple[Deadline, ...]] = {}

    def of(self, case: CaseRecord) -> Outcome:
        """The case's deadlines, or why they cannot be computed."""
        return self.each((case,))[0]

    def each(self, cases: Iterable[CaseRecord]) -> list[Outcome]:
        """Each case's outcome (of), in the order given: one loop for a list of many thousands,
        with what is the same for every case looked up once, not once per case."""
        trials, same_kept, today, horizon = self._trials, self._same, self.today, self._horizon
        found: list[Outcome] = []
        add = found.append
        with collector_paused():  # a deadline per case, kept by the window: see core/collector.py
            for case in cases:
                entry = trials.get(case.trial_id)
                if entry is None:
                    entry = self._trial(case.trial_id)
                if entry and case.status == ACTIVE:
                    # The common case, decided without problem_of: every date it needs is there, known
                    # and set, and nothing is damaged. Anything else is left to problem_of, which words it.
                    plan, needed, names, end = entry
                    dates, extra = case.dates, case.extra
                    keys = dates.keys()
                    if (
                        keys >= needed
                        and keys <= _KNOWN_DATES
                        and None not in dates.values()
                        and not (extra and (extra.get("damaged") or extra.get("damaged_dates")))
                    ):
                        # compute_deadlines(trial, dates, events, today, warning_days=...), with the
                        # trial's plan, its end and the horizon worked out once
                        if case.events:
                            add(deadlines_on(plan, dates, case.events, today, end, horizon))
                            continue
                        # Rules count only from the trial's own dates (the catalog checks every anchor
                        # and default), so those dates decide a case without events.
                        same = (case.trial_id, tuple(map(dates.get, names)))
                        outcome = same_kept.get(same)
                        if outcome is None:
                            outcome = same_kept[same] = deadlines_on(plan, dates, (), today, end, horizon)
                        add(outcome)
                        continue
                add(self._other(case))
        return found

    def _other(self, case: CaseRecord) -> Outcome:
        """The outcome of a case each's common case does not decide: closed, damaged, lacking a
        date or a trial, or in a trial without rules."""
        catalog = self.catalog
        reason = problem_of(case, catalog, self._needed)
        if reason is not None:
            return reason
        if case.status != ACTIVE:
            return _NO_DEADLINES
        trial = catalog.get(case.trial_id)
        assert trial is not None  # problem_of names an active case whose trial is missing
        if not trial.rules:
            return _NO_DEADLINES
        return tuple(compute_deadlines(trial, case.dates, case.events, self.today, warning_days=self.warning_days))

    def _trial(self, trial_id: str) -> _TrialEntry | tuple[()]:
        trial = self.catalog.get(trial_id)
        entry: _TrialEntry | tuple[()] = ()
        if trial is not None and trial.rules:
            entry = (
                plan_of(trial),
                frozenset(n for n, _ in needed_dates(trial)),
                tuple(d.name for d in trial.dates),
                trial.period.effective_end,
            )
        self._trials[trial_id] = entry
        return entry


# What Outcomes.of needs of a trial with rules: its plan (trial_plan.plan_of), the dates its cases
# need, every date name it has, and its last day.
_TrialEntry = tuple[TrialPlan, frozenset[str], tuple[str, ...], date]


# CaseDeadline(case, deadline) without its Python-level __new__ (a NamedTuple's): once per deadline.
_case_deadline: Callable[[type[CaseDeadline], tuple[CaseRecord, Deadline]], CaseDeadline] = tuple[object, ...].__new__
_BY_CASE_REF, _BY_ID = attrgetter("case.case_ref"), attrgetter("case.id")


def collect(
    cases: Iterable[CaseRecord], outcome_of: Callable[[CaseRecord], Outcome]
) -> tuple[list[CaseDeadline], list[CaseProblem]]:
    """Every deadline (earliest legal date first, then in the order of the cases given) and every
    case that cannot be computed (by FASIT case number), from each case's outcome."""
    listed = cases if isinstance(cases, Sequence) else list(cases)
    return collect_outcomes(listed, list(map(outcome_of, listed)))


def collect_outcomes(
    cases: Sequence[CaseRecord], outcomes: Sequence[Outcome]
) -> tuple[list[CaseDeadline], list[CaseProblem]]:
    """collect with each case's outcome given (outcomes[n] is that of cases[n]).

    Given the cases in name order, as the store lists them (core.collation.case_order), the
    deadlines come in core.collation.deadline_order: the name is not compared again here (a key
    per deadline cost ~60 ms at 100,000 cases), which is why the order of the cases matters.
    """
    # By legal date, the cases' order kept: a list per date in the cases' order, then the dates in
    # order (what a stable sort by date gives; 100,000 deadlines fall on a few thousand dates, and
    # this took half the time of the sort).
    by_day: dict[date, list[CaseDeadline]] = {}
    problems: list[CaseProblem] = []
    add_problem = problems.append
    with collector_paused():  # a deadline per case, kept by the window: see core/collector.py
        for case, outcome in zip(cases, outcomes, strict=True):
            if isinstance(outcome, str):
                add_problem(CaseProblem(case, outcome))
            else:
                for deadline in outcome:
                    row = _case_deadline(CaseDeadline, (case, deadline))
                    same_day = by_day.get(deadline.legal_due)
                    if same_day is None:
                        by_day[deadline.legal_due] = [row]
                    else:
                        same_day.append(row)
        found: list[CaseDeadline] = []
        for day in sorted(by_day):
            found += by_day[day]
        # Problems by (FASIT number, id): two stable sorts on one key each, a third of the time
        # of one sort on a pair.
        problems.sort(key=_BY_ID)
        problems.sort(key=_BY_CASE_REF)
    return found, problems


def group_of(deadline: Deadline, today: date) -> str:
    """The overview group of a deadline: overdue, this week, the 'snart' days or later.

    'Snart' is the deadline's own status (the warning days the user set, Indstillinger), so the
    groups follow that setting: see group_titles.
    """
    if deadline.status == OVERDUE:
        return GROUP_OVERDUE
    end_of_week = today + timedelta(days=6 - today.weekday())
    if deadline.practical_due <= end_of_week or deadline.legal_due <= end_of_week:
        return GROUP_THIS_WEEK
    if deadline.status == DUE_SOON:
        return GROUP_NEXT_30
    return GROUP_LATER


def group_titles(soon_days: int = DEFAULT_WARNING_DAYS) -> dict[str, str]:
    """The groups' Danish titles, in the order shown; 'Næste 30 dage' follows the setting."""
    return {**GROUP_TITLES_DA, GROUP_NEXT_30: f"Næste {soon_days} dage"}
