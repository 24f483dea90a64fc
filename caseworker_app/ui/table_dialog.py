"""Read-only tables: a dialog of cases with a heading, an explanation and "Luk" (the banners'
"… – vis"), and the table a dialog chooses one row from (backups, imports)."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from PySide6.QtCore import Qt
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

from .screen_fit import resize_to_fit


class ReadOnlyTableDialog(QDialog):
    """Rows of text under a heading and an explanation; the last column takes the free width."""

    def __init__(
        self,
        *,
        title: str,
        heading: str,
        explanation: str,
        columns: Sequence[str],
        rows: Sequence[Sequence[str]],
        size: tuple[int, int],
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setWindowTitle(title)
        heading_label = QLabel(f"<b>{heading}</b>")
        explanation_label = QLabel(explanation)
        explanation_label.setWordWrap(True)
        self.table = QTableWidget(len(rows), len(columns))
        self.table.setHorizontalHeaderLabels(list(columns))
        self.table.setAccessibleName(title)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        for row, values in enumerate(rows):
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                self.table.setItem(row, column, item)
        header = self.table.horizontalHeader()
        for column in range(len(columns) - 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(columns) - 1, QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("&Luk")
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading_label)
        layout.addWidget(explanation_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        resize_to_fit(self, *size)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.table.resizeRowsToContents()  # now that the last column has its width

    def rows(self) -> list[tuple[str, ...]]:
        """The table's text, row by row, as the caseworker reads it."""
        return [
            tuple(_cell_text(self.table.item(row, column)) for column in range(self.table.columnCount()))
            for row in range(self.table.rowCount())
        ]


def _cell_text(item: QTableWidgetItem | None) -> str:
    assert item is not None  # every cell was given an item (__init__)
    return item.text()


def choice_table(columns: Sequence[str], accessible_name: str) -> QTableWidget:
    """A read-only table to choose one whole row from; the last column takes the free width."""
    table = QTableWidget(0, len(columns))
    table.setHorizontalHeaderLabels(list(columns))
    table.setAccessibleName(accessible_name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return table


def fill_table(table: QTableWidget, rows: Sequence[Sequence[str]], numbers: Collection[int] = ()) -> None:
    """Replace the rows; the columns in numbers (counts, sizes) are right-aligned."""
    table.setRowCount(len(rows))
    for row, values in enumerate(rows):
        for column, value in enumerate(values):
            item = QTableWidgetItem(value)
            if column in numbers:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(row, column, item)


def chosen_row(table: QTableWidget) -> int | None:
    """The row chosen in a choice_table, or None."""
    rows = table.selectionModel().selectedRows()
    return rows[0].row() if rows else None
