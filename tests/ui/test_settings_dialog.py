"""Indstillinger: the caseworker sets name, municipality and horizons; the window follows."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from caseworker_app.ui.mainwindow import MainWindow, Tab
from caseworker_app.ui.settings_dialog import SettingsDialog


def name_the_caseworker(store) -> None:
    """The settings a caseworker has saved once (the dialog refuses an empty name)."""
    settings = store.settings()
    settings.caseworker_name, settings.municipality = "Anne Jensen", "Vesthimmerlands Kommune"
    store.save_settings(settings)


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
        "Anne Jensen",
        "Vesthimmerlands Kommune",
        14,
    )
    assert window.windowTitle() == "Opfølgningsfrister – Vesthimmerlands Kommune – Anne Jensen"


def test_the_warning_horizon_changes_what_counts_as_soon(qtbot, store, dialogs, today):
    # Today 01-02-2021; hire 15-09-2018 + 30 months = 15-03-2021 (Monday), 42 days ahead.
    store.create_case(citizen="Mette Skov", case_ref="2018-0915", trial_id="T08", dates={"hire": date(2018, 9, 15)})
    name_the_caseworker(store)
    window = MainWindow(store, today=today)
    qtbot.addWidget(window)
    assert window.deadline_items[0].deadline.status == "later"

    def user(dialog):
        dialog.warning_spin.setValue(45)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    dialogs.then(user)
    window.settings_action.trigger()
    assert window.deadline_items[0].deadline.status == "due_soon"


def test_closed_cases_past_the_retention_period_are_deleted_only_when_confirmed(
    qtbot, store, dialogs, message_boxes, today
):
    from PySide6.QtWidgets import QMessageBox

    # Today is 01-02-2021 (tests/ui/conftest.py); closed 15-01-2020 is more than 365 days ago.
    old = store.create_case(citizen="Ole Bak", case_ref="2019-0001", trial_id="T08", dates={"hire": date(2019, 1, 2)})
    store.close_case(old, reason="fastholdt i løntilskudsjob", day=date(2020, 1, 15))
    recent = store.create_case(
        citizen="Lise Dam", case_ref="2019-0002", trial_id="T08", dates={"hire": date(2019, 1, 2)}
    )
    store.close_case(recent, reason="fastholdt i løntilskudsjob", day=date(2020, 12, 1))
    name_the_caseworker(store)
    window = MainWindow(store, today=today)
    qtbot.addWidget(window)

    def user(dialog):
        dialog.retention_spin.setValue(365)
        dialog.purge_button.click()  # the 'user' first answers No
        message_boxes.answer(QMessageBox.StandardButton.Yes)
        dialog.purge_button.click()
        dialog.reject()

    dialogs.then(user)
    window.settings_action.trigger()
    asked = [call for call in message_boxes.calls if call[1] == "Slet afsluttede sager?"]
    assert len(asked) == 2
    assert asked[0][2].startswith("1 afsluttede sag har været afsluttet i mindst 365 dage.")
    [purge_box, _] = [box for box in message_boxes.asked if box.title == "Slet afsluttede sager?"]
    assert purge_box.buttons == {QMessageBox.StandardButton.Yes: "&Ja", QMessageBox.StandardButton.No: "&Nej"}
    assert purge_box.enter == purge_box.escape == QMessageBox.StandardButton.No  # Enter deletes nothing
    assert [c.citizen for c in store.list_cases()] == ["Lise Dam"]
    assert store.settings().retention_days == 365
    # The window was refreshed after the deletion: all cases shown, only the recent one is left.
    window.tabs.setCurrentIndex(Tab.CASES)
    window.status_filter.setCurrentIndex(window.status_filter.findData(""))
    assert [window.case_model.index(r, 0).data() for r in range(window.case_model.rowCount())] == ["Lise Dam"]


def test_enter_saves_and_deletes_nothing_and_an_empty_name_is_refused(qtbot, store, message_boxes, today):
    dialog = SettingsDialog(store, today=today)
    qtbot.addWidget(dialog)
    dialog.show()
    # Empty name: Enter does not save, and says why at the field.
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.boxes["caseworker_name"].error() == "Skriv dit navn – det står i journalnotater og på udskrifter"
    assert store.settings().caseworker_name == ""
    qtbot.keyClicks(dialog.name_edit, "Anne Jensen")
    qtbot.keyClicks(dialog.municipality_edit, "Vesthimmerlands Kommune")
    qtbot.keyClick(dialog.municipality_edit, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert store.settings().caseworker_name == "Anne Jensen"
    assert message_boxes.calls == []  # the purge was never started


def test_the_snart_setting_changes_the_groups_on_frister(qtbot, store, dialogs, today):
    # Today 01-02-2021 (Monday); hire 15-09-2018 + 30 months = 15-03-2021, 42 days ahead: "Senere"
    # with the default 30 days, "Næste 45 dage" once 'snart' is 45 days.
    store.create_case(citizen="Mette Skov", case_ref="2018-0915", trial_id="T08", dates={"hire": date(2018, 9, 15)})
    name_the_caseworker(store)
    window = MainWindow(store, today=today)
    qtbot.addWidget(window)
    titles = [window.deadline_model.index(r, 0).data() for r in range(window.deadline_model.rowCount())]
    assert titles == ["Overskredet (0)", "Denne uge (0)", "Næste 30 dage (0)", "Senere (1)"]

    def user(dialog):
        dialog.warning_spin.setValue(45)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    dialogs.then(user)
    window.settings_action.trigger()
    titles = [window.deadline_model.index(r, 0).data() for r in range(window.deadline_model.rowCount())]
    assert titles == ["Overskredet (0)", "Denne uge (0)", "Næste 45 dage (1)", "Senere (0)"]


def test_the_backup_rotation_is_set_in_indstillinger(qtbot, store, today):
    from PySide6.QtWidgets import QLabel

    from caseworker_app.core.settings import BACKUP_LIMITS, SETTING_LABELS_DA
    from caseworker_app.store.backup import rotation_of

    name_the_caseworker(store)
    dialog = SettingsDialog(store, today=today)
    qtbot.addWidget(dialog)
    dialog.show()
    # Opened tall enough for every wrapped note (Qt alone would squeeze them into each other).
    assert dialog.height() >= dialog.layout().totalHeightForWidth(dialog.width())
    spins = dialog.backup_spins
    assert [spins[n].value() for n in ("backup_daily", "backup_weekly", "backup_monthly")] == [7, 4, 12]
    labels = {label.buddy(): label.text().replace("&", "") for label in dialog.findChildren(QLabel) if label.buddy()}
    for name, spin in spins.items():
        assert labels[spin] == f"{SETTING_LABELS_DA[name]}:"
        assert (spin.minimum(), spin.maximum()) == BACKUP_LIMITS[name]
    assert [spins[n].suffix() for n in ("backup_daily", "backup_weekly", "backup_monthly")] == [
        " dage",
        " uger",
        " måneder",
    ]
    spins["backup_daily"].setValue(10)
    spins["backup_weekly"].setValue(0)
    spins["backup_monthly"].setValue(24)
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert store.settings().backup_rotation == (10, 0, 24)
    assert rotation_of(store.path) == (10, 0, 24)  # what the automatic backups rotate by


def test_the_purge_question_says_the_copies_are_cleaned_too_and_they_are(qtbot, store, message_boxes, today):
    from PySide6.QtWidgets import QMessageBox

    from caseworker_app.store.backup import list_backups, make_backup

    old = store.create_case(citizen="Ole Bak", case_ref="2019-0001", trial_id="T08", dates={"hire": date(2019, 1, 2)})
    store.close_case(old, reason="fastholdt i løntilskudsjob", day=date(2020, 1, 15))
    store.create_case(citizen="Lise Dam", case_ref="2019-0002", trial_id="T08", dates={"hire": date(2019, 1, 2)})
    name_the_caseworker(store)
    make_backup(store.path)
    assert [b.cases for b in list_backups(store.path)] == [2]
    dialog = SettingsDialog(store, today=today)
    qtbot.addWidget(dialog)
    dialog.retention_spin.setValue(365)
    message_boxes.answer(QMessageBox.StandardButton.Yes)
    dialog.purge_button.click()
    (question,) = [c[2] for c in message_boxes.calls if c[1] == "Slet afsluttede sager?"]
    assert "kan ikke gendannes. De slettes også fra sikkerhedskopierne i mappen sikkerhedskopier" in question
    assert "undtagen fra en sikkerhedskopi" not in question
    assert dialog.purged == 1
    assert [b.cases for b in list_backups(store.path)] == [1]  # the copy no longer holds Ole Bak


def test_the_purge_waits_for_the_start_s_copy_so_no_copy_keeps_a_purged_case(
    qtbot, store, message_boxes, today, monkeypatch
):
    """The start's copy is read from the database before the purge and put in place after it
    (slowed here): the purge waits for it, so that copy is purged too."""
    import sqlite3
    import time

    from PySide6.QtWidgets import QMessageBox

    from caseworker_app.store.backup import list_backups, writing
    from caseworker_app.ui import backup_dialog

    old = store.create_case(citizen="Ole Bak", case_ref="2019-0001", trial_id="T08", dates={"hire": date(2019, 1, 2)})
    store.close_case(old, reason="fastholdt i løntilskudsjob", day=date(2020, 1, 15))  # > 365 days before 01-02-2021
    name_the_caseworker(store)
    put_in_place = writing.replace_file

    def slowly(temporary, target):
        time.sleep(0.4)  # a large database's copy: read long before it is in place
        put_in_place(temporary, target)

    monkeypatch.setattr(writing, "replace_file", slowly)
    dialog = SettingsDialog(store, today=today)
    qtbot.addWidget(dialog)
    backup_dialog.daily_backup_in_background(store.path)  # the start's copy, being made
    dialog.retention_spin.setValue(365)
    message_boxes.answer(QMessageBox.StandardButton.Yes)
    dialog.purge_button.click()
    assert store.list_cases(include_closed=True) == []
    backup_dialog.wait_for_daily_backup()  # (done already, if the purge waited as it must)
    [copy] = list_backups(store.path)
    with sqlite3.connect(copy.path) as conn:
        assert conn.execute("SELECT count(*) FROM cases").fetchone() == (0,)  # Ole Bak is gone there too
