"""The case window as a caseworker uses it: create a case, register and correct events, close."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from caseworker_app.core.cases import CLOSED
from caseworker_app.ui.case import CaseWindow
from caseworker_app.ui.case.history_model import ROW_ROLE
from tests.ui.model_check import assert_no_model_failures, watch_model

from .actions import click, type_into
from .conftest import TODAY


def open_case(qtbot, store, case_id, today=lambda: TODAY) -> CaseWindow:
    window = CaseWindow(store, case_id, today=today)
    qtbot.addWidget(window)
    window.show()
    return window


def new_case(qtbot, store, trial_id="T08", today=lambda: TODAY) -> CaseWindow:
    """Ny sag with its trial chosen, as the caseworker must (a new case has none until chosen)."""
    window = open_case(qtbot, store, None, today)
    window.trial_combo.setCurrentIndex(window.trial_combo.findData(trial_id))
    qtbot.waitUntil(lambda: all(box.isVisible() for box in window.date_boxes.values()))  # its fields shown
    return window


def add_t08(store, hire=date(2018, 8, 31), followups=(), **fields) -> int:
    case_id = store.create_case(
        citizen=fields.pop("citizen", "Jens Hansen"),
        case_ref=fields.pop("case_ref", "2018-0831"),
        trial_id="T08",
        dates={"hire": hire},
        **fields,
    )
    for day in followups:
        store.add_event(case_id, day=day, kind="followup")
    return case_id


def history_texts(window: CaseWindow) -> list[str]:
    model = window.history_model
    return [" | ".join(model.index(r, c).data() for c in range(model.columnCount())) for r in range(model.rowCount())]


def select_history_row(window: CaseWindow, starts: str) -> int:
    """Click the history row whose text starts with starts ('10-01-2021 | Opfølgning')."""
    row = next(i for i, text in enumerate(history_texts(window)) if text.startswith(starts))
    window.history_view.selectRow(row)
    return row


# ------------------------------------------------------------------ creating a case


def test_a_wrong_date_is_explained_at_its_field_and_nothing_is_saved(qtbot, store):
    window = new_case(qtbot, store)
    type_into(qtbot, window.citizen_edit, "Jens Hansen")
    type_into(qtbot, window.case_ref_edit, "2018-0831")
    type_into(qtbot, window.date_boxes["hire"].editor, "31-02-2019")
    with qtbot.assertNotEmitted(window.changed):
        click(qtbot, window.save_button)

    hire_box = window.date_boxes["hire"]
    assert hire_box.error_label.isVisible()
    assert "'31-02-2019': den dag findes ikke – februar 2019 har 28 dage." in hire_box.error()
    assert hire_box.error_label.text().startswith("⚠")  # not colour alone
    assert not window.boxes["citizen"].error_label.isVisible()
    assert store.list_cases() == []

    type_into(qtbot, hire_box.editor, "31-08-2018")
    with qtbot.waitSignal(window.changed):
        click(qtbot, window.save_button)

    assert not hire_box.error_label.isVisible()
    [case] = store.list_cases()
    assert (case.citizen, case.case_ref, case.trial_id) == ("Jens Hansen", "2018-0831", "T08")
    assert case.dates == {"hire": date(2018, 8, 31)}
    assert window.case_id == case.id
    assert window.windowTitle() == "Sag: Jens Hansen (2018-0831)"
    # 31-08-2018 + 30 months = 28-02-2021 (no 31 February), a Sunday: in practice Friday 26-02-2021.
    [deadline] = window.deadline_texts()
    assert "frist 28-02-2021" in deadline
    assert "senest i praksis fre 26-02-2021" in deadline
    assert "Almindelig regel ville give: 28-02-2019" in deadline  # offer defaults to hire: + 6 months
    assert "Sag oprettet" in history_texts(window)[0]


def test_every_missing_field_gets_its_own_message(qtbot, store):
    window = open_case(qtbot, store, None)
    # A new case has no trial until one is chosen (a tester: every new case started in T08, which
    # ended 31-12-2025, and kept it unless the caseworker changed it): no dates asked for yet.
    assert (window.trial_combo.currentText(), window.trial_combo.currentData()) == ("Vælg forsøg …", "")
    assert list(window.date_boxes) == []
    click(qtbot, window.save_button)
    assert window.boxes["trial_id"].error() == "Vælg et forsøg"
    assert store.list_cases() == []

    window.trial_combo.setCurrentIndex(window.trial_combo.findData("T08"))
    click(qtbot, window.save_button)
    assert window.boxes["trial_id"].error_label.isHidden()
    assert window.boxes["citizen"].error() == "Skriv borgerens navn"
    assert window.boxes["case_ref"].error() == "Skriv FASIT-sagsnummeret"
    assert window.date_boxes["hire"].error() == "Skriv datoen »Ansættelse i løntilskud«"
    assert not window.date_boxes["offer"].error_label.isVisible()  # optional
    assert store.list_cases() == []


def test_offer_after_hire_is_refused_at_the_offer_field(qtbot, store):
    window = new_case(qtbot, store)
    type_into(qtbot, window.citizen_edit, "Jens Hansen")
    type_into(qtbot, window.case_ref_edit, "2018-0831")
    type_into(qtbot, window.date_boxes["hire"].editor, "31-08-2018")
    type_into(qtbot, window.date_boxes["offer"].editor, "01-09-2018")
    click(qtbot, window.save_button)

    assert "kan ikke ligge efter" in window.date_boxes["offer"].error()
    assert store.list_cases() == []


def test_new_case_offers_only_the_dates_its_trial_needs(qtbot, store):
    window = new_case(qtbot, store)
    offered = [window.trial_combo.itemData(i) for i in range(window.trial_combo.count())]
    assert offered[0] == "" and "T08" in offered and "T09" in offered
    # Trials without deadlines come last, said so: a case is kept for their notes all the same.
    assert offered[-8:] == ["T01", "T02", "T03", "T10", "T11", "T13", "T14", "T17"]
    assert window.trial_combo.itemText(len(offered) - 1).endswith("(ingen frister)")
    assert list(window.date_boxes) == ["hire", "offer"]
    assert window.date_boxes["offer"].hint_label.text() == "Ikke udfyldt: fristen regnes fra ansættelse i løntilskud"

    window.trial_combo.setCurrentIndex(window.trial_combo.findData("T09"))
    assert list(window.date_boxes) == ["praktik_start", "unemployed_since"]


def test_tab_goes_down_the_form_through_the_trial_dates(qtbot, store):
    window = new_case(qtbot, store)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.trial_combo.setFocus()
    order = []
    for _ in range(4):
        qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Tab)
        order.append(window.focusWidget())
    hire, offer = window.date_boxes["hire"].editor, window.date_boxes["offer"].editor
    assert order == [hire, offer, window.caseworker_edit, window.note_edit]


def test_a_case_of_a_trial_without_deadlines_is_created_for_its_note(qtbot, store, dialogs):
    """T02 has no deadline, but its note "Forsøget anvendt" cites the order: the caseworker creates
    the case in the window and writes the note from it."""
    window = open_case(qtbot, store, None)  # the trial chosen below
    window.trial_combo.setCurrentIndex(window.trial_combo.findData("T02"))
    assert list(window.date_boxes) == []
    type_into(qtbot, window.citizen_edit, "Ida Berg")
    type_into(qtbot, window.case_ref_edit, "2021-0077")
    click(qtbot, window.save_button)
    [case] = store.list_cases()
    assert (case.trial_id, case.citizen, case.case_ref) == ("T02", "Ida Berg", "2021-0077")
    assert window.deadline_texts() == ["Forsøget har ingen beregnelig frist."]
    assert window.note_button.isEnabled()
    [created] = store.history(case.id)
    assert created.text == "Forsøg T02"  # no dates: nothing after it


def test_an_existing_case_keeps_a_trial_without_deadlines(qtbot, store):
    case_id = store.create_case(citizen="Ida Berg", case_ref="2019-0001", trial_id="T01", dates={})
    window = open_case(qtbot, store, case_id)
    assert window.trial_combo.currentData() == "T01"
    assert window.deadline_texts() == ["Forsøget har ingen beregnelig frist."]


def test_cpr_is_masked_until_the_caseworker_asks_to_see_it(qtbot, store):
    case_id = add_t08(store, cpr="0101801234")
    window = open_case(qtbot, store, case_id)
    assert window.cpr_edit.text() == "010180-xxxx"
    assert window.cpr_edit.isReadOnly()

    click(qtbot, window.cpr_button)
    assert window.cpr_edit.text() == "010180-1234"
    assert not window.is_dirty()  # seeing it is not a change

    click(qtbot, window.cpr_button)
    assert window.cpr_edit.text() == "010180-xxxx"


def test_an_invalid_cpr_is_explained_at_the_cpr_field(qtbot, store):
    window = new_case(qtbot, store)
    type_into(qtbot, window.citizen_edit, "Jens Hansen")
    type_into(qtbot, window.case_ref_edit, "2018-0831")
    type_into(qtbot, window.date_boxes["hire"].editor, "31-08-2018")
    type_into(qtbot, window.cpr_edit, "321380-1234")
    click(qtbot, window.save_button)

    assert "gyldig fødselsdato" in window.boxes["cpr"].error()
    assert store.list_cases() == []


def test_changing_a_date_is_saved_and_moves_the_deadline(qtbot, store):
    window = open_case(qtbot, store, add_t08(store))
    type_into(qtbot, window.date_boxes["hire"].editor, "15-09-2018")
    with qtbot.waitSignal(window.changed):
        click(qtbot, window.save_button)
    # 15-09-2018 + 30 months = 15-03-2021, a Monday.
    assert "frist 15-03-2021 – senest i praksis man 15-03-2021" in window.deadline_texts()[0]
    assert any("Ansættelse i løntilskud: 31-08-2018 → 15-09-2018" in row for row in history_texts(window))


def test_a_name_pasted_with_a_non_breaking_space_is_saved_as_it_looks(qtbot, store):
    # Copied from Outlook: 'Åse\u00a0Bærentsen' would be another caseworker than 'Åse Bærentsen'.
    case_id = add_t08(store)
    window = open_case(qtbot, store, case_id)
    window.caseworker_edit.setText("Åse\u00a0 Bærentsen")  # as a paste puts it
    window.citizen_edit.setText("Jens\u202fHansen")
    with qtbot.waitSignal(window.changed):
        click(qtbot, window.save_button)
    case = store.get_case(case_id)
    assert (case.caseworker, case.citizen) == ("Åse Bærentsen", "Jens Hansen")


def test_closing_with_unsaved_changes_asks_first(qtbot, store, message_boxes):
    case_id = add_t08(store)
    window = open_case(qtbot, store, case_id)
    type_into(qtbot, window.citizen_edit, "Jens Hansen-Berg")

    message_boxes.answer(QMessageBox.StandardButton.Cancel)
    click(qtbot, window.close_button)
    assert window.isVisible()
    assert message_boxes.calls[-1][1] == "Gem ændringer?"

    message_boxes.answer(QMessageBox.StandardButton.Discard)
    click(qtbot, window.close_button)
    assert not window.isVisible()
    assert store.get_case(case_id).citizen == "Jens Hansen"


def test_typed_changes_are_never_lost_to_a_note_or_an_event_unasked(qtbot, store, message_boxes, dialogs):
    # The note window and the event dialog show the case anew from the database: first the caseworker
    # chooses what becomes of what was typed (a reviewer found a typed note emptied without a word).
    case_id = add_t08(store)
    window = open_case(qtbot, store, case_id)
    type_into(qtbot, window.note_edit, "Ringet op, aftalt møde")

    message_boxes.answer(QMessageBox.StandardButton.Cancel)
    window.write_note()
    assert message_boxes.calls[-1][1:] == (
        "Gem ændringer?",
        "Sagen har ændringer, der ikke er gemt. Vil du gemme dem først?",
    )
    assert window.note_edit.toPlainText() == "Ringet op, aftalt møde"  # Annuller: nothing opened, kept
    assert dialogs.opened == []

    message_boxes.answer(QMessageBox.StandardButton.Save)
    dialogs.then(lambda dialog: dialog.reject())
    window.register_followup()
    assert store.get_case(case_id).note == "Ringet op, aftalt møde"  # Gem: saved, then the dialog
    assert window.note_edit.toPlainText() == "Ringet op, aftalt møde" and not window.is_dirty()


# ------------------------------------------------------------------ events


def test_register_follow_up_in_a_few_keystrokes_moves_the_deadline(qtbot, store, dialogs):
    window = open_case(qtbot, store, add_t08(store))
    assert "frist 28-02-2021" in window.deadline_texts()[0]

    def user(dialog):
        assert dialog.focusWidget() is dialog.date_edit
        assert dialog.date_edit.text() == "01-02-2021"  # today, filled in and selected
        assert dialog.date_edit.selectedText() == "01-02-2021"
        qtbot.keyClicks(dialog.date_edit, "10-01-2021")  # replaces the selection
        qtbot.keyClick(dialog.date_edit, Qt.Key.Key_Return)

    dialogs.then(user)
    with qtbot.waitSignal(window.changed):
        click(qtbot, window.followup_button)

    # 10-01-2021 + 30 months = 10-07-2023, a Monday.
    [deadline] = window.deadline_texts()
    assert "frist 10-07-2023 – senest i praksis man 10-07-2023" in deadline
    assert "2½ år efter seneste opfølgning 10-01-2021" in deadline
    [event] = store.get_case(window.case_id).events
    assert (event.day, event.kind, event.form) == (date(2021, 1, 10), "followup", "personligt")
    assert any(t.startswith("10-01-2021 | Opfølgning | personligt | kommune") for t in history_texts(window))


def test_ctrl_r_opens_the_follow_up_dialog(qtbot, store, dialogs):
    window = open_case(qtbot, store, add_t08(store))
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    [dialog] = dialogs.opened
    assert dialog.kind_combo.currentData() == "followup"


def test_a_follow_up_in_the_future_is_refused_at_the_date_field(qtbot, store, dialogs):
    window = open_case(qtbot, store, add_t08(store))
    seen = {}

    def user(dialog):
        type_into(qtbot, dialog.date_edit, "02-02-2021")
        qtbot.keyClick(dialog.date_edit, Qt.Key.Key_Return)
        seen["error"] = dialog.boxes["day"].error()
        seen["open"] = dialog.isVisible()

    dialogs.then(user)
    with qtbot.assertNotEmitted(window.changed):
        click(qtbot, window.followup_button)
    assert seen["open"]
    assert seen["error"] == "02-02-2021 ligger i fremtiden – registrér hændelsen, når den har fundet sted"
    assert store.get_case(window.case_id).events == ()


def test_a_follow_up_before_the_hire_date_is_refused(qtbot, store, dialogs):
    window = open_case(qtbot, store, add_t08(store))
    seen = {}

    def user(dialog):
        type_into(qtbot, dialog.date_edit, "30-08-2018")
        click(qtbot, dialog.save_button)
        seen["error"] = dialog.boxes["day"].error()

    dialogs.then(user)
    click(qtbot, window.followup_button)
    assert seen["error"] == "Opfølgning 30-08-2018 ligger før ansættelse i løntilskud 31-08-2018"
    assert store.get_case(window.case_id).events == ()


def test_a_contact_counts_only_when_marked_as_a_full_follow_up(qtbot, store, dialogs):
    window = open_case(qtbot, store, add_t08(store))

    def contact(full: bool):
        def user(dialog):
            assert dialog.kind_combo.currentData() == "contact"
            assert dialog.full_check.isEnabled()
            type_into(qtbot, dialog.date_edit, "15-01-2021")
            dialog.initiator_combo.setCurrentIndex(dialog.initiator_combo.findData("arbejdsgiver"))
            dialog.full_check.setChecked(full)
            click(qtbot, dialog.save_button)

        return user

    dialogs.then(contact(False))
    click(qtbot, window.event_button)
    assert "frist 28-02-2021" in window.deadline_texts()[0]  # unchanged

    dialogs.then(contact(True))
    click(qtbot, window.event_button)
    # 15-01-2021 + 30 months = 15-07-2023, a Saturday: in practice Friday 14-07-2023.
    assert (
        "frist 15-07-2023 – senest i praksis fre 14-07-2023 (fristen 15-07-2023 er en lørdag)"
        in window.deadline_texts()[0]
    )
    contacts = [t for t in history_texts(window) if t.startswith("15-01-2021 | Henvendelse")]
    assert len(contacts) == 2
    assert sum("tæller som fuld opfølgning" in t for t in contacts) == 1


def test_correcting_a_follow_up_keeps_the_old_row_struck_through(qtbot, store, dialogs):
    case_id = add_t08(store, followups=[date(2021, 1, 10)])
    window = open_case(qtbot, store, case_id)
    assert not window.correct_button.isEnabled()  # nothing chosen yet
    select_history_row(window, "01-02-2021 | Sag oprettet")
    assert not window.correct_button.isEnabled()  # a case change is not an event
    select_history_row(window, "10-01-2021 | Opfølgning")

    def user(dialog):
        assert dialog.date_edit.text() == "10-01-2021"  # the row being corrected
        type_into(qtbot, dialog.date_edit, "12-01-2021")
        type_into(qtbot, dialog.text_edit, "Datoen var tastet forkert")
        click(qtbot, dialog.save_button)

    dialogs.then(user)
    with qtbot.waitSignal(window.changed):
        click(qtbot, window.correct_button)

    # 12-01-2021 + 30 months = 12-07-2023, a Wednesday.
    assert "frist 12-07-2023 – senest i praksis ons 12-07-2023" in window.deadline_texts()[0]
    rows = [window.history_model.index(r, 0).data(ROW_ROLE) for r in range(window.history_model.rowCount())]
    new = next(r for r in rows if r.day == date(2021, 1, 12))
    old = next(r for r in rows if r.day == date(2021, 1, 10))
    assert new.replaces == old.id and old.replaced_by == new.id
    texts = history_texts(window)
    assert any(
        t.startswith("12-01-2021 | Opfølgning (rettelse)")
        and "Retter opfølgning 10-01-2021" in t
        and "Datoen var tastet forkert" in t
        for t in texts
    )
    assert any(
        t.startswith("10-01-2021 | Opfølgning – rettet") and "Rettet til opfølgning 12-01-2021" in t for t in texts
    )
    old_row = rows.index(old)
    assert window.history_model.index(old_row, 0).data(Qt.ItemDataRole.FontRole).strikeOut()

    window.history_view.selectRow(old_row)
    assert not window.correct_button.isEnabled()  # a row is corrected once; correct the newest


def test_withdrawing_a_follow_up_registered_by_mistake(qtbot, store, dialogs):
    case_id = add_t08(store, followups=[date(2021, 1, 10)])
    window = open_case(qtbot, store, case_id)
    select_history_row(window, "10-01-2021 | Opfølgning")

    def user(dialog):
        dialog.cancel_check.setChecked(True)
        assert not dialog.date_edit.isEnabled()
        type_into(qtbot, dialog.text_edit, "Registreret på forkert sag")
        click(qtbot, dialog.save_button)

    dialogs.then(user)
    click(qtbot, window.correct_button)
    assert "frist 28-02-2021" in window.deadline_texts()[0]  # back to 30 months after hire
    assert any(t.startswith("01-02-2021 | Annulleret (registreret ved en fejl)") for t in history_texts(window))
    assert any(
        t.startswith("10-01-2021 | Opfølgning – annulleret |") and "Annulleret 01-02-2021" in t
        for t in history_texts(window)
    )


# ------------------------------------------------------------------ closing


def test_closing_starts_with_no_reason_so_enter_records_no_outcome(qtbot, store, dialogs):
    """ "Fastholdt i løntilskudsjob" is what T08's evaluation counts: never chosen for the caseworker."""
    case_id = add_t08(store)
    window = open_case(qtbot, store, case_id)
    seen = {}

    def user(dialog):
        seen["shown"] = dialog.reason_combo.currentText()
        click(qtbot, dialog.ok_button)  # Enter at once
        seen["error"] = dialog.boxes["reason"].error()

    dialogs.then(user)
    click(qtbot, window.close_case_button)

    assert seen["shown"] == "Vælg årsag …"
    assert seen["error"] == "Vælg årsagen på listen."
    case = store.get_case(case_id)
    assert (case.status, case.end_reason) == ("aktiv", "")


