"""Preset print periods, worked out by hand from a calendar."""

from __future__ import annotations

from datetime import date

import pytest

from caseworker_app.core.periods import (
    NEXT_MONTH,
    NEXT_QUARTER,
    THIS_MONTH,
    THIS_QUARTER,
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
    ],
)
def test_preset_periods(key, today, start, end):
    assert preset_period(key, today) == (start, end)


def test_an_unknown_period_is_a_programming_error():
    with pytest.raises(ValueError):
        preset_period("custom", date(2021, 2, 15))
