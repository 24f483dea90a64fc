"""A form's fields in a scroll area that scrolls up and down on a low screen, never sideways: it is
never narrower than its fields plus the vertical scroll bar."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QStyle, QWidget


class FieldScrollArea(QScrollArea):
    """fields in a frameless scroll area named name for a screen reader. Its least width follows the
    fields' (a row added later, a larger text size) with room for the scroll bar as the style draws it:
    a fixed allowance for the bar left the Fristberegner's fields 24 px too wide at 150 % text."""

    def __init__(self, fields: QWidget, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidget(fields)
        self.setAccessibleName(name)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to its fields, which it scrolls into view
        fields.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()  # the fields' least width may have changed: so has this one
        return super().eventFilter(watched, event)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        hint = super().minimumSizeHint()
        fields = self.widget()
        if fields is None:
            return hint
        style = self.style()
        bar = style.pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self.verticalScrollBar())
        if style.styleHint(QStyle.StyleHint.SH_ScrollView_FrameOnlyAroundContents, None, self):
            bar += style.pixelMetric(QStyle.PixelMetric.PM_ScrollView_ScrollBarSpacing, None, self)
        margins = self.contentsMargins()  # the frame's, and any the viewport is set in by
        least = max(fields.minimumSizeHint().width(), fields.minimumWidth())
        return QSize(max(hint.width(), least + bar + margins.left() + margins.right()), hint.height())