def test_close_a_case_with_a_reason(qtbot, store, dialogs):
    case_id = add_t08(store)
    window = open_case(qtbot, store, case_id)
    seen = {}

    def user(dialog):
        dialog.reason_combo.setCurrentIndex(dialog.reason_combo.findData("andet"))
        click(qtbot, dialog.ok_button)  # 'andet' needs a text
        seen["text"] = dialog.boxes["text"].error()
        type_into(qtbot, dialog.text_edit, "Flyttet til udlandet")
        type_into(qtbot, dialog.date_edit, "05-02-2021")
        click(qtbot, dialog.ok_button)
        seen["day"] = dialog.boxes["day"].error()
        type_into(qtbot, dialog.date_edit, "29-01-2021")
        click(qtbot, dialog.ok_button)

    dialogs.then(user)
    with qtbot.waitSignal(window.changed):
        click(qtbot, window.close_case_button)

    assert seen["text"] == "Skriv årsagen, når den er 'andet'"
    assert seen["day"] == "05-02-2021 ligger i fremtiden – en sag afsluttes på eller før i dag"
    case = store.get_case(case_id)
    assert (case.status, case.end_reason) == (CLOSED, "andet")
    assert store.deadlines(TODAY) == []
    assert window.deadline_texts() == ["Sagen er afsluttet; der beregnes ingen frister."]
    assert "afsluttet 29-01-2021: andet – Flyttet til udlandet" in window.status_label.text()
    assert not window.followup_button.isEnabled()
    assert window.close_case_button.text() == "Gen&åbn sag"


