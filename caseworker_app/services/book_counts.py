"""What the window's filters offer and what its trial-end banner says, counted over every case
and adjusted by the cases a change touched (services/deadline_book.py), rather than counted
again over 100,000 cases after each follow-up (that was most of a follow-up's time there).

Each count is the one function's answer kept current: the choices are the values the cases
have, the trial-end counts are core.deadline_notices.trial_end_counts over the deadlines; a test compares
both with a fresh count after any writes (tests/services/test_deadline_cache.py).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date
from operator import attrgetter

from ..core.cases import CaseDeadline, CaseRecord, Outcome
from ..core.deadline_notices import ended_trial_counts, ended_trial_lines, trial_end_counts, trial_end_lines
from ..core.selection import Selection, belongs_to, select
from ..core.terms import ACTIVE
from ..core.text import name_key

_KIND = attrgetter("trial_id", "caseworker", "status")
_DEADLINE = attrgetter("deadline")


class FilterChoices:
    """The trials and caseworkers the cases have (Sager's filters), and the caseworkers of the
    active cases (Frister's "mine frister"), each with how many cases have it."""

    def __init__(self, cases: Iterable[CaseRecord] = ()) -> None:
        self._trials: Counter[str] = Counter()
        self._caseworkers: Counter[str] = Counter()
        self._active_caseworkers: Counter[str] = Counter()
        self.add(cases)

    def add(self, cases: Iterable[CaseRecord], sign: int = 1) -> None:
        # Each case looked at once, its values counted in C: at the start these are every case,
        # 100,000 of them, and they hold a few dozen kinds (trial, caseworker, status) between them.
        kinds = Counter(map(_KIND, cases))
        for (trial_id, caseworker, status), count in kinds.items():
            self._trials[trial_id] += sign * count
            self._caseworkers[caseworker] += sign * count
            if status == ACTIVE:
                self._active_caseworkers[caseworker] += sign * count

    def remove(self, cases: Iterable[CaseRecord]) -> None:
        self.add(cases, -1)

    def trial_ids(self) -> list[str]:
        """Every trial a case has, sorted."""
        return sorted(_present(self._trials))

    def caseworkers(self) -> set[str]:
        """Every caseworker name a case has ('' for a case without one)."""
        return _present(self._caseworkers)

    def active_caseworkers(self) -> set[str]:
        """Every caseworker name an active case has."""
        return _present(self._active_caseworkers)


def _present(counts: Counter[str]) -> set[str]:
    return {value for value, count in counts.items() if count > 0}


class TrialEndCounts:
    """core.deadline_notices.trial_end_counts and ended_trial_counts, for one day and one horizon, over the
    deadlines of the list shown: every caseworker's, or one caseworker's ("mine frister", chosen
    as the list chooses: core.selection.belongs_to), as the command line counts those it lists.
    Each list's counts are made when first asked for, then adjusted by each patch."""

    def __init__(self, items: Sequence[CaseDeadline], today: date, horizon_days: int) -> None:
        self.key = (today, horizon_days)
        self._items = items  # the book's deadlines: read when a list's counts are first asked for
        # the caseworker asked for (core.text.name_key; '' = all) -> (coming ends, trials already over: decision 3)
        self._lists: dict[str, tuple[Counter[tuple[str, date]], Counter[tuple[str, date]]]] = {}

    def replace(
        self, before: Iterable[tuple[CaseRecord, Outcome]], after: Iterable[tuple[CaseRecord, Outcome]]
    ) -> None:
        """Some cases' outcomes (a text: no deadlines) changed from before to after; each with its
        case as it was then (its caseworker may have changed too)."""
        today, horizon_days = self.key
        for pairs, sign in ((list(before), -1), (list(after), 1)):
            for wanted, (coming, ended) in self._lists.items():
                deadlines = [
                    deadline
                    for case, outcome in pairs
                    if not isinstance(outcome, str) and belongs_to(case.caseworker, wanted)
                    for deadline in outcome
                ]
                for counts, found in (
                    (coming, trial_end_counts(deadlines, today, horizon_days)),
                    (ended, ended_trial_counts(deadlines, today)),
                ):
                    if sign > 0:
                        counts.update(found)
                    else:
                        counts.subtract(found)

    def lines(self, caseworker: str = "", chosen: Selection[CaseDeadline] | None = None) -> list[str]:
        """The trials that have ended, then those whose coming end makes deadlines overdue, counted
        over the deadlines of caseworker's list ('' = every caseworker's). chosen: what select()
        chose for caseworker over these deadlines, if the caller has it (the Frister list's rows
        with no search): not chosen again over 100,000 rows."""
        today, horizon_days = self.key
        wanted = name_key(caseworker)
        counts = self._lists.get(wanted)
        if counts is None:
            if chosen is None or chosen.caseworker.casefold() != wanted or chosen.total != len(self._items):
                # The rows the list chooses for wanted (core.selection.select: a name asked once, not per row)
                chosen = select(self._items, caseworker=wanted)
            deadlines = list(map(_DEADLINE, chosen.items))
            counts = self._lists[wanted] = (
                trial_end_counts(deadlines, today, horizon_days),
                ended_trial_counts(deadlines, today),
            )
        coming, ended = counts
        return ended_trial_lines(ended) + trial_end_lines(coming)
