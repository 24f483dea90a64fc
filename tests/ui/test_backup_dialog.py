"""Filer › Sikkerhedskopier … and the offer of the newest good copy when the database is damaged."""

from __future__ import annotations

import os
import re
from datetime import date, datetime

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QMessageBox

from caseworker_app.store import CaseStore
from caseworker_app.store.backup import list_backups, make_backup, restore_backup
from caseworker_app.store.errors import DamagedDatabaseError, WriteRefusal
from caseworker_app.store.opening import not_a_case_database
from caseworker_app.ui.backup_dialog import FOLDER_KEY, BackupDialog
from caseworker_app.ui.mainwindow import MainWindow, Tab
from caseworker_app.ui.restore_offers import damaged_offer_box, offer_restore
from tests.damage import damage_the_events_table
from tests.unwritable import unwritable

HIRE = {"hire": date(2018, 8, 31)}


def add(store, n, prefix="S"):
    for i in range(n):
        store.create_case(citizen=f"Borger {prefix}{i}", case_ref=f"{prefix}-{i}", trial_id="T08", dates=HIRE)


def test_the_dialog_lists_date_size_and_cases_and_restores_after_asking(qtbot, store, tmp_path):
    add(store, 2)
    make_backup(store.path, now=datetime(2021, 1, 30, 16, 45))
    add(store, 1, prefix="L")
    make_backup(store.path, now=datetime(2021, 2, 1, 8, 2))
    answers = []
    restored = []
    dialog = BackupDialog(
        store.path,
        on_restored=restored.append,
        ask=lambda parent, title, text: answers.pop(0),
    )
    qtbot.addWidget(dialog)
    # When copies are made, as the program makes them (a tester saw three of one day beside "højst én").
    assert dialog.intro.text().startswith(
        "Programmet laver selv en kontrolleret sikkerhedskopi, når det åbnes første gang om dagen, og igen, "
        "når det lukkes, hvis dagens arbejde har ændret databasen."
    )
    rows = [[dialog.table.item(r, c).text() for c in range(3)] for r in range(dialog.table.rowCount())]
    assert rows[0][0] == "01-02-2021 kl. 08.02" and rows[0][2] == "3 sager"
    assert rows[1][0] == "30-01-2021 kl. 16.45" and rows[1][2] == "2 sager"
    assert rows[0][1].endswith("kB")
    dialog.table.selectRow(1)
    answers.append(False)  # "Nej": nothing happens
    dialog.restore_button.click()
    assert len(store.list_cases()) == 3 and not restored
    answers.append(True)
    dialog.restore_button.click()
    assert len(store.list_cases()) == 2 and restored
    assert "Gendannet fra 30-01-2021 kl. 16.45: 2 sager" in dialog.status.text()
    remarks = [dialog.table.item(r, 3).text() for r in range(dialog.table.rowCount())]
    assert "gemt før gendannelse – slettes ikke automatisk" in remarks


def test_a_damaged_database_set_aside_is_marked_and_never_chosen_for_restore(qtbot, tmp_path):
    """Found by a tester: the damaged file a restore set aside was listed as a plain copy ('3 sager',
    no remark) at the top, so it was chosen, and 'Gendan …' was enabled (and then failed)."""
    path = tmp_path / "sager.db"
    with CaseStore(path, clock=lambda: date(2021, 2, 1)) as store:
        add(store, 3)
        store.add_event(1, day=date(2021, 1, 4), kind="followup", text="Samtale")
    good = make_backup(path, now=datetime(2021, 1, 31, 17, 0))
    damage_the_events_table(path)
    restore_backup(path, good.path, now=datetime(2021, 2, 1, 8, 0))
    dialog = BackupDialog(path)
    qtbot.addWidget(dialog)
    rows = [[dialog.table.item(r, c).text() for c in range(4)] for r in range(dialog.table.rowCount())]
    assert [r[0] for r in rows] == ["01-02-2021 kl. 08.00", "31-01-2021 kl. 17.00"]
    assert rows[0][2:] == ["3 sager", "beskadiget, sat til side ved gendannelse – kan ikke gendannes"]
    assert rows[1][2:] == ["3 sager", ""]
    assert dialog.selected().path == good.path and dialog.restore_button.isEnabled()
    dialog.table.selectRow(0)
    assert not dialog.restore_button.isEnabled()


