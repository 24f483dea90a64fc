"""Trials whose cadence the caseworker sets: registering a talk asks for the next agreed date."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from caseworker_app.ui.case import EventDialog

from .actions import click, type_into


def t12_case(store) -> int:
    return store.create_case(
        citizen="Karen Holm", case_ref="2020-0112", trial_id="T12", dates={"agreed": date(2021, 1, 29)}
    )


def open_dialog(qtbot, store, case_id, today, kind: str = "talk") -> EventDialog:
    dialog = EventDialog(store, case_id, today=today, kind=kind)
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
    dialog = open_dialog(qtbot, store, case_id, today, kind="followup")
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


def test_the_hint_says_what_an_empty_date_gives_during_the_trial_and_after_it(qtbot, store, today, dialogs):
    """T12 runs until 31-12-2023: a talk today (01-02-2021) meets the date agreed, 29-01-2021, so an
    empty date leaves the case with 'dato ikke aftalt'. T16 ended 31-12-2015: from then the ordinary
    rule (every 4 weeks) gives the deadline, date or no date."""
    from caseworker_app.ui.case import CaseWindow

    t12 = open_dialog(qtbot, store, t12_case(store), today)
    assert t12.boxes["agreed"].hint_label.text().replace("\u2011", "-") == (
        "Aftalt med borgeren: bliver sagens nye frist. Tom: den aftalte dato 29-01-2021 er dermed overholdt, "
        "og sagen viser 'dato ikke aftalt'."
    )

    case_id = store.create_case(
        citizen="Pia Poulsen", case_ref="2021-0104", trial_id="T16", dates={"absence_start": date(2021, 1, 4)}
    )
    window = CaseWindow(store, case_id, today=today)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isAncestorOf(QApplication.focusWidget()))
    seen = {}

    def user(dialog):
        qtbot.waitUntil(lambda: dialog.isAncestorOf(QApplication.focusWidget()))
        seen["hint"] = dialog.boxes["agreed"].hint_label.text().replace("\u2011", "-")
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # today, no next date

    dialogs.then(user)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert seen["hint"] == (
        "Gemmes på sagen. Forsøget sluttede 31-12-2015, så fristen regnes efter den almindelige regel "
        "– med eller uden en aftalt dato."
    )
    [event] = store.get_case(case_id).events
    assert event.day == date(2021, 2, 1)
    # 01-02-2021 + 4 weeks = 01-03-2021, a Monday.
    [deadline] = [item.deadline for item in store.deadlines(today()) if item.case.id == case_id]
    assert (deadline.legal_due, deadline.governed_by, deadline.undated) == (date(2021, 3, 1), "ordinary", False)
    assert "frist 01-03-2021" in window.deadline_texts()[0]
    # A date agreed after all is kept on the case and leaves the deadline where it was.
    store.update_case(case_id, dates={"absence_start": date(2021, 1, 4), "agreed": date(2021, 2, 15)})
    [deadline] = [item.deadline for item in store.deadlines(today()) if item.case.id == case_id]
    assert deadline.legal_due == date(2021, 3, 1)
