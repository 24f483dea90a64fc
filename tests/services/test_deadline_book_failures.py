"""A book whose reading failed is not taken for up to date: the next update reads everything."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from caseworker_app.services.deadline_book import DeadlineBook
from caseworker_app.store import CaseStore

TODAY = date(2021, 2, 1)


def test_after_a_failed_read_the_next_update_reads_the_cases_written_meanwhile(tmp_path, monkeypatch):
    db = tmp_path / "sager.db"
    store = CaseStore(db)
    store.create_case(citizen="Jens Hansen", case_ref="2021-1001", trial_id="T08", dates={"hire": date(2018, 8, 31)})
    book = DeadlineBook(store)
    book.update(TODAY)
    with sqlite3.connect(db) as other:  # another copy of the program renames the citizen
        other.execute("UPDATE cases SET citizen = 'Åge Ørum'")
    reading = store.list_cases

    def lost(*args, **kwargs):  # the network drive is gone for a moment
        raise OSError("disk I/O error")

    monkeypatch.setattr(store, "list_cases", lost)
    with pytest.raises(OSError):
        book.update(TODAY)
    monkeypatch.setattr(store, "list_cases", reading)  # back

    change = book.update(TODAY)

    assert change is not None and change.full
    assert [c.citizen for c in book.cases] == ["Åge Ørum"]
    assert [item.case.citizen for item in book.deadlines] == ["Åge Ørum"]
    store.close()
