"""Why the note cannot be copied (or that it can), wrapped, in a scroll area of its own: on a low
screen at a large text size a long reason scrolls instead of being drawn over the note above it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QSizePolicy, QWidget

# Shown whole up to this many lines; a longer message scrolls. At least LEAST_LINES are always
# shown, so a short message never needs scrolling.
MOST_LINES = 6
LEAST_LINES = 3


class StatusArea(QScrollArea):
    """label (word-wrapped) as high as its text needs at the width it has, between LEAST_LINES and
    MOST_LINES lines; what does not fit scrolls up and down, never sideways."""

    def __init__(self, label: QLabel, parent: QWidget | None = None, *, name: str = "Notatets status"):
        super().__init__(parent)
        self.label = label
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidget(label)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAccessibleName(name)
        self.viewport().setAutoFillBackground(False)  # the tab's own background
        label.setAutoFillBackground(False)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        label.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.label and event.type() in (QEvent.Type.LayoutRequest, QEvent.Type.FontChange):
            self.updateGeometry()  # new text or font: new height
            self._whole_lines()
        return super().eventFilter(watched, event)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.updateGeometry()  # narrower: more lines
        self._whole_lines()

    def _whole_lines(self) -> None:
        """When the text scrolls, show whole lines only: a line cut through the middle (the tester
        saw the reason's last line half drawn at 1366×768, 150 %) reads as text cut off. The spare
        pixels are left blank below the lines; the scroll bar moves a line at a time."""
        spacing = self.label.fontMetrics().lineSpacing()
        self.verticalScrollBar().setSingleStep(spacing)
        height = self.height() - 2 * self.label.margin()
        spare = height % spacing if self._needed() > self.height() and height > spacing else 0
        if self.viewportMargins().bottom() != spare:
            self.setViewportMargins(0, 0, 0, spare)

    def _lines(self, count: int) -> int:
        return self.label.fontMetrics().lineSpacing() * count + 2 * self.label.margin()

    def _needed(self) -> int:
        """The label's height for the width it is shown at (no scroll bar), the empty label's none."""
        if not self.label.text():
            return 0
        return self.label.heightForWidth(max(self.width(), 1))

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        height = min(max(self._needed(), self._lines(1)), self._lines(MOST_LINES))
        return QSize(super().sizeHint().width(), height)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        height = min(max(self._needed(), self._lines(1)), self._lines(LEAST_LINES))
        return QSize(self.label.fontMetrics().averageCharWidth() * 10, height)