def test_a_closed_case_can_be_reopened(qtbot, store, message_boxes):
    case_id = add_t08(store)
    store.close_case(case_id, reason="fastholdt i løntilskudsjob", day=TODAY)
    window = open_case(qtbot, store, case_id)
    message_boxes.answer(QMessageBox.StandardButton.Yes)
    click(qtbot, window.close_case_button)
    assert message_boxes.asked[-1].title == "Genåbn sag"
    assert message_boxes.asked[-1].buttons == {
        QMessageBox.StandardButton.Yes: "&Ja",
        QMessageBox.StandardButton.No: "&Nej",
    }
    assert message_boxes.asked[-1].enter == QMessageBox.StandardButton.Yes  # reopening loses nothing
    assert store.get_case(case_id).status == "aktiv"
    assert "frist 28-02-2021" in window.deadline_texts()[0]


# ------------------------------------------------------------------ the rest


def test_journal_note_opens_on_the_chosen_event(qtbot, store, dialogs):
    case_id = add_t08(store, followups=[date(2021, 1, 10)])
    window = open_case(qtbot, store, case_id)
    select_history_row(window, "10-01-2021 | Opfølgning")
    click(qtbot, window.note_button)
    [note_window] = dialogs.opened
    assert note_window.case_id == case_id
    assert note_window.windowTitle() == "Journalnotat – Jens Hansen (2018-0831)"


