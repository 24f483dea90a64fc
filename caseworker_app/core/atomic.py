"""Write a file whole or not at all.

The content is rendered first (into memory, or for Qt's PDF printer into a scratch folder outside
the user's folder); only then is a temporary file created beside the target, written, flushed to
disk (fsync) and renamed onto the target. A failure removes the temporary file. A process killed
in the short moment between creating and renaming it can still leave one; the next write into
that folder removes such leftovers of its own naming pattern once they are a few minutes old.
"""

from __future__ import annotations

import contextlib
import glob
import io
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Generator
from pathlib import Path
from typing import BinaryIO

# A temporary file lives only while rendered bytes are written and renamed (well under a second);
# one this old belongs to a process that was killed or lost its power.
STALE_AFTER_SECONDS = 120.0
SCRATCH_PREFIX = "opfoelgningsfrister-pdf-"
# A scratch folder lives while one PDF is painted; one a day old was left by a killed process.
SCRATCH_STALE_AFTER_SECONDS = 24 * 3600.0
# Windows refuses to replace a file another process holds open. A virus scanner or the search
# indexer lets go within a moment, so the rename is tried again after these pauses (seconds);
# a file open in Excel or Outlook stays refused, and the user is told to close it.
REPLACE_RETRY_PAUSES = (0.05, 0.1, 0.2, 0.4)


class WriteError(OSError):
    """A file that could not be written; the Danish message names it. Nothing is left behind."""


def temporary_pattern(target: str | os.PathLike[str]) -> str:
    """The glob pattern of the temporary files written for target: '.<name>.<random>.tmp'."""
    return f".{glob.escape(Path(target).name)}.*.tmp"


def remove_stale_temporaries(
    folder: str | os.PathLike[str],
    pattern: str,
    *,
    older_than: float = STALE_AFTER_SECONDS,
    now: float | None = None,
) -> int:
    """Remove the files in folder matching pattern that are older than older_than seconds;
    returns how many. Files that vanish or cannot be removed meanwhile are left alone."""
    now = time.time() if now is None else now
    removed = 0
    for leftover in Path(folder).glob(pattern):
        try:
            if not leftover.is_file() or now - leftover.stat().st_mtime < older_than:
                continue
            leftover.unlink()
            removed += 1
        except OSError:
            continue
    return removed


def _remove_stale_scratch() -> None:
    """Remove scratch folders of killed PDF renders (system temp folder, a day old)."""
    now = time.time()
    for folder in Path(tempfile.gettempdir()).glob(f"{SCRATCH_PREFIX}*"):
        with contextlib.suppress(OSError):
            if folder.is_dir() and now - folder.stat().st_mtime >= SCRATCH_STALE_AFTER_SECONDS:
                shutil.rmtree(folder, ignore_errors=True)


def _check_folder(target: Path) -> Path:
    folder = target.parent
    if not folder.is_dir():
        raise WriteError(f"Kan ikke gemme {target}: mappen {folder} findes ikke.")
    return folder


def fsync_folder(folder: Path) -> None:
    """Make the rename itself durable where the system allows it (POSIX); a no-op on Windows."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def replace_file(source: Path, target: Path) -> None:
    """os.replace(source, target), tried again for a moment while Windows refuses it because
    another process holds one of the files open (PermissionError); the last refusal is raised."""
    for pause in (*REPLACE_RETRY_PAUSES, None):
        try:
            os.replace(source, target)
            return
        except PermissionError:
            if pause is None:
                raise
            time.sleep(pause)


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    """Write data to path whole or not at all (temporary file, fsync, rename)."""
    target = Path(path)
    folder = _check_folder(target)
    if target.is_dir():  # Windows would refuse the rename with "access denied"
        raise WriteError(f"Kan ikke gemme {target}: det er en mappe. Angiv et filnavn.")
    remove_stale_temporaries(folder, temporary_pattern(target))
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except PermissionError:
        raise WriteError(f"Kan ikke gemme {target}: du har ikke lov at skrive i mappen {folder}.") from None
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        try:
            replace_file(tmp, target)
        except PermissionError:
            kept = " Den eksisterende fil er uændret." if target.exists() else ""
            raise WriteError(
                f"Kan ikke gemme {target}: filen er måske åben i et andet program "
                f"(fx Excel eller Outlook), eller den er skrivebeskyttet. Luk den og prøv igen.{kept}"
            ) from None
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    fsync_folder(folder)


def atomic_write(path: str | os.PathLike[str], write: Callable[[BinaryIO], object]) -> None:
    """Call write(file) on an in-memory file, then write its bytes to path whole or not at all:
    a render that fails or is interrupted leaves nothing in the target's folder."""
    _check_folder(Path(path))
    buffer = io.BytesIO()
    write(buffer)
    atomic_write_bytes(path, buffer.getvalue())


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike[str]) -> Generator[Path, None, None]:
    """A scratch path for a renderer that needs a file name (Qt's PDF printer), in a private
    folder outside the target's folder; if the block ends without error the rendered file is
    written to path whole (atomic_write_bytes). The scratch folder is always removed."""
    target = Path(path)
    _check_folder(target)
    _remove_stale_scratch()
    with tempfile.TemporaryDirectory(prefix=SCRATCH_PREFIX, ignore_cleanup_errors=True) as scratch:
        rendered = Path(scratch) / target.name
        yield rendered
        atomic_write_bytes(target, rendered.read_bytes())
