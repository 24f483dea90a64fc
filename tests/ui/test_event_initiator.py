"""Who started an event: a contact between follow-ups comes from the citizen or the employer
(decision 2), so the dialog does not say 'kommune' for it unless the caseworker chooses so."""

from __future__ import annotations

from datetime import date

from caseworker_app.ui.case import EventDialog

from .actions import click, type_into


def t08_case(store) -> int:
    return store.create_case(
        citizen="Jens Hansen", case_ref="2018-0831", trial_id="T08", dates={"hire": date(2018, 8, 31)}
    )


def open_dialog(qtbot, store, case_id, today, kind) -> EventDialog:
    dialog = EventDialog(store, case_id, today=today, kind=kind)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def choose(combo, data) -> None:
    """As the caseworker picks an entry (activated is the user's signal, not the program's)."""
    index = combo.findData(data)
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def test_a_contact_starts_with_no_initiator_and_a_follow_up_with_the_municipality(qtbot, store, today):
    dialog = open_dialog(qtbot, store, t08_case(store), today, "contact")
    assert dialog.initiator_combo.currentData() is None
    assert dialog.initiator_combo.currentText() == "– ikke angivet –"
    choose(dialog.kind_combo, "followup")
    assert dialog.initiator_combo.currentData() == "kommune"
    choose(dialog.kind_combo, "contact")
    assert dialog.initiator_combo.currentData() is None


def test_the_caseworkers_choice_of_initiator_is_kept_and_saved(qtbot, store, today):
    case_id = t08_case(store)
    dialog = open_dialog(qtbot, store, case_id, today, "contact")
    choose(dialog.initiator_combo, "arbejdsgiver")
    choose(dialog.kind_combo, "followup")
    choose(dialog.kind_combo, "contact")
    assert dialog.initiator_combo.currentData() == "arbejdsgiver"
    type_into(qtbot, dialog.date_edit, "15-01-2021")
    click(qtbot, dialog.save_button)
    [row] = [r for r in store.history(case_id) if r.kind == "contact"]
    assert (row.day, row.initiated_by) == (date(2021, 1, 15), "arbejdsgiver")
