"""Damage as a disk or a killed copy leaves it: 60 bytes written over the cell content at the end of
the first page of one table or index, as the tester did (s17: 60 bytes at 4000 into a page).

Which page is found by name (sqlite_master.rootpage), so the damage lands on the same structure
whatever the file's layout:

- the table `cases`: the database opens (its schema and migrations are whole) but reading the cases
  fails ("database disk image is malformed");
- the index `idx_case_changes_case_id`: every case can still be read, but SQLite's integrity check
  finds faults, so no backup of the database is made.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

CASES_TABLE = "cases"  # reading the cases fails
CHANGES_INDEX = "idx_case_changes_case_id"  # readable, refused by the integrity check


def damage_page_of(path: Path, name: str) -> None:
    """Write 60 bytes into the cell content of the first page of the table or index `name` (the
    database closed; its -wal checkpointed first, so the damage is not undone by a replay)."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        [root] = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (name,)).fetchone()
    finally:
        conn.close()
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    with path.open("r+b") as handle:
        handle.seek((root - 1) * page_size + page_size - 96)
        handle.write(b"X" * 60)
