"""Damage met reading the database in the open window (a case whose history is on a damaged page,
after 'Ikke nu' at start): explained as at start, the newest good copy offered, never 'uventet fejl'
(tester). One handler does it for every read (ui/store_errors.py), through the excepthook a Qt slot's
error reaches."""

from __future__ import annotations

import logging
import sqlite3
import sys
from datetime import date, datetime

import pytest

from caseworker_app.excepthook import install_excepthook, tell_known_errors
from caseworker_app.store import CaseStore, StoreError
from caseworker_app.store.backup import make_backup
from caseworker_app.store.errors import DamagedDatabaseError, WriteRefusal
from caseworker_app.ui.mainwindow import MainWindow
from caseworker_app.ui.store_errors import StoreErrorTeller

from .conftest import TODAY


def click_button(text):
    def click(box):
        [button] = [b for b in box.buttons() if b.text() == text]
        button.click()

    return click


@pytest.fixture
def damaged(tmp_path):
    """Three cases, a good copy of 31-01-2021 at 17.00, then the page of the cases' history zeroed:
    the cases are listed, a case's history cannot be read."""
    db = tmp_path / "sager.db"
    with CaseStore(db, clock=lambda: TODAY) as store:
        for number, name in enumerate(("Jens Hansen", "Lone Andersen", "Ole Bak")):
            store.create_case(
                citizen=name, case_ref=f"2018-00{number}", trial_id="T08", dates={"hire": date(2018, 8, 31)}
            )
    make_backup(db, now=datetime(2021, 1, 31, 17, 0))
    zero_page_of(db, "case_changes")
    return db


