"""A list's search box, keystroke by keystroke: each search looks among the rows of the nearest
earlier search that holds every row the new text can find, never among every case.

A search text holding an earlier one ("hans" after "han", a pasted "2026-001" after "2026") finds
only rows that one found, so it looks among them; a letter deleted finds again what that text found
before (kept); clearing the box gives back the rows shown with no search (kept). Any other text looks
among the rows shown with no search: those of the chosen trial, status and caseworker (select).

The rows a search keeps are those select() keeps for the same caseworker and needle, in the same
order, with the same counts (tests/core/test_search_narrowing.py); each row's search text is kept
beside it, so a keystroke reads no record: it scans strings, in C (map, compress), not row by row
in Python. The rows may be split in parts (the Frister groups): each part is searched the same way,
so a search needs no grouping of its own.

Whoever owns the rows calls stop() whenever they, their order or the filters change, and start()
with the rows shown with no search once they are chosen again.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from itertools import compress, repeat
from operator import attrgetter, contains, not_
from typing import TYPE_CHECKING, Generic, TypeVar, cast

from .selection import Selection

if TYPE_CHECKING:
    from .cases import CaseRecord

T = TypeVar("T")

_CASEWORKER = attrgetter("caseworker")
KEPT_SEARCHES = 16  # earlier searches kept (and at most twice the rows shown with no search, all told)


class _Found(Generic[T]):
    """One search's rows with their search texts (shared, never changed, between searches)."""

    __slots__ = ("lonely", "parts", "selection", "texts")

    def __init__(
        self,
        selection: Selection[T],
        texts: list[str],
        lonely: list[bool] | None,
        parts: tuple[tuple[tuple[T, ...], list[str]], ...],
    ) -> None:
        self.selection = selection
        self.texts = texts  # the search text of each of selection.items
        self.lonely = lonely  # each row's case has no caseworker; None when no row's lacks one
        self.parts = parts  # each part's rows, in its order, with their search texts


class NarrowingSearch(Generic[T]):
    """The searches of one list's box (see the module's text). text_of: a case's search text
    (core.selection.search_text, kept by SearchTexts); case_of: a row's case, None when the rows
    are cases (a C function such as operator.attrgetter("case") keeps the texts' making quick)."""

    def __init__(self, text_of: Callable[[CaseRecord], str], case_of: Callable[[T], CaseRecord] | None = None) -> None:
        self._text_of, self._case_of = text_of, case_of
        self._unsearched: Selection[T] | None = None
        self._unsearched_parts: tuple[tuple[T, ...], ...] = ()
        self._base: _Found[T] | None = None  # the unsearched rows with their texts, made when first searched
        self._found: dict[str, _Found[T]] = {}  # needle -> its rows, the oldest first

    def start(self, unsearched: Selection[T], parts: Sequence[Sequence[T]] = ()) -> None:
        """The rows shown with no search (select with needle ''), and those of each part (among
        them); their search texts are made when first searched (or warmed)."""
        self._unsearched = unsearched
        self._unsearched_parts = tuple(tuple(part) for part in parts)
        self._base = None
        self._found = {}

    def stop(self) -> None:
        """The rows, their order or the filters changed: nothing kept holds."""
        self._unsearched, self._unsearched_parts, self._base, self._found = None, (), None, {}

    @property
    def unsearched(self) -> Selection[T] | None:
        """The rows shown with no search, while they hold (None after stop)."""
        return self._unsearched

    @property
    def unsearched_parts(self) -> tuple[tuple[T, ...], ...]:
        return self._unsearched_parts

    def warm(self) -> None:
        """Make the search texts of the rows shown with no search, so a first keystroke finds them."""
        self._made_base()

    def search(self, needle: str) -> tuple[Selection[T], tuple[tuple[T, ...], ...]]:
        """What select() chooses for needle (core.selection.search_needle) among the rows given
        to start, and the rows of each part it keeps, in their order."""
        if not needle:  # no texts made: the rows shown with no search need none
            if self._unsearched is None:
                raise RuntimeError("NarrowingSearch.search before start")
            return self._unsearched, self._unsearched_parts
        base = self._made_base()
        found = self._found.pop(needle, None)
        if found is None:
            source = base
            for kept_needle, kept in self._found.items():
                if kept_needle in needle and kept.selection.shown < source.selection.shown:
                    source = kept  # the fewest rows that hold every row needle finds
            found = self._narrowed(source, needle)
        self._found[needle] = found  # the newest last
        self._forget_old(base.selection.shown)
        return found.selection, tuple(rows for rows, _texts in found.parts)

    def _made_base(self) -> _Found[T]:
        if self._base is None:
            unsearched = self._unsearched
            if unsearched is None:
                raise RuntimeError("NarrowingSearch.search before start")
            # Made by map() in C: one call of text_of per row, none for the parts' texts, which are
            # found by the rows' identities (a part's rows are among the unsearched ones).
            items = unsearched.items
            cases: Sequence[CaseRecord] = (
                cast("Sequence[CaseRecord]", items) if self._case_of is None else list(map(self._case_of, items))
            )
            texts = list(map(self._text_of, cases))
            lonely = None
            if unsearched.unassigned:
                lonely = list(map(not_, map(str.strip, map(_CASEWORKER, cases))))
            text_by_row = dict(zip(map(id, items), texts, strict=True)) if self._unsearched_parts else {}
            parts = tuple((rows, list(map(text_by_row.__getitem__, map(id, rows)))) for rows in self._unsearched_parts)
            self._base = _Found(unsearched, texts, lonely, parts)
        return self._base

    def _forget_old(self, unsearched_rows: int) -> None:
        found = self._found
        while len(found) > 1 and (
            len(found) > KEPT_SEARCHES or sum(kept.selection.shown for kept in found.values()) > 2 * unsearched_rows
        ):
            del found[next(iter(found))]

    @staticmethod
    def _narrowed(source: _Found[T], needle: str) -> _Found[T]:
        """source's rows whose text holds needle: a mask made in C, the rows and texts cut by it."""
        within = source.selection
        mask = list(map(contains, source.texts, repeat(needle)))
        if all(mask):  # every row holds it (a first letter, the year of every case number)
            return _Found(replace(within, searched=True), source.texts, source.lonely, source.parts)
        lonely = list(compress(source.lonely, mask)) if source.lonely is not None else None
        selection = Selection(
            tuple(compress(within.items, mask)), within.total, within.caseworker, True, sum(lonely) if lonely else 0
        )
        parts: list[tuple[tuple[T, ...], list[str]]] = []
        for rows, texts in source.parts:
            part_mask = list(map(contains, texts, repeat(needle)))
            parts.append((tuple(compress(rows, part_mask)), list(compress(texts, part_mask))))
        return _Found(selection, list(compress(source.texts, mask)), lonely, tuple(parts))
