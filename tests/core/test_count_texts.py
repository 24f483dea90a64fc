"""Counts as a Danish reader writes them: a dot between thousands ('20.040 sager')."""

from __future__ import annotations

from datetime import date

from caseworker_app.core.cases import problems_heading
from caseworker_app.core.deadline_notices import ended_trial_lines, trial_end_lines
from caseworker_app.core.selection import Selection, scope_text
from caseworker_app.core.text import count_text


def test_counts_in_texts_have_the_danish_thousands_separator():
    assert count_text(1, "sag", "sager") == "1 sag"
    assert count_text(999, "sag", "sager") == "999 sager"
    assert count_text(20040, "sag", "sager") == "20.040 sager"
    assert count_text(1_234_567, "frist", "frister") == "1.234.567 frister"
    assert problems_heading(1200) == "1.200 sager kan ikke beregnes"


def test_the_list_scope_and_the_trial_end_lines_count_alike():
    rows = tuple(range(1500))
    assert scope_text(Selection(rows, 10_000, "Anne Jensen"), "frister") == (
        "Viser Anne Jensens frister – 1.500 af 10.000"
    )
    assert scope_text(Selection(rows, 1500), "sager") == "Viser alle sagsbehandleres sager – 1.500"
    end = date(2025, 12, 31)
    assert trial_end_lines({("T08", end): 2500}) == [
        "Forsøg T08 slutter 31-12-2025: 2.500 sager får en overskredet frist dagen efter"
    ]
    assert ended_trial_lines({("T08", end): 1001}) == [
        "Forsøg T08 sluttede 31-12-2025: 1.001 frister regnes nu efter den almindelige regel, "
        "medmindre kommunen har fået forlængelse (se fanen Forsøg)"
    ]


def test_freed_hours_in_the_singular_and_the_plural():
    from caseworker_app.core.evaluation_text import hours_text

    assert hours_text(1, 60) == "1 time (1 opfølgning à 60 minutter – antagelse, kan ændres)"
    assert hours_text(2, 30) == "1 time (2 opfølgninger à 30 minutter – antagelse, kan ændres)"
    assert hours_text(3, 30) == "1,5 timer (3 opfølgninger à 30 minutter – antagelse, kan ændres)"
    assert hours_text(8, 45) == "6 timer (8 opfølgninger à 45 minutter – antagelse, kan ændres)"