def test_a_long_text_is_shortened_in_the_history_and_whole_in_the_tooltip(qtbot, store):
    case_id = add_t08(store)
    long_text = "Samtale med borger og leder i kantinen.\n\n" + "Borgeren trives. " * 30
    store.add_event(case_id, day=date(2021, 1, 10), kind="followup", text=long_text)
    window = open_case(qtbot, store, case_id)
    row = select_history_row(window, "10-01-2021 | Opfølgning")
    shown = window.history_model.index(row, 4).data()
    assert shown.startswith("Samtale med borger og leder i kantinen. Borgeren trives.")
    assert shown.endswith(" …") and len(shown) <= 142
    assert long_text in window.history_model.index(row, 4).data(Qt.ItemDataRole.ToolTipRole)


def test_the_event_dialog_is_named_by_the_button_that_opened_it(qtbot, store, dialogs):
    # "Registrer opfølgning" opened a dialog titled "Registrer hændelse – …" (a tester).
    window = open_case(qtbot, store, add_t08(store))
    click(qtbot, window.followup_button)
    click(qtbot, window.event_button)
    first, second = dialogs.opened
    assert first.windowTitle() == "Registrer opfølgning – Jens Hansen (2018-0831)"
    assert second.windowTitle() == "Registrer hændelse – Jens Hansen (2018-0831)"


