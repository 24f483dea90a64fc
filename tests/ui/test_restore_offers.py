"""A caseworker is never left with a damaged or lost database while a good copy exists (s17): the
newest good copy is offered at start when the database is damaged (also when the damage is found
reading the cases), missing or empty, and in the open window when today's copy finds it damaged,
or the start's quick check does when today's copy was made earlier; any other failure of that copy
is told once, in Danish, with its reason."""

from __future__ import annotations

import sqlite3
import threading
from datetime import date, datetime

import pytest
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from caseworker_app import logs
from caseworker_app.store import CaseStore
from caseworker_app.store.backup import list_backups, make_backup
from caseworker_app.store.errors import WriteRefusal
from caseworker_app.ui import backup_dialog, restore_offers
from caseworker_app.ui.app import run_window
from caseworker_app.ui.mainwindow import MainWindow
from tests.damaged_pages import CASES_TABLE, CHANGES_INDEX, damage_page_of

HIRE = {"hire": date(2018, 8, 31)}
GIVE_UP_MS = 20_000  # a start that neither ends nor tells: the test fails (exit code 2), never hangs


def with_cases(path, count):
    with CaseStore(path, clock=lambda: date(2021, 2, 1)) as store:
        for i in range(count):
            store.create_case(citizen=f"Borger {i}", case_ref=f"S-{i}", trial_id="T08", dates=HIRE)


def good_copy(path):
    """The copy of 31-01-2021 at 17.00 in the database's sikkerhedskopier."""
    return make_backup(path, now=datetime(2021, 1, 31, 17, 0))


def integrity(path) -> str:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


