"""The import dialog's lines about the file (rows read, names respelled, problems) take at most a
fifth of a low dialog, in whole lines, and scroll beyond it: at 1366×768 with 150 % scaling and
150 % text they left the preview one row (a tester)."""

from __future__ import annotations

from datetime import date

import pytest

from caseworker_app.ui.importing.dialog import ImportDialog
from caseworker_app.ui.importing.notes_area import FileNotes

from .test_import_dialog import XLSX, files, pick, store  # noqa: F401 - fixtures used by name

TODAY = date(2026, 11, 30)


@pytest.fixture
def db(tmp_path):
    return tmp_path / "sager.db"


def test_a_long_note_on_a_low_dialog_scrolls_in_whole_lines(qtbot, store, files):  # noqa: F811
    dialog = ImportDialog(store, today=lambda: TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.resize(900, 440)
    pick(qtbot, dialog, files, XLSX)
    many = "\n".join(f"Sagsbehandler 'person {n}' gemmes som 'Person {n}' (række {n})." for n in range(12))
    dialog.message_label.setText(many)
    dialog.notes.refit()
    qtbot.waitUntil(lambda: dialog.notes.height() > 0)

    line = dialog.message_label.fontMetrics().lineSpacing()
    assert dialog.notes.height() <= 440 // 5
    assert dialog.notes.height() % line == 0  # no line cut in half
    assert dialog.notes.verticalScrollBar().maximum() > 0  # the rest is a scroll away, not lost
    assert dialog.message_label.text() == many


def test_a_short_note_takes_only_its_own_lines(qtbot, store, files):  # noqa: F811
    dialog = ImportDialog(store, today=lambda: TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.resize(900, 700)
    pick(qtbot, dialog, files, XLSX)
    dialog.message_label.setText("5 rækker læst.")
    dialog.notes.refit()
    line = dialog.message_label.fontMetrics().lineSpacing()
    assert dialog.notes.height() == line  # one line, no empty space above the tabs
    assert dialog.notes.verticalScrollBar().maximum() == 0


def test_no_note_and_no_problem_hides_the_area(qtbot, store):  # noqa: F811
    dialog = ImportDialog(store, today=lambda: TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    assert isinstance(dialog.notes, FileNotes)
    assert dialog.notes.isHidden()  # before a file is chosen
