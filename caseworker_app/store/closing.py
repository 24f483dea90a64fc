"""Ending cases: closing and reopening, purging those past the retention period, deleting a case
created by mistake, and finding FASIT numbers open twice (the closing part of CaseStore)."""

from __future__ import annotations

import logging
import sqlite3
from datetime import date, timedelta
from typing import TYPE_CHECKING

from ..core.cases import ACTIVE, CLOSED
from ..core.history import CANCELLED, CASE_CLOSED, CASE_REOPENED
from ..core.terms import EVENT_NAMES
from ..core.text import normalize_text, text_error, text_errors
from ..core.validation import close_errors
from ..core.workdays import fmt
from .case_writes import DUPLICATE_TEXT, day_value
from .connection import delete_case_rows, utc_now
from .errors import ValidationError

if TYPE_CHECKING:
    from collections.abc import Callable

    from .case_reads import CaseReads
    from .case_writes import CaseWrites
    from .connection import StoreConnection
    from .overrides_store import TrialsPart
    from .settings_store import SettingsPart

_log = logging.getLogger(__name__)


class ClosingPart:
    """Closing, reopening, purging and deleting cases (the history rows through CaseWrites)."""

    def __init__(
        self,
        db: StoreConnection,
        clock: Callable[[], date],
        trials: TrialsPart,
        reads: CaseReads,
        writes: CaseWrites,
        settings: SettingsPart,
    ):
        self._db = db
        self._clock = clock
        self._trials = trials
        self._reads = reads
        self._writes = writes
        self._settings = settings

    def close_case(self, case_id: int, *, reason: str, day: date | None, text: str = "") -> None:
        """Close a case with a reason from END_REASONS ('andet' needs text); no deadlines after."""
        today = self._clock()
        day = day_value(day)
        with self._db.writing(case_id):
            case = self._reads.get_case(case_id)
            if case.status == CLOSED:
                raise ValidationError({"status": "Sagen er allerede afsluttet"})
            errors = close_errors(
                self._trials.catalog().get(case.trial_id),
                case.dates,
                reason=reason,
                text=text,
                day=day,
                today=today,
            )
            text = normalize_text(text)
            errors |= text_errors({"text": text}, multiline={"text"})
            reopened = (
                self._db.connection()
                .execute(
                    "SELECT MAX(day) FROM case_changes WHERE case_id = ? AND action = ?",
                    (case_id, CASE_REOPENED),
                )
                .fetchone()[0]
            )
            if "day" not in errors and day is not None and reopened and day.isoformat() < reopened:
                # Otherwise the history would show the case closed before it was reopened.
                errors["day"] = (
                    f"Sagen blev genåbnet {fmt(date.fromisoformat(reopened))}; "
                    "den kan ikke afsluttes med en tidligere dato"
                )
            if "day" not in errors and day is not None:
                problem = self._before_latest_event(case_id, day)
                if problem:
                    errors["day"] = problem
            if errors:
                raise ValidationError(errors)
            assert day is not None  # close_errors names a missing date
            now = utc_now()
            text = (text or "").strip()
            self._db.connection().execute(
                "UPDATE cases SET status = ?, end_reason = ?, end_text = ?, closed_on = ?, updated_at = ? WHERE id = ?",
                (CLOSED, reason, text, day.isoformat(), now, case_id),
            )
            self._writes.change(
                case_id,
                CASE_CLOSED,
                "status",
                case.status,
                f"{reason}: {text}" if text else reason,
                day,
                now,
            )

    def _before_latest_event(self, case_id: int, day: date) -> str | None:
        """A closing dated before the case's latest registered event would leave that event after
        the end (its deadlines counted from it, the plan saying the case is closed)."""
        row = (
            self._db.connection()
            .execute(
                "SELECT day, kind FROM events e WHERE case_id = ? AND kind != ? "
                "AND NOT EXISTS (SELECT 1 FROM events r WHERE r.replaces = e.id) "
                "ORDER BY day DESC, id DESC LIMIT 1",
                (case_id, CANCELLED),
            )
            .fetchone()
        )
        if row is None or row[0] is None or day.isoformat() >= row[0]:
            return None
        latest = date.fromisoformat(row[0])
        return (
            f"Sagen har en hændelse registreret {fmt(latest)} ({EVENT_NAMES.get(row[1], row[1])}); "
            "afslut den på eller efter den dato, eller ret hændelsen først"
        )

    def reopen_case(self, case_id: int) -> None:
        """Make a closed case active again; the closing stays in its history."""
        with self._db.writing(case_id):
            case = self._reads.get_case(case_id)
            if case.status != CLOSED:
                raise ValidationError({"status": "Sagen er ikke afsluttet"})
            now = utc_now()
            try:
                self._db.connection().execute(
                    "UPDATE cases SET status = ?, end_reason = '', end_text = '', closed_on = NULL, "
                    "updated_at = ? "
                    "WHERE id = ?",
                    (ACTIVE, now, case_id),
                )
            except sqlite3.IntegrityError:  # the unique index of m006: the number is open again
                raise ValidationError({"case_ref": DUPLICATE_TEXT}) from None
            self._writes.change(case_id, CASE_REOPENED, "status", case.end_reason, ACTIVE, self._clock(), now)

    def purgeable_cases(self, today: date) -> list[int]:
        """Ids of closed cases whose retention period (a setting; none: never) has run out."""
        retention = self._settings.settings().retention_days
        if retention is None:
            return []
        last_day = (today - timedelta(days=retention)).isoformat()
        with self._db.read() as conn:
            rows = conn.execute(
                "SELECT id FROM cases WHERE status = ? AND closed_on IS NOT NULL AND closed_on <= ? ORDER BY id",
                (CLOSED, last_day),
            ).fetchall()
        return [row[0] for row in rows]

    def purge_closed_cases(self, today: date) -> int:
        """Delete, with all their history, the closed cases past the retention period (docs/decisions.md 10).

        Personal data is not kept longer than the municipality decided; returns how many went.
        """
        with self._db.writing() as written:
            ids = self.purgeable_cases(today)
            written.update(ids)
            for case_id in ids:
                delete_case_rows(self._db.connection(), case_id)
        _log.info("purged %d closed cases past the retention period", len(ids))
        retention = self._settings.settings().retention_days
        if retention is not None:  # the copies must not keep what the database no longer may
            from .backup import purge_copies, retention_last_day

            removed, failed = purge_copies(self._db.path, retention_last_day(today, retention))
            _log.info("purged %d cases from backup copies (%d copies deleted)", removed, len(failed))
        return len(ids)

    def delete_case(self, case_id: int, reason: str) -> None:
        """Delete a case created by mistake, with its history; the deletion itself is kept.

        Distinct from closing a case (a citizen who leaves the trial): the deletions table keeps
        the database id, the trial, the reason, when and by whom — no name, CPR or FASIT number.
        """
        reason = normalize_text((reason or "").strip()) or ""
        problem = text_error(reason, multiline=True) if reason else "Skriv, hvorfor sagen slettes"
        if problem:
            raise ValidationError({"reason": problem})
        with self._db.writing(case_id):
            case = self._reads.get_case(case_id)
            created = self._db.connection().execute("SELECT created_at FROM cases WHERE id = ?", (case_id,)).fetchone()
            self._db.insert(
                "deletions",
                {
                    "case_id": case.id,
                    "trial_id": case.trial_id,
                    "reason": reason,
                    "case_created_at": created[0] if created else None,
                    "deleted_at": utc_now(),
                    "deleted_by": self._settings.created_by(),
                },
            )
            delete_case_rows(self._db.connection(), case_id)
        _log.info("deleted case %d (created by mistake)", case_id)

    def deletion_reason(self, case_id: int, created_at: str | None) -> str | None:
        """Why the case (its id and creation time: ids are given again) was deleted, or None."""
        with self._db.read() as conn:
            row = conn.execute(
                "SELECT reason FROM deletions WHERE case_id = ? AND case_created_at IS ? ORDER BY id DESC LIMIT 1",
                (case_id, created_at),
            ).fetchone()
        return row[0] if row else None

    def deletions(self) -> list[dict]:
        """The cases deleted as created by mistake, oldest first (no personal data)."""
        with self._db.read() as conn:
            rows = conn.execute(
                "SELECT case_id, trial_id, reason, case_created_at, deleted_at, deleted_by FROM deletions ORDER BY id"
            ).fetchall()
        keys = ("case_id", "trial_id", "reason", "case_created_at", "deleted_at", "deleted_by")
        return [dict(zip(keys, row, strict=True)) for row in rows]
