"""A date typed in the window in the long Danish form the import reads ('d. 14. maj 2026'):
one parser for both, so a caseworker can paste a date from a letter or a list."""

from __future__ import annotations

from datetime import date

from caseworker_app.ui.case import EventDialog
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
