"""What the Frister tree and the Sager list share: roles, columns, the deadline order, cells."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from ...core.cases import CaseDeadline, CaseRecord
from ...core.collation import deadline_order
from ...core.deadline import practical_day_text
from ..case_deadlines_model import marked_due_text
from ..model_base import DISPLAY_ROLE, FONT_ROLE, FOREGROUND_ROLE, TOOLTIP_ROLE, USER_ROLE

ITEM_ROLE = USER_ROLE  # the CaseDeadline / CaseRecord behind a row

# Roles as plain ints: data() runs for every role of every visible cell on each paint, and an
# enum comparison costs several times an int's (benchmarks/bench_window.py, bench_startup.py).
DISPLAY, TOOLTIP, FOREGROUND, FONT = DISPLAY_ROLE, TOOLTIP_ROLE, FOREGROUND_ROLE, FONT_ROLE
ITEM = ITEM_ROLE
SHOWN_ROLES = frozenset({DISPLAY, TOOLTIP, FOREGROUND, FONT, ITEM})  # the rest are left to Qt

# The order of the deadline list (services.deadline_book): by legal date, name, case id; a case's own
# deadlines on one date in their order. Each group keeps it, so a row is found and placed by bisection.
_DEADLINE_ORDER = deadline_order


class DeadlineColumn:
    """The Frister tree's columns, in DeadlineTreeModel.COLUMNS order."""

    DUE, PRACTICAL, CITIZEN, CASE_REF, TRIAL, CASEWORKER, WHAT, REASON = range(8)


class CaseColumn:
    """The Sager list's columns, in CaseTableModel.COLUMNS order."""

    CITIZEN, CASE_REF, CPR, TRIAL, CASEWORKER, STATUS, NEXT_DUE, WHAT = range(8)


_MARKED_WHEN_OVERDUE = (DeadlineColumn.DUE, DeadlineColumn.PRACTICAL)  # bold and red, beside the "!"


def _find(rows: Sequence[CaseDeadline], item: CaseDeadline) -> int:
    """The row of item in rows (sorted by _DEADLINE_ORDER), found by bisection; -1 if absent."""
    key = _DEADLINE_ORDER(item)
    at = bisect_left(rows, key, key=_DEADLINE_ORDER)
    while at < len(rows) and _DEADLINE_ORDER(rows[at]) == key:
        if rows[at] is item:
            return at
        at += 1
    return -1


def _itself(case: CaseRecord) -> CaseRecord:
    return case


def _place(rows: Sequence[CaseDeadline], item: CaseDeadline) -> int:
    """Where item goes in rows (sorted by _DEADLINE_ORDER): after its equals, as the book inserts."""
    return bisect_right(rows, _DEADLINE_ORDER(item), key=_DEADLINE_ORDER)


def _deadline_cell(item: CaseDeadline, column: int) -> str:
    deadline = item.deadline
    if column == DeadlineColumn.DUE:
        return marked_due_text(deadline)
    if column == DeadlineColumn.PRACTICAL:
        return practical_day_text(deadline)
    if column == DeadlineColumn.CITIZEN:
        return item.case.citizen
    if column == DeadlineColumn.CASE_REF:
        return item.case.case_ref
    if column == DeadlineColumn.TRIAL:
        return item.case.trial_id
    if column == DeadlineColumn.CASEWORKER:
        return item.case.caseworker
    if column == DeadlineColumn.WHAT:
        return deadline.label
    return deadline.reason
