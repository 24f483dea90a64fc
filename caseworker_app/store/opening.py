"""Opening a case database safely: refuse damaged files, WAL, locks, migrate after a copy."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path, PurePath
from urllib.parse import quote

from .errors import StoreError
from .sqlite_errors import BUSY_TIMEOUT_MS, not_a_case_database, store_error
from .versions import MIGRATION_NAMES, MIGRATION_SET, MIGRATIONS_TABLE

SQLITE_HEADER = b"SQLite format 3\x00"


def sqlite_uri(path: PurePath) -> str:
    """A file: URI for sqlite3.connect(uri=True) naming exactly path, on Windows and elsewhere.

    Every character is percent-encoded, separators too, so the URI has no authority part: a
    Windows network path (\\\\server\\share\\sager.db) as Path.as_uri() writes it, file://server/...,
    is refused by SQLite ("invalid uri authority"), and Path.resolve() turns a mapped network
    drive (H:\\) into such a path. Spaces, æøå, '#', '?' and '%' in a folder name are encoded too.
    """
    return "file:" + quote(str(path), safe="")


def connect_read_only(path: Path, *, immutable: bool = False) -> sqlite3.Connection:
    """A connection that can never write the file (no migration, no -journal, no header change).

    immutable: for a copy nobody writes (a backup): not even -wal or -shm files are made beside it.
    """
    if not path.is_file():
        raise StoreError(f"Filen {path} findes ikke.")
    try:
        conn = sqlite3.connect(
            sqlite_uri(path.resolve()) + ("?mode=ro&immutable=1" if immutable else "?mode=ro"),
            uri=True,
            timeout=BUSY_TIMEOUT_MS / 1000,
        )
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    except sqlite3.Error as exc:
        raise store_error(path, exc) from exc
    return conn


def _check_file(path: Path) -> None:
    if path.is_dir():
        raise StoreError(
            f"{path} er en mappe, ikke en databasefil. Angiv en fil, fx {path / 'sager.db'}.",
            in_window=f"{path} er en mappe, ikke en databasefil. Spørg IT, hvilken fil programmet skal bruge.",
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


def open_database(path: Path, *, read_only: bool = False, immutable: bool = False) -> sqlite3.Connection:
    """Open or create the database, migrated to the current schema; StoreError on any fault.

    A database already at the current schema is opened with plain sqlite3: sqlite-utils (and
    its plug-in machinery, a tenth of the program's start-up) is imported only to migrate.
    read_only (read commands, backups, files that are not the current database): the file is
    never written; one at an older schema is read through a migrated copy in memory.
    """
    if read_only:
        return _open_read_only(path, immutable)
    _check_file(path)
    try:
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000)
    except sqlite3.Error as exc:
        raise store_error(path, exc) from exc
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA secure_delete = ON")  # deleted cases leave nothing in free pages
        applied = _check_contents(path, conn)
        conn.execute("PRAGMA journal_mode = WAL")
        if applied != set(MIGRATION_NAMES):
            _migrate(path, conn)
        _ensure_unique_open_cases(conn)
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


def has_sqlite_header(path: Path) -> bool:
    """Whether the file begins as every SQLite database does; OSError when it cannot be read."""
    with path.open("rb") as file:
        return file.read(len(SQLITE_HEADER)) == SQLITE_HEADER


def _open_read_only(path: Path, immutable: bool) -> sqlite3.Connection:
    if path.is_dir():
        raise StoreError(f"{path} er en mappe, ikke en databasefil.")
    try:
        if not has_sqlite_header(path):
            raise not_a_case_database(path)
    except OSError as exc:
        raise store_error(path, exc) from exc
    conn = connect_read_only(path, immutable=immutable)
    try:
        applied = _check_contents(path, conn)
        if applied == set(MIGRATION_NAMES):
            conn.execute("PRAGMA query_only = ON")
            return conn
        if not applied:
            raise not_a_case_database(path)
        memory = sqlite3.connect(":memory:")
        conn.backup(memory)
    except StoreError:
        conn.close()
        raise
    except sqlite3.Error as exc:
        conn.close()
        raise store_error(path, exc) from exc
    conn.close()
    try:
        from sqlite_utils import Database

        from .schema import MIGRATIONS

        MIGRATIONS.apply(Database(memory, execute_plugins=False))
        memory.commit()
        memory.execute("PRAGMA query_only = ON")
    except sqlite3.Error as exc:
        memory.close()
        raise store_error(path, exc) from exc
    return memory


def _ensure_unique_open_cases(conn: sqlite3.Connection) -> None:
    """Create m006's unique index on open cases once the duplicates it found are resolved."""
    from .versions import UNIQUE_OPEN_CASES_SQL, duplicate_open_cases_sql, has_unique_open_cases_index

    if has_unique_open_cases_index(conn):
        return
    if conn.execute(duplicate_open_cases_sql()).fetchone() is None:
        try:
            with conn:
                conn.execute(UNIQUE_OPEN_CASES_SQL)
        except sqlite3.IntegrityError:  # a duplicate saved meanwhile by an older program: later
            pass


def _check_contents(path: Path, conn: sqlite3.Connection) -> set[str]:
    """The migrations this database has had; StoreError for another program's or a newer file."""
    # Reading the table list reads the header: a damaged file fails here.
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    applied: set[str] = set()
    if MIGRATIONS_TABLE in tables:
        applied = {
            row[0]
            for row in conn.execute(f"SELECT name FROM {MIGRATIONS_TABLE} WHERE migration_set = ?", (MIGRATION_SET,))
        }
    if not applied and tables - {MIGRATIONS_TABLE}:
        raise StoreError(
            f"Filen {path} er en SQLite-database fra et andet program, ikke en sagsdatabase. "
            f"Filen er ikke ændret. Vælg en anden fil med --db.",
            in_window=(
                f"Filen {path} er en SQLite-database fra et andet program, ikke en sagsdatabase. "
                "Filen er ikke ændret. Spørg IT, hvilken fil programmet skal bruge."
            ),
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
    conn.execute("BEGIN IMMEDIATE")  # a second copy opening at the same time waits, then finds nothing pending
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


def missing_or_empty(db_path: Path) -> bool:
    """True when there is no database file, or one of 0 bytes (SQLite would start an empty one).

    Here, with the opening, not with the copies (store/copy_guard.py): every start asks it before
    the cases are painted, and the backup package's modules cost that paint ~10 ms."""
    try:
        return not db_path.exists() or (db_path.is_file() and db_path.stat().st_size == 0)
    except OSError:
        return False