def test_with_only_a_damaged_file_nothing_is_chosen(qtbot, tmp_path):
    path = tmp_path / "sager.db"
    with CaseStore(path, clock=lambda: date(2021, 2, 1)) as store:
        add(store, 2)
        store.add_event(1, day=date(2021, 1, 4), kind="followup", text="Samtale")
    good = make_backup(path, path.parent / "andet-sted.db")
    damage_the_events_table(path)
    restore_backup(path, good.path, now=datetime(2021, 2, 1, 8, 0))
    dialog = BackupDialog(path)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 1
    assert dialog.selected() is None and not dialog.restore_button.isEnabled()


def test_a_backup_folder_that_takes_no_files_is_named_in_the_dialog(qtbot, store):
    """Found by a tester: the dialog blamed the database ("kan ikke åbnes eller skrives … --db")."""
    add(store, 2)
    copy = make_backup(store.path, now=datetime(2021, 1, 31, 17, 0))
    folder = copy.path.parent
    dialog = BackupDialog(store.path, ask=lambda *args: True)
    qtbot.addWidget(dialog)
    with unwritable(folder):
        dialog.backup_button.click()
        assert re.fullmatch(
            rf"Sikkerhedskopien {re.escape(str(folder))}/sager-\d{{4}}-\d\d-\d\dT\d{{6}}\.db kunne ikke gemmes: du "
            rf"har ikke lov at skrive i mappen {re.escape(str(folder))}\. Databasen er ikke ændret\.",
            dialog.status.text(),
        )
        dialog.restore_button.click()
        assert re.fullmatch(
            r"Gendannelsen er ikke begyndt: den nuværende database gemmes først som kopi\. "
            rf"Sikkerhedskopien {re.escape(str(folder))}/sager-\S+-foer-gendannelse\.db kunne ikke gemmes: du "
            rf"har ikke lov at skrive i mappen {re.escape(str(folder))}\. Databasen er ikke ændret\.",
            dialog.status.text(),
        )
    assert [p.name for p in folder.iterdir()] == [copy.path.name]
    assert len(store.list_cases()) == 2


def test_the_window_has_filer_sikkerhedskopier_and_reloads_after_a_restore(qtbot, store, tmp_path, dialogs):
    add(store, 2)
    copy = make_backup(store.path)
    add(store, 2, prefix="L")
    window = MainWindow(
        store, today=lambda: date(2021, 2, 1), settings=QSettings(str(tmp_path / "v.ini"), QSettings.Format.IniFormat)
    )
    qtbot.addWidget(window)
    assert window.backups_action.text() == "Sikkerheds&kopier …"
    window.tabs.setCurrentIndex(Tab.CASES)
    assert window.case_model.rowCount() == 4
    store.write_refusal = WriteRefusal(good_copy=True)  # as when the start's check found damage, 'Ikke nu' chosen
    window.show_damage_banner()
    assert window.damage_banner.isVisibleTo(window)

    def restore_first(dialog):
        dialog._ask = lambda *args: True
        dialog.table.selectRow([b.path for b in dialog.backups].index(copy.path))
        dialog.restore_button.click()

    dialogs.then(restore_first)
    from caseworker_app.ui import backup_dialog

    restore, open_during = backup_dialog.restore_backup, []

    def watched_restore(*args, **kwargs):  # Windows will not move a damaged file a program holds open aside
        open_during.append(store.is_open)
        return restore(*args, **kwargs)

    backup_dialog.restore_backup = watched_restore
    try:
        window.backups_action.trigger()
    finally:
        backup_dialog.restore_backup = restore
    assert open_during == [False]  # the window let go of the database while it was restored
    assert store.is_open and window.case_model.rowCount() == 2
    assert not window.damage_banner.isVisibleTo(window)  # a good copy in place: nothing to warn of
    assert store.write_refusal is None  # and writes work again
    store.create_case(citizen="Efter gendannelsen", case_ref="G-1", trial_id="T08", dates={"hire": date(2018, 8, 31)})


def test_a_damaged_database_offers_the_newest_good_copy(qtbot, tmp_path, dialogs):
    path = tmp_path / "sager.db"
    with CaseStore(path, clock=lambda: date(2021, 2, 1)) as store:
        add(store, 3)
    make_backup(path, now=datetime(2021, 1, 31, 17, 0))
    path.write_bytes(b"SQLite format 3\x00" + b"\x01" * 3000)
    error = not_a_case_database(path)
    assert isinstance(error, DamagedDatabaseError)
    assert "sikkerhedskopier" in str(error)

    box = damaged_offer_box(None, path, list_backups(path)[0])
    assert "31-01-2021 kl. 17.00 (3 sager)" in box.text()
    assert [b.text() for b in box.buttons()] == ["&Gendan sikkerhedskopien", "&Afslut"]

    dialogs.then(lambda box: box.buttons()[0].click())
    assert offer_restore(None, path, error) is True
    with CaseStore(path) as store:
        assert len(store.list_cases()) == 3
    assert any("beskadiget" in p.name for p in (tmp_path / "sikkerhedskopier").iterdir())


