"""Undoing an import as a whole (the import_undo part of CaseStore): why a batch cannot be undone,
and the undo itself, in one transaction (import_batches.py saves and lists the batches).
"""

from __future__ import annotations

import json
import logging
from datetime import date, datetime
from typing import TYPE_CHECKING

from ..core.text import count_text
from ..core.workdays import fmt
from .connection import delete_case_rows, utc_now
from .errors import StoreError, ValidationError
from .import_batches import CREATED, case_title
from .import_changes import changed_cases, later_live_imports

if TYPE_CHECKING:
    import sqlite3
    from collections.abc import Callable

    from .case_writes import CaseWrites
    from .connection import StoreConnection
    from .event_writes import EventWrites

_log = logging.getLogger(__name__)


class ImportUndoError(StoreError):
    """An import that cannot be undone; the message says which case and what to do."""


def _more(count: int) -> str:
    """' (og 2 sager mere)' after the first of count cases named; '' for one."""
    return f" (og {count_text(count - 1, 'sag', 'sager')} mere)" if count > 1 else ""


class ImportUndoPart:
    """Undoing imports: new cases deleted, updated cases given their earlier values back (through
    CaseWrites and EventWrites)."""

    def __init__(self, db: StoreConnection, writes: CaseWrites, events: EventWrites, created_by: Callable[[], str]):
        self._db = db
        self._writes = writes
        self._events = events
        self._created_by = created_by

    def undo_import_problem(self, batch_id: int) -> str | None:
        """Why the import cannot be undone (Danish), or None when it can."""
        with self._db.read() as conn:
            return self._undo_problem(conn, batch_id)

    def _undo_problem(self, conn: sqlite3.Connection, batch_id: int) -> str | None:
        batch = conn.execute(
            "SELECT last_change_id, last_event_id, undone_at, undone_by FROM import_batches WHERE id = ?",
            (batch_id,),
        ).fetchone()
        if batch is None:
            return f"Import nr. {batch_id} findes ikke i databasen."
        last_change, last_event, undone_at, undone_by = batch
        if undone_at is not None:
            when = datetime.fromisoformat(undone_at).astimezone().date()
            return f"Import nr. {batch_id} er allerede fortrudt ({fmt(when)}{f' af {undone_by}' if undone_by else ''})."
        gone = conn.execute(
            "SELECT l.case_id FROM import_batch_cases l LEFT JOIN cases c ON c.id = l.case_id "
            "WHERE l.batch_id = ? AND c.id IS NULL ORDER BY l.case_id",
            (batch_id,),
        ).fetchall()
        if gone:
            return (
                f"Import nr. {batch_id} kan ikke fortrydes: sag nr. {gone[0][0]} er slettet siden importen"
                + _more(len(gone))
                + ". Slet eller ret de importerede sager enkeltvis i stedet."
            )
        later = later_live_imports(conn, batch_id)
        if later:
            numbers = [str(n) for n in dict.fromkeys(number for number, _, _ in later)]  # newest first
            cases = {case_id: case_ref for _, case_id, case_ref in later}
            first_id = min(cases)
            which = (
                f"import nr. {numbers[0]} er fortrudt: den"
                if len(numbers) == 1
                else f"importerne nr. {', '.join(numbers[:-1])} og {numbers[-1]} er fortrudt: de"
            )
            return (
                f"Import nr. {batch_id} kan ikke fortrydes, før {which} har opdateret "
                f"{case_title(cases[first_id], first_id)}{_more(len(cases))}. Fortryd importerne med den nyeste først."
            )
        changed = changed_cases(conn, batch_id, last_change or 0, last_event or 0)
        if changed:
            return (
                f"Import nr. {batch_id} kan ikke fortrydes: {case_title(changed[0][1], changed[0][0])} er ændret "
                f"siden importen{_more(len(changed))}. Ret eller slet de importerede sager enkeltvis i stedet."
            )
        return None

    def undo_import(self, batch_id: int) -> tuple[int, int]:
        """Undo an import as a whole: its new cases deleted (kept as deletions, without personal
        data), its updated cases given their earlier values back and its follow-ups withdrawn.

        Returns (cases deleted, cases restored). ImportUndoError (nothing changed) when a case of
        the import has been changed or deleted since, or the import is undone already.
        """
        with self._db.batch():
            conn = self._db.connection()
            problem = self._undo_problem(conn, batch_id)
            if problem:
                raise ImportUndoError(problem)
            file_name = conn.execute("SELECT file_name FROM import_batches WHERE id = ?", (batch_id,)).fetchone()[0]
            links = conn.execute(
                "SELECT case_id, action, before, event_id FROM import_batch_cases WHERE batch_id = ? ORDER BY case_id",
                (batch_id,),
            ).fetchall()
            reason = f"Import nr. {batch_id} ({file_name}) fortrudt"
            now, by = utc_now(), self._created_by()
            deleted = restored = 0
            for case_id, action, before, event_id in links:
                if action == CREATED:
                    self._remove_imported(case_id, reason, now, by)
                    deleted += 1
                    continue
                if event_id is not None:
                    self._events.cancel_event(case_id, event_id, text=reason)
                fields = json.loads(before or "{}")
                if "dates" in fields:
                    fields["dates"] = {n: date.fromisoformat(d) for n, d in fields["dates"].items()}
                if fields:
                    try:
                        self._writes.update_case(case_id, **fields)
                    except ValidationError as exc:
                        raise ImportUndoError(
                            f"Import nr. {batch_id} kan ikke fortrydes: sag nr. {case_id} kan ikke få sine "
                            f"tidligere værdier igen ({exc}). Intet er ændret."
                        ) from None
                restored += 1
            conn.execute("UPDATE import_batches SET undone_at = ?, undone_by = ? WHERE id = ?", (now, by, batch_id))
            conn.execute("UPDATE import_batch_cases SET before = NULL WHERE batch_id = ?", (batch_id,))
        _log.info("import %d undone: %d cases deleted, %d restored", batch_id, deleted, restored)
        return deleted, restored

    def _remove_imported(self, case_id: int, reason: str, now: str, by: str) -> None:
        conn = self._db.connection()
        trial_id, created_at = conn.execute(
            "SELECT trial_id, created_at FROM cases WHERE id = ?", (case_id,)
        ).fetchone()
        conn.execute(
            "INSERT INTO deletions (case_id, trial_id, reason, case_created_at, deleted_at, deleted_by) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (case_id, trial_id, reason, created_at, now, by),
        )
        delete_case_rows(conn, case_id)
