"""The "unsaved changes" question: Danish buttons with Alt-letters, Gem on Enter, Annuller on Esc."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from caseworker_app.ui.case import CaseWindow
from caseworker_app.ui.questions import unsaved_changes_box

from .actions import type_into

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
