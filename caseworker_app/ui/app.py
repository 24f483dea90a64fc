"""Starting the window: QApplication, Danish Qt translations, INI settings, the database."""

from __future__ import annotations

import os
import sys
from datetime import date
from pathlib import Path

from PySide6.QtCore import QLocale, QSettings, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from ..paths import APP_DIR_NAME
from .translation import install_danish_translation

APP_NAME = APP_DIR_NAME  # QSettings keep the INI file in a folder of this name


def make_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication: Danish Qt dialogs, settings in an INI file (never the registry)."""
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationDisplayName("Opfølgningsfrister")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QLocale.setDefault(QLocale(QLocale.Language.Danish, QLocale.Country.Denmark))
    install_danish_translation(app)
    from ..paths import resources_dir

    app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "app.png")))
    return app


def run_window(db_path: Path, *, demo: bool = False) -> int:
    """Open the main window on the database at db_path; explain one that cannot be opened."""
    app = make_application()
    from ..store import CaseStore, StoreError

    try:
        store = CaseStore(db_path)
    except StoreError as exc:
        QMessageBox.critical(None, "Databasen kan ikke åbnes", str(exc))
        return 1
    from .main_window import MainWindow

    window = MainWindow(store, today=date.today, demo=demo)
    window.show()
    if os.environ.get("CASEWORKER_EXIT_WHEN_SHOWN"):
        # Used by benchmarks/bench_startup.py: report once the window is on screen, then quit.
        def report() -> None:
            print("shown", flush=True)
            app.quit()

        QTimer.singleShot(0, report)
    code = app.exec()
    store.close()
    return code
