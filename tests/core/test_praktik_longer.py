"""A T09 praktik registered longer than the trial's 4 weeks (decision 19): the "2-4 uger" condition
alone does not let the note be written; the caseworker confirms the lengthening for sickness or
ferielukning, and the note states the period measured. The auditor's case: praktik from Monday
07-06-2021; 4 weeks' last day is 07-06 + 28 days - 1 = 04-07-2021; ended 09-07-2021, which with
both days counted is 24 (June 7-30) + 9 (July 1-9) = 33 days."""

from __future__ import annotations

from datetime import date

import pytest

from caseworker_app.core.cases import CaseRecord
from caseworker_app.core.catalog_load import load_catalog
from caseworker_app.core.event import Event
from caseworker_app.core.note_conditions import confirmable_conditions
from caseworker_app.core.note_errors import MissingFieldError
from caseworker_app.core.notes import render_note

T09 = load_catalog()["T09"]
WHO = {"caseworker": "Anne Jensen", "municipality": "Vesthimmerlands Kommune"}
PLAIN = ("visiteret", "formaal")
LONGER = (
    "Praktikken er forlænget ud over 4 uger på grund af sygdom eller ferielukning: praktikstart 07-06-2021 til "
    "praktik afsluttet 09-07-2021 er 33 dage, længere end forsøgets største varighed på 4 uger, som sluttede "
    "04-07-2021"
)


def praktik(ended: date) -> CaseRecord:
    return CaseRecord(
        id=9,
        citizen="Karin Holm",
        case_ref="P-long",
        trial_id="T09",
        dates={"praktik_start": date(2021, 6, 7), "unemployed_since": date(2021, 1, 1)},
        events=(Event(ended, "praktik_end"),),
    )


def note(case: CaseRecord, confirmed: tuple[str, ...]) -> str:
    return render_note(
        T09, case, "praktik_start", note_date=date(2021, 7, 20), free_text="Aars Tømrer.", confirmed=confirmed, **WHO
    )


def test_a_praktik_of_33_days_is_not_confirmed_as_2_4_weeks():
    with pytest.raises(MissingFieldError) as refused:
        note(praktik(date(2021, 7, 9)), PLAIN)
    assert str(refused.value) == (
        "Notatet kan ikke laves, før dette er udfyldt: bekræftelse af betingelserne: Praktikken er forlænget ud "
        "over 4 uger på grund af sygdom eller ferielukning (praktikstart 07-06-2021 til praktik afsluttet "
        "09-07-2021 er 33 dage, længere end forsøgets største varighed på 4 uger, som sluttede 04-07-2021)."
    )


def test_confirmed_as_lengthened_the_note_states_the_period_measured():
    text = note(praktik(date(2021, 7, 9)), (*PLAIN, "praktik_forlaenget"))
    assert f"\n- {LONGER} (bekræftet af sagsbehandleren).\n" in text


@pytest.mark.parametrize(
    ("ended", "asked"),
    [
        (date(2021, 7, 4), False),  # 28 days: the 4 weeks' last day, nothing to confirm
        (date(2021, 7, 5), True),  # 29 days: one day past
    ],
)
def test_the_box_is_offered_from_the_first_day_past_the_4_weeks(ended, asked):
    case = praktik(ended)
    names = [c.name for c in confirmable_conditions(T09, case.dates, case.events)]
    assert names == ["visiteret", "formaal", *(["praktik_forlaenget"] if asked else [])]
    if asked:
        [box] = [c for c in confirmable_conditions(T09, case.dates, case.events) if c.name == "praktik_forlaenget"]
        assert box.text == (
            "Jeg har kontrolleret, at praktikken er forlænget ud over 4 uger på grund af sygdom eller ferielukning"
        )
    else:
        assert "forlænget ud over" not in note(case, PLAIN)