def case_count(path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT count(*) FROM cases").fetchone()[0]
    finally:
        conn.close()


def click_button(text):
    """What the 'user' does in the next box: clicks the button with this text."""

    def click(box):
        [button] = [b for b in box.buttons() if b.text() == text]
        button.click()

    return click


@pytest.fixture
def shown(monkeypatch, tmp_path):
    """run_window ends once the cases are shown; what each window showed is kept (its case count).
    The log goes to tmp_path; the first-start dialog is not asked (these databases have no name)."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "state"))
    monkeypatch.setattr(MainWindow, "offer_first_start", lambda self: None)
    counts: list[int] = []
    open_store = MainWindow.open_store

    def open_then_end(self, store):
        open_store(self, store)
        counts.append(len(store.list_cases()))
        QTimer.singleShot(0, lambda: QApplication.exit(0))  # exit(), not quit(): see test_first_start

    monkeypatch.setattr(MainWindow, "open_store", open_then_end)
    logs.teardown_logging()
    yield counts
    logs.teardown_logging()


# ------------------------------------------------------------ at start: damage found reading the cases


def test_damage_found_reading_the_cases_offers_the_newest_good_copy(tmp_path, shown, dialogs, message_boxes):
    db = tmp_path / "sager.db"
    with_cases(db, 3)
    good_copy(db)
    damage_page_of(db, CASES_TABLE)
    CaseStore(db).close()  # it opens: the damage is found only when the cases are read
    dialogs.then(click_button("&Gendan sikkerhedskopien"))

    assert run_window(db) == 0

    [box] = dialogs.opened
    assert isinstance(box, QMessageBox)
    assert box.windowTitle() == "Databasen er beskadiget"
    assert box.text() == (
        f"Databasen {db} er beskadiget: SQLite fandt fejl i filen. Den kan ikke åbnes, og filen er ikke "
        "ændret.\n\nDen nyeste gode sikkerhedskopi er fra 31-01-2021 kl. 17.00 (3 sager). Vil du gendanne "
        "den?\n\nDet, der er registreret siden da, skal registreres igen. Den beskadigede fil gemmes i "
        "mappen med sikkerhedskopier, så IT kan se på den."
    )
    assert message_boxes.calls == []  # no "cannot be opened" box and no exit
    assert shown == [3]  # the restored cases, in the window
    assert integrity(db) == "ok" and case_count(db) == 3
    assert any("beskadiget" in p.name for p in (tmp_path / "sikkerhedskopier").iterdir())


def test_afslut_after_damage_found_reading_ends_with_the_file_as_it_was(tmp_path, shown, dialogs, message_boxes):
    db = tmp_path / "sager.db"
    with_cases(db, 3)
    good_copy(db)
    damage_page_of(db, CASES_TABLE)
    before = db.read_bytes()
    dialogs.then(click_button("&Afslut"))

    assert run_window(db) == 1

    assert [box.windowTitle() for box in dialogs.opened] == ["Databasen er beskadiget"]
    assert message_boxes.calls == []  # the offer said it all: no second box
    assert db.read_bytes() == before
    assert [info.path.name for info in list_backups(db)] == ["sager-2021-01-31T170000.db"]  # no copy at closing


def test_damage_without_a_good_copy_says_what_to_do_in_the_window_s_words(tmp_path, shown, dialogs, message_boxes):
    db = tmp_path / "sager.db"
    with_cases(db, 3)
    damage_page_of(db, CASES_TABLE)

    assert run_window(db) == 1

    assert dialogs.opened == []
    assert message_boxes.calls == [
        (
            "critical",
            "Databasen kan ikke åbnes",
            f"Databasen {db} er beskadiget: SQLite fandt fejl i filen. Den kan ikke åbnes, og filen er ikke "
            f"ændret.\n\nDer er ingen sikkerhedskopi, der kan gendannes, i mappen {tmp_path / 'sikkerhedskopier'}. "
            "Kontakt IT, før du starter programmet igen.\n\n"
            "Teknisk oplysning til IT: database disk image is malformed",
        )
    ]


# ------------------------------------------------------------ in the window: today's copy finds damage


@pytest.fixture
def told(monkeypatch):
    """run_window ends once the window has told why today's copy was not made (the real telling)."""
    tell = restore_offers.tell_backup_problem
    after = Told()  # the thread told in; the cases in the store and in Sager

    def tell_then_end(window, store, problem, refresh):
        damaged = tell(window, store, problem, refresh)
        after.append((threading.current_thread().name, len(store.list_cases()), window.case_model.rowCount()))
        after.refusals.append(store.write_refusal)
        QTimer.singleShot(0, lambda: after.banners.append(banner_text(window)))  # once the window has shown it
        QTimer.singleShot(0, lambda: QApplication.exit(0))
        return damaged

    monkeypatch.setattr(restore_offers, "tell_backup_problem", tell_then_end)
    monkeypatch.setattr(MainWindow, "offer_first_start", lambda self: None)
    return after


class Told(list):
    """What each telling left: (thread, cases in the store, rows in Sager); the damage banner's text
    then ('' when hidden); and whether the store refuses writes then."""

    def __init__(self) -> None:
        super().__init__()
        self.banners: list[str] = []
        self.refusals: list[WriteRefusal | None] = []  # the store's write refusal after each telling


def banner_text(window) -> str:
    return window.damage_banner.text() if window.damage_banner.isVisibleTo(window) else ""


def start_until_told(db) -> tuple[int, str]:
    """run_window's exit code and the log file it wrote (under tmp_path/state: state_in_tmp)."""
    give_up = QTimer()  # stopped once the start is over: left running, it ended a later test's waits
    give_up.setSingleShot(True)
    give_up.timeout.connect(lambda: QApplication.exit(2))
    give_up.start(GIVE_UP_MS)
    try:
        code = run_window(db)
    finally:
        give_up.stop()
        logs.teardown_logging()
    [log] = db.parent.joinpath("state").rglob("opfoelgningsfrister.log")
    return code, log.read_text(encoding="utf-8")


@pytest.fixture
def state_in_tmp(tmp_path, monkeypatch, qapp):
    """The log under tmp_path/state; the application made first, so the give-up timer can start."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "state"))
    logs.teardown_logging()


def test_todays_copy_finding_damage_offers_the_newest_good_copy_in_the_open_window(
    tmp_path, state_in_tmp, told, dialogs, message_boxes
):
    db = tmp_path / "sager.db"
    with_cases(db, 12)
    good_copy(db)
    damage_page_of(db, CHANGES_INDEX)  # every case can be read; the integrity check finds 7 faults
    dialogs.then(click_button("&Gendan sikkerhedskopien"))

    code, log = start_until_told(db)
    assert code == 0

    [box] = dialogs.opened
    assert box.windowTitle() == "Databasen er beskadiget"
    assert box.text() == (
        f"Dagens sikkerhedskopi blev ikke lavet. Databasen {db} er beskadiget: SQLite fandt fejl i filen. "
        "Sager kan mangle eller være forkerte.\n\n"
        "Den nyeste gode sikkerhedskopi er fra 31-01-2021 kl. 17.00 (12 sager). Vil du gendanne den nu?\n\n"
        "Det, der er registreret siden da, skal registreres igen. Den beskadigede database gemmes i mappen "
        "med sikkerhedskopier, så IT kan se på den.\n\nVælger du 'Ikke nu', kan du se sagerne, udskrive, kopiere "
        "notater og eksportere til regneark, men programmet gemmer intet i den beskadigede database, indtil du "
        "gendanner en sikkerhedskopi under Filer › Sikkerhedskopier. Programmet spørger igen, næste gang det åbnes."
    )
    assert [b.text() for b in box.buttons()] == ["&Gendan sikkerhedskopien", "&Ikke nu"]
    assert message_boxes.calls == [
        (
            "information",
            "Sikkerhedskopien er gendannet",
            "Databasen er gendannet fra sikkerhedskopien fra 31-01-2021 kl. 17.00 (12 sager). Den beskadigede "
            f"database er gemt i mappen {tmp_path / 'sikkerhedskopier'}, så IT kan se på den.",
        )
    ]
    assert told == [("MainThread", 12, 12)]  # told in the window's thread; it reads the restored database
    assert told.banners == [""]  # restored: no damage left to warn of
    assert told.refusals == [None]  # and writes are allowed
    assert integrity(db) == "ok"
    # The log line says why and where (never a name): the closing's copy is tried again, and logged.
    assert f"automatic backup failed: StoreError: Databasen {db} er beskadiget: SQLite fandt fejl i filen." in log
    assert "database found damaged by today's copy: 7 fejl" in log  # SQLite's own count, for IT
    assert "Borger" not in log


def test_ikke_nu_leaves_the_database_and_asks_once_a_start(tmp_path, state_in_tmp, told, dialogs, message_boxes):
    db = tmp_path / "sager.db"
    with_cases(db, 12)
    good_copy(db)
    damage_page_of(db, CHANGES_INDEX)
    dialogs.then(click_button("&Ikke nu"))

    code, log = start_until_told(db)
    assert code == 0

    assert [box.windowTitle() for box in dialogs.opened] == ["Databasen er beskadiget"]
    assert message_boxes.calls == []
    assert integrity(db) != "ok"  # nothing restored
    # Tried at the start and at closing, told once: the closing's failure is only logged.
    assert log.count(f"automatic backup failed: StoreError: Databasen {db} er beskadiget") == 2
    assert [info.path.name for info in list_backups(db)] == ["sager-2021-01-31T170000.db"]
    assert told.refusals == [WriteRefusal(good_copy=True)]  # today's copy found it: read-only after 'Ikke nu'


def test_todays_copy_finding_damage_without_a_good_copy_says_so(tmp_path, state_in_tmp, told, dialogs, message_boxes):
    db = tmp_path / "sager.db"
    with_cases(db, 12)
    damage_page_of(db, CHANGES_INDEX)

    code, log = start_until_told(db)
    assert code == 0

    assert dialogs.opened == []
    assert message_boxes.calls == [
        (
            "warning",
            "Databasen er beskadiget",
            f"Dagens sikkerhedskopi blev ikke lavet. Databasen {db} er beskadiget: SQLite fandt fejl i filen. "
            "Sager kan mangle eller være forkerte.\n\nDer er ingen god sikkerhedskopi at "
            f"gendanne i mappen {tmp_path / 'sikkerhedskopier'}. Kontakt IT. Indtil databasen er i orden, kan du se "
            "sagerne, udskrive, kopiere notater og eksportere til regneark, men programmet gemmer intet i den "
            "beskadigede database.",
        )
    ]
    # Said above every tab as the box said it: no restore offered where there is nothing to restore.
    assert told.banners == [
        "⚠ Databasen er beskadiget og skrivebeskyttet: sager kan mangle eller være forkerte, og intet kan gemmes, "
        "før en god sikkerhedskopi er gendannet. Du kan se sagerne, udskrive, kopiere notater og eksportere til "
        "regneark. Der er ingen god sikkerhedskopi: kontakt IT."
    ]
    assert told.refusals == [WriteRefusal(good_copy=False)]  # read-only: nothing more goes into the damaged file


def test_a_copy_that_fails_for_another_reason_is_told_once_with_its_reason(
    tmp_path, state_in_tmp, told, dialogs, message_boxes
):
    db = tmp_path / "sager.db"
    with_cases(db, 1)
    (tmp_path / "sikkerhedskopier").write_text("en fil, hvor mappen med kopier skulle være")

    code, log = start_until_told(db)
    assert code == 0

    [(kind, title, text)] = message_boxes.calls
    assert (kind, title) == ("warning", "Sikkerhedskopien blev ikke lavet")
    first, reason, last = text.split("\n\n")
    assert first == "Dagens automatiske sikkerhedskopi kunne ikke laves."
    assert reason.startswith(f"Sikkerhedskopien {tmp_path / 'sikkerhedskopier'}")  # writing.py's words
    assert last == "Programmet prøver igen, når det lukkes, og næste gang det åbnes. Bliver det ved, så kontakt IT."
    assert log.count(f"automatic backup failed: StoreError: Sikkerhedskopien {tmp_path}") == 2


# ------------------------------------------------------------ today's copy made earlier: the start's check
# A tester: 8 KB written into the file opened without a word after the morning's copy, the day's
# follow-ups were accepted, and the next day's restore took them away. When today's copy is made
# already, the start's background thread runs SQLite's quick check instead; the window shows its
# cases first and is never held up by it.


def todays_copy(db):
    """This morning's copy (00.01 today): the start makes none, as after an earlier start today."""
    return make_backup(db, now=datetime.now().replace(hour=0, minute=1, second=0, microsecond=0))


def today_text() -> str:
    return date.today().strftime("%d-%m-%Y")


def test_damage_after_today_s_copy_is_told_at_start_and_the_copy_restored(
    tmp_path, state_in_tmp, told, dialogs, message_boxes
):
    db = tmp_path / "sager.db"
    with_cases(db, 12)
    todays_copy(db)
    with CaseStore(db, clock=lambda: date(2021, 2, 1)) as store:  # registered after the copy
        store.create_case(citizen="Borger efter kopien", case_ref="S-99", trial_id="T08", dates=HIRE)
    damage_page_of(db, CHANGES_INDEX)  # every case can be read: the window opens as if whole
    dialogs.then(click_button("&Gendan sikkerhedskopien"))

    code, log = start_until_told(db)
    assert code == 0

    [box] = dialogs.opened
    assert box.windowTitle() == "Databasen er beskadiget"
    assert box.text() == (
        f"Databasen {db} er beskadiget: SQLite fandt fejl i filen. Sager kan mangle eller være forkerte.\n\n"
        f"Den nyeste gode sikkerhedskopi er fra {today_text()} kl. 00.01 (12 sager). Vil du gendanne den nu?\n\n"
        "Det, der er registreret siden da, skal kontrolleres og registreres igen. Den beskadigede database "
        "gemmes i mappen med sikkerhedskopier, så IT kan se på den.\n\nVælger du 'Ikke nu', kan du se sagerne, "
        "udskrive, kopiere "
        "notater og eksportere til regneark, men programmet gemmer intet i den beskadigede database, indtil du "
        "gendanner en sikkerhedskopi under Filer › Sikkerhedskopier. Programmet spørger igen, næste gang det åbnes."
    )
    assert [b.text() for b in box.buttons()] == ["&Gendan sikkerhedskopien", "&Ikke nu"]
    assert [kind for kind, _title, _text in message_boxes.calls] == ["information"]  # "… er gendannet"
    # Told in the window's thread; it reads the restored copy (its Sager list is filled after the next paint).
    assert [(thread, cases) for thread, cases, _rows in told] == [("MainThread", 12)]
    assert integrity(db) == "ok" and case_count(db) == 12
    assert "database found damaged at start (today's copy made earlier): 1 fejl" in log
    assert "Borger" not in log and "S-99" not in log


def test_ikke_nu_leaves_the_damaged_file_and_makes_no_copy_of_it(tmp_path, state_in_tmp, told, dialogs, message_boxes):
    db = tmp_path / "sager.db"
    with_cases(db, 12)
    copy = todays_copy(db)
    damage_page_of(db, CHANGES_INDEX)
    dialogs.then(click_button("&Ikke nu"))

    code, _log = start_until_told(db)
    assert code == 0

    assert [box.windowTitle() for box in dialogs.opened] == ["Databasen er beskadiget"]
    assert message_boxes.calls == []
    assert integrity(db) != "ok"  # nothing restored
    # Said above every tab until a copy is restored: what is registered meanwhile may be lost.
    assert told.banners == [
        "⚠ Databasen er beskadiget og skrivebeskyttet: sager kan mangle eller være forkerte, og intet kan gemmes, "
        "før en god sikkerhedskopi er gendannet. Du kan se sagerne, udskrive, kopiere notater og eksportere til "
        'regneark. <a href="gendan">Gendan en sikkerhedskopi …</a>'
    ]
    assert told.refusals == [WriteRefusal(good_copy=True)]  # read-only until a copy is restored
    assert [info.path for info in list_backups(db)] == [copy.path]  # the damaged file was not copied


def test_a_whole_database_is_checked_beside_the_window_after_the_paint_and_nothing_is_said(
    tmp_path, state_in_tmp, dialogs, message_boxes, monkeypatch, qapp
):
    monkeypatch.setattr(MainWindow, "offer_first_start", lambda self: None)
    db = tmp_path / "sager.db"
    with_cases(db, 3)
    todays_copy(db)
    happened: list[str] = []
    check = backup_dialog.file_damage

    def recorded_check(path, **kwargs):
        found = check(path, **kwargs)
        happened.append(f"check {kwargs} in {threading.current_thread().name}: {found}")
        return found

    monkeypatch.setattr(backup_dialog, "file_damage", recorded_check)
    open_store = MainWindow.open_store

    def open_then_wait(self, store):
        open_store(self, store)
        happened.append("cases")
        ending = QTimer(self)  # ends once the start's thread is done (or after 20 s: the test fails)
        waited = [0]

        def end_when_done():
            waited[0] += 1
            thread = backup_dialog._background
            if (thread is not None and not thread.is_alive()) or waited[0] > 400:
                ending.stop()
                QApplication.exit(0)

        ending.timeout.connect(end_when_done)
        ending.start(50)

    class Paints(QObject):
        def eventFilter(self, watched, event):  # noqa: N802 - Qt override
            if event.type() == QEvent.Type.Paint and happened[-1:] == ["cases"]:
                happened.append("painted")
            return False

    paints = Paints()
    qapp.installEventFilter(paints)
    monkeypatch.setattr(MainWindow, "open_store", open_then_wait)
    try:
        assert run_window(db) == 0
    finally:
        qapp.removeEventFilter(paints)
        logs.teardown_logging()

    assert happened == ["cases", "painted", "check {'quick': True} in daglig-kopi: None"]
    assert dialogs.opened == [] and message_boxes.calls == []


# ------------------------------------------------------------ at start: missing or empty


def test_an_empty_database_file_offers_the_newest_copy_with_cases(tmp_path, shown, dialogs, message_boxes):
    db = tmp_path / "sager.db"
    with_cases(db, 3)
    good_copy(db)
    db.write_bytes(b"")
    for suffix in ("-wal", "-shm"):
        db.with_name(db.name + suffix).unlink(missing_ok=True)
    dialogs.then(click_button("&Gendan sikkerhedskopien"))

    assert run_window(db) == 0

    [box] = dialogs.opened
    assert box.windowTitle() == "Databasen er tom"
    assert box.text() == (
        f"Databasen {db} er en tom fil (0 byte): der er ingen sager i den.\n\nDen nyeste gode "
        "sikkerhedskopi er fra 31-01-2021 kl. 17.00 (3 sager). Vil du gendanne den?\n\nDet, der er "
        "registreret siden da, skal registreres igen. Starter du med en tom database, bliver "
        f"sikkerhedskopierne liggende i mappen {tmp_path / 'sikkerhedskopier'}."
    )
    assert sorted(b.text() for b in box.buttons()) == [
        "&Afslut",
        "&Gendan sikkerhedskopien",
        "&Start med en tom database",
    ]
    assert box.defaultButton().text() == "&Gendan sikkerhedskopien"
    assert box.escapeButton().text() == "&Afslut"
    assert message_boxes.calls == []
    assert shown == [3]
    assert case_count(db) == 3


def test_a_missing_database_file_offers_the_newest_copy_with_cases(tmp_path, shown, dialogs):
    db = tmp_path / "sager.db"
    with_cases(db, 3)
    good_copy(db)
    with_cases(tmp_path / "tom.db", 0)  # a newer copy of an empty database is no help
    make_backup(tmp_path / "tom.db", tmp_path / "sikkerhedskopier" / "sager-2021-02-01T080000.db")
    db.unlink()
    dialogs.then(click_button("&Gendan sikkerhedskopien"))

    assert run_window(db) == 0

    [box] = dialogs.opened
    assert box.windowTitle() == "Databasen findes ikke"
    assert box.text().startswith(
        f"Databasen {db} findes ikke.\n\nDen nyeste gode sikkerhedskopi er fra 31-01-2021 kl. 17.00 (3 sager)."
    )
    assert shown == [3]


def test_starting_afresh_never_makes_the_empty_database_today_s_copy(tmp_path, shown, dialogs):
    db = tmp_path / "sager.db"
    with_cases(db, 3)
    good_copy(db)
    db.write_bytes(b"")
    for suffix in ("-wal", "-shm"):
        db.with_name(db.name + suffix).unlink(missing_ok=True)
    dialogs.then(click_button("&Start med en tom database"))

    assert run_window(db) == 0  # the start's copy and the closing's are both skipped

    assert shown == [0]
    # Only the copy with cases: an empty copy today would start rotating it away.
    assert [(info.path.name, info.cases) for info in list_backups(db)] == [("sager-2021-01-31T170000.db", 3)]


def test_afslut_leaves_the_empty_file_as_it_was(tmp_path, shown, dialogs):
    db = tmp_path / "sager.db"
    with_cases(db, 3)
    good_copy(db)
    db.write_bytes(b"")
    dialogs.then(click_button("&Afslut"))

    assert run_window(db) == 1

    assert shown == []
    assert db.read_bytes() == b""


def test_a_first_start_without_copies_asks_nothing(tmp_path, shown, dialogs, message_boxes, monkeypatch):
    monkeypatch.setattr(backup_dialog, "daily_backup", lambda path, **_: None)
    assert run_window(tmp_path / "sager.db") == 0
    assert dialogs.opened == [] and message_boxes.calls == []
    assert shown == [0]
