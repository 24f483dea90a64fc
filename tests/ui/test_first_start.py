"""The first start as a new caseworker meets it: asked for name and municipality, then a welcome in
the empty window that says how to begin, gone once the first case is saved."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QModelIndex, QProcess, QSettings, Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from caseworker_app import logs
from caseworker_app.store import CaseStore
from caseworker_app.store.demo import create_demo_database
from caseworker_app.ui import app as app_module
from caseworker_app.ui import backup_dialog
from caseworker_app.ui.first_start_dialog import FirstStartDialog
from caseworker_app.ui.mainwindow import MainWindow, Tab
from caseworker_app.ui.overview import CaseColumn, DeadlineColumn

from .actions import click, type_into


@pytest.fixture
def window(qtbot, store, tmp_path, today):
    settings = QSettings(str(tmp_path / "vindue.ini"), QSettings.Format.IniFormat)
    window = MainWindow(store, today=today, settings=settings)
    qtbot.addWidget(window)
    window.show()
    return window


def test_the_first_start_asks_for_name_and_municipality_and_refuses_an_empty_name(qtbot, window, store):
    dialog = window.offer_first_start()
    assert isinstance(dialog, FirstStartDialog)
    assert dialog.isVisible() and dialog.windowTitle() == "Velkommen til Opfølgningsfrister"
    assert window.isEnabled()  # window-modal, opened without a nested event loop
    type_into(qtbot, dialog.municipality_edit, "Vesthimmerlands Kommune")
    click(qtbot, dialog.save_button)
    assert dialog.isVisible()
    assert dialog.boxes["caseworker_name"].error() == "Skriv dit navn – det står i journalnotater og på udskrifter"
    assert dialog.boxes["municipality"].error() == ""
    assert store.settings().caseworker_name == "" and store.settings().municipality == ""  # nothing saved

    type_into(qtbot, dialog.name_edit, "Anne Jensen")
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert (store.settings().caseworker_name, store.settings().municipality) == (
        "Anne Jensen",
        "Vesthimmerlands Kommune",
    )
    assert window.windowTitle() == "Opfølgningsfrister – Vesthimmerlands Kommune – Anne Jensen"
    assert window.offer_first_start() is None  # asked once: both are set now


def test_senere_saves_nothing_and_the_next_start_asks_again(qtbot, window, store):
    dialog = window.offer_first_start()
    type_into(qtbot, dialog.name_edit, "Anne Jensen")
    click(qtbot, dialog.later_button)
    assert not dialog.isVisible()
    assert store.settings().caseworker_name == ""
    assert window.offer_first_start() is not None


def test_run_window_asks_at_a_real_start_but_never_for_the_demo(tmp_path, monkeypatch, qapp):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setattr(backup_dialog, "daily_backup", lambda path, **_: None)
    asked = []
    monkeypatch.setattr(MainWindow, "offer_first_start", lambda self: asked.append(self.demo))
    open_store = MainWindow.open_store

    def open_then_end(self, store):
        open_store(self, store)
        # Ended as soon as the start is done (QApplication.exit, not quit(), which would close
        # every window of the test process for good).
        QTimer.singleShot(0, lambda: QApplication.exit(0))

    monkeypatch.setattr(MainWindow, "open_store", open_then_end)
    demo = tmp_path / "demo" / "demo.db"
    demo.parent.mkdir()
    try:
        assert app_module.run_window(tmp_path / "sager.db") == 0
        assert asked == [False]
        assert app_module.run_window(demo, demo=True, prepare=lambda: create_demo_database(demo, date.today())) == 0
    finally:
        logs.teardown_logging()
    assert asked == [False]  # the demo is never asked


def test_an_empty_database_shows_the_welcome_until_the_first_case(qtbot, window, store, dialogs):
    assert window.welcome_shown()
    welcome = window.welcome
    assert "Skriv dit navn og din kommune." in welcome.settings_text.text()

    def create(case_window):
        type_into(qtbot, case_window.citizen_edit, "Jens Hansen")
        type_into(qtbot, case_window.case_ref_edit, "2018-0831")
        case_window.trial_combo.setCurrentIndex(case_window.trial_combo.findData("T08"))  # a new case's trial is chosen
        type_into(qtbot, case_window.date_boxes["hire"].editor, "31-08-2018")
        click(qtbot, case_window.save_button)
        case_window.accept()

    click(qtbot, welcome.new_case_button)  # as Ctrl+N
    [case_window] = window.case_windows()
    create(case_window)
    assert not window.welcome_shown()
    assert window.deadline_view.isVisible()
    model = window.deadline_model
    assert model.data(model.index(2, 0)) == "Næste 30 dage (1)"  # 31-08-2018 + 30 months = 28-02-2021
    # The list is laid out as at a start with cases (its model was given to it only now): the
    # group's title spans the row, its deadline shows under it, the columns are fitted.
    view = window.deadline_view
    assert view.model() is model
    assert view.isFirstColumnSpanned(2, QModelIndex()) and view.isExpanded(model.index(2, 0))
    assert model.data(model.index(0, DeadlineColumn.CITIZEN, model.index(2, 0))) == "Jens Hansen"
    assert view.header().sectionSize(DeadlineColumn.DUE) > 0 and not window.deadline_columns.user_sized
    # And Sager, once shown, is sorted by the next deadline, as at any start.
    window.tabs.setCurrentIndex(Tab.CASES)
    header = window.case_view.horizontalHeader()
    assert window.case_view.model() is window.case_model and window.case_model.rowCount() == 1
    assert window.case_view.isSortingEnabled() and header.sortIndicatorSection() == CaseColumn.NEXT_DUE
    assert header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder


def test_the_welcome_steps_lead_to_indstillinger_import_and_the_demo(
    qtbot, window, store, dialogs, message_boxes, monkeypatch
):
    welcome = window.welcome

    def name_myself(dialog):
        type_into(qtbot, dialog.name_edit, "Anne Jensen")
        type_into(qtbot, dialog.municipality_edit, "Vesthimmerlands Kommune")
        click(qtbot, dialog.save_button)

    dialogs.then(name_myself)
    click(qtbot, welcome.settings_button)
    assert window.welcome_shown()  # still no case
    assert welcome.settings_text.text() == (
        "✓ <b>Du står som Anne Jensen, Vesthimmerlands Kommune.</b> Ret det i Indstillinger."
    )

    click(qtbot, welcome.import_button)
    assert type(dialogs.opened[-1]).__name__ == "ImportDialog"  # closed again with Esc by the stand-in

    started = []
    monkeypatch.setattr(QProcess, "startDetached", lambda program, arguments: started.append(arguments) or (True, 1))
    click(qtbot, welcome.demo_button)
    assert started and started[0][-1] == "--demo"


def test_filer_importer_sager_is_ctrl_i_and_no_other_command_has_it(qtbot, window, dialogs):
    assert window.import_action.text() == "&Importér sager …"
    assert window.import_action.shortcut() == QKeySequence("Ctrl+I")
    others = [
        a.text()
        for a in window.findChildren(type(window.import_action))
        if a is not window.import_action and QKeySequence("Ctrl+I") in a.shortcuts()
    ]
    assert others == []
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert dialogs.opened and dialogs.opened[-1].windowTitle() == "Importér sager"


def test_no_welcome_once_there_is_a_case_even_a_closed_one(qtbot, store, tmp_path, today):
    case_id = store.create_case(
        citizen="Jens Hansen", case_ref="2018-0831", trial_id="T08", dates={"hire": date(2018, 8, 31)}
    )
    store.close_case(case_id, reason="fastholdt i løntilskudsjob", day=date(2021, 1, 29))
    window = MainWindow(store, today=today, settings=QSettings(str(tmp_path / "v.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    assert not window.welcome_shown()


def test_the_demo_database_never_asks(tmp_path):
    create_demo_database(tmp_path / "demo.db", date(2026, 11, 23))
    with CaseStore(tmp_path / "demo.db") as demo:
        from caseworker_app.core.settings import needs_first_start

        assert not needs_first_start(demo.settings())
