"""What the .ics export's message says of the overdue deadlines it wrote (window and command line)."""

from __future__ import annotations

from pathlib import Path

from caseworker_app.services.exporting import ExportResult, overdue_text

ICS = Path("frister.ics")


def test_none_overdue_says_nothing():
    assert overdue_text(ExportResult(ICS, 9, overdue=0)) == ""


def test_many_overdue_are_counted_and_placed_before_today():
    assert overdue_text(ExportResult(ICS, 43, overdue=34)) == (
        "34 af fristerne er overskredet og står på datoer før i dag i Outlook – se dem under Frister."
    )


def test_one_overdue_of_several_and_the_only_one():
    assert overdue_text(ExportResult(ICS, 3, overdue=1)) == (
        "1 af fristerne er overskredet og står på en dato før i dag i Outlook – se den under Frister."
    )
    assert overdue_text(ExportResult(ICS, 1, overdue=1)) == (
        "Fristen er overskredet og står på en dato før i dag i Outlook – se den under Frister."
    )
