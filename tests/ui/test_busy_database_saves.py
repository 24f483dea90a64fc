"""Saving while the database is busy (another program holds its write lock past the wait) or its disk
is full: the store's Danish words are shown in the form, which stays open with what was typed; never
'Der opstod en uventet fejl … send logfilen til IT-support' (tester)."""

from __future__ import annotations

import shutil
import sqlite3
from collections import namedtuple
from contextlib import contextmanager
from datetime import date

from PySide6.QtWidgets import QApplication, QMessageBox

from caseworker_app.core.history import JOURNAL_NOTE
from caseworker_app.store import CaseStore
from caseworker_app.store.import_batches import NewCase
from caseworker_app.ui.case import EventDialog
from caseworker_app.ui.case.close_dialog import CloseCaseDialog
from caseworker_app.ui.case.delete_dialog import DeleteCaseDialog
from caseworker_app.ui.first_start_dialog import FirstStartDialog
from caseworker_app.ui.importing.undo_dialog import UndoImportDialog
from caseworker_app.ui.notes import NoteWindow
from caseworker_app.ui.override_dialog import OverrideDialog
from caseworker_app.ui.settings_dialog import SettingsDialog
from tests.note_cases import note_database

from .actions import click, type_into
from .test_case_window import add_t08, open_case


def busy_text(path) -> str:
    return (
        f"⚠ Databasen {path} er optaget af et andet program (fx en anden kopi af Opfølgningsfrister) og blev "
        "ikke ledig inden for 10 sekunder. Intet er gemt. Prøv igen om lidt."
    )