def zero_page_of(path, table: str) -> None:
    """Zero the first page of table, as the tester did (a page a disk lost)."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        [root] = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()
    finally:
        conn.close()
    with path.open("r+b") as handle:
        handle.seek((root - 1) * page_size)
        handle.write(bytes(page_size))


@pytest.fixture
def window(qtbot, damaged, qsettings_in_tmp):
    store = CaseStore(damaged, clock=lambda: TODAY)
    main = MainWindow(store, today=lambda: TODAY, settings=None)
    qtbot.addWidget(main)
    main.show()
    yield main
    if main.store is not None:
        main.store.close()


def open_case_as_a_slot_does(window, case_id, shown):
    """Open the case; its error reaches sys.excepthook as one raised in a Qt slot does."""
    restore = install_excepthook(shown.append)
    undo = tell_known_errors(StoreErrorTeller(window, window.store.path))
    try:
        try:
            window.open_case(case_id)
        except DamagedDatabaseError:
            sys.excepthook(*sys.exc_info())
    finally:
        undo()
        restore()


def test_a_case_that_cannot_be_read_explains_the_damage_and_offers_the_good_copy(window, damaged, dialogs):
    dialogs.then(click_button("&Ikke nu"))
    shown: list[str] = []
    open_case_as_a_slot_does(window, 2, shown)

    assert shown == []  # no 'uventet fejl'
    [box] = dialogs.opened
    assert box.windowTitle() == "Databasen er beskadiget"
    assert box.text() == (
        f"Databasen {damaged} er beskadiget: en del af den kunne ikke læses, da programmet skulle vise den. "
        "Sager kan mangle eller være forkerte.\n\n"
        "Den nyeste gode sikkerhedskopi er fra 31-01-2021 kl. 17.00 (3 sager). Vil du gendanne den nu?\n\n"
        "Det, der er registreret siden da, skal kontrolleres og registreres igen. Den beskadigede database "
        "gemmes i mappen med sikkerhedskopier, så IT kan se på den.\n\nVælger du 'Ikke nu', kan du se sagerne, "
        "udskrive, kopiere "
        "notater og eksportere til regneark, men programmet gemmer intet i den beskadigede database, indtil du "
        "gendanner en sikkerhedskopi under Filer › Sikkerhedskopier. Programmet spørger igen, næste gang det åbnes."
    )
    assert [b.text() for b in box.buttons()] == ["&Gendan sikkerhedskopien", "&Ikke nu"]
    assert window.damage_banner.isVisibleTo(window)  # said until restored
    assert window.case_windows() == []
    # Read-only from here: a save is refused before anything is written.
    assert window.store.write_refusal == WriteRefusal(good_copy=True)
    before = damaged.read_bytes()
    with pytest.raises(StoreError, match="Intet er gemt: databasen .* er beskadiget"):
        window.store.add_event(1, day=TODAY, kind="followup")
    assert damaged.read_bytes() == before


def test_restoring_the_good_copy_lets_the_case_open(window, damaged, dialogs, message_boxes):
    dialogs.then(click_button("&Gendan sikkerhedskopien"))
    shown: list[str] = []
    open_case_as_a_slot_does(window, 2, shown)

    assert shown == []
    assert [call[1] for call in message_boxes.calls] == ["Sikkerhedskopien er gendannet"]
    assert not window.damage_banner.isVisibleTo(window)
    case_window = window.open_case(2)
    assert case_window.citizen_edit.text() == "Lone Andersen"
    assert window.store.write_refusal is None  # a good copy in place: saving works
    window.store.add_event(2, day=TODAY, kind="followup")


def test_a_failure_after_the_damage_box_was_shown_is_logged_not_told_again(
    window, damaged, dialogs, monkeypatch, caplog
):
    dialogs.then(click_button("&Ikke nu"))

    def failing_banner(**_kwargs):
        raise RuntimeError("the banner failed")

    monkeypatch.setattr(window, "show_damage_banner", failing_banner)
    shown: list[str] = []
    with caplog.at_level(logging.WARNING):
        open_case_as_a_slot_does(window, 2, shown)

    assert shown == []  # told once, in the damage box: no 'uventet fejl' after it
    assert [box.windowTitle() for box in dialogs.opened] == ["Databasen er beskadiget"]
    [failed] = [r for r in caplog.records if r.exc_info and r.exc_info[0] is RuntimeError]
    assert failed.getMessage() == "after the database error was told, the window failed"


def test_another_database_fault_met_in_the_window_is_told_in_its_own_words(window, damaged, message_boxes):
    teller = StoreErrorTeller(window, damaged)
    error = StoreError(
        "kommandolinjens tekst (--db)", in_window=f"Databasen {damaged} er optaget af et andet program.", fault=True
    )
    assert teller(error) is True
    assert message_boxes.calls == [
        ("warning", "Databasen kunne ikke bruges", f"Databasen {damaged} er optaget af et andet program.")
    ]
    assert teller(KeyError("ikke en databasefejl")) is False  # still an unexpected error


@pytest.mark.qt_no_exception_capture
def test_the_window_tells_damage_met_in_a_slot_without_an_unexpected_error(damaged, dialogs, monkeypatch, tmp_path):
    # The whole program: run_window opens the database; a click (a slot) opens case 2, whose history
    # is on the zeroed page. The excepthook is the program's own (cli/entry.py installs it).
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from caseworker_app import logs
    from caseworker_app.ui.app import run_window

    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "state"))
    monkeypatch.setattr(MainWindow, "offer_first_start", lambda self: None)
    monkeypatch.setattr("caseworker_app.ui.app._daily_backup", lambda window, db_path: None)
    open_store = MainWindow.open_store

    def open_then_click(self, store):
        open_store(self, store)
        QTimer.singleShot(0, lambda: self.open_case(2))
        QTimer.singleShot(0, lambda: QApplication.exit(0))

    monkeypatch.setattr(MainWindow, "open_store", open_then_click)
    dialogs.then(click_button("&Ikke nu"))
    shown: list[str] = []
    restore = install_excepthook(shown.append)
    logs.teardown_logging()
    try:
        assert run_window(damaged) == 0
    finally:
        restore()
        logs.teardown_logging()
    assert shown == []
    assert [box.windowTitle() for box in dialogs.opened] == ["Databasen er beskadiget"]
