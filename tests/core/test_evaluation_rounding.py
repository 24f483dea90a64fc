"""The evaluation's decimals are rounded half up, as a reader rounds by hand, and its counts are Danish
in the singular (a tester: 19 × 45 minutes = 14,25 hours shown as '14,2 timer'; 'à 1 minutter';
'(1 dage for sent)')."""

from __future__ import annotations

from datetime import date

import pytest

from caseworker_app.core.evaluation_deadlines import record_deadline
from caseworker_app.core.evaluation_figures import TrialFigures
from caseworker_app.core.evaluation_text import hours_text, rounded
from caseworker_app.services.evaluation import build_evaluation, report_rows
from tests.evaluation_cases import END, START, TODAY, build


def test_a_quarter_hour_is_rounded_up():
    # 19 × 45 = 855 minutes = 14,25 hours.
    assert hours_text(19, 45) == "14,3 timer (19 opfølgninger à 45 minutter – antagelse, kan ændres)"


def test_a_half_a_float_holds_just_below_is_rounded_up():
    # 9 × 1 = 9 minutes = 0,15 hours (as a float 0,1499…).
    assert hours_text(9, 1) == "0,2 timer (9 opfølgninger à 1 minut – antagelse, kan ændres)"


def test_one_minute_is_singular():
    # 1 minute = 0,0166… hours.
    assert hours_text(1, 1) == "0 timer (1 opfølgning à 1 minut – antagelse, kan ændres)"


@pytest.mark.parametrize(
    ("numerator", "denominator", "text"),
    [
        (100 * 1, 16, "6,3"),  # 1 of 16 = 6,25 %
        (100 * 3, 16, "18,8"),  # 3 of 16 = 18,75 %
        (100 * 6, 7, "85,7"),  # 85,714… %
        (100 * 1, 40, "2,5"),
        (100 * 4, 4, "100"),
        (-855, 60, "-14,3"),
    ],
)
def test_shares_are_rounded_half_up(numerator, denominator, text):
    assert rounded(numerator, denominator) == text


def test_one_day_late_is_singular():
    f = TrialFigures("T08")
    record_deadline(f, "C1", "frist", date(2021, 3, 1), date(2021, 3, 2))
    record_deadline(f, "C2", "frist", date(2021, 3, 1), date(2021, 3, 3))
    assert f.cases["late"] == [
        ("C1", "frist 01-03-2021, holdt 02-03-2021 (1 dag for sent)"),
        ("C2", "frist 01-03-2021, holdt 03-03-2021 (2 dage for sent)"),
    ]


def test_the_hours_row_at_one_minute(tmp_path):
    store = build(tmp_path / "sager.db")
    try:
        evaluation = build_evaluation(store, start=START, end=END, today=TODAY, minutes=1)
        rows = next(rows for trial, rows in report_rows(evaluation, store.catalog()) if trial.id == "T08")
    finally:
        store.close()
    hours = next(r for r in rows if r.key == "hours")
    # 8 saved follow-ups (tests/core/test_evaluation.py) at 1 minute = 8 minutes = 0,133… hours.
    assert hours.value == "0,1 timer (8 opfølgninger à 1 minut – antagelse, kan ændres)"
    assert hours.note == (
        "Antallet af minutter pr. opfølgning er en antagelse, som brugeren har sat (standard 60); her 1 minut. "
        "Sagerne: se Sparet."
    )


def test_a_praktik_of_one_day_is_singular(tmp_path):
    from caseworker_app.store import CaseStore

    store = CaseStore(tmp_path / "sager.db", clock=lambda: date(2022, 3, 1))
    try:
        k = store.create_case(
            citizen="Opdigtet P",
            case_ref="P1",
            trial_id="T09",
            dates={"praktik_start": date(2021, 3, 1), "unemployed_since": date(2020, 6, 1)},
        )
        store.add_event(k, day=date(2021, 3, 1), kind="praktik_end")
        evaluation = build_evaluation(
            store, start=date(2021, 1, 1), end=date(2021, 12, 31), today=date(2022, 3, 1), trials=["T09"]
        )
        [(_, rows)] = report_rows(evaluation, store.catalog())
    finally:
        store.close()
    # Begun and ended 01-03-2021: both days counted, 1 day.
    assert evaluation.trials[0].cases["praktik_ended"] == [("P1", "01-03-2021 – 01-03-2021 (1 dag)")]
    assert next(r for r in rows if r.key == "praktik_ended").note == "mindst 1, median 1, højst 1 dag"


@pytest.mark.parametrize(
    ("part", "whole", "text"),
    [
        (1999, 2000, "1.999 af 2.000 (over 99,9 %)"),  # 99,95 % would round to 100
        (1, 2001, "1 af 2.001 (under 0,1 %)"),  # 0,0499… % would round to 0
        (2000, 2000, "2.000 af 2.000 (100 %)"),
        (0, 2000, "0 af 2.000 (0 %)"),
        (1, 16, "1 af 16 (6,3 %)"),
    ],
)
def test_a_share_is_never_shown_as_all_or_none_when_it_is_not(part, whole, text):
    # A reviewer: 1,999 of 2,000 read "100 %", 1 of 2,001 "0 %"; and counts had no thousands point.
    from caseworker_app.services.evaluation_rows import _share

    assert _share(part, whole) == text


def test_hours_over_a_thousand_have_the_thousands_point():
    # 12.500 follow-ups × 60 minutes = 12.500 hours, written as Danish counts are.
    assert hours_text(12500, 60) == "12.500 timer (12.500 opfølgninger à 60 minutter – antagelse, kan ændres)"
