"""Indstillinger: the caseworker sets name, municipality and horizons; the window follows."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from caseworker_app.ui.main_window import MainWindow
from caseworker_app.ui.settings_dialog import SettingsDialog


def test_settings_are_saved_and_shown_in_the_title(qtbot, store, dialogs, today):
    window = MainWindow(store, today=today)
    qtbot.addWidget(window)

    def user(dialog: SettingsDialog):
        dialog.name_edit.clear()
        qtbot.keyClicks(dialog.name_edit, "Anne Jensen")
        qtbot.keyClicks(dialog.municipality_edit, "Vesthimmerlands Kommune")
        dialog.warning_spin.setValue(14)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    dialogs.then(user)
    window.settings_action.trigger()
    saved = store.settings()
    assert (saved.caseworker_name, saved.municipality, saved.warning_days) == (
        "Anne Jensen", "Vesthimmerlands Kommune", 14)
    assert window.windowTitle() == "Opfølgningsfrister – Vesthimmerlands Kommune – Anne Jensen"


def test_the_warning_horizon_changes_what_counts_as_soon(qtbot, store, dialogs, today):
    # Today 01-02-2021; hire 15-09-2018 + 30 months = 15-03-2021 (Monday), 42 days ahead.
    store.create_case(citizen="Mette Skov", case_ref="2018-0915", trial_id="T08",
                      dates={"hire": date(2018, 9, 15)})
    window = MainWindow(store, today=today)
    qtbot.addWidget(window)
    assert window.deadline_items[0].deadline.status == "later"

    def user(dialog):
        dialog.warning_spin.setValue(45)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    dialogs.then(user)
    window.settings_action.trigger()
    assert window.deadline_items[0].deadline.status == "due_soon"
