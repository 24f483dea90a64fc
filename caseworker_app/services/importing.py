"""Import of a caseworker's own case list (.xlsx or .csv): the one API the window and the command
line use. No Qt; every message is Danish.

The steps, in order::

    table = read_source(path)                              # ImportFileError: the file cannot be read
    mapping = guess_mapping(table.headers, remembered_mapping(store))
    mapping = mapping.with_field(3, "hire")                # the user corrects a column (optional)
    mapping = mapping.with_default_trial("T08")            # one trial for rows that name none
    preview = build_preview(store, table, mapping, today)  # nothing is saved
    preview.rows[i].draft / .errors / .duplicate_of / .changes / .first_deadline
    result = save_import(store, preview, only_valid=False, duplicates="skip")
    remember_mapping(store, mapping)
    ...
    import_batches(store)                                  # the history of imports, newest first
    undo_problem(store, batch_id)                          # why "Fortryd import" cannot, or None
    undo_import(store, batch_id)                           # ImportUndoError when a case changed

read_source(path, *, sheet=None, header_row=None) -> SourceTable
    The rows under the header row (found in the first 10 rows that are not empty); row numbers as
    the spreadsheet shows them. Files of 50 MB or more, sheets of more than 100,000 rows, damaged,
    encrypted or binary files: ImportFileError, before the whole file is read.
guess_mapping(headers, remembered=None) -> ColumnMapping
    The field of each column (IMPORT_FIELDS; FIELD_LABELS has their Danish labels): the one
    remembered for its header, else the one its header names ("Navn", "CPR-nr.", "Ansat" ...).
build_preview(store, table, mapping, today) -> ImportPreview
    Each row as it will be saved (ImportRow): the case (draft), its faults (errors, each naming
    row and column), the existing case with the same FASIT number and trial (duplicate_of), what
    updating that case would change (changes, update_errors) and the case's first deadline, from
    the same function as the window's deadlines (core.cases.deadlines_for_cases).
save_import(store, preview, *, only_valid=False, duplicates="skip") -> ImportResult
    One transaction. ImportRefusedError (nothing saved) while a row is wrong, unless only_valid;
    duplicates "skip" leaves existing cases alone, "update" gives them the row's values (empty
    cells change nothing; closed cases are never updated). ImportConflictError (nothing saved) when
    the database changed since the preview: build it again.
undo_import(store, batch_id) -> UndoResult
    The import's new cases deleted (kept as deletions without personal data), its updated cases
    given their earlier values, its follow-ups withdrawn; refused when one has changed since.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from types import MappingProxyType
from typing import TYPE_CHECKING

from ..core.cases import CLOSED, CaseRecord, deadlines_for_cases
from ..core.cpr import mask_cpr
from ..core.import_mapping import (
    FIELD_LABELS,
    IMPORT_FIELDS,
    LAST_FOLLOWUP,
    ColumnMapping,
    fold_header,
    mapping_errors,
)
from ..core.import_mapping import guess_mapping as _guess_mapping
from ..core.import_read import read_source
from ..core.import_rows import CaseDraft, RowError, draft_errors, draft_row
from ..core.import_table import ImportFileError, SourceTable
from ..core.schedule import Deadline, Event
from ..core.terms import DATE_NAMES
from ..core.text import count_text
from ..core.workdays import fmt
from ..store.import_batches import (
    CaseUpdate,
    ImportBatch,
    ImportConflictError,
    ImportUndoError,
    NewCase,
)

if TYPE_CHECKING:  # a type only: no import of the store when this module loads
    from ..store.case_store import CaseStore

__all__ = [
    "DUPLICATE_CHOICES",
    "FIELD_LABELS",
    "IMPORT_FIELDS",
    "ColumnMapping",
    "FieldChange",
    "ImportBatch",
    "ImportConflictError",
    "ImportFileError",
    "ImportPreview",
    "ImportRefusedError",
    "ImportResult",
    "ImportRow",
    "ImportUndoError",
    "RowError",
    "SKIP",
    "SourceTable",
    "UPDATE",
    "UndoResult",
    "build_preview",
    "fold_header",
    "guess_mapping",
    "import_batches",
    "read_source",
    "remember_mapping",
    "remembered_mapping",
    "save_import",
    "undo_import",
    "undo_problem",
]

SKIP, UPDATE = "skip", "update"
DUPLICATE_CHOICES = (SKIP, UPDATE)
_UPDATABLE = ("citizen", "cpr", "caseworker", "note")  # FASIT number and trial identify the case


class ImportRefusedError(Exception):
    """save_import would save part of a list, or nothing can be imported; Danish message."""


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One value an update changes, as the preview shows it: 'Ansættelse …: 01-03-2024 → 01-04-2024'."""

    field: str
    label: str
    old: str
    new: str


