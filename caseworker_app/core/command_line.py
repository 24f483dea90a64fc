"""A path in a command the program suggests ('Fortryd hele importen med: caseworker-app import --db …'),
written so the line can be copied into a terminal: a space or 'æøå' in a folder name must not split
or break it."""

from __future__ import annotations

import os
import shlex

# Characters a POSIX shell still reads inside double quotes ('!' in an interactive bash).
_POSIX_SPECIAL = '"$`\\!'


def command_arg(value: str | os.PathLike[str]) -> str:
    """value in double quotes, which cmd, PowerShell and POSIX shells all read as one argument; on
    POSIX in single quotes when it holds a character double quotes do not protect there."""
    text = os.fspath(value)
    if os.name != "nt" and any(ch in text for ch in _POSIX_SPECIAL):
        return shlex.quote(text)
    return f'"{text}"'
