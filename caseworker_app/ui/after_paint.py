"""Work done on the event-loop turn after a paint: what the caseworker waits for is painted first."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

FIRST_PAINT_FALLBACK_MS = 1000  # a window that never paints (started minimised) still gets its cases


class AfterPaint(QObject):
    """Calls callback once, on the event-loop turn after the next paint of target.

    target is a widget: its own paint, or, for a window already on screen, the next time Qt paints
    what changed in it (the UpdateRequest Qt sends the window for that: its lists' new rows are
    painted there, not in a paint of the window itself). Used at start: the window is shown empty
    and painted first, then the cases are read and the deadlines computed, so the caseworker sees
    the program open at once. owner (default: target) ends the wait when it is deleted: the
    callback of a closed window is never called.

    Never the QApplication: a filter on it gets every object's events, and the first object of a
    class Qt keeps private (a rich-text label's text control) made PySide build the Python types of
    every Qt class it had not yet made: 20-40 ms of the start.
    """

    def __init__(
        self,
        target: QWidget,
        callback: Callable[[], object],
        fallback_ms: int | None = None,
        *,
        owner: QObject | None = None,
    ):
        super().__init__(owner if owner is not None else target)
        self._target = target
        self._callback = callback
        self._done = False
        self._updates = _on_screen(target)  # else a window's updates before its first paint would count
        self._timer = QTimer(self)  # the fallback, then the turn after the paint
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._run)
        target.installEventFilter(self)
        if fallback_ms is not None:
            self._timer.start(fallback_ms)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        kind = event.type()
        if kind == QEvent.Type.Paint or (kind == QEvent.Type.UpdateRequest and self._updates):
            self._target.removeEventFilter(self)
            self._timer.start(0)  # after this paint has reached the screen (replaces the fallback)
        return False

    def again(self, fallback_ms: int | None = None) -> None:
        """Call back once more after the next paint: one object serves a wait that recurs (the
        window's new content), so none is left behind per wait. Still waiting: nothing to do.

        Not deleted once run instead: deleting it crashed PySide 6.11 now and then, later in the
        process (tests/ui/test_startup.py, 2 to 4 runs in 16)."""
        if not self._done:
            return
        self._done = False
        self._updates = _on_screen(self._target)
        self._target.installEventFilter(self)
        if fallback_ms is not None:
            self._timer.start(fallback_ms)

    def _run(self) -> None:
        if not self._done:
            self._done = True
            self._timer.stop()
            self._target.removeEventFilter(self)
            self._callback()


def _on_screen(target: QWidget) -> bool:
    """A window that is shown (Qt sends it an UpdateRequest when a widget in it is to be painted).

    Also true for a minimised window, whose UpdateRequest paints nothing: its wait ends at once,
    which is as good (nothing is on screen to come first). No wait starts between show() and the
    first paint (ui/app.py makes the start's wait before show()), where this would end it early."""
    return target.isWindow() and target.isVisible()
