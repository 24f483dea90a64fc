"""A journal note and the case's corrected history (tester, session 18): no note about a corrected or
cancelled row (it would bring the old date and deadline back to FASIT, and registering it again
would undo the correction); and correcting an event a copied note is about says the note in FASIT
must be corrected too, and marks the note in the history.

T07, visitation 31-01-2021; 'indsatsplan ikke justeret' registered 31-05-2021, corrected to
03-05-2021. Counted by hand: the next stance is due six months on, 30-11-2021 from 31-05-2021 and
03-11-2021 from 03-05-2021. The notes are written on 01-06-2021."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox

from caseworker_app.core.event import Event
from caseworker_app.core.history import JOURNAL_NOTE
from caseworker_app.store import CaseStore
from caseworker_app.ui.case import CaseWindow
from caseworker_app.ui.notes import NoteWindow
from tests.ui.actions import type_into

TODAY = date(2021, 6, 1)
KIND = "plan_not_adjusted"
REASON = "Borgeren er i behandling."
CORRECTED_TEXT = (
    "Der er kopieret et journalnotat om denne hændelse til FASIT den 01-06-2021. Ret også notatet i FASIT; "
    "skriv evt. et nyt notat her."
)


@pytest.fixture
def store(tmp_path):
    case_store = CaseStore(tmp_path / "sager.db", clock=lambda: TODAY)
    case_store.save_settings(
        dataclasses.replace(case_store.settings(), caseworker_name="Tina Tester", municipality="Vesthimmerland")
    )
    yield case_store
    case_store.close()


def t07_case(store) -> int:
    return store.create_case(
        citizen="Anna Vest", case_ref="2021-0701", trial_id="T07", dates={"visitation": date(2021, 1, 31)}
    )


def corrected_case(store) -> tuple[int, int, int]:
    """The case, its crossed-out 31-05-2021 row and the correction to 03-05-2021."""
    case_id = t07_case(store)
    original = store.add_event(case_id, day=date(2021, 5, 31), kind=KIND)
    correction = store.add_event(case_id, day=date(2021, 5, 3), kind=KIND, replaces=original)
    return case_id, original, correction


def case_window(qtbot, store, case_id) -> CaseWindow:
    window = CaseWindow(store, case_id, today=lambda: TODAY)
    qtbot.addWidget(window)
    window.show()
    return window


def select_event(window: CaseWindow, event_id: int) -> None:
    model = window.history.model
    for row in range(model.rowCount()):
        found = model.row_at(model.index(row, 0))
        if found is not None and not found.is_case_change and found.id == event_id:
            window.history.view.setCurrentIndex(model.index(row, 0))
            return
    raise AssertionError(f"event {event_id} not in the history")


def note_window(qtbot, store, case_id, **kwargs) -> NoteWindow:
    window = NoteWindow(store, case_id, today=lambda: TODAY, **kwargs)
    qtbot.addWidget(window)
    window.show()
    return window


def notes(store, case_id):
    return [r for r in store.history(case_id) if r.kind == JOURNAL_NOTE]


# ------------------------------------------------------------ 1. no note about a crossed-out row


def test_the_note_button_is_disabled_for_a_corrected_row_and_says_why(qtbot, store, dialogs):
    case_id, original, correction = corrected_case(store)
    window = case_window(qtbot, store, case_id)

    select_event(window, original)

    assert not window.note_button.isEnabled()
    assert window.note_button.toolTip() == (
        "Indsatsplan ikke justeret 31-05-2021 er rettet til 03-05-2021 i sagens historik, så der kan ikke "
        "skrives et journalnotat om den. Vælg rettelsen i historikken (eller ingen række)."
    )
    window.write_note()  # a shortcut or a stray call: still no note window
    assert dialogs.opened == []

    select_event(window, correction)
    assert window.note_button.isEnabled()


def test_the_note_button_is_disabled_for_a_cancelled_event_and_its_cancelling_row(qtbot, store):
    case_id = t07_case(store)
    event = store.add_event(case_id, day=date(2021, 5, 31), kind=KIND)
    cancelling = store.cancel_event(case_id, event, text="Registreret på forkert sag")
    window = case_window(qtbot, store, case_id)

    for row in (event, cancelling):
        select_event(window, row)
        assert not window.note_button.isEnabled()
        assert window.note_button.toolTip().startswith(
            "Indsatsplan ikke justeret 31-05-2021 er annulleret i sagens historik, så der kan ikke skrives"
        )


def test_the_note_window_refuses_a_corrected_event_and_registers_nothing(qtbot, store, message_boxes, dialogs):
    case_id, original, _ = corrected_case(store)
    window = note_window(qtbot, store, case_id, event_id=original)  # reached another way than the button
    window.reason_edit.setPlainText(REASON)

    assert window.situation() == "plan_ikke_justeret"
    assert window.event_date_edit.text() == "31-05-2021"
    assert not window.copy_button.isEnabled()
    assert window.status_label.text() == (
        "⚠ Dato for hændelsen: Indsatsplan ikke justeret 31-05-2021 er rettet til 03-05-2021 i sagens "
        "historik. Skriv notatet om hændelsen, som den står nu (dato for hændelsen 03-05-2021)."
    )
    # No draft stating the undone date to copy by hand: the box points to why (said once, below it).
    assert window.note_text() == ""
    assert window.note_edit.placeholderText() == "Notatet kan ikke skrives; se hvorfor nedenfor."
    window.copy_to_fasit()

    # Nothing asked, registered or kept: the case still counts the correction alone.
    assert message_boxes.calls == [] and dialogs.opened == []
    assert store.get_case(case_id).events == (Event(date(2021, 5, 3), KIND, form=None, initiated_by=None),)
    assert notes(store, case_id) == []

    # The event as it stands now: the note can be copied, with its deadline.
    type_into(qtbot, window.event_date_edit, "03-05-2021")
    assert window.copy_button.isEnabled()
    assert "03-11-2021" in window.note_text() and "30-11-2021" not in window.note_text()


def test_a_cancelled_event_chosen_by_its_cancelling_row_is_refused(qtbot, store):
    case_id = t07_case(store)
    event = store.add_event(case_id, day=date(2021, 5, 31), kind=KIND)
    cancelling = store.cancel_event(case_id, event, text="Registreret på forkert sag")
    window = note_window(qtbot, store, case_id, event_id=cancelling)
    window.reason_edit.setPlainText(REASON)

    assert window.event_date_edit.text() == "31-05-2021"
    assert not window.copy_button.isEnabled()
    assert window.status_label.text() == (
        "⚠ Dato for hændelsen: Indsatsplan ikke justeret 31-05-2021 er annulleret i sagens historik. "
        "Skriv notatet om hændelsen, som den står nu."
    )


# ------------------------------------------------------------ 2. correcting an event a copied note is about


def copy_note(qtbot, store, case_id, **kwargs) -> NoteWindow:
    window = note_window(qtbot, store, case_id, situation="plan_ikke_justeret", **kwargs)
    window.reason_edit.setPlainText(REASON)
    window.copy_to_fasit()
    assert window.status_label.text().startswith("✓ Kopieret og gemt i sagens historik")
    window.accept()
    return window


def correct_to_3_may(qtbot, dialogs, window: CaseWindow, event_id: int) -> list[str]:
    """Correct the event in the case window as a caseworker does; the dialog's texts as shown."""
    select_event(window, event_id)
    shown = []

    def correct(dialog):
        shown.extend(label.text() for label in dialog.findChildren(QLabel) if label.text())
        type_into(qtbot, dialog.date_edit, "03-05-2021")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    dialogs.then(correct)
    window.correct_event()
    return shown