@dataclass(frozen=True)
class ImportRow:
    """One row of the list as it will be saved."""

    number: int  # the spreadsheet's row number
    draft: CaseDraft
    errors: tuple[RowError, ...] = ()
    duplicate_of: int | None = None  # the existing case with this FASIT number and trial
    duplicate_closed: bool = False  # that case is closed: an import never updates it
    changes: tuple[FieldChange, ...] = ()  # what duplicates="update" changes (empty: nothing new)
    update_errors: tuple[RowError, ...] = ()  # why that update cannot be saved
    first_deadline: Deadline | None = None  # the case's earliest deadline once saved (or updated)

    @property
    def ok(self) -> bool:
        """The row can be saved as a new case, or skipped as a duplicate."""
        return not self.errors

    def saved_with(self, duplicates: str) -> bool:
        """Whether save_import writes something for this row (a new case or an update)."""
        if not self.ok:
            return False
        if self.duplicate_of is None:
            return True
        return duplicates == UPDATE and not self.duplicate_closed and bool(self.changes) and not self.update_errors

    def faults(self, duplicates: str) -> tuple[RowError, ...]:
        """The row's faults when saved with this choice of duplicates."""
        if duplicates == UPDATE and self.duplicate_of is not None and not self.duplicate_closed:
            return self.errors + self.update_errors
        return self.errors


@dataclass(frozen=True)
class ImportPreview:
    """The whole list as it will be saved; nothing has been saved."""

    table: SourceTable
    mapping: ColumnMapping
    today: date
    rows: tuple[ImportRow, ...]
    mapping_errors: tuple[str, ...] = ()

    @property
    def new_rows(self) -> list[ImportRow]:
        return [r for r in self.rows if r.ok and r.duplicate_of is None]

    @property
    def duplicate_rows(self) -> list[ImportRow]:
        return [r for r in self.rows if r.duplicate_of is not None]

    def invalid_rows(self, duplicates: str = SKIP) -> list[ImportRow]:
        return [r for r in self.rows if r.faults(duplicates)]

    def errors(self, duplicates: str = SKIP) -> list[RowError]:
        """Every fault, row by row, in the order of the columns."""
        return [error for row in self.rows for error in row.faults(duplicates)]

    def summary(self, duplicates: str = SKIP) -> str:
        """One Danish paragraph: what was read and what saving would do."""
        table = self.table
        where = f" (arket '{table.sheet}')" if table.sheet else ""
        head = (
            f"{_rows(len(table.rows))} læst fra {table.file_name}{where}; overskrifterne står i række "
            f"{table.header_row}."
        )
        if self.mapping_errors:
            return f"{head} Vælg kolonnerne, før listen kan importeres."
        duplicates_found = self.duplicate_rows
        counts = [f"{count_text(len(self.new_rows), 'ny sag', 'nye sager')}"]
        if duplicates_found:
            updated = sum(1 for r in duplicates_found if r.saved_with(duplicates))
            counts.append(
                f"{len(duplicates_found)} findes allerede (samme FASIT-sagsnummer og forsøg)"
                + (f", heraf opdateres {updated}" if duplicates == UPDATE else ", de springes over")
            )
        invalid = self.invalid_rows(duplicates)
        if invalid:
            counts.append(f"{_rows(len(invalid))} med fejl")
        return f"{head} {', '.join(counts)}."


