"""Whether the municipality in the settings takes part in a trial (decision 17), and what a journal
note then needs. An auditor: with "Vesthimmerlands Kommune" under Indstillinger, a T02 note (T02:
Aalborg, Jammerbugt, Thisted, Rebild) cited § 9 d as if it applied."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from caseworker_app.core.cases import CaseRecord
from caseworker_app.core.catalog_load import load_catalog
from caseworker_app.core.confirmations import confirmation_facts
from caseworker_app.core.note_errors import MissingFieldError
from caseworker_app.core.notes import draft_note, render_note
from caseworker_app.core.participation import (
    PARTICIPATION_CHECK,
    not_listed_text,
    participation_warning,
    takes_part,
)

CATALOG = load_catalog()
T02 = CATALOG["T02"]
PER = CaseRecord(id=2, citizen="Per Sørensen", case_ref="2019-0102", trial_id="T02", dates={})
WRITTEN = date(2019, 5, 20)
CHECKED = (
    "Hjemmel: § 9 d i lov om frikommunenetværk. Kommunens deltagelse i forsøget er kontrolleret af sagsbehandleren."
)


@pytest.mark.parametrize(
    ("municipality", "trial_id", "expected"),
    [
        # As a person writes the name: with or without "Kommune", the genitive s, any case.
        ("Vesthimmerlands Kommune", "T08", True),
        ("vesthimmerland", "T08", True),
        ("  VESTHIMMERLAND KOMMUNE ", "T08", True),
        ("Jobcenter Vesthimmerland", "T08", True),
        ("Aalborg Kommune", "T02", True),
        ("Rebild", "T02", True),
        ("Læsø Kommune", "T06", True),
        ("Vesthimmerlands Kommune", "T02", False),
        ("Aalborg Kommune", "T08", False),
        ("Vejle Kommune", "T02", False),
        # Not known: no municipality written, a trial whose sources name none, the demo's own.
        ("", "T02", None),
        ("   ", "T02", None),
        ("Vesthimmerlands Kommune", "T04", None),
        ("Aalborg Kommune", "T10", None),
        ("Demo Kommune", "T02", None),
    ],
)
def test_takes_part_matches_a_name_as_written(municipality, trial_id, expected):
    assert takes_part(CATALOG[trial_id], municipality) is expected


def test_what_the_trial_view_says_of_a_municipality_not_listed():
    assert not_listed_text(T02, "Vesthimmerlands Kommune") == (
        "Vesthimmerlands Kommune er ikke nævnt blandt forsøgets kommuner (Aalborg, Jammerbugt, Thisted, Rebild)."
    )
    assert participation_warning(T02, "Vesthimmerlands Kommune") == (
        "Vesthimmerlands Kommune er ikke nævnt blandt forsøgets kommuner (Aalborg, Jammerbugt, Thisted, Rebild). "
        "Kontrollér, at kommunen deltager i forsøget; et journalnotat efter forsøget skrives først, når du har "
        "bekræftet det."
    )
    for municipality in ("Aalborg Kommune", "", "Demo Kommune"):
        assert participation_warning(T02, municipality) == ""


def note(municipality: str, confirmed: tuple[str, ...] = (), template=None) -> str:
    return render_note(
        T02,
        PER,
        "forsoeg_anvendt",
        note_date=WRITTEN,
        caseworker="Anne Jensen",
        municipality=municipality,
        free_text="Vurderet ved opfølgningen.",
        confirmed=confirmed,
        template=template,
    )


def test_a_t02_note_by_a_municipality_not_listed_waits_for_the_caseworkers_check():
    with pytest.raises(MissingFieldError) as refused:
        note("Vesthimmerlands Kommune")
    assert str(refused.value) == (
        "Notatet kan ikke laves, før dette er udfyldt: bekræftelse af, at du har kontrolleret, at kommunen "
        "deltager i forsøget."
    )
    checked = note("Vesthimmerlands Kommune", (PARTICIPATION_CHECK,))
    assert f"\n\n{CHECKED}\nSkrevet 20-05-2019 af Anne Jensen, Vesthimmerlands Kommune." in checked


@pytest.mark.parametrize("municipality", ["Aalborg Kommune", "Demo Kommune"])
def test_a_participant_or_the_demo_writes_the_note_as_before(municipality):
    for confirmed in ((), (PARTICIPATION_CHECK,)):  # a tick not asked for adds nothing
        written = note(municipality, confirmed)
        assert (
            f"\n\nHjemmel: § 9 d i lov om frikommunenetværk.\nSkrevet 20-05-2019 af Anne Jensen, {municipality}."
            in (written)
        )
        assert "deltagelse" not in written


def test_the_draft_asks_for_the_check_where_the_basis_stands():
    text, missing = draft_note(
        T02,
        PER,
        "forsoeg_anvendt",
        note_date=WRITTEN,
        caseworker="Anne Jensen",
        municipality="Vesthimmerlands Kommune",
        free_text="x",
    )
    assert "\nHjemmel: [mangler: bekræftelse af, at du har kontrolleret, at kommunen deltager i forsøget].\n" in text
    assert missing == ("bekræftelse af, at du har kontrolleret, at kommunen deltager i forsøget",)


def test_a_municipalitys_own_template_without_the_basis_says_the_check_on_a_line_of_its_own():
    own = replace(T02.notes["forsoeg_anvendt"], text="Forsøget anvendt for $citizen: $free_text\nSkrevet $note_date.\n")
    with pytest.raises(MissingFieldError):
        note("Vesthimmerlands Kommune", template=own)
    assert note("Vesthimmerlands Kommune", (PARTICIPATION_CHECK,), template=own) == (
        "Forsøget anvendt for Per Sørensen: Vurderet ved opfølgningen.\nSkrevet 20-05-2019.\n"
        "Kommunens deltagelse i forsøget er kontrolleret af sagsbehandleren."
    )


def test_the_note_windows_box_names_the_municipality_and_the_trials_list():
    facts = confirmation_facts(T02, PER, "forsoeg_anvendt", None, WRITTEN, None, "Vesthimmerlands Kommune")
    assert facts[PARTICIPATION_CHECK].shown == (
        "Jeg har kontrolleret, at Vesthimmerlands Kommune deltager i forsøget, selv om den ikke er nævnt blandt "
        "forsøgets kommuner (Aalborg, Jammerbugt, Thisted, Rebild)"
    )
    assert PARTICIPATION_CHECK not in confirmation_facts(T02, PER, "forsoeg_anvendt", None, WRITTEN, None, "Rebild")