def test_correcting_an_event_whose_note_was_copied_says_to_correct_fasit_too(qtbot, store, dialogs, message_boxes):
    case_id = t07_case(store)
    event = store.add_event(case_id, day=date(2021, 5, 31), kind=KIND)
    copy_note(qtbot, store, case_id)
    assert [n.about_event for n in notes(store, case_id)] == [event]
    window = case_window(qtbot, store, case_id)

    shown = correct_to_3_may(qtbot, dialogs, window, event)

    assert any(text.endswith("\n\n⚠ " + CORRECTED_TEXT) for text in shown)  # before saving, in the dialog
    assert message_boxes.calls == [("warning", "Ret også journalnotatet i FASIT", CORRECTED_TEXT)]  # after
    assert window.deadline_texts()[0].startswith("Stillingtagen til indsatsplanen: frist 03-11-2021")
    # The note in the history says so, later too (a new window reads it from the database).
    later = case_window(qtbot, store, case_id)
    model = later.history.model
    row = next(r for r in range(model.rowCount()) if model.row_at(model.index(r, 0)).kind == JOURNAL_NOTE)
    assert model.data(model.index(row, 1)) == "Journalnotat – ret i FASIT"
    assert model.data(model.index(row, 4)).startswith(
        "⚠ Indsatsplan ikke justeret 31-05-2021 er rettet til 03-05-2021 efter kopieringen: ret notatet i FASIT – "
    )


