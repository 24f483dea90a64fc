"""'Forfaldet siden sidst': the deadlines whose legal date passed while the program was closed, the
same whether they are looked at one by one or found by their dates in the window's sorted list."""

from __future__ import annotations

from datetime import date

from caseworker_app.core.cases import CaseRecord, deadlines_for_cases
from caseworker_app.core.catalog_load import load_catalog
from caseworker_app.core.collation import deadline_order
from caseworker_app.core.deadline_notices import became_due_since

CATALOG = load_catalog()
TODAY = date(2025, 6, 2)  # a Monday
LAST_OPENED = date(2025, 5, 20)


def t08(case_id: int, hire: date) -> CaseRecord:
    return CaseRecord(case_id, f"Borger {case_id}", f"2024-{case_id:04d}", "T08", dates={"hire": hire})


def test_the_deadlines_due_while_the_program_was_closed_are_found_by_their_dates_in_the_sorted_list():
    # T08: the first follow-up is due 30 months after the hire.
    cases = [
        t08(1, date(2022, 11, 19)),  # 19-05-2025: due before the program was last opened
        t08(2, date(2022, 11, 20)),  # 20-05-2025: the day it was last opened counts
        t08(3, date(2022, 11, 20)),  # 20-05-2025 too
        t08(4, date(2022, 12, 1)),  # 01-06-2025: yesterday
        t08(5, date(2022, 12, 2)),  # 02-06-2025: today, not yet passed
        t08(6, date(2023, 1, 15)),  # 15-07-2025: later
    ]
    items = sorted(deadlines_for_cases(cases, CATALOG, TODAY), key=deadline_order)
    assert [i.deadline.legal_due for i in items] == [
        date(2025, 5, 19),
        date(2025, 5, 20),
        date(2025, 5, 20),
        date(2025, 6, 1),
        date(2025, 6, 2),
        date(2025, 7, 15),
    ]
    one_by_one = became_due_since(items, LAST_OPENED, TODAY)
    by_date = became_due_since(items, LAST_OPENED, TODAY, by_legal_date=True)
    assert [i.case.id for i in by_date] == [2, 3, 4]
    assert by_date == one_by_one
    # Opened the same day, never before, or with the clock set back: nothing, either way.
    for last_opened in (TODAY, None, date(2025, 6, 10)):
        assert became_due_since(items, last_opened, TODAY, by_legal_date=True) == []
        assert became_due_since(items, last_opened, TODAY) == []
