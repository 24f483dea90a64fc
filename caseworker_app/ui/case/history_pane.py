"""The case window's "Historik (nyeste først)": the history table and, under it, the buttons that add
to it (the window puts them in `buttons`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QAbstractItemView, QGroupBox, QHeaderView, QTableView, QVBoxLayout, QWidget

from ...core.cases import CaseRecord
from ...core.history import EventRow
from ...core.note_staleness import stale_notes
from ..fields import FlowLayout
from .history_model import HistoryModel

if TYPE_CHECKING:  # a type only: no import of the store when this module loads
    from ...store.case_store import CaseStore


class HistoryPane(QGroupBox):
    """The table of the case's history; current_changed when another row is chosen."""

    current_changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__("Historik (nyeste først)", parent)
        self.model = HistoryModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setAccessibleName("Historik, nyeste først")
        self.view.verticalHeader().hide()
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setAlternatingRowColors(True)
        self.view.setTabKeyNavigation(False)  # Tab goes on to the buttons (a table walks its cells)
        self.view.setWordWrap(True)
        header = self.view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # Read as date, event, text; form, initiator and 'registered' after them, so in a narrow
        # window it is those that scroll out of sight.
        header.moveSection(4, 2)
        self.view.installEventFilter(self)  # the text column takes the width left (see eventFilter)
        self.view.viewport().installEventFilter(self)  # and a row is never higher than the list
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.selectionModel().currentRowChanged.connect(self.current_changed)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        self.buttons = FlowLayout()  # filled by the window: they act on the history
        layout.addLayout(self.buttons)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        if watched is self.view and event.type() == QEvent.Type.Resize:
            self._fit_columns()
        elif watched is self.view.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_rows()
        return super().eventFilter(watched, event)

    def _fit_columns(self) -> None:
        """Date, kind, form, initiator and 'registered' as wide as their text needs; the text column
        the rest, at least 30 characters (the table scrolls sideways in a narrow window)."""
        metrics = self.view.fontMetrics()
        pad = 2 * metrics.averageCharWidth() + 8
        widths = [
            metrics.horizontalAdvance(sample) + pad
            for sample in (
                "00-00-0000",
                "Opfølgning – rettet",
                "personligt",
                "Initieret af",
                "",
                "00-00-0000 kl. 00.00",
            )
        ]
        rest = self.view.viewport().width() - sum(widths)
        widths[4] = max(rest, 30 * metrics.averageCharWidth())
        header = self.view.horizontalHeader()
        for column, width in enumerate(widths):
            header.resizeSection(column, width)

    def _fit_rows(self) -> None:
        """A row is at most three lines high, and never higher than the list (its whole text is in
        the tooltip): a long correction's wrapped text made the first row higher than the list at
        1366×768, 150 % with 150 % text, so none of it was seen whole."""
        least = self.view.fontMetrics().height() + 8
        room = self.view.viewport().height()
        self.view.verticalHeader().setMaximumSectionSize(max(min(self.tallest_row(), room), least))

    def tallest_row(self) -> int:
        """The height a row may take at most: three lines of text."""
        return 3 * self.view.fontMetrics().lineSpacing() + 8

    def selected_row(self) -> EventRow | None:
        """The history row chosen (None when none is)."""
        return self.model.row_at(self.view.currentIndex())

    def show_case(self, store: CaseStore, case: CaseRecord | None) -> None:
        """The case's history as stored now (none for a new case), a copied note that now states
        another deadline than the window marked (core.note_staleness.stale_notes)."""
        if case is None:
            self.model.set_rows([])
            return
        rows = store.history(case.id)
        trial = store.catalog().get(case.trial_id)
        stale = stale_notes(trial, case, rows) if trial is not None else []
        self.model.set_rows(rows, {note.note_id: note.mark() for note in stale})
