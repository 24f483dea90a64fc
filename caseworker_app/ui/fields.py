"""Form building blocks: a dd-mm-åååå date field, an input with its hint and error under it."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from datetime import date
from typing import Generic, TypeVar

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ..core.workdays import fmt, parse_date
from .colours import error_style, hint_style
from .screen_fit import grow_to_content

DATE_PLACEHOLDER = "dd-mm-åååå"
DATE_DESCRIPTION = "Dato, skrives dd-mm-åååå"


class DateLineEdit(QLineEdit):
    """A date typed as dd-mm-åååå (or any form workdays.parse_date reads: 1. juli 2018 …); empty means no date."""

    def __init__(self, value: date | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setPlaceholderText(DATE_PLACEHOLDER)
        self.setAccessibleDescription(DATE_DESCRIPTION)
        self.setMaxLength(40)  # "d. 26. september 2021", as the sources write it
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


_Editor = TypeVar("_Editor", bound=QWidget)


class FieldBox(QWidget, Generic[_Editor]):
    """An input with an optional hint and a Danish error message (words, not only red) under it."""

    def __init__(self, editor: _Editor, hint: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.editor = editor
        self._description = editor.accessibleDescription()  # read with the hint or the error
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(editor)
        self.hint_label = QLabel(hint)
        self.hint_label.setWordWrap(True)
        self.hint_label.setStyleSheet(hint_style())
        self.hint_label.setVisible(bool(hint))
        self._describe(None)
        layout.addWidget(self.hint_label)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(error_style())
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label.hide()
        layout.addWidget(self.error_label)

    def set_hint(self, hint: str) -> None:
        self.hint_label.setText(_unbroken_dates(hint))
        self.hint_label.setVisible(bool(hint))
        if not self.error():
            self._describe(None)

    def set_description(self, description: str) -> None:
        """The input's own description (e.g. its date format), said after its hint."""
        self._description = description
        self._describe(self.error() or None)

    def set_error(self, message: str | None) -> None:
        """Show message under the input ('⚠ ' first: not colour alone); None or '' hides it."""
        self.error_label.setText(f"⚠ {_unbroken_dates(message)}" if message else "")
        self.error_label.setVisible(bool(message))
        self._describe(message)

    def _describe(self, message: str | None) -> None:
        """What a screen reader says after the field's name: the error, else the hint and format."""
        hint = self.hint_label.text().replace(_NB_HYPHEN, "-") if self.hint_label.isVisibleTo(self) else ""
        parts = [f"Fejl: {message}"] if message else [p for p in (hint, self._description) if p]
        self.editor.setAccessibleDescription(". ".join(parts))

    def error(self) -> str:
        """The message shown now, without the marker ('' when none)."""
        return self.error_label.text().removeprefix("⚠ ").replace(_NB_HYPHEN, "-")


_NB_HYPHEN = "\u2011"  # a hyphen a line is never broken at
_DATE_LIKE = re.compile(r"\b(?:dd-mm-åååå|\d{1,2}-\d{1,2}-\d{2,4})\b")


def _unbroken_dates(text: str) -> str:
    """'dd-mm-åååå' and '31-11-2026' kept on one line when a message wraps (not 'dd-/mm-åååå')."""
    return _DATE_LIKE.sub(lambda m: m.group(0).replace("-", _NB_HYPHEN), text)


def accessible_text(label: str) -> str:
    """A label's text as a screen reader should say it: 'CP&R-nummer (valgfrit):' → 'CPR-nummer
    (valgfrit)'; a required field's ' *' → ', skal udfyldes'."""
    text = label.replace("&&", "\0").replace("&", "").replace("\0", "&").strip()
    required = text.endswith("*")
    text = text.rstrip(" *").rstrip(":").strip()
    return f"{text}, skal udfyldes" if required else text


