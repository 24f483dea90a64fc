"""Which database a copy is of: the calendar id each database gets when it is made (m004) and keeps
through every restore (outlook_state.py keeps the database's own), so the copies of one database
share it and a copy of another database (a colleague's, a trial run's) has another.

A copy of another database replaces every case in this one when restored: the caller asks first
(restore_backup refuses it otherwise)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from ..app_state import ICS_CALENDAR_ID
from ..copies import is_backup_path
from ..errors import StoreError
from ..opening import connect_read_only


class OtherDatabaseError(StoreError):
    """The copy is of another database than the one it would be restored into; nothing changed."""


def database_id(path: Path | str, *, with_cases: bool = False) -> str | None:
    """The database's own id (its calendar id), or None when it cannot be read: no file, a damaged
    one, or one made before the id was kept; with_cases, None too when it holds no case."""
    path = Path(path)
    if not path.is_file():
        return None
    try:
        conn = connect_read_only(path, immutable=is_backup_path(path))
    except StoreError:
        return None
    try:
        if with_cases and conn.execute("SELECT 1 FROM cases LIMIT 1").fetchone() is None:
            return None
        row = conn.execute("SELECT value FROM app_state WHERE key = ?", (ICS_CALENDAR_ID,)).fetchone()
    except sqlite3.Error:
        return None
    finally:
        conn.close()
    return str(row[0]) if row and row[0] else None


def of_another_database(db_path: Path | str, copy: Path | str) -> bool:
    """True when the copy is known to be of another database than db_path; False when it is of this
    one, or when it cannot be told (no database yet, or either id unreadable), or when db_path holds
    no case: nothing is lost, and an empty database started afresh beside its own copies (the start's
    "Start med en tom database") has an id of its own."""
    ours, theirs = database_id(db_path, with_cases=True), database_id(copy)
    return ours is not None and theirs is not None and ours != theirs


def another_database_text(db_path: Path | str, copy: Path | str) -> str:
    """What the caseworker is told (and asked about) before a copy of another database is restored."""
    return (
        f"Kopien {copy} er ikke en sikkerhedskopi af databasen {db_path}, men af en anden database "
        "(fx en kollegas eller en prøvedatabase). Gendanner du den, bliver alle sager i databasen "
        "erstattet af kopiens."
    )
