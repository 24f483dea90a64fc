"""What tomllib made of each trial file, kept between starts beside the text it came from.

tomllib is pure Python: parsing the catalog's files cost every start ~12 ms (the window's first
paint of the cases, benchmarks/bench_startup.py). The result of a parse depends on the text
alone, so a kept result is used only for a file whose text is the very same, character for
character (compared whole, not by a hash): a changed or new file is parsed again, and its
errors are reported as always. A missing, unreadable or damaged cache file is no error: the
files are parsed, and the cache is written again when it can be.

The cache is JSON (never pickle: nothing in it is run): {"python": ..., "files": {name: [text,
data]}}, with TOML's dates written as {"\u0000date": "2021-01-01"}.
"""

from __future__ import annotations

import json
import sys
from datetime import date, datetime, time
from pathlib import Path
from typing import Any, cast

_DATE = "\u0000date"  # a key no trial file has (a table with it is not kept: _keepable)


class TomlSyntaxError(ValueError):
    """The text is not valid TOML; the message is tomllib's (line and column)."""


def parse_toml(text: str) -> dict[str, Any]:
    """tomllib.loads, imported only when a file must be parsed (importing it costs a start ~3 ms)."""
    import tomllib

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise TomlSyntaxError(str(exc)) from None


class TomlCache:
    """The parsed trial files of one cache file; parsed() asks it, save() keeps what was new."""

    def __init__(self, path: Path | None):
        self.path = path
        self._files: dict[str, list[Any]] = {}
        self._changed = False
        if path is not None:
            self._files = _read(path)

    def parsed(self, name: str, text: str) -> dict[str, Any]:
        """What parse_toml(text) gives (TomlSyntaxError as it raises), from the cache when the
        file called name had exactly this text when it was kept. Read it, never change it."""
        kept = self._files.get(name)
        if kept is not None and kept[0] == text:
            return kept[1]
        data = parse_toml(text)
        if _keepable(data):
            self._files[name] = [text, data]
            self._changed = True
        return data

    def save(self) -> None:
        """Write the cache if a file was parsed anew; a folder that cannot be written is passed over."""
        if self.path is None or not self._changed:
            return
        from .atomic import atomic_write_bytes  # only when writing: most starts find every file kept

        content = {"python": sys.version, "files": self._files}
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_bytes(self.path, json.dumps(content, default=_encode, ensure_ascii=False).encode("utf-8"))
        except OSError:
            return  # the cache only saves time; the catalog was read all the same
        self._changed = False


def _read(path: Path) -> dict[str, list[Any]]:
    try:
        content: object = json.loads(path.read_bytes().decode("utf-8"), object_hook=_decode)
    except (OSError, ValueError):  # none yet, unreadable, or damaged (json's errors are ValueErrors)
        return {}
    if not isinstance(content, dict):
        return {}
    top = cast("dict[str, object]", content)
    files = top.get("files")
    if top.get("python") != sys.version or not isinstance(files, dict):
        return {}  # another Python's tomllib may parse differently: parse again
    kept: dict[str, list[Any]] = {}
    for name, entry in cast("dict[str, object]", files).items():
        if isinstance(entry, list):
            pair = cast("list[Any]", entry)
            if len(pair) == 2 and isinstance(pair[0], str) and isinstance(pair[1], dict):
                kept[name] = pair
    return kept


def _encode(value: object) -> object:
    if isinstance(value, date) and not isinstance(value, datetime):
        return {_DATE: value.isoformat()}
    raise TypeError(f"not kept: {type(value).__name__}")  # _keepable keeps such files out


def _decode(table: dict[str, Any]) -> object:
    if len(table) == 1 and _DATE in table:
        return date.fromisoformat(table[_DATE])
    return table


def _keepable(value: object) -> bool:
    """True when JSON with dates tagged gives value back exactly (TOML's times and date-times,
    rare in the catalog, are not kept: their files are parsed every time)."""
    if isinstance(value, dict):
        table = cast("dict[object, object]", value)
        return all(isinstance(k, str) and k != _DATE and _keepable(v) for k, v in table.items())
    if isinstance(value, list):
        return all(_keepable(v) for v in cast("list[object]", value))
    if isinstance(value, (datetime, time)):
        return False
    if isinstance(value, float):
        return value == value and value not in (float("inf"), float("-inf"))  # JSON has no nan/inf
    return isinstance(value, (str, int, bool, date))
