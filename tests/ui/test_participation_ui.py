"""The municipality's participation in the window (decision 17): with "Vesthimmerlands Kommune" under
Indstillinger, T02 (Aalborg, Jammerbugt, Thisted, Rebild) says so on the Forsøg tab and in a new case,
and its note is copied once the caseworker ticks the participation's box under Bekræft."""

from __future__ import annotations

from datetime import date

import pytest

from caseworker_app.core.settings import Settings
from caseworker_app.store import CaseStore
from caseworker_app.ui.notes import NoteWindow

NOTE_DAY = date(2019, 5, 20)
LISTED = "Aalborg, Jammerbugt, Thisted, Rebild"
BOX = (
    "Jeg har kontrolleret, at Vesthimmerlands Kommune deltager i forsøget, selv om den ikke er nævnt blandt "
    f"forsøgets kommuner ({LISTED})"
)
WARNING = (
    f"⚠ Vesthimmerlands Kommune er ikke nævnt blandt forsøgets kommuner ({LISTED}). Kontrollér, at kommunen "
    "deltager i forsøget; et journalnotat efter forsøget skrives først, når du har bekræftet det."
)


@pytest.fixture
def store(tmp_path):
    with CaseStore(tmp_path / "t02.db", clock=lambda: NOTE_DAY) as store:
        store.save_settings(Settings(caseworker_name="Anne Jensen", municipality="Vesthimmerlands Kommune"))
        yield store


def t02_window(qtbot, store) -> NoteWindow:
    case_id = store.create_case(citizen="Per Sørensen", case_ref="2019-0102", trial_id="T02", dates={})
    window = NoteWindow(store, case_id, today=lambda: NOTE_DAY, situation="forsoeg_anvendt")
    qtbot.addWidget(window)
    window.show()
    window.inputs.free_text_edit.setPlainText("Vurderet ved opfølgningen.")
    return window


def test_the_note_waits_for_the_participation_box_and_then_states_it(qtbot, store):
    window = t02_window(qtbot, store)
    box, label, hint = window.confirm_panel.checks["deltagelse_kontrolleret"]
    assert box.isVisible() and label.text() == BOX and hint.isVisible()
    assert not window.copy_button.isEnabled()
    assert window.status_label.text() == (
        "⚠ Udfyld før notatet kan kopieres: bekræftelse af, at du har kontrolleret, at kommunen deltager i forsøget."
    )
    box.setChecked(True)
    assert window.copy_button.isEnabled()
    assert (
        "\nHjemmel: § 9 d i lov om frikommunenetværk. Kommunens deltagelse i forsøget er kontrolleret af "
        "sagsbehandleren.\nSkrevet 20-05-2019 af Anne Jensen, Vesthimmerlands Kommune."
    ) in window.note_text()


def test_a_participant_sees_no_participation_box(qtbot, store):
    store.save_settings(Settings(caseworker_name="Anne Jensen", municipality="Aalborg Kommune"))
    window = t02_window(qtbot, store)
    assert not window.confirm_panel.checks["deltagelse_kontrolleret"][0].isVisible()
    assert window.copy_button.isEnabled()


def test_the_trials_tab_and_a_new_case_say_the_municipality_is_not_listed(qtbot, store):
    from caseworker_app.ui.case import CaseWindow
    from caseworker_app.ui.trials_view import TrialsView

    view = TrialsView(store, today=lambda: NOTE_DAY)
    qtbot.addWidget(view)
    view.select("T02")
    assert view.participation_label.text() == WARNING
    assert not view.participation_label.isHidden()
    view.select("T08")
    assert view.participation_label.isHidden()

    window = CaseWindow(store, None, today=lambda: NOTE_DAY)
    qtbot.addWidget(window)
    form = window.form
    form.trial_combo.setCurrentIndex(form.trial_combo.findData("T02"))
    assert form.trial_status.text().endswith(f"\n{WARNING}")
    form.trial_combo.setCurrentIndex(form.trial_combo.findData("T08"))
    assert "⚠" not in form.trial_status.text()
