"""Every case's deadlines, kept between the window's refreshes; a kept value is never stale.

A case's deadlines (and whether it can be computed at all) depend on its trial in the catalog,
its own dates, events and status, the day and the warning days (core.cases.Outcomes), and on
nothing else. So each case's outcome is kept together with exactly those inputs:

- the case's record is kept, and its inputs (trial, status, dates, events, damaged rows) are
  compared by value with the record asked about, so a change written by anyone – this window,
  the command line, another copy of the program – is seen as soon as the record is read;
- its trial is identified by the trial's content (the text of everything the catalog says about
  it: the shipped TOML file as read, and the database's extensions, end dates and changed
  ordinary rules applied to it), so a changed trial file or override recomputes its cases;
- the day and the warning days hold for all: when either differs, everything is recomputed.

What is kept is only ever a speed-up: asked about a record, the cache gives what core.cases
would compute for it now (tests/services/test_deadline_cache.py checks this for random edits).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from operator import attrgetter
from types import MappingProxyType

from ..core.cases import (
    CaseDeadline,
    CaseProblem,
    CaseRecord,
    Outcome,
    Outcomes,
    collect,
    collect_outcomes,
)
from ..core.catalog import Trial
from ..core.collector import collector_paused
from ..core.deadline import DEFAULT_WARNING_DAYS
from ..core.id_map import IdMap

_ID = attrgetter("id")


def trial_fingerprint(trial: Trial) -> str:
    """Everything the catalog says about a trial (its rules, period, extensions, citations,
    dates, ...) as one text: equal for equal content, whatever object or file it came from.

    The whole text, not a hash of it: no two contents can share it (and importing hashlib cost
    the window's first paint of the cases ~4 ms)."""
    return repr(trial)


def _damaged(case: CaseRecord) -> object:
    extra = case.extra
    return (extra.get("damaged"), extra.get("damaged_dates")) if extra else None


def _same_inputs(kept: CaseRecord, case: CaseRecord) -> bool:
    """True when the engine would read the same of both (core.cases.Outcomes.of, _problem)."""
    return (
        kept.trial_id == case.trial_id
        and kept.status == case.status
        and (kept.dates is case.dates or tuple(kept.dates.items()) == tuple(case.dates.items()))  # order too
        and kept.events == case.events
        and _damaged(kept) == _damaged(case)
    )


def _unchangeable(case: CaseRecord) -> bool:
    return case.dates.__class__ is MappingProxyType and case.events.__class__ is tuple


def _frozen(case: CaseRecord) -> CaseRecord:
    """A copy of a record that could change (dates in a plain dict, events in a list): what is
    kept is then what was computed from. The store's records (a read-only view of the dates,
    a tuple of events) are kept as they are."""
    return case._replace(dates=MappingProxyType(dict(case.dates)), events=tuple(case.events))


class DeadlineCache:
    """The outcome of each case seen, kept with the record it was computed from."""

    def __init__(self) -> None:
        self._day: tuple[date, int] | None = None  # (today, warning days) of what is kept
        self._catalog: Mapping[str, Trial] | None = None
        self._catalog_items: tuple = ()  # the catalog's (key, trial) pairs, held: ids stay unique
        self._prints: dict[str, str] = {}  # catalog key -> its trial's fingerprint
        self._known: dict[int, tuple[Trial, str]] = {}  # id(trial) -> (trial, fingerprint)
        self._outcomes: Outcomes | None = None
        # case id -> (record, outcome); by id in a list (core/id_map.py): at 100,000 cases 0.8 MB, a dict 5 MB
        self._kept: IdMap[tuple[CaseRecord, Outcome]] = IdMap()
        self.computed = 0  # cases computed rather than taken from what was kept (tests, figures)

    # ------------------------------------------------------------ asking

    def deadlines_and_problems(
        self,
        cases: Iterable[CaseRecord],
        catalog: Mapping[str, Trial],
        today: date,
        *,
        warning_days: int = DEFAULT_WARNING_DAYS,
    ) -> tuple[list[CaseDeadline], list[CaseProblem]]:
        """As core.cases.deadlines_and_problems (the same lists in the same order), computing
        only the cases whose outcome is not kept for their current record."""
        self._prepare(catalog, today, warning_days)
        if self._kept:
            return collect(cases, self.outcome_of)
        # Nothing kept yet (the window's first pass): no case to look up, each one computed and kept.
        return self._first_pass(cases if isinstance(cases, Sequence) else list(cases))

    def outcomes(
        self,
        cases: Iterable[CaseRecord],
        catalog: Mapping[str, Trial],
        today: date,
        *,
        warning_days: int = DEFAULT_WARNING_DAYS,
    ) -> dict[int, Outcome]:
        """Each case's outcome by id: its deadlines (earliest first), or as text why they cannot
        be computed. For the few cases a change touched (services/deadline_book.py)."""
        self._prepare(catalog, today, warning_days)
        with collector_paused():
            return {case.id: self.outcome_of(case) for case in cases}

    def forget(self, case_ids: Iterable[int]) -> None:
        """Drop what is kept for these cases (deleted ones): memory only, never needed for truth."""
        for case_id in case_ids:
            self._kept.pop(case_id, None)

    def keep_only(self, case_ids: Iterable[int]) -> None:
        """Drop what is kept for every case but these (the ones still in the database)."""
        present = set(case_ids)
        if len(present) < len(self._kept):
            for gone in [i for i, _kept in self._kept.items() if i not in present]:
                self._kept.pop(gone)

    def outcome_of(self, case: CaseRecord) -> Outcome:
        """The case's outcome in the context of the last deadlines_and_problems or outcomes."""
        kept = self._kept.get(case.id)
        if kept is not None:
            if kept[0] is case:
                return kept[1]
            if _same_inputs(kept[0], case):  # the same for the engine, but perhaps a new name
                self._kept[case.id] = (case if _unchangeable(case) else _frozen(case), kept[1])
                return kept[1]
        outcomes = self._outcomes
        assert outcomes is not None  # set by _prepare, which deadlines_and_problems and outcomes call first
        outcome = outcomes.of(case)
        self.computed += 1
        self._kept[case.id] = (case if _unchangeable(case) else _frozen(case), outcome)
        return outcome

    def _first_pass(self, cases: Sequence[CaseRecord]) -> tuple[list[CaseDeadline], list[CaseProblem]]:
        """deadlines_and_problems while nothing is kept: every case computed in one loop
        (Outcomes.each) and kept with its record, without a look-up per case. A case listed twice
        is computed twice, to the same outcome (it depends on the record alone); the last is kept."""
        outcomes = self._outcomes
        assert outcomes is not None  # set by _prepare
        found = outcomes.each(cases)
        self.computed += len(found)
        with collector_paused():
            kept = [
                # _unchangeable, written out: once per case
                (
                    case
                    if case.dates.__class__ is MappingProxyType and case.events.__class__ is tuple
                    else _frozen(case),
                    outcome,
                )
                for case, outcome in zip(cases, found, strict=True)
            ]
            self._kept = IdMap.pairs(list(map(_ID, cases)), kept)
        return collect_outcomes(cases, found)

    def kept(self, case_id: int) -> tuple[CaseRecord, Outcome] | None:
        """The record last asked about for this case and its outcome, if kept."""
        return self._kept.get(case_id)

    # ------------------------------------------------------------ context

    def _prepare(self, catalog: Mapping[str, Trial], today: date, warning_days: int) -> None:
        """Start afresh on a new day or number of warning days; on a new catalog drop only the
        cases of the trials whose content changed (or that came or went)."""
        if (today, warning_days) != self._day:
            self._day, self._kept, self._outcomes = (today, warning_days), IdMap(), None
        items = tuple(catalog.items())
        if catalog is self._catalog and items == self._catalog_items and self._outcomes is not None:
            return
        prints: dict[str, str] = {}
        known: dict[int, tuple[Trial, str]] = {}
        for key, trial in items:
            entry = self._known.get(id(trial))
            if entry is None or entry[0] is not trial:
                entry = (trial, trial_fingerprint(trial))
            known[id(trial)] = entry
            prints[key] = entry[1]
        changed = {key for key in prints.keys() | self._prints.keys() if prints.get(key) != self._prints.get(key)}
        if changed:
            for gone in [i for i, kept in self._kept.items() if kept[0].trial_id in changed]:
                self._kept.pop(gone)
        self._catalog, self._catalog_items = catalog, items
        self._prints, self._known = prints, known
        self._outcomes = Outcomes(catalog, today, warning_days)
