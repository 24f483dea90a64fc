"""Every question the program asks, with Danish buttons that have mnemonics.

QMessageBox.question's standard buttons get Qt's translated texts, which have no Alt-letters in
Danish; here the same standard buttons get their own texts, so an Alt-letter answers: &Ja and &Nej
for a yes/no question (or words that name the action), &Gem, &Forkast and &Annuller for unsaved
changes. A question is built here, never by hand with QMessageBox, so all of them look alike.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from .message_box_fit import FittingMessageBox

Button = QMessageBox.StandardButton
SAVE_TEXTS = {Button.Save: "&Gem", Button.Discard: "&Forkast", Button.Cancel: "&Annuller"}
YES, NO = "&Ja", "&Nej"


def yes_no_box(
    parent: QWidget | None, title: str, text: str, *, yes: str = YES, no: str = NO, default_yes: bool = False
) -> QMessageBox:
    """A yes/no question. Enter answers No (nothing is done) unless default_yes; Esc is always No."""
    box = FittingMessageBox(QMessageBox.Icon.Question, title, text, Button.Yes | Button.No, parent)
    box.button(Button.Yes).setText(yes)
    box.button(Button.No).setText(no)
    box.setDefaultButton(Button.Yes if default_yes else Button.No)
    box.setEscapeButton(Button.No)
    return box


def ask_yes_no(
    parent: QWidget | None, title: str, text: str, *, yes: str = YES, no: str = NO, default_yes: bool = False
) -> bool:
    """Ask; True when the answer is yes (closing the box with Esc or its X is No)."""
    box = yes_no_box(parent, title, text, yes=yes, no=no, default_yes=default_yes)
    answer = Button(box.exec())
    box.deleteLater()  # not kept as a child of parent once answered
    return answer == Button.Yes


def unsaved_changes_box(parent: QWidget | None, text: str, title: str = "Gem ændringer?") -> QMessageBox:
    """The question box: Gem (the default, Enter), Forkast, Annuller (Esc)."""
    box = FittingMessageBox(
        QMessageBox.Icon.Question, title, text, Button.Save | Button.Discard | Button.Cancel, parent
    )
    for button, label in SAVE_TEXTS.items():
        box.button(button).setText(label)
    box.setDefaultButton(Button.Save)
    box.setEscapeButton(Button.Cancel)
    return box


def ask_save_changes(parent: QWidget | None, text: str, title: str = "Gem ændringer?") -> QMessageBox.StandardButton:
    """Ask; Save, Discard or Cancel (closing the box with Esc or its X is Cancel)."""
    return Button(unsaved_changes_box(parent, text, title).exec())


CONFLICT_TEXTS = {Button.Save: "Gem &mine", Button.Discard: "Behold &deres", Button.Cancel: "&Annuller"}


def conflict_box(parent: QWidget | None, text: str, title: str = "Sagen er ændret imens") -> QMessageBox:
    """Someone else saved the same fields: Gem mine, Behold deres, Annuller (Enter and Esc: nothing saved)."""
    box = FittingMessageBox(QMessageBox.Icon.Warning, title, text, Button.Save | Button.Discard | Button.Cancel, parent)
    for button, label in CONFLICT_TEXTS.items():
        box.button(button).setText(label)
    box.setDefaultButton(Button.Cancel)
    box.setEscapeButton(Button.Cancel)
    return box


def ask_keep_or_overwrite(parent: QWidget | None, text: str) -> QMessageBox.StandardButton:
    """Ask; Save (write mine), Discard (keep theirs) or Cancel (closing the box is Cancel)."""
    box = conflict_box(parent, text)
    answer = Button(box.exec())
    box.deleteLater()
    return answer