def test_print_plan_opens_the_plan_dialog_for_the_case(qtbot, store, dialogs):
    window = open_case(qtbot, store, add_t08(store))
    click(qtbot, window.print_button)
    [dialog] = dialogs.opened
    assert "Jens Hansen" in dialog.windowTitle()


def test_history_model_passes_qt_model_tester(qtbot, qtlog, store):
    case_id = add_t08(store, followups=[date(2021, 1, 10)])
    store.add_event(case_id, day=date(2021, 1, 12), kind="followup", replaces=store.history(case_id)[0].id)
    window = open_case(qtbot, store, case_id)
    tester = watch_model(window.history_model)  # kept: the reset below is checked too
    assert window.history_model.rowCount() == 3
    window.load()  # a reset under the tester
    assert tester.model() is window.history_model
    assert_no_model_failures(qtlog)


@pytest.mark.parametrize("demo_citizen", ["Lars Pedersen", "Henrik Christensen", "Lone Andersen"])
def test_demo_cases_open(qtbot, tmp_path, demo_citizen):
    from caseworker_app.store import CaseStore
    from caseworker_app.store.demo import create_demo_database

    day = date(2026, 11, 23)
    create_demo_database(tmp_path / "demo.db", day)
    with CaseStore(tmp_path / "demo.db", clock=lambda: day) as demo:
        case = next(c for c in demo.list_cases() if c.citizen == demo_citizen)
        window = open_case(qtbot, demo, case.id, today=lambda: day)
        assert window.history_model.rowCount() >= 2
        assert window.deadline_texts()
        window.close()


