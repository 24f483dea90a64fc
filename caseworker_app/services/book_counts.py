"""What the window's filters offer and what its trial-end banner says, counted over every case
and adjusted by the cases a change touched (services/deadline_book.py), rather than counted
again over 100,000 cases after each follow-up (that was most of a follow-up's time there).

Each count is the one function's answer kept current: the choices are the values the cases
have, the trial-end counts are core.cases.trial_end_counts over the deadlines; a test compares
both with a fresh count after any writes (tests/services/test_deadline_cache.py).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date

from ..core.cases import (
    CaseRecord,
    Outcome,
    ended_trial_counts,
    ended_trial_lines,
    trial_end_counts,
    trial_end_lines,
)
from ..core.deadline import Deadline
from ..core.terms import ACTIVE


class FilterChoices:
    """The trials and caseworkers the cases have (Sager's filters), and the caseworkers of the
    active cases (Frister's "mine frister"), each with how many cases have it."""

    def __init__(self, cases: Iterable[CaseRecord] = ()) -> None:
        self._trials: Counter[str] = Counter()
        self._caseworkers: Counter[str] = Counter()
        self._active_caseworkers: Counter[str] = Counter()
        self.add(cases)

    def add(self, cases: Iterable[CaseRecord], sign: int = 1) -> None:
        for case in cases:
            self._trials[case.trial_id] += sign
            self._caseworkers[case.caseworker] += sign
            if case.status == ACTIVE:
                self._active_caseworkers[case.caseworker] += sign

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
    """core.cases.trial_end_counts over every deadline, for one day and one horizon."""

    def __init__(self, deadlines: Iterable[Deadline], today: date, horizon_days: int) -> None:
        self.key = (today, horizon_days)
        deadlines = list(deadlines)
        self._counts = trial_end_counts(deadlines, today, horizon_days)
        self._ended = ended_trial_counts(deadlines, today)  # trials already over (decision 3)

    def replace(self, before: Iterable[Outcome], after: Iterable[Outcome]) -> None:
        """Some cases' outcomes changed from before to after (a text: no deadlines)."""
        today, horizon_days = self.key
        gone, come = _deadlines(before), _deadlines(after)
        self._counts.subtract(trial_end_counts(gone, today, horizon_days))
        self._counts.update(trial_end_counts(come, today, horizon_days))
        self._ended.subtract(ended_trial_counts(gone, today))
        self._ended.update(ended_trial_counts(come, today))

    def lines(self) -> list[str]:
        """The trials that have ended, then those whose coming end makes deadlines overdue."""
        return ended_trial_lines(self._ended) + trial_end_lines(self._counts)


def _deadlines(outcomes: Iterable[Outcome]) -> list[Deadline]:
    return [deadline for outcome in outcomes if not isinstance(outcome, str) for deadline in outcome]
