"""Checks before saving: a Danish message at each field that is wrong."""

from __future__ import annotations

from datetime import date

import pytest

from caseworker_app.core.catalog_load import load_catalog
from caseworker_app.core.event import Event
from caseworker_app.core.validation import case_errors, close_errors, event_errors

TODAY = date(2026, 11, 23)


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


def errors_for(catalog, trial_id="T08", dates=None, **kw):
    fields = {"citizen": "Jens Hansen", "case_ref": "2024-0412", "cpr": None, **kw}
    return case_errors(catalog, trial_id=trial_id, dates=dates if dates is not None else {}, today=TODAY, **fields)


def test_a_complete_case_has_no_errors(catalog):
    assert errors_for(catalog, dates={"hire": date(2024, 5, 26)}, cpr="010190-1234") == {}
    assert errors_for(catalog, "T09", dates={"praktik_start": "18-11-2026"}) == {}  # text dates are read too


def test_empty_required_fields(catalog):
    assert errors_for(catalog, "", citizen="", case_ref="  ") == {
        "citizen": "Skriv borgerens navn",
        "case_ref": "Skriv FASIT-sagsnummeret",
        "trial_id": "Vælg et forsøg",
    }
    assert errors_for(catalog, "T16") == {"absence_start": "Skriv datoen »Første fraværsdag«"}


def test_unknown_trial_and_a_date_the_trial_does_not_use(catalog):
    assert errors_for(catalog, "T99")["trial_id"].startswith("Ukendt forsøg 'T99' (kendte: T01, T02")
    assert errors_for(catalog, dates={"hire": date(2024, 5, 26), "visitation": date(2024, 1, 1)}) == {
        "visitation": "Forsøg T08 bruger ikke datoen 'visitation'"
    }


def test_wrong_and_unlikely_dates(catalog):
    assert errors_for(catalog, dates={"hire": "30-02-2024"}) == {
        "hire": "'30-02-2024': den dag findes ikke – februar 2024 har 29 dage."
    }
    assert errors_for(catalog, dates={"hire": date(1924, 5, 26)}) == {
        "hire": "26-05-1924 ligger før 01-01-2000 – er årstallet rigtigt?"
    }
    assert errors_for(catalog, dates={"hire": date(2042, 5, 26)}) == {
        "hire": "26-05-2042 ligger mere end 5 år ude i fremtiden – er årstallet rigtigt?"
    }


def test_impossible_order_of_case_dates(catalog):
    assert errors_for(catalog, dates={"hire": date(2024, 5, 26), "offer": date(2024, 6, 1)}) == {
        "offer": "Tilbud om ansættelse med løntilskud (01-06-2024) kan ikke ligge efter "
        "ansættelse i løntilskud (26-05-2024)"
    }
    assert errors_for(
        catalog,
        "T09",
        dates={"praktik_start": date(2026, 1, 5), "unemployed_since": date(2026, 2, 1)},
    ) == {"unemployed_since": "Ledig siden (01-02-2026) kan ikke ligge efter praktikstart (05-01-2026)"}


def test_invalid_cpr(catalog):
    assert errors_for(catalog, dates={"hire": date(2024, 5, 26)}, cpr="123") == {
        "cpr": "CPR-nummeret skal have 10 cifre: fødselsdatoen som ddmmåå og 4 cifre (ddmmåå-xxxx)"
    }


def test_moving_a_date_past_registered_events(catalog):
    events = [Event(date(2025, 1, 10), "followup")]
    assert case_errors(
        catalog,
        citizen="J",
        case_ref="1",
        trial_id="T08",
        dates={"hire": date(2025, 2, 1)},
        today=TODAY,
        events=events,
    ) == {"hire": "Der er registreret opfølgning 10-01-2025 før denne dato"}
    assert case_errors(
        catalog,
        citizen="J",
        case_ref="1",
        trial_id="T09",
        dates={"praktik_start": date(2025, 2, 1)},
        today=TODAY,
        events=events,
    ) == {"trial_id": "Sagen har hændelser, som forsøg T09 ikke bruger: opfølgning"}


def event(catalog, trial_id, dates, **kw):
    return event_errors(catalog[trial_id], dates, today=TODAY, **kw)


def test_follow_up_before_hire(catalog):
    hire = {"hire": date(2024, 5, 26)}
    assert event(catalog, "T08", hire, day=date(2024, 5, 25), kind="followup") == {
        "day": "Opfølgning 25-05-2024 ligger før ansættelse i løntilskud 26-05-2024"
    }
    assert event(catalog, "T08", hire, day=date(2024, 5, 26), kind="followup") == {}
    # A contact counts against the same clock as a follow-up.
    assert event(catalog, "T08", hire, day=date(2024, 1, 2), kind="contact")["day"].startswith(
        "Henvendelse mellem opfølgninger 02-01-2024 ligger før ansættelse"
    )


def test_praktik_end_before_praktik_start(catalog):
    dates = {"praktik_start": date(2026, 11, 2), "unemployed_since": date(2026, 1, 5)}
    assert event(catalog, "T09", dates, day=date(2026, 10, 30), kind="praktik_end") == {
        "day": "Praktik afsluttet 30-10-2026 ligger før praktikstart 02-11-2026"
    }


def test_an_agreed_date_is_a_target_not_a_start(catalog):
    assert event(catalog, "T12", {"agreed": date(2026, 12, 1)}, day=date(2026, 11, 20), kind="talk") == {}
    dates = {"absence_start": date(2026, 10, 4), "agreed": date(2026, 12, 1)}
    assert event(catalog, "T16", dates, day=date(2026, 11, 1), kind="followup") == {}
    assert event(catalog, "T16", dates, day=date(2026, 10, 1), kind="followup") == {
        "day": "Opfølgning 01-10-2026 ligger før første fraværsdag 04-10-2026"
    }


def test_event_in_the_future_or_not_used_by_the_trial(catalog):
    hire = {"hire": date(2024, 5, 26)}
    assert event(catalog, "T08", hire, day=date(2026, 11, 24), kind="followup") == {
        "day": "24-11-2026 ligger i fremtiden – registrér hændelsen, når den har fundet sted"
    }
    assert event(catalog, "T08", hire, day=TODAY, kind="talk") == {
        "kind": "Forsøg T08 bruger ikke hændelsen 'samtale' (det bruger: opfølgning, henvendelse mellem opfølgninger)"
    }
    assert event(catalog, "T08", hire, day=None, kind="followup") == {"day": "Skriv datoen"}


def test_closing(catalog):
    hire = {"hire": date(2024, 5, 26)}
    assert close_errors(catalog["T08"], hire, reason="død", text="", day=TODAY, today=TODAY) == {}
    assert close_errors(catalog["T08"], hire, reason="død", text="", day=date(2024, 5, 1), today=TODAY) == {
        "day": "01-05-2024 ligger før sagens første dato (ansættelse i løntilskud 26-05-2024)"
    }
    assert close_errors(catalog["T08"], hire, reason="andet", text=" ", day=None, today=TODAY) == {
        "text": "Skriv årsagen, når den er 'andet'",
        "day": "Skriv datoen for afslutningen",
    }


def test_a_date_after_today_is_warned_of_except_the_next_agreed_date():
    from caseworker_app.core.validation import future_date_hints

    today = date(2026, 11, 30)
    hints = future_date_hints(
        {"hire": date(2027, 12, 1), "offer": date(2026, 11, 30), "agreed": date(2027, 1, 4)}, today
    )
    assert hints == {"hire": "01-12-2027 ligger i fremtiden – er årstallet rigtigt? Fristerne regnes fra den."}
