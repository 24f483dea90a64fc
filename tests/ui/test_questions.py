"""The program's questions (ui/questions.py): Danish buttons with Alt-letters. "Unsaved changes":
Gem on Enter, Annuller on Esc; a yes/no question: &Ja and &Nej, Enter and Esc answer No."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from caseworker_app.store.backup import make_backup
from caseworker_app.ui.backup_dialog import BackupDialog
from caseworker_app.ui.case import CaseWindow
from caseworker_app.ui.questions import unsaved_changes_box, yes_no_box

from .actions import click, type_into

Button = QMessageBox.StandardButton


@pytest.fixture
def box(qtbot):
    box = unsaved_changes_box(None, "Sagen har ændringer, der ikke er gemt. Vil du gemme dem?")
    qtbot.addWidget(box)
    box.show()
    return box


def test_the_buttons_read_gem_forkast_annuller_with_alt_letters(box):
    texts = {box.standardButton(b): b.text() for b in box.buttons()}
    assert texts == {Button.Save: "&Gem", Button.Discard: "&Forkast", Button.Cancel: "&Annuller"}
    assert box.windowTitle() == "Gem ændringer?"
    assert box.defaultButton() is box.button(Button.Save)


@pytest.mark.parametrize(
    ("key", "modifier", "answer"),
    [
        (Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier, Button.Discard),
        (Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier, Button.Cancel),
        (Qt.Key.Key_G, Qt.KeyboardModifier.AltModifier, Button.Save),
        (Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, Button.Save),
        (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier, Button.Cancel),
    ],
)
def test_each_answer_is_one_key_away(qtbot, box, key, modifier, answer):
    box.activateWindow()
    qtbot.waitUntil(box.isActiveWindow)
    qtbot.keyClick(box, key, modifier)
    qtbot.waitUntil(lambda: not box.isVisible())  # Alt+letter clicks 100 ms later, as Qt does
    assert box.result() == answer.value


def test_closing_a_changed_case_asks_with_that_box(qtbot, store, today, message_boxes):
    window = CaseWindow(store, None, today=today)
    qtbot.addWidget(window)
    window.show()
    type_into(qtbot, window.citizen_edit, "Jens Hansen")
    message_boxes.answer(Button.Cancel)
    window.reject()
    assert window.isVisible()
    assert message_boxes.calls[-1] == (
        "question",
        "Gem ændringer?",
        "Sagen har ændringer, der ikke er gemt. Vil du gemme dem?",
    )
    message_boxes.answer(Button.Discard)
    window.reject()
    assert not window.isVisible()
    assert store.list_cases() == []


# ---------------------------------------------------------------- yes or no


def shown(qtbot, box):
    qtbot.addWidget(box)
    box.show()
    box.activateWindow()
    qtbot.waitUntil(box.isActiveWindow)
    return box


@pytest.mark.parametrize(
    ("key", "modifier", "answer"),
    [
        (Qt.Key.Key_J, Qt.KeyboardModifier.AltModifier, Button.Yes),
        (Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier, Button.No),
        (Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, Button.No),  # Enter does nothing drastic
        (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier, Button.No),
    ],
)
def test_a_yes_no_question_reads_ja_nej_and_enter_answers_no(qtbot, key, modifier, answer):
    box = shown(qtbot, yes_no_box(None, "Skift forsøg?", "Vil du fortsætte?"))
    assert {box.standardButton(b): b.text() for b in box.buttons()} == {Button.Yes: "&Ja", Button.No: "&Nej"}
    qtbot.keyClick(box, key, modifier)
    qtbot.waitUntil(lambda: not box.isVisible())
    assert box.result() == answer.value


def test_a_harmless_question_may_answer_yes_on_enter_and_name_its_answers(qtbot):
    box = shown(qtbot, yes_no_box(None, "Genåbn sag", "Genåbn sagen for Jens Hansen?", default_yes=True))
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not box.isVisible())
    assert box.result() == Button.Yes.value
    named = yes_no_box(None, "Fortryd import", "Vil du fortryde import nr. 1?", yes="&Fortryd import", no="&Annuller")
    qtbot.addWidget(named)
    assert [named.button(b).text() for b in (Button.Yes, Button.No)] == ["&Fortryd import", "&Annuller"]
    assert named.escapeButton() is named.button(Button.No)


def test_restoring_a_backup_asks_ja_nej_and_no_keeps_the_database(qtbot, store, message_boxes):
    store.create_case(citizen="Jens Hansen", case_ref="2018-0831", trial_id="T08", dates={"hire": date(2018, 8, 31)})
    make_backup(store.path)
    store.create_case(citizen="Lone Andersen", case_ref="2023-0107", trial_id="T08", dates={"hire": date(2023, 1, 16)})
    dialog = BackupDialog(store.path)  # the program's own question, not a stand-in
    qtbot.addWidget(dialog)
    dialog.table.selectRow(0)
    click(qtbot, dialog.restore_button)  # the 'user' answers No
    [asked] = message_boxes.asked
    assert asked.title == "Gendan sikkerhedskopi?"
    assert asked.buttons == {Button.Yes: "&Ja", Button.No: "&Nej"}
    assert asked.enter == asked.escape == Button.No
    assert [c.citizen for c in store.list_cases()] == ["Jens Hansen", "Lone Andersen"]