@contextmanager
def busy(store):
    """Another program writes the database all along; the store waits 50 ms for it, not 10 seconds."""
    store._conn.execute("PRAGMA busy_timeout = 50")
    other = sqlite3.connect(store.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        yield
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_the_case_window_says_the_database_is_busy_and_keeps_what_was_typed(qtbot, store, message_boxes):
    case_id = add_t08(store)
    window = open_case(qtbot, store, case_id)
    type_into(qtbot, window.note_edit, "Ringet til arbejdsgiveren")
    with busy(store), qtbot.assertNotEmitted(window.changed):
        click(qtbot, window.save_button)

    assert window.general_error.text() == busy_text(store.path)
    assert window.isVisible()
    assert window.note_edit.toPlainText() == "Ringet til arbejdsgiveren"
    assert window.is_dirty()
    assert message_boxes.calls == []
    assert store.get_case(case_id).note == ""

    with qtbot.waitSignal(window.changed):  # free again: the same form saves
        click(qtbot, window.save_button)
    assert store.get_case(case_id).note == "Ringet til arbejdsgiveren"
    assert window.general_error.isHidden()


def test_a_new_case_is_not_lost_when_the_database_is_busy(qtbot, store):
    window = open_case(qtbot, store, None)
    type_into(qtbot, window.citizen_edit, "Lone Andersen")
    type_into(qtbot, window.case_ref_edit, "2023-0107")
    window.trial_combo.setCurrentIndex(window.trial_combo.findData("T08"))
    type_into(qtbot, window.date_boxes["hire"].editor, "16-01-2023")
    with busy(store):
        assert window.save() is False
    assert window.general_error.text() == busy_text(store.path)
    assert (window.case_id, window.citizen_edit.text()) == (None, "Lone Andersen")
    assert store.list_cases() == []


def test_an_event_is_not_registered_and_the_dialog_stays_as_typed(qtbot, store, today):
    case_id = add_t08(store)
    dialog = EventDialog(store, case_id, today=today, kind="followup")
    qtbot.addWidget(dialog)
    dialog.show()
    type_into(qtbot, dialog.text_edit, "Samtale på virksomheden")
    with busy(store):
        dialog.accept()
    assert dialog.isVisible()
    assert dialog.general_error.text() == busy_text(store.path)
    assert dialog.text_edit.toPlainText() == "Samtale på virksomheden"
    assert [e.kind for e in store.get_case(case_id).events] == []


def test_a_case_is_not_closed_and_the_dialog_stays_open(qtbot, store, today):
    case_id = add_t08(store)
    dialog = CloseCaseDialog(store, case_id, today=today)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.reason_combo.setCurrentIndex(1)
    type_into(qtbot, dialog.text_edit, "Fast job")
    with busy(store):
        dialog.accept()
    assert dialog.isVisible()
    assert dialog.general_error.text() == busy_text(store.path)
    assert store.get_case(case_id).status == "aktiv"


def test_a_case_is_not_deleted_and_the_dialog_stays_open(qtbot, store):
    case_id = add_t08(store)
    dialog = DeleteCaseDialog(store, case_id)
    qtbot.addWidget(dialog)
    dialog.show()
    type_into(qtbot, dialog.reason_edit, "Oprettet to gange")
    with busy(store):
        dialog.accept()
    assert dialog.isVisible()
    assert dialog.general_error.text() == busy_text(store.path)
    assert store.get_case(case_id).citizen == "Jens Hansen"


def test_settings_are_not_saved_and_the_dialog_stays_as_set(qtbot, store, today):
    dialog = SettingsDialog(store, today=today)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.name_edit.clear()
    type_into(qtbot, dialog.name_edit, "Anne Jensen")
    type_into(qtbot, dialog.municipality_edit, "Vesthimmerlands Kommune")
    with busy(store):
        assert dialog.save_settings() is False
    assert dialog.general_error.text() == busy_text(store.path)
    assert dialog.name_edit.text() == "Anne Jensen"
    assert store.settings().caseworker_name == ""


def test_reopening_a_case_when_the_database_is_busy_says_so(qtbot, store, message_boxes):
    case_id = add_t08(store)
    store.close_case(case_id, reason="overgået til fleksjob", day=date(2021, 1, 29))
    window = open_case(qtbot, store, case_id)
    message_boxes.answer(QMessageBox.StandardButton.Yes)
    with busy(store):
        window.close_or_reopen()
    assert message_boxes.calls[-1] == ("warning", "Sagen blev ikke genåbnet", busy_text(store.path)[2:])
    assert store.get_case(case_id).status == "afsluttet"


def test_a_note_copied_while_the_database_is_busy_is_said_not_kept_and_copying_again_keeps_it(qtbot, tmp_path):
    path = tmp_path / "sager.db"
    ids = note_database(path)
    store = CaseStore(path)
    try:
        window = NoteWindow(store, ids["T07"], today=lambda: date(2020, 1, 6), situation="plan_ikke_justeret")
        qtbot.addWidget(window)
        window.show()
        window.reason_edit.setPlainText("Stabilt behandlingsforløb.")
        with busy(store):
            click(qtbot, window.copy_button)
        assert window.status_label.text() == (
            "⚠ Notatet er kopieret, men kunne ikke gemmes i historikken:\n" + busy_text(path)[2:]
        )
        assert QApplication.clipboard().text() == window.note_edit.toPlainText().replace("\n", "\r\n")
        assert [row for row in store.history(ids["T07"]) if row.kind == JOURNAL_NOTE] == []

        click(qtbot, window.copy_button)  # free again: copying again keeps it
        assert len([row for row in store.history(ids["T07"]) if row.kind == JOURNAL_NOTE]) == 1
    finally:
        store.close()


def test_a_change_to_a_trial_is_not_saved_and_the_dialog_stays_as_typed(qtbot, store):
    dialog = OverrideDialog(store, store.catalog()["T08"], "citation")
    qtbot.addWidget(dialog)
    dialog.show()
    type_into(qtbot, dialog.value_edit, "LBK nr. 1 af 2021")
    type_into(qtbot, dialog.source_edit, "Mail fra STAR 29-01-2021")
    with busy(store):
        dialog.accept()
    assert dialog.isVisible()
    assert dialog.general_error.text() == busy_text(store.path)
    assert dialog.value_edit.text() == "LBK nr. 1 af 2021"
    assert store.overrides() == []


Usage = namedtuple("Usage", "total used free")


class _FailingWrites:
    """The store's connection on a disk that fails each write as SQLite says it: 'disk I/O error'."""

    def __init__(self, conn: sqlite3.Connection):
        self._conn = conn

    def execute(self, sql: str, *args):
        if sql.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE")):
            raise sqlite3.OperationalError("disk I/O error")
        return self._conn.execute(sql, *args)

    def __getattr__(self, name):
        return getattr(self._conn, name)


def test_an_import_that_cannot_be_undone_is_told_in_the_window_s_words(qtbot, store, message_boxes, monkeypatch):
    monkeypatch.setattr(shutil, "disk_usage", lambda _folder: Usage(64 * 1024**3, 0, 64 * 1024**3))  # room to spare
    batch = store.save_import_batch(
        file_name="sagsliste.csv",
        sheet=None,
        rows_read=1,
        skipped=0,
        invalid=0,
        new_cases=[
            NewCase(citizen="Jens Hansen", case_ref="2018-0831", trial_id="T08", dates={"hire": date(2018, 8, 31)})
        ],
        updates=[],
    )
    dialog = UndoImportDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.selected().id == batch
    message_boxes.answer(QMessageBox.StandardButton.Yes)
    real = store._db_part.conn
    store._db_part.conn = _FailingWrites(real)
    try:
        dialog.undo_selected()
    finally:
        store._db_part.conn = real
    # The window's text: no "vælg en anden fil med --db", an option the window has not.
    assert message_boxes.calls[-1] == (
        "warning",
        "Fortryd import",
        f"Databasen {store.path} kunne ikke bruges. Intet er gemt. Prøv igen; sker det igen, så kontakt IT.\n\n"
        "Teknisk oplysning til IT: disk I/O error",
    )
    assert [case.citizen for case in store.list_cases()] == ["Jens Hansen"]


def test_the_first_start_s_name_is_not_lost_when_the_database_is_busy(qtbot, store):
    dialog = FirstStartDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    type_into(qtbot, dialog.name_edit, "Anne Jensen")
    type_into(qtbot, dialog.municipality_edit, "Vesthimmerlands Kommune")
    with busy(store):
        dialog.accept()
    assert dialog.isVisible()
    assert dialog.general_error.text() == busy_text(store.path)
    assert (dialog.name_edit.text(), store.settings().caseworker_name) == ("Anne Jensen", "")


def test_a_municipal_note_template_is_not_lost_when_the_database_is_busy(qtbot, tmp_path):
    path = tmp_path / "sager.db"
    ids = note_database(path)
    store = CaseStore(path)
    try:
        window = NoteWindow(store, ids["T08"], today=lambda: date(2021, 6, 15), situation="opfoelgning")
        qtbot.addWidget(window)
        window.show()
        window.tabs.setCurrentIndex(1)
        window.template_edit.setPlainText("Opfølgning holdt.\nHjemmel: $citation.")
        with busy(store):
            click(qtbot, window.save_template_button)
        assert window.template_errors.text() == busy_text(path)
        assert window.template_edit.toPlainText() == "Opfølgning holdt.\nHjemmel: $citation."
        assert store.note_template("T08", "opfoelgning") is None
    finally:
        store.close()
