"""The Fristberegner's right side: the deadlines calculated, the chosen one's rule and citation in
full under the table, and a note when there is nothing to show."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...core.deadline import Deadline
from ..case_deadlines_model import DeadlineTableColumn, DeadlineTableModel, deadline_html, plain_text
from ..notes.status_area import StatusArea
from ..text_size import text_scale

# The columns' widths at the system's text size (DeadlineTableModel.COLUMNS shown here).
WIDTHS = (95, 90, 140, 110, 150)
FOOTER = "Intet gemmes her: fristberegneren er til afprøvning. Opret en sag for at følge en borger."


class ResultView(QWidget):
    """The trial and the day calculated for above the deadlines; the chosen deadline's text below."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.title_label = QLabel()
        self.title_label.setWordWrap(True)
        self.title_label.setTextFormat(Qt.TextFormat.PlainText)
        font = self.title_label.font()
        font.setBold(True)
        self.title_label.setFont(font)
        self.note_label = QLabel()
        self.note_label.setWordWrap(True)
        self.note_label.setTextFormat(Qt.TextFormat.PlainText)
        self.model = DeadlineTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName("Beregnede frister")
        # One line a deadline: the chosen one is shown in full below. (Wrapped rows grew to 127 px
        # at 1366×768 and 150 %, so the one row in view showed no text.)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate(WIDTHS):
            header.resizeSection(column, round(width * text_scale()))
        # Rule and citation are long: they are shown in full under the table for the chosen row.
        self.table.setColumnHidden(DeadlineTableColumn.RULE, True)
        self.table.setColumnHidden(DeadlineTableColumn.CITATION, True)
        self.detail_label = QLabel()
        self.detail_label.setWordWrap(True)
        self.detail_label.setTextFormat(Qt.TextFormat.RichText)
        self.detail_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail_label.setFrameShape(QFrame.Shape.StyledPanel)
        self.detail_label.setContentsMargins(6, 6, 6, 6)
        self.detail_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        # A long text (T16's reform caution) scrolls in its box rather than being cut off.
        self.detail_box = QScrollArea()
        self.detail_box.setWidgetResizable(True)
        self.detail_box.setFrameShape(QFrame.Shape.NoFrame)
        self.detail_box.setWidget(self.detail_label)
        self.detail_box.setAccessibleName("Den valgte frist")
        footer = QLabel(FOOTER)
        footer.setWordWrap(True)
        # A long title (T16's, with the trial's status) scrolls in its own area rather than push the
        # table out of sight (1920×1080 at 150 % with 200 % text: the first row was not seen whole).
        self.title_box = StatusArea(self.title_label, name="Forsøg og beregningsdag")
        layout = QVBoxLayout(self)
        layout.addWidget(self.title_box)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail_box, 1)
        layout.addWidget(self.note_label)
        layout.addWidget(footer)
        self.table.selectionModel().currentRowChanged.connect(self._show_detail)

    def clear(self) -> None:
        """No deadlines (the title and the note stay until they are set again)."""
        self.model.set_deadlines([])
        self.detail_box.hide()

    def set_title(self, text: str) -> None:
        self.title_label.setText(text)

    def set_note(self, text: str) -> None:
        self.note_label.setText(text)

    def show_deadlines(self, deadlines: Sequence[Deadline]) -> None:
        """The deadlines, the first one chosen and its text shown; a note when there are none."""
        self.model.set_deadlines(deadlines)
        self.note_label.setText("" if deadlines else "Ingen kommende frister.")
        if deadlines:
            self.table.setCurrentIndex(self.model.index(0, 0))
            self._show_detail()

    def detail_text(self) -> str:
        """The full text of the chosen deadline, as shown under the table."""
        return plain_text(self.detail_label.text()) if self.detail_box.isVisible() else ""

    def _show_detail(self, *args) -> None:
        row = self.table.currentIndex().row()
        if 0 <= row < self.model.rowCount():
            self.detail_label.setText(deadline_html(self.model.deadline_at(row)))
            self.detail_box.show()