def test_moving_a_case_to_another_trial_asks_before_its_dates_are_removed(qtbot, store, message_boxes):
    case_id = add_t08(store)
    window = open_case(qtbot, store, case_id)
    window.trial_combo.setCurrentIndex(window.trial_combo.findData("T16"))
    type_into(qtbot, window.date_boxes["absence_start"].editor, "07-01-2019")
    assert window.followup_button.isEnabled()  # still the saved T08 case until it is saved
    click(qtbot, window.save_button)  # the 'user' answers No
    kind, title, text = message_boxes.calls[-1]
    assert title == "Skift forsøg?"
    assert message_boxes.asked[-1].buttons == {
        QMessageBox.StandardButton.Yes: "&Ja",
        QMessageBox.StandardButton.No: "&Nej",
    }
    assert message_boxes.asked[-1].enter == QMessageBox.StandardButton.No  # Enter removes no dates
    assert "Sagen flyttes fra forsøg T08 til T16" in text
    assert "ansættelse i løntilskud 31-08-2018" in text
    assert store.get_case(case_id).trial_id == "T08"
    message_boxes.answer(QMessageBox.StandardButton.Yes)
    click(qtbot, window.save_button)
    case = store.get_case(case_id)
    assert (case.trial_id, dict(case.dates)) == ("T16", {"absence_start": date(2019, 1, 7)})


def test_the_dates_a_move_removes_are_named_as_the_window_labelled_them(qtbot, store, message_boxes):
    # T07's date is labelled 'Start på ressourceforløb' here; the question said 'visitation'.
    case_id = store.create_case(
        citizen="Mette Holm", case_ref="2020-0910", trial_id="T07", dates={"visitation": date(2020, 9, 10)}
    )
    window = open_case(qtbot, store, case_id)
    window.trial_combo.setCurrentIndex(window.trial_combo.findData("T08"))
    type_into(qtbot, window.date_boxes["hire"].editor, "01-10-2020")
    click(qtbot, window.save_button)  # the 'user' answers No
    kind, title, text = message_boxes.calls[-1]
    assert title == "Skift forsøg?"
    assert "fjernes fra sagen (de står fortsat i historikken): start på ressourceforløb 10-09-2020." in text
    assert store.get_case(case_id).trial_id == "T07"


def test_tab_leaves_the_history_for_its_buttons(qtbot, store):
    # A table walks its cells on Tab by default: 30 presses stayed in the history.
    case_id = add_t08(store, followups=(date(2019, 2, 1),))
    window = open_case(qtbot, store, case_id)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.history_view.setFocus()
    from PySide6.QtWidgets import QApplication, QPushButton

    assert QApplication.focusWidget() is window.history_view
    qtbot.keyClick(window.history_view, Qt.Key.Key_Tab)

    focused = QApplication.focusWidget()
    assert focused is not window.history_view
    assert isinstance(focused, QPushButton) and focused.window() is window


def test_ledig_siden_says_when_the_18_months_condition_does_not_hold(qtbot, store):
    # Unemployed since 01-01-2018, praktik from 08-03-2021: 38 months and 7 days, not under 18.
    case_id = store.create_case(
        citizen="Susanne Berg",
        case_ref="2021-0109",
        trial_id="T09",
        dates={"praktik_start": date(2021, 3, 8), "unemployed_since": date(2018, 1, 1)},
    )
    window = open_case(qtbot, store, case_id, today=lambda: date(2021, 3, 10))
    hint = window.date_boxes["unemployed_since"].hint_label.text()
    assert hint.startswith("⚠ Betingelsen »Ledighedsperioden er under 18 måneder« er ikke opfyldt: ")
    assert "er 38 måneder og 7 dage" in hint
    # Corrected to 01-10-2019 (17 months and 7 days): the warning goes.
    window.date_boxes["unemployed_since"].editor.setText("01-10-2019")
    window.date_boxes["unemployed_since"].editor.editingFinished.emit()
    assert window.date_boxes["unemployed_since"].hint_label.text() == ""


def test_a_hire_date_in_the_future_is_saved_with_a_warning_at_its_field(qtbot, store):
    # Today 01-02-2021; the hire date typed with a year too many: 01-03-2022. A planned hire may
    # rightly lie ahead, so it is saved, but the field says the deadlines count from it.
    window = new_case(qtbot, store)
    type_into(qtbot, window.citizen_edit, "Jens Hansen")
    type_into(qtbot, window.case_ref_edit, "2021-0301")
    type_into(qtbot, window.date_boxes["hire"].editor, "01-03-2022")
    with qtbot.waitSignal(window.changed):
        click(qtbot, window.save_button)
    [case] = store.list_cases()
    assert case.dates == {"hire": date(2022, 3, 1)}
    hint = window.date_boxes["hire"].hint_label
    assert hint.isVisible()
    shown = hint.text().replace("\u2011", "-")  # dates are shown with non-breaking hyphens
    assert shown == "⚠ 01-03-2022 ligger i fremtiden – er årstallet rigtigt? Fristerne regnes fra den."
    # Corrected to 01-03-2020: the warning goes.
    type_into(qtbot, window.date_boxes["hire"].editor, "01-03-2020")
    window.date_boxes["hire"].editor.editingFinished.emit()
    assert not hint.text().startswith("⚠")


