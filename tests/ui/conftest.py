"""Window-test fixtures: settings in tmp, a store with a fixed 'today', modals that never block.

As in novelWriter's test suite, modal calls are patched: QMessageBox's static functions answer
from a queue (and are recorded), and QDialog.exec() shows the dialog, lets the test act on it as
a user would, and returns its result instead of starting a nested event loop. A QMessageBox built
with standard buttons only (ui/questions.py: "Gem ændringer?" with &Gem, &Forkast, &Annuller) is
answered like the static functions, from the same queue, and its buttons are kept (asked).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import NamedTuple

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QMessageBox

from caseworker_app.store import CaseStore

# A Monday. T08 hire 31-08-2018: the first follow-up is due 28-02-2021 (a Sunday),
# in practice Friday 26-02-2021.
TODAY = date(2021, 2, 1)


@pytest.fixture(autouse=True)
def qsettings_in_tmp(tmp_path):
    """QSettings write an INI file in tmp_path, never the user's settings or the registry."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    yield tmp_path / "settings"


class Asked(NamedTuple):
    """A question box as the user saw it: its buttons' texts by answer, and what Enter and Esc answer."""

    title: str
    buttons: dict[QMessageBox.StandardButton, str]
    enter: QMessageBox.StandardButton
    escape: QMessageBox.StandardButton


class MessageBoxes:
    """Stands in for QMessageBox's static functions: records each call and answers from a queue."""

    def __init__(self):
        self.calls: list[tuple[str, str, str]] = []
        self.answers: list[QMessageBox.StandardButton] = []
        self.asked: list[Asked] = []  # the boxes of ui/questions.py (the static functions have no buttons to see)

    def answer(self, *buttons: QMessageBox.StandardButton) -> None:
        """Queue the buttons the 'user' clicks, in order."""
        self.answers.extend(buttons)

    def _box(self, kind: str, default: QMessageBox.StandardButton):
        def box(parent, title, text, *args, **kwargs):
            self.calls.append((kind, title, text))
            return self.answers.pop(0) if self.answers else default

        return box

    def exec_box(self, box: QMessageBox) -> int:
        """A QMessageBox of standard buttons: recorded as a question, answered from the queue (No)."""
        self.calls.append(("question", box.windowTitle(), box.text()))
        enter, escape = box.defaultButton(), box.escapeButton()
        self.asked.append(
            Asked(
                box.windowTitle(),
                {box.standardButton(button): button.text() for button in box.buttons()},
                box.standardButton(enter) if enter else QMessageBox.StandardButton.NoButton,
                box.standardButton(escape) if escape else QMessageBox.StandardButton.NoButton,
            )
        )
        answer = self.answers.pop(0) if self.answers else QMessageBox.StandardButton.No
        return answer.value


@pytest.fixture(autouse=True)
def message_boxes(monkeypatch) -> MessageBoxes:
    """QMessageBox.question/information/warning/critical/about never block; see MessageBoxes."""
    boxes = MessageBoxes()
    ok = QMessageBox.StandardButton.Ok
    monkeypatch.setattr(QMessageBox, "question", boxes._box("question", QMessageBox.StandardButton.No))
    monkeypatch.setattr(QMessageBox, "information", boxes._box("information", ok))
    monkeypatch.setattr(QMessageBox, "warning", boxes._box("warning", ok))
    monkeypatch.setattr(QMessageBox, "critical", boxes._box("critical", ok))
    monkeypatch.setattr(QMessageBox, "about", boxes._box("about", ok))
    return boxes


class Dialogs:
    """Stands in for QDialog.exec(): each dialog is shown and handed to the next queued handler."""

    def __init__(self, boxes: MessageBoxes):
        self.handlers: list[Callable[[QDialog], None]] = []
        self.opened: list[QDialog] = []
        self._boxes = boxes

    def then(self, handler: Callable[[QDialog], None]) -> None:
        """Queue what the 'user' does in the next dialog that opens (type a date, press Enter)."""
        self.handlers.append(handler)

    def exec(self, dialog: QDialog) -> int:
        if isinstance(dialog, QMessageBox) and _standard_buttons_only(dialog):
            return self._boxes.exec_box(dialog)
        self.opened.append(dialog)
        dialog.show()
        if self.handlers:
            self.handlers.pop(0)(dialog)
        if dialog.isVisible():  # the 'user' did not close it: treat as Esc
            dialog.reject()
        return dialog.result()


def _standard_buttons_only(box: QMessageBox) -> bool:
    return all(box.standardButton(button) != QMessageBox.StandardButton.NoButton for button in box.buttons())


@pytest.fixture(autouse=True)
def dialogs(monkeypatch, message_boxes) -> Dialogs:
    """QDialog.exec() never starts a nested event loop in a test; see Dialogs."""
    stand_in = Dialogs(message_boxes)
    monkeypatch.setattr(QDialog, "exec", lambda self: stand_in.exec(self))
    return stand_in


@pytest.fixture
def today() -> Callable[[], date]:
    return lambda: TODAY


@pytest.fixture
def store(tmp_path):
    """A case database on a temporary file whose 'today' (for validation) is TODAY."""
    case_store = CaseStore(tmp_path / "sager.db", clock=lambda: TODAY)
    yield case_store
    case_store.close()
