"""Trials whose cadence the caseworker sets: registering a talk asks for the next agreed date."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from caseworker_app.ui.case import EventDialog

from .actions import click, type_into


def t12_case(store) -> int:
    return store.create_case(
        citizen="Karen Holm", case_ref="2020-0112", trial_id="T12", dates={"agreed": date(2021, 1, 29)}
    )


def open_dialog(qtbot, store, case_id, today) -> EventDialog:
    dialog = EventDialog(store, case_id, today=today, kind="talk")
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_a_talk_with_the_next_agreed_date_moves_the_deadline(qtbot, store, today):
    case_id = t12_case(store)
    dialog = open_dialog(qtbot, store, case_id, today)
    assert dialog.next_agreed_edit.isVisible()
    type_into(qtbot, dialog.date_edit, "29-01-2021")
    type_into(qtbot, dialog.next_agreed_edit, "01-03-2021")
    click(qtbot, dialog.save_button)
    case = store.get_case(case_id)
    assert [(e.day, e.kind) for e in case.events] == [(date(2021, 1, 29), "talk")]
    assert case.dates["agreed"] == date(2021, 3, 1)
    [deadline] = store.deadlines(today())
    assert (deadline.deadline.legal_due, deadline.deadline.practical_due) == (date(2021, 3, 1), date(2021, 3, 1))


def test_a_next_date_before_the_talk_is_refused_and_nothing_is_saved(qtbot, store, today):
    case_id = t12_case(store)
    dialog = open_dialog(qtbot, store, case_id, today)
    type_into(qtbot, dialog.date_edit, "29-01-2021")
    type_into(qtbot, dialog.next_agreed_edit, "28-01-2021")
    click(qtbot, dialog.save_button)
    assert dialog.boxes["agreed"].error() == "Den næste aftalte dato skal ligge efter 29-01-2021"
    assert store.get_case(case_id).events == ()
    assert store.get_case(case_id).dates["agreed"] == date(2021, 1, 29)


def test_trials_with_a_fixed_cadence_do_not_ask(qtbot, store, today):
    case_id = store.create_case(
        citizen="Jens Hansen", case_ref="2018-0831", trial_id="T08", dates={"hire": date(2018, 8, 31)}
    )
    dialog = open_dialog(qtbot, store, case_id, today)
    assert not dialog.next_agreed_edit.isVisible()
    qtbot.keyClick(dialog.date_edit, Qt.Key.Key_Return)
    assert len(store.get_case(case_id).events) == 1


def test_a_corrected_date_clears_its_error_and_the_text_box_keeps_its_height(qtbot, store, today):
    case_id = t12_case(store)
    dialog = open_dialog(qtbot, store, case_id, today)
    height = dialog.text_edit.height()
    type_into(qtbot, dialog.date_edit, "32-01-2021")
    click(qtbot, dialog.save_button)
    assert dialog.boxes["day"].error() == "'32-01-2021': den dag findes ikke – januar 2021 har 31 dage."
    assert dialog.text_edit.height() >= height
    type_into(qtbot, dialog.date_edit, "29-01-2021")  # a real date: the old message goes at once
    assert dialog.boxes["day"].error() == ""


def test_a_date_message_never_breaks_a_date_across_lines(qtbot, store, today):
    case_id = t12_case(store)
    dialog = open_dialog(qtbot, store, case_id, today)
    type_into(qtbot, dialog.date_edit, "31-11-2020")
    click(qtbot, dialog.save_button)
    shown = dialog.boxes["day"].error_label.text()
    assert "31\u201111\u20112020" in shown and "31-11-2020" not in shown  # non-breaking hyphens
    assert dialog.boxes["day"].error() == "'31-11-2020': den dag findes ikke – november 2020 har 30 dage."
