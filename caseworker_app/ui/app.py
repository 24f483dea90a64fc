"""Starting the window: QApplication, Danish Qt translations, INI settings, the database."""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QLocale, QSettings, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from ..core.terms import CatalogError
from ..paths import APP_DIR_NAME
from .after_paint import FIRST_PAINT_FALLBACK_MS, AfterPaint
from .errors import show_error_message
from .translation import install_danish_translation

APP_NAME = APP_DIR_NAME  # QSettings keep the INI file in a folder of this name


def make_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication: Danish Qt dialogs, settings in an INI file (never the registry), the text
    size chosen on this computer."""
    existing = QApplication.instance()
    if existing is None:
        app = QApplication(argv or sys.argv[:1])
    else:
        assert isinstance(existing, QApplication)  # this program's application always has widgets
        app = existing
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationDisplayName("Opfølgningsfrister")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QLocale.setDefault(QLocale(QLocale.Language.Danish, QLocale.Country.Denmark))
    install_danish_translation(app)
    from ..paths import resources_dir

    app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "app.png")))
    from .text_size import apply_text_size, saved_text_size

    apply_text_size(saved_text_size())  # Indstillinger › Tekststørrelse, kept on this computer
    return app


def _start_log_file() -> None:
    # Imported here: the logging modules load after the window's first paint (~5 ms).
    from ..logs import start_log_file

    start_log_file()


def _daily_backup(window, db_path: Path) -> None:
    from .backup_dialog import daily_backup_in_background

    _start_log_file()  # a copy that fails is logged: the log file may not be open yet (idempotent)

    def tell(problem) -> None:  # in the window's thread, at most once a start
        from .restore_offers import tell_backup_problem

        if window.store is not None and window.isVisible():
            if tell_backup_problem(window, window.store, problem, window.refresh):
                window.show_damage_banner()  # read-only, and said so, until restored

    daily_backup_in_background(db_path, tell)


def _tell_stale_notes(window) -> None:
    from .stale_notes import tell_stale_notes_after_update

    tell_stale_notes_after_update(window, window.store)


def _critical(parent, title: str, text: str) -> None:
    # Imported here: QMessageBox's Python type costs ~3 ms to make, and only a failed start needs it.
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.critical(parent, title, text)


def _report(what: str, *, quit_after: bool = False) -> None:
    print(what, flush=True)
    if quit_after:
        # On a later turn: the work queued after this paint (the Sager list, the search texts,
        # starting the backup's thread) is done first, so a benchmark's peak memory holds all a
        # start makes; the closing waits for the backup (run_window).
        QTimer.singleShot(0, QApplication.quit)


def run_window(db_path: Path, *, demo: bool = False, prepare: Callable[[], None] | None = None) -> int:
    """Open the main window on the database at db_path; explain one that cannot be opened.

    The window is shown and painted first; the database, the engine and the cases follow on the
    next turn of the event loop (then the log file), so the program is on screen at once.
    prepare, if given, runs before the database is opened (the demo writes its database there).
    """
    app = make_application()
    from .mainwindow import MainWindow

    window = MainWindow(today=date.today, demo=demo)
    report = os.environ.get("CASEWORKER_EXIT_WHEN_SHOWN")

    started = False  # the cases are on screen: the closing copies the database if today's copy is not it
    undo_interrupt: list[Callable[[], None]] = []  # set once Ctrl+C is watched
    undo_teller: list[Callable[[], None]] = []  # set once the cases are shown

    def close_on_ctrl_c() -> None:
        from .interrupt import close_on_interrupt

        undo_interrupt.append(close_on_interrupt(window))  # Ctrl+C in the terminal: as Filer › Afslut

    def load() -> None:
        nonlocal started
        from ..core.collector import collector_paused, resume_after_start
        from ..logs import report_unexpected, start_crash_file
        from ..store import StoreError

        start_crash_file()  # a crash in Qt while the cases load leaves its stack in nedbrud.log
        # Ctrl+C from here on, also while the cases load or a start's question is open; its wake-up
        # pipe is made after the first paint.
        close_on_ctrl_c()
        try:
            if prepare is not None:
                prepare()
            with collector_paused():  # every case and deadline made at once: nothing scanned meanwhile,
                if not _open_cases(window, db_path, demo):
                    app.exit(1)  # the caseworker chose Afslut, or was told why nothing can be opened
                    return
                gc.freeze()  # nor after: they live as long as the window (core/collector.py)
            resume_after_start()  # the collector is back for what the caseworker does (cli/entry.py)
        except StoreError as exc:  # locked, unwritable, another program's or a newer version's file
            _critical(window, "Databasen kan ikke åbnes", exc.window_text())
            app.exit(1)
            return
        except CatalogError as exc:  # a trial file edited by hand: the message names file and field
            _critical(window, "Forsøgskataloget kan ikke læses", str(exc))
            app.exit(1)
            return
        except Exception as exc:  # unexpected: logged and explained, as at any other start, then exit
            report_unexpected(type(exc), exc, exc.__traceback__, show_error_message)
            app.exit(1)
            return
        started = True
        from ..excepthook import tell_known_errors
        from .store_errors import StoreErrorTeller

        # A database fault met later in the window (a case that cannot be read: damage, a full disk)
        # is told in the window's words, damage with the newest good copy offered; never 'uventet fejl'.
        undo_teller.append(tell_known_errors(StoreErrorTeller(window, None if demo else db_path)))
        # The log file opens once the cases are on screen; an error before that opens it itself.
        AfterPaint(window, _start_log_file, FIRST_PAINT_FALLBACK_MS)
        if not demo:  # today's first copy; again at closing if the work changed it (store/backup/rotation.py)
            AfterPaint(window, lambda: _daily_backup(window, db_path), FIRST_PAINT_FALLBACK_MS)  # cases first
            # A trial a new version changed: its copied notes now stale are told once (ui/stale_notes.py).
            AfterPaint(window, lambda: _tell_stale_notes(window), FIRST_PAINT_FALLBACK_MS)
            # No name or municipality yet: asked for at once, window-modal (no nested event loop).
            window.offer_first_start()
        if report:
            AfterPaint(window, lambda: _report("shown", quit_after=True))

    AfterPaint(window, load, FIRST_PAINT_FALLBACK_MS)  # before show(): a platform may paint in it
    if report:
        # Used by benchmarks/bench_startup.py: "window" once the empty window is painted, "shown"
        # once the deadlines are painted in it; then quit.
        AfterPaint(window, lambda: _report("window"))
    window.show()
    try:
        code = app.exec()
    finally:
        for undo in (*undo_interrupt, *undo_teller):
            undo()
    closing_copy = started and not demo
    if closing_copy:
        from .backup_dialog import daily_backup, wait_for_daily_backup

        # The start's copy, if still being made, ends before the store closes: its read connection
        # open then keeps the -wal the store's closing folds in, and a copy would be made again for
        # nothing (store/backup/sameness.py cannot compare pages left in a -wal).
        wait_for_daily_backup()
    if window.store is not None:
        window.store.close()
    if closing_copy:
        # The day's work into a copy, if it changed the database; a failure is logged: the window is gone.
        daily_backup(db_path, closing=True)
    return code


def _open_cases(window, db_path: Path, demo: bool) -> bool:
    """Open the database and show its cases; False when the caseworker chose to quit or was told why
    it cannot be used. A database found damaged (opening it or reading its cases), missing or empty
    is offered the newest good copy first (ui/restore_offers.py; not for the demo's own file)."""
    from ..store import CaseStore
    from ..store.errors import DamagedDatabaseError

    if not demo:
        from ..store.opening import missing_or_empty

        if missing_or_empty(db_path):
            from .restore_offers import StartChoice, offer_restore_of_missing

            empty = db_path.exists()
            if offer_restore_of_missing(window, db_path, empty=empty) == StartChoice.QUIT:
                return False
    try:
        store = CaseStore(db_path)
        try:
            window.open_store(store)
        except DamagedDatabaseError:
            store.close()  # the restore sets the damaged file aside: Windows will not move an open one
            raise
    except DamagedDatabaseError as exc:
        if demo:
            raise
        from .restore_offers import offer_restore

        if not offer_restore(window, db_path, exc):
            return False
        window.open_store(CaseStore(db_path))
    return True
