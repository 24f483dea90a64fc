"""An open case window follows its case when it is changed outside it (a tester: after Sag ›
Registrer opfølgning in the main window, the case window beside it still said "frist 28-02-2021"
and showed the old history, and opening the case again only raised that stale window)."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QSettings

from caseworker_app.ui.mainwindow import MainWindow

from .actions import type_into
from .test_case_window import add_t08, history_texts


@pytest.fixture
def window(qtbot, store, tmp_path, today):
    settings = QSettings(str(tmp_path / "vindue.ini"), QSettings.Format.IniFormat)
    window = MainWindow(store, today=today, settings=settings)
    qtbot.addWidget(window)
    window.show()
    return window


def followup_from_the_main_window(window, store, case_id, day):
    """What Sag › Registrer opfølgning's dialog does once Gem is clicked: the event saved, the lists read."""
    store.add_event(case_id, day=day, kind="followup")
    window.refresh()


def test_a_followup_registered_in_the_main_window_shows_in_the_open_case_window(qtbot, window, store):
    # T08, hire 31-08-2018: the trial's 30 months give 28-02-2021. A follow-up 01-02-2021 gives
    # 01-02-2021 + 30 months = 01-08-2023.
    case_id = add_t08(store)
    window.refresh()
    case_window = window.open_case(case_id)
    assert "frist 28-02-2021" in case_window.deadline_texts()[0]

    followup_from_the_main_window(window, store, case_id, date(2021, 2, 1))

    assert "frist 01-08-2023" in case_window.deadline_texts()[0]
    assert any(row.startswith("01-02-2021 | Opfølgning") for row in history_texts(case_window))
    assert window.open_case(case_id) is case_window  # opened again: the same window, now current


def test_typed_work_stays_while_the_deadlines_and_history_follow(qtbot, window, store):
    case_id = add_t08(store)
    window.refresh()
    case_window = window.open_case(case_id)
    type_into(qtbot, case_window.note_edit, "Ringet til arbejdsgiveren")

    followup_from_the_main_window(window, store, case_id, date(2021, 2, 1))

    assert case_window.note_edit.toPlainText() == "Ringet til arbejdsgiveren"  # nothing typed is lost
    assert case_window.is_dirty()
    assert "frist 01-08-2023" in case_window.deadline_texts()[0]
    assert any(row.startswith("01-02-2021 | Opfølgning") for row in history_texts(case_window))


def test_another_case_s_window_is_left_as_it_is(qtbot, window, store):
    mine = add_t08(store)
    other = add_t08(store, citizen="Else Lund", case_ref="2018-0901")
    window.refresh()
    case_window = window.open_case(mine)
    read = case_window.case

    followup_from_the_main_window(window, store, other, date(2021, 2, 1))

    assert case_window.case is read  # not read again
    assert "frist 28-02-2021" in case_window.deadline_texts()[0]
