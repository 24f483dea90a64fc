"""The same event on the same day registered again is asked about first (a tester saved a follow-up
15-12-2025 twice without a word, and the T08 evaluation then reported 3 follow-ups held, not 2)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QMessageBox

from .actions import click, type_into
from .test_event_initiator import open_dialog, t08_case

Button = QMessageBox.StandardButton
QUESTION = (
    "Sagen har allerede en hændelse »opfølgning« den 15-01-2021. Hver registrering tælles med i "
    "evalueringen. Vil du registrere den en gang til?"
)


def followups(store, case_id) -> list[date]:
    return sorted(row.day for row in store.history(case_id) if row.kind == "followup")


def save_followup(qtbot, store, case_id, today, day: str):
    dialog = open_dialog(qtbot, store, case_id, today, "followup")
    type_into(qtbot, dialog.date_edit, day)
    click(qtbot, dialog.save_button)
    return dialog


def test_nej_saves_nothing_and_keeps_the_dialog_open(qtbot, store, today, message_boxes):
    case_id = t08_case(store)
    save_followup(qtbot, store, case_id, today, "15-01-2021")
    assert message_boxes.calls == []  # the first one is not asked about

    message_boxes.answer(Button.No)
    dialog = save_followup(qtbot, store, case_id, today, "15-01-2021")

    assert message_boxes.calls == [("question", "Allerede registreret", QUESTION)]
    assert message_boxes.asked[0].enter == Button.No  # Enter does not register it twice
    assert followups(store, case_id) == [date(2021, 1, 15)]
    assert dialog.isVisible() and dialog.date_edit.text() == "15-01-2021"


def test_ja_registers_it_again(qtbot, store, today, message_boxes):
    case_id = t08_case(store)
    save_followup(qtbot, store, case_id, today, "15-01-2021")
    message_boxes.answer(Button.Yes)
    save_followup(qtbot, store, case_id, today, "15-01-2021")
    assert followups(store, case_id) == [date(2021, 1, 15), date(2021, 1, 15)]


def test_another_day_another_kind_or_a_second_call_is_not_asked_about(qtbot, store, today, message_boxes):
    case_id = t08_case(store)
    save_followup(qtbot, store, case_id, today, "15-01-2021")
    save_followup(qtbot, store, case_id, today, "18-01-2021")
    for _ in range(2):  # the citizen and the employer both called that day
        dialog = open_dialog(qtbot, store, case_id, today, "contact")
        type_into(qtbot, dialog.date_edit, "15-01-2021")
        click(qtbot, dialog.save_button)
    assert message_boxes.calls == []
    assert [row.day for row in store.history(case_id) if row.kind == "contact"] == [date(2021, 1, 15)] * 2
    assert followups(store, case_id) == [date(2021, 1, 15), date(2021, 1, 18)]
