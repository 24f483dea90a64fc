"""What the Qt item models share: the root index, overdue styling and a table with named columns."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()

BOLD = QFont()
BOLD.setBold(True)


def column_title(columns: tuple[str, ...], section: int, orientation: Qt.Orientation, role: int) -> str | None:
    """The title of a horizontal header section for the display role, else None."""
    if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
        return columns[section]
    return None


class ColumnTableModel(QAbstractTableModel):
    """A flat table: the columns COLUMNS (titles in the header), a row per item of _rows."""

    COLUMNS: tuple[str, ...] = ()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list = []

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        return column_title(self.COLUMNS, section, orientation, role)
