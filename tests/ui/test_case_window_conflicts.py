"""The case window saved while another copy of the program changed the same case: the window writes
what the caseworker changed, keeps what the other copy saved, and asks when both changed a field."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from caseworker_app.store import CaseStore
from caseworker_app.ui.questions import conflict_box

from .actions import click, type_into
from .conftest import TODAY
from .test_case_window import add_t08, history_texts, open_case

Button = QMessageBox.StandardButton


@pytest.fixture
def other(store):
    """The command line, or a second copy of the program, on the same database."""
    copy = CaseStore(store.path, clock=lambda: TODAY)
    yield copy
    copy.close()


@pytest.fixture
def louise(store):
    return add_t08(store, caseworker="Louise Holm")


def test_a_note_typed_in_an_open_window_keeps_the_caseworker_another_copy_saved(qtbot, store, other, louise):
    window = open_case(qtbot, store, louise)
    other.update_case(louise, caseworker="Mads Kristensen", dates={"hire": date(2018, 9, 3)})

    type_into(qtbot, window.note_edit, "Ringet op")
    with qtbot.waitSignal(window.changed):
        click(qtbot, window.save_button)

    case = other.get_case(louise)
    assert (case.caseworker, case.note, case.dates) == ("Mads Kristensen", "Ringet op", {"hire": date(2018, 9, 3)})
    assert window.caseworker_edit.text() == "Mads Kristensen"  # the form shows the case as saved
    assert window.date_boxes["hire"].editor.text() == "03-09-2018"
    assert not window.is_dirty()


def test_a_field_both_changed_asks_and_annuller_saves_nothing(qtbot, store, other, louise, message_boxes):
    window = open_case(qtbot, store, louise)
    other.update_case(louise, caseworker="Mads Kristensen")
    type_into(qtbot, window.caseworker_edit, "Sofie Berg")
    type_into(qtbot, window.note_edit, "Ringet op")

    message_boxes.answer(Button.Cancel)
    with qtbot.assertNotEmitted(window.changed):
        click(qtbot, window.save_button)

    [(kind, title, text)] = message_boxes.calls
    assert (kind, title) == ("question", "Sagen er ændret imens")
    assert text == (
        "Mens sagen var åben her, har en anden gemt en ændring af det, du også har ændret:\n\n"
        "• Sagsbehandler: en anden har gemt »Mads Kristensen«; du har skrevet »Sofie Berg« (før: »Louise Holm«).\n\n"
        "Behold deres: den andens værdi bliver stående, og dine øvrige ændringer gemmes.\n"
        "Gem mine: din værdi skrives over den andens.\n"
        "Annuller: intet gemmes endnu."
    )
    [asked] = message_boxes.asked
    assert asked.buttons == {Button.Save: "Gem &mine", Button.Discard: "Behold &deres", Button.Cancel: "&Annuller"}
    assert (asked.enter, asked.escape) == (Button.Cancel, Button.Cancel)
    case = other.get_case(louise)
    assert (case.caseworker, case.note) == ("Mads Kristensen", "")
    assert window.general_error.text() == (
        "⚠ Intet er gemt: en anden har ændret sagen, mens den var åben her (se Historik)."
    )
    assert history_texts(window)[0].startswith(
        "01-02-2021 | Sag ændret |  |  | Sagsbehandler: Louise Holm → Mads Kristensen |"
    )  # what the other one saved
    assert (window.caseworker_edit.text(), window.note_edit.toPlainText()) == ("Sofie Berg", "Ringet op")


def test_behold_deres_keeps_their_value_and_saves_the_rest(qtbot, store, other, louise, message_boxes):
    window = open_case(qtbot, store, louise)
    other.update_case(louise, caseworker="Mads Kristensen")
    type_into(qtbot, window.caseworker_edit, "Sofie Berg")
    type_into(qtbot, window.note_edit, "Ringet op")

    message_boxes.answer(Button.Discard)
    with qtbot.waitSignal(window.changed):
        click(qtbot, window.save_button)

    case = other.get_case(louise)
    assert (case.caseworker, case.note) == ("Mads Kristensen", "Ringet op")
    assert window.caseworker_edit.text() == "Mads Kristensen"


def test_gem_mine_writes_over_their_date(qtbot, store, other, louise, message_boxes):
    window = open_case(qtbot, store, louise)
    other.update_case(louise, dates={"hire": date(2018, 9, 3)})
    type_into(qtbot, window.date_boxes["hire"].editor, "01-09-2018")

    message_boxes.answer(Button.Save)
    with qtbot.waitSignal(window.changed):
        click(qtbot, window.save_button)

    [(_, _, text)] = message_boxes.calls
    assert (
        "• Ansættelse i løntilskud: en anden har gemt 03-09-2018; du har skrevet 01-09-2018 (før: 31-08-2018)." in text
    )
    assert other.get_case(louise).dates == {"hire": date(2018, 9, 1)}


@pytest.mark.parametrize(
    ("key", "modifier", "answer"),
    [
        (Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier, Button.Save),
        (Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier, Button.Discard),
        (Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, Button.Cancel),
        (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier, Button.Cancel),
    ],
)
def test_each_answer_to_the_question_is_one_key_away(qtbot, key, modifier, answer):
    box = conflict_box(None, "Mens sagen var åben her, har en anden gemt en ændring af det, du også har ændret")
    qtbot.addWidget(box)
    box.show()
    box.activateWindow()
    qtbot.waitUntil(box.isActiveWindow)
    qtbot.keyClick(box, key, modifier)
    qtbot.waitUntil(lambda: not box.isVisible())  # Alt+letter clicks 100 ms later, as Qt does
    assert box.result() == answer.value


def test_a_case_deleted_meanwhile_saves_nothing_and_keeps_what_was_typed(qtbot, store, other, louise):
    window = open_case(qtbot, store, louise)
    other.delete_case(louise, "Oprettet ved en fejl")
    type_into(qtbot, window.note_edit, "Ringet op")

    with qtbot.assertNotEmitted(window.changed):
        click(qtbot, window.save_button)

    assert window.general_error.text() == (
        "⚠ Intet er gemt: sagen er slettet et andet sted, mens den var åben her. Det, du har skrevet, "
        "står stadig i vinduet – kopiér det, hvis det skal med i en ny sag."
    )
    assert window.isVisible()
    assert window.note_edit.toPlainText() == "Ringet op"


def test_a_new_case_given_the_deleted_case_s_id_never_gets_the_open_window_s_text(
    qtbot, store, other, louise, monkeypatch
):
    # SQLite gives a new case the id of the deleted newest one: the window must not write into it.
    from caseworker_app.store import case_writes

    window = open_case(qtbot, store, louise)
    other.delete_case(louise, "Oprettet ved en fejl")
    monkeypatch.setattr(case_writes, "utc_now", lambda: "2099-01-01T09:00:00+00:00")  # created later
    bo = other.create_case(
        citizen="Bo Bertelsen", case_ref="2021-9009", trial_id="T08", dates={"hire": date(2018, 8, 31)}
    )
    assert bo == louise  # the id is reused
    type_into(qtbot, window.note_edit, "Anna har fået job")

    with qtbot.assertNotEmitted(window.changed):
        click(qtbot, window.save_button)

    assert window.general_error.text().startswith("⚠ Intet er gemt: sagen er slettet et andet sted")
    assert other.get_case(bo).note == ""
    assert window.note_edit.toPlainText() == "Anna har fået job"


def test_a_case_a_restore_left_out_says_the_restore_removed_it(qtbot, store, louise, tmp_path):
    """Found by a tester: after the caseworker's own restore, the window of a case the copy has not
    said 'sagen er slettet et andet sted'."""
    from caseworker_app.store.backup import make_backup, restore_backup

    copy = make_backup(store.path, tmp_path / "kopi.db")  # without the case opened below
    newer = add_t08(store, citizen="Ny Borger", case_ref="2021-7001")
    window = open_case(qtbot, store, newer)
    restore_backup(store.path, copy.path)
    type_into(qtbot, window.note_edit, "Skrevet før gendannelsen")

    with qtbot.assertNotEmitted(window.changed):
        click(qtbot, window.save_button)

    assert window.general_error.text() == (
        "⚠ Intet er gemt: databasen er gendannet fra en sikkerhedskopi uden denne sag, mens den var åben her, "
        "så sagen findes ikke længere. Det, du har skrevet, står stadig i vinduet – kopiér det, hvis det skal "
        "med i en ny sag. Sagen, som den var før gendannelsen, ligger i kopien 'gemt før gendannelse' under "
        "Filer › Sikkerhedskopier."
    )
    assert window.note_edit.toPlainText() == "Skrevet før gendannelsen"
