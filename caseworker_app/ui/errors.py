"""Showing an unexpected error to the user: a Qt message box, or stderr when there is a console."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication

TITLE = "Opfølgningsfrister – uventet fejl"


def show_error_message(text: str) -> None:
    """Show text in a message box; with a console and no window, print it to stderr instead."""
    app = QApplication.instance()
    has_console = sys.stderr is not None and not getattr(sys, "frozen", False)
    if app is None and has_console or app is not None and _headless():
        if sys.stderr is not None:
            print(text, file=sys.stderr)
        return
    if app is None:  # the windowed bundle failed before its window: a box is the only way to tell
        app = QApplication([sys.argv[0] if sys.argv else "Opfoelgningsfrister"])
    from PySide6.QtWidgets import QMessageBox  # here: only an error needs it (not the first paint)

    QMessageBox.critical(None, TITLE, text)


def _headless() -> bool:
    """True offscreen (tests, --selftest in CI), where a modal box would wait for ever."""
    return QApplication.platformName() in ("offscreen", "minimal")
