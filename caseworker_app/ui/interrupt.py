"""Ctrl+C in the terminal that started the window closes it as Filer › Afslut does (case windows ask
about unsaved changes, then the closing copy is made), without a traceback.

Python runs a signal's handler only between Python statements, and Qt's event loop runs none while
the window waits: by default Ctrl+C raised KeyboardInterrupt in whatever Python slot ran next (the
once-a-minute date check), printing a traceback, and the window stayed open. Here SIGINT gets a
handler that only asks the event loop to close the window, and something wakes Python at once:

- Unix: SIGINT writes a byte to a pipe (signal.set_wakeup_fd) that a QSocketNotifier watches. A
  pipe, not a socket pair: the socket module's import builds Python enums of every address
  family and socket option (~5 ms of the start, before the cases are shown).
- Windows: a console's Ctrl+C is a CTRL_C_EVENT, which Python turns into SIGINT for the same
  handler; a loopback socket pair there would be TCP, so a short timer gives Python its turn
  instead (not tested here: the tests run on Linux). Started with pythonw there is no console and
  no Ctrl+C.

The command line's own commands end on Ctrl+C with exit code 130 (cli/entry.py); the window ends
as after Afslut (exit code 0): everything was saved, nothing broken off.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

WINDOWS_WAKE_MS = 250  # how soon Ctrl+C is seen on Windows; an idle window wakes this often there

# Said in the terminal when Ctrl+C comes while a dialog is open: as Afslut cannot be chosen then,
# and closing under a dialog would throw its input away.
DIALOG_OPEN_TEXT = "Opfølgningsfrister: luk først dialogen i vinduet; Ctrl+C lukker ikke vinduet, mens den er åben."


def close_on_interrupt(window: QWidget) -> Callable[[], None]:
    """Make Ctrl+C (SIGINT) close window as Filer › Afslut does; returns the undo (after the event
    loop: a Ctrl+C during the closing copy then stops it as in any command, cleaned up)."""
    try:
        previous = signal.signal(signal.SIGINT, lambda _signum, _frame: QTimer.singleShot(0, _closer(window)))
    except (ValueError, OSError):  # not the main thread: Ctrl+C left as it is
        return lambda: None
    undo_wake = _wake_python_on_signal(window)

    def undo() -> None:
        undo_wake()
        signal.signal(signal.SIGINT, previous)

    return undo


def _closer(window: QWidget) -> Callable[[], None]:
    def close() -> None:
        if QApplication.activeModalWidget() is not None:  # a dialog, or a case window's question
            print(DIALOG_OPEN_TEXT, file=sys.stderr, flush=True)
            return
        window.close()  # Filer › Afslut

    return close


def _wake_python_on_signal(window: QWidget) -> Callable[[], None]:
    if sys.platform == "win32":
        timer = QTimer(window)
        timer.setInterval(WINDOWS_WAKE_MS)
        timer.timeout.connect(lambda: None)  # Python's turn: a pending SIGINT's handler runs
        timer.start()
        return timer.stop
    from PySide6.QtCore import QSocketNotifier  # Unix only

    reader, writer = os.pipe()
    for end in (reader, writer):
        os.set_blocking(end, False)
    try:
        previous_fd = signal.set_wakeup_fd(writer, warn_on_full_buffer=False)
    except (ValueError, OSError):
        os.close(reader)
        os.close(writer)
        return lambda: None
    notifier = QSocketNotifier(reader, QSocketNotifier.Type.Read, window)

    def drain() -> None:  # the handler has run before this Python code; empty the pipe
        with contextlib.suppress(OSError):
            while os.read(reader, 64):
                pass

    notifier.activated.connect(drain)

    def undo() -> None:
        notifier.setEnabled(False)
        signal.set_wakeup_fd(previous_fd)
        os.close(reader)
        os.close(writer)

    return undo