@dataclass(frozen=True)
class ImportResult:
    """What save_import did."""

    batch_id: int | None  # None: nothing was saved (every row skipped)
    created: int = 0
    updated: int = 0
    skipped_duplicates: int = 0  # found in the database and left as they are
    skipped_invalid: int = 0  # rows with faults, left out because only_valid was chosen

    @property
    def summary(self) -> str:
        """'Import nr. 3: 12 sager oprettet, 0 opdateret.' or 'Intet er gemt: 5 fandtes allerede …'."""
        parts = []
        if self.batch_id is not None:
            parts = [count_text(self.created, "sag oprettet", "sager oprettet"), f"{self.updated} opdateret"]
        if self.skipped_duplicates:
            parts.append(f"{self.skipped_duplicates} fandtes allerede og blev sprunget over")
        if self.skipped_invalid:
            parts.append(f"{_rows(self.skipped_invalid)} med fejl blev ikke importeret")
        if self.batch_id is None:
            return "Intet er gemt: " + (", ".join(parts) or "listen har ingen nye sager") + "."
        return f"Import nr. {self.batch_id}: " + ", ".join(parts) + "."


@dataclass(frozen=True)
class UndoResult:
    batch_id: int
    deleted: int  # new cases of the import, deleted
    restored: int  # updated cases given their earlier values back

    @property
    def summary(self) -> str:
        return (
            f"Import nr. {self.batch_id} er fortrudt: {count_text(self.deleted, 'sag slettet', 'sager slettet')}, "
            f"{count_text(self.restored, 'sag ført tilbage', 'sager ført tilbage')}."
        )


def _rows(count: int) -> str:
    return count_text(count, "række", "rækker")


# ---------------------------------------------------------------- mapping


def guess_mapping(headers: Iterable[object], remembered: Mapping | None = None) -> ColumnMapping:
    """The field of each column: remembered for its header (remembered_mapping), else guessed."""
    remembered = remembered or {}
    columns = remembered.get("columns")
    return _guess_mapping(
        headers,
        columns if isinstance(columns, Mapping) else None,
        remembered.get("default_trial") if isinstance(remembered.get("default_trial"), str) else None,
    )


def remembered_mapping(store: CaseStore) -> dict:
    """The mapping kept by remember_mapping: {'columns': {folded header: field}, 'default_trial'}."""
    return store.remembered_import_mapping()


def remember_mapping(store: CaseStore, mapping: ColumnMapping) -> None:
    """Keep the mapping for the next import (headers seen before keep theirs unless changed)."""
    earlier = remembered_mapping(store)
    columns = dict(earlier["columns"]) if isinstance(earlier.get("columns"), Mapping) else {}
    columns.update(mapping.remembered())
    value = {"columns": columns, "default_trial": mapping.default_trial}
    if value != earlier:  # an import of a known list writes nothing more
        store.remember_import_mapping(value)


# ---------------------------------------------------------------- preview


def build_preview(store: CaseStore, table: SourceTable, mapping: ColumnMapping, today: date) -> ImportPreview:
    """Every row of the table as it will be saved into this database on the day today."""
    if mapping.headers != table.headers:
        raise ValueError("the mapping belongs to another table: make it from table.headers")
    catalog = store.catalog()
    problems = mapping_errors(mapping)
    if mapping.default_trial and mapping.default_trial not in catalog:
        problems.append(
            f"Forsøget '{mapping.default_trial}', der er valgt til alle rækker, findes ikke i forsøgskataloget."
        )
    if problems:
        return ImportPreview(table, mapping, today, (), tuple(problems))
    existing: dict[tuple[str, str], list[CaseRecord]] = {}
    for case in store.list_cases(include_closed=True):
        existing.setdefault((case.trial_id, case.case_ref.strip()), []).append(case)
    seen: dict[tuple[str, str], int] = {}
    rows: list[ImportRow] = []
    for source_row in table.rows:
        draft, errors = draft_row(source_row, mapping, catalog, today)
        key = (draft.trial_id, draft.case_ref)
        row = ImportRow(source_row.number, draft, tuple(errors))
        if draft.case_ref and draft.trial_id in catalog:
            if key in seen:
                row = _with_error(
                    row,
                    mapping,
                    "case_ref",
                    (f"Samme FASIT-sagsnummer og forsøg som række {seen[key]}. Slet den ene af rækkerne"),
                )
            else:
                seen[key] = source_row.number
            matches = existing.get(key, [])
            if matches:
                row = _as_duplicate(row, matches, mapping, catalog, today)
        rows.append(row)
    rows = _with_first_deadlines(rows, existing, catalog, today, store.settings().warning_days)
    return ImportPreview(table, mapping, today, tuple(rows))


