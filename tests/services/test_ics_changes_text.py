"""What the .ics export's message says of the events it moves outside the period and cancels."""

from __future__ import annotations

from pathlib import Path

from caseworker_app.services.exporting import ExportResult, changes_text

ICS = Path("frister.ics")


def test_nothing_moved_out_or_cancelled_says_nothing():
    assert changes_text(ExportResult(ICS, 4, moved=2)) == ""


def test_several_of_each_are_counted_in_the_plural():
    result = ExportResult(ICS, 0, moved_out=2, cancelled=5, handed_over=2, caseworker="Anne Jensen")
    assert changes_text(result) == (
        "2 frister, der allerede lå i Outlook, er flyttet uden for perioden og sendt med deres nye datoer. "
        "3 aftaler i Outlook aflyses: fristerne findes ikke længere (sagerne er afsluttet eller slettet, "
        "eller fristerne er overholdt eller bortfaldet). "
        "2 aftaler i Outlook aflyses: sagerne er ikke længere Anne Jensens."
    )


def test_one_handed_over_to_a_colleague_names_whose_it_was():
    result = ExportResult(ICS, 0, cancelled=1, handed_over=1, caseworker="Lis")
    assert changes_text(result) == "1 aftale i Outlook aflyses: sagen er ikke længere Lis'."
