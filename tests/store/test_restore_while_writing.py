"""A restore while another copy of the program writes (found by a tester: 1,012 of 6,000 follow-ups
written meanwhile were in neither the restored database nor the copy kept before it). The copy of
what is replaced and the replacement happen under one write lock, so every committed write is in
one of the two files; a writer meanwhile waits, and a lock held too long gets the 'optaget' message."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from datetime import date, datetime

import pytest

from caseworker_app.store import CaseStore, StoreError
from caseworker_app.store.backup import make_backup, restore_backup, restoring

from .conftest import TODAY

HIRE = {"hire": date(2024, 5, 26)}


def case_refs(path) -> set[str]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return {r[0] for r in conn.execute("SELECT case_ref FROM cases")}
    finally:
        conn.close()


@pytest.fixture
def old_copy(store, db_path):
    """A copy with the cases A-0 and A-1; the database has A-2 added since."""
    for n in range(2):
        store.create_case(citizen=f"Borger {n}", case_ref=f"A-{n}", trial_id="T08", dates=HIRE)
    copy = make_backup(db_path, now=datetime(2026, 11, 20, 9, 0))
    store.create_case(citizen="Borger 2", case_ref="A-2", trial_id="T08", dates=HIRE)
    store.close()
    return copy.path


def start(script: str, *args) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(script), *map(str, args)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )


HOLDS_A_TRANSACTION = """
    import sys, time
    from datetime import date
    from caseworker_app.store import CaseStore

    store = CaseStore(sys.argv[1], clock=lambda: date(2026, 11, 23))
    with store.batch():
        store.create_case(citizen="Holder", case_ref="HOLDT-1", trial_id="T08", dates={"hire": date(2024, 5, 26)})
        print("holding", flush=True)
        time.sleep(float(sys.argv[2]))
    print("committed", flush=True)
    store.close()
"""


def test_a_transaction_committed_during_the_restore_is_in_the_kept_copy(db_path, old_copy):
    """The tester's second case: a 4-second transaction committed mid-restore was in neither file."""
    child = start(HOLDS_A_TRANSACTION, db_path, 1.5)
    try:
        assert child.stdout.readline().strip() == "holding"
        kept, cases = restore_backup(db_path, old_copy, now=datetime(2026, 11, 23, 10, 0))
        assert child.stdout.readline().strip() == "committed"
        assert child.wait(timeout=30) == 0
    finally:
        child.kill()
    # The restore waited for the other copy's transaction, then kept what it had committed.
    assert case_refs(kept.path) == {"A-0", "A-1", "A-2", "HOLDT-1"}
    assert case_refs(db_path) == {"A-0", "A-1"} and cases == 2


WRITES_WHEN_TOLD = """
    import sys
    from datetime import date
    from caseworker_app.store import CaseStore

    store = CaseStore(sys.argv[1], clock=lambda: date(2026, 11, 23))
    print("open", flush=True)
    sys.stdin.readline()
    print("writing", flush=True)
    store.create_case(citizen="Mellem", case_ref="MELLEM-1", trial_id="T08", dates={"hire": date(2024, 5, 26)})
    print("committed", flush=True)
    store.close()
"""


def test_a_write_between_keeping_the_copy_and_replacing_waits_for_the_restore(db_path, old_copy, monkeypatch):
    """Deterministic: another copy of the program writes just after the current database was kept
    and before the copy is written into it. It waits for the restore, then lands in the restored
    database, instead of being committed into the file the restore then overwrites."""
    child = start(WRITES_WHEN_TOLD, db_path)
    assert child.stdout.readline().strip() == "open"
    real_make_backup = restoring.make_backup
    waited = []

    def keep_then_let_the_other_copy_write(*args, **kwargs):
        kept = real_make_backup(*args, **kwargs)
        child.stdin.write("\n")
        child.stdin.flush()
        assert child.stdout.readline().strip() == "writing"
        try:
            child.wait(timeout=1.0)  # without the lock it commits at once
        except subprocess.TimeoutExpired:
            waited.append(True)
        return kept

    monkeypatch.setattr(restoring, "make_backup", keep_then_let_the_other_copy_write)
    try:
        kept, _ = restore_backup(db_path, old_copy, now=datetime(2026, 11, 23, 10, 0))
        assert child.wait(timeout=30) == 0
    finally:
        child.kill()
    assert waited == [True]
    assert case_refs(kept.path) == {"A-0", "A-1", "A-2"}
    assert case_refs(db_path) == {"A-0", "A-1", "MELLEM-1"}  # written after the restore, not lost


