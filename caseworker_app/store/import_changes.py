"""Which of an import's cases were changed after it was saved, leaving out what later imports wrote
and their own undo wrote back (imports are undone newest first: 2, then 1).

An import keeps the newest history ids at its save (last_change_id, last_event_id). A later row on
one of its cases is a change, unless it belongs to a later import that has been undone since:
  - events: that import's follow-up (import_batch_cases.event_id) and the annulment its undo wrote;
  - case_changes: the rows update_case wrote for it, and the rows the undo's update_case wrote back.
    The undo wrote exactly the save's rows reversed (same fields, same order, old and new swapped),
    as the first rows after the later import's last_change_id (its undo was refused otherwise);
    the save's rows are the last ones up to that id. Each is one update_case call: one timestamp.
Anything left is a change by someone (an edit, an event, a note, a closing). No schema change:
the history rows themselves say what the imports wrote.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from typing import NamedTuple

from ..core.history import CANCELLED, CASE_CHANGED


class _Row(NamedTuple):
    id: int
    case_id: int
    action: str
    field: str
    old: str | None
    new: str | None
    created_at: str


class _Undone(NamedTuple):
    """A later import, undone since, on one of the cases."""

    case_id: int
    last_change_id: int
    event_id: int | None


def later_live_imports(conn: sqlite3.Connection, batch_id: int) -> list[tuple[int, int, str]]:
    """(later import, case id, FASIT number) for each case of the import that a later import, not
    undone, also created or updated: newest import first."""
    return conn.execute(
        "SELECT later.batch_id, c.id, c.case_ref FROM import_batch_cases mine "
        "JOIN import_batch_cases later ON later.case_id = mine.case_id AND later.batch_id > mine.batch_id "
        "JOIN import_batches b ON b.id = later.batch_id AND b.undone_at IS NULL "
        "JOIN cases c ON c.id = mine.case_id WHERE mine.batch_id = ? ORDER BY later.batch_id DESC, c.id",
        (batch_id,),
    ).fetchall()


def changed_cases(conn: sqlite3.Connection, batch_id: int, last_change: int, last_event: int) -> list[tuple[int, str]]:
    """(case id, FASIT number) of the import's cases changed since it was saved, by id."""
    rows = [
        _Row(*row)
        for row in conn.execute(
            "SELECT h.id, h.case_id, h.action, h.field, h.old_value, h.new_value, h.created_at FROM case_changes h "
            "JOIN import_batch_cases l ON l.case_id = h.case_id AND l.batch_id = ? WHERE h.id > ? ORDER BY h.id",
            (batch_id, last_change),
        )
    ]
    events = conn.execute(
        "SELECT e.id, e.case_id, e.kind, e.replaces FROM events e "
        "JOIN import_batch_cases l ON l.case_id = e.case_id AND l.batch_id = ? WHERE e.id > ? ORDER BY e.id",
        (batch_id, last_event),
    ).fetchall()
    if not rows and not events:
        return []
    undone = [
        _Undone(*row)
        for row in conn.execute(
            "SELECT later.case_id, coalesce(b.last_change_id, 0), later.event_id "
            "FROM import_batch_cases mine JOIN import_batch_cases later ON later.case_id = mine.case_id "
            "JOIN import_batches b ON b.id = later.batch_id AND b.id > mine.batch_id AND b.undone_at IS NOT NULL "
            "WHERE mine.batch_id = ? ORDER BY b.id DESC",  # the newest first: its rows lie inside the older's
            (batch_id,),
        )
    ]
    rows_by_case: dict[int, list[_Row]] = defaultdict(list)
    for row in rows:
        rows_by_case[row.case_id].append(row)
    events_by_case: dict[int, list[tuple[int, str, int | None]]] = defaultdict(list)
    for event_id, case_id, kind, replaces in events:
        events_by_case[case_id].append((event_id, kind, replaces))
    for later in undone:
        if later.case_id in rows_by_case:
            rows_by_case[later.case_id] = _without_import(rows_by_case[later.case_id], later)
        if later.event_id is not None and later.case_id in events_by_case:
            events_by_case[later.case_id] = [
                (event_id, kind, replaces)
                for event_id, kind, replaces in events_by_case[later.case_id]
                if event_id != later.event_id and not (kind == CANCELLED and replaces == later.event_id)
            ]
    changed = {case_id for case_id, left in rows_by_case.items() if left}
    changed |= {case_id for case_id, left in events_by_case.items() if left}
    if not changed:
        return []
    marks = ", ".join("?" * len(changed))
    return conn.execute(
        f"SELECT id, case_ref FROM cases WHERE id IN ({marks}) ORDER BY id", tuple(sorted(changed))
    ).fetchall()


def _without_import(rows: list[_Row], later: _Undone) -> list[_Row]:
    """The case's rows without those an undone later import's save and undo wrote (see the module)."""
    saved = [row for row in rows if row.id <= later.last_change_id]
    after = [row for row in rows if row.id > later.last_change_id]
    for count in range(min(len(saved), len(after)), 0, -1):
        save_rows, undo_rows = saved[-count:], after[:count]
        if _one_call(save_rows) and _one_call(undo_rows):
            if all(_reverses(undo, save) for save, undo in zip(save_rows, undo_rows, strict=True)):
                return saved[:-count] + after[count:]
    return rows


def _one_call(rows: list[_Row]) -> bool:
    """Rows one update_case call can have written: it stamps them all with one moment."""
    return len({row.created_at for row in rows}) == 1


def _reverses(undo: _Row, save: _Row) -> bool:
    return (
        undo.action == save.action == CASE_CHANGED
        and undo.field == save.field
        and (undo.old, undo.new) == (save.new, save.old)
    )
