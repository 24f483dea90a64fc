"""Whether a main-window list's cells show their texts whole (tests/ui/test_column_fit.py,
test_fit_small_screen.py): the text's advance in its font, Qt's margins either side (QCommonStyle:
PM_FocusFrameHMargin + 1) and a table's grid line within the column's width."""

from __future__ import annotations

import math

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics, QFontMetricsF
from PySide6.QtWidgets import QStyle, QTableView, QTreeView


def elided(view, row: int, columns: list[int]) -> list[str]:
    """The texts of the columns of a Frister case row (of the first group with rows) or a Sager row
    that do not fit their column."""
    model = view.model()
    tree = isinstance(view, QTreeView)
    group = next((model.index(g, 0) for g in range(model.rowCount()) if model.rowCount(model.index(g, 0))), None)
    margin = 2 * (view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1)
    grid = 1 if isinstance(view, QTableView) and view.showGrid() else 0
    found = []
    for column in columns:
        index = model.index(row, column, group) if tree else model.index(row, column)
        text = index.data()
        assert text, f"no text in row {row}, column {column}"
        font = index.data(Qt.ItemDataRole.FontRole)
        metrics = QFontMetricsF(font.resolve(view.font()) if isinstance(font, QFont) else view.font())
        indent = view.indentation() * 2 if tree and column == 0 else 0  # a group's row, the root decorated
        if math.ceil(metrics.horizontalAdvance(text)) + margin + grid + indent > view.columnWidth(column):
            found.append(text)
    return found


def shown_text(view, row: int, column: int) -> str:
    """The text a Frister case row's (first group with rows) or Sager row's cell shows: shortened
    with "…" as Qt does (QFontMetrics.elidedText) to the column's width less the margins."""
    model = view.model()
    tree = isinstance(view, QTreeView)
    group = next((model.index(g, 0) for g in range(model.rowCount()) if model.rowCount(model.index(g, 0))), None)
    index = model.index(row, column, group) if tree else model.index(row, column)
    margin = 2 * (view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1)
    grid = 1 if isinstance(view, QTableView) and view.showGrid() else 0
    indent = view.indentation() * 2 if tree and column == 0 else 0
    font = index.data(Qt.ItemDataRole.FontRole)
    metrics = QFontMetrics(font.resolve(view.font()) if isinstance(font, QFont) else view.font())
    return metrics.elidedText(
        index.data(), Qt.TextElideMode.ElideRight, view.columnWidth(column) - margin - grid - indent
    )
