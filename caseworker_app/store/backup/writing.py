"""Writing a copy: SQLite's backup API into a hidden temporary file, PRAGMA integrity_check, flushed
to disk and only then renamed into place, so a copy that is there is a whole one. The database is
only read (never migrated or changed) and never copied as a file: a WAL database's recent writes
are in its -wal file."""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import sqlite3
import tempfile
from datetime import datetime
from pathlib import Path

from ...core.atomic import fsync_folder, replace_file
from ...core.os_text import reason_text
from ..copies import is_backup_path
from ..damage import damage_text
from ..errors import StoreError
from ..opening import connect_read_only, store_error
from .checking import check_case_database, count_cases, integrity_problem
from .listing import BackupInfo
from .naming import free_name, remove_stale_temporaries_of

_log = logging.getLogger(__name__)


# What SQLite says when the copy's file cannot be written (the database is only read, so these are
# never the database's fault): the folder refuses files, the disk is full, a write fails.
_WRITE_ERRORS = (
    "SQLITE_FULL",
    "SQLITE_CANTOPEN",
    "SQLITE_READONLY",
    "SQLITE_IOERR_WRITE",
    "SQLITE_IOERR_FSYNC",
    "SQLITE_IOERR_DIR_FSYNC",
    "SQLITE_IOERR_TRUNCATE",
    "SQLITE_IOERR_DELETE",
)


def copy_not_written(target: Path, exc: OSError | sqlite3.Error, why: str | None = None) -> StoreError:
    """The Danish message for a copy that could not be written (the database is untouched)."""
    kept = " En tidligere fil med samme navn er uændret." if target.exists() else ""
    return StoreError(
        f"Sikkerhedskopien {target} kunne ikke gemmes: {why or _why_not_written(target, exc)}. "
        f"Databasen er ikke ændret.{kept}"
    )


def _why_not_written(target: Path, exc: OSError | sqlite3.Error) -> str:
    if isinstance(exc, sqlite3.Error):
        name = getattr(exc, "sqlite_errorname", "")
        if name == "SQLITE_FULL":
            return "disken er fuld"
        if name.startswith(("SQLITE_CANTOPEN", "SQLITE_READONLY")):
            return f"filen kunne ikke oprettes i mappen {target.parent} ({reason_text(exc)})"
        return f"der kunne ikke skrives i filen ({reason_text(exc)}); måske er disken fuld"
    if isinstance(exc, PermissionError):
        # Windows refuses to replace a file another program holds open.
        return f"filen er åben i et andet program, eller du har ikke lov at skrive i mappen {target.parent}"
    if exc.errno == errno.ENOSPC:
        return "disken er fuld"
    return f"filen kunne ikke skrives ({reason_text(exc)})"


def _is_write_error(exc: sqlite3.Error) -> bool:
    name = getattr(exc, "sqlite_errorname", "")
    return any(name == code or name.startswith(f"{code}_") for code in _WRITE_ERRORS)


def _remove_quietly(path: Path) -> None:
    """Remove path if it is there; one Windows will not let go of now is left for later."""
    with contextlib.suppress(OSError):
        path.unlink()


def _write_copy(source: sqlite3.Connection, target: Path, what: Path) -> int:
    """Copy source into target (whole or not at all) and check it; returns its number of cases."""
    folder = target.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise copy_not_written(target, exc, f"mappen {folder} kunne ikke oprettes ({reason_text(exc)})") from exc
    # A name of its own (created exclusively): two copies started in the same second – the program
    # started twice, or a copy from the window beside the daily one – get the same target name, and
    # with one shared temporary file one would remove or rename the other's half-written copy.
    try:
        handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
        os.close(handle)  # a folder that takes no new file is named, not the database
    except PermissionError as exc:
        raise copy_not_written(target, exc, f"du har ikke lov at skrive i mappen {folder}") from exc
    except OSError as exc:
        raise copy_not_written(target, exc) from exc
    temporary = Path(name)
    copy = None
    try:
        copy = sqlite3.connect(str(temporary))
        source.backup(copy)  # one step: a consistent snapshot even while others write
        copy.execute("PRAGMA journal_mode = DELETE")  # a copy is one plain file, no -wal
        problem = integrity_problem(copy)
        if problem:
            # In the words every command and the window's start use for the same file (store/damage.py).
            raise StoreError(
                f"{damage_text(what)} Der er ikke lavet en sikkerhedskopi. Gendan en tidligere kopi under "
                "Filer › Sikkerhedskopier.",
                detail=f"integrity_check: {problem}",
            )
        cases = count_cases(copy)
        copy.close()
        copy = None
        with open(temporary, "rb+") as handle:
            os.fsync(handle.fileno())
        replace_file(temporary, target)
        fsync_folder(folder)
        return cases
    except sqlite3.Error as exc:
        if _is_write_error(exc):
            raise copy_not_written(target, exc) from exc
        raise store_error(what, exc) from exc
    except OSError as exc:
        raise copy_not_written(target, exc) from exc
    finally:
        if copy is not None:
            copy.close()
        for suffix in ("", "-journal", "-wal", "-shm"):
            _remove_quietly(Path(str(temporary) + suffix))


def make_backup(db_path: Path | str, target: Path | str | None = None, *, now: datetime | None = None) -> BackupInfo:
    """A checked copy of the database: in its backup folder, or at target (a file, or a folder
    that gets the copy under the name the backup folder would give it).

    The database is opened read-only: it is never migrated or changed by a backup.
    """
    db_path = Path(db_path)
    now = now or datetime.now()
    remove_stale_temporaries_of(db_path)
    if target is None:
        target = free_name(db_path, now)
    elif Path(target).is_dir():
        target = free_name(db_path, now, folder=Path(target))
    else:
        target = Path(target)
    if target.exists() and target.resolve() == db_path.resolve():
        raise StoreError(f"Sikkerhedskopien kan ikke skrives oven i selve databasen {db_path}.")
    source = connect_read_only(db_path, immutable=is_backup_path(db_path))
    try:
        try:
            check_case_database(db_path, source)
        except sqlite3.Error as exc:
            raise store_error(db_path, exc) from exc
        cases = _write_copy(source, target, db_path)
    finally:
        source.close()
    _log.info("backup written (%d cases)", cases)
    return BackupInfo(target, now, target.stat().st_size, cases)
