"""Windows open where they can be seen: a remembered size larger than this screen is made to fit,
and the print dialog opens without loading what only the exports need."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QRect, QSettings

from caseworker_app.ui.mainwindow import MainWindow
from caseworker_app.ui.screen_fit import TITLE_BAR


def test_a_window_remembered_from_a_larger_screen_is_brought_onto_this_one(qtbot, store, today, tmp_path):
    settings = QSettings(str(tmp_path / "vindue.ini"), QSettings.Format.IniFormat)
    first = MainWindow(store, today=today, settings=settings)
    qtbot.addWidget(first)
    first.show()
    first.setGeometry(QRect(1500, 900, 1800, 1000))  # on a large monitor, off this screen's edge
    first.close()

    again = MainWindow(store, today=today, settings=settings)
    qtbot.addWidget(again)
    again.show()
    screen = again.screen().availableGeometry()  # offscreen: 800×800
    assert screen.contains(again.geometry())
    assert again.geometry().top() - screen.top() >= TITLE_BAR  # its title bar on the screen too


def test_a_first_window_is_centred_at_the_size_the_screen_allows(qtbot, store, today, tmp_path):
    window = MainWindow(store, today=today, settings=QSettings(str(tmp_path / "ny.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    # The wish is 1200×760; the offscreen screen is 800×800, less 32 for the title bar: 800×760,
    # centred in the 768 below the title bar.
    assert (window.width(), window.height()) == (800, 760)
    assert (window.geometry().left(), window.geometry().top()) == (0, 36)


def test_the_print_dialogs_do_not_load_the_spreadsheet_and_calendar_libraries():
    """openpyxl and icalendar took 0.4 s of the print dialog's first opening (2.7 s on a slow PC):
    they are loaded when a spreadsheet or an .ics file is written, not before."""
    code = (
        "import sys, caseworker_app.ui.printing.dialogs, caseworker_app.ui.printing.export_dialogs, "
        "caseworker_app.ui.mainwindow; "
        "print(sorted(m for m in ('openpyxl', 'icalendar') if m in sys.modules))"
    )
    run = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[2],
        env={"QT_QPA_PLATFORM": "offscreen"},
    )
    assert run.stdout.strip() == "[]"


def test_the_empty_window_is_built_without_the_engine_the_store_or_the_lists():
    """The window is painted before these are imported (docs/ARCHITECTURE.md, "The start"): each
    would delay the caseworker's first sight of the program."""
    later = (
        "caseworker_app.core.selection",  # with dataclasses and html: the caseworker filter's line
        "caseworker_app.core.cases",
        "caseworker_app.core.schedule",
        "caseworker_app.store",
        "caseworker_app.ui.overview",
        "sqlite3",
        "dataclasses",
    )
    code = (
        "import sys, caseworker_app.ui.app, caseworker_app.ui.mainwindow, PySide6.QtWidgets as widgets; "
        f"print([m for m in {later!r} if m in sys.modules], 'QMessageBox' in vars(widgets))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    # nor a message box's Python type (~3 ms to make): made for the first message, not for the window
    assert result.stdout.strip() == "[] False"
