"""One open case per (trial, FASIT case number), also when two programs save at once (issue 12.2)."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from datetime import date

import pytest
from sqlite_utils import Database

from caseworker_app.store import CaseStore, ValidationError
from caseworker_app.store.schema import MIGRATIONS
from caseworker_app.store.versions import UNIQUE_OPEN_CASES_INDEX

from .conftest import TODAY

HIRE = {"hire": date(2024, 5, 26)}
ROUNDS = 40

RACER = textwrap.dedent("""
    import sys, time
    from datetime import date
    from caseworker_app.store import CaseStore, ValidationError

    path, start, rounds = sys.argv[1], float(sys.argv[2]), int(sys.argv[3])
    store = CaseStore(path, clock=lambda: date(2026, 11, 23))
    store.catalog(); store.settings()  # warm: both racers start their saves at the same moment
    while time.time() < start:
        time.sleep(0.001)
    saved = 0
    for i in range(rounds):
        try:
            store.create_case(citizen=f"Borger {i}", case_ref=f"R-{i}", trial_id="T08",
                              dates={"hire": date(2024, 5, 26)})
            saved += 1
        except ValidationError as exc:
            assert "findes allerede" in str(exc), exc
    print(saved)
""")


def test_two_processes_saving_the_same_fasit_numbers_save_each_once(tmp_path):
    """Reproduced first: 98 of 100 races saved the case twice (the check ran before the lock)."""
    import time

    path = tmp_path / "sager.db"
    CaseStore(path).close()
    start = time.time() + 1.5
    racers = [
        subprocess.Popen(
            [sys.executable, "-c", RACER, str(path), str(start), str(ROUNDS)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    results = [r.communicate(timeout=60) for r in racers]
    assert [r.returncode for r in racers] == [0, 0], [err for _, err in results]
    assert sum(int(out) for out, _ in results) == ROUNDS
    conn = sqlite3.connect(path)
    rows = conn.execute("SELECT case_ref, count(*) FROM cases GROUP BY case_ref").fetchall()
    conn.close()
    assert len(rows) == ROUNDS and all(count == 1 for _, count in rows)


def test_the_index_refuses_a_second_open_case_even_past_the_check(store, monkeypatch):
    store.create_case(citizen="A", case_ref="2024-1", trial_id="T08", dates=HIRE)
    monkeypatch.setattr(store._writes, "_check_duplicate", lambda *args, **kwargs: None)
    with pytest.raises(ValidationError) as caught:
        store.create_case(citizen="B", case_ref="2024-1", trial_id="T08", dates=HIRE)
    # The index's own message: the check (which names the other case) was skipped.
    assert caught.value.errors == {"case_ref": "Sagsnummeret findes allerede som åben sag i dette forsøg"}
    assert len(store.list_cases()) == 1


def make_v5_with_duplicates(path):
    db = Database(path)
    MIGRATIONS.apply(db, stop_before="m006_unique_open_case_ref")
    for citizen in ("Jens Hansen", "Jens Hansen (igen)"):
        db["cases"].insert(
            {
                "citizen": citizen,
                "case_ref": "2018-0412",
                "trial_id": "T08",
                "status": "aktiv",
                "created_at": "2025-01-01",
                "updated_at": "2025-01-01",
            }
        )
    db.close()


def test_the_migration_reports_existing_duplicates_instead_of_failing(tmp_path, caplog):
    path = tmp_path / "sager.db"
    make_v5_with_duplicates(path)
    with CaseStore(path, clock=lambda: TODAY) as store:
        assert store.duplicate_open_cases() == [("T08", "2018-0412", 2)]
        assert len(store.list_cases()) == 2
        has_index = store._conn.execute(
            "SELECT 1 FROM sqlite_master WHERE name = ?", (UNIQUE_OPEN_CASES_INDEX,)
        ).fetchone()
        assert has_index is None
        assert "2018-0412" not in caplog.text and "Jens" not in caplog.text
        store.close_case(2, reason="andet", text="dobbeltoprettet", day=TODAY)
    with CaseStore(path, clock=lambda: TODAY) as store:  # resolved: the index is made on opening
        assert store.duplicate_open_cases() == []
        assert store._conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (UNIQUE_OPEN_CASES_INDEX,)).fetchone()
        with pytest.raises(ValidationError):
            store.reopen_case(2)
