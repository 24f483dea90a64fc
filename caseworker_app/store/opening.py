"""Opening a case database safely: refuse damaged files, WAL, locks, migrate after a copy."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from .errors import StoreError
from .versions import MIGRATION_NAMES, MIGRATION_SET, MIGRATIONS_TABLE

BUSY_TIMEOUT_MS = 10_000
SQLITE_HEADER = b"SQLite format 3\x00"


def store_error(path: Path, exc: BaseException) -> StoreError:
    """A Danish StoreError naming the file for a low-level SQLite or file-system error."""
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return StoreError(
            f"Databasen {path} er optaget af et andet program (fx en anden kopi af "
            f"Opfølgningsfrister) og blev ikke ledig inden for {BUSY_TIMEOUT_MS // 1000} sekunder. "
            f"Intet er gemt. Prøv igen om lidt."
        )
    if (
        "readonly" in text
        or "read-only" in text
        or "unable to open" in text
        or isinstance(exc, OSError)
    ):
        detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        return StoreError(
            f"Databasen {path} kan ikke åbnes eller skrives ({detail}). Kontrollér, at mappen "
            f"findes, og at du har skriveadgang, eller vælg en anden fil med --db."
        )
    if isinstance(exc, sqlite3.DatabaseError) and not isinstance(exc, sqlite3.OperationalError):
        return not_a_case_database(path)
    return StoreError(
        f"Databasen {path} kunne ikke bruges ({exc}). Intet er gemt. Prøv igen, eller vælg en "
        f"anden fil med --db."
    )


def not_a_case_database(path: Path) -> StoreError:
    """The message for a file that is not a case database or is damaged (left untouched)."""
    return StoreError(
        f"Filen {path} er ikke en sagsdatabase, eller den er beskadiget. Filen er ikke ændret. "
        f"Gendan en sikkerhedskopi (fx {path.name}.bak-…), eller vælg en anden fil med --db."
    )


def _check_file(path: Path) -> None:
    if path.is_dir():
        raise StoreError(
            f"{path} er en mappe, ikke en databasefil. Angiv en fil, fx {path / 'sager.db'}."
        )
    if path.exists():
        try:
            with path.open("rb") as file:
                head = file.read(len(SQLITE_HEADER))
        except OSError as exc:
            raise store_error(path, exc) from exc
        if head and head != SQLITE_HEADER:
            raise not_a_case_database(path)
    else:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise store_error(path, exc) from exc


def open_database(path: Path) -> sqlite3.Connection:
    """Open or create the database, migrated to the current schema; StoreError on any fault.

    A database already at the current schema is opened with plain sqlite3: sqlite-utils (and
    its plug-in machinery, a tenth of the program's start-up) is imported only to migrate.
    """
    _check_file(path)
    try:
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000)
    except sqlite3.Error as exc:
        raise store_error(path, exc) from exc
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        applied = _check_contents(path, conn)
        conn.execute("PRAGMA journal_mode = WAL")
        if applied != set(MIGRATION_NAMES):
            _migrate(path, conn)
    except StoreError:
        conn.close()
        raise
    except sqlite3.Error as exc:
        conn.close()
        raise store_error(path, exc) from exc
    except BaseException:
        conn.close()
        raise
    return conn


def _check_contents(path: Path, conn: sqlite3.Connection) -> set[str]:
    """The migrations this database has had; StoreError for another program's or a newer file."""
    # Reading the table list reads the header: a damaged file fails here.
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    applied: set[str] = set()
    if MIGRATIONS_TABLE in tables:
        applied = {
            row[0]
            for row in conn.execute(
                f"SELECT name FROM {MIGRATIONS_TABLE} WHERE migration_set = ?", (MIGRATION_SET,)
            )
        }
    if not applied and tables - {MIGRATIONS_TABLE}:
        raise StoreError(
            f"Filen {path} er en SQLite-database fra et andet program, ikke en sagsdatabase. "
            f"Filen er ikke ændret. Vælg en anden fil med --db."
        )
    if applied - set(MIGRATION_NAMES):
        raise StoreError(
            f"Databasen {path} er lavet af en nyere version af programmet. Filen er ikke ændret. "
            f"Opdatér programmet for at åbne den."
        )
    return applied


def _migrate(path: Path, conn: sqlite3.Connection) -> None:
    from sqlite_utils import Database

    from .schema import MIGRATIONS, schema_version

    db = Database(conn, execute_plugins=False)
    if not MIGRATIONS.pending(db):
        return
    version = schema_version(db)
    if version > 0:
        backup_copy(path, conn, version)
    conn.execute(
        "BEGIN IMMEDIATE"
    )  # a second copy opening at the same time waits, then finds nothing pending
    try:
        MIGRATIONS.apply(db)
        conn.commit()
    except BaseException:
        conn.rollback()
        raise


def backup_copy(path: Path, conn: sqlite3.Connection, version: int) -> Path:
    """A consistent copy beside the database, <name>.bak-<version>; never overwrites one."""
    target = path.with_name(f"{path.name}.bak-{version}")
    number = 2
    while target.exists():
        target = path.with_name(f"{path.name}.bak-{version}-{number}")
        number += 1
    temporary = target.with_name(target.name + ".tmp")
    copy = sqlite3.connect(str(temporary))
    try:
        conn.backup(copy)
    finally:
        copy.close()
    os.replace(temporary, target)
    return target
