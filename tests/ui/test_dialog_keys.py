"""The form dialogs with the keyboard, as a caseworker who tabs about: Enter does what the dialog's
main button says wherever the focus is (except on "Annuller", which cancels); Esc cancels.

Every step is a key sent to the widget that has the focus (pytest-qt keyClick), the dialog opened
from the case window by its shortcut.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QMessageBox, QPlainTextEdit, QPushButton

from caseworker_app.core.cases import CLOSED
from caseworker_app.ui.case import CaseWindow
from caseworker_app.ui.printing.export_dialogs import ExportChoiceDialog

from .conftest import TODAY
from .windows import demo_store, walk

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


def focused():
    widget = QApplication.focusWidget()
    assert widget is not None, "intet har fokus"
    return widget


def key(qtbot, name: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """A key pressed: it goes to the widget that has the focus (Alt+letter on a button clicks it
    100 ms later, as Qt does)."""
    qtbot.keyClick(focused(), name, modifier)
    if modifier == ALT:
        qtbot.wait(150)


def tab_round(qtbot, dialog: QDialog) -> list[str]:
    """Tab from the first field through all of the dialog back to it; the buttons passed, by text."""
    first = focused()
    passed = tab_on(qtbot, 20, until=first)
    assert focused() is first, f"Tab kom ikke tilbage til {first!r}"
    return passed


def tab_on(qtbot, presses: int, until=None) -> list[str]:
    """Press Tab up to presses times (until the focus is on until); the buttons passed, by text."""
    passed = []
    for _ in range(presses):
        key(qtbot, Qt.Key.Key_Tab)
        if isinstance(focused(), QPushButton):
            passed.append(focused().text())
        if focused() is until:
            break
    return passed


def tab_to(qtbot, button: QPushButton) -> None:
    for _ in range(20):
        if focused() is button:
            return
        key(qtbot, Qt.Key.Key_Tab)
    raise AssertionError(f"Tab nåede ikke {button.text()}")


def cancel_button(dialog: QDialog) -> QPushButton:
    [button] = [b for b in dialog.findChildren(QPushButton) if b.text().replace("&", "") == "Annuller"]
    return button


def open_case(qtbot, store) -> CaseWindow:
    case_id = store.create_case(
        citizen="Jens Hansen", case_ref="2018-0831", trial_id="T08", dates={"hire": date(2018, 8, 31)}
    )
    window = CaseWindow(store, case_id, today=lambda: TODAY)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None and window.isAncestorOf(focused()))
    return window


def back_to(qtbot, window) -> None:
    """A dialog has closed: the window system makes the window below active again (offscreen, Qt
    does not)."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None and window.isAncestorOf(focused()))


def in_dialog(qtbot, dialog: QDialog) -> None:
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None and dialog.isAncestorOf(focused()))


# ------------------------------------------------------------------ Registrer hændelse (Ctrl+R)


def test_enter_saves_the_event_after_tabbing_round_the_dialog(qtbot, store, dialogs):
    window = open_case(qtbot, store)
    seen = {}

    def user(dialog):
        in_dialog(qtbot, dialog)
        seen["passed"] = tab_round(qtbot, dialog)
        seen["back on"] = focused() is dialog.date_edit
        key(qtbot, Qt.Key.Key_Return)

    dialogs.then(user)
    key(qtbot, Qt.Key.Key_R, CTRL)
    assert seen == {"passed": ["&Gem", "&Annuller"], "back on": True}
    assert [e.day for e in store.get_case(window.case_id).events] == [date(2021, 2, 1)]


def test_enter_on_annuller_cancels_the_event_and_esc_does_too(qtbot, store, dialogs):
    window = open_case(qtbot, store)

    def enter_on_cancel(dialog):
        in_dialog(qtbot, dialog)
        tab_to(qtbot, cancel_button(dialog))
        key(qtbot, Qt.Key.Key_Return)

    def escape_after_tabbing(dialog):
        in_dialog(qtbot, dialog)
        tab_round(qtbot, dialog)
        key(qtbot, Qt.Key.Key_Escape)

    for user in (enter_on_cancel, escape_after_tabbing):
        dialogs.then(user)
        back_to(qtbot, window)
        key(qtbot, Qt.Key.Key_R, CTRL)
        assert dialogs.opened[-1].result() == QDialog.DialogCode.Rejected
        assert not dialogs.opened[-1].isVisible()
    assert store.get_case(window.case_id).events == ()


# ------------------------------------------------------------------ Afslut sag (Alt+A)


