"""Whether a file is a whole case database this program can read: the checks every copy passes
before it is kept, listed as usable or restored."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from ..copies import is_backup_path
from ..errors import StoreError
from ..opening import connect_read_only, has_sqlite_header, store_error
from ..versions import MIGRATION_NAMES, MIGRATION_SET, MIGRATIONS_TABLE

_SQLITE_BUSY, _SQLITE_LOCKED = 5, 6
_SQLITE_IO_CODES = (3, 10, 14)  # SQLITE_PERM, SQLITE_IOERR, SQLITE_CANTOPEN: the file could not be read


def count_cases(conn: sqlite3.Connection) -> int:
    return conn.execute("SELECT count(*) FROM cases").fetchone()[0]


def case_database_problem(path: Path, conn: sqlite3.Connection) -> str | None:
    """Why conn is not a case database this program can read (Danish), or None."""
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "cases" not in tables or MIGRATIONS_TABLE not in tables:
        return f"Filen {path} er ikke en sagsdatabase."
    if made_by_newer_version(conn):
        return f"Filen {path} er lavet af en nyere version af programmet. Opdatér programmet for at bruge den."
    return None


def made_by_newer_version(conn: sqlite3.Connection) -> bool:
    """Whether a newer version of the program has changed the database (a migration not known here)."""
    applied = {
        r[0] for r in conn.execute(f"SELECT name FROM {MIGRATIONS_TABLE} WHERE migration_set = ?", (MIGRATION_SET,))
    }
    return bool(applied - set(MIGRATION_NAMES))


def check_case_database(path: Path, conn: sqlite3.Connection) -> None:
    """StoreError unless conn holds a case database this program can read."""
    problem = case_database_problem(path, conn)
    if problem:
        raise StoreError(f"{problem} Intet er ændret.")


def integrity_problem(conn: sqlite3.Connection, *, quick: bool = False) -> str | None:
    """'3 fejl' when PRAGMA integrity_check finds faults, None when the database is whole. quick:
    PRAGMA quick_check, which skips comparing each index with its table (the larger part of the
    time) but reads every page, so a page written over is found."""
    pragma = "quick_check" if quick else "integrity_check"
    rows = [r[0] for r in conn.execute(f"PRAGMA {pragma}").fetchall()]
    return None if rows == ["ok"] else f"{len(rows)} fejl"


def backup_cases(path: Path) -> int | None:
    """The number of cases in a copy, or None when it cannot be read as a case database."""
    try:
        if not has_sqlite_header(path):
            return None
        conn = connect_read_only(path, immutable=True)
    except (OSError, StoreError):
        return None
    try:
        check_case_database(path, conn)
        return count_cases(conn)
    except (sqlite3.Error, StoreError):
        return None
    finally:
        conn.close()


def check_backup(path: Path | str, *, io_errors: bool = False) -> str | None:
    """Why a file cannot be restored (Danish), or None when it is a whole case database.

    io_errors: a file that cannot be read at all (permission denied, a drive gone) raises a StoreError
    rather than being said to be no usable copy (a restore: a fault, exit 1, not a wrong file name)."""
    return _file_problem(Path(path), in_use=False, io_errors=io_errors)


def damage_of_database_in_use(path: Path | str) -> str | None:
    """Why the database in use is damaged (Danish), or None when it is whole: a restore moves a
    damaged one aside whole, and copies a whole one first.

    StoreError when it is neither and must be left as it is: another program holds it locked
    (moved aside, that program's next writes would go into the file moved), or a newer version of
    the program made it (an older program would put an older copy in place of newer data)."""
    return _file_problem(Path(path), in_use=True)


def _busy(exc: BaseException | None) -> bool:
    return isinstance(exc, sqlite3.Error) and getattr(exc, "sqlite_errorcode", 0) & 0xFF in (
        _SQLITE_BUSY,
        _SQLITE_LOCKED,
    )


def _unreadable_copy(path: Path, exc: BaseException) -> StoreError:
    from ...core.os_text import reason_text

    return StoreError(
        f"Sikkerhedskopien {path} kan ikke læses ({reason_text(exc)}). Kontrollér, at drevet med filen er "
        "forbundet, og at du har lov at læse filen, og prøv igen. Databasen er ikke ændret.",
        detail=str(exc),
        fault=True,
    )


def _io_failure(exc: BaseException | None) -> bool:
    return isinstance(exc, OSError) or (
        isinstance(exc, sqlite3.Error) and getattr(exc, "sqlite_errorcode", 0) & 0xFF in _SQLITE_IO_CODES
    )


def _file_problem(path: Path, *, in_use: bool, io_errors: bool = False) -> str | None:
    if path.is_dir():
        return f"{path} er en mappe. Vælg sikkerhedskopien, en fil i mappen."
    if not path.is_file():
        return f"Filen {path} findes ikke."
    try:
        if not has_sqlite_header(path):
            return f"Filen {path} er ikke en sagsdatabase."
        conn = connect_read_only(path, immutable=is_backup_path(path))
    except StoreError as exc:
        if in_use and _busy(exc.__cause__):
            raise
        if io_errors:  # the connection could not be opened: the file cannot be read, whatever it holds
            raise _unreadable_copy(path, exc.__cause__ or exc) from exc
        return f"Filen {path} kan ikke læses."
    except OSError as exc:
        if io_errors:
            raise _unreadable_copy(path, exc) from exc
        return f"Filen {path} kan ikke læses."
    try:
        if in_use and made_by_newer_version(conn):
            raise StoreError(
                f"Databasen {path} er lavet af en nyere version af programmet. Opdatér programmet, før du "
                "gendanner en kopi. Databasen er ikke ændret."
            )
        problem = case_database_problem(path, conn)
        if problem:
            return problem  # the caller says what is kept ("Databasen er ikke ændret.")
        damage = integrity_problem(conn)
        return f"Filen {path} er beskadiget ({damage} ved kontrollen)." if damage else None
    except sqlite3.Error as exc:
        if in_use and _busy(exc):
            raise store_error(path, exc) from exc
        if io_errors and _io_failure(exc):
            raise _unreadable_copy(path, exc) from exc
        return f"Filen {path} er ikke en sagsdatabase, eller den er beskadiget."
    finally:
        conn.close()