def test_a_new_cases_deadline_is_seen_whole_once_it_is_saved(qtbot, store):
    # The pane was sized for 'Fristerne vises, når sagen er gemt.'; the saved case's deadline
    # (with its reason, rule and reference) needs more lines, and the pane grows to show them.
    from PySide6.QtWidgets import QLabel

    window = new_case(qtbot, store)
    window.resize(1200, 700)
    small = window.right.sizes()[0]
    type_into(qtbot, window.citizen_edit, "Jens Hansen")
    type_into(qtbot, window.case_ref_edit, "2018-0831")
    type_into(qtbot, window.date_boxes["hire"].editor, "31-08-2018")
    with qtbot.waitSignal(window.changed):
        click(qtbot, window.save_button)
    needed = window.deadlines.needed_height()
    assert needed > small
    assert window.right.sizes()[0] >= needed
    shown = [label.text() for label in window.deadlines.findChildren(QLabel) if label.isVisible()]
    assert not any("Fristerne vises, når sagen er gemt." in text for text in shown)


def test_closing_a_case_gives_the_history_the_room_its_deadline_had(qtbot, store):
    # Open, the deadline's box needs several lines; closed, one sentence: the pane shrinks to it,
    # unless the caseworker dragged it to a height of their own.
    case_id = add_t08(store)
    window = open_case(qtbot, store, case_id)
    window.resize(1200, 700)
    window._size_deadline_pane()
    open_height = window.right.sizes()[0]
    store.close_case(case_id, reason="fastholdt i løntilskudsjob", day=date(2021, 2, 1))
    window.load()
    assert window.right.sizes()[0] < open_height
    assert window.right.sizes()[0] >= window.deadlines.needed_height()
    # Reopened, the pane grows again; dragged by the caseworker, a closing keeps their height.
    store.reopen_case(case_id)
    window.load()
    assert window.right.sizes()[0] == open_height
    window.right.splitterMoved.emit(open_height, 1)  # as a drag of the handle reports itself
    store.close_case(case_id, reason="fastholdt i løntilskudsjob", day=date(2021, 2, 1))
    window.load()
    assert window.right.sizes()[0] == open_height


def test_a_case_whose_trial_file_is_gone_opens_and_says_why(qtbot, tmp_path):
    import shutil

    from caseworker_app.core.catalog_load import load_catalog
    from caseworker_app.paths import resources_dir
    from caseworker_app.store import CaseStore

    path = tmp_path / "sager.db"
    with CaseStore(path, clock=lambda: TODAY) as full:
        case_id = add_t08(full)
    folder = tmp_path / "trials"
    shutil.copytree(resources_dir() / "trials", folder)
    (folder / "T08.toml").unlink()
    with CaseStore(path, catalog=load_catalog(folder), clock=lambda: TODAY) as store:
        window = open_case(qtbot, store, case_id)
        assert window.trial_combo.currentText() == "T08 (findes ikke i kataloget)"
        assert window.deadline_texts() == ["Fristerne kan ikke beregnes: forsøg T08 findes ikke i forsøgskataloget."]
        window.close()


@pytest.mark.parametrize(
    ("today", "ends", "applies"),
    [(date(2025, 12, 1), "slutter", "gælder"), (date(2026, 2, 1), "sluttede", "gjaldt")],
)
def test_the_trial_rules_own_date_is_said_in_the_tense_of_the_day_shown(qtbot, store, today, ends, applies):
    # Hired 15-03-2024: the trial rule gives 15-03-2024 + 30 months = 15-09-2026, after T08's end
    # 31-12-2025; the ordinary 15-09-2024 had passed, so the deadline is the day after the end.
    case_id = add_t08(store, hire=date(2024, 3, 15))
    window = open_case(qtbot, store, case_id, today=lambda: today)
    [deadline] = window.deadline_texts()
    assert "frist 01-01-2026" in deadline
    assert f"Hvorfor: Forsøget {ends} 31-12-2025: " in deadline
    assert (
        f"Bemærk: Efter forsøgsreglen ville fristen være 15-09-2026, men forsøget {applies} kun til og med "
        "31-12-2025; derefter gælder den almindelige regel."
    ) in deadline


def test_a_long_deadline_text_leaves_the_history_some_rows_on_a_low_window(qtbot, store):
    """Found by a tester at 1366×768 with 150 %: a T16 case's deadline text (with the reform's
    caution) took the room, and the history showed one row."""
    case_id = store.create_case(
        citizen="Pia Poulsen",
        case_ref="2020-0484",
        trial_id="T16",
        dates={"absence_start": date(2020, 10, 9), "agreed": date(2021, 2, 21)},
    )
    store.add_event(case_id, day=date(2021, 1, 2), kind="followup", text="Delvis raskmelding drøftet.")
    window = CaseWindow(store, case_id, today=lambda: TODAY)
    qtbot.addWidget(window)
    window.resize(900, 400)
    window.show()
    qtbot.waitExposed(window)
    view = window.history.view
    rows = view.verticalHeader().defaultSectionSize()
    assert view.viewport().height() >= 2 * rows


def press_alt(qtbot, window, key) -> None:
    """Alt+letter as the keyboard sends it, to the widget with the focus (a button's is clicked
    100 ms later, as Qt does)."""
    from PySide6.QtWidgets import QApplication

    qtbot.keyClick(QApplication.focusWidget() or window, key, Qt.KeyboardModifier.AltModifier)
    qtbot.wait(150)


