"""What the Qt item models share: the root index, overdue styling and a table with named columns."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex
from PySide6.QtGui import QFont

if TYPE_CHECKING:
    from PySide6.QtCore import Qt

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()

# Qt's item data roles as the ints Qt passes to data() (Qt::ItemDataRole). Not taken from PySide's
# `Qt` namespace here: its first use builds a hundred Python enums (~25 ms), and a list that is not
# painted at the start (the Frister tree behind the welcome of an empty database, Sager behind
# Frister) never needs it (tests/ui/test_model_roles.py checks them against Qt's).
DISPLAY_ROLE, TOOLTIP_ROLE, FONT_ROLE, FOREGROUND_ROLE, USER_ROLE = 0, 3, 6, 9, 0x100

BOLD = QFont()
BOLD.setBold(True)


def column_title(columns: tuple[str, ...], section: int, orientation: Qt.Orientation, role: int) -> str | None:
    """The title of a horizontal header section for the display role, else None."""
    # Here: the orientation PySide passed in has built the `Qt` namespace already (see DISPLAY_ROLE).
    from PySide6.QtCore import Qt

    if role == DISPLAY_ROLE and orientation == Qt.Orientation.Horizontal:
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

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY_ROLE):
        return column_title(self.COLUMNS, section, orientation, role)
