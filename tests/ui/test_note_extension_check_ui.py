"""The note window asks the caseworker to confirm an extension that may bridge a lapse beside the other
confirmations when the note's basis rests on it (decisions 4 and 15). T07 ended 31-12-2021; the extension
to 31-12-2026 was typed in 01-12-2026 without a decision date; the note records 01-09-2023."""

from __future__ import annotations

from datetime import date

import pytest

from caseworker_app.core.settings import Settings
from caseworker_app.store import CaseStore
from caseworker_app.ui.notes import NoteWindow

NOTE_DAY = date(2023, 9, 1)
BOX = (
    "Jeg har kontrolleret, at forlængelsen til 31-12-2026 var besluttet, før forsøget sluttede 31-12-2021, "
    "eller gælder med tilbagevirkende kraft"
)


@pytest.fixture
def store(tmp_path):
    with CaseStore(tmp_path / "t07.db", clock=lambda: date(2026, 12, 1)) as store:
        store.save_settings(Settings(caseworker_name="Mette Kjær", municipality="Vesthimmerlands Kommune"))
        yield store


def t07_window(qtbot, store, extension) -> NoteWindow:
    case_id = store.create_case(
        citizen="Anna Berg", case_ref="R-7", trial_id="T07", dates={"visitation": date(2021, 3, 1)}
    )
    store.add_event(case_id, day=NOTE_DAY, kind="plan_not_adjusted")
    store.add_override("T07", "extension", extension, "Testbrev T07")
    window = NoteWindow(store, case_id, today=lambda: NOTE_DAY, situation="plan_ikke_justeret")
    qtbot.addWidget(window)
    window.show()
    window.inputs.event_date_edit.setText("01-09-2023")
    window.inputs.reason_edit.setPlainText("Stabil")
    return window


def test_the_window_asks_for_the_extensions_check_and_the_note_states_it(qtbot, store):
    window = t07_window(qtbot, store, "2026-12-31")  # as stored before the decision date was asked for
    panel = window.confirm_panel
    assert panel.extension_box.isVisible() and not panel.deadline_box.isVisible()
    assert panel.extension_label.text() == BOX
    assert not window.copy_button.isEnabled()
    assert window.status_label.text() == (
        "⚠ Udfyld før notatet kan kopieres: bekræftelse af, at du har kontrolleret, at forlængelsen gælder for "
        "notatets dag."
    )
    panel.extension_box.setChecked(True)
    assert window.copy_button.isEnabled()
    assert "ifølge Testbrev T07. Forlængelsen er kontrolleret af sagsbehandleren.\n" in window.note_text()


def test_an_extension_decided_before_the_end_needs_no_check(qtbot, store):
    window = t07_window(qtbot, store, {"end": "31-12-2026", "decided": "20-12-2021"})
    assert not window.confirm_panel.extension_box.isVisible()
    assert window.copy_button.isEnabled()
    assert "ifølge Testbrev T07.\n" in window.note_text()
