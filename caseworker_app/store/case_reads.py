"""Reading cases: one, some by id, or all — the last kept and patched with only what was written
since — and a case's history (the case-reading part of CaseStore)."""

from __future__ import annotations

from collections.abc import Iterable

from ..core.cases import ACTIVE, CaseRecord
from ..core.history import EventRow
from .case_list import READ_ORDER, CaseList, in_name_order
from .case_reading import CASE_COLUMNS, EVENT_COLUMNS
from .case_reading import records as case_records
from .changes import ChangeToken
from .connection import StoreConnection
from .errors import CaseNotFoundError
from .history import case_history, field_change_times

# More cases than this written at once (an import): read them all again rather than patch.
PATCH_LIMIT = 2000


class CaseReads:
    """The cases as stored; keeps the whole list between reads (brought up to date by changes_since)."""

    def __init__(self, db: StoreConnection):
        self._db = db
        self._key: ChangeToken | None = None
        self._cases = CaseList()

    def forget(self) -> None:
        """The file was reopened: read every case again."""
        self._key = None

    def list_cases(self, include_closed: bool = True) -> list[CaseRecord]:
        """Every case (or the active ones) with its current events, by name (core.collation.case_order)."""
        conn = self._db.connection()
        if conn.in_transaction:  # inside a batch: see its own uncommitted changes, cache nothing
            cases = self.load("", ())
        else:
            self._refresh()
            cases = self._cases.records
        return list(cases) if include_closed else [c for c in cases if c.status == ACTIVE]

    def _refresh(self) -> None:
        """Bring the kept case list up to date: nothing read when nothing was written, only the
        cases this store wrote after its own changes, every case after another program's."""
        changes = self._db.changes_since(self._key)  # the token first, then the reading
        if changes is None:
            return
        ids = changes.case_ids
        if (
            ids is None
            or self._key is None
            or len(ids) > PATCH_LIMIT
            or not self._cases.patch(ids, self._load_by_id(ids))
        ):
            self._cases = CaseList(self.load("", ()))
        self._key = changes.token

    def cases_by_id(self, case_ids: Iterable[int]) -> dict[int, CaseRecord]:
        """The cases with these ids as stored now; an id without a case (deleted) is left out."""
        ids = frozenset(case_ids)
        conn = self._db.connection()
        if not conn.in_transaction and self._key is not None and len(ids) <= PATCH_LIMIT:
            self._refresh()  # the kept list, brought up to date, answers without reading
            return {i: record for i in ids if (record := self._cases.by_id.get(i)) is not None}
        return self._load_by_id(ids)

    def _load_by_id(self, ids: frozenset[int]) -> dict[int, CaseRecord]:
        found: dict[int, CaseRecord] = {}
        numbers = sorted(i for i in ids if isinstance(i, int) and not isinstance(i, bool) and 0 < i < 2**63)
        for start in range(0, len(numbers), 500):  # SQLite limits the number of parameters
            chunk = numbers[start : start + 500]
            marks = ", ".join("?" * len(chunk))
            found.update((c.id, c) for c in self.load(f"WHERE id IN ({marks})", tuple(chunk)))
        return found

    def get_case(self, case_id: int) -> CaseRecord:
        """One case; CaseNotFoundError when there is none with that id."""
        self.check_id(case_id)
        found = self.load("WHERE id = ?", (case_id,))
        if not found:
            raise CaseNotFoundError(f"Sag nr. {case_id} findes ikke i databasen {self._db.path}.", case_id=case_id)
        return found[0]

    def created_at(self, case_id: int) -> str | None:
        """When the case with this id was created (None: there is none). SQLite gives a new case the
        id of a deleted newest one, so the id alone does not say it is the same case."""
        self.check_id(case_id)
        with self._db.read() as conn:
            row = conn.execute("SELECT created_at FROM cases WHERE id = ?", (case_id,)).fetchone()
        return row[0] if row else None

    def check_id(self, case_id: object) -> None:
        """CaseNotFoundError for an id no row can have (SQLite's integers are 64-bit)."""
        if isinstance(case_id, bool) or not isinstance(case_id, int) or not 0 < case_id < 2**63:
            raise CaseNotFoundError(f"Sag nr. {str(case_id)[:30]} findes ikke i databasen {self._db.path}.")

    def history(self, case_id: int) -> list[EventRow]:
        """Every row of the case's history, replaced rows and case changes too, newest first."""
        self.check_id(case_id)
        with self._db.read() as conn:
            rows = case_history(conn, case_id)
        if rows is None:
            raise CaseNotFoundError(f"Sag nr. {case_id} findes ikke i databasen {self._db.path}.", case_id=case_id)
        return rows

    def field_change_times(self) -> dict[int, dict[str, str]]:
        """When each case's fields were last set in the program (UTC created_at), by case id and field."""
        with self._db.read() as conn:
            return field_change_times(conn)

    def load(self, where: str, params: tuple) -> list[CaseRecord]:
        """The cases a WHERE clause on the cases table selects, with their dates and events, in
        name order (core.collation.case_order)."""
        subset = f"WHERE case_id IN (SELECT id FROM cases {where})" if where else ""
        with self._db.read() as conn:
            replaced = {
                row[0]
                for row in conn.execute(
                    f"SELECT replaces FROM events {subset} {'AND' if subset else 'WHERE'} replaces IS NOT NULL",
                    params,
                )
            }
            found = case_records(
                conn.execute(f"SELECT {CASE_COLUMNS} FROM cases {where} {READ_ORDER}", params),
                conn.execute(f"SELECT case_id, name, day FROM case_dates {subset}", params),
                conn.execute(f"SELECT {EVENT_COLUMNS} FROM events {subset} ORDER BY case_id, day, id", params),
                replaced,
            )
        return in_name_order(found)

    # Open cases sharing a FASIT number in a trial, saved before m006's unique index refused that
    # (the window's banner asks at every start: reading, so here, not with the writing parts).

    def duplicate_open_cases(self) -> list[tuple[str, str, int]]:
        """(trial, FASIT number, count) for numbers open more than once (from before m006)."""
        from .versions import duplicate_open_cases_sql, has_unique_open_cases_index

        with self._db.read() as conn:
            if has_unique_open_cases_index(conn):  # none can exist: no grouping of every case (40 ms at 100,000)
                return []
            return [tuple(row) for row in conn.execute(duplicate_open_cases_sql()).fetchall()]

    def duplicate_open_case_ids(self) -> list[tuple[str, str, list[int]]]:
        """(trial, FASIT number, database ids) for each number open more than once in a trial."""
        from .versions import duplicate_open_cases_sql, has_unique_open_cases_index

        with self._db.read() as conn:
            if has_unique_open_cases_index(conn):
                return []
            groups = conn.execute(duplicate_open_cases_sql()).fetchall()
            return [
                (
                    trial_id,
                    case_ref,
                    [
                        row[0]
                        for row in conn.execute(
                            "SELECT id FROM cases WHERE status = 'aktiv' AND trial_id = ? AND case_ref = ? ORDER BY id",
                            (trial_id, case_ref),
                        )
                    ],
                )
                for trial_id, case_ref, _count in sorted(groups)
            ]
