"""The note window's Bekræft boxes follow the case as read at copy time (decision 15): another copy of
the program may enter or take away a date that shows one of the trial's conditions. T09's "ledighed"
(under 18 months from "ledig siden" to the praktik's start) is computed when the case has both dates
and must be confirmed when it lacks "ledig siden"; the window once kept the boxes of the case as first
read, so a condition that came to need confirming had no box, and the note could not be copied."""

from __future__ import annotations

from datetime import date

from PySide6.QtGui import QGuiApplication

from caseworker_app.store import CaseStore

from .actions import click
from .test_note_window import open_window, t09_store

NOTE_DAY = date(2021, 3, 8)
CONFIRMED = "- Ledighedsperioden er under 18 måneder (bekræftet af sagsbehandleren).\n"


def test_a_condition_the_case_no_longer_shows_gets_its_box_at_copy_time(qtbot, tmp_path):
    # Ledig siden 01-06-2020 to praktikstart 08-03-2021: 9 months and 7 days, computed as under 18.
    store, case_id = t09_store(tmp_path, date(2020, 6, 1))
    window = open_window(qtbot, store, case_id, NOTE_DAY, situation="praktik_start")
    window.free_text_edit.setPlainText("Praktik hos Aars Tømrer ApS.")
    boxes = window.confirm_boxes
    assert not boxes["ledighed"].isVisible()
    assert boxes["visiteret"].isVisible() and boxes["formaal"].isVisible()
    boxes["visiteret"].setChecked(True)
    boxes["formaal"].setChecked(True)
    assert "- Ledighedsperioden er under 18 måneder: ledig siden 01-06-2020" in window.note_text()
    assert window.copy_button.isEnabled()

    # Another copy takes "ledig siden" away: the dates no longer show the condition.
    with CaseStore(tmp_path / "t09.db", clock=lambda: NOTE_DAY) as other:
        other.update_case(case_id, dates={"praktik_start": NOTE_DAY})
    QGuiApplication.clipboard().setText("før")
    click(qtbot, window.copy_button)
    assert QGuiApplication.clipboard().text() == "før"  # the note changed: read first
    assert boxes["ledighed"].isVisible() and not boxes["ledighed"].isChecked()
    assert not window.copy_button.isEnabled()
    assert "bekræftelse af betingelserne: Ledighedsperioden er under 18 måneder" in window.status_label.text()

    boxes["ledighed"].setChecked(True)
    assert window.copy_button.isEnabled()
    click(qtbot, window.copy_button)
    assert CONFIRMED.replace("\n", "\r\n") in QGuiApplication.clipboard().text()
    store.close()


def test_a_condition_the_case_comes_to_show_loses_its_box(qtbot, tmp_path):
    store, case_id = t09_store(tmp_path, None)
    window = open_window(qtbot, store, case_id, NOTE_DAY, situation="praktik_start")
    window.free_text_edit.setPlainText("Praktik hos Aars Tømrer ApS.")
    for box in window.confirm_boxes.values():
        box.setChecked(True)
    assert CONFIRMED in window.note_text()

    # Another copy enters ledig siden 01-06-2020: 9 months and 7 days before the praktik, computed.
    with CaseStore(tmp_path / "t09.db", clock=lambda: NOTE_DAY) as other:
        other.update_case(case_id, dates={"praktik_start": NOTE_DAY, "unemployed_since": date(2020, 6, 1)})
    click(qtbot, window.copy_button)
    assert not window.confirm_boxes["ledighed"].isVisible()
    assert CONFIRMED not in window.note_text()
    assert (
        "- Ledighedsperioden er under 18 måneder: ledig siden 01-06-2020 til praktikstart 08-03-2021 er 9 måneder "
        "og 7 dage (beregnet ud fra sagens datoer).\n"
    ) in window.note_text()
    assert window.copy_button.isEnabled()
    store.close()
