"""A row of labelled fields above a list that takes two rows when the window is too narrow for one:
the Sager tab's search and three filters made the main window 932 px wide at 1366×768 with 150 %
scaling and 150 % text, on a screen 911 px wide."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget


class WrappingRow(QWidget):
    """pairs (label, field, stretch) side by side; when the row is narrower than they wish, the first
    pair keeps the upper row and the others go on a row under it. Its least width is the wider of the
    two rows', so the window may be as narrow as the screen."""

    def __init__(self, pairs: list[tuple[QLabel, QWidget, int]], parent: QWidget | None = None):
        super().__init__(parent)
        self._pairs = pairs
        self._two_rows: bool | None = None
        self._column = layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self._upper = QHBoxLayout()
        self._lower = QHBoxLayout()
        layout.addLayout(self._upper)
        layout.addLayout(self._lower)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self._arrange(two_rows=False)

    @property
    def two_rows(self) -> bool:
        return bool(self._two_rows)

    def _arrange(self, *, two_rows: bool) -> None:
        if two_rows == self._two_rows:
            return
        self._two_rows = two_rows
        for row in (self._upper, self._lower):
            while row.count():
                row.takeAt(0)
        for index, (label, field, stretch) in enumerate(self._pairs):
            row = self._lower if two_rows and index > 0 else self._upper
            row.addWidget(label)
            row.addWidget(field, stretch)
        if two_rows:
            self._lower.addStretch(1)
        self._column.invalidate()
        self.updateGeometry()

    def _width(self, pairs: list[tuple[QLabel, QWidget, int]], *, wished: bool) -> int:
        spacing = max(self._upper.spacing(), 0)
        widths = []
        for label, field, _stretch in pairs:
            for widget in (label, field):
                hint = widget.sizeHint() if wished else widget.minimumSizeHint()
                widths.append(max(hint.width(), widget.minimumWidth()))
        return sum(widths) + spacing * max(len(widths) - 1, 0)

    def one_row_width(self) -> int:
        """The width the pairs wish for side by side."""
        return self._width(self._pairs, wished=True)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        least = max(self._width(self._pairs[:1], wished=False), self._width(self._pairs[1:], wished=False))
        return QSize(least, super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._arrange(two_rows=event.size().width() < self.one_row_width())
