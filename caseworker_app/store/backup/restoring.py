"""Restoring a copy: the current database kept first (copied, or moved aside whole when it is
damaged), then the copy written into it through SQLite in one transaction, so another program
with the database open sees the restored data and never a mix of old and new.

The current database is copied while the restore holds its write lock, and the lock is held until
the restored data is committed: another copy of the program writing meanwhile either committed
before (its write is in the kept copy) or waits and writes into the restored database. Nothing it
committed is lost between the two."""

from __future__ import annotations

import contextlib
import logging
import sqlite3
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from ...core.atomic import replace_file
from ..connection import utc_now
from ..copies import is_backup_path
from ..errors import CopyRefusedError, StoreError
from ..opening import BUSY_TIMEOUT_MS, connect_read_only, store_error
from .checking import check_backup, count_cases, damage_of_database_in_use, integrity_problem
from .identity import OtherDatabaseError, another_database_text, of_another_database
from .listing import BackupInfo
from .naming import BEFORE_RESTORE_TAG, SET_ASIDE_TAG, free_name
from .outlook_state import given_out, keep_given_out
from .writing import make_backup

_log = logging.getLogger(__name__)

_SQLITE_OK, _SQLITE_BUSY, _SQLITE_LOCKED = 0, 5, 6


class _NotKept(Exception):
    """The current database could not be copied before the restore (error: why)."""

    def __init__(self, error: StoreError):
        super().__init__(str(error))
        self.error = error


def restore_backup(
    db_path: Path | str, source: Path | str, *, now: datetime | None = None, other_database: bool = False
) -> tuple[BackupInfo | None, int]:
    """Replace the database's contents with the copy at source, after keeping the current file.

    Returns the copy of the current database kept first (None when there was none) and the
    number of cases restored. The contents are written through SQLite (backup API, one
    transaction), so another program with the database open sees the restored data.

    A copy of another database (identity.py) is refused (OtherDatabaseError) unless other_database:
    the caseworker has been asked.
    """
    db_path, source = Path(db_path), Path(source)
    now = now or datetime.now()
    problem = check_backup(source, io_errors=True)  # a copy that cannot be read: a fault (exit 1)
    if problem:
        raise CopyRefusedError(f"{problem} Databasen er ikke ændret.")
    if db_path.exists() and source.resolve() == db_path.resolve():
        raise CopyRefusedError(f"{source} er selve databasen. Vælg en sikkerhedskopi.")
    if not other_database and of_another_database(db_path, source):
        raise OtherDatabaseError(f"{another_database_text(db_path, source)} Databasen er ikke ændret.")
    kept_path = free_name(db_path, now, BEFORE_RESTORE_TAG)
    given = given_out(db_path) if db_path.exists() else None  # Outlook's events, the cases' ids
    if not db_path.exists():
        kept = None
        _write_or_say_why(db_path, source)
    elif damage_of_database_in_use(db_path) is not None:  # StoreError: locked, or a newer version's
        # Damaged (or no case database): moved aside untouched, never opened for writing first
        # (closing such a connection deletes the -wal beside a file SQLite cannot read).
        kept = _set_aside_damaged(db_path, kept_path, now)
        _write_or_say_why(db_path, source)
    else:
        kept = _keep_and_write(db_path, source, kept_path, now)
    if given:
        keep_given_out(db_path, given, utc_now())
    cases, problem = _check_restored(db_path)
    if problem:
        raise StoreError(
            f"Databasen {db_path} fejlede kontrollen efter gendannelsen ({problem}). "
            f"Den tidligere database er gemt som {kept.path if kept else '–'}."
        )
    _log.info("backup restored (%d cases)", cases)
    return kept, cases


def _keep_and_write(db_path: Path, source: Path, kept_path: Path, now: datetime) -> BackupInfo:
    """Copy the database to kept_path and write the copy at source into it, under one write lock."""
    held: list[BackupInfo] = []

    def keep() -> None:
        try:
            held.append(make_backup(db_path, kept_path, now=now))
        except StoreError as exc:
            raise _NotKept(exc) from exc

    try:
        _write_into(db_path, source, keep)
    except _NotKept as failure:
        raise StoreError(
            f"Gendannelsen er ikke begyndt: den nuværende database gemmes først som kopi. {failure.error}"
        ) from failure.error
    except sqlite3.Error as exc:
        raise store_error(db_path, exc) from exc
    return replace(held[0], before_restore=True)


