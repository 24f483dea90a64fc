"""Generated case lists with fixed dates for the export, calendar and printing tests."""

from __future__ import annotations

from datetime import date, timedelta

from caseworker_app.core.cases import CaseDeadline, CaseRecord, deadlines_for_cases
from caseworker_app.core.catalog_load import load_catalog
from caseworker_app.core.event import Event

TODAY = date(2021, 2, 15)  # a Monday in ISO week 7 of 2021

FIRST_NAMES = (
    "Jens",
    "Søren",
    "Åse",
    "Bjørn",
    "Mette",
    "Bente",
    "Hanne",
    "Øjvind",
    "Karen",
    "Niels",
    "Lærke",
    "Jørgen",
)
LAST_NAMES = (
    "Hansen",
    "Sørensen",
    "Østergård",
    "Jæger",
    "Nielsen",
    "Bækgaard",
    "Pedersen",
    "Kjær",
    "Løkke",
    "Madsen",
)
CASEWORKERS = ("Anne Jensen", "Bo Østergaard")


def cpr_for(i: int) -> str:
    """A fictitious CPR number (born in 1960-1969) that the tests look for in exported files."""
    return f"{(i % 28) + 1:02d}{(i % 12) + 1:02d}6{i % 10}-{4000 + i:04d}"


def t08_cases(count: int = 120, start_id: int = 1) -> list[CaseRecord]:
    """T08 cases hired one a day from 01-07-2018: due from 01-01-2021, some held early."""
    cases = []
    for i in range(count):
        hire = date(2018, 7, 1) + timedelta(days=i)
        events = ()
        if i % 10 == 9:
            # A follow-up was held early; the next one counts from it.
            events = (Event(date(2020, 11, 2) + timedelta(days=i % 7), "followup"),)
        cases.append(
            CaseRecord(
                id=start_id + i,
                citizen=f"{FIRST_NAMES[i % len(FIRST_NAMES)]} {LAST_NAMES[i % len(LAST_NAMES)]}",
                case_ref=f"FASIT-{2018_0000 + i}",
                trial_id="T08",
                dates={"hire": hire},
                events=events,
                caseworker=CASEWORKERS[i % 2],
                cpr=cpr_for(i),
            )
        )
    return cases


def jens_hansen() -> CaseRecord:
    """Hired 31-08-2018: first follow-up due Sunday 28-02-2021, in practice Friday 26-02-2021."""
    return CaseRecord(
        id=17,
        citizen="Jens Hansen",
        case_ref="FASIT-2018-0017",
        trial_id="T08",
        dates={"hire": date(2018, 8, 31)},
        caseworker="Anne Jensen",
        cpr="010203-1234",
    )


def deadlines(cases: list[CaseRecord], today: date = TODAY) -> list[CaseDeadline]:
    """The deadline list of the cases, through the one function the window and the CLI use."""
    return deadlines_for_cases(cases, load_catalog(), today)
