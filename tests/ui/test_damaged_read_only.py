"""A database found damaged and kept in use ('Ikke nu', or no good copy to restore) is read-only: the
caseworker can look, print and export, but every save is refused before anything is written, with one
Danish message saying what is wrong, that nothing was saved and what to do; the banner says so until
a restore, after which saving works again (the issue's 'writes after Ikke nu are accepted')."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from caseworker_app.store import CaseStore, StoreError
from caseworker_app.store.backup import make_backup
from caseworker_app.store.errors import WriteRefusal
from caseworker_app.ui.backup_dialog import daily_backup
from caseworker_app.ui.case import EventDialog
from caseworker_app.ui.mainwindow import MainWindow, Tab
from caseworker_app.ui.printing.export_dialogs import export_deadlines_dialog, export_ics_dialog
from caseworker_app.ui.restore_offers import tell_backup_problem
from tests.damaged_pages import CHANGES_INDEX, damage_page_of

from .actions import click, type_into
from .conftest import TODAY
from .test_case_window import new_case

HIRE = {"hire": date(2018, 8, 31)}


def refused_text(db: Path, *, good_copy: bool) -> str:
    advice = (
        "Gendan den nyeste gode sikkerhedskopi under Filer › Sikkerhedskopier, og registrér derefter igen."
        if good_copy
        else "Der er ingen god sikkerhedskopi at gendanne: kontakt IT."
    )
    return (
        f"Intet er gemt: databasen {db} er beskadiget, og programmet gemmer intet i den, før en god sikkerhedskopi "
        "er gendannet. Det, der blev gemt i den beskadigede database, kunne gå tabt ved gendannelsen eller gøre "
        f"skaden større. {advice} Indtil da kan du se sagerne, udskrive, kopiere notater og eksportere til regneark."
    )


def click_button(text):
    def click_it(box):
        [button] = [b for b in box.buttons() if b.text() == text]
        button.click()

    return click_it


def files_of(db: Path) -> dict[str, bytes | None]:
    """The database and its -wal and -shm files, byte for byte (None: not there)."""
    return {
        suffix: (Path(f"{db}{suffix}").read_bytes() if Path(f"{db}{suffix}").exists() else None)
        for suffix in ("", "-wal", "-shm")
    }


def damaged_database(folder: Path, *, good_copy: bool) -> Path:
    """12 cases (12, or the damage lands in unused space of the index page), a good copy of 31-01-2021
    at 17.00 if asked, then the history's index damaged: every case reads, the check finds faults."""
    db = folder / "sager.db"
    with CaseStore(db, clock=lambda: TODAY) as store:
        for i in range(12):
            store.create_case(citizen=f"Borger {i}", case_ref=f"S-{i}", trial_id="T08", dates=HIRE)
    if good_copy:
        make_backup(db, now=datetime(2021, 1, 31, 17, 0))
    damage_page_of(db, CHANGES_INDEX)
    return db


def told_damaged(window: MainWindow, db: Path) -> None:
    """The start's check as the window runs it (ui/app.py _daily_backup): today's copy finds the damage,
    the box is told and 'Ikke nu' chosen (or, without a good copy, the warning read)."""
    problem = daily_backup(db, check=True)
    assert problem is not None and problem.damage is not None
    assert window.store is not None
    if tell_backup_problem(window, window.store, problem, window.refresh):
        window.show_damage_banner()


@pytest.fixture
def window(qtbot, tmp_path, dialogs):
    db = damaged_database(tmp_path, good_copy=True)
    store = CaseStore(db, clock=lambda: TODAY)
    main = MainWindow(
        store, today=lambda: TODAY, settings=QSettings(str(tmp_path / "v.ini"), QSettings.Format.IniFormat)
    )
    qtbot.addWidget(main)
    main.show()
    dialogs.then(click_button("&Ikke nu"))
    told_damaged(main, db)
    yield main
    store.close()


def test_after_ikke_nu_a_new_case_is_refused_and_the_file_is_unchanged(qtbot, window):
    store = window.store
    db = store.path
    assert store.write_refusal == WriteRefusal(good_copy=True)
    before = files_of(db)

    form = new_case(qtbot, store)
    type_into(qtbot, form.citizen_edit, "Lone Andersen")
    type_into(qtbot, form.case_ref_edit, "2023-0107")
    type_into(qtbot, form.date_boxes["hire"].editor, "16-01-2023")
    assert form.save() is False

    assert form.general_error.text() == "⚠ " + refused_text(db, good_copy=True)
    assert form.isVisible() and form.citizen_edit.text() == "Lone Andersen"  # kept as typed
    assert files_of(db) == before  # nothing written: not the file, not its -wal
    assert len(store.list_cases()) == 12


