"""A case deleted elsewhere (another copy of the program on the same database) while the caseworker
prints it, writes a note or registers an event for it: said in Danish, the windows about it closed,
the list read anew, what was typed kept where it can be; never 'uventet fejl' (issue). The program's
own excepthook and the window's handler are installed as at start (ui/app.py), and the errors come
from Qt's slots as a click makes them."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QApplication

from caseworker_app.core.history import JOURNAL_NOTE
from caseworker_app.excepthook import install_excepthook, tell_known_errors
from caseworker_app.store import CaseStore
from caseworker_app.ui.case_gone import GONE_MEANWHILE_TITLE
from caseworker_app.ui.mainwindow import MainWindow
from caseworker_app.ui.mainwindow.tabs import Tab
from caseworker_app.ui.store_errors import StoreErrorTeller
from tests.note_cases import note_database

from .actions import click, type_into

pytestmark = pytest.mark.qt_no_exception_capture  # the program's own excepthook gets the slot's error

NOTE_DAY = date(2020, 1, 6)  # the T07 reference case's note day (tests/ui/test_busy_database_saves.py)
GONE = (
    "findes ikke længere: den er slettet et andet sted (fx i en anden kopi af programmet), mens du arbejdede "
    "med den. Intet er gemt eller udskrevet for den, og listen er opdateret."
)


@pytest.fixture
def ids(tmp_path):
    return note_database(tmp_path / "sager.db")


@pytest.fixture
def window(qtbot, tmp_path, ids):
    main = MainWindow(CaseStore(tmp_path / "sager.db", clock=lambda: NOTE_DAY), today=lambda: NOTE_DAY, settings=None)
    qtbot.addWidget(main)
    main.show()
    main.tabs.setCurrentIndex(Tab.CASES)
    yield main
    if main.store is not None:
        main.store.close()


@pytest.fixture
def unexpected(window):
    """The 'uventet fejl' texts the program's excepthook showed, with the window's handler installed."""
    shown: list[str] = []
    restore = install_excepthook(shown.append)
    undo = tell_known_errors(StoreErrorTeller(window, window.store.path))
    yield shown
    undo()
    restore()


def delete_elsewhere(window, case_id: int) -> None:
    with CaseStore(window.store.path, clock=lambda: NOTE_DAY) as other:  # another copy of the program
        other.delete_case(case_id, reason="Oprettet ved en fejl")


def gone_boxes(message_boxes) -> list[str]:
    return [text for kind, title, text in message_boxes.calls if title == GONE_MEANWHILE_TITLE]


def open_windows() -> list[str]:
    return [w.windowTitle() for w in QApplication.topLevelWidgets() if w.isVisible() and w.windowTitle()]


def test_printing_a_plan_of_a_case_deleted_meanwhile_says_so_and_closes_its_windows(
    window, ids, unexpected, message_boxes, dialogs, qtbot
):
    case_window = window.open_case(ids["T08"])
    citizen, case_ref = case_window.case.citizen, case_window.case.case_ref

    def delete_then_preview(dialog):
        delete_elsewhere(window, ids["T08"])
        click(qtbot, dialog.preview_button)

    dialogs.then(delete_then_preview)
    click(qtbot, case_window.print_button)

    assert unexpected == []
    assert gone_boxes(message_boxes) == [f"Sagen for {citizen} ({case_ref}) {GONE}"]
    assert not dialogs.opened[0].isVisible()  # the print dialog
    assert not case_window.isVisible() and window.case_windows() == []
    assert window.case_model.rowCount() == 1  # the list read anew


def test_the_plan_from_the_menu_of_a_case_deleted_since_the_list_was_read(
    window, ids, unexpected, message_boxes, dialogs
):
    window.case_view.setCurrentIndex(window.case_model.index(0, 0))
    listed = window.selected_case()
    delete_elsewhere(window, listed.id)

    window.print_plan_action.trigger()

    assert unexpected == []
    assert gone_boxes(message_boxes) == [f"Sagen for {listed.citizen} ({listed.case_ref}) {GONE}"]
    assert dialogs.opened == [] and window.case_model.rowCount() == 1


def test_a_note_copied_for_a_case_deleted_meanwhile_is_on_the_clipboard_and_said(
    window, ids, unexpected, message_boxes, dialogs, qtbot
):
    case_window = window.open_case(ids["T07"])
    QApplication.clipboard().clear()
    typed = {}

    def write_delete_copy(note):
        note.situation_combo.setCurrentIndex(note.situation_combo.findData("plan_ikke_justeret"))
        type_into(qtbot, note.reason_edit, "Stabilt behandlingsforløb.")
        typed["note"] = note.note_edit.toPlainText()
        delete_elsewhere(window, ids["T07"])
        click(qtbot, note.copy_button)

    dialogs.then(write_delete_copy)
    click(qtbot, case_window.note_button)

    assert unexpected == []
    assert gone_boxes(message_boxes) == [
        f"Sagen for {case_window.case.citizen} ({case_window.case.case_ref}) {GONE}\n\nNotatet, du skrev, er lagt i "
        "udklipsholderen, så du kan sætte det ind i FASIT."
    ]
    assert "Stabilt behandlingsforløb." in typed["note"]
    assert QApplication.clipboard().text() == typed["note"].replace("\n", "\r\n")  # the note is not lost
    assert not dialogs.opened[0].isVisible() and not case_window.isVisible()
    assert ("question", "Luk uden at kopiere?") not in [call[:2] for call in message_boxes.calls]
    assert window.case_model.rowCount() == 1
    with CaseStore(window.store.path) as other:
        assert all(row.kind != JOURNAL_NOTE for case in other.list_cases() for row in other.history(case.id))


def test_an_event_saved_for_a_case_deleted_meanwhile_is_said_and_its_dialog_closed(
    window, ids, unexpected, message_boxes, dialogs, qtbot
):
    window.case_view.setCurrentIndex(window.case_model.index(0, 0))
    listed = window.selected_case()

    def delete_then_save(dialog):
        dialog.kind_combo.setCurrentIndex(1)  # the first kind after "Vælg …"
        type_into(qtbot, dialog.date_edit, "06-01-2020")
        type_into(qtbot, dialog.text_edit, "Samtale på virksomheden")
        delete_elsewhere(window, listed.id)
        click(qtbot, dialog.save_button)

    dialogs.then(delete_then_save)
    window.register_action.trigger()

    assert unexpected == []
    assert gone_boxes(message_boxes) == [f"Sagen for {listed.citizen} ({listed.case_ref}) {GONE}"]
    assert not dialogs.opened[0].isVisible()
    assert window.case_model.rowCount() == 1


def test_a_case_window_with_typed_changes_stays_open_with_them_when_its_case_is_deleted(
    window, ids, unexpected, message_boxes, dialogs, qtbot
):
    case_window = window.open_case(ids["T08"])
    type_into(qtbot, case_window.note_edit, "Ringet til arbejdsgiveren")
    delete_elsewhere(window, ids["T08"])

    click(qtbot, case_window.print_button)

    assert unexpected == []
    [said] = gone_boxes(message_boxes)
    assert said.endswith(f"{GONE}\n\nSagsvinduet er åbent med det, du har skrevet i det, så du kan kopiere det.")
    assert case_window.isVisible()
    assert case_window.note_edit.toPlainText() == "Ringet til arbejdsgiveren"
    assert case_window.general_error.text().startswith("⚠ Intet er gemt: sagen er slettet et andet sted")
