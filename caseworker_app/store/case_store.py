"""The case database: cases, their append-only history, settings and trial overrides."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from pathlib import Path

from ..core.cases import (
    ACTIVE,
    CLOSED,
    CaseDeadline,
    CaseProblem,
    CaseRecord,
    deadlines_for_cases,
    uncomputable_cases,
)
from ..core.catalog import DATE_NAMES, Trial, load_catalog
from ..core.cpr import mask_cpr, normalize_cpr
from ..core.history import (
    CANCELLED,
    CASE_CHANGED,
    CASE_CLOSED,
    CASE_CREATED,
    CASE_REOPENED,
    JOURNAL_NOTE,
    EventRow,
)
from ..core.overrides import TrialOverride, apply_overrides, override_errors
from ..core.settings import Settings, settings_errors
from ..core.text import normalize_text, text_error, text_errors
from ..core.validation import case_errors, close_errors, event_errors, parse_case_dates
from ..core.workdays import fmt, parse_date
from .app_state import AppStateMixin
from .case_list import ORDER_BY, CaseList
from .case_reading import CASE_COLUMNS, EVENT_COLUMNS, stored_day
from .case_reading import records as case_records
from .changes import CaseChanges, ChangeLog, ChangeToken
from .errors import CaseNotFoundError, StoreError, ValidationError
from .import_batches import ImportBatchMixin
from .note_store import NoteStoreMixin
from .opening import open_database, store_error

_log = logging.getLogger(__name__)

CASE_FIELDS = ("citizen", "case_ref", "trial_id", "caseworker", "cpr", "note", "dates")
FIELD_LABELS_DA = {
    "citizen": "borger",
    "case_ref": "sagsnummer",
    "trial_id": "forsøg",
    "caseworker": "sagsbehandler",
    "cpr": "CPR-nummer",
    "note": "bemærkning",
    "status": "status",
    **DATE_NAMES,
}
# More cases than this written at once (an import): read them all again rather than patch.
PATCH_LIMIT = 2000


@lru_cache(maxsize=1)
def shipped_catalog() -> dict[str, Trial]:
    """The catalog shipped in resources/trials, loaded once per process."""
    return load_catalog()


_DUPLICATE_TEXT = "Sagsnummeret findes allerede som åben sag i dette forsøg"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _day(value: object, field: str = "day") -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    try:
        return parse_date(str(value))
    except ValueError as exc:
        raise ValidationError({field: str(exc)}) from None


class CaseStore(NoteStoreMixin, AppStateMixin, ImportBatchMixin):
    """One open case database; each change is one transaction; two copies may share the file."""

    def __init__(
        self,
        path: Path | str,
        *,
        catalog: Mapping[str, Trial] | None = None,
        clock: Callable[[], date] = date.today,
        read_only: bool = False,
    ):
        from .backup import is_backup_path

        self.path = Path(path)
        # A copy (sikkerhedskopier/, .bak-N) is never written: restore it instead.
        self.read_only = read_only or is_backup_path(self.path)
        self.clock = clock  # 'today' for validation and the dates of case changes
        self._base_catalog = dict(catalog) if catalog is not None else None
        self._catalog_key: tuple | None = None
        self._catalog: dict[str, Trial] = {}
        self._settings: Settings | None = None
        self._writes = ChangeLog()  # this store's write transactions and the cases each wrote
        self._cases_key: ChangeToken | None = None
        self._cases = CaseList()
        self._conn = open_database(self.path, read_only=self.read_only, immutable=is_backup_path(self.path))
        self._db_wrapper = None
        self._savepoints = 0

    # ------------------------------------------------------------ plumbing

    def close(self) -> None:
        """Close the database (idempotent)."""
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def reopen(self) -> None:
        """Open the file again (after a restore put an older copy in place): migrated, no caches."""
        from .backup import is_backup_path

        conn = open_database(self.path, read_only=self.read_only, immutable=is_backup_path(self.path))
        self.close()
        self._conn, self._db_wrapper = conn, None
        self._catalog_key = self._cases_key = self._settings = None
        self._writes.reopened()

    def __enter__(self) -> CaseStore:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def _connection(self) -> sqlite3.Connection:
        if self._conn is None:
            raise StoreError(f"Databasen {self.path} er lukket.")
        return self._conn

    @contextmanager
    def _guard(self) -> Iterator[None]:
        try:
            yield
        except sqlite3.Error as exc:
            raise store_error(self.path, exc) from exc

    @contextmanager
    def batch(self) -> Iterator[CaseStore]:
        """Group several changes into one transaction: all are saved or none."""
        conn = self._connection()
        with self._guard():
            if conn.in_transaction:
                # Inside another batch: a savepoint, so that a failing part undoes only itself.
                self._savepoints += 1
                savepoint = f"batch_{self._savepoints}"
                conn.execute(f"SAVEPOINT {savepoint}")
                try:
                    yield self
                except BaseException:
                    if conn.in_transaction:  # an error may have ended the whole transaction
                        conn.execute(f"ROLLBACK TO SAVEPOINT {savepoint}")
                        conn.execute(f"RELEASE SAVEPOINT {savepoint}")
                    raise
                conn.execute(f"RELEASE SAVEPOINT {savepoint}")
            else:
                # Take the write lock at once: waits for another copy (busy timeout), no deadlock.
                conn.execute("BEGIN IMMEDIATE")
                self._writes.begin(conn.total_changes)
                committed = False
                try:
                    yield self
                    committed = True
                except BaseException:
                    conn.rollback()
                    raise
                finally:
                    self._writes.end(committed, conn.total_changes)
                conn.commit()

    @contextmanager
    def _writing(self, *case_ids: int) -> Iterator[set[int]]:
        """A write method's transaction (batch), declaring the cases it writes (changes_since);
        add to the set it yields what is known only later (a new case's id)."""
        with self.batch(), self._writes.claim(self._connection(), case_ids) as written:
            yield written

    # ------------------------------------------------------------ what changed

    @property
    def _changes(self) -> int:
        """This store's write counter (two a transaction): for tests that count writes."""
        return self._writes.writes

    def change_token(self) -> ChangeToken:
        """This moment: compare with a later token, or pass it to changes_since (one PRAGMA)."""
        with self._guard():
            version = self._connection().execute("PRAGMA data_version").fetchone()[0]
        return ChangeToken(version, self._writes.writes)

    def changes_since(self, token: ChangeToken | None) -> CaseChanges | None:
        """None when nothing was written since token; else the cases written, or "anything".

        Anything: another program wrote (which cases is not known), the file was restored, or
        a write of this store declared no cases. Take the token before reading what it guards:
        a write landing between the two is then reported, never missed.
        """
        current = self.change_token()
        if current == token:
            return None
        if token is None or token.data_version != current.data_version:
            return CaseChanges(current, None)
        return CaseChanges(current, self._writes.since(token.writes))

    @contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        conn = self._connection()
        with self._guard():
            if conn.in_transaction:
                yield conn
            else:
                conn.execute("BEGIN")  # one snapshot for the several queries of a read
                try:
                    yield conn
                finally:
                    conn.commit()

    @property
    def _db(self):
        """sqlite-utils' view of the connection (tests of the schema); the store writes plain SQL."""
        if self._db_wrapper is None:
            from sqlite_utils import Database

            self._db_wrapper = Database(self._connection(), execute_plugins=False)
        return self._db_wrapper

    def _insert(self, table: str, record: dict) -> int:
        """Insert one row; its id. Plain SQL: a save never imports sqlite-utils (start-up time)."""
        columns = ", ".join(f'"{name}"' for name in record)
        marks = ", ".join("?" * len(record))
        row_id = (
            self._connection()
            .execute(f'INSERT INTO "{table}" ({columns}) VALUES ({marks})', tuple(record.values()))
            .lastrowid
        )
        assert row_id is not None  # sqlite3 sets it after every INSERT
        return row_id

    def _created_by(self) -> str:
        return self.settings().caseworker_name if self._settings is None else self._settings.caseworker_name

    # ------------------------------------------------------------ cases

    def list_cases(self, include_closed: bool = True) -> list[CaseRecord]:
        """Every case (or the active ones) with its current events, sorted by citizen name."""
        conn = self._connection()
        if conn.in_transaction:  # inside a batch: see its own uncommitted changes, cache nothing
            cases = self._load_cases("", ())
        else:
            self._refresh_cases()
            cases = self._cases.records
        return list(cases) if include_closed else [c for c in cases if c.status == ACTIVE]

    def _refresh_cases(self) -> None:
        """Bring the kept case list up to date: nothing read when nothing was written, only the
        cases this store wrote after its own changes, every case after another program's."""
        changes = self.changes_since(self._cases_key)  # the token first, then the reading
        if changes is None:
            return
        ids = changes.case_ids
        if (
            ids is None
            or self._cases_key is None
            or len(ids) > PATCH_LIMIT
            or not self._cases.patch(ids, self._load_by_id(ids))
        ):
            self._cases = CaseList(self._load_cases("", ()))
        self._cases_key = changes.token

    def cases_by_id(self, case_ids: Iterable[int]) -> dict[int, CaseRecord]:
        """The cases with these ids as stored now; an id without a case (deleted) is left out."""
        ids = frozenset(case_ids)
        conn = self._connection()
        if not conn.in_transaction and self._cases_key is not None and len(ids) <= PATCH_LIMIT:
            self._refresh_cases()  # the kept list, brought up to date, answers without reading
            return {i: record for i in ids if (record := self._cases.by_id.get(i)) is not None}
        return self._load_by_id(ids)

    def _load_by_id(self, ids: frozenset[int]) -> dict[int, CaseRecord]:
        found: dict[int, CaseRecord] = {}
        numbers = sorted(i for i in ids if isinstance(i, int) and not isinstance(i, bool) and 0 < i < 2**63)
        for start in range(0, len(numbers), 500):  # SQLite limits the number of parameters
            chunk = numbers[start : start + 500]
            marks = ", ".join("?" * len(chunk))
            found.update((c.id, c) for c in self._load_cases(f"WHERE id IN ({marks})", tuple(chunk)))
        return found

    def get_case(self, case_id: int) -> CaseRecord:
        """One case; CaseNotFoundError when there is none with that id."""
        self._check_id(case_id)
        found = self._load_cases("WHERE id = ?", (case_id,))
        if not found:
            raise CaseNotFoundError(f"Sag nr. {case_id} findes ikke i databasen {self.path}.")
        return found[0]

    def _check_id(self, case_id: object) -> None:
        """CaseNotFoundError for an id no row can have (SQLite's integers are 64-bit)."""
        if isinstance(case_id, bool) or not isinstance(case_id, int) or not 0 < case_id < 2**63:
            raise CaseNotFoundError(f"Sag nr. {str(case_id)[:30]} findes ikke i databasen {self.path}.")

    def _load_cases(self, where: str, params: tuple) -> list[CaseRecord]:
        subset = f"WHERE case_id IN (SELECT id FROM cases {where})" if where else ""
        with self._read() as conn:
            replaced = {
                row[0]
                for row in conn.execute(
                    f"SELECT replaces FROM events {subset} {'AND' if subset else 'WHERE'} replaces IS NOT NULL",
                    params,
                )
            }
            return case_records(
                conn.execute(f"SELECT {CASE_COLUMNS} FROM cases {where} {ORDER_BY}", params),
                conn.execute(f"SELECT case_id, name, day FROM case_dates {subset}", params),
                conn.execute(f"SELECT {EVENT_COLUMNS} FROM events {subset} ORDER BY case_id, day, id", params),
                replaced,
            )

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
        today = self.clock()
        citizen, case_ref, caseworker, note = (normalize_text(v) for v in (citizen, case_ref, caseworker, note))
        errors = text_errors({"caseworker": caseworker, "note": note}, multiline={"note"})
        errors |= case_errors(
            self.catalog(),
            citizen=citizen,
            case_ref=case_ref,
            trial_id=trial_id,
            dates=dates,
            cpr=cpr,
            today=today,
        )
        if errors:
            raise ValidationError(errors)
        parsed, _ = parse_case_dates(dates)
        now = _now()
        record = {
            "citizen": citizen.strip(),
            "case_ref": case_ref.strip(),
            "trial_id": trial_id,
            "cpr": normalize_cpr(cpr, today) if cpr else None,
            "caseworker": (caseworker or "").strip(),
            "status": ACTIVE,
            "note": note or "",
            "created_at": now,
            "updated_at": now,
        }
        summary = f"Forsøg {trial_id}; " + ", ".join(f"{DATE_NAMES.get(n, n)} {fmt(d)}" for n, d in parsed.items())
        with self._writing() as written:
            # Inside the write transaction: another copy cannot save the same case in between.
            self._check_duplicate(errors, case_ref, trial_id)
            if errors:
                raise ValidationError(errors)
            try:
                case_id = self._insert("cases", record)
                written.add(case_id)
            except sqlite3.IntegrityError:  # the unique index of m006 (open cases)
                self._check_duplicate(errors, case_ref, trial_id)
                raise ValidationError(errors or {"case_ref": _DUPLICATE_TEXT}) from None
            for name, day in parsed.items():
                self._insert("case_dates", {"case_id": case_id, "name": name, "day": day.isoformat()})
            self._change(case_id, CASE_CREATED, "", None, summary, today, now)
        return case_id

    def _change(
        self,
        case_id: int,
        action: str,
        field: str,
        old: str | None,
        new: str | None,
        day: date,
        now: str,
    ) -> None:
        self._insert(
            "case_changes",
            {
                "case_id": case_id,
                "action": action,
                "field": field,
                "old_value": old,
                "new_value": new,
                "day": day.isoformat(),
                "created_at": now,
                "created_by": self._created_by(),
            },
        )

    def _check_duplicate(self, errors: dict[str, str], case_ref: str, trial_id: str, own_id: int | None = None) -> None:
        """The same FASIT case in the same trial twice would show one citizen as two cases."""
        if "case_ref" in errors or "trial_id" in errors or not (case_ref or "").strip():
            return
        row = (
            self._connection()
            .execute(
                "SELECT id, citizen FROM cases WHERE case_ref = ? AND trial_id = ? AND id IS NOT ? LIMIT 1",
                (case_ref.strip(), trial_id, own_id),
            )
            .fetchone()
        )
        if row is not None:
            errors["case_ref"] = (
                f"Sagsnummeret {case_ref.strip()} findes allerede i forsøg {trial_id} (sag nr. {row[0]}: {row[1]})"
            )

    def update_case(self, case_id: int, **fields) -> None:
        """Change fields: citizen, case_ref, trial_id, caseworker, cpr, note, dates (all of them).

        Each changed field is recorded in the history; ValidationError leaves the case as it was.
        """
        unknown = set(fields) - set(CASE_FIELDS)
        if unknown:
            raise TypeError(f"update_case() got unknown fields: {', '.join(sorted(unknown))}")
        today = self.clock()
        with self._writing(case_id):
            case = self.get_case(case_id)
            new = {
                "citizen": fields.get("citizen", case.citizen),
                "case_ref": fields.get("case_ref", case.case_ref),
                "trial_id": fields.get("trial_id", case.trial_id),
                "caseworker": fields.get("caseworker", case.caseworker),
                "cpr": fields.get("cpr", case.cpr),
                "note": fields.get("note", case.note),
            }
            raw_dates = fields.get("dates", case.dates)
            new = {k: normalize_text(v) if isinstance(v, str) else v for k, v in new.items()}
            errors = text_errors({"caseworker": new["caseworker"], "note": new["note"]}, multiline={"note"})
            errors |= case_errors(
                self.catalog(),
                citizen=new["citizen"],
                case_ref=new["case_ref"],
                trial_id=new["trial_id"],
                dates=raw_dates,
                cpr=new["cpr"],
                today=today,
                events=case.events,
            )
            self._check_duplicate(errors, new["case_ref"], new["trial_id"], case_id)
            if errors:
                raise ValidationError(errors)
            new_dates, _ = parse_case_dates(raw_dates)
            new["citizen"], new["case_ref"] = new["citizen"].strip(), new["case_ref"].strip()
            new["caseworker"] = (new["caseworker"] or "").strip()
            new["cpr"] = normalize_cpr(new["cpr"], today) if new["cpr"] else None
            new["note"] = new["note"] or ""
            now = _now()
            changed = {k: v for k, v in new.items() if v != getattr(case, k)}
            for name, value in changed.items():
                old = getattr(case, name)
                if name == "cpr":
                    old, value = mask_cpr(old) or None, mask_cpr(value) or None
                self._change(case_id, CASE_CHANGED, name, old, value, today, now)
            for name in sorted(set(case.dates) | set(new_dates)):
                old_day, new_day = case.dates.get(name), new_dates.get(name)
                if old_day == new_day:
                    continue
                if new_day is None:
                    self._connection().execute("DELETE FROM case_dates WHERE case_id = ? AND name = ?", (case_id, name))
                else:
                    self._connection().execute(
                        "INSERT INTO case_dates (case_id, name, day) VALUES (?, ?, ?) "
                        "ON CONFLICT (case_id, name) DO UPDATE SET day = excluded.day",
                        (case_id, name, new_day.isoformat()),
                    )
                self._change(
                    case_id,
                    CASE_CHANGED,
                    name,
                    old_day and old_day.isoformat(),
                    new_day and new_day.isoformat(),
                    today,
                    now,
                )
                changed[name] = new_day
            if changed:
                assignments = ", ".join(f"{k} = ?" for k in new)
                self._connection().execute(
                    f"UPDATE cases SET {assignments}, updated_at = ? WHERE id = ?",
                    (*new.values(), now, case_id),
                )

    # ------------------------------------------------------------ events

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
    ) -> int:
        """Register an event (with replaces: a correction of an earlier row) and return its id."""
        today = self.clock()
        day = _day(day)
        with self._writing(case_id):
            case = self.get_case(case_id)
            trial = self._trial_of(case)
            if case.status != ACTIVE:
                raise ValidationError({"status": "Sagen er afsluttet. Genåbn den for at registrere hændelser."})
            errors = event_errors(
                trial,
                case.dates,
                day=day,
                kind=kind,
                form=form or None,
                initiated_by=initiated_by or None,
                full_followup=full_followup,
                today=today,
            )
            text = normalize_text(text)
            errors |= text_errors({"text": text}, multiline={"text"})
            if replaces is not None:
                problem = self._replace_problem(case_id, replaces)
                if problem:
                    errors["replaces"] = problem
            if errors:
                raise ValidationError(errors)
            assert day is not None  # event_errors names a missing date
            return self._insert(
                "events",
                {
                    "case_id": case_id,
                    "day": day.isoformat(),
                    "kind": kind,
                    "form": form or None,
                    "initiated_by": initiated_by or None,
                    "full_followup": int(bool(full_followup)),
                    "text": text or "",
                    "replaces": replaces,
                    "created_at": _now(),
                    "created_by": self._created_by(),
                },
            )

    def cancel_event(self, case_id: int, event_id: int, *, text: str = "") -> int:
        """Withdraw an event registered by mistake: a new row replaces it; the old row stays."""
        with self._writing(case_id):
            case = self.get_case(case_id)
            if case.status != ACTIVE:
                raise ValidationError({"status": "Sagen er afsluttet. Genåbn den for at rette hændelser."})
            problem = self._replace_problem(case_id, event_id)
            if problem:
                raise ValidationError({"replaces": problem})
            text = normalize_text(text)
            if text_errors({"text": text}, multiline={"text"}):
                raise ValidationError(text_errors({"text": text}, multiline={"text"}))
            return self._insert(
                "events",
                {
                    "case_id": case_id,
                    "day": self.clock().isoformat(),
                    "kind": CANCELLED,
                    "form": None,
                    "initiated_by": None,
                    "full_followup": 0,
                    "text": text or "",
                    "replaces": event_id,
                    "created_at": _now(),
                    "created_by": self._created_by(),
                },
            )

    def _replace_problem(self, case_id: int, event_id: int) -> str | None:
        row = self._connection().execute("SELECT case_id, kind FROM events WHERE id = ?", (event_id,)).fetchone()
        if row is None or row[0] != case_id:
            return f"Hændelse nr. {event_id} findes ikke på denne sag"
        if row[1] == CANCELLED:
            return "En annullering kan ikke rettes; registrér hændelsen igen"
        later = self._connection().execute("SELECT id FROM events WHERE replaces = ?", (event_id,)).fetchone()
        if later is not None:
            return f"Hændelse nr. {event_id} er allerede rettet (af nr. {later[0]}); ret den nyeste"
        return None

    def _trial_of(self, case: CaseRecord) -> Trial:
        trial = self.catalog().get(case.trial_id)
        if trial is None:
            raise ValidationError({"trial_id": f"Forsøg '{case.trial_id}' findes ikke i kataloget"})
        return trial

    def history(self, case_id: int) -> list[EventRow]:
        """Every row of the case's history, replaced rows and case changes too, newest first."""
        self._check_id(case_id)
        with self._read() as conn:
            if conn.execute("SELECT 1 FROM cases WHERE id = ?", (case_id,)).fetchone() is None:
                raise CaseNotFoundError(f"Sag nr. {case_id} findes ikke i databasen {self.path}.")
            events = conn.execute(
                "SELECT id, day, kind, form, initiated_by, full_followup, text, replaces, "
                "created_at, created_by "
                "FROM events WHERE case_id = ?",
                (case_id,),
            ).fetchall()
            changes = conn.execute(
                "SELECT id, action, field, old_value, new_value, day, created_at, created_by "
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
                text=_change_text(r[1], r[2], r[3], r[4]),
                created_at=r[6],
                created_by=r[7],
                is_case_change=True,
                situation=r[2] if r[1] == JOURNAL_NOTE else None,
            )
            for r in changes
        ]
        rows.sort(key=lambda row: (row.day, row.created_at, row.is_case_change, row.id), reverse=True)
        return rows

    # ------------------------------------------------------------ closing

    def close_case(self, case_id: int, *, reason: str, day: date | None, text: str = "") -> None:
        """Close a case with a reason from END_REASONS ('andet' needs text); no deadlines after."""
        today = self.clock()
        day = _day(day)
        with self._writing(case_id):
            case = self.get_case(case_id)
            if case.status == CLOSED:
                raise ValidationError({"status": "Sagen er allerede afsluttet"})
            errors = close_errors(
                self.catalog().get(case.trial_id),
                case.dates,
                reason=reason,
                text=text,
                day=day,
                today=today,
            )
            text = normalize_text(text)
            errors |= text_errors({"text": text}, multiline={"text"})
            reopened = (
                self._connection()
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
            if errors:
                raise ValidationError(errors)
            assert day is not None  # close_errors names a missing date
            now = _now()
            text = (text or "").strip()
            self._connection().execute(
                "UPDATE cases SET status = ?, end_reason = ?, end_text = ?, closed_on = ?, updated_at = ? WHERE id = ?",
                (CLOSED, reason, text, day.isoformat(), now, case_id),
            )
            self._change(
                case_id,
                CASE_CLOSED,
                "status",
                case.status,
                f"{reason}: {text}" if text else reason,
                day,
                now,
            )

    def reopen_case(self, case_id: int) -> None:
        """Make a closed case active again; the closing stays in its history."""
        with self._writing(case_id):
            case = self.get_case(case_id)
            if case.status != CLOSED:
                raise ValidationError({"status": "Sagen er ikke afsluttet"})
            now = _now()
            try:
                self._connection().execute(
                    "UPDATE cases SET status = ?, end_reason = '', end_text = '', closed_on = NULL, "
                    "updated_at = ? "
                    "WHERE id = ?",
                    (ACTIVE, now, case_id),
                )
            except sqlite3.IntegrityError:  # the unique index of m006: the number is open again
                raise ValidationError({"case_ref": _DUPLICATE_TEXT}) from None
            self._change(case_id, CASE_REOPENED, "status", case.end_reason, ACTIVE, self.clock(), now)

    def purgeable_cases(self, today: date) -> list[int]:
        """Ids of closed cases whose retention period (a setting; none: never) has run out."""
        retention = self.settings().retention_days
        if retention is None:
            return []
        last_day = (today - timedelta(days=retention)).isoformat()
        with self._read() as conn:
            rows = conn.execute(
                "SELECT id FROM cases WHERE status = ? AND closed_on IS NOT NULL AND closed_on <= ? ORDER BY id",
                (CLOSED, last_day),
            ).fetchall()
        return [row[0] for row in rows]

    def purge_closed_cases(self, today: date) -> int:
        """Delete, with all their history, the closed cases past the retention period (decisions.md 10).

        Personal data is not kept longer than the municipality decided; returns how many went.
        """
        with self._writing() as written:
            ids = self.purgeable_cases(today)
            written.update(ids)
            for case_id in ids:
                # One statement per table: the events' self-references are checked per statement.
                for table in ("case_dates", "events", "case_changes"):
                    self._connection().execute(f"DELETE FROM {table} WHERE case_id = ?", (case_id,))
                self._connection().execute("DELETE FROM cases WHERE id = ?", (case_id,))
        _log.info("purged %d closed cases past the retention period", len(ids))
        retention = self.settings().retention_days
        if retention is not None:  # the copies must not keep what the database no longer may
            from .backup import purge_copies, retention_last_day

            removed, failed = purge_copies(self.path, retention_last_day(today, retention))
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
        with self._writing(case_id):
            case = self.get_case(case_id)
            created = self._connection().execute("SELECT created_at FROM cases WHERE id = ?", (case_id,)).fetchone()
            self._insert(
                "deletions",
                {
                    "case_id": case.id,
                    "trial_id": case.trial_id,
                    "reason": reason,
                    "case_created_at": created[0] if created else None,
                    "deleted_at": _now(),
                    "deleted_by": self._created_by(),
                },
            )
            for table in ("case_dates", "events", "case_changes"):
                self._connection().execute(f"DELETE FROM {table} WHERE case_id = ?", (case_id,))
            self._connection().execute("DELETE FROM cases WHERE id = ?", (case_id,))
        _log.info("deleted case %d (created by mistake)", case_id)

    def deletions(self) -> list[dict]:
        """The cases deleted as created by mistake, oldest first (no personal data)."""
        with self._read() as conn:
            rows = conn.execute(
                "SELECT case_id, trial_id, reason, case_created_at, deleted_at, deleted_by FROM deletions ORDER BY id"
            ).fetchall()
        keys = ("case_id", "trial_id", "reason", "case_created_at", "deleted_at", "deleted_by")
        return [dict(zip(keys, row, strict=True)) for row in rows]

    def duplicate_open_cases(self) -> list[tuple[str, str, int]]:
        """(trial, FASIT number, count) for numbers open more than once (from before m006)."""
        from .versions import duplicate_open_cases_sql

        with self._read() as conn:
            return [tuple(row) for row in conn.execute(duplicate_open_cases_sql()).fetchall()]

    def duplicate_open_case_ids(self) -> list[tuple[str, str, list[int]]]:
        """(trial, FASIT number, database ids) for each number open more than once in a trial."""
        from .versions import duplicate_open_cases_sql

        with self._read() as conn:
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

    # ------------------------------------------------------------ settings

    def settings(self) -> Settings:
        """The settings stored in the database (defaults for any not yet saved)."""
        with self._read() as conn:
            stored = dict(conn.execute("SELECT key, value FROM settings").fetchall())
        self._settings = Settings.from_strings(stored)
        return self._settings

    def save_settings(self, settings: Settings) -> None:
        """Save every setting in one transaction; ValidationError for values out of range."""
        errors = settings_errors(settings)
        if errors:
            raise ValidationError(errors)
        with self._writing():  # no case: who shows the cases reads the settings again
            self._connection().executemany(
                "INSERT INTO settings (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                list(settings.to_strings().items()),
            )
        self._settings = replace(settings)

    # ------------------------------------------------------------ trials

    def overrides(self) -> list[TrialOverride]:
        """The municipality's changes to trials, oldest first (never changed or deleted)."""
        with self._read() as conn:
            rows = conn.execute(
                "SELECT id, trial_id, field, value, source, created_at, created_by FROM overrides ORDER BY id"
            ).fetchall()
        return [
            TrialOverride(
                id=r[0],
                trial_id=r[1],
                field=r[2],
                value=r[3],
                source=r[4],
                created_at=r[5],
                created_by=r[6],
            )
            for r in rows
        ]

    def add_override(self, trial_id: str, field: str, value: object, source: str) -> int:
        """Record a change to a trial's end, extension, citation, paragraph or marking."""
        with self._writing():  # no case: who shows the cases reads the catalog again (catalog_key)
            source = normalize_text(source)
            errors, stored = override_errors(self.catalog(), trial_id, field, value, source)
            errors = text_errors({"source": source}, multiline={"source"}) | errors
            if errors:
                raise ValidationError(errors)
            return self._insert(
                "overrides",
                {
                    "trial_id": trial_id,
                    "field": field,
                    "value": stored,
                    "source": source.strip(),
                    "created_at": _now(),
                    "created_by": self._created_by(),
                },
            )

    def catalog(self) -> dict[str, Trial]:
        """The shipped catalog with this database's overrides applied."""
        with self._read() as conn:
            key = conn.execute("SELECT count(*), max(id) FROM overrides").fetchone()
        if key != self._catalog_key:
            base = self._base_catalog if self._base_catalog is not None else shipped_catalog()
            try:
                self._catalog = apply_overrides(base, self.overrides())
            except (TypeError, ValueError, KeyError):  # a row written by another program or damage
                raise StoreError(
                    f"Kommunens ændringer af forsøgene i databasen {self.path} kan ikke læses: en "
                    "ændring er gemt i et forkert format. Gendan en sikkerhedskopi (Filer › "
                    "Sikkerhedskopier), eller kontakt IT."
                ) from None
            self._catalog_key = key
        return self._catalog

    # ------------------------------------------------------------ deadlines

    def deadlines(self, today: date) -> list[CaseDeadline]:
        """Every deadline of every active case, as the window and `deadlines` command show."""
        return deadlines_for_cases(
            self.list_cases(False), self.catalog(), today, warning_days=self.settings().warning_days
        )

    def uncomputable(self) -> list[CaseProblem]:
        """The cases deadlines() cannot compute (missing trial, damaged status or date), and why."""
        return uncomputable_cases(self.list_cases(), self.catalog())


def _change_text(action: str, field: str, old: str | None, new: str | None) -> str:
    """A case change as one Danish line for the history."""
    if action == CASE_CREATED:
        return new or ""
    if action == CASE_CLOSED:
        return f"Årsag: {new}"
    if action == CASE_REOPENED:
        return f"Tidligere årsag: {old}" if old else ""
    if action == JOURNAL_NOTE:
        return new or ""
    label = FIELD_LABELS_DA.get(field, field)
    if field in DATE_NAMES:
        old, new = (
            fmt(date.fromisoformat(old)) if old else None,
            fmt(date.fromisoformat(new)) if new else None,
        )
    return f"{label[0].upper()}{label[1:]}: {old or '–'} → {new or '–'}"
