"""Which errors the window tells as the database's fault (ui/store_errors.py) and which it leaves to the
'uventet fejl' report: a case deleted by another copy of the program is neither, it is said where it is
opened (reviewer), or where it is met later (tests/ui/test_case_gone_meanwhile.py). What is told is
logged with its traceback, also before the log file was started."""

from __future__ import annotations

import logging
import sqlite3
import sys
from datetime import date

import pytest

from caseworker_app import logs
from caseworker_app.excepthook import install_excepthook, tell_known_errors
from caseworker_app.store import CaseStore, StoreError
from caseworker_app.store.opening import store_error
from caseworker_app.ui.mainwindow import MainWindow
from caseworker_app.ui.mainwindow.tabs import Tab
from caseworker_app.ui.store_errors import StoreErrorTeller

from .conftest import TODAY


@pytest.fixture
def log_folder(tmp_path, monkeypatch):
    """The log file not started yet (as before the window's first paint); its folder in tmp."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "state"))
    logs.teardown_logging()
    yield
    logs.teardown_logging()


@pytest.fixture
def window(qtbot, tmp_path):
    path = tmp_path / "sager.db"
    with CaseStore(path, clock=lambda: TODAY) as store:
        for number, name in enumerate(("Jens Hansen", "Lone Andersen")):
            store.create_case(
                citizen=name, case_ref=f"2018-00{number}", trial_id="T08", dates={"hire": date(2018, 8, 31)}
            )
    main = MainWindow(CaseStore(path, clock=lambda: TODAY), today=lambda: TODAY, settings=None)
    qtbot.addWidget(main)
    main.show()
    yield main
    if main.store is not None:
        main.store.close()


def raised(error: BaseException) -> BaseException:
    """error with a traceback, as the excepthook gets it."""
    try:
        raise error
    except BaseException as exc:
        return exc


def through_the_hook(window, error: BaseException) -> list[str]:
    """Hand error to the program's excepthook with the window's teller; the 'uventet fejl' texts shown."""
    shown: list[str] = []
    restore = install_excepthook(shown.append)
    undo = tell_known_errors(StoreErrorTeller(window, window.store.path))
    try:
        sys.excepthook(type(error), error, error.__traceback__)
    finally:
        undo()
        restore()
    return shown


def test_opening_a_case_another_copy_deleted_says_so_and_lists_the_cases_anew(window, message_boxes):
    window.tabs.setCurrentIndex(Tab.CASES)
    assert window.case_model.rowCount() == 2
    with CaseStore(window.store.path, clock=lambda: TODAY) as other:  # another copy of the program
        other.delete_case(1, reason="Oprettet ved en fejl")

    assert window.open_case(1) is None

    assert message_boxes.calls == [
        (
            "information",
            "Sagen kan ikke åbnes",
            "Sagen findes ikke længere: den er slettet et andet sted (fx i en anden kopi af programmet), efter at "
            "listen blev vist. Listen er opdateret.",
        )
    ]
    assert window.case_model.rowCount() == 1
    assert window.case_windows() == []


def test_a_store_error_that_is_no_database_fault_is_reported_as_unexpected_with_its_traceback(
    window, message_boxes, log_folder, caplog
):
    closed = raised(StoreError(f"Databasen {window.store.path} er lukket."))  # a program's error
    with caplog.at_level(logging.WARNING):
        shown = through_the_hook(window, closed)

    assert message_boxes.calls == []  # not "Databasen kunne ikke bruges"
    assert len(shown) == 1 and shown[0].startswith("Der opstod en uventet fejl i programmet.")
    [record] = [r for r in caplog.records if r.levelno == logging.CRITICAL]
    assert "Traceback (most recent call last)" in record.getMessage()
    assert "in raised" in record.getMessage()


def test_a_database_fault_told_before_the_log_file_started_is_logged_with_its_traceback(
    window, message_boxes, log_folder
):
    path = window.store.path
    busy = raised(store_error(path, sqlite3.OperationalError("database is locked")))
    assert through_the_hook(window, busy) == []

    assert [call[1] for call in message_boxes.calls] == ["Databasen kunne ikke bruges"]
    written = logs.current_log_file().read_text(encoding="utf-8")
    assert "database error told in the window: StoreError" in written
    assert "Traceback (most recent call last)" in written
    assert "in raised" in written


def test_a_failing_handler_is_logged_with_its_traceback_and_the_error_reported(window, log_folder, caplog):
    def failing(exc):
        raise RuntimeError("the handler's own fault")

    shown: list[str] = []
    restore = install_excepthook(shown.append)
    undo = tell_known_errors(failing)
    error = raised(KeyError("x"))
    try:
        with caplog.at_level(logging.WARNING):
            sys.excepthook(type(error), error, error.__traceback__)
    finally:
        undo()
        restore()

    [failed] = [r for r in caplog.records if r.getMessage() == "the handler of a known error failed"]
    assert failed.exc_info is not None and failed.exc_info[0] is RuntimeError
    assert len(shown) == 1  # the error itself: 'uventet fejl'
