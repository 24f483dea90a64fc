"""Filer › Sikkerhedskopier …: the database's copies with date, size and cases; make one, restore
one after asking. Also the daily copy, made beside the window; why it failed goes to the window
(ui/restore_offers.py)."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..logs import safe_traceback
from ..store.backup import (
    BackupInfo,
    another_database_text,
    auto_backup,
    backup_folder,
    backup_info,
    cases_text,
    check_backup,
    list_backups,
    make_backup,
    newest_good_backup,
    of_another_database,
    remark_text,
    restore_backup,
    rotate_backups,
    rotation_of,
    size_text,
    when_text,
    when_texts,
)
from ..store.copy_guard import empty_beside_copies_with_cases
from ..store.damage import Damage, file_damage
from ..store.errors import DamagedDatabaseError, StoreError
from .questions import ask_yes_no
from .restore_offers import BackupProblem
from .screen_fit import resize_to_fit
from .table_dialog import choice_table, chosen_row, fill_table

_log = logging.getLogger(__name__)

COLUMNS = ("Dato", "Størrelse", "Sager", "Bemærkning")
FOLDER_KEY = "backup/restore_folder"  # where 'Vælg en anden fil …' last found a copy
FILTERS = ("Sikkerhedskopier (*.db)", "Alle filer (*)")


class BackupDialog(QDialog):
    """The list of copies; 'Gendan …' asks first and keeps the current database as a copy."""

    def __init__(
        self,
        db_path: Path,
        *,
        on_restored: Callable[[bool], None] | None = None,  # told whether the copy is now in place
        before_restore: Callable[[], None] | None = None,
        parent: QWidget | None = None,
        ask: Callable[[QWidget, str, str], bool] | None = None,
    ):
        super().__init__(parent)
        wait_for_daily_backup()  # today's copy listed whole, and nothing copies while one restores
        self.db_path = Path(db_path)
        # The window lets go of the database before a restore (Windows will not move a damaged file
        # a program holds open aside) and opens it again after, restored or not.
        self._before_restore = before_restore
        self._on_restored = on_restored
        self._ask = ask or ask_yes_no
        self.backups: list[BackupInfo] = []
        self.setWindowTitle("Sikkerhedskopier")
        self.intro = intro = QLabel(
            "Programmet laver selv en kontrolleret sikkerhedskopi, når det åbnes første gang om dagen, og "
            "igen, når det lukkes, hvis dagens arbejde har ændret databasen. "
            f"Kopierne ligger i {backup_folder(self.db_path)}."
        )
        intro.setWordWrap(True)
        self.table = choice_table(COLUMNS, "Sikkerhedskopier, nyeste først")
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.backup_button = QPushButton("Lav sikkerheds&kopi nu")
        self.backup_button.clicked.connect(self.backup_now)
        self.restore_button = QPushButton("&Gendan …")
        self.restore_button.clicked.connect(self.restore_selected)
        self.other_file_button = QPushButton("Vælg en &anden fil …")
        self.other_file_button.setToolTip("Gendan en sikkerhedskopi, der ligger et andet sted, fx på et netværksdrev")
        self.other_file_button.clicked.connect(self.restore_other_file)
        close = QPushButton("&Luk")
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.backup_button)
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.other_file_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        resize_to_fit(self, 720, 420)
        self.reload()

    def reload(self) -> None:
        self.backups = list_backups(self.db_path)
        self._whens = when_texts(self.backups)
        rows = [
            (when, size_text(info.size), cases_text(info.cases), remark_text(info))
            for info, when in zip(self.backups, self._whens, strict=True)
        ]
        fill_table(self.table, rows, numbers=(1, 2))
        usable = [row for row, info in enumerate(self.backups) if info.usable]
        if usable:
            self.table.selectRow(usable[0])  # the newest copy that can be restored, never a damaged one
        else:
            self.table.clearSelection()
        if not self.backups:
            self.status.setText("Der er ingen sikkerhedskopier endnu.")
        self._selection_changed()

    def _selection_changed(self) -> None:
        info = self.selected()
        self.restore_button.setEnabled(info is not None and info.usable)

    def selected(self) -> BackupInfo | None:
        row = chosen_row(self.table)
        return None if row is None else self.backups[row]

    def backup_now(self) -> None:
        try:
            info = make_backup(self.db_path)
            rotate_backups(self.db_path, rotation_of(self.db_path))
        except StoreError as exc:
            self.status.setText(exc.window_text())
            return
        self.reload()
        self.status.setText(f"Sikkerhedskopi gemt og kontrolleret ({cases_text(info.cases)}).")

    def restore_selected(self) -> None:
        row = chosen_row(self.table)
        if row is None:
            return
        info = self.backups[row]
        # A copy in this database's folder may still be of another one (a file put there by hand).
        other = of_another_database(self.db_path, info.path)
        if self._ask(self, "Gendan sikkerhedskopi?", self._question(info, self._whens[row], other=other)):
            self._restore(info, self._whens[row], other=other)

    def restore_other_file(self) -> None:
        """'Vælg en anden fil …': a copy elsewhere (made with `backup --to`, on a USB key), checked
        as the command line checks it; one of another database is named in the question."""
        chosen, _filter = QFileDialog.getOpenFileName(
            self, "Vælg sikkerhedskopien", self._start_folder(), ";;".join(FILTERS), FILTERS[0]
        )
        if not chosen:
            return
        path = Path(chosen)
        QSettings().setValue(FOLDER_KEY, str(path.parent))
        problem = check_backup(path)
        if problem is None and self.db_path.exists() and path.resolve() == self.db_path.resolve():
            problem = f"{path} er selve databasen. Vælg en sikkerhedskopi."
        if problem:
            self.status.setText(f"{problem} Databasen er ikke ændret.")
            return
        info = backup_info(path)
        other = of_another_database(self.db_path, path)
        when = when_text(info)
        if self._ask(self, "Gendan sikkerhedskopi?", self._question(info, when, other=other)):
            self._restore(info, when, other=other)

    def _start_folder(self) -> str:
        saved = QSettings().value(FOLDER_KEY)
        return str(saved) if saved and Path(str(saved)).is_dir() else str(Path.home())

    def _question(self, info: BackupInfo, when: str, *, other: bool) -> str:
        kept = (
            "Den nuværende database gemmes først som en sikkerhedskopi ('gemt før gendannelse'), så du kan "
            "fortryde; den slettes ikke automatisk."
        )
        if other:  # the copy's path is named in the first sentence; 'since then' means nothing here
            return (
                f"{another_database_text(self.db_path, info.path)}\n\nKopien er fra {when} "
                f"({cases_text(info.cases)}). Vil du alligevel gendanne den?\n\n{kept}"
            )
        elsewhere = f" {info.path}" if info.path.parent != backup_folder(self.db_path) else ""
        return (
            f"Vil du gendanne sikkerhedskopien{elsewhere} fra {when} ({cases_text(info.cases)})?\n\n"
            f"Alt, der er registreret siden da, forsvinder fra databasen. {kept}"
        )

    def _restore(self, info: BackupInfo, when: str, *, other: bool) -> None:
        problem = check_backup(info.path)
        if problem:
            self.status.setText(f"{problem} Databasen er ikke ændret.")
            return
        if self._before_restore is not None:
            self._before_restore()
        done = False
        try:
            kept, cases = restore_backup(self.db_path, info.path, other_database=other)
            done = True
        except StoreError as exc:
            self.status.setText(exc.window_text())
            return
        finally:
            if self._on_restored is not None:
                self._on_restored(done)
        self.reload()
        kept_text = f" Den hidtidige database er gemt som {kept.path.name}." if kept else ""
        self.status.setText(f"Gendannet fra {when}: {cases_text(cases)}.{kept_text}")


def daily_backup(db_path: Path, *, check: bool = False, closing: bool = False) -> BackupProblem | None:
    """Today's automatic copy, if there is none yet (closing: or the day's work changed the database
    since today's newest, store/backup/rotation.py auto_backup); why it was not made (logged with its reason and
    path, never shown as a crash), or None. A database with no cases is not copied while copies
    hold cases (store/copy_guard.py).

    check (at start): when today's copy is already made, SQLite's quick check of the database runs
    instead, so damage done since that copy is found at this start, not at tomorrow's copy."""
    if empty_beside_copies_with_cases(db_path):
        _log.info("automatic backup skipped: the database has no cases, older copies have")
        return None
    try:
        made = auto_backup(db_path, rotation=rotation_of(db_path), again_if_changed=closing)
    except StoreError as exc:  # the message names the file and the reason, never a case
        _log.warning("automatic backup failed: %s: %s", type(exc).__name__, exc)
        damage = file_damage(db_path)
        if damage is None and isinstance(exc, DamagedDatabaseError):
            damage = Damage(db_path, detail=str(exc))
        if damage is not None:
            _log.warning("database found damaged by today's copy: %s", damage.detail)  # counts only, never a case
        good_copy = newest_good_backup(db_path) if damage else None  # here: the window waits for nothing
        return BackupProblem(db_path, exc, damage.text if damage else None, good_copy)
    if made is None and check:
        return _damage_since_todays_copy(db_path)
    return None


