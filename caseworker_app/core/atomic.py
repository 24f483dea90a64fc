"""Write a file whole or not at all: a temporary file beside the target, then an atomic rename."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO


class WriteError(OSError):
    """A file that could not be written; the Danish message names it. Nothing is left behind."""


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike[str]) -> Iterator[Path]:
    """A temporary path beside the target, renamed onto it only if the block ends without error."""
    target = Path(path)
    folder = target.parent
    if not folder.is_dir():
        raise WriteError(f"Kan ikke gemme {target}: mappen {folder} findes ikke.")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except PermissionError:
        raise WriteError(
            f"Kan ikke gemme {target}: du har ikke lov at skrive i mappen {folder}."
        ) from None
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        try:
            os.replace(tmp, target)
        except PermissionError:
            raise WriteError(
                f"Kan ikke gemme {target}: filen er måske åben i et andet program "
                "(fx Excel eller Outlook). Luk den og prøv igen."
            ) from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


def atomic_write(path: str | os.PathLike[str], write: Callable[[BinaryIO], object]) -> None:
    """Call write(file) on a temporary file, flush it to disk and rename it onto path."""
    with atomic_path(path) as tmp:
        with open(tmp, "wb") as handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    """Write data to path whole or not at all."""
    atomic_write(path, lambda handle: handle.write(data))
