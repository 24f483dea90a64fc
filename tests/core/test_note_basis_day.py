"""A journal note cites the legal basis of the day it records, not of the day it is written
(decision 14): the follow-up or the extension's start it is about, and without one its own date.

T08 and T06 run from 01-07-2018 to 31-12-2021 under BEK nr. 529 af 23/05/2018, extended to
31-12-2024 (Aalborg Kommune) and to 31-12-2025 (the minister's letter of 26-11-2024).
Every expected citation is written out by hand.
"""

from __future__ import annotations

from datetime import date

import pytest

from caseworker_app.core.cases import CaseRecord
from caseworker_app.core.catalog_load import load_catalog
from caseworker_app.core.event import Event
from caseworker_app.core.note_conditions import DEADLINE_CHECK
from caseworker_app.core.note_errors import NoteError
from caseworker_app.core.notes import render_note
from tests.core.test_notes import with_municipal_marking

# T04's and T06's notes with the persongruppemarkering a municipality entered (decision 9).
CATALOG = {trial_id: with_municipal_marking(trial) for trial_id, trial in load_catalog().items()}
WHO = dict(caseworker="Karin Sagsbehandler", municipality="Vesthimmerlands Kommune")
WHO_T06 = dict(caseworker="Karin Sagsbehandler", municipality="Frederikshavn Kommune")  # T06 names it (decision 17)
# The caseworker has checked a deadline under the reform caution (decisions 13 and 15).
CHECKED = (DEADLINE_CHECK,)
ORDER = "Bekendtgørelse om frikommuneforsøg II på beskæftigelses- og sygedagpengeområdet (BEK nr. 529 af 23/05/2018)"
LETTER_2025 = f"{ORDER}, forlænget til 31-12-2025 ifølge Beskæftigelsesministerens brev af 26-11-2024"
AALBORG_2024 = (
    f"{ORDER}, forlænget til 31-12-2024 ifølge Aalborg Kommunes oplysninger om frikommuneforsøg (hjemmel ikke fundet) "
    "– generel oplysning; forsøget er ikke nævnt ved navn i denne forlængelse"
)


def t08(hire: date, *followups: date) -> CaseRecord:
    events = tuple(Event(day, "followup") for day in followups)
    return CaseRecord(id=8, citizen="Carl Nu", case_ref="N-T08-3", trial_id="T08", dates={"hire": hire}, events=events)


def basis(note: str) -> str:
    [line] = [line for line in note.splitlines() if line.startswith("Hjemmel: ")]
    return line.removeprefix("Hjemmel: ")


@pytest.mark.parametrize("written", [date(2025, 12, 20), date(2026, 11, 30)])
def test_a_follow_up_inside_the_extension_is_cited_with_it_when_written_after_the_trial(written):
    # The tester's N-T08-3: hired 10-06-2023, followed up 15-12-2025, in the extension to
    # 31-12-2025. Written in 2025 or, after the trial's end, on 30-11-2026: the same basis.
    note = render_note(
        CATALOG["T08"],
        t08(date(2023, 6, 10), date(2025, 12, 15)),
        "opfoelgning",
        note_date=written,
        free_text="x",
        confirmed=CHECKED,
        **WHO,
    )
    assert "Opfølgning afholdt 15-12-2025." in note
    assert basis(note) == f"{LETTER_2025}."


def test_a_note_about_an_earlier_follow_up_than_the_latest_cites_that_follow_ups_day():
    # The tester's N-T08-1: followed up 20-05-2025 and again 30-11-2026 (after the end); the note
    # about the first, written 30-11-2026, cites the extension that covered 20-05-2025.
    case = t08(date(2023, 2, 1), date(2025, 5, 20), date(2026, 11, 30))
    note = render_note(
        CATALOG["T08"],
        case,
        "opfoelgning",
        note_date=date(2026, 11, 30),
        event_date=date(2025, 5, 20),
        free_text="x",
        confirmed=CHECKED,
        **WHO,
    )
    assert "Opfølgning afholdt 20-05-2025." in note
    assert basis(note) == f"{LETTER_2025}."


