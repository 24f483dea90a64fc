"""Two copies of the program on one database: writes wait for each other and all are kept."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
import threading
from datetime import date

import pytest

from caseworker_app.store import CaseStore, StoreError, opening

from .conftest import TODAY

WRITER = textwrap.dedent("""
    import sys, time
    from datetime import date
    from caseworker_app.store import CaseStore

    path, name, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    store = CaseStore(path, clock=lambda: date(2026, 11, 23))
    for i in range(count):
        with store.batch():  # hold the write lock a moment so the two copies collide
            case_id = store.create_case(citizen=f"{name} {i}", case_ref=f"{name}-{i}",
                                        trial_id="T08", dates={"hire": date(2024, 5, 26)})
            time.sleep(0.005)
            store.add_event(case_id, day=date(2026, 1, 10), kind="followup")
    store.close()
""")


def test_two_processes_writing_at_once_keep_every_write(tmp_path):
    path = tmp_path / "sager.db"
    CaseStore(path).close()
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path), name, "20"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("A", "B")
    ]
    for proc in procs:
        _, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, err
    with CaseStore(path) as store:
        cases = store.list_cases()
        assert len(cases) == 40
        assert {c.citizen.split()[0] for c in cases} == {"A", "B"}
        assert all(len(c.events) == 1 for c in cases)
        assert len(store.history(cases[0].id)) == 2
    with sqlite3.connect(path) as check:
        assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_two_stores_in_threads_wait_for_each_others_transactions(tmp_path):
    path = tmp_path / "sager.db"
    CaseStore(path).close()
    inside = threading.Event()
    release = threading.Event()
    errors = []

    def slow_writer():
        try:
            with CaseStore(path, clock=lambda: TODAY) as store, store.batch():
                store.create_case(
                    citizen="Første",
                    case_ref="1",
                    trial_id="T12",
                    dates={"agreed": date(2026, 12, 1)},
                )
                inside.set()
                release.wait(5)
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    thread = threading.Thread(target=slow_writer)
    thread.start()
    assert inside.wait(5)
    with CaseStore(path, clock=lambda: TODAY) as second:
        # The first copy holds the write lock; this write waits (busy timeout) instead of failing.
        timer = threading.Timer(0.3, release.set)
        timer.start()
        second.create_case(citizen="Anden", case_ref="2", trial_id="T12", dates={"agreed": date(2026, 12, 2)})
        thread.join(5)
        assert errors == []
        assert [c.citizen for c in second.list_cases()] == ["Anden", "Første"]


def test_a_lock_held_too_long_gives_a_danish_message_and_saves_nothing(tmp_path, monkeypatch):
    monkeypatch.setattr(opening, "BUSY_TIMEOUT_MS", 200)
    path = tmp_path / "sager.db"
    store = CaseStore(path, clock=lambda: TODAY)
    blocker = sqlite3.connect(path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(StoreError, match="optaget af et andet program") as exc:
            store.create_case(citizen="Jens", case_ref="1", trial_id="T08", dates={"hire": date(2024, 5, 26)})
        assert str(path) in str(exc.value)
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    assert store.list_cases() == []
    store.close()
