"""The retention purge reaches the copies too: the closed cases past their retention are deleted
from every copy of the database as from the database itself, leaving no trace in free pages."""

from __future__ import annotations

import contextlib
import logging
import sqlite3
from datetime import date, timedelta
from pathlib import Path

from ..connection import delete_case_rows
from ..opening import BUSY_TIMEOUT_MS
from .checking import integrity_problem
from .listing import list_backups

_log = logging.getLogger(__name__)


def retention_last_day(today: date, retention_days: int) -> date:
    """The last closing day a case may have to be purged today."""
    return today - timedelta(days=retention_days)


def copies_of(db_path: Path | str) -> list[Path]:
    """Every copy of the database on disk: the backup folder's and the .bak-N copies beside it."""
    db_path = Path(db_path)
    found = [info.path for info in list_backups(db_path)]
    with contextlib.suppress(OSError):
        found += sorted(p for p in db_path.parent.glob(f"{db_path.name}.bak-*") if p.is_file())
    return found


def purge_copies(db_path: Path | str, last_closed_day: date) -> tuple[int, list[Path]]:
    """Delete from every copy the closed cases closed on or before last_closed_day, as the
    retention purge did in the database (secure_delete and VACUUM: no trace in free pages).

    Returns how many cases went from the copies and the copies that could not be cleaned
    (damaged: they are deleted, since they may hold data past its retention).
    """
    removed, failed = 0, []
    for path in copies_of(db_path):
        try:
            removed += _purge_one(path, last_closed_day)
        except (sqlite3.Error, OSError):
            _log.warning("a backup copy could not be purged and was deleted")
            failed.append(path)
            with contextlib.suppress(OSError):
                path.unlink()
    return removed, failed


def _purge_one(path: Path, last_closed_day: date) -> int:
    conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        conn.execute("PRAGMA secure_delete = ON")
        ids = [
            r[0]
            for r in conn.execute(
                "SELECT id FROM cases WHERE status = 'afsluttet' AND closed_on IS NOT NULL AND closed_on <= ?",
                (last_closed_day.isoformat(),),
            )
        ]
        if not ids:
            return 0
        with conn:
            for case_id in ids:
                delete_case_rows(conn, case_id)
        conn.execute("VACUUM")
        if integrity_problem(conn):
            raise sqlite3.DatabaseError("integrity")
        return len(ids)
    finally:
        conn.close()
