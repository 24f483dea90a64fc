"""The import dialog's "Fejl": every fault of the list, one line each, naming its row and column."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget

NO_FAULTS = "Ingen fejl: alle rækker kan gemmes."
COLUMNS_FIRST = "Rækkerne kontrolleres, når kolonnerne er valgt under Kolonner."


def fault_lines(errors: list[str], mapping_errors: tuple[str, ...], block: str) -> list[str]:
    """What the Fejl tab lists: the row faults; else what keeps the list from being imported (the
    columns not chosen, nothing to import); only then "no faults"."""
    if mapping_errors:  # the rows are not checked until the columns are chosen
        return [*mapping_errors, COLUMNS_FIRST]
    if errors:
        return errors
    if block:
        return [f"Ingen fejl i rækkerne. {block}"]
    return [NO_FAULTS]


class ErrorList(QListView):
    """The faults' texts (read-only, wrapped); "no faults" said in words when there are none."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.error_model = QStringListModel(self)
        self.setModel(self.error_model)
        self.setAccessibleName("Fejl i listen")
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(True)
        self.setUniformItemSizes(False)
        self.setSpacing(3)  # a fault of many rows wraps over lines: a gap shows where the next begins

    def show_errors(self, lines: list[str] | None) -> None:
        """The lines of fault_lines; None when there is no preview (an empty list)."""
        self.error_model.setStringList(lines or [])

    def texts(self) -> list[str]:
        """The lines shown."""
        return self.error_model.stringList()
