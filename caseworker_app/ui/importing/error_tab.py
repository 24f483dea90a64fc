"""The import dialog's "Fejl": every fault of the list, one line each, naming its row and column."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget

NO_FAULTS = "Ingen fejl: alle rækker kan gemmes."


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

    def show_errors(self, errors: list[str] | None) -> None:
        """The faults of a preview; None when there is no preview (an empty list)."""
        if errors is None:
            self.error_model.setStringList([])
        else:
            self.error_model.setStringList(errors or [NO_FAULTS])

    def texts(self) -> list[str]:
        """The lines shown."""
        return self.error_model.stringList()