def press_ctrl_r(qtbot, window) -> None:
    from PySide6.QtWidgets import QApplication

    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)


def active(qtbot, window) -> None:
    """The window in front, its labels shown (a label a layout takes in is shown from the event loop)."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.wait(1)


def add_t18(store) -> int:
    return store.create_case(
        citizen="Tina Møller", case_ref="2015-0302", trial_id="T18", dates={"praktik_start": date(2015, 3, 2)}
    )


def test_in_a_trial_without_follow_ups_the_button_says_registrer_haendelse(qtbot, store, dialogs):
    """A tester: "Registrer opfølgning" on a T18 case (its only event: "Praktik afsluttet") opened
    "Registrer hændelse – …". The button says what it opens; the second button, which opened the
    same, is not shown, so Alt+H is the one button's."""
    window = open_case(qtbot, store, add_t18(store))
    active(qtbot, window)
    assert window.followup_button.text() == "Registrer &hændelse …"
    assert window.followup_button.isEnabled() and not window.event_button.isVisible()
    press_alt(qtbot, window, Qt.Key.Key_H)
    assert [d.windowTitle() for d in dialogs.opened] == ["Registrer hændelse – Tina Møller (2015-0302)"]
    active(qtbot, window)
    press_ctrl_r(qtbot, window)
    assert [d.windowTitle() for d in dialogs.opened] == ["Registrer hændelse – Tina Møller (2015-0302)"] * 2
    assert dialogs.opened[0].kind_combo.currentText() == "Praktik afsluttet"

    # A trial with follow-ups keeps both buttons, Alt+O the follow-up's.
    t08 = open_case(qtbot, store, add_t08(store))
    active(qtbot, t08)
    assert t08.followup_button.text() == "Registrer &opfølgning" and t08.event_button.isVisible()
    press_alt(qtbot, t08, Qt.Key.Key_O)
    assert dialogs.opened[-1].windowTitle() == "Registrer opfølgning – Jens Hansen (2018-0831)"


def test_gem_and_annuller_of_the_event_dialog_have_alt_letters(qtbot, store, dialogs):
    """The case window and "Gem ændringer?" have &Gem and &Annuller; the event dialog had none."""
    case_id = add_t08(store)
    window = open_case(qtbot, store, case_id)

    def cancel(dialog) -> None:
        active(qtbot, dialog)
        assert [b.text() for b in dialog.buttons.buttons()] == ["&Gem", "&Annuller"]
        type_into(qtbot, dialog.date_edit, "15-01-2021")
        press_alt(qtbot, dialog, Qt.Key.Key_A)

    def save(dialog) -> None:
        active(qtbot, dialog)
        type_into(qtbot, dialog.date_edit, "15-01-2021")
        press_alt(qtbot, dialog, Qt.Key.Key_G)

    dialogs.then(cancel)
    dialogs.then(save)
    click(qtbot, window.followup_button)
    assert [e.day for e in store.history(case_id) if e.kind == "followup"] == []
    click(qtbot, window.followup_button)
    assert [e.day for e in store.history(case_id) if e.kind == "followup"] == [date(2021, 1, 15)]


@pytest.mark.parametrize(
    ("trial", "letters"),
    [
        ("T08", {"Ansættelse &i løntilskud:": Qt.Key.Key_I, "Tilbud om a&nsættelse med løntilskud (valgfri):": None}),
        ("T16", {"F&ørste fraværsdag:": Qt.Key.Key_Ooblique, "&Næste aftalte opfølgning (valgfri):": Qt.Key.Key_N}),
        ("T18", {"&Praktikstart:": Qt.Key.Key_P}),
    ],
)
def test_the_date_fields_have_alt_letters_that_reach_them(qtbot, store, trial, letters):
    """Every other field of the case form had an Alt-letter; the trial's date fields had none."""
    window = new_case(qtbot, store)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.trial_combo.setCurrentIndex(window.trial_combo.findData(trial))
    active(qtbot, window)
    labels = [window.form.form.labelForField(box) for box in window.date_boxes.values()]
    assert [label.text() for label in labels] == list(letters)
    for box, key in zip(window.date_boxes.values(), letters.values(), strict=True):
        if key is not None:
            window.citizen_edit.setFocus()
            press_alt(qtbot, window, key)
            assert window.focusWidget() is box.editor


def test_a_t04_case_without_either_date_is_asked_for_one_of_them(qtbot, store):
    # T04's rules count from the agreed review (the trial's) or the visitation (the ordinary rule's):
    # either will do (during the trial, 01-02-2021, the window then asks for the agreed date), neither
    # is refused at the first of the two fields.
    window = open_case(qtbot, store, None)
    window.trial_combo.setCurrentIndex(window.trial_combo.findData("T04"))
    type_into(qtbot, window.citizen_edit, "Lone Madsen")
    type_into(qtbot, window.case_ref_edit, "2026-0104")
    click(qtbot, window.save_button)
    assert window.date_boxes["agreed"].error() == (
        "Skriv mindst én af datoerne »Fritagelsen vurderes igen« og »Visiteret som aktivitetsparat (ret og "
        "pligt til mentor)«: sagens frister regnes fra dem"
    )
    assert store.list_cases() == []
    type_into(qtbot, window.date_boxes["visitation"].editor, "11-01-2021")
    click(qtbot, window.save_button)
    assert [c.trial_id for c in store.list_cases()] == ["T04"]
