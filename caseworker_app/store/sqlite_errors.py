"""An SQLite or operating-system error met using the database, said in Danish: what happened to which
file and what to do (busy, full disk, write-protected, damaged, not a case database). The command
line's text is the error's str(); the window's its window_text() (store/errors.py)."""

from __future__ import annotations

import errno
import shutil
import sqlite3
import tempfile
from pathlib import Path

from ..core.command_line import command_arg
from ..core.os_text import reason_text
from .copies import backup_folder
from .errors import DamagedDatabaseError, StoreError

BUSY_TIMEOUT_MS = 10_000  # how long a connection waits for another program's lock (store/opening.py)


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


def damaged_read_only_error(path: Path, *, good_copy: bool) -> StoreError:
    """The refusal of a write to a database found damaged and kept in use (store/errors.py
    WriteRefusal): nothing is written, what is wrong, and what to do (restore the newest good copy, or
    IT when there is none). Told by the window as any database fault (ui/store_errors.py)."""
    what = (
        f"Intet er gemt: databasen {path} er beskadiget, og programmet gemmer intet i den, før en god "
        "sikkerhedskopi er gendannet. Det, der blev gemt i den beskadigede database, kunne gå tabt ved "
        "gendannelsen eller gøre skaden større."
    )
    meanwhile = "Indtil da kan du se sagerne, udskrive, kopiere notater og eksportere til regneark."
    advice = (
        "Gendan den nyeste gode sikkerhedskopi under Filer › Sikkerhedskopier, og registrér derefter igen."
        if good_copy
        else "Der er ingen god sikkerhedskopi at gendanne: kontakt IT."
    )
    return StoreError(
        f"{what} {_restore_advice(path)}",
        in_window=f"{what} {advice} {meanwhile}",
        fault=True,
        says_nothing_saved=True,
    )
