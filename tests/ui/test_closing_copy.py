"""The window's closing copies the day's work (a tester's first day: the start copied the still empty
database, and the three cases typed in after it were in no copy until the next start)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from caseworker_app import logs
from caseworker_app.store import CaseStore
from caseworker_app.store.backup import check_backup, list_backups
from caseworker_app.ui import backup_dialog
from caseworker_app.ui.app import run_window
from caseworker_app.ui.mainwindow import MainWindow


def work_after_the_start_copy(monkeypatch, db, work) -> None:
    """Once the start's copy is written, do work with the window's store, then end the event loop."""
    monkeypatch.setenv("XDG_STATE_HOME", str(db.parent / "state"))  # the log file the start opens
    monkeypatch.setenv("LOCALAPPDATA", str(db.parent / "state"))
    monkeypatch.setattr(MainWindow, "offer_first_start", lambda self: None)
    windows = []
    open_store = MainWindow.open_store

    def open_and_remember(self, store):
        open_store(self, store)
        windows.append(self)

    def when_copied():
        if not list_backups(db):
            QTimer.singleShot(50, when_copied)
            return
        backup_dialog.wait_for_daily_backup()
        work(windows[0].store)
        QApplication.exit(0)  # run_window's closing follows (not window.close(): in one test process
        # closing the main window left the later tests' windows without focus, offscreen)

    monkeypatch.setattr(MainWindow, "open_store", open_and_remember)
    QTimer.singleShot(50, when_copied)


def test_the_first_days_cases_are_in_a_copy_after_closing(tmp_path, monkeypatch, qapp):
    db = tmp_path / "sager.db"  # the first start: no database yet

    def type_in_three_cases(store):
        assert [b.cases for b in list_backups(db)] == [0]  # the start's copy: "0 sager"
        for ref in ("2026-0001", "2026-0002", "2026-0003"):
            store.create_case(citizen="Borger", case_ref=ref, trial_id="T08", dates={"hire": date(2024, 6, 15)})

    work_after_the_start_copy(monkeypatch, db, type_in_three_cases)
    try:
        assert run_window(db) == 0
    finally:
        logs.teardown_logging()

    newest, morning = list_backups(db)
    assert (newest.cases, morning.cases) == (3, 0)
    assert check_backup(newest.path) is None


def test_a_start_and_closing_without_work_makes_no_second_copy(tmp_path, monkeypatch, qapp):
    db = tmp_path / "sager.db"
    with CaseStore(db) as store:
        store.create_case(citizen="Borger", case_ref="2026-0001", trial_id="T08", dates={"hire": date(2024, 6, 15)})

    work_after_the_start_copy(monkeypatch, db, lambda store: None)
    try:
        assert run_window(db) == 0
    finally:
        logs.teardown_logging()

    assert [b.cases for b in list_backups(db)] == [1]
