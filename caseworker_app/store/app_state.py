"""Small values the program keeps in the database between runs: the Outlook (.ics) export state, and
the fingerprints of the shipped catalog its copied notes were last checked against."""

from __future__ import annotations

import json
import logging
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # only a type: importing icalendar cost 0.15 s of every start
    from ..core.ics import ExportState
    from .connection import StoreConnection

log = logging.getLogger(__name__)

ICS_CALENDAR_ID = "ics_calendar_id"
ICS_STATE = "ics_state"
# UID -> the caseworker (casefolded) whose export last sent the event; none for an export of everyone's.
ICS_SENT_FOR = "ics_sent_for"
# The shipped trials' fingerprints as the copied notes were last checked against (core/note_catalog.py).
NOTES_CHECKED_CATALOG = "notes_checked_catalog"


class AppStatePart:
    """The app_state table: the .ics export state, and the small values other parts keep there."""

    def __init__(self, db: StoreConnection):
        self._db = db

    def ics_state(self) -> tuple[str, ExportState]:
        """The database's calendar id and, per UID, the date, SEQUENCE and SUMMARY fingerprint last
        exported to .ics (core.ics.ExportState; a state saved before the fingerprint was kept has '')."""
        with self._db.read() as conn:
            stored = dict(
                conn.execute(
                    "SELECT key, value FROM app_state WHERE key IN (?, ?)",
                    (ICS_CALENDAR_ID, ICS_STATE),
                ).fetchall()
            )
        calendar_id = stored.get(ICS_CALENDAR_ID) or self._new_calendar_id()
        try:
            raw = json.loads(stored.get(ICS_STATE) or "{}")
            state = {uid: _entry(*value) for uid, value in raw.items()}
        except (ValueError, TypeError, AttributeError):
            # Unreadable (edited by hand): start over; events then keep their UIDs, SEQUENCE 0.
            log.warning("the .ics export state could not be read; starting over")
            state = {}
        return calendar_id, state

    def ics_sent_for(self) -> dict[str, str]:
        """Per UID, the caseworker (casefolded) whose own export last sent its event: that
        export cancels the event once the case is someone else's. Unreadable: {} (none cancelled)."""
        with self._db.read() as conn:
            row = conn.execute("SELECT value FROM app_state WHERE key = ?", (ICS_SENT_FOR,)).fetchone()
        try:
            raw = json.loads(row[0]) if row and row[0] else {}
            return {str(uid): who for uid, who in raw.items() if isinstance(who, str)}
        except (ValueError, TypeError, AttributeError):
            log.warning("the .ics export's caseworkers could not be read; starting over")
            return {}

    def save_ics_state(self, state: ExportState, sent_for: dict[str, str] | None = None) -> None:
        """Keep the state of an .ics file once it is written (the next export raises SEQUENCE),
        and whose export sent each event (ics_sent_for) when given, in one transaction."""
        raw = {uid: [day.isoformat(), seq, key] for uid, (day, seq, key) in sorted(state.items())}
        with self._db.batch():
            self.set_state(ICS_STATE, json.dumps(raw, separators=(",", ":")))
            if sent_for is not None:
                self.set_state(ICS_SENT_FOR, json.dumps(dict(sorted(sent_for.items())), separators=(",", ":")))

    def notes_checked_catalog(self) -> str | None:
        """The shipped catalog's fingerprints the copied notes were last checked against (None: never)."""
        with self._db.read() as conn:
            row = conn.execute("SELECT value FROM app_state WHERE key = ?", (NOTES_CHECKED_CATALOG,)).fetchone()
        return row[0] if row else None

    def save_notes_checked_catalog(self, fingerprints: str) -> None:
        """Keep the fingerprints the copied notes have now been checked against."""
        with self._db.batch():
            self.set_state(NOTES_CHECKED_CATALOG, fingerprints)

    def _new_calendar_id(self) -> str:
        """A calendar id for a database that lost its own (kept once written)."""
        with self._db.batch():
            row = (
                self._db.connection()
                .execute("SELECT value FROM app_state WHERE key = ?", (ICS_CALENDAR_ID,))
                .fetchone()
            )
            if row is not None:
                return row[0]
            import secrets  # here: rarely needed, and loading it slowed the start

            calendar_id = secrets.token_hex(6)
            self.set_state(ICS_CALENDAR_ID, calendar_id)
            return calendar_id

    def set_state(self, key: str, value: str) -> None:
        """Keep a value under key (inside the caller's transaction)."""
        self._db.connection().execute(
            "INSERT INTO app_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, value),
        )


def _entry(day: str, seq: int, key: str = "") -> tuple[date, int, str]:
    """One stored UID's (date, SEQUENCE, SUMMARY fingerprint); ValueError/TypeError when not one."""
    if not isinstance(key, str):  # JSON read back: edited by hand
        raise TypeError("the SUMMARY fingerprint is not text")
    return date.fromisoformat(day), int(seq), key