def test_an_extension_of_a_resource_course_cites_the_basis_of_the_day_it_started():
    # The tester's N-T06-1: the resource course extended from 01-03-2025; the period ends with the
    # trial on 31-12-2025 (the trial rule's 12 months would reach 28-02-2026).
    case = CaseRecord(
        id=6, citizen="Jens Nu", case_ref="N-T06-1", trial_id="T06", dates={"extension_start": date(2025, 3, 1)}
    )
    for written in (date(2025, 3, 20), date(2026, 11, 30)):
        note = render_note(
            CATALOG["T06"],
            case,
            "forlaengelse",
            note_date=written,
            free_text="x",
            reason="r",
            confirmed=("indstilling", "borgerens_oenske", DEADLINE_CHECK),
            **WHO_T06,
        )
        assert "Ressourceforløbet forlænges fra 01-03-2025" in note
        assert basis(note) == f"{LETTER_2025}."


def test_a_late_note_about_a_follow_up_in_an_earlier_extension_cites_that_extension():
    # Followed up 02-05-2024 (extension to 31-12-2024), written 03-03-2025 (extension to
    # 31-12-2025). The next deadline, 02-05-2025 by the ordinary rule, is not the trial's.
    note = render_note(
        CATALOG["T08"],
        t08(date(2018, 8, 31), date(2024, 5, 2)),
        "opfoelgning",
        note_date=date(2025, 3, 3),
        free_text="x",
        confirmed=CHECKED,
        **WHO,
    )
    assert "Opfølgning afholdt 02-05-2024." in note
    assert basis(note) == f"{AALBORG_2024}."


def test_a_late_note_about_a_follow_up_in_the_original_period_cites_the_order_alone():
    # Followed up 10-01-2019; the trial rule's next follow-up 10-07-2021 (+ 30 months) is still in
    # the original period (to 31-12-2021). Written 02-05-2024, inside the extension to 31-12-2024,
    # the note does not claim that extension for a follow-up the order covered.
    note = render_note(
        CATALOG["T08"],
        t08(date(2018, 8, 31), date(2019, 1, 10)),
        "opfoelgning",
        note_date=date(2024, 5, 2),
        free_text="x",
        confirmed=CHECKED,
        **WHO,
    )
    assert "Næste opfølgning: senest 10-07-2021 (" in note
    assert basis(note) == f"{ORDER}."


def test_a_note_with_no_event_cites_the_basis_of_the_day_it_is_written():
    # "Forsøget anvendt" records no event: hired 15-03-2024, written 02-05-2024 in the extension
    # to 31-12-2024; its next deadline (01-01-2026, the day after the trial) is not the trial's.
    note = render_note(
        CATALOG["T08"],
        t08(date(2024, 3, 15)),
        "forsoeg_anvendt",
        note_date=date(2024, 5, 2),
        free_text="x",
        confirmed=CHECKED,
        **WHO,
    )
    assert basis(note) == f"{AALBORG_2024}."
    # Written after the trial's end, it has no day inside the trial to cite: refused as before.
    with pytest.raises(NoteError, match="30-11-2026 ligger uden for perioden"):
        render_note(
            CATALOG["T08"],
            t08(date(2024, 3, 15)),
            "forsoeg_anvendt",
            note_date=date(2026, 11, 30),
            free_text="x",
            confirmed=CHECKED,
            **WHO,
        )


def test_a_note_about_a_follow_up_before_the_trial_began_is_refused_not_cited():
    # T08 began 01-07-2018: a follow-up on 15-06-2018 was not held under it, whenever the note is
    # written; no extension could cover it, so none is suggested.
    case = t08(date(2018, 1, 15), date(2018, 6, 15))
    with pytest.raises(NoteError) as refused:
        render_note(CATALOG["T08"], case, "opfoelgning", note_date=date(2025, 3, 3), free_text="x", **WHO)
    assert str(refused.value) == (
        "Forsøg T08 gælder fra 01-07-2018 til og med 31-12-2025; 15-06-2018 ligger uden for perioden, så notatet "
        "kan ikke henvise til forsøget."
    )
