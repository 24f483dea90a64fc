"""The import dialog's "Forhåndsvisning": every row of the list as it will be saved, with its state
and first deadline (the model: importing/preview_model.py)."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from ..text_size import text_scale
from .preview_model import ImportPreviewModel

# The columns' widths at the system's text size (ImportPreviewModel.COLUMNS), the last one stretched.
WIDTHS = (50, 150, 80, 210, 50, 115, 200, 300, 95, 120)


class PreviewTable(QTableView):
    """The rows of the model, one line each, the columns at widths that suit their texts."""

    def __init__(self, model: ImportPreviewModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.setModel(model)
        self.setAccessibleName("Rækkerne, som de gemmes")
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setAlternatingRowColors(True)
        self.verticalHeader().hide()
        self.setWordWrap(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        scale = text_scale()
        for column, width in enumerate(WIDTHS):
            header.resizeSection(column, round(width * scale))
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
