"""The window's deadline book keeps deadlines of one date in Danish name order (tests/name_order.py),
also after it patches a changed case in place by bisection."""

from __future__ import annotations

from caseworker_app.services.deadline_book import DeadlineBook
from caseworker_app.store import CaseStore
from tests.name_order import DANISH_ORDER, DUE, TODAY, add_named_cases


def rows(book: DeadlineBook) -> list[tuple[str, str]]:
    return [(item.deadline.legal_due.isoformat(), item.case.citizen) for item in book.deadlines]


def test_the_book_lists_deadlines_of_one_date_in_danish_order(tmp_path):
    with CaseStore(tmp_path / "sager.db", clock=lambda: TODAY) as store:
        add_named_cases(store)
        book = DeadlineBook(store)
        book.update(TODAY)
        assert DUE.isoformat() == "2026-01-01"
        assert rows(book) == [("2026-01-01", name) for name in DANISH_ORDER]
        assert [c.citizen for c in book.cases] == DANISH_ORDER


def test_a_renamed_case_is_patched_into_its_danish_place(tmp_path):
    with CaseStore(tmp_path / "sager.db", clock=lambda: TODAY) as store:
        ids = add_named_cases(store)
        book = DeadlineBook(store)
        book.update(TODAY)
        store.update_case(ids["Andersen"], citizen="ærø")  # beside "Ærø" (case aside: by id, 8 before 9)
        store.update_case(ids["Åse"], citizen="BENT")  # beside "bent" (by id: 1 before 7)
        change = book.update(TODAY)
        assert change is not None and not change.full  # patched, not read again
        expected = ["BENT", "bent", "émile", "Zacho", "Ærø", "ærø", "Ørum", "ØSTERGAARD", "Aage"]
        assert rows(book) == [("2026-01-01", name) for name in expected]
        assert [c.citizen for c in book.cases] == expected