def _with_error(row: ImportRow, mapping: ColumnMapping, name: str, message: str) -> ImportRow:
    return replace(row, errors=(*row.errors, RowError(row.number, mapping.header_of(name), name, message)))


def _as_duplicate(row: ImportRow, matches: list[CaseRecord], mapping, catalog, today: date) -> ImportRow:
    if len(matches) > 1:  # from before m006: the user must decide which is right
        listed = ", ".join(f"nr. {c.id}" for c in matches)
        return _with_error(
            row,
            mapping,
            "case_ref",
            (
                f"FASIT-sagsnummeret findes flere gange i forsøg {row.draft.trial_id} ({listed}). "
                "Ret dubletterne i programmet først"
            ),
        )
    case = matches[0]
    if case.status == CLOSED:
        return replace(row, duplicate_of=case.id, duplicate_closed=True)
    changes, merged, _ = _changes(case, row.draft)
    update_errors: tuple[RowError, ...] = ()
    if changes and not row.errors:
        found = draft_errors(merged, catalog, today, events=case.events)
        update_errors = tuple(
            RowError(row.number, mapping.header_of(name), name, f"{message} (efter opdatering af sag nr. {case.id})")
            for name, message in found.items()
        )
    return replace(row, duplicate_of=case.id, changes=tuple(changes), update_errors=update_errors)


def _last_followup(case: CaseRecord) -> date | None:
    days = [e.day for e in case.events if e.kind == "followup" or (e.kind == "contact" and e.full_followup)]
    return max(days) if days else None


def _changes(case: CaseRecord, draft: CaseDraft) -> tuple[list[FieldChange], CaseDraft, date | None]:
    """What an update changes, the case after it, and the follow-up it registers (or None)."""
    changes = []
    values = {}
    for name in _UPDATABLE:
        old = getattr(case, name) or ""
        new = getattr(draft, name) if name in draft.given else old
        values[name] = new
        if name in draft.given and (new or "") != old:
            shown = (lambda v: mask_cpr(v) or "–") if name == "cpr" else (lambda v: v or "–")
            changes.append(FieldChange(name, FIELD_LABELS[name], shown(old), shown(new)))
    dates = dict(case.dates)
    for name, day in draft.dates.items():
        if dates.get(name) != day:
            changes.append(FieldChange(name, FIELD_LABELS[name], fmt(dates.get(name)) or "–", fmt(day)))
            dates[name] = day
    followup = None
    latest = _last_followup(case)
    if draft.last_followup is not None and (latest is None or draft.last_followup > latest):
        followup = draft.last_followup
        changes.append(FieldChange(LAST_FOLLOWUP, FIELD_LABELS[LAST_FOLLOWUP], fmt(latest) or "–", fmt(followup)))
    merged = CaseDraft(
        citizen=values["citizen"],
        case_ref=case.case_ref,
        trial_id=case.trial_id,
        cpr=values["cpr"] or None,
        caseworker=values["caseworker"],
        note=values["note"],
        dates=MappingProxyType(dates),
        last_followup=followup,
        given=draft.given,
    )
    return changes, merged, followup


def _record(draft: CaseDraft, case_id: int, events: tuple[Event, ...] = ()) -> CaseRecord:
    if draft.last_followup is not None:
        events = (*events, Event(draft.last_followup, "followup"))
    return CaseRecord(
        id=case_id,
        citizen=draft.citizen,
        case_ref=draft.case_ref,
        trial_id=draft.trial_id,
        dates=draft.dates,
        events=tuple(sorted(events, key=lambda e: e.day)),
        caseworker=draft.caseworker,
        cpr=draft.cpr,
        note=draft.note,
    )


