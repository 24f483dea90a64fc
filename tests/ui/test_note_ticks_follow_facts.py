"""A tick in the note window's Bekræft boxes confirms what the note stated when it was given: the
deadline (decisions 13 and 15) or a condition on the case's dates (decision 15). When the note comes
to state another deadline, or a condition's dates change, the tick is taken away and the window says
why (core/confirmations.py); the copied note never says "Fristen er kontrolleret" of a deadline nobody
checked. The tester's case: the deadline 01-01-2028 ticked, an extension entered in another copy made
it 01-07-2028, and the second click on "Kopiér til FASIT" copied it as checked."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtGui import QGuiApplication

from caseworker_app.core.history import JOURNAL_NOTE
from caseworker_app.core.settings import Settings
from caseworker_app.store import CaseStore

from .actions import click
from .test_note_deadline_check import CHECKED, NOTE_DAY, t08_window
from .test_note_window import open_window, t09_store


@pytest.fixture
def t08_store(tmp_path):
    with CaseStore(tmp_path / "t08.db", clock=lambda: NOTE_DAY) as store:
        store.save_settings(Settings(caseworker_name="Mette Kjær", municipality="Vesthimmerlands Kommune"))
        yield store


def test_another_event_date_unticks_the_deadline_check(qtbot, t08_store):
    # T08 hired 03-10-2022; the ordinary rule (12 months, past the day it was checked to) gives
    # 05-06-2026 for the follow-up 05-06-2025, and 09-06-2026 for a note about one on 09-06-2025.
    window = t08_window(qtbot, t08_store, date(2025, 6, 5), NOTE_DAY)
    box = window.confirm_panel.deadline_box
    box.setChecked(True)
    assert "senest 05-06-2026" in window.note_text() and CHECKED in window.note_text()

    window.event_date_edit.setText("09-06-2025")
    assert not box.isChecked()
    assert "senest 09-06-2026" in window.note_text()
    assert CHECKED not in window.note_text()
    assert not window.copy_button.isEnabled()
    assert window.status_label.text() == (
        "⚠ Hakket ved kontrollen af fristen er fjernet: notatets frist er nu 09-06-2026, ikke 05-06-2026, som du "
        "kontrollerede. Udfyld før notatet kan kopieres: bekræftelse af, at du har kontrolleret fristen efter de "
        "regler, der gælder i dag."
    )

    box.setChecked(True)  # 09-06-2026 checked; the notice is gone
    assert CHECKED in window.note_text()
    assert "Hakket" not in window.status_label.text()
    window.event_date_edit.setText("05-06-2025")  # back: 05-06-2026 is not what was checked last
    assert not box.isChecked()
    assert "notatets frist er nu 05-06-2026, ikke 09-06-2026" in window.status_label.text()


def test_the_same_deadline_keeps_its_tick(qtbot, t08_store):
    window = t08_window(qtbot, t08_store, date(2025, 6, 5), NOTE_DAY)
    box = window.confirm_panel.deadline_box
    box.setChecked(True)
    window.free_text_edit.setPlainText("Samtale med borger og arbejdsgiver")  # the deadline stays 05-06-2026
    window.event_date_edit.setText("05-06-2025")
    assert box.isChecked()
    assert window.copy_button.isEnabled()


def test_a_condition_whose_dates_changed_in_another_copy_is_unticked(qtbot, tmp_path):
    # T09 without "ledig siden": the caseworker confirms all three conditions for the praktik from
    # 08-03-2021. Another copy moves the praktik's start to 01-03-2021: the ledighed is measured to it
    # and the praktik's length counts from it; visiteret rests on no date of the case.
    store, case_id = t09_store(tmp_path, None)
    window = open_window(qtbot, store, case_id, date(2021, 3, 8), situation="praktik_start")
    window.free_text_edit.setPlainText("Praktik hos Aars Tømrer ApS.")
    for box in window.confirm_boxes.values():
        box.setChecked(True)
    assert window.copy_button.isEnabled()
    QGuiApplication.clipboard().setText("før")
    with CaseStore(tmp_path / "t09.db", clock=lambda: date(2021, 3, 8)) as other:
        other.update_case(case_id, dates={"praktik_start": date(2021, 3, 1)})

    click(qtbot, window.copy_button)
    assert QGuiApplication.clipboard().text() == "før"
    assert not window.copy_button.isEnabled()  # the note's date is no longer the case's praktikstart
    window.event_date_edit.setText("01-03-2021")  # the caseworker follows the case
    boxes = window.confirm_boxes
    assert not boxes["ledighed"].isChecked() and not boxes["formaal"].isChecked()
    assert boxes["visiteret"].isChecked()
    status = window.status_label.text()
    assert status.startswith(
        "⚠ Hakket ved »Ledighedsperioden er under 18 måneder« er fjernet: sagens oplysninger, det bygger på, er "
        "ændret (nu ledig siden ingen, praktikstart 01-03-2021; før ledig siden ingen, praktikstart 08-03-2021)."
    )
    assert "Hakket ved »Praktikken varer 2-4 uger" in status
    assert "(bekræftet af sagsbehandleren)" not in window.note_text().split("Ledighedsperioden")[1][:40]
    assert not window.copy_button.isEnabled()

    boxes["ledighed"].setChecked(True)
    boxes["formaal"].setChecked(True)
    click(qtbot, window.copy_button)
    assert "01-03-2021" in QGuiApplication.clipboard().text()
    assert [r for r in store.history(case_id) if r.kind == JOURNAL_NOTE]
    store.close()
