"""A new database written beside its place and moved there only when complete.

A write that fails (a full disk, a read-only folder, an interrupted import) leaves no file at the
path: a half-made database there would be refused as 'ikke en sagsdatabase' by every later command.
The file is moved in without overwriting one that appeared meanwhile (a link, or os.rename on
Windows, where rename never replaces a file).
"""

from __future__ import annotations

import contextlib
import errno
import os
import sqlite3
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..core.atomic import REPLACE_RETRY_PAUSES, remove_stale_temporaries, temporary_pattern
from ..core.os_text import reason_text
from .errors import StoreError

_SIDE_FILES = ("", "-wal", "-shm", "-journal")


@dataclass(slots=True)
class NewFile:
    """Where to write the new database (and close it) before the block ends; keep=False: nothing
    was worth saving, so no file is made."""

    temporary: Path
    keep: bool = True


@contextlib.contextmanager
def written_beside(path: Path, *, exists_text: str) -> Iterator[NewFile]:
    """A temporary path beside path to write the database at; when the block ends without an error
    the file becomes path, else it and its side files are removed.

    StoreError naming the folder when nothing can be written there; exists_text is the error when
    path exists by the time the file is moved in."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    new = NewFile(temporary)
    made = [folder for folder in (path.parent, *path.parent.parents) if not folder.exists()]
    moved = False
    if path.parent.is_dir():
        # One a killed run left (every name and CPR number of its list in it): gone after a while.
        for pattern in (temporary_pattern(path), temporary_pattern(path) + "-*"):
            remove_stale_temporaries(path.parent, pattern)
    try:
        _check_folder(temporary)
        try:
            yield new
        except (StoreError, OSError, sqlite3.Error) as exc:
            why = _why_not_written(exc)
            if why is None:
                raise
            raise StoreError(f"Databasen {path} kunne ikke oprettes: {why}. Intet er gemt.") from exc
        if new.keep:
            _move_without_overwriting(temporary, path, exists_text)
            moved = True
    finally:
        for suffix in _SIDE_FILES:
            # On a read-only file system even removing a file that is not there fails (EROFS).
            with contextlib.suppress(OSError):
                temporary.with_name(temporary.name + suffix).unlink(missing_ok=True)
        for folder in made if not moved else ():  # the folders made for it, as CaseStore makes them
            with contextlib.suppress(OSError):
                folder.rmdir()


def _check_folder(temporary: Path) -> None:
    """StoreError naming the folder when a file cannot be made in it (a missing folder is made)."""
    try:
        temporary.parent.mkdir(parents=True, exist_ok=True)
        os.close(os.open(temporary, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
        temporary.unlink()
    except OSError as exc:
        folder = temporary.parent
        if isinstance(exc, PermissionError) or exc.errno == errno.EROFS:
            why = "mappen er skrivebeskyttet, eller du har ikke lov at skrive i den"
        elif exc.errno == errno.ENOSPC:
            why = "disken er fuld"
        else:
            why = f"der kan ikke oprettes filer i den ({reason_text(exc)})"
        raise StoreError(
            f"Kan ikke oprette en database i mappen {folder}: {why}. Vælg en anden mappe med --db.",
            in_window=f"Kan ikke oprette en database i mappen {folder}: {why}. Vælg en anden mappe.",
        ) from None


def _why_not_written(exc: BaseException) -> str | None:
    """Why the new file could not be written, when the file system is the cause; None otherwise."""
    cause = exc.__cause__ if isinstance(exc, StoreError) and exc.__cause__ is not None else exc
    if isinstance(cause, sqlite3.Error):
        name = getattr(cause, "sqlite_errorname", "")
        if name == "SQLITE_FULL":
            return "disken er fuld"
        if name.startswith(("SQLITE_IOERR", "SQLITE_CANTOPEN", "SQLITE_READONLY")):
            return f"der kunne ikke skrives i filen ({cause}); måske er disken fuld"
        return None
    if isinstance(cause, OSError):
        return "disken er fuld" if cause.errno == errno.ENOSPC else f"filen kunne ikke skrives ({reason_text(cause)})"
    return None


def _move_without_overwriting(source: Path, target: Path, exists_text: str) -> None:
    """Move source to target unless a file is there; Windows refuses a file just closed for a moment
    (an antivirus or the search indexer holds it): tried again as core.atomic.replace_file does, and
    a last refusal said in Danish – the finished file is then removed, nothing is saved."""
    for pause in (*REPLACE_RETRY_PAUSES, None):
        try:
            _move_once(source, target, exists_text)
            return
        except PermissionError as exc:
            if pause is None:
                raise StoreError(
                    f"Databasen {target} kunne ikke oprettes: filen blev holdt åben af et andet program "
                    f"(fx et antivirusprogram) ({reason_text(exc)}). Intet er gemt; prøv igen om lidt."
                ) from exc
            time.sleep(pause)


def _move_once(source: Path, target: Path, exists_text: str) -> None:
    try:
        if os.name == "nt":
            os.rename(source, target)  # Windows: fails when target exists
        else:
            try:
                os.link(source, target)  # fails when target exists
            except FileExistsError:
                raise
            except OSError:  # a file system without links (a FAT USB stick): checked, then renamed
                if target.exists():
                    raise FileExistsError(target) from None
                os.rename(source, target)
                return
            source.unlink()
    except FileExistsError:
        raise StoreError(exists_text) from None
