"""What the import dialog says of the file above its tabs (the rows read, names it will respell, a
problem with the columns), in an area that scrolls once it would take more than a fifth of the
dialog: at 1366×768 with 150 % scaling and 150 % text these lines left the Kolonner tab one line
and the preview one row (a tester)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

SHARE_OF_DIALOG = 5  # at most a fifth of the dialog's height …
LINES_AT_LEAST = 2  # … but always two lines of text


class FileNotes(QScrollArea):
    """The labels stacked, as high as their text at the width they have, at most a quarter of the
    dialog in whole lines (a line cut in half reads as a fault)."""

    def __init__(self, *labels: QLabel):
        super().__init__()
        self.labels = labels
        self._dialog_height = 0
        inner = QWidget()
        inner.setAutoFillBackground(False)
        layout = QVBoxLayout(inner)
        layout.setContentsMargins(0, 0, 0, 0)
        for label in labels:
            layout.addWidget(label)
        self.setWidget(inner)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.viewport().setAutoFillBackground(False)  # the dialog's own background

    def cap(self, dialog_height: int) -> None:
        """The dialog's height changed: the most the notes may take follows it."""
        self._dialog_height = dialog_height
        self.refit()

    def refit(self) -> None:
        """After a label's text or visibility, or the width, changed: hidden when no label shows, else
        as high as its text, up to the cap."""
        self.setVisible(any(not label.isHidden() for label in self.labels))
        inner = self.widget()
        width = self.viewport().width() if self.isVisible() else 0
        if width <= 0 or inner is None:
            return
        needed = inner.heightForWidth(width) if inner.hasHeightForWidth() else inner.sizeHint().height()
        line = self.labels[0].fontMetrics().lineSpacing()
        lines = max(LINES_AT_LEAST, self._dialog_height // SHARE_OF_DIALOG // line)
        self.setFixedHeight(min(needed, lines * line) + 2 * self.frameWidth())

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self.refit()  # another width: another number of lines
