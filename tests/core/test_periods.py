"""Preset print periods, worked out by hand from a calendar."""

from __future__ import annotations

from datetime import date

import pytest

from caseworker_app.core.periods import (
    NEXT_4_WEEKS,
    NEXT_MONTH,
    NEXT_QUARTER,
    NEXT_WEEK,
    THIS_MONTH,
    THIS_QUARTER,
    THIS_WEEK,
    preset_period,
)


@pytest.mark.parametrize(
    ("key", "today", "start", "end"),
    [
        (THIS_MONTH, date(2021, 2, 15), date(2021, 2, 1), date(2021, 2, 28)),
        (THIS_MONTH, date(2024, 2, 29), date(2024, 2, 1), date(2024, 2, 29)),
        (NEXT_MONTH, date(2021, 1, 31), date(2021, 2, 1), date(2021, 2, 28)),
        (NEXT_MONTH, date(2026, 12, 3), date(2027, 1, 1), date(2027, 1, 31)),
        (THIS_QUARTER, date(2021, 2, 15), date(2021, 1, 1), date(2021, 3, 31)),
        (THIS_QUARTER, date(2026, 11, 23), date(2026, 10, 1), date(2026, 12, 31)),
        (NEXT_QUARTER, date(2021, 2, 15), date(2021, 4, 1), date(2021, 6, 30)),
        (NEXT_QUARTER, date(2026, 11, 23), date(2027, 1, 1), date(2027, 3, 31)),
        # Monday 23-11-2026: this week is 23-11 to Sunday 29-11, next week 30-11 to 06-12.
        (THIS_WEEK, date(2026, 11, 23), date(2026, 11, 23), date(2026, 11, 29)),
        (NEXT_WEEK, date(2026, 11, 23), date(2026, 11, 30), date(2026, 12, 6)),
        # Sunday 03-01-2021 belongs to the week that began Monday 28-12-2020 (across the new year).
        (THIS_WEEK, date(2021, 1, 3), date(2020, 12, 28), date(2021, 1, 3)),
        (NEXT_WEEK, date(2021, 1, 3), date(2021, 1, 4), date(2021, 1, 10)),
        # The 4 weeks from today, today included: 30-11-2026 to 27-12-2026 (28 days), across a year's end.
        (NEXT_4_WEEKS, date(2026, 11, 30), date(2026, 11, 30), date(2026, 12, 27)),
        (NEXT_4_WEEKS, date(2026, 12, 20), date(2026, 12, 20), date(2027, 1, 16)),
    ],
)
def test_preset_periods(key, today, start, end):
    assert preset_period(key, today) == (start, end)


def test_an_unknown_period_is_a_programming_error():
    with pytest.raises(ValueError):
        preset_period("custom", date(2021, 2, 15))
