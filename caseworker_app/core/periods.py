"""The periods a calendar is printed for: the next 4 weeks, this or next week, month or quarter."""

from __future__ import annotations

from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

NEXT_4_WEEKS, THIS_WEEK, NEXT_WEEK = "next_4_weeks", "this_week", "next_week"
THIS_MONTH, NEXT_MONTH, THIS_QUARTER, NEXT_QUARTER, CUSTOM = (
    "this_month",
    "next_month",
    "this_quarter",
    "next_quarter",
    "custom",
)
# The first is what the dialog opens on (see ui/printing/dialogs.py): the 4 weeks from today. A
# caseworker prints her calendar for what is coming; "Denne måned" on the 30th showed the month gone by
# and none of the deadlines ahead. The overdue ones come first all the same (before the period).
PERIOD_LABELS_DA = {
    NEXT_4_WEEKS: "De næste 4 uger",
    THIS_WEEK: "Denne uge",
    NEXT_WEEK: "Næste uge",
    THIS_MONTH: "Denne måned",
    NEXT_MONTH: "Næste måned",
    THIS_QUARTER: "Dette kvartal",
    NEXT_QUARTER: "Næste kvartal",
    CUSTOM: "Fra–til",
}


def _months(first: date, count: int) -> tuple[date, date]:
    return first, first + relativedelta(months=count) - timedelta(days=1)


def preset_period(key: str, today: date) -> tuple[date, date]:
    """First and last day of a preset period around today (both included)."""
    if key == NEXT_4_WEEKS:  # today and the 27 days after it: 28 days, whole weeks on the printed list
        return today, today + timedelta(days=27)
    if key in (THIS_WEEK, NEXT_WEEK):  # Monday to Sunday, as the ISO weeks in the calendar
        monday = today - timedelta(days=today.weekday()) + timedelta(weeks=1 if key == NEXT_WEEK else 0)
        return monday, monday + timedelta(days=6)
    month_start = today.replace(day=1)
    quarter_start = month_start.replace(month=(today.month - 1) // 3 * 3 + 1)
    if key == THIS_MONTH:
        return _months(month_start, 1)
    if key == NEXT_MONTH:
        return _months(month_start + relativedelta(months=1), 1)
    if key == THIS_QUARTER:
        return _months(quarter_start, 3)
    if key == NEXT_QUARTER:
        return _months(quarter_start + relativedelta(months=3), 3)
    raise ValueError(f"unknown period {key!r}")
