"""A date typed in the window in the long Danish form the import reads ('d. 14. maj 2026'):
one parser for both, so a caseworker can paste a date from a letter or a list."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from caseworker_app.core.catalog_load import load_catalog
from caseworker_app.ui.calculator.view import CalculatorView
from caseworker_app.ui.case import CaseWindow, EventDialog
from caseworker_app.ui.fields import DateLineEdit

from .actions import click, type_into


def t08_case(store) -> int:
    return store.create_case(
        citizen="Jens Hansen", case_ref="2018-0831", trial_id="T08", dates={"hire": date(2018, 8, 31)}
    )


def followup_saved(qtbot, store, today, typed: str) -> date:
    case_id = t08_case(store)
    dialog = EventDialog(store, case_id, today=today, kind="followup")
    qtbot.addWidget(dialog)
    dialog.show()
    type_into(qtbot, dialog.date_edit, typed)
    click(qtbot, dialog.save_button)
    [row] = [r for r in store.history(case_id) if r.kind == "followup"]
    return row.day


def test_a_follow_up_typed_as_d_day_month_year_is_saved_on_that_day(qtbot, store, today):
    assert followup_saved(qtbot, store, today, "d. 14. januar 2021") == date(2021, 1, 14)


def test_a_follow_up_typed_in_the_long_form_is_saved_on_that_day(qtbot, store, today):
    assert followup_saved(qtbot, store, today, "14. januar 2021") == date(2021, 1, 14)


def test_the_field_shows_a_long_date_back_as_dd_mm_yyyy(qtbot):
    edit = DateLineEdit()
    qtbot.addWidget(edit)
    edit.show()
    type_into(qtbot, edit, "d. 26. september 2021")  # 21 characters: the field takes them all
    edit.editingFinished.emit()
    assert edit.text() == "26-09-2021"
    assert edit.date_value() == date(2021, 9, 26)


# ------------------------------------------------------------------ two-digit years
# Refused wherever a date is typed, with the import's message: '26' may be 1926 or 2026, and the
# dialogs save on Enter, before the field could show the year it read.

TWO_DIGITS = (
    "'150121': skriv året med fire cifre, fx 15-01-2021 (eller 15-01-1921); et årstal med to cifre kan høre til "
    "to århundreder."
)


def test_a_follow_up_with_a_two_digit_year_is_refused_and_not_saved(qtbot, store, today):
    case_id = t08_case(store)
    dialog = EventDialog(store, case_id, today=today, kind="followup")
    qtbot.addWidget(dialog)
    dialog.show()
    type_into(qtbot, dialog.date_edit, "150121")
    qtbot.keyClick(dialog.date_edit, Qt.Key.Key_Return)  # Enter at once, as caseworkers do
    assert dialog.boxes["day"].error() == TWO_DIGITS
    assert dialog.isVisible()
    assert store.get_case(case_id).events == ()


def test_a_new_case_with_a_two_digit_year_is_refused_at_its_field(qtbot, store):
    window = CaseWindow(store, None, today=lambda: date(2021, 2, 1))
    qtbot.addWidget(window)
    window.show()
    type_into(qtbot, window.citizen_edit, "Jens Hansen")
    type_into(qtbot, window.case_ref_edit, "2018-0831")
    window.trial_combo.setCurrentIndex(window.trial_combo.findData("T08"))  # a new case's trial is chosen
    type_into(qtbot, window.date_boxes["hire"].editor, "31.08.18")
    click(qtbot, window.save_button)
    assert window.date_boxes["hire"].error() == (
        "'31.08.18': skriv året med fire cifre, fx 31-08-2018 (eller 31-08-1918); et årstal med to cifre kan høre "
        "til to århundreder."
    )
    assert store.list_cases() == []


def test_closing_a_case_on_a_two_digit_year_is_refused(qtbot, store, dialogs):
    case_id = t08_case(store)
    window = CaseWindow(store, case_id, today=lambda: date(2021, 2, 1))
    qtbot.addWidget(window)
    window.show()
    seen = {}

    def user(dialog):
        dialog.reason_combo.setCurrentIndex(dialog.reason_combo.findData("andet"))
        type_into(qtbot, dialog.text_edit, "Flyttet til udlandet")
        type_into(qtbot, dialog.date_edit, "150121")
        click(qtbot, dialog.ok_button)
        seen["error"] = dialog.boxes["day"].error()

    dialogs.then(user)
    click(qtbot, window.close_case_button)
    assert seen["error"] == TWO_DIGITS
    assert store.get_case(case_id).status == "aktiv"


def test_the_calculator_refuses_a_two_digit_year(qtbot):
    catalog = load_catalog()
    view = CalculatorView(lambda: catalog, today=lambda: date(2021, 3, 1))
    qtbot.addWidget(view)
    view.show()
    type_into(qtbot, view.form.date_boxes["hire"].editor, "150121")
    click(qtbot, view.form.calculate_button)
    assert view.form.date_boxes["hire"].error() == TWO_DIGITS
    assert view.result.model.rowCount() == 0


def test_every_date_field_refuses_a_two_digit_year(qtbot):
    # The settings' ordinary rule, the print dialogs and the note window use the same field.
    edit = DateLineEdit()
    qtbot.addWidget(edit)
    type_into(qtbot, edit, "150121")
    edit.editingFinished.emit()
    assert edit.text() == "150121"  # not shown back as a date the field guessed
    with pytest.raises(ValueError) as caught:
        edit.date_value()
    assert str(caught.value) == TWO_DIGITS