def buddy_label(text: str, buddy: QWidget, label: QLabel | None = None) -> QLabel:
    """A form label whose &-shortcut moves the focus to buddy, and whose text is buddy's accessible
    name (Qt finds a buddy label itself only beside the field, not when the field has a hint box).
    label: a label of text already made (of a subclass), else a QLabel."""
    label = label if label is not None else QLabel(text)
    label.setBuddy(buddy)
    if not buddy.accessibleName():
        name_control(buddy, accessible_text(text))
    return label


def add_label_above(column: QVBoxLayout, label: QLabel, field: QWidget, index: int = -1) -> None:
    """label above field in column (at index, else last), its text wrapped to the column's width. Not
    a QFormLayout: it keeps a label at its preferred width however narrow the form (a long one made
    Indstillinger scroll sideways at 150 % text), and a wrapped label in a row of its own kept a
    height of one line after a scroll bar came (the Fristberegner's "Tilbud om ansættelse …")."""
    label.setWordWrap(True)
    column.insertWidget(index, label)
    column.insertWidget(index + 1 if index >= 0 else -1, field)


def name_control(widget: QWidget, name: str, description: str = "") -> None:
    """Give widget the accessible name (and description) a screen reader says."""
    widget.setAccessibleName(name)
    if description:
        widget.setAccessibleDescription(description)


def set_tab_order(widgets: Iterable[QWidget]) -> None:
    """Tab goes through widgets in the order given."""
    for first, second in itertools.pairwise(widgets):
        QWidget.setTabOrder(first, second)


def text_box(text: str = "") -> QPlainTextEdit:
    """A field of several lines (a note, a reason, Egen tekst): Tab goes on to the next field, as in
    every other field; a tab character has no place in a text for FASIT or a printed page."""
    box = QPlainTextEdit(text)
    box.setTabChangesFocus(True)
    return box


def with_alt_letters(labels: list[str], taken: set[str]) -> list[str]:
    """Each label with an Alt-letter ('&') no other control in the window uses (taken, lower case),
    nor an earlier label: a word's first letter if one is free, else another letter (a-z before
    æøå). A label with no free letter is left without one."""
    used = set(taken)
    marked = []
    for label in labels:
        if re.search(r"&[^&]", label.replace("&&", "")):  # its own letter, chosen by hand
            marked.append(label)
            continue
        words = [i for i, c in enumerate(label) if c.isalpha() and (i == 0 or not label[i - 1].isalpha())]
        rest = [i for i, c in enumerate(label) if c.isalpha() and i not in words]
        order = words + [i for i in rest if label[i].lower() in "abcdefghijklmnopqrstuvwxyz"] + rest
        free = next((i for i in order if label[i].lower() not in used), None)
        if free is None:
            marked.append(label)
            continue
        used.add(label[free].lower())
        marked.append(label[:free] + "&" + label[free:])
    return marked


def used_alt_letters(window: QWidget, leave_out: Iterable[QWidget] = ()) -> set[str]:
    """The Alt-letters (lower case) of window's buttons and field labels (but those left out)."""
    left = set(leave_out)
    texts = [w.text() for w in window.findChildren(QAbstractButton) if w not in left]
    texts += [w.text() for w in window.findChildren(QLabel) if w.buddy() is not None]
    return {found.group(1).lower() for t in texts if (found := re.search(r"&([^&])", t.replace("&&", "")))}


class _LetteredOnShow(QObject):
    """Gives buttons Alt-letters when their dialog first shows: only then are all its field labels
    in it (a form layout's labels join the dialog with the layout, often after the buttons)."""

    def __init__(self, dialog: QDialog, buttons: list[tuple[QPushButton, str]]):
        super().__init__(dialog)
        self._buttons = buttons
        dialog.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Show:
            watched.removeEventFilter(self)
            taken = used_alt_letters(watched, [button for button, _ in self._buttons])
            texts = with_alt_letters([text for _, text in self._buttons], taken)
            for (button, _), text in zip(self._buttons, texts, strict=True):
                button.setText(text)
        return super().eventFilter(watched, event)


