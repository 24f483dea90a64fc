"""What the database had given out survives a restore: Outlook's events, and its cases' ids.

Outlook keeps each event by its UID and takes an update only with a higher SEQUENCE. A restored
copy holds the export state of its day, with lower SEQUENCEs than the files sent since; exports
after the restore would then send updates Outlook ignores (a moved date not moved, a case reopened
by the restore still cancelled there). So the database's own calendar id and, per event, the
higher SEQUENCE of the two states are kept (store/app_state.py stores them as JSON); likewise whose
export sent each event (the database's own record wins an event both have).

The cases the database had that the copy has not are recorded as deleted (the deletions table), as
a case deleted in the window is: SQLite may give their ids to new cases, and an id given again gets
Outlook UIDs of its own (services/exporting.reused_case_keys), so a left-out case's events are
cancelled rather than handed to another citizen.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from ..app_state import ICS_CALENDAR_ID, ICS_SENT_FOR, ICS_STATE
from ..errors import StoreError
from ..opening import BUSY_TIMEOUT_MS, connect_read_only

_KEYS = (ICS_CALENDAR_ID, ICS_STATE, ICS_SENT_FOR)
_ASKED = "SELECT key, value FROM app_state WHERE key IN (?, ?, ?)"
LEFT_OUT = "ikke i den gendannede sikkerhedskopi"  # the deletion's reason


@dataclass(frozen=True)
class GivenOut:
    """What a database had given out before a restore."""

    outlook: dict[str, str]  # its stored .ics calendar id, export state and senders (app_state)
    cases: dict[int, tuple[str, str | None]]  # each case's id -> its trial and creation time


def given_out(db_path: Path) -> GivenOut | None:
    """What the database has given out, or None when it cannot be read (a damaged database: the
    copy's state is then what there is)."""
    try:
        conn = connect_read_only(db_path)
    except StoreError:
        return None
    try:
        outlook = dict(conn.execute(_ASKED, _KEYS).fetchall())
        cases = {row[0]: (row[1], row[2]) for row in conn.execute("SELECT id, trial_id, created_at FROM cases")}
        return GivenOut(outlook, cases)
    except sqlite3.Error:
        return None
    finally:
        conn.close()


def keep_given_out(db_path: Path, given: GivenOut, now: str) -> None:
    """After a restore, in one transaction: the Outlook state of the database before it merged with
    the copy's (merged_state), and the cases the copy has not recorded as deleted. A failure
    leaves the copy as it was restored."""
    with contextlib.suppress(sqlite3.Error):
        conn = sqlite3.connect(str(db_path), timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            with conn:
                if given.outlook:
                    _merge_outlook(conn, given.outlook)
                # A case is the same case by its id and its creation time: a copy of another
                # database may give the same id to another citizen (ids are reused).
                present = {(row[0], row[1]) for row in conn.execute("SELECT id, created_at FROM cases")}
                conn.executemany(
                    "INSERT INTO deletions (case_id, trial_id, reason, case_created_at, deleted_at, deleted_by) "
                    "VALUES (?, ?, ?, ?, ?, '')",
                    [
                        (case_id, trial_id, LEFT_OUT, created_at, now)
                        for case_id, (trial_id, created_at) in sorted(given.cases.items())
                        if (case_id, created_at) not in present
                    ],
                )
        finally:
            conn.close()


def _merge_outlook(conn: sqlite3.Connection, sent: dict[str, str]) -> None:
    restored = dict(conn.execute(_ASKED, _KEYS).fetchall())
    values = {ICS_STATE: merged_state(sent.get(ICS_STATE), restored.get(ICS_STATE))}
    if sent.get(ICS_SENT_FOR) or restored.get(ICS_SENT_FOR):
        senders = {
            uid: who
            for raw in (restored.get(ICS_SENT_FOR), sent.get(ICS_SENT_FOR))  # the database's own wins
            for uid, who in _json_object(raw).items()
            if isinstance(who, str)
        }
        values[ICS_SENT_FOR] = json.dumps(dict(sorted(senders.items())), separators=(",", ":"))
    if sent.get(ICS_CALENDAR_ID):
        values[ICS_CALENDAR_ID] = sent[ICS_CALENDAR_ID]
    conn.executemany(
        "INSERT INTO app_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        sorted(values.items()),
    )


def merged_state(sent: str | None, restored: str | None) -> str:
    """Per UID the entry ([date, SEQUENCE, fingerprint]) with the higher SEQUENCE; the state sent
    wins a tie (it is what Outlook holds). An unreadable state counts as empty."""
    from ...core.ics import CANCELLED_PREFIX  # here: icalendar is not loaded with the backup package

    # An event and its cancellation (core.ics.CANCELLED_PREFIX + UID) are one event in Outlook: of
    # the two entries, only the one with the higher SEQUENCE is kept (the copy may still hold the
    # event the database has since cancelled, or the other way round).
    merged: dict[str, tuple[str, list]] = {}  # the event's UID -> (the key it is kept under, entry)
    for raw in (restored, sent):  # the state sent second: it wins a tie
        for key, entry in _json_object(raw).items():
            if not isinstance(entry, list):
                continue
            event = key.removeprefix(CANCELLED_PREFIX)
            if event not in merged or _sequence(entry) >= _sequence(merged[event][1]):
                merged[event] = (key, entry)
    return json.dumps(dict(sorted(merged.values())), separators=(",", ":"))


def _json_object(raw: str | None) -> dict[str, object]:
    """A stored JSON object; {} when there is none or it cannot be read (edited by hand)."""
    try:
        found = json.loads(raw or "{}")
    except ValueError:
        return {}
    return {str(key): value for key, value in found.items()} if isinstance(found, dict) else {}


def _sequence(entry: list) -> int:
    try:
        return int(entry[1])
    except (IndexError, TypeError, ValueError):
        return -1
