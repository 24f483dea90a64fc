"""The daily round with the keyboard alone: every step is a key sent to the widget that has the
focus, as a keyboard would send it (pytest-qt keyClick/keyClicks; no mouse, no method calls).

Open a case from Frister (arrows, Enter), register a follow-up (Ctrl+R, Enter), write and copy the
journal note (Alt+J, Alt+E, typing, Alt+K, Esc), close the case (Esc) and print this week's
calendar as a PDF (Ctrl+P, Alt+P, arrows, Alt+G; the file dialog answers with a path).
"""

from __future__ import annotations

import shutil
from datetime import date

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QFileDialog

from caseworker_app.ui.mainwindow import MainWindow
from tests.pdf import pdf_text

from .conftest import TODAY

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils mangler")

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


def focused():
    widget = QApplication.focusWidget()
    assert widget is not None, "intet har fokus"
    return widget


def key(qtbot, name: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """Press a key: it goes to the widget that has the keyboard focus. A button's Alt+letter
    clicks it the way Qt does, 100 ms later (animateClick): wait for that."""
    qtbot.keyClick(focused(), name, modifier)
    if modifier == ALT:
        qtbot.wait(150)


def write(qtbot, text: str) -> None:
    qtbot.keyClicks(focused(), text)


def wait_for_focus_in(qtbot, window) -> None:
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None and window.isAncestorOf(QApplication.focusWidget()))


def back_to(qtbot, window) -> None:
    """A dialog has closed: the window system makes the window below active again (offscreen, Qt
    does not), and its focus is where it was."""
    window.activateWindow()
    wait_for_focus_in(qtbot, window)


@pytest.fixture
def cases(store):
    # 31-08-2018 + 30 months = 28-02-2021 (a Sunday), in practice Friday 26-02-2021: the next 30 days.
    store.create_case(
        citizen="Jens Hansen",
        case_ref="2018-0831",
        trial_id="T08",
        dates={"hire": date(2018, 8, 31)},
        caseworker="Anne Jensen",
    )
    settings = store.settings()
    settings.caseworker_name, settings.municipality = "Anne Jensen", "Vesthimmerlands Kommune"
    store.save_settings(settings)
    return store


def test_the_daily_round_with_the_keyboard_alone(qtbot, cases, dialogs, tmp_path, monkeypatch):
    window = MainWindow(
        cases, today=lambda: TODAY, settings=QSettings(str(tmp_path / "vindue.ini"), QSettings.Format.IniFormat)
    )
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    # The list of deadlines has the focus when the program opens.
    assert focused() is window.deadline_view

    # The first place to stop is "Næste 30 dage (1)": the empty "Overskredet (0)" and "Denne uge (0)"
    # are passed. Down to its deadline; Enter opens the case beside the list.
    view = window.deadline_view
    assert view.currentIndex().data() == "Næste 30 dage (1)"
    key(qtbot, Qt.Key.Key_Down)
    assert view.currentIndex().siblingAtColumn(2).data() == "Jens Hansen"
    key(qtbot, Qt.Key.Key_Return)
    [case_window] = window.case_windows()
    assert case_window.windowTitle() == "Sag: Jens Hansen (2018-0831)"
    wait_for_focus_in(qtbot, case_window)

    # Ctrl+R: the follow-up dialog opens with today's date chosen; Enter saves it.
    def follow_up(dialog):
        wait_for_focus_in(qtbot, dialog)
        assert focused() is dialog.date_edit and dialog.date_edit.text() == "01-02-2021"
        key(qtbot, Qt.Key.Key_Return)

    dialogs.then(follow_up)
    key(qtbot, Qt.Key.Key_R, CTRL)
    back_to(qtbot, case_window)
    assert [e.day for e in cases.get_case(case_window.case_id).events] == [TODAY]
    # Registered today: the next follow-up 30 months on, 01-08-2023 (a Tuesday).
    assert "frist 01-08-2023" in case_window.deadline_texts()[0]

    # Alt+J opens the journal note; Alt+E goes to "Egen tekst"; Alt+K copies the note.
    def note(note_window):
        wait_for_focus_in(qtbot, note_window)
        key(qtbot, Qt.Key.Key_E, ALT)
        assert focused() is note_window.free_text_edit
        write(qtbot, "Samtale om arbejdstiden.")
        key(qtbot, Qt.Key.Key_K, ALT)
        assert "Samtale om arbejdstiden." in note_window.note_text()
        key(qtbot, Qt.Key.Key_Escape)  # copied: closes without asking

    dialogs.then(note)
    key(qtbot, Qt.Key.Key_J, ALT)
    back_to(qtbot, case_window)
    copied = QGuiApplication.clipboard().text()
    assert "Samtale om arbejdstiden." in copied and "\r\n" in copied
    [row] = [r for r in cases.history(case_window.case_id) if r.kind == "journal_note"]
    assert "Samtale om arbejdstiden." in row.text

    # Esc closes the case window (nothing unsaved: no question) and the list has the focus again.
    key(qtbot, Qt.Key.Key_Escape)
    assert window.case_windows() == []
    back_to(qtbot, window)
    assert focused() is window.deadline_view

    # Ctrl+P, "Denne uge" chosen with Alt+P and the arrow keys, Alt+G saves the PDF.
    target = tmp_path / "uge.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "PDF-filer (*.pdf)"))

    def print_week(dialog):
        wait_for_focus_in(qtbot, dialog)
        key(qtbot, Qt.Key.Key_P, ALT)
        assert focused() is dialog.period_combo
        key(qtbot, Qt.Key.Key_Down)  # Denne måned → Denne uge
        assert dialog.period_combo.currentText() == "Denne uge"
        key(qtbot, Qt.Key.Key_G, ALT)
        key(qtbot, Qt.Key.Key_Escape)

    dialogs.then(print_week)
    key(qtbot, Qt.Key.Key_P, CTRL)
    text = pdf_text(target)
    assert "01-02-2021 – 07-02-2021" in text
