"""What the window asks around its automatic copy and its start (ui/backup_dialog.py): whether the
database is empty while copies hold cases (then it is not copied, so rotation never pushes those
copies out), and the newest copy worth restoring in place of a missing or empty database (whether it
is missing or empty is asked at every start, so that lives with the opening: store/opening.py
missing_or_empty; whether it is damaged: store/damage.py file_damage)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from .backup import BackupInfo, check_backup, list_backups
from .backup.checking import count_cases
from .errors import StoreError
from .opening import connect_read_only


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
