"""Damaging a case database on purpose, for the tests of what the program does with a damaged one."""

from __future__ import annotations

import sqlite3


def damage_the_events_table(path):
    """Scribble over the events table's page: the case table stays readable, the check fails."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'events'").fetchone()[0]
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    data = bytearray(path.read_bytes())
    data[(root - 1) * page_size : root * page_size] = b"\x07" * page_size
    path.write_bytes(bytes(data))
