"""The note window asks the caseworker to confirm a deadline under the reform caution beside the
conditions (decisions 13 and 15), says plainly what is missing until then, and the note states the
check. The tester's case: T08, hired 03-10-2022, follow-up 05-06-2025, note of 10-06-2025; the
ordinary rule gives 05-06-2026, past the day it was checked to (26-08-2021)."""

from __future__ import annotations

from datetime import date

import pytest

from caseworker_app.core.settings import Settings
from caseworker_app.store import CaseStore
from caseworker_app.ui.notes import NoteWindow

NOTE_DAY = date(2025, 6, 10)
CHECKED = "Fristen er kontrolleret af sagsbehandleren efter de gældende regler."


@pytest.fixture
def store(tmp_path):
    with CaseStore(tmp_path / "w25.db", clock=lambda: NOTE_DAY) as store:
        store.save_settings(Settings(caseworker_name="Mette Kjær", municipality="Vesthimmerlands Kommune"))
        yield store


def t08_window(qtbot, store, followup: date, today: date) -> NoteWindow:
    case_id = store.create_case(
        citizen="Sofie Dahl", case_ref="2024-0401", trial_id="T08", dates={"hire": date(2022, 10, 3)}
    )
    store.add_event(case_id, day=followup, kind="followup")
    window = NoteWindow(store, case_id, today=lambda: today, situation="opfoelgning")
    qtbot.addWidget(window)
    window.show()
    window.free_text_edit.setPlainText("Samtale")
    return window


def test_the_window_asks_for_the_check_and_the_note_states_it(qtbot, store):
    window = t08_window(qtbot, store, date(2025, 6, 5), NOTE_DAY)
    panel = window.confirm_panel
    assert panel.isVisible() and panel.deadline_box.isVisible()
    assert window.inputs.confirm_label.isVisible()
    assert panel.deadline_label.text() == (
        "Jeg har kontrolleret fristen efter de regler, der gælder i dag (den almindelige regel kan være ændret, "
        "siden kataloget sidst kontrollerede den)"
    )
    assert not window.copy_button.isEnabled()
    assert window.status_label.text() == (
        "⚠ Udfyld før notatet kan kopieres: bekræftelse af, at du har kontrolleret fristen efter de regler, der "
        "gælder i dag."
    )
    assert "kontrollér fristen" not in window.note_text()
    panel.deadline_box.setChecked(True)
    assert window.copy_button.isEnabled()
    note = window.note_text()
    assert "er grundlovsdag. Efter forsøgsreglen ville fristen være 05-12-2027" in note
    assert f"i lov om aktiv socialpolitik. {CHECKED}\n" in note
    assert "kontrollér fristen" not in note


def test_no_check_is_asked_for_a_deadline_without_the_caution(qtbot, store):
    # Follow-up 10-01-2023: the trial governs, 10-01-2023 + 2½ years = 10-07-2025.
    window = t08_window(qtbot, store, date(2023, 1, 10), date(2023, 1, 15))
    assert not window.confirm_panel.deadline_box.isVisible()
    assert not window.inputs.confirm_label.isVisible()  # T08 has no conditions to confirm either
    assert window.copy_button.isEnabled()
    assert "senest 10-07-2025 (2½ år efter seneste opfølgning 10-01-2023).\n" in window.note_text()
