"""Typed fields of one TOML table (a trial file), each error naming the file and the field in Danish."""

from __future__ import annotations

from datetime import date
from typing import Literal, TypeVar, cast, overload

from .terms import CatalogError
from .workdays import Duration

_V = TypeVar("_V")
_ABSENT = object()  # an optional field that is not in the file


class TableReader:
    """Reads typed fields from one TOML table, naming file and field in every error."""

    def __init__(self, file: str, table: dict[str, object], prefix: str = ""):
        self.file, self.table, self.prefix = file, table, prefix

    def fail(self, key: str, problem: str) -> CatalogError:
        return CatalogError(f"{self.file}: feltet '{self.prefix}{key}' {problem}")

    # A required field always has a value; an optional one has its default (None when not given).
    @overload
    def get(self, key: str, kind: type[_V], required: Literal[True] = True) -> _V: ...
    @overload
    def get(self, key: str, kind: type[_V], required: bool, default: _V) -> _V: ...
    @overload
    def get(self, key: str, kind: type[_V], required: bool = True, default: None = None) -> _V | None: ...

    def get(self, key: str, kind: type[_V], required: bool = True, default: _V | None = None) -> _V | None:
        value = self._checked(key, kind, required)
        # _checked made sure that value is a kind (a date given as text has been parsed).
        return default if value is _ABSENT else cast(_V, value)

    def _checked(self, key: str, kind: type[object], required: bool) -> object:
        """The value under key, checked to be a kind; _ABSENT when an optional key is not there."""
        if key not in self.table:
            if required:
                raise self.fail(key, "mangler")
            return _ABSENT
        value = self.table[key]
        if kind is date and isinstance(value, str):
            try:
                value = date.fromisoformat(value)
            except ValueError:
                raise self.fail(key, f"er ikke en gyldig dato: '{value}' (skriv åååå-mm-dd)") from None
        if kind is date and not isinstance(value, date):
            raise self.fail(key, "skal være en dato (åååå-mm-dd)")
        if kind is not date and not isinstance(value, kind) or isinstance(value, bool) and kind is int:
            raise self.fail(key, f"har forkert type ({_TYPE_NAMES.get(kind, kind.__name__)} forventet)")
        if kind is str and required and isinstance(value, str) and not value.strip():
            raise self.fail(key, "er tom")
        return value

    def _list(self, key: str, required: bool) -> list[object]:
        values = self._checked(key, list, required)
        return [] if values is _ABSENT else cast(list[object], values)

    @overload
    def _table(self, key: str, required: Literal[True] = True) -> dict[str, object]: ...
    @overload
    def _table(self, key: str, required: bool) -> dict[str, object] | None: ...

    def _table(self, key: str, required: bool = True) -> dict[str, object] | None:
        table = self._checked(key, dict, required)
        # Checked to be a table, and a TOML table's keys are always text.
        return None if table is _ABSENT else cast(dict[str, object], table)

    def strings(self, key: str, required: bool = True) -> tuple[str, ...]:
        values = self._list(key, required)
        texts = tuple(v for v in values if isinstance(v, str))
        if len(texts) != len(values):
            raise self.fail(key, "skal være en liste af tekster")
        return texts

    def duration(self, key: str, required: bool = True) -> Duration | None:
        raw = self._table(key, required)
        if raw is None:
            return None
        unknown = set(raw) - {"months", "weeks", "days"}
        if unknown:
            raise self.fail(key, f"har ukendt enhed {sorted(unknown)} (brug months, weeks, days)")
        numbers = {k: v for k, v in raw.items() if isinstance(v, int) and not isinstance(v, bool)}
        if len(numbers) != len(raw):
            raise self.fail(key, "skal have hele tal")
        duration = Duration(**numbers)
        if not duration.is_positive() or duration.months > 600 or duration.weeks > 520 or duration.days > 3650:
            raise self.fail(key, f"er en umulig varighed: {raw}")
        return duration

    @overload
    def sub(self, key: str, required: Literal[True] = True) -> TableReader: ...
    @overload
    def sub(self, key: str, required: bool) -> TableReader | None: ...

    def sub(self, key: str, required: bool = True) -> TableReader | None:
        table = self._table(key, required)
        return None if table is None else TableReader(self.file, table, f"{self.prefix}{key}.")

    def items(self, key: str, required: bool = True) -> list[TableReader]:
        tables = self._list(key, required)
        if not all(isinstance(t, dict) for t in tables):
            raise self.fail(key, "skal være en liste af tabeller ([[...]])")
        # Checked to be tables, whose keys TOML always gives as text.
        return [
            TableReader(self.file, cast(dict[str, object], t), f"{self.prefix}{key}[{i}].")
            for i, t in enumerate(tables)
        ]


_TYPE_NAMES: dict[type[object], str] = {str: "tekst", int: "heltal", list: "liste", dict: "tabel", bool: "sand/falsk"}
