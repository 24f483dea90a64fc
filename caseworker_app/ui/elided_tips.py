"""A list cell whose text is shortened with "…" (its column too narrow, ui/column_fit.py) shows the
whole text in its tooltip, above the row's own tooltip (why this date, the rule)."""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QHelpEvent
from PySide6.QtWidgets import QAbstractItemView, QStyle, QStyledItemDelegate, QTableView, QToolTip


def text_margin(view: QAbstractItemView) -> int:
    """What a column must have beside its text to show it unshortened: the style's margin either
    side of it (QCommonStyle), a table's grid line and a pixel for rounding at 125/150 % scaling."""
    focus = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view)
    grid = 1 if isinstance(view, QTableView) and view.showGrid() else 0
    return 2 * (focus + 1) + grid + 1


def text_width(metrics: QFontMetricsF, text: str) -> int:
    return math.ceil(metrics.horizontalAdvance(text))


def cell_font(index, base: QFont) -> QFont:
    """The font a cell's text is drawn in: the model's (bold when overdue) over the list's."""
    font = index.data(Qt.ItemDataRole.FontRole)
    return font.resolve(base) if isinstance(font, QFont) else base


class ElidedTextTips(QStyledItemDelegate):
    """The view's delegate: paints as Qt's own; a tooltip over a shortened text holds it whole."""

    def helpEvent(self, event, view, option, index) -> bool:  # noqa: N802 - Qt override
        if isinstance(event, QHelpEvent) and event.type() == QEvent.Type.ToolTip and index.isValid():
            text = index.data(Qt.ItemDataRole.DisplayRole)
            if isinstance(text, str) and text and self.elided(view, option.rect.width(), index, text):
                tip = index.data(Qt.ItemDataRole.ToolTipRole)
                QToolTip.showText(event.globalPos(), text + (f"\n\n{tip}" if tip else ""), view)
                return True
        return super().helpEvent(event, view, option, index)

    @staticmethod
    def elided(view: QAbstractItemView, width: int, index, text: str) -> bool:
        """True when text does not fit in a cell width wide (the margins taken off)."""
        metrics = QFontMetricsF(cell_font(index, view.font()))
        return text_width(metrics, text) + text_margin(view) - 1 > width
