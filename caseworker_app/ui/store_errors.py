"""A database fault met in the window (busy, a full disk, a write-protected file, damage) told in the
store's words for the window, never as an unexpected error ("send logfilen til IT-support"):

- at the form being saved (show_store_error): the form stays open with what was typed;
- any other read or write in the window that meets one reaches tell_store_error, the excepthook's
  handler of StoreError (caseworker_app/excepthook.py): damage is explained as at start and the
  newest good copy offered (ui/restore_offers.py); any other fault is told with its window_text.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QWidget

from ..store.errors import DamagedDatabaseError, StoreError
from .fields import show_errors

_log = logging.getLogger(__name__)
TITLE = "Databasen kunne ikke bruges"
# What the damage box says was found ("Databasen … er beskadiget: <this>.").
DAMAGE_MET_READING = "en del af den kunne ikke læses, da programmet skulle vise den"


def error_text(exc: BaseException) -> str:
    """The window's words for an error: a StoreError's window_text (the window's advice, not the
    command line's --db, SQLite's English words as a technical line last), else its message."""
    return exc.window_text() if isinstance(exc, StoreError) else str(exc)


def show_store_error(general: QLabel, exc: StoreError) -> None:
    """Say why nothing was saved below the form (general: its label for messages with no field)."""
    show_errors({}, {"database": exc.window_text()}, general)


class StoreErrorTeller:
    """The excepthook's handler in the main window: tells a StoreError no part of the window caught."""

    def __init__(self, window, db_path: Path | None):
        self._window = window
        self._db_path = db_path  # None: the demo's own file, never offered a copy (as at start)
        self._telling = False  # a box is open: a fault met meanwhile (a repaint's read) is only logged

    def __call__(self, exc: BaseException) -> bool:
        if not isinstance(exc, StoreError):
            return False
        # For IT: what failed, never a name (StoreError's texts hold a path and SQLite's words only).
        _log.warning("database error told in the window: %s: %s", type(exc).__name__, exc.detail or exc)
        if self._telling:
            return True
        self._telling = True
        try:
            self._tell(exc)
        finally:
            self._telling = False
        return True

    def _tell(self, exc: StoreError) -> None:
        window = self._window
        parent: QWidget = QApplication.activeModalWidget() or QApplication.activeWindow() or window
        store = window.store
        db_path = self._db_path
        if not isinstance(exc, DamagedDatabaseError) or db_path is None or store is None or not store.is_open:
            QMessageBox.warning(parent, TITLE, exc.window_text())
            return
        from ..store.backup import newest_good_backup
        from .restore_offers import BackupProblem, tell_backup_problem

        good = newest_good_backup(db_path)
        problem = BackupProblem(db_path, exc, DAMAGE_MET_READING, good, reading=True)
        if tell_backup_problem(parent, store, problem, window.refresh):
            window.show_damage_banner(good_copy=good is not None)  # said until restored
