"""Opening a case database safely: refuse damaged files, WAL, locks, migrate after a copy."""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path, PurePath
from urllib.parse import quote

from ..core.command_line import command_arg
from ..core.os_text import reason_text
from .copies import backup_folder
from .errors import DamagedDatabaseError, StoreError
from .versions import MIGRATION_NAMES, MIGRATION_SET, MIGRATIONS_TABLE

BUSY_TIMEOUT_MS = 10_000
SQLITE_HEADER = b"SQLite format 3\x00"


def store_error(path: Path, exc: BaseException) -> StoreError:
    """A Danish StoreError naming the file for a low-level SQLite or file-system error; the window's
    text gives the window's advice and the system's own words only as a technical line. Marked as a
    fault (StoreError.fault): the window tells it as the database's, not as a program error."""
    error = _store_error(path, exc)
    error.fault = True
    return error


def _store_error(path: Path, exc: BaseException) -> StoreError:
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return StoreError(
            f"Databasen {path} er optaget af et andet program (fx en anden kopi af "
            f"Opfølgningsfrister) og blev ikke ledig inden for {BUSY_TIMEOUT_MS // 1000} sekunder. "
            f"Intet er gemt. Prøv igen om lidt.",
            says_nothing_saved=True,
        )
    full = _disk_full_error(path, exc)
    if full is not None:
        return full
    if ("readonly" in text or "read-only" in text) and _write_protected_file(path):
        return StoreError(
            f"Databasen {path} er skrivebeskyttet: filen kan kun læses, så intet kan gemmes i den. Fjern "
            "skrivebeskyttelsen af filen, eller vælg en anden fil med --db.",
            in_window=(
                f"Databasen {path} er skrivebeskyttet: filen kan kun læses, så intet kan gemmes i den. Fjern "
                "skrivebeskyttelsen af filen (i Stifinder: højreklik på filen › Egenskaber › fjern fluebenet ved "
                "Skrivebeskyttet), eller spørg IT."
            ),
            detail=str(exc),
            says_nothing_saved=True,  # "intet kan gemmes i den"
        )
    if "readonly" in text or "read-only" in text or "unable to open" in text or isinstance(exc, OSError):
        return StoreError(
            f"Databasen {path} kan ikke åbnes eller skrives ({reason_text(exc)}). Kontrollér, at mappen "
            f"findes, og at du har skriveadgang, eller vælg en anden fil med --db.",
            in_window=(
                f"Databasen {path} kan ikke åbnes eller skrives. Kontrollér, at mappen {path.parent} "
                "findes (fx at netværksdrevet er forbundet), og at du har lov at skrive i den; spørg "
                "ellers IT."
            ),
            detail=exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc),  # IT's own words
        )
    if isinstance(exc, sqlite3.DatabaseError) and not isinstance(exc, sqlite3.OperationalError):
        return not_a_case_database(path, detail=str(exc))
    if "decode" in text or "utf-8" in text:  # the message quotes the unreadable text: not shown
        return DamagedDatabaseError(
            f"Databasen {path} indeholder tekst, der ikke kan læses (filen er beskadiget eller "
            f"skrevet af et andet program). Filen er ikke ændret. {_restore_advice(path)}",
            in_window=(
                f"Databasen {path} indeholder tekst, der ikke kan læses (filen er beskadiget eller "
                "skrevet af et andet program). Filen er ikke ændret. Gendan en sikkerhedskopi under "
                "Filer › Sikkerhedskopier, eller kontakt IT."
            ),
        )
    return StoreError(
        f"Databasen {path} kunne ikke bruges ({reason_text(exc)}). Intet er gemt. Prøv igen, eller vælg en "
        "anden fil med --db.",
        in_window=f"Databasen {path} kunne ikke bruges. Intet er gemt. Prøv igen; sker det igen, så kontakt IT.",
        detail=str(exc),
        says_nothing_saved=True,
    )


# Free space below which a disk I/O error is taken for a full disk: SQLite's I/O error on a full disk
# is often not SQLITE_FULL (a -shm or -wal that cannot grow), and its write-ahead log alone may need
# a few MB before it is folded into the file.
NEARLY_FULL_BYTES = 8 * 1024 * 1024