def _with_first_deadlines(rows, existing, catalog, today: date, warning_days: int) -> list[ImportRow]:
    """Each valid row's earliest deadline, from the function the window's deadlines come from."""
    records = []
    for index, row in enumerate(rows):
        if row.errors or row.duplicate_closed:
            continue
        if row.duplicate_of is None:
            records.append(_record(row.draft, -(index + 1)))
        elif not row.update_errors:
            case = existing[(row.draft.trial_id, row.draft.case_ref)][0]
            _, merged, _ = _changes(case, row.draft)
            records.append(_record(merged, -(index + 1), case.events))
    first: dict[int, Deadline] = {}
    for item in deadlines_for_cases(records, catalog, today, warning_days=warning_days):
        first.setdefault(-item.case.id - 1, item.deadline)  # sorted: the first seen is the earliest
    return [replace(row, first_deadline=first.get(index)) for index, row in enumerate(rows)]


# ---------------------------------------------------------------- saving


def save_import(
    store: CaseStore, preview: ImportPreview, *, only_valid: bool = False, duplicates: str = SKIP
) -> ImportResult:
    """Save the preview's rows in one transaction (see the module docstring)."""
    if duplicates not in DUPLICATE_CHOICES:
        raise ValueError(f"duplicates must be one of {DUPLICATE_CHOICES}")
    if preview.mapping_errors:
        raise ImportRefusedError(" ".join(preview.mapping_errors))
    invalid = preview.invalid_rows(duplicates)
    if invalid and not only_valid:
        raise ImportRefusedError(
            f"{_rows(len(invalid))} har fejl, så intet er gemt. Ret fejlene i regnearket og læs det igen, "
            "eller vælg at importere kun de gyldige rækker."
        )
    if not preview.rows:
        raise ImportRefusedError(f"{preview.table.file_name} har ingen rækker med sager under overskrifterne.")
    new_cases = [
        NewCase(
            citizen=row.draft.citizen,
            case_ref=row.draft.case_ref,
            trial_id=row.draft.trial_id,
            dates=row.draft.dates,
            caseworker=row.draft.caseworker,
            cpr=row.draft.cpr,
            note=row.draft.note,
            last_followup=row.draft.last_followup,
        )
        for row in preview.new_rows
    ]
    to_update = [r for r in preview.rows if r.duplicate_of is not None and r.saved_with(duplicates)]
    skipped_duplicates = sum(1 for r in preview.duplicate_rows if r.ok and not r.saved_with(duplicates))
    if not new_cases and not to_update:
        return ImportResult(None, skipped_duplicates=skipped_duplicates, skipped_invalid=len(invalid))
    with store.batch():  # one transaction: the checks below see what is saved
        updates = [_update(store, row) for row in to_update]
        batch_id = store.save_import_batch(
            file_name=preview.table.file_name,
            sheet=preview.table.sheet,
            rows_read=len(preview.rows),
            skipped=skipped_duplicates,
            invalid=len(invalid),
            new_cases=new_cases,
            updates=updates,
        )
    return ImportResult(batch_id, len(new_cases), len(updates), skipped_duplicates, len(invalid))


def _update(store: CaseStore, row: ImportRow) -> CaseUpdate:
    """The update of an existing case, as the preview showed it; ImportConflictError if it changed."""
    assert row.duplicate_of is not None  # save_import updates only rows with a duplicate
    case = store.get_case(row.duplicate_of)
    changes, merged, followup = _changes(case, row.draft)
    if tuple(changes) != row.changes or case.status == CLOSED:
        raise ImportConflictError(
            f"Sag nr. {case.id} er ændret, siden listen blev læst. Intet er gemt. Læs filen igen."
        )
    names = {c.field for c in changes}
    fields: dict[str, object] = {name: getattr(merged, name) for name in _UPDATABLE if name in names}
    if names & set(DATE_NAMES):
        fields["dates"] = dict(merged.dates)
    return CaseUpdate(case.id, fields, followup)


# ---------------------------------------------------------------- history and undo


def import_batches(store: CaseStore) -> list[ImportBatch]:
    """Every import into the database, newest first (no personal data)."""
    return store.import_batches()


def undo_problem(store: CaseStore, batch_id: int) -> str | None:
    """Why the import cannot be undone now (Danish), or None when "Fortryd import" can."""
    return store.undo_import_problem(batch_id)


def undo_import(store: CaseStore, batch_id: int) -> UndoResult:
    """Undo an import as a whole, in one transaction; ImportUndoError (nothing changed) if refused."""
    deleted, restored = store.undo_import(batch_id)
    return UndoResult(batch_id, deleted, restored)
