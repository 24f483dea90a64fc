"""What the window asks around its automatic copy and its start (ui/backup_dialog.py): whether a copy
that failed means the database is damaged, whether the database is empty while copies hold cases
(then it is not copied, so rotation never pushes those copies out), and the newest copy worth
restoring in place of a missing or empty database (whether it is missing or empty is asked at every
start, so that lives with the opening: store/opening.py missing_or_empty)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from .backup import BackupInfo, check_backup, list_backups
from .backup.checking import count_cases, integrity_problem
from .copies import is_backup_path
from .errors import StoreError
from .opening import SQLITE_HEADER, connect_read_only


def damage_found(db_path: Path, *, quick: bool = False) -> str | None:
    """What SQLite's check finds wrong in the database ('16 fejl ved kontrollen'), or None when it is
    whole or cannot be read for another reason (missing, locked: not damage). quick: SQLite's quicker
    check (store/backup/checking.py integrity_problem), for a start that makes no copy."""
    try:
        with db_path.open("rb") as handle:
            if handle.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
                return "filen er ikke en SQLite-database"
        conn = connect_read_only(db_path, immutable=is_backup_path(db_path))  # a copy: no -wal or -shm beside it
    except (OSError, StoreError):
        return None
    try:
        problem = integrity_problem(conn, quick=quick)
        return f"{problem} ved kontrollen" if problem else None
    except sqlite3.OperationalError:  # locked, out of memory: not a sign of damage
        return None
    except sqlite3.DatabaseError:  # "database disk image is malformed"
        return "filen kan ikke læses helt"
    finally:
        conn.close()


def newest_copy_with_cases(db_path: Path) -> BackupInfo | None:
    """The newest whole copy that holds cases (a copy of an empty database is no help), or None."""
    for info in list_backups(db_path):
        if info.cases and check_backup(info.path) is None:
            return info
    return None


def empty_beside_copies_with_cases(db_path: Path) -> bool:
    """True when the database has no cases and a copy has: today's copy of it would only start
    pushing the copies with cases out of the rotation (a database found missing or empty, and the
    caseworker chose not to restore)."""
    try:
        conn = connect_read_only(db_path)
    except StoreError:
        return False
    try:
        if count_cases(conn):
            return False
    except sqlite3.Error:
        return False
    finally:
        conn.close()
    return any(info.cases for info in list_backups(db_path))