def _damage_since_todays_copy(db_path: Path) -> BackupProblem | None:
    """The start's check when today's copy was made earlier (the copy's own full check found nothing
    then): damage found, with the newest good copy to offer, or None."""
    damage = file_damage(db_path, quick=True)
    if damage is None:
        return None
    _log.warning("database found damaged at start (today's copy made earlier): %s", damage.detail)  # counts only
    return BackupProblem(db_path, None, damage.text, newest_good_backup(db_path))


class _Messenger(QObject):
    """Carries the copy's problem from its thread to the window's (a queued signal)."""

    problem = Signal(object)


# The daily copy made at start runs beside the window (at 100,000 cases it takes about half a
# second, most of it SQLite's copy and integrity check, which run outside Python's lock); so does
# the quick check on the starts after today's copy (0.1-0.3 s at 100,000 cases on a local disk,
# seconds on a slow network drive: it reads the whole file). Whatever
# reads or replaces the copies or the database file waits for it first: the backup dialog, the
# retention purge (ui/settings_dialog.py: a copy still being made would keep purged cases) and the
# copy made when the window closes (ui/app.py).
_background: threading.Thread | None = None
_messenger: _Messenger | None = None


def daily_backup_in_background(db_path: Path, on_problem: Callable[[BackupProblem], None] | None = None) -> None:
    """daily_backup with the start's check in a thread of its own, so the window answers meanwhile;
    on_problem is called in the window's thread when the copy was not made or the check found damage."""
    global _background, _messenger
    wait_for_daily_backup()
    _messenger = None
    if on_problem is not None:
        _messenger = _Messenger()
        _messenger.problem.connect(on_problem)
    _background = threading.Thread(
        target=_daily_backup_logged, args=(db_path, _messenger), name="daglig-kopi", daemon=True
    )
    _background.start()


def wait_for_daily_backup() -> None:
    """Return once the copy started by daily_backup_in_background, if any, is done (with a wait
    cursor meanwhile: on a network drive a large database's copy can take seconds)."""
    if _background is None or not _background.is_alive():
        return
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    waiting = QApplication.instance() is not None
    if waiting:
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        _background.join()
    finally:
        if waiting:
            QApplication.restoreOverrideCursor()


def _daily_backup_logged(db_path: Path, messenger: _Messenger | None) -> None:
    try:
        problem = daily_backup(db_path, check=True)
    except Exception as exc:  # never shown (the window is in use), always logged without personal data
        _log.error("automatic backup failed unexpectedly:\n%s", safe_traceback(type(exc), exc, exc.__traceback__))
        return
    if problem is not None and messenger is not None:
        messenger.problem.emit(problem)
