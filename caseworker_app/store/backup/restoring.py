"""Restoring a copy: the current database kept first (copied, or moved aside whole when it is
damaged), then the copy written into it through SQLite in one transaction, so another program
with the database open sees the restored data and never a mix of old and new."""

from __future__ import annotations

import logging
import sqlite3
from datetime import datetime
from pathlib import Path

from ...core.atomic import replace_file
from ..copies import is_backup_path
from ..errors import StoreError
from ..opening import BUSY_TIMEOUT_MS, connect_read_only, store_error
from .checking import check_backup, count_cases, integrity_problem
from .listing import BackupInfo
from .naming import BEFORE_RESTORE_TAG, free_name
from .writing import make_backup

_log = logging.getLogger(__name__)


def restore_backup(
    db_path: Path | str, source: Path | str, *, now: datetime | None = None
) -> tuple[BackupInfo | None, int]:
    """Replace the database's contents with the copy at source, after keeping the current file.

    Returns the copy of the current database kept first (None when there was none) and the
    number of cases restored. The contents are written through SQLite (backup API, one
    transaction), so another program with the database open sees the restored data.
    """
    db_path, source = Path(db_path), Path(source)
    now = now or datetime.now()
    problem = check_backup(source)
    if problem:
        raise StoreError(f"{problem} Databasen er ikke ændret.")
    if db_path.exists() and source.resolve() == db_path.resolve():
        raise StoreError(f"{source} er selve databasen. Vælg en sikkerhedskopi.")
    kept = None
    kept_path = free_name(db_path, now, BEFORE_RESTORE_TAG)
    if db_path.exists():
        try:
            kept = make_backup(db_path, kept_path, now=now)
        except StoreError:
            if check_backup(db_path) is None:
                raise  # a readable database that could not be copied: restore nothing
            kept = _set_aside_damaged(db_path, kept_path, now)
    source_conn = connect_read_only(source, immutable=is_backup_path(source))
    try:
        target = sqlite3.connect(str(db_path), timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            target.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            source_conn.backup(target)  # one transaction: the database is old or new, never mixed
            problem = integrity_problem(target)
            cases = count_cases(target)
        finally:
            target.close()
    except sqlite3.Error as exc:
        raise store_error(db_path, exc) from exc
    finally:
        source_conn.close()
    if problem:
        raise StoreError(
            f"Databasen {db_path} fejlede kontrollen efter gendannelsen ({problem}). "
            f"Den tidligere database er gemt som {kept.path if kept else '–'}."
        )
    _log.info("backup restored (%d cases)", cases)
    return kept, cases


def _set_aside_damaged(db_path: Path, kept_path: Path, now: datetime) -> BackupInfo:
    """Move a damaged database and its -wal, -shm and -journal aside, all or none, so a copy can be
    restored in its place (a -wal left behind would be replayed into the restored database)."""
    damaged = kept_path.with_name(kept_path.name.replace(".db", "-beskadiget.db"))
    moves = [(db_path, damaged)] + [
        (Path(str(db_path) + suffix), Path(str(damaged) + suffix))
        for suffix in ("-wal", "-shm", "-journal")
        if Path(str(db_path) + suffix).exists()
    ]
    done: list[tuple[Path, Path]] = []
    try:
        damaged.parent.mkdir(parents=True, exist_ok=True)
        for source, target in moves:
            replace_file(source, target)
            done.append((source, target))
    except OSError as exc:
        stuck = []
        for source, target in reversed(done):  # put back what was moved: nothing half done
            try:
                replace_file(target, source)
            except OSError:
                stuck.append(target.name)
        outcome = (
            f"Filerne {', '.join(stuck)} ligger i {damaged.parent}; flyt dem tilbage, eller kontakt IT."
            if stuck
            else "Intet er ændret."
        )
        if isinstance(exc, PermissionError):
            raise StoreError(
                f"Databasen {db_path} er beskadiget og skal flyttes til side, før kopien kan gendannes, "
                "men den er åben i et andet program (fx Opfølgningsfrister i et andet vindue). "
                f"Luk programmet, og prøv igen. {outcome}"
            ) from exc
        raise store_error(db_path, exc) from exc
    return BackupInfo(damaged, now, damaged.stat().st_size, None)
