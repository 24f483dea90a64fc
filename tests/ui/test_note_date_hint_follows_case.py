"""The hint under the note's event date ("Sagens seneste 'opfølgning' er …") says what the case holds
as the note is made from it: another copy of the program may register an event while the window is
open, and the note is read again at copy time (ui/notes/freshness.py)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox

from caseworker_app.store import CaseStore
from tests.store.test_stale_notes import TODAY

from .actions import click
from .test_stale_notes_ui import l008_note_window


def _hint(window) -> str:
    return window.inputs.boxes["event_date"].hint_label.text().replace("\u2011", "-")  # dates kept on one line


def test_a_follow_up_registered_in_another_copy_shows_in_the_hint_once_the_note_is_read_again(qtbot, tmp_path):
    # Today 01-12-2026; the case's follow-up 15-12-2025, filled in as the note's event date.
    store, case_id, window = l008_note_window(qtbot, tmp_path)
    assert window.event_date_edit.text() == "15-12-2025"
    assert _hint(window) == "Udfyldt med sagens seneste 'opfølgning'; kan rettes."
    with CaseStore(tmp_path / "sager.db", clock=lambda: TODAY) as other:
        other.add_event(case_id, day=date(2026, 11, 20), kind="followup")
    QGuiApplication.clipboard().setText("før")

    click(qtbot, window.copy_button)  # the note is made from the case as it is now

    assert [e.day for e in window.case.events if e.kind == "followup"][-1] == date(2026, 11, 20)
    # The box still holds the caseworker's 15-12-2025; the case's latest follow-up is another.
    assert window.event_date_edit.text() == "15-12-2025"
    assert _hint(window) == "Sagens seneste 'opfølgning' er 20-11-2026."
    window.event_date_edit.setText("20-11-2026")
    assert _hint(window) == "Udfyldt med sagens seneste 'opfølgning'; kan rettes."
    store.close()


def test_the_follow_up_the_copy_registers_is_the_cases_latest_in_the_hint(qtbot, tmp_path, dialogs, message_boxes):
    store, _case_id, window = l008_note_window(qtbot, tmp_path)
    window.event_date_edit.setText("20-12-2025")  # held then, within the trial, not yet on the case
    assert _hint(window) == "Sagens seneste 'opfølgning' er 15-12-2025."
    window.confirm_panel.deadline_box.setChecked(True)  # the deadline from 20-12-2025 checked
    message_boxes.answer(QMessageBox.StandardButton.Yes)  # register the follow-up first

    dialogs.then(lambda dialog: qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton))  # Gem

    click(qtbot, window.copy_button)

    assert [e.day for e in store.get_case(window.case_id).events][-1] == date(2025, 12, 20)
    assert _hint(window) == "Udfyldt med sagens seneste 'opfølgning'; kan rettes."
    store.close()
