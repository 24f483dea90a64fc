"""Form building blocks: a dd-mm-åååå date field, an input with its hint and error under it."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..core.workdays import fmt, parse_date

ERROR_STYLE = "color: #b00020;"
HINT_STYLE = "color: #555555;"
DATE_PLACEHOLDER = "dd-mm-åååå"


class DateLineEdit(QLineEdit):
    """A date typed as dd-mm-åååå (also d/m-åååå, d.m.åååå or ISO); empty means no date."""

    def __init__(self, value: date | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setPlaceholderText(DATE_PLACEHOLDER)
        self.setMaxLength(20)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("00-00-00000") + 24)
        self.editingFinished.connect(self._normalise)
        self.set_date(value)

    def set_date(self, value: date | None) -> None:
        """Show value as dd-mm-åååå ('' for none)."""
        self.setText(fmt(value))

    def date_value(self) -> date | None:
        """The date typed, None when empty; ValueError with a Danish message if not a date."""
        text = self.text().strip()
        if not text:
            return None
        return parse_date(text)

    def _normalise(self) -> None:
        try:
            value = self.date_value()
        except ValueError:
            return
        if value is not None and self.text() != fmt(value):
            self.setText(fmt(value))


class FieldBox(QWidget):
    """An input with an optional hint and a Danish error message (words, not only red) under it."""

    def __init__(self, editor: QWidget, hint: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.editor = editor
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(editor)
        self.hint_label = QLabel(hint)
        self.hint_label.setWordWrap(True)
        self.hint_label.setStyleSheet(HINT_STYLE)
        self.hint_label.setVisible(bool(hint))
        layout.addWidget(self.hint_label)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label.hide()
        layout.addWidget(self.error_label)

    def set_hint(self, hint: str) -> None:
        self.hint_label.setText(_unbroken_dates(hint))
        self.hint_label.setVisible(bool(hint))

    def set_error(self, message: str | None) -> None:
        """Show message under the input ('⚠ ' first: not colour alone); None or '' hides it."""
        self.error_label.setText(f"⚠ {_unbroken_dates(message)}" if message else "")
        self.error_label.setVisible(bool(message))
        self.editor.setAccessibleDescription(message or "")

    def error(self) -> str:
        """The message shown now, without the marker ('' when none)."""
        return self.error_label.text().removeprefix("⚠ ").replace(_NB_HYPHEN, "-")


_NB_HYPHEN = "\u2011"  # a hyphen a line is never broken at
_DATE_LIKE = re.compile(r"\b(?:dd-mm-åååå|\d{1,2}-\d{1,2}-\d{2,4})\b")


def _unbroken_dates(text: str) -> str:
    """'dd-mm-åååå' and '31-11-2026' kept on one line when a message wraps (not 'dd-/mm-åååå')."""
    return _DATE_LIKE.sub(lambda m: m.group(0).replace("-", _NB_HYPHEN), text)


def buddy_label(text: str, buddy: QWidget) -> QLabel:
    """A form label whose &-shortcut moves the focus to buddy."""
    label = QLabel(text)
    label.setBuddy(buddy)
    return label


def set_tab_order(widgets: Iterable[QWidget]) -> None:
    """Tab goes through widgets in the order given."""
    for first, second in itertools.pairwise(widgets):
        QWidget.setTabOrder(first, second)


def accept_buttons(dialog: QDialog, text: str) -> tuple[QDialogButtonBox, QPushButton]:
    """A form dialog's buttons: text (the default; accepts) and "Annuller" (rejects)."""
    buttons = QDialogButtonBox()
    accept = buttons.addButton(text, QDialogButtonBox.ButtonRole.AcceptRole)
    buttons.addButton("Annuller", QDialogButtonBox.ButtonRole.RejectRole)
    accept.setDefault(True)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons, accept


def general_error_label() -> QLabel:
    """A hidden label for the messages of a form that belong to none of its fields."""
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet(ERROR_STYLE)
    label.hide()
    return label


def clear_errors(boxes: Iterable[FieldBox], general: QLabel) -> None:
    """Hide the messages at the fields and the form's general message."""
    for box in boxes:
        box.set_error(None)
    general.hide()


def show_errors(boxes: dict[str, FieldBox], errors: dict[str, str], general: QLabel) -> None:
    """Put each message at its field, and those with no field on this form in general."""
    for name, box in boxes.items():
        box.set_error(errors.get(name))
    leftover = [message for name, message in errors.items() if name not in boxes]
    first = next((boxes[name] for name in boxes if name in errors), None)
    if first is not None:
        first.editor.setFocus()
    if leftover:
        general.setText("⚠ " + "\n⚠ ".join(leftover))
        general.show()
