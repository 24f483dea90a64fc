"""The window's view of the database: every case, its deadlines and its problems, kept current
by reading and computing only what was written since the last look.

    book = DeadlineBook(store)
    book.update(today)          # the first time: everything (BookUpdate.full)
    ...                         # the caseworker registers a follow-up on case 17
    change = book.update(today) # BookUpdate(full=False, case_ids={17}, removed=set())
    change = book.update(today) # None: nothing written since, nothing done (one PRAGMA)

After an update, book.cases, book.deadlines and book.problems are exactly what one pass of
core.cases.deadlines_and_problems over store.list_cases() gives (the same order, too); the
window patches the rows of change.case_ids, or rebuilds its lists when change.full.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from operator import attrgetter
from types import MappingProxyType
from typing import Any

from ..core.cases import CaseDeadline, CaseProblem, CaseRecord
from ..core.catalog import Trial
from ..core.collation import danish_key, deadline_order
from ..core.selection import Selection
from ..core.settings import Settings
from .book_counts import FilterChoices, TrialEndCounts
from .deadline_cache import DeadlineCache

# The order core.cases.collect gives over the store's cases (core.collation.deadline_order: legal
# date, name, case id), and a case's own deadlines on one date in their order (inserted one by one).
_DEADLINE_ORDER = deadline_order
_PROBLEM_ORDER = attrgetter("case.case_ref", "case.id")
_CASE_ID = attrgetter("id")


def _no_rows() -> Mapping[int, tuple[CaseDeadline, ...]]:
    return MappingProxyType({})


@dataclass(frozen=True, slots=True)
class BookUpdate:
    """What an update changed."""

    full: bool  # anything may differ (first look, new day, settings, catalog, another program)
    case_ids: frozenset[int] = frozenset()  # when not full: the cases created, changed or deleted
    removed: frozenset[int] = frozenset()  # of those, the ones no longer in the database
    # When not full: the rows of book.deadlines each of those cases had before (the window's lists
    # remove these; an empty tuple for a new case or one that had none).
    previous: Mapping[int, tuple[CaseDeadline, ...]] = field(default_factory=_no_rows)


class DeadlineBook:
    """Every case with its deadlines and problems, as of the last update()."""

    def __init__(self, store, cache: DeadlineCache | None = None) -> None:
        self.store = store
        self.cache = cache or DeadlineCache()
        self._cache_used = cache is not None  # it may keep cases no longer in the database (_read_all)
        self.cases: list[CaseRecord] = []  # sorted by name, as store.list_cases()
        self.deadlines: list[CaseDeadline] = []  # earliest legal date first, then by name
        self.problems: list[CaseProblem] = []  # by FASIT case number
        self.choices = FilterChoices()  # the trials and caseworkers the cases have (the filters)
        self._trial_end: TrialEndCounts | None = None  # for trial_end_lines, counted when first asked
        self.settings: Settings | None = None
        self.catalog: Mapping[str, Trial] = {}
        self.today: date | None = None
        self._token = None
        self._removed: frozenset[int] = frozenset()
        self._previous: Mapping[int, tuple[CaseDeadline, ...]] = _no_rows()  # of the last patch

    def update(self, today: date) -> BookUpdate | None:
        """Bring the book up to date; None when nothing was written and the day is the same."""
        store = self.store
        changes = store.changes_since(self._token)  # the token first, then the reading
        if changes is None and today == self.today:
            return None
        settings = store.settings() if changes is not None or self.settings is None else self.settings
        catalog = store.catalog()
        context_same = (
            today == self.today
            and self.settings is not None
            and settings.warning_days == self.settings.warning_days
            and catalog is self.catalog
        )
        self.settings, self.catalog, self.today = settings, catalog, today
        if changes is not None:
            self._token = changes.token
        try:
            if context_same and changes is not None and not changes.anything:
                if not changes.case_ids:  # settings or the like: no case and no deadline changed
                    return BookUpdate(False)
                if self._patch(changes.case_ids, changes.token.data_version):
                    return BookUpdate(False, changes.case_ids, frozenset(self._removed), self._previous)
            self._read_all()
        except BaseException:
            # Reading failed (a network drive gone, a damaged page): the token must not say it was
            # read, or every later update would find "nothing written" and the lists stay old.
            self._token = None
            raise
        return BookUpdate(True)

    # ------------------------------------------------------------ asking

    def trial_end_lines(
        self, horizon_days: int, caseworker: str = "", chosen: Selection[CaseDeadline] | None = None
    ) -> list[str]:
        """core.deadline_notices.trial_end_notices of the deadlines of caseworker's cases ('' = all, as the
        Frister list's filter: core.selection.belongs_to): the trials that have ended, and one line
        per trial whose coming end makes deadlines overdue (counted once, then adjusted by each patch).
        chosen: core.selection.select's choice for caseworker over book.deadlines, when the caller
        has made it (see TrialEndCounts.lines)."""
        today = self.today
        assert today is not None, "trial_end_lines before update"
        if self._trial_end is None or self._trial_end.key != (today, horizon_days):
            self._trial_end = TrialEndCounts(self.deadlines, today, horizon_days)
        return self._trial_end.lines(caseworker, chosen)

    def deadlines_of(self, case_ids: Iterable[int]) -> dict[int, list[CaseDeadline]]:
        """The items of book.deadlines of these cases, by case id, in the book's order (a case
        without deadlines, or not in the book, gets an empty list)."""
        return {case_id: self._rows_of(case_id, self.cache.kept(case_id)) for case_id in case_ids}

    def _rows_of(self, case_id: int, kept: tuple[CaseRecord, Any] | None) -> list[CaseDeadline]:
        """The case's items of book.deadlines, in the book's order, found by bisection from what the
        cache kept of it (the record and outcome its rows were made from: every case in the book went
        through the cache). No index per case is kept: at 100,000 cases it took 14 MB."""
        if kept is None or isinstance(kept[1], str):
            return []  # not in the book, or a case that cannot be computed: no deadlines
        found = _positions(self.deadlines, case_id, kept)
        if found is None:  # a row not where its key says (never expected): the book's order by a scan
            return [item for item in self.deadlines if item.case.id == case_id]
        deadlines = self.deadlines
        return [deadlines[at] for at in sorted(found)]

    # ------------------------------------------------------------ reading

    def _read_all(self) -> None:
        settings, today = self.settings, self.today
        assert settings is not None and today is not None  # update() sets both before reading
        # A new cache holds only the cases about to be computed: nothing to drop from it afterwards
        # (100,000 ids at the start). Once used, by a pass that may fail halfway, it is pruned.
        pruned, self._cache_used = self._cache_used, True
        self.cases = self.store.list_cases()
        self.deadlines, self.problems = self.cache.deadlines_and_problems(
            self.cases, self.catalog, today, warning_days=settings.warning_days
        )
        if pruned:
            self.cache.keep_only(map(_CASE_ID, self.cases))
        self._removed = frozenset()
        self.choices = FilterChoices(self.cases)
        self._trial_end = None

    def _patch(self, case_ids: frozenset[int], data_version: int) -> bool:
        """Replace the rows of these cases only; False when another program wrote meanwhile."""
        store, settings, today = self.store, self.settings, self.today
        assert settings is not None and today is not None  # update() sets both before patching
        current = store.cases_by_id(case_ids)
        if store.change_token().data_version != data_version:
            return False  # the records may be newer than the token: read everything instead
        before = {case_id: self.cache.kept(case_id) for case_id in case_ids}  # what the lists show
        outcomes = self.cache.outcomes(current.values(), self.catalog, today, warning_days=settings.warning_days)
        self._removed = case_ids - current.keys()
        self.cache.forget(self._removed)
        # What was shown of these cases is what the cache kept: every case in the book went through it.
        shown = [kept for kept in before.values() if kept is not None]
        self.choices.remove(case for case, _outcome in shown)
        self.choices.add(current.values())
        if self._trial_end is not None and self._trial_end.key[0] == today:
            self._trial_end.replace(shown, ((current[case_id], outcome) for case_id, outcome in outcomes.items()))
        else:
            self._trial_end = None
        # Patched in place (a copy of 100,000 rows per follow-up was most of a patch's time); the
        # window's lists are these same lists, and it patches its models from the changed cases.
        deadlines, problems = self.deadlines, self.problems
        self._previous = MappingProxyType(
            {case_id: tuple(self._rows_of(case_id, before[case_id])) for case_id in case_ids}
        )
        indexed = _remove_rows(deadlines, problems, before)  # found by bisection, else by a scan
        if not indexed:
            deadlines[:] = [item for item in deadlines if item.case.id not in case_ids]
            problems[:] = [item for item in problems if item.case.id not in case_ids]
        for case_id, outcome in outcomes.items():
            case = current[case_id]
            if isinstance(outcome, str):
                problem = CaseProblem(case, outcome)
                problems.insert(bisect_right(problems, _PROBLEM_ORDER(problem), key=_PROBLEM_ORDER), problem)
                continue
            for deadline in outcome:  # a case's own on one date stay in their order (bisect_right)
                item = CaseDeadline(case, deadline)
                deadlines.insert(bisect_right(deadlines, _DEADLINE_ORDER(item), key=_DEADLINE_ORDER), item)
        self.cases = store.list_cases()
        return True


def _positions(deadlines: list[CaseDeadline], case_id: int, kept: tuple[CaseRecord, Any]) -> list[int] | None:
    """Where in the sorted deadlines each of the kept outcome's rows is (bisection on the sort key);
    None when one is not found."""
    case, outcome = kept
    name = danish_key(case.citizen)
    found = []
    for deadline in outcome:
        key = (deadline.legal_due, name, case_id)
        at = bisect_left(deadlines, key, key=_DEADLINE_ORDER)
        while at < len(deadlines) and _DEADLINE_ORDER(deadlines[at]) == key:
            row = deadlines[at]
            if row.case.id == case_id and row.deadline is deadline and at not in found:
                found.append(at)
                break
            at += 1
        else:
            return None
    return found


def _remove_rows(deadlines: list[CaseDeadline], problems: list[CaseProblem], shown: dict) -> bool:
    """Remove each case's rows as shown (its kept record and outcome) from the sorted lists, each
    found by bisection on its sort key (_positions). False when a row is not where it should be
    (nothing kept for a case that has rows): the caller then scans."""
    gone: list[int] = []
    for case_id, kept in shown.items():
        if kept is None:
            continue  # a new case (or one never shown): it has no rows
        if isinstance(kept[1], str):  # a case that could not be computed: its one problem row
            if not _remove_problem(problems, kept[0], case_id):
                return False
            continue
        found = _positions(deadlines, case_id, kept)
        if found is None:
            return False
        gone += found
    for at in sorted(gone, reverse=True):  # from the end: the positions before stay right
        del deadlines[at]
    return True


def _remove_problem(problems: list[CaseProblem], case: CaseRecord, case_id: int) -> bool:
    key = (case.case_ref, case_id)
    at = bisect_left(problems, key, key=_PROBLEM_ORDER)
    if at < len(problems) and _PROBLEM_ORDER(problems[at]) == key:
        del problems[at]
        return True
    return False
