"""The case window's "Frister": each coming deadline with its reasons, or why there is none."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGroupBox, QLabel, QScrollArea, QVBoxLayout, QWidget

from ...core.cases import ACTIVE, deadlines_for_cases, uncomputable_cases
from ...core.catalog import Trial
from ..case_deadlines_model import deadline_html, plain_text

if TYPE_CHECKING:  # types only: no import of the store when this module loads
    from ...store.case_store import CaseStore
    from .history_pane import HistoryPane


def deadline_texts(store: CaseStore, case, trial: Trial | None, today: date) -> list[str]:
    """One text per box: a deadline as HTML, or a plain sentence saying why there is none."""
    if case is None:
        return ["Fristerne vises, når sagen er gemt."]
    if problems := uncomputable_cases([case], store.catalog()):
        # The same reason the main window, `deadlines` and the exports give.
        return [f"Fristerne kan ikke beregnes: {problems[0].reason}."]
    if case.status != ACTIVE:
        return ["Sagen er afsluttet; der beregnes ingen frister."]
    if trial is None or not trial.has_deadlines:
        return ["Forsøget har ingen beregnelig frist."]
    items = deadlines_for_cases([case], store.catalog(), today, warning_days=store.settings().warning_days)
    return [deadline_html(item.deadline) for item in items] or ["Ingen kommende frister."]


class DeadlinesPane(QGroupBox):
    """A box per deadline at the top, the free room below them; several on a low screen scroll."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__("Frister", parent)
        self.area = QWidget()
        self.area_layout = QVBoxLayout(self.area)
        self.area_layout.setContentsMargins(0, 0, 0, 0)
        self.area_layout.addStretch(1)  # the deadlines at the top, the free room below them
        self.labels: list[QLabel] = []
        self.scroll_area = QScrollArea()  # several deadlines on a low screen: they scroll
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidget(self.area)
        self.scroll_area.setAccessibleName("Sagens frister")
        QVBoxLayout(self).addWidget(self.scroll_area)

    def show_texts(self, texts: list[str]) -> None:
        """Replace the boxes: HTML texts (a deadline) as rich text, sentences as plain text."""
        for label in self.labels:
            # Out of the layout at once: the pane's height (needed_height) counts only the new boxes.
            self.area_layout.removeWidget(label)
            label.hide()
            label.deleteLater()
        self.labels = []
        for text in texts:
            label = QLabel(text)
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText if text.startswith("<") else Qt.TextFormat.PlainText)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setFrameShape(QFrame.Shape.StyledPanel)
            label.setContentsMargins(6, 6, 6, 6)
            self.area_layout.insertWidget(len(self.labels), label)
            label.show()  # now, not on the layout's queued show: needed_height counts it at once
            self.labels.append(label)

    def texts(self) -> list[str]:
        """The deadlines as the caseworker reads them (plain text of each box)."""
        return [plain_text(label.text()) for label in self.labels]

    def needed_height(self) -> int:
        """The pane's height when every box is seen whole at the width it has now."""
        frame = self.height() - self.scroll_area.viewport().height()
        return self.area_layout.totalHeightForWidth(self.scroll_area.viewport().width()) + frame

    def fitted_height(self, total: int, history: HistoryPane) -> int:
        """The pane's height in a column total high above history: as high as its text needs (at
        most 3/5 of the column), the history the rest, but a few of its rows (at 1366×768 and 150 %
        a long deadline text left it one row). The first deadline's first line, with "senest i
        praksis", is seen whole before those rows: the history then keeps a row of one line (its
        rows are never higher than the list, HistoryPane._fit_rows)."""
        rows = history.view.verticalHeader().defaultSectionSize()
        history_bare = history.minimumSizeHint().height()
        history_least = history_bare + max(2 * rows, history.tallest_row())
        top = max(0, min(self.needed_height(), total * 3 // 5, total - history_least))
        one_row = history.view.fontMetrics().height() + 8
        return max(top, min(self.head_height(), total - history_bare - one_row))

    def head_height(self) -> int:
        """The pane's height when the first box's first line is seen whole: what the deadline is,
        its dates ("senest i praksis") and its status (deadline_html), or a sentence why there is
        none. Measured beside the scroll bar the rest of the box then needs."""
        if not self.labels:
            return 0
        first = self.labels[0]
        rich = first.textFormat() == Qt.TextFormat.RichText
        head = QLabel(first.text().split("<br>", 1)[0] if rich else first.text())
        head.setWordWrap(True)
        head.setTextFormat(first.textFormat())
        head.setFrameShape(first.frameShape())
        head.setContentsMargins(first.contentsMargins())
        head.setFont(first.font())
        head.ensurePolished()  # the style's frame, as the box has it
        viewport = self.scroll_area.viewport()
        bar = self.scroll_area.verticalScrollBar()
        width = viewport.width() - (0 if bar.isVisible() else bar.sizeHint().width())
        frame = self.height() - viewport.height()
        height = head.heightForWidth(width) + frame
        head.deleteLater()
        return height