def accept_buttons(dialog: QDialog, text: str) -> tuple[QDialogButtonBox, QPushButton]:
    """A form dialog's buttons: text (the default; accepts) and "Annuller" (rejects), each with an
    Alt-letter as in the case window (&Gem, &Annuller) that the dialog's fields do not use (given
    when the dialog shows; a '&' in text chooses its own)."""
    # In the dialog before setDefault: only then does Qt keep the button as the dialog's main default,
    # which Enter goes back to when the focus leaves "Annuller" (else "Annuller" takes that place).
    buttons = QDialogButtonBox(dialog)
    accept = buttons.addButton(text, QDialogButtonBox.ButtonRole.AcceptRole)
    cancel = buttons.addButton("Annuller", QDialogButtonBox.ButtonRole.RejectRole)
    _LetteredOnShow(dialog, [(accept, text), (cancel, "Annuller")])
    accept.setDefault(True)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons, accept


def general_error_label() -> QLabel:
    """A hidden label for the messages of a form that belong to none of its fields."""
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet(error_style())
    label.hide()
    return label


def clear_errors(boxes: Iterable[FieldBox], general: QLabel) -> None:
    """Hide the messages at the fields and the form's general message."""
    for box in boxes:
        box.set_error(None)
    general.hide()


def show_errors(boxes: dict[str, FieldBox], errors: dict[str, str], general: QLabel) -> None:
    """Put each message at its field, and those with no field on this form in general; a dialog
    grows to show them whole (Qt keeps its height, and cuts off the lines that do not fit)."""
    for name, box in boxes.items():
        box.set_error(errors.get(name))
    leftover = [message for name, message in errors.items() if name not in boxes]
    first = next((boxes[name] for name in boxes if name in errors), None)
    if first is not None:
        first.editor.setFocus()
    if leftover:
        general.setText("⚠ " + "\n⚠ ".join(leftover))
        general.show()
    window = general.window()
    if isinstance(window, QDialog):
        grow_to_content(window)


class FlowLayout(QLayout):
    """Buttons in a row that wraps onto a second row when the window is too narrow for one (a laptop
    at 150 %, a larger text size), rather than widen the window past the screen."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._items: list = []
        self._height = 0  # at the width last laid out: the least height, so a splitter leaves room

    def addItem(self, item) -> None:  # noqa: N802 - Qt override
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int):  # noqa: N802 - Qt override
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int):  # noqa: N802 - Qt override
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 - Qt override
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt override
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 - Qt override
        super().setGeometry(rect)
        height = self._place(rect, move=True)
        if height != self._height:  # wrapped onto more (or fewer) rows: the window lays out again
            self._height = height
            self.invalidate()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        spacing = self._spacing()
        width = sum(item.sizeHint().width() for item in self._items) + spacing * max(len(self._items) - 1, 0)
        height = max((item.sizeHint().height() for item in self._items), default=0)
        margins = self.contentsMargins()
        return QSize(width + margins.left() + margins.right(), height + margins.top() + margins.bottom())

    def minimumSize(self) -> QSize:  # noqa: N802 - Qt override
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        size += QSize(margins.left() + margins.right(), margins.top() + margins.bottom())
        return size.expandedTo(QSize(0, self._height))

    def _spacing(self) -> int:
        spacing = self.spacing()
        parent = self.parentWidget()
        if spacing < 0 and parent is not None:
            spacing = parent.style().layoutSpacing(
                QSizePolicy.ControlType.PushButton, QSizePolicy.ControlType.PushButton, Qt.Orientation.Horizontal
            )
        return max(spacing, 6)

    def _place(self, rect: QRect, *, move: bool) -> int:
        """Lay the items out left to right, wrapping; the height used."""
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        spacing = self._spacing()
        x, y, row_height = area.x(), area.y(), 0
        for item in self._items:
            if item.isEmpty():
                continue
            hint = item.sizeHint()
            if x > area.x() and x + hint.width() > area.right() + 1:
                x, y, row_height = area.x(), y + row_height + spacing, 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + spacing
            row_height = max(row_height, hint.height())
        return y + row_height - rect.y() + margins.bottom()
