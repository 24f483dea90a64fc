"""The case database: CaseStore, the one object the program opens, assembled from parts.

Its parts (store_parts.py: one StoreConnection, shared) each do one job: reading cases, settings
and trials, writing cases and events, closing, notes, app state, imports. CaseStore keeps the
public methods as thin delegations to them, so callers see one object.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import AbstractContextManager, contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from ..core.cases import CaseDeadline, CaseProblem, CaseRecord, deadlines_for_cases, uncomputable_cases
from ..core.catalog import Trial
from ..core.history import EventRow
from ..core.overrides import TrialOverride
from ..core.settings import Settings
from .changes import CaseChanges, ChangeToken
from .import_methods import ImportMethods
from .note_facade import JournalNotes
from .store_parts import StoreParts

if TYPE_CHECKING:
    from ..core.agreed_at_event import AgreedAtEvent
    from ..core.ics import ExportState
    from .case_conflicts import ConflictChoice
    from .case_writes import CaseWrites
    from .errors import WriteRefusal


class CaseStore(ImportMethods, JournalNotes):
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
        parts = self._parts = StoreParts(self.path, clock, catalog, read_only=read_only)
        self._db_part, self._trials, self._reads = parts.db, parts.trials, parts.reads
        self.read_only = parts.db.read_only

    @property
    def _writes(self) -> CaseWrites:
        """The case-writing part (tests replace its methods to fail a write halfway)."""
        return self._parts.writes

    @property
    def clock(self) -> Callable[[], date]:
        """'Today' for validation and the dates of case changes (demo data sets it per case)."""
        return self._parts.clock.today

    @clock.setter
    def clock(self, today: Callable[[], date]) -> None:
        self._parts.clock.today = today

    # ------------------------------------------------------------ plumbing

    def close(self) -> None:
        """Close the database (idempotent)."""
        self._db_part.close()

    @property
    def is_open(self) -> bool:
        """False once closed (at the window's end, or while a restore puts a copy in place)."""
        return self._db_part.conn is not None

    def reopen(self, *, restored: bool = False) -> None:
        """Open the file again (after a restore put an older copy in place): migrated, no caches.
        restored: a good copy is in place, so a write_refusal for damage is lifted."""
        self._parts.reopen(restored=restored)

    @property
    def write_refusal(self) -> WriteRefusal | None:
        """Why every write is refused before anything is written (found damaged, kept in use), or None."""
        return self._db_part.refusal

    @write_refusal.setter
    def write_refusal(self, refusal: WriteRefusal | None) -> None:
        self._db_part.refusal = refusal

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

    @contextmanager
    def batch(self) -> Iterator[CaseStore]:
        """Group several changes into one transaction: all are saved or none."""
        with self._db_part.batch():
            yield self

    def _read(self) -> AbstractContextManager[sqlite3.Connection]:
        """One snapshot for several queries (evaluation_queries.py reads with it)."""
        return self._db_part.read()

    @property
    def _db(self):
        """sqlite-utils' view of the connection (tests of the schema); the store writes plain SQL."""
        return self._db_part.db

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
        """Every case (or the active ones) with its current events, by name (core.collation.case_order)."""
        return self._reads.list_cases(include_closed)

    def cases_by_id(self, case_ids: Iterable[int]) -> dict[int, CaseRecord]:
        """The cases with these ids as stored now; an id without a case (deleted) is left out."""
        return self._reads.cases_by_id(case_ids)

    def get_case(self, case_id: int) -> CaseRecord:
        """One case; CaseNotFoundError when there is none with that id."""
        return self._reads.get_case(case_id)

    def case_created_at(self, case_id: int) -> str | None:
        """When the case with this id was created, to tell it from a later case given its id."""
        return self._reads.created_at(case_id)

    def history(self, case_id: int) -> list[EventRow]:
        """Every row of the case's history, replaced rows and case changes too, newest first."""
        return self._reads.history(case_id)

    def field_change_times(self) -> dict[int, dict[str, str]]:
        """When each case's fields were last set in the program (UTC created_at), by case id and field;
        '' is the case's creation. An import compares them with its file's age."""
        return self._reads.field_change_times()

    # ------------------------------------------------------------ settings and trials

    def settings(self) -> Settings:
        """The settings stored in the database (defaults for any not yet saved)."""
        return self._parts.settings.settings()

    def save_settings(self, settings: Settings) -> None:
        """Save every setting in one transaction; ValidationError for values out of range."""
        self._parts.settings.save_settings(settings)

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

    # ------------------------------------------------------------ writing cases (CaseWrites, EventWrites)

    def create_case(
        self,
        *,
        citizen: str,
        case_ref: str,
        trial_id: str,
        dates: Mapping[str, date],
        caseworker: str = "",
        cpr: str | None = None,
        note: str = "",
    ) -> int:
        """Save a new active case and return its id; ValidationError (nothing saved) if wrong."""
        return self._writes.create_case(
            citizen=citizen,
            case_ref=case_ref,
            trial_id=trial_id,
            dates=dates,
            caseworker=caseworker,
            cpr=cpr,
            note=note,
        )

    def update_case(
        self,
        case_id: int,
        *,
        loaded: CaseRecord | None = None,
        choice: ConflictChoice | None = None,
        created: str | None = None,
        **fields,
    ) -> None:
        """Change fields: citizen, case_ref, trial_id, caseworker, cpr, note, dates (all of them).

        A form passes loaded (the case as it read it): only what it changed is written, and a field
        someone else changed too since raises CaseConflictError, unless choice answers it
        (case_conflicts.py). created (case_created_at when the form read it): CaseNotFoundError
        when the id now belongs to another case (the one read was deleted, a new one got its id).
        Each changed field is recorded in the history; an error leaves the case as it was.
        """
        self._writes.update_case(case_id, loaded=loaded, choice=choice, created=created, **fields)

    def add_event(
        self,
        case_id: int,
        *,
        day: date | None,
        kind: str,
        form: str | None = None,
        initiated_by: str | None = None,
        full_followup: bool = False,
        text: str = "",
        replaces: int | None = None,
        sets_agreed: bool = False,
        next_agreed: date | None = None,
    ) -> int:
        """Register an event (with replaces: a correction of an earlier row) and return its id.

        sets_agreed: the caseworker was asked for the next agreed date (next_agreed; None: left
        empty); the event and the date it sets are written together or not at all
        (core.agreed_at_event says what a late, corrected or cancelled talk does to it).
        """
        return self._parts.events.add_event(
            case_id,
            day=day,
            kind=kind,
            form=form,
            initiated_by=initiated_by,
            full_followup=full_followup,
            text=text,
            replaces=replaces,
            sets_agreed=sets_agreed,
            next_agreed=next_agreed,
        )

    def cancel_event(self, case_id: int, event_id: int, *, text: str = "") -> int:
        """Withdraw an event registered by mistake: a new row replaces it; the old row stays.
        The agreed date a talk set goes back to what it was before, unless changed since."""
        return self._parts.events.cancel_event(case_id, event_id, text=text)

    def agreed_at_event(self, case_id: int, replaces: int | None = None) -> AgreedAtEvent:
        """The agreed date seen from a talk registered now (replaces: the one corrected or cancelled):
        what the talk dialog says a saved talk, an empty date or a cancellation will do."""
        return self._parts.events.agreed_at_event(case_id, replaces)

    # ------------------------------------------------------------ ending cases (ClosingPart)

    def close_case(self, case_id: int, *, reason: str, day: date | None, text: str = "") -> None:
        """Close a case with a reason from END_REASONS ('andet' needs text); no deadlines after."""
        self._parts.closing.close_case(case_id, reason=reason, day=day, text=text)

    def reopen_case(self, case_id: int) -> None:
        """Make a closed case active again; the closing stays in its history."""
        self._parts.closing.reopen_case(case_id)

    def purgeable_cases(self, today: date) -> list[int]:
        """Ids of closed cases whose retention period (a setting; none: never) has run out."""
        return self._parts.closing.purgeable_cases(today)

    def purge_closed_cases(self, today: date) -> int:
        """Delete the closed cases past the retention period, from the copies too; how many went."""
        return self._parts.closing.purge_closed_cases(today)

    def delete_case(self, case_id: int, reason: str) -> None:
        """Delete a case created by mistake, with its history; the deletion itself is kept."""
        self._parts.closing.delete_case(case_id, reason)

    def deletion_reason(self, case_id: int, created_at: str | None) -> str | None:
        """Why the case (its id and creation time) was deleted, or None (not deleted, or unknown)."""
        return self._parts.closing.deletion_reason(case_id, created_at)

    def deletions(self) -> list[dict]:
        """The cases deleted as created by mistake, oldest first (no personal data)."""
        return self._parts.closing.deletions()

    def duplicate_open_cases(self) -> list[tuple[str, str, int]]:
        """(trial, FASIT number, count) for numbers open more than once (from before m006)."""
        return self._reads.duplicate_open_cases()

    def duplicate_open_case_ids(self) -> list[tuple[str, str, list[int]]]:
        """(trial, FASIT number, database ids) for each number open more than once in a trial."""
        return self._reads.duplicate_open_case_ids()

    # ------------------------------------------------------------ kept between runs (AppStatePart)

    def ics_state(self) -> tuple[str, ExportState]:
        """The database's calendar id and, per UID, the date and SEQUENCE last exported to .ics."""
        return self._parts.state.ics_state()

    def ics_sent_for(self) -> dict[str, str]:
        """Per UID, the caseworker (casefolded) whose own .ics export last sent its event."""
        return self._parts.state.ics_sent_for()

    def save_ics_state(self, state: ExportState, sent_for: dict[str, str] | None = None) -> None:
        """Keep the state of an .ics file once it is written (the next export raises SEQUENCE)."""
        self._parts.state.save_ics_state(state, sent_for)

    def _set_state(self, key: str, value: str) -> None:
        """Keep a value in app_state (evaluation_queries.py keeps its settings with it)."""
        self._parts.state.set_state(key, value)
