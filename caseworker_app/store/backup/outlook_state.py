"""What Outlook was sent survives a restore: the .ics export state is the calendar's, not the copy's.

Outlook keeps each event by its UID and takes an update only with a higher SEQUENCE. A restored
copy holds the export state of its day, with lower SEQUENCEs than the files sent since; exports
after the restore would then send updates Outlook ignores (a moved date not moved, a case reopened
by the restore still cancelled there). So the database's own calendar id and, per event, the
higher SEQUENCE of the two states are kept (store/app_state.py stores them as JSON); likewise whose
export sent each event (the database's own record wins an event both have).
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from pathlib import Path

from ..app_state import ICS_CALENDAR_ID, ICS_SENT_FOR, ICS_STATE
from ..errors import StoreError
from ..opening import BUSY_TIMEOUT_MS, connect_read_only

_KEYS = (ICS_CALENDAR_ID, ICS_STATE, ICS_SENT_FOR)
_ASKED = "SELECT key, value FROM app_state WHERE key IN (?, ?, ?)"


def outlook_state(db_path: Path) -> dict[str, str] | None:
    """The database's stored .ics calendar id and export state, or None when it cannot be read
    (a damaged database: the copy's state is then what there is)."""
    try:
        conn = connect_read_only(db_path)
    except StoreError:
        return None
    try:
        return dict(conn.execute(_ASKED, _KEYS).fetchall())
    except sqlite3.Error:
        return None
    finally:
        conn.close()


def cases_given(db_path: Path) -> dict[int, tuple[str, str | None]] | None:
    """Each case's id with its trial and creation time, or None when they cannot be read."""
    try:
        conn = connect_read_only(db_path)
    except StoreError:
        return None
    try:
        return {row[0]: (row[1], row[2]) for row in conn.execute("SELECT id, trial_id, created_at FROM cases")}
    except sqlite3.Error:
        return None
    finally:
        conn.close()


def record_cases_left_out(db_path: Path, before: dict[int, tuple[str, str | None]], now: str) -> None:
    """After a restore: the cases the database had that the copy has not are recorded as deleted
    (the deletions table), as a case deleted in the window is. SQLite may give their ids to new
    cases, and an id given again gets Outlook UIDs of its own (services/exporting.reused_case_keys),
    so a left-out case's events are cancelled rather than handed to another citizen. A failure
    leaves them unrecorded (the restore itself is done)."""
    with contextlib.suppress(sqlite3.Error):
        conn = sqlite3.connect(str(db_path), timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            with conn:
                present = {row[0] for row in conn.execute("SELECT id FROM cases")}
                conn.executemany(
                    "INSERT INTO deletions (case_id, trial_id, reason, case_created_at, deleted_at, deleted_by) "
                    "VALUES (?, ?, ?, ?, ?, '')",
                    [
                        (case_id, trial_id, "ikke i den gendannede sikkerhedskopi", created_at, now)
                        for case_id, (trial_id, created_at) in sorted(before.items())
                        if case_id not in present
                    ],
                )
        finally:
            conn.close()


def merged_state(sent: str | None, restored: str | None) -> str:
    """Per UID the entry ([date, SEQUENCE, fingerprint]) with the higher SEQUENCE; the state sent
    wins a tie (it is what Outlook holds). An unreadable state counts as empty."""
    from ...core.ics import CANCELLED_PREFIX  # here: icalendar is not loaded with the backup package

    # An event and its cancellation (core.ics.CANCELLED_PREFIX + UID) are one event in Outlook: of
    # the two entries, only the one with the higher SEQUENCE is kept (the copy may still hold the
    # event the database has since cancelled, or the other way round).
    merged: dict[str, tuple[str, list]] = {}  # the event's UID -> (the key it is kept under, entry)
    for state in (_entries(restored), _entries(sent)):  # the state sent second: it wins a tie
        for key, entry in state.items():
            event = key.removeprefix(CANCELLED_PREFIX)
            if event not in merged or _sequence(entry) >= _sequence(merged[event][1]):
                merged[event] = (key, entry)
    return json.dumps(dict(sorted(merged.values())), separators=(",", ":"))


def keep_outlook_state(db_path: Path, sent: dict[str, str]) -> None:
    """After a restore: the calendar id and export state of the database before it, merged with the
    copy's (merged_state). A failure leaves the copy's state (the restore itself is done)."""
    with contextlib.suppress(sqlite3.Error):
        conn = sqlite3.connect(str(db_path), timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            with conn:
                restored = dict(conn.execute(_ASKED, _KEYS).fetchall())
                values = {ICS_STATE: merged_state(sent.get(ICS_STATE), restored.get(ICS_STATE))}
                if sent.get(ICS_SENT_FOR) or restored.get(ICS_SENT_FOR):
                    senders = {**_mapping(restored.get(ICS_SENT_FOR)), **_mapping(sent.get(ICS_SENT_FOR))}
                    values[ICS_SENT_FOR] = json.dumps(dict(sorted(senders.items())), separators=(",", ":"))
                if sent.get(ICS_CALENDAR_ID):
                    values[ICS_CALENDAR_ID] = sent[ICS_CALENDAR_ID]
                conn.executemany(
                    "INSERT INTO app_state (key, value) VALUES (?, ?) "
                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    sorted(values.items()),
                )
        finally:
            conn.close()


def _entries(raw: str | None) -> dict[str, list]:
    try:
        found = json.loads(raw or "{}")
    except ValueError:
        return {}
    return {uid: entry for uid, entry in found.items() if isinstance(entry, list)} if isinstance(found, dict) else {}


def _mapping(raw: str | None) -> dict[str, str]:
    try:
        found = json.loads(raw or "{}")
    except ValueError:
        return {}
    return {str(k): v for k, v in found.items() if isinstance(v, str)} if isinstance(found, dict) else {}


def _sequence(entry: list) -> int:
    try:
        return int(entry[1])
    except (IndexError, TypeError, ValueError):
        return -1
