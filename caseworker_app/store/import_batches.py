"""Imports of a case list in the database: saving one as a batch, listing batches, and the column
mapping remembered for the next import (the import_batches part of CaseStore; undoing: import_undo.py).

The rows come checked (services/importing/ runs the case window's checks on every row); the new
cases are written here with plain SQL in one transaction, since create_case's per-case round trips
made 10,000 rows take six seconds. Updated cases go through update_case and add_event.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from ..core.history import CASE_CREATED
from ..core.terms import ACTIVE
from ..core.text import case_ref_key
from ..core.workdays import fmt
from .connection import utc_now
from .errors import StoreError
from .history_texts import created_summary

if TYPE_CHECKING:
    from collections.abc import Callable

    from .app_state import AppStatePart
    from .case_reads import CaseReads
    from .case_writes import CaseWrites
    from .connection import StoreConnection
    from .event_writes import EventWrites

_log = logging.getLogger(__name__)

IMPORT_MAPPING = "import_mapping"  # app_state key
CREATED, UPDATED = "created", "updated"


class ImportConflictError(StoreError):
    """The database changed between the preview and the save (another window saved a case)."""


@dataclass(frozen=True)
class NewCase:
    """A new case as an import saves it (values already checked and normalised)."""

    citizen: str
    case_ref: str
    trial_id: str
    dates: Mapping[str, date]
    caseworker: str = ""
    cpr: str | None = None
    note: str = ""
    last_followup: date | None = None
    last_event_kind: str = "followup"  # the event registered on last_followup ('plan_decision': T07)


@dataclass(frozen=True)
class CaseUpdate:
    """An existing case an import updates: the fields for update_case, and a follow-up (or decision) to add."""

    case_id: int
    fields: Mapping[str, Any]  # update_case's keyword arguments
    last_followup: date | None = None
    last_event_kind: str = "followup"  # the event registered on last_followup ('plan_decision': T07)


@dataclass(frozen=True)
class ImportBatch:
    """One import as the history lists it (no personal data)."""

    id: int
    created_at: str
    created_by: str
    file_name: str
    sheet: str | None
    rows_read: int
    created: int
    updated: int
    skipped: int
    invalid: int
    undone_at: str | None = None
    undone_by: str | None = None

    @property
    def undone(self) -> bool:
        return self.undone_at is not None

    @property
    def title(self) -> str:
        """'Import nr. 3: sagsliste.xlsx, 30-11-2026 kl. 09.15'."""
        when = datetime.fromisoformat(self.created_at).astimezone()
        return f"Import nr. {self.id}: {self.file_name}, {fmt(when.date())} kl. {when:%H.%M}"


def followup_text(file_name: str, batch_id: int, kind: str = "followup") -> str:
    """The text of the event an import registers from 'Seneste opfølgning' (or, kind 'plan_decision',
    from 'Seneste stillingtagen til indsatsplanen': it says the list gave no outcome)."""
    if kind == "plan_decision":
        return (
            f"Seneste stillingtagen til indsatsplanen før importen, fra {file_name} (import nr. {batch_id}). "
            "Listen siger ikke, om indsatsplanen blev justeret"
        )
    return f"Seneste opfølgning før importen, fra {file_name} (import nr. {batch_id})"


def case_title(case_ref: str | None, case_id: int) -> str:
    return f"sag {case_ref} (nr. {case_id})" if case_ref else f"sag nr. {case_id}"


class ImportsPart:
    """Saving and listing imports (updated cases through CaseWrites and EventWrites, as the case
    window); undoing: import_undo.py."""

    def __init__(
        self,
        db: StoreConnection,
        clock: Callable[[], date],
        reads: CaseReads,
        writes: CaseWrites,
        events: EventWrites,
        state: AppStatePart,
        created_by: Callable[[], str],
    ):
        self._db = db
        self._clock = clock
        self._reads = reads
        self._writes = writes
        self._events = events
        self._state = state
        self._created_by = created_by

    def save_import_batch(
        self,
        *,
        file_name: str,
        sheet: str | None,
        rows_read: int,
        skipped: int,
        invalid: int,
        new_cases: Sequence[NewCase],
        updates: Sequence[CaseUpdate],
    ) -> int:
        """Save an import in one transaction and return its batch number.

        ImportConflictError (nothing saved) when a new case's FASIT number and trial is in the
        database already; ValidationError from update_case or add_event leaves nothing saved too.
        """
        today = self._clock()
        now = utc_now()
        by = self._created_by()
        with self._db.batch():
            conn = self._db.connection()
            # FASIT numbers as the preview compares them (core.text.case_ref_key: 's-1' is 'S-1').
            existing = {
                (trial_id, case_ref_key(case_ref)): case_id
                for case_id, trial_id, case_ref in conn.execute("SELECT id, trial_id, case_ref FROM cases")
            }
            clashes = [c for c in new_cases if (c.trial_id, case_ref_key(c.case_ref)) in existing]
            if clashes:
                first = clashes[0]
                what = (
                    f"{len(clashes)} af sagerne er gemt i databasen, siden listen blev læst (fx "
                    f"{case_title(first.case_ref, existing[first.trial_id, case_ref_key(first.case_ref)])} i forsøg "
                    f"{first.trial_id}). Intet er gemt."
                )
                found = "den findes som dublet" if len(clashes) == 1 else "de findes som dubletter"
                raise ImportConflictError(
                    f"{what} Importér filen igen, så {found}.",
                    # The window's import dialog compares its rows with the database again (its _rebuild).
                    in_window=f"{what} Forhåndsvisningen er lavet igen, så {found}; se den, og tryk Importér.",
                )
            batch_id = conn.execute(
                "INSERT INTO import_batches (created_at, created_by, file_name, sheet, rows_read, created_count, "
                "updated_count, skipped_count, invalid_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (now, by, file_name, sheet, rows_read, len(new_cases), len(updates), skipped, invalid),
            ).lastrowid
            assert batch_id is not None  # the id of the row just inserted
            links: list[tuple] = []
            text = {kind: followup_text(file_name, batch_id, kind) for kind in ("followup", "plan_decision")}
            prefix = f"Importeret fra {file_name} (import nr. {batch_id}). "
            try:
                for case in new_cases:
                    links.append(self._insert_imported(case, batch_id, prefix, text, today, now, by))
            except sqlite3.IntegrityError:  # the unique index of open cases: a FASIT number twice
                what = "To af de nye sager har samme FASIT-sagsnummer i samme forsøg. Intet er gemt."
                raise ImportConflictError(
                    f"{what} Ret sagsnumrene i listen, og importér den igen.",
                    in_window=f"{what} Ret sagsnumrene i listen, gem den, og tryk Læs filen igen.",
                ) from None
            for update in updates:
                links.append(self._apply_update(update, batch_id, text, today))
            conn.executemany(
                "INSERT INTO import_batch_cases (batch_id, case_id, action, before, event_id) VALUES (?, ?, ?, ?, ?)",
                links,
            )
            conn.execute(
                "UPDATE import_batches SET last_change_id = (SELECT max(id) FROM case_changes), "
                "last_event_id = (SELECT max(id) FROM events) WHERE id = ?",
                (batch_id,),
            )
            created, updated = len(new_cases), len(updates)
            # Logged once committed: inside save_import's batch the commit comes later, and may fail.
            self._db.after_commit(
                lambda: _log.info("import %d saved: %d created, %d updated", batch_id, created, updated)
            )
        return batch_id

    def _insert_imported(
        self, case: NewCase, batch_id: int, prefix: str, text: Mapping[str, str], today: date, now: str, by: str
    ) -> tuple:
        """One new case as create_case writes it (its history says it was imported)."""
        conn = self._db.connection()
        case_id = conn.execute(
            "INSERT INTO cases (citizen, case_ref, trial_id, cpr, caseworker, status, note, created_at, "
            "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                case.citizen.strip(),
                case.case_ref.strip(),
                case.trial_id,
                case.cpr or None,
                (case.caseworker or "").strip(),
                ACTIVE,
                case.note or "",
                now,
                now,
            ),
        ).lastrowid
        conn.executemany(
            "INSERT INTO case_dates (case_id, name, day) VALUES (?, ?, ?)",
            [(case_id, name, day.isoformat()) for name, day in case.dates.items()],
        )
        summary = created_summary(case.trial_id, case.dates)
        conn.execute(
            "INSERT INTO case_changes (case_id, action, field, old_value, new_value, day, created_at, created_by) "
            "VALUES (?, ?, '', NULL, ?, ?, ?, ?)",
            (case_id, CASE_CREATED, prefix + summary, today.isoformat(), now, by),
        )
        event_id = None
        if case.last_followup is not None:
            event_id = conn.execute(
                "INSERT INTO events (case_id, day, kind, full_followup, text, created_at, created_by) "
                "VALUES (?, ?, ?, 0, ?, ?, ?)",
                (
                    case_id,
                    case.last_followup.isoformat(),
                    case.last_event_kind,
                    text[case.last_event_kind],
                    now,
                    by,
                ),
            ).lastrowid
        return (batch_id, case_id, CREATED, None, event_id)

    def _apply_update(self, update: CaseUpdate, batch_id: int, text: Mapping[str, str], today: date) -> tuple:
        case = self._reads.get_case(update.case_id)
        before: dict[str, object] = {}
        for name, value in update.fields.items():
            old = case.dates if name == "dates" else getattr(case, name)
            if name == "dates":
                before[name] = {n: d.isoformat() for n, d in old.items()}
            elif old != value:
                before[name] = old
        if update.fields:
            self._writes.update_case(update.case_id, **update.fields)
        event_id = None
        if update.last_followup is not None:
            kind = update.last_event_kind
            event_id = self._events.add_event(update.case_id, day=update.last_followup, kind=kind, text=text[kind])
        return (batch_id, update.case_id, UPDATED, json.dumps(before, ensure_ascii=False), event_id)

    # ------------------------------------------------------------ listing

    def import_batches(self) -> list[ImportBatch]:
        """Every import, newest first."""
        with self._db.read() as conn:
            rows = conn.execute(
                "SELECT id, created_at, created_by, file_name, sheet, rows_read, created_count, updated_count, "
                "skipped_count, invalid_count, undone_at, undone_by FROM import_batches ORDER BY id DESC"
            ).fetchall()
        return [ImportBatch(*row) for row in rows]

    # ------------------------------------------------------------ remembered mapping

    def remembered_import_mapping(self) -> dict:
        """The column mapping the last import used ({} when none or unreadable)."""
        with self._db.read() as conn:
            row = conn.execute("SELECT value FROM app_state WHERE key = ?", (IMPORT_MAPPING,)).fetchone()
        try:
            value = json.loads(row[0]) if row else {}
        except ValueError:
            _log.warning("the remembered import mapping could not be read; guessing again")
            return {}
        return value if isinstance(value, dict) else {}

    def remember_import_mapping(self, value: Mapping) -> None:
        """Keep a column mapping (JSON-able) for the next import."""
        with self._db.batch():
            self._state.set_state(IMPORT_MAPPING, json.dumps(dict(value), ensure_ascii=False, sort_keys=True))