WRITES_ALL_THE_TIME = """
    import sys
    from datetime import date
    from caseworker_app.store import CaseStore

    store = CaseStore(sys.argv[1], clock=lambda: date(2026, 11, 23))
    for n in range(int(sys.argv[2])):
        store.create_case(citizen=f"Løbende {n}", case_ref=f"L-{n}", trial_id="T08", dates={"hire": date(2024, 5, 26)})
        print(f"L-{n}", flush=True)
    store.close()
"""


def test_every_write_of_another_copy_writing_all_along_is_in_one_of_the_two_files(db_path, old_copy):
    """The tester's first case: one process keeps writing while the restore runs."""
    child = start(WRITES_ALL_THE_TIME, db_path, 400)
    committed = []
    try:
        while len(committed) < 30:  # the other copy is writing at full speed
            committed.append(child.stdout.readline().strip())
        kept, _ = restore_backup(db_path, old_copy, now=datetime(2026, 11, 23, 10, 0))
        committed += [line.strip() for line in child.stdout]
        assert child.wait(timeout=60) == 0
    finally:
        child.kill()
    assert len(committed) == 400
    in_kept, in_restored = case_refs(kept.path), case_refs(db_path)
    assert {"A-0", "A-1", "A-2"} <= in_kept
    assert set(committed) - in_kept - in_restored == set()  # none lost
    assert in_kept & in_restored & set(committed) == set()  # each in exactly one of them
    assert in_restored - set(committed) == {"A-0", "A-1"}


HOLDS_THE_LOCK = """
    import sys, time
    import sqlite3

    conn = sqlite3.connect(sys.argv[1], isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    print("holding", flush=True)
    time.sleep(float(sys.argv[2]))
    conn.execute("COMMIT")
"""


def test_a_restore_that_cannot_get_the_lock_says_the_database_is_busy_and_changes_nothing(
    db_path, old_copy, monkeypatch
):
    monkeypatch.setattr(restoring, "BUSY_TIMEOUT_MS", 2000)
    child = start(HOLDS_THE_LOCK, db_path, 6)
    try:
        assert child.stdout.readline().strip() == "holding"
        with pytest.raises(StoreError) as caught:
            restore_backup(db_path, old_copy, now=datetime(2026, 11, 23, 10, 0))
    finally:
        child.kill()
        child.wait()
    assert str(caught.value) == (
        f"Databasen {db_path} er optaget af et andet program (fx en anden kopi af Opfølgningsfrister) "
        "og blev ikke ledig inden for 2 sekunder. Databasen er ikke ændret. Prøv igen om lidt."
    )
    assert case_refs(db_path) == {"A-0", "A-1", "A-2"}
    assert sorted(p.name for p in old_copy.parent.iterdir()) == ["sager-2026-11-20T090000.db"]  # nothing kept
    with CaseStore(db_path, clock=lambda: TODAY) as again:
        assert len(again.list_cases()) == 3


def test_a_database_restored_where_none_was_can_be_restored_over_again(db_path, old_copy):
    """Restored into a missing file, the database is a plain copy (rollback journal, not WAL);
    the next restore copies it while holding its write lock, which such a file would not allow."""
    for leftover in (db_path, db_path.with_name("sager.db-wal"), db_path.with_name("sager.db-shm")):
        leftover.unlink(missing_ok=True)
    assert restore_backup(db_path, old_copy, now=datetime(2026, 11, 23, 10, 0)) == (None, 2)
    kept, cases = restore_backup(db_path, old_copy, now=datetime(2026, 11, 23, 11, 0))
    assert kept.path.name == "sager-2026-11-23T110000-foer-gendannelse.db"
    assert case_refs(kept.path) == {"A-0", "A-1"} and cases == 2