def test_after_ikke_nu_an_event_is_refused_and_the_file_is_unchanged(qtbot, window):
    store = window.store
    db = store.path
    before = files_of(db)
    dialog = EventDialog(store, 1, today=lambda: TODAY, kind="followup")
    qtbot.addWidget(dialog)
    dialog.show()
    type_into(qtbot, dialog.text_edit, "Samtale på virksomheden")
    dialog.accept()

    assert dialog.isVisible()
    assert dialog.general_error.text() == "⚠ " + refused_text(db, good_copy=True)
    assert files_of(db) == before
    assert store.get_case(1).events == ()


def test_the_banner_says_damaged_and_read_only_and_reading_and_exporting_still_work(qtbot, window, tmp_path):
    assert window.damage_banner.isVisibleTo(window)
    assert window.damage_banner.text() == (
        "⚠ Databasen er beskadiget og skrivebeskyttet: sager kan mangle eller være forkerte, og intet kan gemmes, "
        "før en god sikkerhedskopi er gendannet. Du kan se sagerne, udskrive, kopiere notater og eksportere til "
        'regneark. <a href="gendan">Gendan en sikkerhedskopi …</a>'
    )
    window.tabs.setCurrentIndex(Tab.CASES)
    assert window.case_model.rowCount() == 12  # the cases are shown
    case_window = window.open_case(1)
    assert case_window.citizen_edit.text() == "Borger 0"


def test_exports_are_made_but_the_outlook_export_which_must_write_is_refused(window, tmp_path, monkeypatch):
    from caseworker_app.ui.printing import export_dialogs

    store = window.store
    db = store.path
    before = files_of(db)
    sheet = tmp_path / "frister.csv"
    ics = tmp_path / "frister.ics"
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(export_dialogs.QMessageBox, "information", lambda _p, title, text: shown.append((title, text)))
    monkeypatch.setattr(export_dialogs.QMessageBox, "warning", lambda _p, title, text: shown.append((title, text)))

    monkeypatch.setattr(export_dialogs, "ask_save_path", lambda *args: sheet)
    assert export_deadlines_dialog(store, today=lambda: TODAY) is not None
    assert sheet.is_file()

    monkeypatch.setattr(export_dialogs, "ask_save_path", lambda *args: ics)
    assert export_ics_dialog(store, today=lambda: TODAY) is None
    assert not ics.exists()
    assert shown[-1][1] == (
        f"Der er ikke eksporteret til Outlook: databasen {db} er beskadiget, og en .ics-eksport skal huske i "
        "databasen, hvad den eksporterede, men programmet gemmer intet i den. Gendan den nyeste gode "
        "sikkerhedskopi under Filer › Sikkerhedskopier, og eksportér så igen."
    )
    assert files_of(db) == before


def test_the_restore_from_the_banner_lifts_it_and_a_save_works(qtbot, window, dialogs):
    store = window.store

    def restore_newest(dialog):
        dialog._ask = lambda *args: True
        dialog.restore_button.click()  # the newest good copy is chosen for it

    dialogs.then(restore_newest)
    window.damage_banner.linkActivated.emit("gendan")

    assert store.write_refusal is None
    assert not window.damage_banner.isVisibleTo(window)
    form = new_case(qtbot, store)
    type_into(qtbot, form.citizen_edit, "Lone Andersen")
    type_into(qtbot, form.case_ref_edit, "2023-0107")
    type_into(qtbot, form.date_boxes["hire"].editor, "16-01-2023")
    with qtbot.waitSignal(form.changed):
        click(qtbot, form.save_button)
    assert "Lone Andersen" in [case.citizen for case in store.list_cases()]


def test_a_restore_that_fails_keeps_it_read_only(window, dialogs, monkeypatch):
    from caseworker_app.ui import backup_dialog

    def failing_restore(*_args, **_kwargs):
        raise StoreError("Sikkerhedskopien kunne ikke gendannes: disken er fuld.")

    monkeypatch.setattr(backup_dialog, "restore_backup", failing_restore)

    def restore_newest(dialog):
        dialog._ask = lambda *args: True
        dialog.restore_button.click()

    dialogs.then(restore_newest)
    window.show_backups()

    assert window.store.write_refusal == WriteRefusal(good_copy=True)
    assert window.damage_banner.isVisibleTo(window)


def test_without_a_good_copy_the_refusal_says_to_contact_it(qtbot, tmp_path, message_boxes):
    db = damaged_database(tmp_path, good_copy=False)
    store = CaseStore(db, clock=lambda: TODAY)
    try:
        main = MainWindow(
            store, today=lambda: TODAY, settings=QSettings(str(tmp_path / "v.ini"), QSettings.Format.IniFormat)
        )
        qtbot.addWidget(main)
        told_damaged(main, db)
        assert store.write_refusal == WriteRefusal(good_copy=False)
        assert main.damage_banner.text().endswith("Der er ingen god sikkerhedskopi: kontakt IT.")
        before = files_of(db)
        with pytest.raises(StoreError) as refused:
            store.add_event(1, day=TODAY, kind="followup")
        assert refused.value.window_text() == refused_text(db, good_copy=False)
        assert files_of(db) == before
    finally:
        store.close()