def _write_into(db_path: Path, source: Path, keep: Callable[[], None] | None) -> None:
    """Write the copy at source into the database in one transaction; keep() is called once the
    transaction holds the database's write lock, before anything is committed.

    The backup API holds the destination's write transaction from its first step until the last
    (SQLite's documentation of sqlite3_backup_init), so the copy is written one page a step and
    keep() runs after the first: a copy of a case database has at least three pages. Python's
    backup() retries a lock it cannot get forever; the progress callback gives up after the busy
    timeout, as every other write does."""
    source_conn = connect_read_only(source, immutable=is_backup_path(source))
    started = time.monotonic()

    def progress(status: int, remaining: int, total: int) -> None:
        nonlocal keep
        if status in (_SQLITE_BUSY, _SQLITE_LOCKED):
            if time.monotonic() - started >= BUSY_TIMEOUT_MS / 1000:
                raise _busy(db_path)
            return
        if status == _SQLITE_OK and keep is not None:
            keep, then = None, keep
            then()

    try:
        target = sqlite3.connect(str(db_path), timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            target.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            # In rollback-journal mode the backup's write lock would shut out keep()'s reading too;
            # in WAL mode (how the program always opens a database) readers go on meanwhile.
            if keep is not None and target.execute("PRAGMA journal_mode = WAL").fetchone()[0] != "wal":
                raise _busy(db_path)
            source_conn.backup(target, pages=1, progress=progress)  # one transaction: old or new, never mixed
        finally:
            target.close()
    finally:
        source_conn.close()


def _write_or_say_why(db_path: Path, source: Path) -> None:
    """_write_into where there is nothing to keep (no database, or the damaged one moved aside). A
    write that stops (an error, Ctrl+C) leaves no file there: a part-written one was an empty database."""
    try:
        _write_into(db_path, source, None)
    except BaseException as exc:
        for suffix in ("", "-journal", "-wal", "-shm"):
            with contextlib.suppress(OSError):
                Path(f"{db_path}{suffix}").unlink(missing_ok=True)
        if isinstance(exc, sqlite3.Error):
            raise store_error(db_path, exc) from exc
        raise


def _check_restored(db_path: Path) -> tuple[int, str | None]:
    """The number of cases restored and what the integrity check found (None: whole)."""
    try:
        conn = sqlite3.connect(str(db_path), timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            return count_cases(conn), integrity_problem(conn)
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise store_error(db_path, exc) from exc


def _busy(db_path: Path) -> StoreError:
    return StoreError(
        f"Databasen {db_path} er optaget af et andet program (fx en anden kopi af Opfølgningsfrister) "
        f"og blev ikke ledig inden for {BUSY_TIMEOUT_MS // 1000} sekunder. Databasen er ikke ændret. "
        "Prøv igen om lidt."
    )


def _set_aside_damaged(db_path: Path, kept_path: Path, now: datetime) -> BackupInfo:
    """Move a damaged database and its -wal, -shm and -journal aside, all or none, so a copy can be
    restored in its place (a -wal left behind would be replayed into the restored database)."""
    damaged = kept_path.with_name(kept_path.name.replace(f"-{BEFORE_RESTORE_TAG}.db", f"-{SET_ASIDE_TAG}.db"))
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
                f"Databasen {db_path} er beskadiget og skal flyttes til mappen {damaged.parent}, før kopien kan "
                "gendannes, men den kunne ikke flyttes: den er åben i et andet program (fx Opfølgningsfrister i "
                f"et andet vindue), eller du har ikke lov at skrive i mappen. Luk programmet, og prøv igen. {outcome}"
            ) from exc
        raise store_error(db_path, exc) from exc
    return BackupInfo(damaged, now, damaged.stat().st_size, None, before_restore=True, set_aside=True)
