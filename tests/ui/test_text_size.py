"""Indstillinger › Tekststørrelse: kept on this computer (QSettings, not the database), applied to
every window at once when saved, and at start."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QFont

from caseworker_app.ui.app import make_application
from caseworker_app.ui.case import CaseWindow
from caseworker_app.ui.mainwindow import MainWindow
from caseworker_app.ui.settings_dialog import SettingsDialog
from caseworker_app.ui.text_size import apply_text_size

from .actions import type_into


@pytest.fixture
def system_size(qapp):
    """The system's text size in points (the program's at 100 %); set back to it afterwards."""
    apply_text_size(100)
    yield qapp.font().pointSizeF()
    apply_text_size(100)


def choose(dialog: SettingsDialog, label: str) -> None:
    dialog.text_size_combo.setCurrentIndex(dialog.text_size_combo.findText(label))


@pytest.fixture
def screen(monkeypatch):
    """The logical size of the screen the dialog is on: a 1920×1080 laptop at 150 % unless set."""
    size = [1280, 680]
    monkeypatch.setattr(SettingsDialog, "_screen_size", lambda self: tuple(size))
    return size


def test_a_larger_text_size_applies_to_every_open_window_at_once(qtbot, store, today, system_size, qapp, screen):
    window = MainWindow(store, today=today)
    qtbot.addWidget(window)
    window.show()
    case_window = CaseWindow(store, None, today=today, parent=window)
    case_window.show()
    row_height = window.case_view.verticalHeader().defaultSectionSize()

    dialog = SettingsDialog(store, today=today, parent=window)
    qtbot.addWidget(dialog)
    assert [dialog.text_size_combo.itemText(i) for i in range(dialog.text_size_combo.count())] == [
        "100 % (systemets)",
        "125 %",
        "150 %",
        "175 %",
        "200 %",
    ]  # 1920×1080 at 150 % is checked at every size (tests/ui/test_screen_fit.py)
    assert dialog.text_size_box.hint_label.text() == "Gælder alle vinduer på denne computer."
    type_into(qtbot, dialog.name_edit, "Anne Jensen")
    type_into(qtbot, dialog.municipality_edit, "Vesthimmerlands Kommune")
    choose(dialog, "150 %")
    dialog.save_button.click()

    assert not dialog.isVisible()
    assert qapp.font().pointSizeF() == pytest.approx(system_size * 1.5)
    qapp.processEvents()  # Qt hands the new font to the widgets on the next turn of the event loop
    # Windows already open follow: their fields' text and the list's rows.
    assert case_window.citizen_edit.font().pointSizeF() == pytest.approx(system_size * 1.5)
    assert window.search_box.font().pointSizeF() == pytest.approx(system_size * 1.5)
    assert window.case_view.verticalHeader().defaultSectionSize() > row_height
    # Kept on this computer, not in the case database.
    assert QSettings().value("view/text_size") in (150, "150")
    assert not hasattr(store.settings(), "text_size")


def test_cancel_keeps_the_text_size(qtbot, store, today, system_size, qapp, screen):
    dialog = SettingsDialog(store, today=today)
    qtbot.addWidget(dialog)
    dialog.show()
    choose(dialog, "175 %")
    dialog.reject()
    assert qapp.font().pointSizeF() == pytest.approx(system_size)
    assert QSettings().value("view/text_size") is None


def test_the_text_size_chosen_is_used_at_start(system_size, qapp):
    system_family = qapp.font().family()
    make_application()  # names the settings file (as at start) before it is written
    QSettings().setValue("view/text_size", 125)
    make_application()
    assert qapp.font().pointSizeF() == pytest.approx(system_size * 1.25)
    assert QFont(qapp.font()).family() == system_family


def test_an_unknown_saved_size_falls_back_to_the_systems(system_size, qapp):
    make_application()
    QSettings().setValue("view/text_size", "kæmpestor")
    make_application()
    assert qapp.font().pointSizeF() == pytest.approx(system_size)


def test_a_size_larger_than_the_screen_is_checked_for_is_offered_with_a_warning(qtbot, store, today, screen):
    # 1366×768 at 150 % scaling: 911×472 logical pixels, usable at 125 % text. At 150 % the windows
    # still fit, but a tester saw the import's preview with under two rows and the note window's
    # required fields scrolled out of sight, after Indstillinger had offered 150 % as fitting.
    screen[:] = [911, 472]
    dialog = SettingsDialog(store, today=today)
    qtbot.addWidget(dialog)
    assert [dialog.text_size_combo.itemText(i) for i in range(dialog.text_size_combo.count())] == [
        "100 % (systemets)",
        "125 %",
        "150 % – for stor til denne skærm",
        "175 % – for stor til denne skærm",
        "200 % – for stor til denne skærm",
    ]
    dialog.text_size_combo.setCurrentIndex(dialog.text_size_combo.findData(125))
    assert dialog.text_size_box.hint_label.text() == "Gælder alle vinduer på denne computer."
    dialog.text_size_combo.setCurrentIndex(dialog.text_size_combo.findData(150))
    assert dialog.text_size_box.hint_label.text() == (
        "Gælder alle vinduer på denne computer.\n⚠ Skærmen er for lille til 150 % tekst: nogle vinduer og "
        "kolonner får for lidt plads og skal rulles. Højst 125 % passer på denne skærm."
    )
    dialog.text_size_combo.setCurrentIndex(dialog.text_size_combo.findData(100))
    assert dialog.text_size_box.hint_label.text() == "Gælder alle vinduer på denne computer."
