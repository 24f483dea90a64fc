"""A mapping from case ids to values, for the window's indexes of every case (100,000 at most).

A case id is SQLite's row id: counted from 1, with few gaps. A dict of 100,000 entries takes
5.2 MB; a list indexed by the id, 0.8 MB. An IdMap keeps the ids that fit such a list in one (a
gap is a None), and any other key (far beyond the others, negative, not an int) in a dict
beside it. None is not a value it keeps: it stands for "absent".
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Generic, TypeVar

V = TypeVar("V")

# The list may grow to this many slots per value kept, or to _ROOM slots, whichever is more: a
# few stray ids far apart go to the dict instead of a list mostly of gaps.
_SPREAD = 2
_ROOM = 4096


class IdMap(Generic[V]):
    """Case id -> value: get, [], in, pop, setdefault, len, items, values (in id order, then the
    others). Filled one by one in another order than the ids' (by name), reserve the highest id
    first, so that each goes into the list."""

    __slots__ = ("_slots", "_count", "_other")

    def __init__(self) -> None:
        self._slots: list[V | None] = []
        self._count = 0  # values in _slots
        self._other: dict[int, V] = {}

    @classmethod
    def of(cls, values: Sequence[V], key: Callable[[V], int]) -> IdMap[V]:
        """Each value by key(value) (the last one given of an id)."""
        return cls.pairs(list(map(key, values)), values)

    @classmethod
    def pairs(cls, ids: list[int], values: Sequence[V], *, first: bool = False) -> IdMap[V]:
        """values[n] by ids[n]: the last one given of an id, or the first if first."""
        found: IdMap[V] = cls()
        found.reserve(max(ids, default=-1), len(ids))
        pairs = zip(ids, values, strict=True) if not first else zip(reversed(ids), reversed(values), strict=True)
        slots = found._slots
        if ids and min(ids) >= 0 and max(ids) < len(slots):  # the usual: every id in the list, no call per value
            for at, value in pairs:
                slots[at] = value
            found._count = len(slots) - slots.count(None)
        else:
            for at, value in pairs:
                found[at] = value
        return found

    def reserve(self, top: int, count: int) -> None:
        """Room in the list for the ids up to top, when count values would fill enough of it."""
        if len(self._slots) <= top < max(_ROOM, _SPREAD * count):
            self._slots.extend([None] * (top + 1 - len(self._slots)))

    def get(self, key: object, default: V | None = None) -> V | None:
        """As dict.get: any key may be asked about (one not an int is never kept)."""
        slots = self._slots
        if not isinstance(key, int):
            return default
        if 0 <= key < len(slots):
            value = slots[key]
            if value is not None:
                return value
        return self._other.get(key, default) if self._other else default

    def __getitem__(self, key: int) -> V:
        value = self.get(key)
        if value is None:
            raise KeyError(key)
        return value

    def __contains__(self, key: object) -> bool:
        return self.get(key) is not None

    def __setitem__(self, key: int, value: V) -> None:
        if value is None:
            raise ValueError("an IdMap keeps no None (it stands for an absent id)")
        slots = self._slots
        if len(slots) <= key < max(_ROOM, _SPREAD * (len(self) + 1)):
            slots.extend([None] * (key + 1 - len(slots)))
        if 0 <= key < len(slots):
            if slots[key] is None:
                self._count += 1
                if self._other:
                    self._other.pop(key, None)  # kept beside before the list reached it
            slots[key] = value
            return
        self._other[key] = value

    def setdefault(self, key: int, value: V) -> V:
        kept = self.get(key)
        if kept is None:
            self[key] = value
            return value
        return kept

    def pop(self, key: int, default: V | None = None) -> V | None:
        slots = self._slots
        if 0 <= key < len(slots):
            value = slots[key]
            if value is not None:
                slots[key] = None
                self._count -= 1
                return value
        return self._other.pop(key, default) if self._other else default

    def __len__(self) -> int:
        return self._count + len(self._other)

    def items(self) -> Iterator[tuple[int, V]]:
        for key, value in enumerate(self._slots):
            if value is not None:
                yield key, value
        yield from self._other.items()

    def values(self) -> Iterator[V]:
        for value in self._slots:
            if value is not None:
                yield value
        yield from self._other.values()
