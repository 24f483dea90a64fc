"""Open cases that share a FASIT case number in one trial (saved before migration m006 made the
database refuse that): the main window's "… har samme FASIT-sagsnummer … – vis"."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.redact import redact_cpr

DuplicateGroup = tuple[str, str, Sequence[int]]  # trial, FASIT number, database ids

DUPLICATE_COLUMNS = ("Sagsnr. (FASIT)", "Forsøg", "Sager (nr. i databasen)")
DUPLICATES_TITLE = "Sager med samme FASIT-sagsnummer"
DUPLICATES_HELP = (
    "Hvert af disse FASIT-sagsnumre står på flere åbne sager i samme forsøg. Sagerne er gemt, før "
    "programmet begyndte at afvise det. Søg på sagsnummeret under Sager, og ret sagsnummeret i den "
    "forkerte sag, eller afslut den sag, der er oprettet ved en fejl. Når der ikke er flere, "
    "afviser databasen selv en sag med et sagsnummer, der allerede er åbent i forsøget."
)


def duplicates_heading(groups: Sequence[DuplicateGroup]) -> str:
    """'2 sager har samme FASIT-sagsnummer i samme forsøg' (and how many numbers, if several)."""
    cases = sum(len(ids) for _trial, _ref, ids in groups)
    if len(groups) == 1:
        return f"{cases} sager har samme FASIT-sagsnummer i samme forsøg"
    return f"{cases} sager har samme FASIT-sagsnummer som en anden sag i samme forsøg ({len(groups)} numre)"


def duplicate_row(group: DuplicateGroup) -> tuple[str, str, str]:
    """FASIT number (a CPR-shaped one masked), trial and the database ids, as the dialog shows them."""
    trial, case_ref, ids = group
    return redact_cpr(case_ref), trial, ", ".join(str(i) for i in ids)


class DuplicatesDialog(QDialog):
    """A read-only table of the FASIT numbers open more than once in a trial (no names, no CPR)."""

    def __init__(self, groups: Sequence[DuplicateGroup], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(DUPLICATES_TITLE)
        self.groups = list(groups)
        heading = QLabel(f"<b>{duplicates_heading(self.groups)}</b>")
        explanation = QLabel(DUPLICATES_HELP)
        explanation.setWordWrap(True)
        self.table = QTableWidget(len(self.groups), len(DUPLICATE_COLUMNS))
        self.table.setHorizontalHeaderLabels(DUPLICATE_COLUMNS)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        for row, group in enumerate(self.groups):
            for column, value in enumerate(duplicate_row(group)):
                self.table.setItem(row, column, QTableWidgetItem(value))
        header = self.table.horizontalHeader()
        for column in range(len(DUPLICATE_COLUMNS) - 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(DUPLICATE_COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("Luk")
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(explanation)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(640, 320)

    def rows(self) -> list[tuple[str, ...]]:
        """The table's text, row by row, as the caseworker reads it."""
        return [
            tuple(self.table.item(row, column).text() for column in range(self.table.columnCount()))
            for row in range(self.table.rowCount())
        ]
