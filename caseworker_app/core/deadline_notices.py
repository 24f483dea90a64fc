"""The lines the Frister tab's banners say over a list of deadlines: the deadlines that fell due
while the program was closed, the trials that have ended and those whose end is coming."""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING

from .deadline import trial_end_warnings
from .text import count_text
from .workdays import fmt

if TYPE_CHECKING:
    from .cases import CaseDeadline
    from .deadline import Deadline


def became_due_since(
    items: Iterable[CaseDeadline], last_opened: date | None, today: date, *, by_legal_date: bool = False
) -> list[CaseDeadline]:
    """Deadlines whose legal date passed while the program was closed ('forfaldet siden sidst').

    by_legal_date: items is a sequence in legal-date order (the window's list, 100,000 rows at the
    start): the same rows are found by bisection instead of looking at each."""
    if last_opened is None:
        return []
    if by_legal_date and isinstance(items, Sequence):
        first = bisect_left(items, last_opened, key=_legal_due)
        return list(items[first : bisect_left(items, today, first, key=_legal_due)])
    return [cd for cd in items if last_opened <= cd.deadline.legal_due < today]


def _legal_due(item: CaseDeadline) -> date:
    return item.deadline.legal_due


def trial_end_notices(items: Iterable[CaseDeadline], today: date, horizon_days: int) -> list[str]:
    """One Danish line per trial that has ended (its deadlines now under the ordinary rule), then
    one per trial whose coming end makes deadlines overdue the day after it."""
    deadlines = [item.deadline for item in items]
    return ended_trial_lines(ended_trial_counts(deadlines, today)) + trial_end_lines(
        trial_end_counts(deadlines, today, horizon_days)
    )


def trial_end_counts(deadlines: Iterable[Deadline], today: date, horizon_days: int) -> Counter[tuple[str, date]]:
    """How many of these deadlines each trial's coming end makes overdue, by (trial, end): the
    counts trial_end_notices words (the window keeps them and adjusts them per changed case)."""
    return Counter((d.trial_id, d.trial_end) for d in trial_end_warnings(deadlines, today, horizon_days))


def ended_trial_counts(deadlines: Iterable[Deadline], today: date) -> Counter[tuple[str, date]]:
    """How many of these deadlines the ordinary rule governs because their trial has ended, by
    (trial, end): decision 3 at work, which the Frister tab says in one line per trial. A deadline
    the trial never applied to (Deadline.trial_inapplicable) is the ordinary rule's whatever the end."""
    return Counter(
        (d.trial_id, d.trial_end)
        for d in deadlines
        if d.governed_by == "ordinary" and d.trial_end < today and not d.trial_inapplicable
    )


def ended_trial_lines(counts: Mapping[tuple[str, date], int]) -> list[str]:
    """ended_trial_counts' counts in Danish, in one line however many trials have ended (a line per
    trial took half the list on a small screen); a count of 0 says nothing."""
    ended = [(trial_id, end, count) for (trial_id, end), count in sorted(counts.items()) if count > 0]
    if not ended:
        return []
    unless = "medmindre kommunen har fået forlængelse (se fanen Forsøg)"
    if len(ended) == 1:
        [(trial_id, end, count)] = ended
        frister = count_text(count, "frist regnes", "frister regnes")
        return [f"Forsøg {trial_id} sluttede {fmt(end)}: {frister} nu efter den almindelige regel, {unless}"]
    listed = ", ".join(
        f"{trial_id} sluttede {fmt(end)} ({count_text(count, 'frist', 'frister')})" for trial_id, end, count in ended
    )
    return [f"Den almindelige regel gælder nu for frister i forsøg, der er slut, {unless}: {listed}"]


def trial_end_lines(counts: Mapping[tuple[str, date], int]) -> list[str]:
    """trial_end_counts' counts in Danish, one line per trial (a count of 0 says nothing)."""
    return [
        f"Forsøg {trial_id} slutter {fmt(end)}: "
        f"{count_text(count, 'sag får', 'sager får')} en overskredet frist dagen efter"
        for (trial_id, end), count in sorted(counts.items())
        if count > 0
    ]