def test_no_offer_without_a_good_copy_and_afslut_changes_nothing(qtbot, tmp_path, dialogs, message_boxes):
    path = tmp_path / "sager.db"
    path.write_bytes(b"SQLite format 3\x00" + b"\x01" * 3000)
    assert offer_restore(None, path, not_a_case_database(path)) is False
    assert dialogs.opened == []
    assert message_boxes.calls == [
        (
            "critical",
            "Databasen kan ikke åbnes",
            f"Databasen {path} er beskadiget: SQLite fandt fejl i filen. Den kan ikke åbnes, og filen er ikke "
            f"ændret.\n\nDer er ingen sikkerhedskopi, der kan gendannes, i mappen {tmp_path / 'sikkerhedskopier'}. "
            "Kontakt IT, før du starter programmet igen.",
        )
    ]
    with CaseStore(path.with_name("andet.db")) as other:
        add(other, 1)
    make_backup(path.with_name("andet.db"), path.parent / "sikkerhedskopier" / "sager-2021-01-01T090000.db")
    dialogs.then(lambda box: box.buttons()[1].click())
    before = path.read_bytes()
    assert offer_restore(None, path, not_a_case_database(path)) is False
    assert path.read_bytes() == before
    assert QMessageBox  # the box is a QMessageBox (patched exec: never blocks)


def test_the_dialog_waits_for_the_start_s_copy_and_lists_it(qtbot, store, monkeypatch):
    """The start's copy is made beside the window; the dialog opened meanwhile shows it whole."""
    import threading
    import time

    from caseworker_app.ui import backup_dialog

    add(store, 2)
    made = []

    def slow_copy(path, **_):
        time.sleep(0.3)  # a large database's copy and check
        made.append(threading.current_thread().name)
        backup_dialog.auto_backup(path)

    monkeypatch.setattr(backup_dialog, "daily_backup", slow_copy)
    backup_dialog.daily_backup_in_background(store.path)
    dialog = BackupDialog(store.path)
    qtbot.addWidget(dialog)
    assert made == ["daglig-kopi"]  # done in its own thread, and done before the dialog listed the copies
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 2).text() == "2 sager"


def _colleague_copy(tmp_path, cases):
    """A copy of another database (a colleague's), made with `backup --to` outside any backup folder."""
    other = tmp_path / "kollega" / "sager.db"
    other.parent.mkdir()
    with CaseStore(other, clock=lambda: date(2021, 2, 1)) as theirs:
        add(theirs, cases, prefix="K")
    (tmp_path / "usb").mkdir()
    # Into a folder: named as in the backup folder (sager-2021-01-29T103000.db), which gives its time.
    return make_backup(other, tmp_path / "usb", now=datetime(2021, 1, 29, 10, 30)).path


def test_a_copy_elsewhere_is_chosen_with_vaelg_en_anden_fil(qtbot, store, tmp_path, monkeypatch):
    """Found by a tester: the window could only restore copies in its own folder."""
    add(store, 2)
    own = make_backup(store.path, tmp_path / "usb-kopi.db").path
    written = datetime(2021, 1, 28, 15, 20).timestamp()
    os.utime(own, (written, written))  # a name of the user's own: its time is when it was written
    add(store, 1, prefix="L")
    questions, answers = [], [True]
    dialog = BackupDialog(store.path, ask=lambda parent, title, text: questions.append(text) or answers.pop(0))
    qtbot.addWidget(dialog)
    assert dialog.other_file_button.text() == "Vælg en &anden fil …"
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args: (str(own), "Sikkerhedskopier (*.db)"))
    dialog.other_file_button.click()
    assert questions == [
        f"Vil du gendanne sikkerhedskopien {own} fra 28-01-2021 kl. 15.20 (2 sager)?\n\n"
        "Alt, der er registreret siden da, forsvinder fra databasen. Den nuværende database gemmes først som "
        "en sikkerhedskopi ('gemt før gendannelse'), så du kan fortryde; den slettes ikke automatisk."
    ]
    assert len(store.list_cases()) == 2
    assert dialog.status.text().startswith("Gendannet fra 28-01-2021 kl. 15.20: 2 sager.")
    assert QSettings().value(FOLDER_KEY) == str(tmp_path)


