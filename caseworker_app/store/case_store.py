"""The case database: CaseStore, the one object the program opens, assembled from parts.

Composed parts share one StoreConnection (connection.py): CaseReads (case_reads.py), SettingsPart
(settings_store.py), TrialsPart (overrides_store.py); history.py reads a case's history. The
writing parts are mixins, since they call each other through the store (notes and imports write
cases, tests replace _change): CaseWritesMixin (case_writes.py), ClosingMixin (closing.py),
NoteStoreMixin, AppStateMixin, ImportBatchMixin. CaseStore keeps the public methods as thin
delegations, so callers see one object.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import AbstractContextManager, contextmanager
from datetime import date
from pathlib import Path

from ..core.cases import CaseDeadline, CaseProblem, CaseRecord, deadlines_for_cases, uncomputable_cases
from ..core.catalog import Trial
from ..core.history import EventRow
from ..core.overrides import TrialOverride
from ..core.settings import Settings
from .app_state import AppStateMixin
from .case_reads import CaseReads
from .case_writes import CaseWritesMixin
from .changes import CaseChanges, ChangeToken
from .closing import ClosingMixin
from .connection import StoreConnection
from .errors import CaseNotFoundError
from .history import case_history
from .import_batches import ImportBatchMixin
from .note_store import NoteStoreMixin
from .overrides_store import TrialsPart
from .settings_store import SettingsPart


class CaseStore(CaseWritesMixin, ClosingMixin, NoteStoreMixin, AppStateMixin, ImportBatchMixin):
    """One open case database; each change is one transaction; two copies may share the file."""

    def __init__(
        self,
        path: Path | str,
        *,
        catalog: Mapping[str, Trial] | None = None,
        clock: Callable[[], date] = date.today,
        read_only: bool = False,
    ):
        self.path = Path(path)
        self.clock = clock  # 'today' for validation and the dates of case changes
        self._db_part = StoreConnection(self.path, read_only=read_only)
        self.read_only = self._db_part.read_only
        self._settings_part = SettingsPart(self._db_part)
        self._trials = TrialsPart(self._db_part, catalog, self._settings_part.created_by)
        self._reads = CaseReads(self._db_part)

    # ------------------------------------------------------------ plumbing

    def close(self) -> None:
        """Close the database (idempotent)."""
        self._db_part.close()

    def reopen(self) -> None:
        """Open the file again (after a restore put an older copy in place): migrated, no caches."""
        self._db_part.reopen()
        self._trials.forget()
        self._reads.forget()
        self._settings_part.forget()

    def __enter__(self) -> CaseStore:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    @property
    def _conn(self) -> sqlite3.Connection | None:
        """The open connection, None once closed (tests write past the store with it)."""
        return self._db_part.conn

    @property
    def _base_catalog(self) -> dict[str, Trial] | None:
        """The catalog given instead of the shipped one (tests open a second copy with it)."""
        return self._trials.base

    def _connection(self) -> sqlite3.Connection:
        return self._db_part.connection()

    def _guard(self) -> AbstractContextManager[None]:
        return self._db_part.guard()

    @contextmanager
    def batch(self) -> Iterator[CaseStore]:
        """Group several changes into one transaction: all are saved or none."""
        with self._db_part.batch():
            yield self

    def _writing(self, *case_ids: int) -> AbstractContextManager[set[int]]:
        """A write method's transaction, declaring the cases it writes (see StoreConnection.writing)."""
        return self._db_part.writing(*case_ids)

    def _read(self) -> AbstractContextManager[sqlite3.Connection]:
        return self._db_part.read()

    @property
    def _db(self):
        """sqlite-utils' view of the connection (tests of the schema); the store writes plain SQL."""
        return self._db_part.db

    def _insert(self, table: str, record: dict) -> int:
        return self._db_part.insert(table, record)

    def _created_by(self) -> str:
        return self._settings_part.created_by()

    # ------------------------------------------------------------ what changed

    @property
    def _changes(self) -> int:
        """This store's write counter (two a transaction): for tests that count writes."""
        return self._db_part.writes.writes

    def change_token(self) -> ChangeToken:
        """This moment: compare with a later token, or pass it to changes_since (one PRAGMA)."""
        return self._db_part.change_token()

    def changes_since(self, token: ChangeToken | None) -> CaseChanges | None:
        """None when nothing was written since token; else the cases written, or "anything"."""
        return self._db_part.changes_since(token)

    # ------------------------------------------------------------ reading cases

    def list_cases(self, include_closed: bool = True) -> list[CaseRecord]:
        """Every case (or the active ones) with its current events, sorted by citizen name."""
        return self._reads.list_cases(include_closed)

    def cases_by_id(self, case_ids: Iterable[int]) -> dict[int, CaseRecord]:
        """The cases with these ids as stored now; an id without a case (deleted) is left out."""
        return self._reads.cases_by_id(case_ids)

    def get_case(self, case_id: int) -> CaseRecord:
        """One case; CaseNotFoundError when there is none with that id."""
        return self._reads.get_case(case_id)

    def history(self, case_id: int) -> list[EventRow]:
        """Every row of the case's history, replaced rows and case changes too, newest first."""
        self._reads.check_id(case_id)
        with self._read() as conn:
            rows = case_history(conn, case_id)
        if rows is None:
            raise CaseNotFoundError(f"Sag nr. {case_id} findes ikke i databasen {self.path}.")
        return rows

    # ------------------------------------------------------------ settings and trials

    def settings(self) -> Settings:
        """The settings stored in the database (defaults for any not yet saved)."""
        return self._settings_part.settings()

    def save_settings(self, settings: Settings) -> None:
        """Save every setting in one transaction; ValidationError for values out of range."""
        self._settings_part.save_settings(settings)

    def overrides(self) -> list[TrialOverride]:
        """The municipality's changes to trials, oldest first (never changed or deleted)."""
        return self._trials.overrides()

    def add_override(self, trial_id: str, field: str, value: object, source: str) -> int:
        """Record a change to a trial's end, extension, citation, paragraph or marking."""
        return self._trials.add_override(trial_id, field, value, source)

    def catalog(self) -> dict[str, Trial]:
        """The shipped catalog with this database's overrides applied."""
        return self._trials.catalog()

    # ------------------------------------------------------------ deadlines

    def deadlines(self, today: date) -> list[CaseDeadline]:
        """Every deadline of every active case, as the window and `deadlines` command show."""
        return deadlines_for_cases(
            self.list_cases(False), self.catalog(), today, warning_days=self.settings().warning_days
        )

    def uncomputable(self) -> list[CaseProblem]:
        """The cases deadlines() cannot compute (missing trial, damaged status or date), and why."""
        return uncomputable_cases(self.list_cases(), self.catalog())