def test_enter_closes_the_case_after_tabbing_round_the_dialog(qtbot, store, dialogs):
    window = open_case(qtbot, store)
    seen = {}

    def user(dialog):
        in_dialog(qtbot, dialog)
        key(qtbot, Qt.Key.Key_Down)  # "Vælg årsag …" → the first reason
        seen["reason"] = dialog.reason_combo.currentText()
        seen["passed"] = tab_round(qtbot, dialog)
        key(qtbot, Qt.Key.Key_Return)

    dialogs.then(user)
    key(qtbot, Qt.Key.Key_A, ALT)
    assert seen == {"reason": "Fastholdt i løntilskudsjob", "passed": ["&Afslut sagen", "A&nnuller"]}
    case = store.get_case(window.case_id)
    assert (case.status, case.end_reason, case.extra["closed_on"]) == (
        CLOSED,
        "fastholdt i løntilskudsjob",
        date(2021, 2, 1),
    )


def test_enter_on_annuller_leaves_the_case_open_and_esc_does_too(qtbot, store, dialogs):
    window = open_case(qtbot, store)

    def enter_on_cancel(dialog):
        in_dialog(qtbot, dialog)
        key(qtbot, Qt.Key.Key_Down)
        tab_to(qtbot, cancel_button(dialog))
        key(qtbot, Qt.Key.Key_Return)

    def escape_after_tabbing(dialog):
        in_dialog(qtbot, dialog)
        key(qtbot, Qt.Key.Key_Down)
        tab_round(qtbot, dialog)
        key(qtbot, Qt.Key.Key_Escape)

    for user in (enter_on_cancel, escape_after_tabbing):
        dialogs.then(user)
        back_to(qtbot, window)
        key(qtbot, Qt.Key.Key_A, ALT)
        assert dialogs.opened[-1].result() == QDialog.DialogCode.Rejected
        assert store.get_case(window.case_id).status == "aktiv"


# ------------------------------------------------------------------ Slet sag (Alt+E)


def test_enter_deletes_the_case_after_tabbing_round_the_dialog(qtbot, store, dialogs):
    window = open_case(qtbot, store)  # kept: qtbot holds a window by a weak reference only
    seen = {}

    def user(dialog):
        in_dialog(qtbot, dialog)
        qtbot.keyClicks(focused(), "Oprettet to gange")
        seen["passed"] = tab_round(qtbot, dialog)
        key(qtbot, Qt.Key.Key_Return)

    dialogs.then(user)
    key(qtbot, Qt.Key.Key_E, ALT)
    assert seen == {"passed": ["&Slet sagen", "&Annuller"]}
    assert not window.isVisible()
    assert store.list_cases(include_closed=True) == []
    assert store.deletions()[0]["reason"] == "Oprettet to gange"


def test_enter_on_annuller_keeps_the_case_and_esc_does_too(qtbot, store, dialogs):
    window = open_case(qtbot, store)

    def enter_on_cancel(dialog):
        in_dialog(qtbot, dialog)
        qtbot.keyClicks(focused(), "Oprettet to gange")
        tab_to(qtbot, cancel_button(dialog))
        key(qtbot, Qt.Key.Key_Return)

    def escape_after_tabbing(dialog):
        in_dialog(qtbot, dialog)
        qtbot.keyClicks(focused(), "Oprettet to gange")
        tab_round(qtbot, dialog)
        key(qtbot, Qt.Key.Key_Escape)

    for user in (enter_on_cancel, escape_after_tabbing):
        dialogs.then(user)
        back_to(qtbot, window)
        key(qtbot, Qt.Key.Key_E, ALT)
        assert dialogs.opened[-1].result() == QDialog.DialogCode.Rejected
        assert len(store.list_cases(include_closed=True)) == 1


# ------------------------------------------------------------------ every dialog


