"""A journal note shows every date as dd-mm-åååå (the house rule); only a citation's own text, quoted
as the sources give it, keeps its dates ('Lov nr. 658 af 8. juni 2017')."""

from __future__ import annotations

import re
from datetime import date

import pytest

from caseworker_app.core.catalog import NoteTemplate
from caseworker_app.core.note_fields import NOTE_FIELDS
from caseworker_app.core.note_templates import edited_template, edited_template_errors
from caseworker_app.core.workdays import MONTHS_DA
from tests.core.test_notes import CASES, CATALOG, SHIPPED, render

_LONG_DATE = re.compile(r"\d{1,2}\. (?:" + "|".join(MONTHS_DA) + r") \d{4}")


@pytest.mark.parametrize(("trial_id", "situation"), SHIPPED, ids=[f"{t}-{s}" for t, s in SHIPPED])
def test_a_shipped_note_writes_no_date_with_the_month_in_words(trial_id, situation):
    note = render(trial_id, situation)
    record, note_date = CASES[trial_id]
    # The citation is quoted as the sources write it (its dates included): left out here.
    citation = CATALOG[trial_id].citation_text_on(note_date)
    assert _LONG_DATE.findall(note.replace(citation, "")) == []


def test_the_practical_date_of_a_note_is_written_dd_mm_yyyy():
    # T08: hired 31-08-2018, no follow-up yet: + 30 months = Sunday 28-02-2021; in practice Friday
    # 26-02-2021 (a follow-up is done "senest": decision 7).
    record = CASES["T08"][0]._replace(events=())
    note = render("T08", "forsoeg_anvendt", case=record, note_date=date(2021, 1, 4))
    assert (
        "Næste opfølgning: senest 28-02-2021 (2½ år efter ansættelse i løntilskud 31-08-2018). "
        "I praksis senest fredag 26-02-2021, fordi 28-02-2021 er en søndag.\n"
    ) in note


def test_a_period_ending_on_a_sunday_has_no_practical_date_in_the_note():
    # T09: a praktik from Monday 04-03-2019 for at most 4 weeks may run to Sunday 31-03-2019; an
    # earlier "practical" Friday would shorten it (an auditor; decision 7).
    note = render("T09", "praktik_start")
    assert "Praktikken slutter senest 31-03-2019 (højst 4 uger fra praktikstart 04-03-2019, sidste dag).\n" in note
    assert "I praksis" not in note


def test_a_template_saved_with_a_former_long_date_field_still_writes_dd_mm_yyyy():
    # A municipality's template saved before the long forms went: it is still accepted, and its
    # "_long" fields write the date as every other date in the note.
    standard = CATALOG["T08"].notes["opfoelgning"]
    text = (
        "Opfølgning afholdt $event_date_long. Ansat fra $hire_date_long.\n"
        "Næste opfølgning: senest $next_due_long ($next_due_reason).\n"
        "Forsøget gælder til og med $trial_end_long.\n"
        "Hjemmel: $citation. Skrevet $note_date_long.\n"
    )
    assert edited_template_errors(standard, text) == []
    template: NoteTemplate = edited_template(standard, text)
    note = render("T08", "opfoelgning", template=template)
    # The T08 case: hired 31-08-2018, follow-up 10-01-2021, note of 15-06-2021; 2½ years -> 10-07-2023.
    assert CASES["T08"][1] == date(2021, 6, 15)
    assert note.startswith(
        "Opfølgning afholdt 10-01-2021. Ansat fra 31-08-2018.\n"
        "Næste opfølgning: senest 10-07-2023 (2½ år efter seneste opfølgning 10-01-2021).\n"
        "Forsøget gælder til og med 31-12-2025.\n"
    )
    assert note.endswith("Skrevet 15-06-2021.")


def test_no_field_is_described_with_a_month_in_words():
    assert [d for d in NOTE_FIELDS.values() if _LONG_DATE.search(d)] == []
