"""A list cell whose text is shortened with "…" (its column too narrow, ui/column_fit.py) shows the
whole text in its tooltip, above the row's own tooltip (why this date, the rule); a column title
shortened likewise shows "…" and its whole text in a tooltip."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QFont, QFontMetricsF, QHelpEvent
from PySide6.QtWidgets import QStyledItemDelegate, QTableView, QToolTip, QWidget

from .model_base import DISPLAY_ROLE, FONT_ROLE, TOOLTIP_ROLE

if TYPE_CHECKING:
    from PySide6.QtWidgets import QAbstractItemView, QHeaderView

# QStyle (a dozen enums, ~9 ms) and Qt's `Qt` namespace (~25 ms) are imported where a list on screen
# is measured (ui/column_fit.py ColumnFit.fit), not with this module: a list not painted at the start
# needs neither.


def text_margin(view: QAbstractItemView) -> int:
    """What a column must have beside its text to show it unshortened: the style's margin either
    side of it (QCommonStyle), a table's grid line and a pixel for rounding at 125/150 % scaling."""
    from PySide6.QtWidgets import QStyle

    focus = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view)
    grid = 1 if isinstance(view, QTableView) and view.showGrid() else 0
    return 2 * (focus + 1) + grid + 1


def text_width(metrics: QFontMetricsF, text: str) -> int:
    return math.ceil(metrics.horizontalAdvance(text))


def cell_font(index, base: QFont) -> QFont:
    """The font a cell's text is drawn in: the model's (bold when overdue) over the list's."""
    font = index.data(FONT_ROLE)
    return font.resolve(base) if isinstance(font, QFont) else base


class ElidedTextTips(QStyledItemDelegate):
    """The view's delegate: paints as Qt's own; a tooltip over a shortened text holds it whole."""

    def helpEvent(self, event, view, option, index) -> bool:  # noqa: N802 - Qt override
        if isinstance(event, QHelpEvent) and event.type() == QEvent.Type.ToolTip and index.isValid():
            text = index.data(DISPLAY_ROLE)
            if isinstance(text, str) and text and self.elided(view, option.rect.width(), index, text):
                tip = index.data(TOOLTIP_ROLE)
                QToolTip.showText(event.globalPos(), text + (f"\n\n{tip}" if tip else ""), view)
                return True
        return super().helpEvent(event, view, option, index)

    @staticmethod
    def elided(view: QAbstractItemView, width: int, index, text: str) -> bool:
        """True when text does not fit in a cell width wide (the margins taken off)."""
        metrics = QFontMetricsF(cell_font(index, view.font()))
        return text_width(metrics, text) + text_margin(view) - 1 > width


def header_text_width(header: QHeaderView, section: int) -> int:
    """The width a column title needs to be shown whole. Qt's own measure (sectionSizeFromContents)
    adds room for a sort indicator to every title of a sortable list, though only the sorted column
    shows one: a 100 px "Forsøg" column for "T08" at 150 % text. That room is kept for the sorted
    column alone."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QStyle

    size = header.sectionSizeFromContents(section)
    width = size.width()
    if (
        header.isSortIndicatorShown()
        and section != header.sortIndicatorSection()
        and header.orientation() == Qt.Orientation.Horizontal
    ):
        # What QHeaderView::sectionSizeFromContents adds: the section's height and the header margin.
        width -= size.height() + header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    return width


class ElidedHeaderTips(QObject):
    """A horizontal header's titles are shortened with "…" when their column is too narrow (Qt clips
    them without one), and the tooltip over a shortened title holds it whole."""

    def __init__(self, header: QHeaderView):
        from PySide6.QtCore import Qt

        super().__init__(header)
        self._header = header
        header.setTextElideMode(Qt.TextElideMode.ElideRight)
        # The tooltips are asked for in the header's viewport. Found by Qt's name for it, not by
        # viewport(): the first viewport() a program asks for makes PySide build its Python types
        # (~8 ms of the start, ui/column_fit.py).
        viewport = header.findChild(QWidget, "qt_scrollarea_viewport")
        if viewport is not None:
            viewport.installEventFilter(self)

    def shortened(self, section: int) -> bool:
        header = self._header
        return header_text_width(header, section) > header.sectionSize(section)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            header = self._header
            section = header.logicalIndexAt(event.pos())
            model = header.model()
            if section >= 0 and model is not None and self.shortened(section):
                title = model.headerData(section, header.orientation(), DISPLAY_ROLE)
                if isinstance(title, str) and title:
                    QToolTip.showText(event.globalPos(), title, header)
                    return True
        return False
