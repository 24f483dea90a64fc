"""A message box that fits the screen it opens on (ui/screen_fit.py for windows and dialogs).

A module of its own: the main window places itself with screen_fit before its first paint, and
QMessageBox's Python type (made when a class derives from it) cost that paint ~2 ms."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QMessageBox

from .screen_fit import keep_on_screen, work_area


class FittingMessageBox(QMessageBox):
    """A message box that is never taller than the screen: Qt makes one at most half the screen wide
    (455 px at 1366×768, 150 %), so a long text at 150 % text size made "Sagen er ændret imens"
    525 px high on a screen of 472. Then its text is widened, as far as the screen allows, until the
    box fits."""

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)  # Qt gives the box its size here
        widen_to_fit(self)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if self.isVisible():
            keep_on_screen(self)


def widen_to_fit(box: QMessageBox) -> None:
    """Make a shown message box's text wider, in steps, until the box fits the work area's height."""
    label = box.findChild(QLabel, "qt_msgbox_label")
    area = work_area(box)
    if label is None or box.height() <= area.height():
        return
    others = box.height() - label.height()
    room = area.width() - (box.width() - label.width())
    width = label.width()
    while width < room and others + label.heightForWidth(width) > area.height():
        width = min(room, width + 10)
    label.setMinimumWidth(width)  # Qt sizes the box anew
