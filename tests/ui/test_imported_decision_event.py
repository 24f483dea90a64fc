"""A T07 decision an import registered without its outcome ('stillingtagen til indsatsplanen (udfald
ikke oplyst)'): never offered for a new event (the caseworker knows the outcome), offered when
correcting such an event, so the caseworker can say whether the plan was adjusted."""

from __future__ import annotations

from datetime import date

from caseworker_app.ui.case import EventDialog

from .actions import click


def kinds(dialog) -> list[str]:
    return [dialog.kind_combo.itemData(i) for i in range(dialog.kind_combo.count())]


def test_an_imported_decision_is_offered_only_when_correcting_one(qtbot, store, today):
    case_id = store.create_case(
        citizen="Anna Vest", case_ref="2021-0301", trial_id="T07", dates={"visitation": date(2020, 7, 15)}
    )
    imported = store.add_event(case_id, day=date(2021, 1, 11), kind="plan_decision", text="fra listen")
    new = EventDialog(store, case_id, today=today, kind="plan_adjusted")
    qtbot.addWidget(new)
    assert kinds(new) == ["plan_adjusted", "plan_not_adjusted"]
    correcting = EventDialog(store, case_id, today=today, replaces=imported)
    qtbot.addWidget(correcting)
    assert kinds(correcting) == ["plan_adjusted", "plan_not_adjusted", "plan_decision"]
    assert correcting.kind_combo.currentData() == "plan_decision"
    assert correcting.kind_combo.currentText() == "Stillingtagen til indsatsplanen (udfald ikke oplyst)"
    correcting.kind_combo.setCurrentIndex(correcting.kind_combo.findData("plan_adjusted"))
    click(qtbot, correcting.save_button)
    assert [(e.day, e.kind) for e in store.get_case(case_id).events] == [(date(2021, 1, 11), "plan_adjusted")]


def test_registrer_opfoelgning_on_t07_asks_which_decision_instead_of_choosing_one(qtbot, store, today):
    """Found by a tester: 'Registrer opfølgning' on a T07 case opened with 'Indsatsplan justeret'
    chosen. Adjusted or not gives another deadline after the trial's end, so the caseworker chooses;
    saving without a choice is refused at the field, and nothing is registered."""
    case_id = store.create_case(
        citizen="Anna Vest", case_ref="2021-0301", trial_id="T07", dates={"visitation": date(2020, 7, 15)}
    )
    dialog = EventDialog(store, case_id, today=today, kind="followup")
    qtbot.addWidget(dialog)
    assert dialog.kind_combo.currentText() == "– vælg hændelse –"
    click(qtbot, dialog.save_button)
    assert dialog.boxes["kind"].error() == "Vælg, hvilken hændelse det er: den bestemmer den næste frist"
    assert store.get_case(case_id).events == ()
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("plan_not_adjusted"))
    click(qtbot, dialog.save_button)
    assert [e.kind for e in store.get_case(case_id).events] == ["plan_not_adjusted"]


def test_registrer_opfoelgning_on_a_trial_with_one_event_starts_with_it(qtbot, store, today):
    case_id = store.create_case(
        citizen="Jens Hansen", case_ref="2018-0831", trial_id="T08", dates={"hire": date(2018, 8, 31)}
    )
    dialog = EventDialog(store, case_id, today=today, kind="followup")
    qtbot.addWidget(dialog)
    assert dialog.kind_combo.currentData() == "followup"
