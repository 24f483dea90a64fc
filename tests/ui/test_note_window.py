"""The journal-note window as a caseworker uses it: fill in, copy to FASIT, see it in the history;
and the municipality's own template."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

from caseworker_app.core.history import JOURNAL_NOTE
from caseworker_app.store import CaseStore
from caseworker_app.ui.notes import NoteWindow
from tests.core.test_notes import FREE_TEXT, REASON
from tests.note_cases import note_database
from tests.reference import REFERENCE_DIR


def reference(name: str) -> str:
    with (REFERENCE_DIR / "notes" / name).open(encoding="utf-8", newline="") as file:
        return file.read().removesuffix("\n")


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "sager.db"
    ids = note_database(path)
    store = CaseStore(path)
    yield store, ids
    store.close()


def open_window(qtbot, store, case_id, today, **kwargs):
    window = NoteWindow(store, case_id, today=lambda: today, **kwargs)
    qtbot.addWidget(window)
    window.show()
    return window


def click(qtbot, button):
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_copy_puts_the_note_on_the_clipboard_with_windows_line_breaks(qtbot, db):
    store, ids = db
    window = open_window(qtbot, store, ids["T08"], date(2021, 6, 15), situation="opfoelgning")
    assert window.event_date_edit.text() == "10-01-2021"  # the follow-up registered on the case
    window.free_text_edit.setPlainText(FREE_TEXT["T08", "opfoelgning"])
    assert window.copy_button.isEnabled()

    click(qtbot, window.copy_button)

    copied = QApplication.clipboard().text()
    assert copied == reference("T08_opfoelgning.txt").replace("\n", "\r\n")
    assert copied.count("\r\n") == 10 and "\n" not in copied.replace("\r\n", "")  # 11 lines
    assert "text/html" not in QApplication.clipboard().mimeData().formats()  # plain text only
    assert "Kopieret og gemt i sagens historik" in window.status_label.text()


def test_copy_is_disabled_until_the_reason_is_filled_in(qtbot, db):
    store, ids = db
    window = open_window(qtbot, store, ids["T07"], date(2020, 1, 6), situation="plan_ikke_justeret")
    assert window.reason_label.text() == "&Begrundelse: *"
    assert window.reason_edit.isVisible() and not window.free_text_edit.isVisible()
    assert not window.copy_button.isEnabled()
    assert window.status_label.text() == ("⚠ Udfyld før notatet kan kopieres: begrundelse.")
    assert "Begrundelse for, at indsatsplanen ikke justeres: [mangler: begrundelse]" in (window.note_edit.toPlainText())

    qtbot.keyClicks(window.reason_edit, REASON["T07", "plan_ikke_justeret"])

    assert window.copy_button.isEnabled()
    assert window.status_label.text() == "✓ Klar til at kopiere."
    assert window.note_edit.toPlainText() == reference("T07_plan_ikke_justeret.txt")


def test_the_copied_note_appears_in_the_case_history(qtbot, db):
    store, ids = db
    window = open_window(qtbot, store, ids["T07"], date(2020, 1, 6), situation="plan_ikke_justeret")
    window.reason_edit.setPlainText("Stabilt behandlingsforløb.")
    window.note_edit.setPlainText(window.note_edit.toPlainText() + "\nTilføjet i hånden.")
    assert window.hand_label.isVisible()
    # True with the fields shown or hidden (no "ovenfor" about fields that may not be there).
    assert window.hand_label.text() == "Teksten er rettet i hånden; felterne ændrer den ikke længere."

    click(qtbot, window.copy_button)
    click(qtbot, window.copy_button)  # the same note copied twice is kept once

    notes = [row for row in store.history(ids["T07"]) if row.kind == JOURNAL_NOTE]
    assert len(notes) == 1
    (row,) = notes
    assert (row.day, row.situation, row.label) == (date(2020, 1, 6), "plan_ikke_justeret", "journalnotat")
    assert row.text == window.note_edit.toPlainText()
    assert row.text.endswith("Tilføjet i hånden.") and "\r" not in row.text
    assert QApplication.clipboard().text() == row.text.replace("\n", "\r\n")
    # A journal note is not an event: the deadlines do not move.
    assert [e.kind for e in store.get_case(ids["T07"]).events] == ["plan_adjusted", "plan_not_adjusted"]


def test_a_hand_edited_note_with_a_gap_left_cannot_be_copied(qtbot, db):
    store, ids = db
    window = open_window(qtbot, store, ids["T07"], date(2020, 1, 6), situation="plan_ikke_justeret")
    window.note_edit.setPlainText(window.note_edit.toPlainText() + "\nEkstra linje.")
    window.reason_edit.setPlainText("Begrundet.")  # the field is filled, the text still has the gap
    assert not window.copy_button.isEnabled()
    assert "Teksten har stadig [mangler: …]" in window.status_label.text()

    click(qtbot, window.regenerate_button)

    assert window.copy_button.isEnabled()
    assert "Begrundelse for, at indsatsplanen ikke justeres: Begrundet." in (window.note_edit.toPlainText())


def test_the_event_date_hint_says_what_the_case_has_once_another_date_is_typed(qtbot, db):
    store, ids = db
    window = open_window(qtbot, store, ids["T08"], date(2021, 6, 15), situation="opfoelgning")
    box = window.inputs.boxes["event_date"]

    def hint() -> str:
        return box.hint_label.text().replace("\u2011", "-")  # dates are kept on one line

    assert window.event_date_edit.text() == "10-01-2021"
    assert hint() == "Udfyldt med sagens seneste 'opfølgning'; kan rettes."
    window.event_date_edit.setText("15-06-2021")  # a follow-up held today, not on the case
    assert hint() == "Sagens seneste 'opfølgning' er 10-01-2021."
    window.event_date_edit.setText("")
    assert hint() == "Sagens seneste 'opfølgning' er 10-01-2021."
    window.event_date_edit.setText("10-01-2021")
    assert hint() == "Udfyldt med sagens seneste 'opfølgning'; kan rettes."


def test_opened_from_an_event_the_note_is_about_that_event(qtbot, db):
    store, ids = db
    contact = next(r for r in store.history(ids["T08"]) if r.kind == "contact")
    window = open_window(qtbot, store, ids["T08"], date(2021, 6, 20), event_id=contact.id)
    assert window.situation() == "henvendelse"
    assert window.situation_combo.currentText() == "Henvendelse mellem opfølgninger"
    assert window.event_date_edit.text() == "15-06-2021"
    window.free_text_edit.setPlainText("Arbejdsgiver ringede.")
    assert "Henvendelse 15-06-2021 fra arbejdsgiveren mellem" in (window.note_edit.toPlainText())


def test_template_editor_rejects_an_unknown_field_and_saves_nothing(qtbot, db):
    store, ids = db
    window = open_window(qtbot, store, ids["T08"], date(2021, 6, 15), situation="opfoelgning")
    window.tabs.setCurrentIndex(1)
    window.template_edit.setPlainText("Opfølgning med $ukendt.\nHjemmel: $citation.")
    assert "⚠ Ukendt felt $ukendt i linje 1." in window.template_errors.text()

    click(qtbot, window.save_template_button)

    assert window.template_errors.text() == "⚠ Ukendt felt $ukendt i linje 1."
    assert store.note_template("T08", "opfoelgning") is None
    assert store.note_template_history("T08", "opfoelgning") == []


def test_saved_template_is_used_and_restore_brings_back_the_standard(qtbot, db):
    store, ids = db
    window = open_window(qtbot, store, ids["T08"], date(2021, 6, 15), situation="opfoelgning")
    window.tabs.setCurrentIndex(1)
    assert not window.restore_button.isEnabled()
    window.template_edit.setPlainText("Samtale $event_date med $citizen.\nHjemmel: $citation.")

    click(qtbot, window.save_template_button)

    assert window.template_errors.text() == "✓ Gemt. Notatet bruger nu kommunens skabelon."
    assert "kommunens egen, gemt" in window.template_title.text()
    assert not window.free_text_edit.isVisible()  # the municipality's text has no $free_text
    assert window.note_edit.toPlainText() == (
        "Samtale 10-01-2021 med Jens Hansen.\nHjemmel: Bekendtgørelse om frikommuneforsøg II "
        "på beskæftigelses- og sygedagpengeområdet (BEK nr. 529 af 23/05/2018)."
    )
    assert window.copy_button.isEnabled()

    click(qtbot, window.restore_button)

    assert store.note_template("T08", "opfoelgning") is None
    assert window.template_edit.toPlainText().startswith("Opfølgning – førtidspensionist")
    assert window.note_edit.toPlainText().startswith("Opfølgning – førtidspensionist")
    assert not window.copy_button.isEnabled()  # the standard asks for the caseworker's own text


def test_names_missing_from_the_settings_are_asked_for_where_they_are_set(qtbot, tmp_path):
    store = CaseStore(tmp_path / "tom.db")
    case_id = store.create_case(
        citizen="Bo Ravn", case_ref="2019-1", trial_id="T07", dates={"visitation": date(2019, 1, 10)}
    )
    try:
        window = open_window(qtbot, store, case_id, date(2019, 7, 8), situation="forsoeg_anvendt")
        window.free_text_edit.setPlainText("Tilbud fastlagt efter behov.")
        assert not window.copy_button.isEnabled()
        assert window.status_label.text() == (
            "⚠ Udfyld før notatet kan kopieres: sagsbehandlerens navn; kommunens navn. "
            "Dit og kommunens navn skrives under Indstillinger."
        )
    finally:
        store.close()


def t09_store(tmp_path, unemployed_since):
    store = CaseStore(tmp_path / "t09.db", clock=lambda: date(2021, 3, 8))
    settings = store.settings()
    settings.caseworker_name, settings.municipality = "Anne Jensen", "Vesthimmerlands Kommune"
    store.save_settings(settings)
    dates = {"praktik_start": date(2021, 3, 8)}
    if unemployed_since:
        dates["unemployed_since"] = unemployed_since
    case_id = store.create_case(citizen="Susanne Berg", case_ref="2021-0109", trial_id="T09", dates=dates)
    return store, case_id


def test_conditions_the_dates_cannot_show_are_confirmed_one_by_one(qtbot, tmp_path):
    store, case_id = t09_store(tmp_path, None)
    window = open_window(qtbot, store, case_id, date(2021, 3, 8), situation="praktik_start")
    window.free_text_edit.setPlainText("Praktik hos Aars Tømrer ApS.")
    assert [name for name, box in window.confirm_boxes.items() if box.isVisible()] == [
        "ledighed",
        "visiteret",
        "formaal",
    ]
    # The lengthening's box (decision 19) is there, hidden: no end past the 4 weeks is registered.
    assert not window.confirm_boxes["praktik_forlaenget"].isVisible()
    assert window.confirm_panel.isVisible()
    assert not window.copy_button.isEnabled()
    assert "bekræftelse af betingelserne: Ledighedsperioden er under 18 måneder" in window.status_label.text()
    for box in window.confirm_boxes.values():
        box.setChecked(True)
    assert window.copy_button.isEnabled()
    assert "- Ledighedsperioden er under 18 måneder (bekræftet af sagsbehandleren).\n" in window.note_text()
    store.close()


def test_an_assessment_is_ticked_as_the_caseworkers_own(qtbot, tmp_path):
    # T01 (decision 15): "sagen er tilstrækkeligt lægeligt belyst" is the caseworker's assessment.
    ids = note_database(tmp_path / "t01.db", ("T01",))
    store = CaseStore(tmp_path / "t01.db")
    window = open_window(qtbot, store, ids["T01"], date(2019, 3, 15), situation="forsoeg_anvendt")
    window.free_text_edit.setPlainText("Egen læges journal fra 2019 beskriver skaden.")
    [box] = window.confirm_boxes.values()
    [label] = window.confirm_panel.labels.values()
    assert label.text() == "Sagen er tilstrækkeligt lægeligt belyst (din vurdering)"
    assert box.accessibleName() == "Sagen er tilstrækkeligt lægeligt belyst (din vurdering)"
    assert window.confirm_panel.isVisible()
    assert window.confirm_panel.hint.text() == (
        "Sæt kun hak, når det er din vurdering; notatet skriver »sagsbehandlerens vurdering«."
    )
    assert not window.copy_button.isEnabled()
    box.setChecked(True)
    assert window.copy_button.isEnabled()
    assert "- Sagen er tilstrækkeligt lægeligt belyst (sagsbehandlerens vurdering).\n" in window.note_text()
    store.close()


def test_long_conditions_wrap_on_a_small_screen_and_are_ticked_with_the_keyboard(qtbot, tmp_path):
    # A laptop at 1366×768 with 150 %: about 911×440 for the window. A check box does not wrap:
    # T09's "formaal" made the fields 990 wide in a pane of 853, cut off at "(timetal, intens".
    store, case_id = t09_store(tmp_path, None)
    window = open_window(qtbot, store, case_id, date(2021, 3, 8), situation="praktik_start")
    window.resize(911, 440)
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isAncestorOf(QApplication.focusWidget()))
    window.free_text_edit.setPlainText("Praktik hos Aars Tømrer ApS.")
    QApplication.processEvents()
    scroll = window.inputs_scroll
    room = scroll.viewport().width()
    assert scroll.horizontalScrollBar().maximum() == 0  # nothing reached only by scrolling sideways
    for widget in (window.situation_combo, window.free_text_edit, *window.confirm_panel.labels.values()):
        assert widget.mapTo(scroll.viewport(), widget.rect().topRight()).x() < room, widget
    labels = window.confirm_panel.labels
    assert {name: label.text() for name, label in labels.items() if label.isVisible()} == {
        "ledighed": "Ledighedsperioden er under 18 måneder",
        "visiteret": "Borgeren er visiteret til fleksjob og modtager ledighedsydelse",
        "formaal": "Praktikken varer 2-4 uger og sker med henblik på ansættelse i et konkret fleksjob for at "
        "vurdere arbejdsevnen i fleksjobbet (timetal, intensitet og skånehensyn)",
    }
    formaal = labels["formaal"]
    assert formaal.height() >= formaal.heightForWidth(formaal.width())  # every wrapped line shown
    assert formaal.height() > formaal.fontMetrics().lineSpacing() * 1.5  # on more than one line
    assert window.confirm_boxes["formaal"].accessibleName() == formaal.text()

    # Alt+R (Bekræft) goes to the first box, Space ticks it, Tab goes on to the next.
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is window.confirm_boxes["ledighed"]
    for name in ("ledighed", "visiteret", "formaal"):
        assert QApplication.focusWidget() is window.confirm_boxes[name]
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert window.confirm_panel.confirmed() == ("ledighed", "visiteret", "formaal")
    assert (
        "- Praktikken varer 2-4 uger og sker med henblik på ansættelse i et konkret fleksjob for at vurdere "
        "arbejdsevnen i fleksjobbet (timetal, intensitet og skånehensyn) (bekræftet af sagsbehandleren).\n"
    ) in window.note_text()
    assert window.copy_button.isEnabled()

    # A click on the text toggles its box, as on a check box's own text.
    click(qtbot, formaal)
    assert not window.confirm_boxes["formaal"].isChecked()
    assert "(timetal, intensitet og skånehensyn) (bekræftet af sagsbehandleren)" not in window.note_text()
    store.close()


def test_a_condition_the_dates_show_false_stops_the_note(qtbot, tmp_path):
    # Unemployed since 08-08-2019, praktik from 08-03-2021: 19 months, not under 18.
    store, case_id = t09_store(tmp_path, date(2019, 8, 8))
    window = open_window(qtbot, store, case_id, date(2021, 3, 8), situation="praktik_start")
    assert not window.confirm_boxes["ledighed"].isVisible()  # computed, not confirmed
    assert not window.copy_button.isEnabled()
    assert window.note_text() == ""
    assert "er 19 måneder, så forsøget kan ikke bruges" in window.status_label.text()
    store.close()


def test_a_hand_edited_note_is_not_replaced_without_asking(qtbot, db, message_boxes):
    from PySide6.QtWidgets import QMessageBox

    store, ids = db
    window = open_window(qtbot, store, ids["T08"], date(2021, 6, 15), situation="opfoelgning")
    window.free_text_edit.setPlainText("Samtale på arbejdspladsen.")
    window.note_edit.appendPlainText("Min egen tilføjelse.")
    edited = window.note_text()
    # The caseworker picks another situation and answers No: the situation and the text stay.
    window.situation_combo.setCurrentIndex(window.situation_combo.findData("henvendelse"))
    assert message_boxes.calls[-1][1] == "Lav notatet forfra?"
    assert message_boxes.asked[-1].buttons == {
        QMessageBox.StandardButton.Yes: "&Ja",
        QMessageBox.StandardButton.No: "&Nej",
    }
    assert window.situation() == "opfoelgning"
    assert window.note_text() == edited
    # Yes: the note is made anew for the new situation.
    message_boxes.answer(QMessageBox.StandardButton.Yes)
    window.situation_combo.setCurrentIndex(window.situation_combo.findData("henvendelse"))
    assert window.situation() == "henvendelse"
    assert "Min egen tilføjelse." not in window.note_text()


def test_closing_with_a_note_not_yet_copied_asks_first(qtbot, db, message_boxes):
    store, ids = db
    window = open_window(qtbot, store, ids["T08"], date(2021, 6, 15), situation="opfoelgning")
    window.free_text_edit.setPlainText("Samtale på arbejdspladsen.")
    click(qtbot, window.close_button)  # the 'user' answers No
    assert message_boxes.calls[-1][1] == "Luk uden at kopiere?"
    assert sorted(message_boxes.asked[-1].buttons.values()) == ["&Ja", "&Nej"]
    assert window.isVisible()
    click(qtbot, window.copy_button)
    calls = len(message_boxes.calls)
    click(qtbot, window.close_button)  # copied: closes without asking
    assert len(message_boxes.calls) == calls
    assert not window.isVisible()
    # An untouched window closes without a question.
    other = open_window(qtbot, store, ids["T07"], date(2020, 1, 6), situation="plan_ikke_justeret")
    click(qtbot, other.close_button)
    assert not other.isVisible() and len(message_boxes.calls) == calls


def test_a_note_about_a_follow_up_not_registered_registers_it_first(qtbot, db, dialogs, message_boxes):
    """The note's next deadline counts the follow-up it is about; the lists count it once the case
    has it. So it is registered (in the event dialog, its date filled in) before the note is copied."""
    from PySide6.QtWidgets import QMessageBox

    store, ids = db
    case_id = ids["T08"]
    window = open_window(qtbot, store, case_id, date(2021, 6, 15), situation="opfoelgning")
    window.event_date_edit.setText("15-06-2021")  # held today; the case has 10-01-2021 only
    window.free_text_edit.setPlainText(FREE_TEXT["T08", "opfoelgning"])
    assert window.status_label.text() == (
        "✓ Klar til at kopiere. Opfølgning 15-06-2021 registreres på sagen, når du kopierer."
    )
    # 15-06-2021 + 30 months = 15-12-2023, a Friday: the note's next follow-up
    assert "15-12-2023" in window.note_edit.toPlainText()
    message_boxes.answer(QMessageBox.StandardButton.Yes)
    filled_in = []

    def save(dialog):
        filled_in.append((dialog.date_edit.text(), dialog.kind_combo.currentData()))
        dialog.save_button.click()

    dialogs.then(save)
    click(qtbot, window.copy_button)

    assert filled_in == [("15-06-2021", "followup")]
    assert [(e.day, e.kind) for e in store.get_case(case_id).events] == [
        (date(2021, 1, 10), "followup"),
        (date(2021, 6, 15), "contact"),  # the reference case's contact (not a full follow-up)
        (date(2021, 6, 15), "followup"),
    ]
    # The lists' deadline (the window's function) is the note's.
    [item] = [i for i in store.deadlines(date(2021, 6, 15)) if i.case.id == case_id]
    assert item.deadline.legal_due == date(2023, 12, 15)
    assert QApplication.clipboard().text().replace("\r\n", "\n") == window.note_edit.toPlainText()
    assert [row.kind for row in store.history(case_id)].count(JOURNAL_NOTE) == 1
    assert window.status_label.text().startswith("✓ Kopieret og gemt i sagens historik.")


@pytest.mark.parametrize("refused", ["the question", "the event dialog"])
def test_a_note_whose_event_is_not_registered_is_not_copied(qtbot, db, dialogs, message_boxes, refused):
    from PySide6.QtWidgets import QMessageBox

    store, ids = db
    case_id = ids["T08"]
    window = open_window(qtbot, store, case_id, date(2021, 6, 15), situation="opfoelgning")
    window.event_date_edit.setText("15-06-2021")
    window.free_text_edit.setPlainText(FREE_TEXT["T08", "opfoelgning"])
    QApplication.clipboard().setText("før")
    if refused == "the event dialog":
        message_boxes.answer(QMessageBox.StandardButton.Yes)
        dialogs.then(lambda dialog: dialog.reject())  # Annuller in the event dialog
    else:
        message_boxes.answer(QMessageBox.StandardButton.No)

    click(qtbot, window.copy_button)

    assert QApplication.clipboard().text() == "før"
    assert [(e.day, e.kind) for e in store.get_case(case_id).events] == [
        (date(2021, 1, 10), "followup"),
        (date(2021, 6, 15), "contact"),
    ]
    assert JOURNAL_NOTE not in [row.kind for row in store.history(case_id)]
    assert window.status_label.text() == (
        "⚠ Notatet er ikke kopieret: registrér først hændelsen, så listerne viser notatets frist."
    )


def _t08_note_about_today(qtbot, store, case_id, day="15-06-2021"):
    window = open_window(qtbot, store, case_id, date(2021, 6, 15), situation="opfoelgning")
    window.event_date_edit.setText(day)
    window.free_text_edit.setPlainText(FREE_TEXT["T08", "opfoelgning"])
    return window


def test_a_note_whose_event_is_saved_with_another_date_is_not_copied(qtbot, db, dialogs, message_boxes):
    from PySide6.QtWidgets import QMessageBox

    store, ids = db
    window = _t08_note_about_today(qtbot, store, ids["T08"])
    QApplication.clipboard().setText("før")
    message_boxes.answer(QMessageBox.StandardButton.Yes)

    def another_day(dialog):
        dialog.date_edit.setText("14-06-2021")  # the caseworker corrects the date in the dialog
        dialog.save_button.click()

    dialogs.then(another_day)
    click(qtbot, window.copy_button)

    assert (date(2021, 6, 14), "followup") in [(e.day, e.kind) for e in store.get_case(ids["T08"]).events]
    assert QApplication.clipboard().text() == "før"  # the note still says 15-06: not copied
    assert window.status_label.text().startswith(
        "⚠ Den registrerede hændelse har en anden dato eller art end notatets."
    )


def test_a_hand_edited_note_is_not_copied_right_after_its_event_is_registered(qtbot, db, dialogs, message_boxes):
    from PySide6.QtWidgets import QMessageBox

    store, ids = db
    window = _t08_note_about_today(qtbot, store, ids["T08"])
    window.note_edit.setPlainText(window.note_edit.toPlainText() + "\nTilføjet i hånden.")
    QApplication.clipboard().setText("før")
    message_boxes.answer(QMessageBox.StandardButton.Yes)
    dialogs.then(lambda dialog: dialog.save_button.click())
    click(qtbot, window.copy_button)

    assert QApplication.clipboard().text() == "før"
    assert window.status_label.text().startswith("Hændelsen er registreret. Notatet er rettet i hånden")
    click(qtbot, window.copy_button)  # read, then copied: the event is registered now, no question
    assert QApplication.clipboard().text().endswith("Tilføjet i hånden.")


def test_a_note_about_an_event_after_today_cannot_be_copied(qtbot, db):
    store, ids = db
    window = _t08_note_about_today(qtbot, store, ids["T08"], day="16-06-2021")  # today is 15-06-2021
    assert not window.copy_button.isEnabled()
    assert window.status_label.text() == (
        "⚠ Dato for hændelsen: 16-06-2021 ligger i fremtiden – skriv notatet, når den har fundet sted."
    )


def test_a_note_on_a_closed_case_is_copied_without_registering_and_states_no_deadline(qtbot, db, message_boxes):
    # The lists have no deadline for a closed case, so neither has the note (decision 15): it said
    # "Næste opfølgning: senest …" for a citizen who had moved away.
    store, ids = db
    store.close_case(ids["T08"], reason="andet", text="flyttet", day=date(2021, 6, 15))
    window = _t08_note_about_today(qtbot, store, ids["T08"])
    assert window.status_label.text() == "✓ Klar til at kopiere."  # no deadlines in the lists to keep equal
    click(qtbot, window.copy_button)
    assert message_boxes.asked == []
    copied = QApplication.clipboard().text()
    assert copied.startswith("Opfølgning")
    assert "Sagen er afsluttet 15-06-2021 (andet – flyttet), så der er ingen næste frist." in copied
    assert "Næste opfølgning" not in copied


def test_tab_goes_round_the_note_window_and_writes_nothing_into_the_note(qtbot, db, dialogs):
    """Keys only, as from the case window: the follow-up chosen in the history, Alt+J, then Tab on
    and on. The window opens in Egen tekst; Tab leaves every text box (no tab typed into the note),
    so Egen tekst still reaches the note afterwards."""
    from caseworker_app.ui.case import CaseWindow

    store, ids = db
    case_window = CaseWindow(store, ids["T08"], today=lambda: date(2021, 6, 15))
    qtbot.addWidget(case_window)
    case_window.show()
    case_window.activateWindow()
    qtbot.waitUntil(lambda: case_window.isAncestorOf(QApplication.focusWidget()))
    history = case_window.history_model
    case_window.history_view.selectRow(
        next(r for r in range(history.rowCount()) if history.index(r, 0).data() == "10-01-2021")
    )
    seen = {}

    def user(note):
        qtbot.waitUntil(lambda: note.isAncestorOf(QApplication.focusWidget()))
        seen["start"] = QApplication.focusWidget() is note.free_text_edit
        names = []
        for _ in range(8):
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
            widget = QApplication.focusWidget()
            names.append(widget.accessibleName() or (widget.text() if isinstance(widget, QPushButton) else ""))
        seen["round"] = names
        seen["tab in note"] = "\t" in note.note_edit.toPlainText()
        seen["hand edited"] = note.hand_label.isVisibleTo(note)
        qtbot.keyClicks(QApplication.focusWidget(), "Samtale om arbejdstiden.")
        seen["resumé"] = [line for line in note.note_edit.toPlainText().splitlines() if line.startswith("Resumé")]

    dialogs.then(user)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_J, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: "resumé" in seen)
    assert seen == {
        "start": True,
        # The copy button is off (Egen tekst is missing): Tab passes it, and stops at the button that
        # goes to what is missing.
        "round": [
            "Skj&ul felterne",  # beside the note's label: hides the fields above it
            "Notatet, som det kopieres til FASIT",
            "Vis det &manglende",
            "&Luk",
            "",  # the tab bar (Notat, Skabelon)
            "Situation",
            "Dato for hændelsen, skal udfyldes",
            "Egen tekst, skal udfyldes",
        ],
        "tab in note": False,
        "hand edited": False,
        "resumé": ["Resumé: Samtale om arbejdstiden."],
    }


def test_the_fields_can_be_hidden_so_the_whole_note_is_read_before_copying(qtbot, db):
    # A laptop at 1366×768 with 150 %: about 911×440 for the window. With the fields above it the
    # note showed some eight of its lines; hidden, the whole note is seen without scrolling.
    store, ids = db
    window = open_window(qtbot, store, ids["T08"], date(2021, 6, 15), situation="opfoelgning")
    window.resize(911, 440)
    window.free_text_edit.setPlainText(FREE_TEXT["T08", "opfoelgning"])
    QApplication.processEvents()
    note = window.note_edit
    assert note.verticalScrollBar().maximum() > 0  # with the fields: part of the note is out of sight
    assert window.fields_button.text() == "Skj&ul felterne"

    click(qtbot, window.fields_button)
    QApplication.processEvents()
    assert not window.inputs_scroll.isVisible()
    assert note.verticalScrollBar().maximum() == 0  # the whole note in sight
    assert note.toPlainText() == reference("T08_opfoelgning.txt")
    assert window.fields_button.text() == "&Vis felterne"
    assert window.copy_button.isEnabled()

    click(qtbot, window.fields_button)
    QApplication.processEvents()
    assert window.free_text_edit.isVisible()
    assert window.fields_button.text() == "Skj&ul felterne"