def _disk_full_error(path: Path, exc: BaseException) -> StoreError | None:
    """The full disk's message, when the error is the disk's and its drive has (almost) no free space
    left; None otherwise. Said as a full disk, or IT looks for a broken one (tester), also when only
    reading: SQLite needs room for its temporary files then too."""
    text = str(exc).lower()
    number = getattr(exc, "errno", None)
    said_full = "disk is full" in text or number == errno.ENOSPC
    if not said_full and "disk i/o error" not in text and number != errno.EIO:
        return None
    free = _free_space(path)
    if not said_full and (free is None or free >= NEARLY_FULL_BYTES):
        return None  # an I/O error with room to spare: the disk itself, the network (the generic text)
    from .backup.listing import size_text

    if said_full and free is not None and free >= _room_to_spare(path):
        return _full_elsewhere_error(path, exc, size_text(free))
    if free is None:
        left = ""
    elif free < 1024:
        left = " (der er ingen fri plads tilbage)"
    else:
        left = f" (der er kun {size_text(free)} fri plads tilbage)"
    what = (
        f"Disken med databasen {path} er fuld{left}, så databasen kan ikke bruges: den skal have plads til "
        "sine midlertidige filer, også for at blive læst. Intet er gemt."
    )
    free_it = (
        "Frigør plads på disken (slet eller flyt filer, du ikke bruger, og tøm papirkurven), og prøv igen. "
        "Skal databasen kopieres til et andet drev, kræver det også fri plads dér."
    )
    return StoreError(
        f"{what} {free_it}",
        in_window=f"{what} {free_it} Spørg IT, hvis du ikke selv kan frigøre plads.",
        detail=str(exc),
        says_nothing_saved=True,
    )


# Free space on the database's drive that rules it out as the full one: room for the file twice over
# (a transaction's journal, SQLite's temporary copies) and this much beside.
ROOM_TO_SPARE_BYTES = 256 * 1024 * 1024


def _room_to_spare(path: Path) -> int:
    try:
        size = path.stat().st_size
    except OSError:
        size = 0
    return ROOM_TO_SPARE_BYTES + 2 * size


def _full_elsewhere_error(path: Path, exc: BaseException, free: str) -> StoreError:
    """SQLite says 'full' with room to spare on the database's drive: its temporary folder on
    another, full drive, or a limit on what the user may store (a network share's quota)."""
    import tempfile  # here: only a failing database needs it

    temp = tempfile.gettempdir()
    what = (
        f"Databasen {path} kunne ikke bruges: der var ikke plads til det, der skulle skrives, selv om "
        f"disken med databasen har {free} fri plads. Intet er gemt. Det kan skyldes, at mappen til "
        f"midlertidige filer ({temp}) ligger på et drev, der er fuldt, eller at du har brugt den plads, "
        "du må bruge på drevet (en kvote, fx på et netværksdrev)."
    )
    return StoreError(
        f"{what} Frigør plads på drevet med {temp}, eller bed IT om at se på kvoten, og prøv igen.",
        in_window=f"{what} Prøv igen; sker det igen, så bed IT om at se på pladsen og kvoten.",
        detail=str(exc),
        says_nothing_saved=True,
    )


def _free_space(path: Path) -> int | None:
    """The free bytes on the drive that holds path (its nearest folder that exists); None if unknown."""
    import shutil  # here: only a failing database needs it (start-up time)

    folder = path.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    try:
        return shutil.disk_usage(folder).free
    except OSError:
        return None


def _write_protected_file(path: Path) -> bool:
    """True when the file itself may not be written (Windows' 'Skrivebeskyttet', chmod 444), not its
    folder: by its permission bits, which say so for root too (who could write it all the same)."""
    try:
        return path.is_file() and not path.stat().st_mode & 0o222
    except OSError:
        return False


def _restore_advice(path: Path) -> str:
    """What the command line suggests for a damaged file: a copy to restore, where there are any;
    else to ask IT (as the window says), never a folder that holds nothing."""
    folder = backup_folder(path)
    try:
        has_copies = any(folder.glob("*.db"))
    except OSError:  # the folder cannot be read: said as if empty
        has_copies = False
    if has_copies:
        return (
            f"Gendan en sikkerhedskopi fra mappen {folder} (i vinduet under Filer › Sikkerhedskopier, eller "
            f"med 'caseworker-app restore --db {command_arg(path)} KOPI'), eller vælg en anden fil med --db."
        )
    return (
        f"Der er ingen sikkerhedskopi, der kan gendannes, i mappen {folder}. Kontakt IT, eller vælg en "
        "anden fil med --db."
    )


def not_a_case_database(path: Path, *, detail: str | None = None) -> StoreError:
    """The message for a file that is not a case database or is damaged (left untouched)."""
    return DamagedDatabaseError(
        f"Filen {path} er ikke en sagsdatabase, eller den er beskadiget. Filen er ikke ændret. {_restore_advice(path)}",
        in_window=(
            f"Filen {path} er ikke en sagsdatabase, eller den er beskadiget. Filen er ikke ændret. "
            "Gendan en sikkerhedskopi under Filer › Sikkerhedskopier, eller kontakt IT."
        ),
        detail=detail,
    )


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


def _open_read_only(path: Path, immutable: bool) -> sqlite3.Connection:
    if path.is_dir():
        raise StoreError(f"{path} er en mappe, ikke en databasefil.")
    try:
        with path.open("rb") as file:
            if file.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
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
