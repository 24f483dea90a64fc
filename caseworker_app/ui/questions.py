"""The "unsaved changes" question with Danish buttons that have mnemonics: &Gem, &Forkast, &Annuller.

QMessageBox.question's Save/Discard/Cancel get Qt's translated texts, which have no Alt-letters
in Danish; here the same standard buttons get their own texts, so Alt+G, Alt+F and Alt+A answer.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

Button = QMessageBox.StandardButton
SAVE_TEXTS = {Button.Save: "&Gem", Button.Discard: "&Forkast", Button.Cancel: "&Annuller"}


def unsaved_changes_box(parent: QWidget | None, text: str, title: str = "Gem ændringer?") -> QMessageBox:
    """The question box: Gem (the default, Enter), Forkast, Annuller (Esc)."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, Button.Save | Button.Discard | Button.Cancel, parent)
    for button, label in SAVE_TEXTS.items():
        box.button(button).setText(label)
    box.setDefaultButton(Button.Save)
    box.setEscapeButton(Button.Cancel)
    return box


def ask_save_changes(parent: QWidget | None, text: str, title: str = "Gem ændringer?") -> QMessageBox.StandardButton:
    """Ask; Save, Discard or Cancel (closing the box with Esc or its X is Cancel)."""
    return Button(unsaved_changes_box(parent, text, title).exec())
