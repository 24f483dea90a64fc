"""Reading one case's whole history: its events (replaced ones too) and its case changes."""

from __future__ import annotations

import sqlite3
from datetime import date

from ..core.history import CASE_CHANGED, CASE_CREATED, JOURNAL_NOTE, EventRow
from .case_reading import stored_day
from .history_texts import change_text


def case_history(conn: sqlite3.Connection, case_id: int) -> list[EventRow] | None:
    """Every row of the case's history, newest first; None when there is no such case."""
    if conn.execute("SELECT 1 FROM cases WHERE id = ?", (case_id,)).fetchone() is None:
        return None
    events = conn.execute(
        "SELECT id, day, kind, form, initiated_by, full_followup, text, replaces, "
        "created_at, created_by "
        "FROM events WHERE case_id = ?",
        (case_id,),
    ).fetchall()
    changes = conn.execute(
        "SELECT id, action, field, old_value, new_value, day, created_at, created_by, event_id, note_stated "
        "FROM case_changes WHERE case_id = ?",
        (case_id,),
    ).fetchall()
    replaced_by = {r[7]: r[0] for r in events if r[7] is not None}
    rows = [
        EventRow(
            id=r[0],
            day=stored_day(r[1]) or date.min,
            kind=r[2],
            form=r[3],
            initiated_by=r[4],
            full_followup=bool(r[5]),
            text=r[6],
            replaces=r[7],
            replaced_by=replaced_by.get(r[0]),
            created_at=r[8],
            created_by=r[9],
        )
        for r in events
    ]
    rows += [
        EventRow(
            id=r[0],
            day=stored_day(r[5]) or date.min,
            kind=r[1],
            text=change_text(r[1], r[2], r[3], r[4]),
            created_at=r[6],
            created_by=r[7],
            is_case_change=True,
            situation=r[2] if r[1] == JOURNAL_NOTE else None,
            about_event=r[8] if r[1] == JOURNAL_NOTE else None,  # m009: the event a note is about
            stated=r[9] if r[1] == JOURNAL_NOTE else None,  # m011: what the note stated
        )
        for r in changes
    ]
    rows.sort(key=lambda row: (row.day, row.created_at, row.is_case_change, row.id), reverse=True)
    return rows


def field_change_times(conn: sqlite3.Connection) -> dict[int, dict[str, str]]:
    """When each case's fields were last set in the program, by case id and field (a date's name,
    'caseworker' …; '' for the case's creation): the stored created_at, UTC."""
    rows = conn.execute(
        "SELECT case_id, field, max(created_at) FROM case_changes WHERE action IN (?, ?) GROUP BY case_id, field",
        (CASE_CHANGED, CASE_CREATED),
    ).fetchall()
    found: dict[int, dict[str, str]] = {}
    for case_id, field, created_at in rows:
        found.setdefault(case_id, {})[field or ""] = created_at
    return found
