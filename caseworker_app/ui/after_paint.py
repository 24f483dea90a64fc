"""Work done on the event-loop turn after a paint: what the caseworker waits for is painted first."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer

FIRST_PAINT_FALLBACK_MS = 1000  # a window that never paints (started minimised) still gets its cases


class AfterPaint(QObject):
    """Calls callback once, on the event-loop turn after the next paint of target.

    target is a widget, or the QApplication for the next paint of any widget. Used at start: the
    window is shown empty and painted first, then the cases are read and the deadlines computed,
    so the caseworker sees the program open at once. owner (default: target) ends the wait when it
    is deleted: the callback of a closed window is never called.
    """

    def __init__(
        self,
        target: QObject,
        callback: Callable[[], object],
        fallback_ms: int | None = None,
        *,
        owner: QObject | None = None,
    ):
        super().__init__(owner if owner is not None else target)
        self._target = target
        self._callback = callback
        self._done = False
        target.installEventFilter(self)
        if fallback_ms is not None:
            QTimer.singleShot(fallback_ms, self, self._run)  # with self: not after self is deleted

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint:
            self._target.removeEventFilter(self)
            QTimer.singleShot(0, self, self._run)  # after this paint has reached the screen
        return False

    def _run(self) -> None:
        if not self._done:
            self._done = True
            self._target.removeEventFilter(self)
            self.deleteLater()  # done: not kept as a child of its owner for the program's life
            self._callback()