def test_cancelling_an_event_whose_note_was_copied_says_so_too(qtbot, store, dialogs, message_boxes):
    case_id = t07_case(store)
    event = store.add_event(case_id, day=date(2021, 5, 31), kind=KIND)
    copy_note(qtbot, store, case_id)
    window = case_window(qtbot, store, case_id)
    select_event(window, event)

    def cancel(dialog):
        dialog.cancel_check.setChecked(True)
        dialog.text_edit.setPlainText("Registreret på forkert sag")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    dialogs.then(cancel)
    window.correct_event()

    assert message_boxes.calls == [("warning", "Ret også journalnotatet i FASIT", CORRECTED_TEXT)]
    model = window.history.model
    texts = [model.data(model.index(r, 4)) for r in range(model.rowCount())]
    assert any(t.startswith("⚠ Indsatsplan ikke justeret 31-05-2021 er annulleret efter kopieringen") for t in texts)


def test_a_note_whose_event_is_registered_on_copying_is_about_that_event(qtbot, store, dialogs, message_boxes):
    case_id = t07_case(store)
    window = note_window(qtbot, store, case_id, situation="plan_ikke_justeret")
    type_into(qtbot, window.event_date_edit, "31-05-2021")
    window.reason_edit.setPlainText(REASON)
    message_boxes.answer(QMessageBox.StandardButton.Yes)  # "Registrér først"
    dialogs.then(lambda dialog: qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton))

    window.copy_to_fasit()

    registered = [r.id for r in store.history(case_id) if r.kind == KIND]
    assert len(registered) == 1
    assert [n.about_event for n in notes(store, case_id)] == registered


def test_correcting_an_event_without_a_copied_note_says_nothing(qtbot, store, dialogs, message_boxes):
    case_id = t07_case(store)
    event = store.add_event(case_id, day=date(2021, 5, 31), kind=KIND)
    copy_note(qtbot, store, case_id, event_id=None)  # about 31-05-2021 ...
    other = store.add_event(case_id, day=date(2021, 5, 20), kind="plan_adjusted")  # ... not this one
    window = case_window(qtbot, store, case_id)

    shown = correct_to_3_may(qtbot, dialogs, window, other)

    assert message_boxes.calls == []
    assert not any("journalnotat" in text for text in shown)
    assert [n.about_event for n in notes(store, case_id)] == [event]


def test_a_note_on_the_day_of_an_imported_decision_corrects_it_instead_of_adding_another(
    qtbot, store, dialogs, message_boxes
):
    """Found in review: an 'ikke justeret' note dated on a decision the import registered without its
    outcome registered a second decision on that day. It now corrects the imported one into the
    note's: one decision on 31-05-2021, the one the note is about."""
    case_id = t07_case(store)
    imported = store.add_event(case_id, day=date(2021, 5, 31), kind="plan_decision", text="fra listen")
    window = note_window(qtbot, store, case_id, situation="plan_ikke_justeret")
    type_into(qtbot, window.event_date_edit, "31-05-2021")
    window.reason_edit.setPlainText(REASON)
    message_boxes.answer(QMessageBox.StandardButton.Yes)  # "Registrér først"
    opened = []

    def save(dialog):
        opened.append((dialog.replaces, dialog.kind_combo.currentData()))
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    dialogs.then(save)
    window.copy_to_fasit()

    assert opened == [(imported, KIND)]
    assert [(e.day, e.kind) for e in store.get_case(case_id).events] == [(date(2021, 5, 31), KIND)]
    assert message_boxes.calls[0][2].startswith(
        "Sagen har fra importen stillingtagen til indsatsplanen (udfald ikke oplyst) 31-05-2021."
    )
