"""Crash drills (issue 12): a child process writing through the store, making a backup or
restoring one is killed (SIGKILL) at random moments; afterwards the database passes
PRAGMA integrity_check and holds every write the child had confirmed. Bounded: ≈30 kills each."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from datetime import date

import pytest

from caseworker_app.store import CaseStore
from caseworker_app.store.backup import (
    STALE_COPY_SECONDS,
    backup_folder,
    check_backup,
    list_backups,
    make_backup,
)

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX")

KILLS = 30
HIRE = {"hire": date(2024, 5, 26)}

WRITER = textwrap.dedent("""
    import sys
    from datetime import date
    from caseworker_app.store import CaseStore

    path, run = sys.argv[1], sys.argv[2]
    store = CaseStore(path, clock=lambda: date(2026, 11, 23))
    store.catalog(); store.settings()  # loaded before "ready": the kills land during writes
    print("ready", flush=True)
    i = 0
    while True:
        case_id = store.create_case(citizen=f"Borger {run}-{i}", case_ref=f"K{run}-{i}",
                                    trial_id="T08", dates={"hire": date(2024, 5, 26)})
        store.add_event(case_id, day=date(2026, 1, 10), kind="followup")
        print(f"K{run}-{i}", flush=True)  # confirmed: both writes committed
        i += 1
""")

BACKUP = textwrap.dedent("""
    import sys
    from caseworker_app.store.backup import make_backup

    print("ready", flush=True)
    while True:
        make_backup(sys.argv[1])
""")

RESTORE = textwrap.dedent("""
    import sys
    from caseworker_app.store.backup import restore_backup

    print("ready", flush=True)
    while True:
        for copy in sys.argv[2:]:
            restore_backup(sys.argv[1], copy)
""")


def kill_at_random(
    script: str, *args: str, rng: random.Random, longest: float = 0.25, after_first_line: bool = False
) -> list[str]:
    """Start script, let it work a random moment after it is ready, SIGKILL it; its stdout lines.

    after_first_line: wait for the first line it prints after "ready" (a confirmed write) before
    the random moment, so the kill lands among the writes however slow the machine is.
    """
    child = subprocess.Popen(
        [sys.executable, "-c", script, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    first = []
    try:
        assert child.stdout.readline().strip() == "ready", child.stderr.read()
        if after_first_line:
            first.append(child.stdout.readline().strip())
        time.sleep(rng.uniform(0, longest))
    finally:
        os.kill(child.pid, signal.SIGKILL)
        out, _ = child.communicate(timeout=30)
    return [line for line in first + out.splitlines() if line]


def integrity(path) -> list[str]:
    conn = sqlite3.connect(str(path))
    try:
        return [row[0] for row in conn.execute("PRAGMA integrity_check")]
    finally:
        conn.close()


def test_killing_a_writer_loses_no_confirmed_write_and_damages_nothing(tmp_path):
    path = tmp_path / "sager.db"
    CaseStore(path).close()
    rng = random.Random(12)
    confirmed: list[str] = []
    for run in range(KILLS):
        confirmed += kill_at_random(WRITER, str(path), str(run), rng=rng, after_first_line=True)
    assert integrity(path) == ["ok"]
    with CaseStore(path) as store:
        cases = {c.case_ref: c for c in store.list_cases()}
    assert len(confirmed) >= KILLS  # every kill landed among the writes (after_first_line)
    missing = [ref for ref in confirmed if ref not in cases or len(cases[ref].events) != 1]
    assert missing == []
    # A case is saved whole or not at all (one transaction): no case without its creation row.
    conn = sqlite3.connect(str(path))
    orphans = conn.execute("SELECT count(*) FROM cases WHERE id NOT IN (SELECT case_id FROM case_changes)").fetchone()[
        0
    ]
    conn.close()
    assert orphans == 0


def _filled(path, count: int, prefix: str) -> None:
    with CaseStore(path, clock=lambda: date(2026, 11, 23)) as store:
        for i in range(count):
            store.create_case(citizen=f"Borger {i}", case_ref=f"{prefix}-{i}", trial_id="T08", dates=HIRE)


def test_killing_a_backup_leaves_the_database_whole_and_no_half_copy_listed(tmp_path):
    path = tmp_path / "sager.db"
    _filled(path, 200, "B")
    rng = random.Random(13)
    for _ in range(KILLS):
        kill_at_random(BACKUP, str(path), rng=rng, longest=0.15)
    assert integrity(path) == ["ok"]
    backups = list_backups(path)
    assert backups and all(check_backup(b.path) is None and b.cases == 200 for b in backups)
    with CaseStore(path) as store:
        assert len(store.list_cases()) == 200
    # A kill mid-write may leave a hidden temporary copy; once stale, the next listing removes it.
    folder = backup_folder(path)
    old = time.time() - STALE_COPY_SECONDS - 60
    for leftover in folder.glob(".*"):
        os.utime(leftover, (old, old))
    list_backups(path)
    assert [p.name for p in folder.iterdir() if p.name.startswith(".")] == []


def test_killing_a_restore_leaves_the_old_or_the_new_database_never_a_mix(tmp_path):
    path = tmp_path / "sager.db"
    _filled(path, 150, "A")
    small = make_backup(path, tmp_path / "lille.db")
    _filled(path, 0, "x")
    with CaseStore(path, clock=lambda: date(2026, 11, 23)) as store:
        for i in range(100):
            store.create_case(citizen=f"Ny {i}", case_ref=f"N-{i}", trial_id="T08", dates=HIRE)
    large = make_backup(path, tmp_path / "stor.db")
    rng = random.Random(14)
    for _ in range(KILLS):
        kill_at_random(RESTORE, str(path), str(small.path), str(large.path), rng=rng, longest=0.3)
        assert integrity(path) == ["ok"]
        with CaseStore(path) as store:
            assert len(store.list_cases()) in (150, 250)
    for info in list_backups(path):  # every kept copy listed is whole
        assert check_backup(info.path) is None
