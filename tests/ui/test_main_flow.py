"""A caseworker's whole round in the main window: new case, follow-up, search, close."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from caseworker_app.ui.mainwindow import MainWindow, Tab
from caseworker_app.ui.overview import DeadlineColumn

from .actions import type_into


def frister(window: MainWindow) -> dict[str, list[tuple[str, str]]]:
    """Group title -> [(frist, borger)] as the Frister tab shows them."""
    model = window.deadline_model
    shown = {}
    for row in range(model.rowCount()):
        parent = model.index(row, 0)
        shown[model.data(parent)] = [
            (
                model.data(model.index(r, DeadlineColumn.DUE, parent)),
                model.data(model.index(r, DeadlineColumn.CITIZEN, parent)),
            )
            for r in range(model.rowCount(parent))
        ]
    return shown


def test_new_case_follow_up_search_and_close_from_the_main_window(qtbot, store, dialogs, today):
    window = MainWindow(store, today=today)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)

    def create(case_window):
        type_into(qtbot, case_window.citizen_edit, "Jens Hansen")
        type_into(qtbot, case_window.case_ref_edit, "2018-0831")
        case_window.trial_combo.setCurrentIndex(case_window.trial_combo.findData("T08"))  # a new case's trial is chosen
        type_into(qtbot, case_window.date_boxes["hire"].editor, "31-08-2018")
        qtbot.mouseClick(case_window.save_button, Qt.MouseButton.LeftButton)
        case_window.accept()

    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)  # Ctrl+N
    # The case opens in a window beside the lists (not modal): the main window stays usable.
    [case_window] = window.case_windows()
    assert case_window.isVisible() and not case_window.isModal()
    create(case_window)
    assert window.case_windows() == []
    # Today 01-02-2021: 31-08-2018 + 30 months = 28-02-2021, within the next 30 days.
    assert frister(window)["Næste 30 dage (1)"] == [("28-02-2021", "Jens Hansen")]
    assert window.status_counts.text() == "0 overskredet · 0 denne uge"

    # Select the deadline and register a follow-up held 10-01-2021 with Ctrl+R.
    group = window.deadline_model.index(2, 0)
    window.deadline_view.setCurrentIndex(window.deadline_model.index(0, 0, group))

    def follow_up(dialog):
        qtbot.keyClicks(dialog.date_edit, "10-01-2021")
        qtbot.keyClick(dialog.date_edit, Qt.Key.Key_Return)

    dialogs.then(follow_up)
    qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    # 10-01-2021 + 30 months = 10-07-2023.
    assert frister(window)["Senere (1)"] == [("10-07-2023", "Jens Hansen")]
    assert [e.day for e in store.list_cases()[0].events] == [date(2021, 1, 10)]

    # On Sager (Ctrl+2), Ctrl+F searches the case list.
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == Tab.CASES and window.search_box.hasFocus()
    qtbot.keyClicks(window.search_box, "0831")
    assert window.case_model.rowCount() == 1
    window.case_view.setCurrentIndex(window.case_model.index(0, 0))

    def close_case(dialog):
        reason = dialog.reason_combo.findData("fastholdt i løntilskudsjob")
        dialog.reason_combo.setCurrentIndex(reason)
        type_into(qtbot, dialog.date_edit, "29-01-2021")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    dialogs.then(close_case)
    window.close_case_action.trigger()
    assert store.list_cases()[0].status == "afsluttet"
    assert all(not items for items in frister(window).values())
    assert window.case_model.rowCount() == 0  # the list shows active cases by default


def test_case_windows_are_not_modal_and_closing_the_main_window_asks_about_unsaved_ones(
    qtbot, store, message_boxes, today
):
    from PySide6.QtWidgets import QMessageBox

    first = store.create_case(
        citizen="Jens Hansen", case_ref="2018-0831", trial_id="T08", dates={"hire": date(2018, 8, 31)}
    )
    second = store.create_case(
        citizen="Mette Skov", case_ref="2018-0915", trial_id="T08", dates={"hire": date(2018, 9, 15)}
    )
    window = MainWindow(store, today=today)
    qtbot.addWidget(window)
    window.show()
    a, b = window.open_case(first), window.open_case(second)
    assert window.open_case(first) is a  # the same case is raised, not opened twice
    assert window.case_windows() == [a, b] and not a.isModal()
    # The list is still usable while both are open.
    window.tabs.setCurrentIndex(Tab.CASES)
    window.case_view.setCurrentIndex(window.case_model.index(0, 0))
    assert window.selected_case_id() in (first, second)
    # An unsaved change in one window: closing the main window asks; "Annuller" keeps all open.
    type_into(qtbot, b.citizen_edit, "Mette Skov Hansen")
    message_boxes.answer(QMessageBox.StandardButton.Cancel)
    window.close()
    assert window.isVisible() and b.isVisible()
    assert message_boxes.calls[-1][1] == "Gem ændringer?"
    # "Gem" saves it and everything closes.
    message_boxes.answer(QMessageBox.StandardButton.Save)
    window.close()
    assert not window.isVisible() and window.case_windows() == []
    assert store.get_case(second).citizen == "Mette Skov Hansen"


def test_a_case_created_by_mistake_is_deleted_from_its_window_after_asking_why(qtbot, store, dialogs, today):
    mistake = store.create_case(
        citizen="Jens Hansen", case_ref="2018-0831", trial_id="T08", dates={"hire": date(2018, 8, 31)}
    )
    window = MainWindow(store, today=today)
    qtbot.addWidget(window)
    window.show()
    case_window = window.open_case(mistake)
    seen = {}

    def answer(dialog):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)  # no reason yet
        seen["error"] = dialog.boxes["reason"].error()
        type_into(qtbot, dialog.reason_edit, "Oprettet i det forkerte forsøg")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    dialogs.then(answer)
    qtbot.mouseClick(case_window.delete_button, Qt.MouseButton.LeftButton)
    assert seen["error"] == "Skriv, hvorfor sagen slettes"
    assert not case_window.isVisible() and window.case_windows() == []
    assert store.list_cases(include_closed=True) == []
    assert all(not items for items in frister(window).values())  # the list was refreshed
    assert store.deletions()[0]["reason"] == "Oprettet i det forkerte forsøg"
