"""What was written to a case database since a moment: nothing, these cases, or anything.

The window asks this on every refresh, so a refresh with nothing written does nothing (one PRAGMA),
and a change it made itself (a follow-up registered) reloads only that case. Two sources:

- this store's own write transactions, each logged with the case ids its write methods declared
  (a row written outside a declaration makes the transaction count as "anything");
- another connection's commits (the command line, a second window), seen through SQLite's
  PRAGMA data_version: which cases they changed is not known, so that is "anything" too.
"""

from __future__ import annotations

import sqlite3
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ChangeToken:
    """A moment in the database's life as one store sees it; equal tokens: nothing written between."""

    data_version: int  # PRAGMA data_version: moves when another connection commits
    writes: int  # this store's write counter (each transaction, and a reopen)


@dataclass(frozen=True, slots=True)
class CaseChanges:
    """What was written between two tokens."""

    token: ChangeToken  # the newer moment: pass it to the next changes_since
    case_ids: frozenset[int] | None  # the cases written (created, changed, closed, deleted); None: anything

    @property
    def anything(self) -> bool:
        """True when which cases changed is not known: read them all again."""
        return self.case_ids is None


class ChangeLog:
    """The store's own write transactions, newest last, with the case ids each wrote.

    A write method declares the cases it writes (claim); what it writes is counted with SQLite's
    total_changes. A transaction in which rows were written outside any claim (plain SQL in a
    batch, an import) counts as "anything": a writer that forgets to declare makes the next
    refresh slower, never stale.
    """

    KEEP = 1024  # tokens older than this many transactions get "anything"

    def __init__(self) -> None:
        self.writes = 0
        self._entries: deque[tuple[int, frozenset[int] | None]] = deque(maxlen=self.KEEP)
        self._start = self._claimed = self._depth = 0
        self._ids: set[int] = set()

    def begin(self, total_changes: int) -> None:
        """A write transaction starts; total_changes is the connection's counter now."""
        self.writes += 1
        self._start, self._claimed, self._depth, self._ids = total_changes, 0, 0, set()

    @contextmanager
    def claim(self, conn: sqlite3.Connection, case_ids: tuple[int, ...]) -> Iterator[set[int]]:
        """A write method's work: the rows it writes are declared as touching these cases
        (add more to the set it yields, e.g. a new case's id; none: it writes no case)."""
        ids = set(case_ids)
        outermost = self._depth == 0
        before = conn.total_changes
        self._depth += 1
        try:
            yield ids
        finally:
            self._depth -= 1
            self._ids |= ids
            if outermost:
                self._claimed += conn.total_changes - before

    def end(self, committed: bool, total_changes: int) -> None:
        """The transaction is over (a rolled-back one wrote nothing)."""
        self.writes += 1
        if not committed:
            ids: frozenset[int] | None = frozenset()
        elif total_changes - self._start > self._claimed:
            ids = None  # rows written outside any claim
        else:
            ids = frozenset(self._ids)
        self._entries.append((self.writes, ids))
        self._ids = set()

    def reopened(self) -> None:
        """The file was opened again (a restore): anything may differ, data_version restarts."""
        self.writes += 1
        self._entries.append((self.writes, None))

    def since(self, writes: int) -> frozenset[int] | None:
        """The case ids written by this store after its counter was `writes`; None: anything."""
        if writes == self.writes:
            return frozenset()
        if writes > self.writes or not self._entries or self._entries[0][0] - 2 > writes:
            return None  # from another store, or older than the log keeps
        found: set[int] = set()
        for counter, ids in reversed(self._entries):
            if counter <= writes:
                break
            if ids is None:
                return None
            found |= ids
        return frozenset(found)