def test_enter_chooses_the_file_after_tabbing_round_the_export_choice(qtbot):
    """Eksportér til Outlook / regneark: "Kun mine" or "Alle", then Enter goes on to the file."""
    dialog = ExportChoiceDialog("Eksportér til Outlook", "Anne Jensen", "frister", True, False)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    in_dialog(qtbot, dialog)
    assert focused() is dialog.own_radio  # "Kun mine", chosen
    assert tab_round(qtbot, dialog) == ["Vælg &fil …", "A&nnuller"]
    key(qtbot, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted and not dialog.isVisible()


def enter_button(dialog: QDialog) -> list[str]:
    """The button Enter presses in dialog (from a field that does not take Enter itself)."""
    return [b.text() for b in dialog.findChildren(QPushButton) if b.window() is dialog and b.isDefault()]


def test_in_every_window_a_tab_round_leaves_enter_on_its_button_and_types_no_tab(qtbot, tmp_path):
    """A caseworker who tabs through all of a window and back to where the focus was has Enter on
    the button it was on when the dialog opened (not on "Annuller" or "Senere", passed on the way),
    and no text box took a Tab as a character (a note, a reason, Egen tekst)."""
    store = demo_store(tmp_path)
    enter_moved, tab_typed = {}, {}

    def visit(name: str, window) -> None:
        if isinstance(window, QMessageBox):
            return
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is not None and window.isAncestorOf(focused()))
        before = enter_button(window)
        # Round the window and back where it was (a table takes Tab from cell to cell: 30 presses then)
        passed = tab_on(qtbot, 30, until=focused())
        if isinstance(window, QDialog) and enter_button(window) != before:
            enter_moved[name] = (before, passed, enter_button(window))
        typed = [box.accessibleName() for box in window.findChildren(QPlainTextEdit) if "\t" in box.toPlainText()]
        if typed:
            tab_typed[name] = typed

    try:
        names = walk(store, tmp_path, visit)
    finally:
        store.close()
    assert {"registrer-opfoelgning", "afslut-sag", "slet-sag", "indstillinger", "foerste-start", "notat"} <= set(names)
    assert enter_moved == {}
    assert tab_typed == {}


# ------------------------------------------------------------------ room for the messages


def cut_off(dialog: QDialog) -> list[str]:
    """The texts of the dialog's visible wrapped labels that are not whole on the screen: lower than
    their lines need, or reaching below the dialog's lower edge."""
    return [
        label.text()
        for label in dialog.findChildren(QLabel)
        if label.isVisible()
        and label.wordWrap()
        and label.text()
        and (
            label.height() < label.heightForWidth(label.width())
            or label.mapTo(dialog, QPoint(0, label.height())).y() > dialog.height()
        )
    ]


def test_afslut_sag_grows_to_show_the_whole_message_about_a_future_date(qtbot, store, dialogs):
    window = open_case(qtbot, store)
    seen = {}

    def user(dialog):
        in_dialog(qtbot, dialog)
        seen["opened"] = cut_off(dialog)
        key(qtbot, Qt.Key.Key_Down)  # the first reason
        tab_on(qtbot, 2, until=dialog.date_edit)
        key(qtbot, Qt.Key.Key_A, CTRL)
        qtbot.keyClicks(focused(), "2-2-2021")  # tomorrow
        key(qtbot, Qt.Key.Key_Return)
        seen["error"] = dialog.boxes["day"].error()
        seen["cut off"] = cut_off(dialog)

    dialogs.then(user)
    key(qtbot, Qt.Key.Key_A, ALT)
    assert seen == {
        "opened": [],
        "error": "02-02-2021 ligger i fremtiden – en sag afsluttes på eller før i dag",
        "cut off": [],
    }
    assert store.get_case(window.case_id).status == "aktiv"


def test_slet_sag_grows_to_show_the_message_and_all_of_its_explanation(qtbot, store, dialogs):
    window = open_case(qtbot, store)
    seen = {}

    def user(dialog):
        in_dialog(qtbot, dialog)
        seen["opened"] = cut_off(dialog)
        key(qtbot, Qt.Key.Key_Return)  # no reason given
        seen["error"] = dialog.boxes["reason"].error()
        seen["cut off"] = cut_off(dialog)

    dialogs.then(user)
    key(qtbot, Qt.Key.Key_E, ALT)
    assert seen == {"opened": [], "error": "Skriv, hvorfor sagen slettes", "cut off": []}
    assert window.isVisible() and len(store.list_cases(include_closed=True)) == 1


def test_registrer_haendelse_grows_to_show_the_whole_message_about_a_future_date(qtbot, store, dialogs):
    window = open_case(qtbot, store)
    seen = {}

    def user(dialog):
        in_dialog(qtbot, dialog)
        qtbot.keyClicks(focused(), "2-2-2021")  # tomorrow, over today's date (selected)
        key(qtbot, Qt.Key.Key_Return)
        seen["error"] = dialog.boxes["day"].error()
        seen["cut off"] = cut_off(dialog)
        # The text box keeps its four lines below the message.
        seen["text box lines"] = dialog.text_edit.height() >= dialog.fontMetrics().lineSpacing() * 4

    dialogs.then(user)
    key(qtbot, Qt.Key.Key_R, CTRL)
    assert seen == {
        "error": "02-02-2021 ligger i fremtiden – registrér hændelsen, når den har fundet sted",
        "cut off": [],
        "text box lines": True,
    }
    assert store.get_case(window.case_id).events == ()
