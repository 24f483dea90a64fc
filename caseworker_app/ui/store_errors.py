"""A database fault met in the window (busy, a full disk, a write-protected file, damage) told in the
store's words for the window, never as an unexpected error ("send logfilen til IT-support"):

- at the form being saved (show_store_error): the form stays open with what was typed;
- any other read or write in the window that meets one reaches StoreErrorTeller, the excepthook's
  handler of database faults (StoreError.fault; caseworker_app/excepthook.py): damage is explained as
  at start and the newest good copy offered (ui/restore_offers.py); any other fault is told with its
  window_text. A case gone (CaseNotFoundError: deleted elsewhere while the caseworker printed it, wrote
  a note or an event for it …) is told by the same handler (case_gone): the windows about it close,
  the lists are read anew. A dialog that catches StoreError lets CaseNotFoundError pass to it. Any
  other StoreError that is no fault (a closed store: a program's error) stays an unexpected error,
  logged with its traceback.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication, QLabel, QWidget

from ..store.errors import CaseNotFoundError, DamagedDatabaseError, StoreError, ValidationError

if TYPE_CHECKING:
    from .fields import FieldBox

# QMessageBox and the form helpers (ui/fields.py) are imported where they are used: ui/app.py makes
# the StoreErrorTeller before the cases are painted, and their Python types and module cost ~5 ms.

_log = logging.getLogger(__name__)
TITLE = "Databasen kunne ikke bruges"
# What the damage box says was found, by a read rather than SQLite's check (store/damage.py).
DAMAGE_MET_READING = "Databasen {path} er beskadiget: en del af den kunne ikke læses, da programmet skulle vise den."


CASE_GONE_TITLE = "Sagen kan ikke åbnes"
CASE_GONE_TEXT = (
    "Sagen findes ikke længere: den er slettet et andet sted (fx i en anden kopi af programmet), efter at listen "
    "blev vist. Listen er opdateret."
)


def tell_case_gone(parent: QWidget) -> None:
    """A case deleted elsewhere since the list was read, asked to be opened (the list is read anew)."""
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.information(parent, CASE_GONE_TITLE, CASE_GONE_TEXT)


def error_text(exc: BaseException) -> str:
    """The window's words for an error: a StoreError's window_text (the window's advice, not the
    command line's --db, SQLite's English words as a technical line last), else its message."""
    return exc.window_text() if isinstance(exc, StoreError) else str(exc)


def show_store_error(general: QLabel, exc: StoreError) -> None:
    """Say why nothing was saved below the form (general: its label for messages with no field)."""
    from .fields import show_errors

    show_errors({}, {"database": exc.window_text()}, general)


def saved(boxes: dict[str, FieldBox], general: QLabel, save: Callable[[], object]) -> bool:
    """Run save; False when the store refused it: a field's fault said at its field (boxes), a busy
    or full database below the form (general). Nothing was saved then, and the dialog stays as typed.
    A case deleted meanwhile (CaseNotFoundError) is raised on, to case_gone."""
    from .fields import show_errors

    try:
        save()
    except ValidationError as exc:
        show_errors(boxes, exc.errors, general)
        return False
    except CaseNotFoundError:
        raise  # the case is gone: the window's handler closes this dialog (case_gone)
    except StoreError as exc:
        show_store_error(general, exc)
        return False
    return True


class StoreErrorTeller:
    """The excepthook's handler in the main window: tells a database fault no part of the window caught
    (StoreError.fault: damage, a full disk, a busy or write-protected file). Any other StoreError (a case
    gone, a closed store: a program's error) is left to logs.report_unexpected, with its traceback."""

    def __init__(self, window, db_path: Path | None):
        self._window = window
        self._db_path = db_path  # None: the demo's own file, never offered a copy (as at start)
        self._telling = False  # a box is open: a fault met meanwhile (a repaint's read) is only logged
        self._shown = False  # the box of the fault being told was shown

    def __call__(self, exc: BaseException) -> bool:
        if isinstance(exc, CaseNotFoundError) and self._window.store is not None:
            from .case_gone import case_gone

            _log.info("a case deleted elsewhere was met in the window (case id %s)", exc.case_id)
            listed = self._window.selected_case()  # named in the message, as the list held it
            listed = listed if listed is not None and listed.id == exc.case_id else None
            case_gone(exc, self._window.refresh, self._window, listed)
            return True
        if not isinstance(exc, StoreError) or not exc.fault:
            return False
        from ..logs import safe_traceback, start_log_file

        start_log_file()  # a fault met before the window opened its log file is logged all the same
        # For IT: what failed and where, never a name (StoreError's texts hold a path and SQLite's words only).
        _log.warning(
            "database error told in the window: %s: %s\n%s",
            type(exc).__name__,
            exc.detail or exc,
            safe_traceback(type(exc), exc, exc.__traceback__),
        )
        if self._telling:
            return True
        self._telling, self._shown = True, False
        try:
            self._tell(exc)
        except Exception:
            if not self._shown:
                raise  # nothing said yet: the excepthook logs this and says 'uventet fejl'
            _log.exception("after the database error was told, the window failed")  # told: no second box
        finally:
            self._telling = False
        return True

    def _tell(self, exc: StoreError) -> None:
        window = self._window
        parent: QWidget = QApplication.activeModalWidget() or QApplication.activeWindow() or window
        store = window.store
        db_path = self._db_path
        if not isinstance(exc, DamagedDatabaseError) or db_path is None or store is None or not store.is_open:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.warning(parent, TITLE, exc.window_text())
            self._shown = True
            return
        from ..store.backup import newest_good_backup
        from .restore_offers import BackupProblem, tell_backup_problem

        good = newest_good_backup(db_path)
        problem = BackupProblem(db_path, exc, DAMAGE_MET_READING.format(path=db_path), good, reading=True)
        told = tell_backup_problem(parent, store, problem, window.refresh)
        self._shown = True
        if told:
            window.show_damage_banner()  # read-only, and said so, until restored