def test_a_copy_of_another_database_is_named_before_it_is_restored(qtbot, store, tmp_path, monkeypatch):
    add(store, 2)
    foreign = _colleague_copy(tmp_path, 5)
    questions, answers = [], [False, True]
    dialog = BackupDialog(store.path, ask=lambda parent, title, text: questions.append(text) or answers.pop(0))
    qtbot.addWidget(dialog)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args: (str(foreign), "Sikkerhedskopier (*.db)"))
    dialog.other_file_button.click()  # "Nej": nothing changed
    assert questions[0] == (
        f"Kopien {foreign} er ikke en sikkerhedskopi af databasen {store.path}, men af en anden database "
        "(fx en kollegas eller en prøvedatabase). Gendanner du den, bliver alle sager i databasen erstattet af "
        "kopiens.\n\nKopien er fra 29-01-2021 kl. 10.30 (5 sager). Vil du alligevel gendanne den?\n\n"
        "Den nuværende database gemmes først som en sikkerhedskopi ('gemt før gendannelse'), så du kan "
        "fortryde; den slettes ikke automatisk."
    )
    assert len(store.list_cases()) == 2 and list_backups(store.path) == []
    dialog.other_file_button.click()  # "Ja"
    assert len(store.list_cases()) == 5


def test_a_copy_of_another_database_in_the_own_folder_is_asked_about_too(qtbot, store, tmp_path):
    """Found by a reviewer: the list's Gendan passed 'not another database' whatever the copy was, so
    a colleague's copy put in the folder by hand was refused with no way to go on."""
    import shutil

    from caseworker_app.store.backup import backup_folder

    add(store, 2)
    foreign = _colleague_copy(tmp_path, 5)
    backup_folder(store.path).mkdir(parents=True, exist_ok=True)
    shutil.copy(foreign, backup_folder(store.path) / foreign.name)
    questions = []
    dialog = BackupDialog(store.path, ask=lambda parent, title, text: questions.append(text) or True)
    qtbot.addWidget(dialog)
    dialog.table.selectRow(0)
    dialog.restore_button.click()
    assert questions[0].startswith(f"Kopien {backup_folder(store.path) / foreign.name} er ikke en sikkerhedskopi")
    assert len(store.list_cases()) == 5


def test_a_file_that_is_no_copy_or_the_database_itself_is_refused_before_asking(qtbot, store, tmp_path, monkeypatch):
    add(store, 1)
    text = tmp_path / "noter.db"
    text.write_text("ikke en database")
    questions = []
    dialog = BackupDialog(store.path, ask=lambda parent, title, text: questions.append(text) or True)
    qtbot.addWidget(dialog)
    chosen = [str(text), str(store.path)]
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args: (chosen.pop(0), ""))
    dialog.other_file_button.click()
    assert dialog.status.text() == f"Filen {text} er ikke en sagsdatabase. Databasen er ikke ændret."
    dialog.other_file_button.click()
    assert dialog.status.text() == (
        f"{store.path} er selve databasen. Vælg en sikkerhedskopi. Databasen er ikke ændret."
    )
    assert questions == [] and len(store.list_cases()) == 1


def test_copies_of_the_same_minute_show_their_seconds(qtbot, store):
    """Found by a tester: three rows read '30-11-2026 kl. 16.41' alike."""
    add(store, 1)
    make_backup(store.path, now=datetime(2021, 2, 1, 16, 41, 5))
    make_backup(store.path, now=datetime(2021, 2, 1, 16, 41, 52))
    make_backup(store.path, now=datetime(2021, 1, 31, 8, 0, 30))
    questions = []
    dialog = BackupDialog(store.path, ask=lambda parent, title, text: questions.append(text) or False)
    qtbot.addWidget(dialog)
    dates = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]
    assert dates == ["01-02-2021 kl. 16.41.52", "01-02-2021 kl. 16.41.05", "31-01-2021 kl. 08.00"]
    dialog.table.selectRow(1)
    dialog.restore_button.click()
    assert questions[0].startswith("Vil du gendanne sikkerhedskopien fra 01-02-2021 kl. 16.41.05 (1 sag)?")
