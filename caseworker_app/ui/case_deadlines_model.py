"""One case's deadlines on screen: a table model (the calculator) and a rich-text summary (the case
window), and the short texts of a deadline that the Frister and Sager lists show too."""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtGui import QTextDocumentFragment

from ..core.deadline import (
    OVERDUE,
    STATUS_DA,
    Deadline,
    day_off_text,
    due_text,
    ordinary_beside_text,
    practical_date,
    practical_day_text,
)
from ..core.workdays import fmt, fmt_weekday
from .colours import overdue_brush
from .model_base import BOLD, DISPLAY_ROLE, FONT_ROLE, FOREGROUND_ROLE, TOOLTIP_ROLE, ColumnTableModel, Index

if TYPE_CHECKING:
    from PySide6.QtCore import Qt


def deadline_html(deadline: Deadline) -> str:
    """A deadline as rich text: dates and status, reason, rule, citation, ordinary date."""
    e = html.escape
    day_off = f" ({e(day_off_text(deadline))})" if deadline.day_off else ""
    status = status_text(deadline)
    status_html = f"<b>{e(status)}</b>" if deadline.status == OVERDUE else e(status)
    if deadline.undated:
        dates = f"<b>{e(due_text(deadline))}</b>"
    elif practical_date(deadline) is None:  # a period's last day has no practical date (decision 7)
        dates = f"frist <b>{e(fmt(deadline.legal_due))}</b>"
    else:
        dates = (
            f"frist <b>{e(fmt(deadline.legal_due))}</b> – senest i praksis "
            f"<b>{e(fmt_weekday(deadline.practical_due))}</b>{day_off}"
        )
    # Why the trial rule's own date no longer holds, and whether the ordinary rule is checked.
    remarks = "".join(f"<b>Bemærk:</b> {e(text)}<br>" for text in deadline.remarks)
    return (
        f"<b>{e(deadline.label)}</b>: {dates} – {status_html}<br>"
        f"<b>Hvorfor:</b> {e(deadline.reason)}<br>"
        f"{remarks}"
        f"{e(deadline.rule)}<br>"
        f"<b>Henvisning:</b> {e(deadline.citation)}"
        + (
            f"<br><b>Almindelig regel ville give:</b> {e(ordinary_beside_text(deadline))}"
            if deadline.ordinary_beside
            else ""
        )
    )


def plain_text(rich: str) -> str:
    """The text a reader sees in rich text (for tests and copying)."""
    return QTextDocumentFragment.fromHtml(rich).toPlainText()


def status_text(deadline: Deadline) -> str:
    """'! overskredet' with a marker, 'snart' and 'senere' plain (words, not only colour)."""
    text = STATUS_DA[deadline.status]
    return f"! {text}" if deadline.status == OVERDUE else text


def marked_due_text(deadline: Deadline) -> str:
    """'! 28-02-2021': the legal date, marked when overdue (colour is never the only signal)."""
    return ("! " if deadline.status == OVERDUE else "") + due_text(deadline)


def next_due_cell_text(deadline: Deadline) -> str:
    """'! 01-01-2028 (i praksis 30-12-2027)': the legal date as marked_due_text, with the practical
    date beside it when that is earlier (decision 7), as Frister shows both."""
    text = marked_due_text(deadline)
    if deadline.day_off and not deadline.undated:
        text += f" (i praksis {fmt(deadline.practical_due)})"
    return text


class DeadlineTableColumn:
    """The columns of DeadlineTableModel, in COLUMNS order."""

    WHAT, DUE, PRACTICAL, STATUS, ORDINARY, REASON, RULE, CITATION = range(8)


_MARKED_WHEN_OVERDUE = (DeadlineTableColumn.DUE, DeadlineTableColumn.PRACTICAL, DeadlineTableColumn.STATUS)


class DeadlineTableModel(ColumnTableModel):
    """Deadlines as rows: what, dates, status, ordinary date, reason, rule, citation."""

    COLUMNS = (
        "Hvad",
        "Frist",
        "Senest i praksis",
        "Status",
        "Alm. regel ville give",
        "Hvorfor",
        "Regel",
        "Henvisning",
    )
    _HEADER_TIPS = {DeadlineTableColumn.ORDINARY: "Den frist, den almindelige regel ville give"}

    def set_deadlines(self, deadlines: Sequence[Deadline]) -> None:
        """Replace the rows."""
        self.beginResetModel()
        self._rows = list(deadlines)
        self.endResetModel()

    def deadline_at(self, row: int) -> Deadline:
        return self._rows[row]

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY_ROLE):
        from PySide6.QtCore import Qt  # built by now: PySide passed the orientation in

        if orientation == Qt.Orientation.Horizontal and role == TOOLTIP_ROLE:
            return self._HEADER_TIPS.get(section)
        return super().headerData(section, orientation, role)

    def data(self, index: Index, role: int = DISPLAY_ROLE):
        if not index.isValid():
            return None
        deadline = self._rows[index.row()]
        column = index.column()
        if role in (DISPLAY_ROLE, TOOLTIP_ROLE):
            return self._cell(deadline, column)
        overdue = deadline.status == OVERDUE
        if role == FOREGROUND_ROLE and overdue and column in _MARKED_WHEN_OVERDUE:
            return overdue_brush()
        if role == FONT_ROLE and overdue and column in _MARKED_WHEN_OVERDUE:
            return BOLD
        return None

    @staticmethod
    def _cell(deadline: Deadline, column: int) -> str:
        if column == DeadlineTableColumn.WHAT:
            return deadline.label
        if column == DeadlineTableColumn.DUE:
            return due_text(deadline)
        if column == DeadlineTableColumn.PRACTICAL:
            return practical_day_text(deadline)
        if column == DeadlineTableColumn.STATUS:
            return status_text(deadline)
        if column == DeadlineTableColumn.ORDINARY:
            return ordinary_beside_text(deadline)
        if column == DeadlineTableColumn.REASON:
            return deadline.reason
        if column == DeadlineTableColumn.RULE:
            return deadline.rule
        return deadline.citation
