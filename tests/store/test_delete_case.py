"""A case created by mistake is deleted with its history; the deletion is kept without personal data."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from caseworker_app.store import CaseNotFoundError, CaseStore, ValidationError


@pytest.fixture
def store(tmp_path):
    with CaseStore(tmp_path / "sager.db", clock=lambda: date(2021, 2, 1)) as case_store:
        yield case_store


def test_a_case_created_by_mistake_is_deleted_and_the_deletion_kept_without_personal_data(store):
    case_id = store.create_case(
        citizen="Jens Hansen",
        case_ref="2018-0831",
        trial_id="T08",
        dates={"hire": date(2018, 8, 31)},
        cpr="010180-1234",
    )
    store.add_event(case_id, day=date(2021, 1, 10), kind="followup")
    kept = store.create_case(
        citizen="Mette Skov", case_ref="2018-0915", trial_id="T08", dates={"hire": date(2018, 9, 15)}
    )
    store.delete_case(case_id, "  Oprettet to gange ved en fejl  ")
    with pytest.raises(CaseNotFoundError):
        store.get_case(case_id)
    assert [c.id for c in store.list_cases(include_closed=True)] == [kept]
    assert store.history(kept)  # the other case's history is untouched
    [deletion] = store.deletions()
    assert deletion["case_id"] == case_id and deletion["trial_id"] == "T08"
    assert deletion["reason"] == "Oprettet to gange ved en fejl"
    assert deletion["deleted_at"] and deletion["case_created_at"]
    raw = repr(store._conn.execute("SELECT * FROM deletions").fetchall())
    for personal in ("Jens", "Hansen", "2018-0831", "010180"):
        assert personal not in raw  # no name, FASIT number or CPR in the trail
    # No row of the deleted case is left behind in any table.
    for table in ("case_dates", "events", "case_changes"):
        assert store._conn.execute(f"SELECT count(*) FROM {table} WHERE case_id = ?", (case_id,)).fetchone() == (0,)
    # The trail itself is never changed or deleted.
    with pytest.raises(sqlite3.IntegrityError, match="ændres ikke"):
        store._conn.execute("UPDATE deletions SET reason = 'x'")
    with pytest.raises(sqlite3.IntegrityError, match="slettes ikke"):
        store._conn.execute("DELETE FROM deletions")


def test_a_deletion_needs_a_reason_and_deletes_nothing_without_one(store):
    case_id = store.create_case(
        citizen="Jens Hansen", case_ref="2018-0831", trial_id="T08", dates={"hire": date(2018, 8, 31)}
    )
    with pytest.raises(ValidationError) as info:
        store.delete_case(case_id, "   ")
    assert info.value.errors == {"reason": "Skriv, hvorfor sagen slettes"}
    assert store.get_case(case_id).citizen == "Jens Hansen"
    assert store.deletions() == []
