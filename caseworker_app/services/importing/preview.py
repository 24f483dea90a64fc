"""build_preview: every row of a case list as it will be saved, with its faults, the case it
repeats and its first deadline, before anything is saved."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from ...core.cases import CLOSED, CaseRecord, deadlines_for_cases
from ...core.catalog import Trial
from ...core.deadline import Deadline
from ...core.event import Event
from ...core.import_date_order import month_first_columns, month_first_note
from ...core.import_hidden import hidden_column_notes, hidden_data_rows, hidden_rows_note, rows_listed
from ...core.import_mapping import FIELD_LABELS, ColumnMapping, fold_header, mapping_errors
from ...core.import_merged import merged_note
from ...core.import_parse import number_cell_warning
from ...core.import_remarks import is_remark_row, remark_rows_note
from ...core.import_rows import CaseDraft, RowError, draft_errors, draft_row
from ...core.import_skipped import ignored_date_columns, ignored_name_columns
from ...core.import_table import SourceTable
from ...core.import_totals import is_total_row, total_rows_note
from ...core.participation import not_listed_text
from ...core.terms import DATE_NAMES
from ...core.text import case_ref_key
from ...core.validation import future_date_hints
from ...core.workdays import fmt
from .caseworkers import KnownCaseworkers
from .duplicates import CaseKey, Duplicate, cases_by_key, duplicate, registered_events
from .rows import ImportPreview, ImportRow

if TYPE_CHECKING:  # a type only: no import of the store when this module loads
    from ...store.case_store import CaseStore


def build_preview(
    store: CaseStore,
    table: SourceTable,
    mapping: ColumnMapping,
    today: date,
    *,
    overwrite_newer: bool = False,
    skip_hidden: bool = False,
) -> ImportPreview:
    """Every row of the table as it will be saved into this database on the day today. An update
    keeps the values the program set after the file was saved (duplicates.newer_in_program), unless
    overwrite_newer. A sum row ('I alt') and a row with only a remark are left out; so are the
    rows hidden in Excel when skip_hidden. Either is named in the notes, never left out unsaid."""
    if mapping.headers != table.headers:
        raise ValueError("the mapping belongs to another table: make it from table.headers")
    catalog = store.catalog()
    problems = mapping_errors(mapping)
    if mapping.default_trial and mapping.default_trial not in catalog:
        problems.append(
            f"Forsøget '{mapping.default_trial}', der er valgt til alle rækker, findes ikke i forsøgskataloget."
        )
    hidden_notes = hidden_column_notes(table, mapping)
    if problems:
        return ImportPreview(table, mapping, today, (), tuple(problems), notes=hidden_notes)
    totals = [row for row in table.rows if is_total_row(row, mapping, len(table.rows))]
    total_set = {row.number for row in totals}
    # A row with only a remark in it is no case: left out and quoted, as a sum row.
    remarks = [row for row in table.rows if row.number not in total_set and is_remark_row(row, mapping)]
    no_case = total_set | {row.number for row in remarks}
    hidden = [number for number in hidden_data_rows(table) if number not in no_case]
    hidden_set = set(hidden)
    left_out = no_case | (hidden_set if skip_hidden else set())
    cases = store.list_cases(include_closed=True)
    municipality = store.settings().municipality  # a trial it is not named in warns (decision 17)
    existing = cases_by_key(cases)
    by_cpr = cases_by_cpr(cases)
    set_at = store.field_change_times() if existing else {}
    # 'anne jensen' in the list is Anne Jensen of Indstillinger and the cases: saved as she is spelt.
    settings = store.settings()
    known = KnownCaseworkers(settings.caseworker_name, (case.caseworker for case in cases))
    seen: dict[CaseKey, int] = {}  # the first row of each FASIT number and trial in the file
    seen_cpr: dict[CprKey, ImportRow] = {}  # the first new case of each CPR number and trial in the file
    rows: list[ImportRow] = []
    month_first = month_first_columns(table, mapping)
    status_column = _status_column(mapping)
    ref_column = mapping.column_of("case_ref")
    for source_row in table.rows:
        if source_row.number in left_out:
            continue
        draft, cell_errors, new_case_errors = draft_row(source_row, mapping, catalog, today, month_first)
        draft = known.draft(source_row.number, draft)
        key = (draft.trial_id, case_ref_key(draft.case_ref))
        matches = existing.get(key, []) if draft.case_ref and draft.trial_id in catalog else []
        # A row that repeats a case updates it (its empty cells change nothing) or is skipped: what
        # a new case would lack does not count; the case as updated is checked in _as_duplicate.
        errors = cell_errors if matches else cell_errors + new_case_errors
        trial = catalog.get(draft.trial_id)
        row = ImportRow(
            source_row.number,
            draft,
            tuple(errors),
            warnings=(*((draft.trial_read,) if draft.trial_read else ()), *date_warnings(draft.dates, today, trial)),
            dates_text=dates_text(draft, trial),
            hidden=source_row.number in hidden_set,
            number_cell=_number_cell(table.cell(source_row, ref_column)) if ref_column is not None else "",
            participation=not_listed_text(trial, municipality) if trial is not None else "",
        )
        if draft.case_ref and draft.trial_id in catalog:
            if key in seen:
                # A fault of the list, counted once as such: not a second row that finds the case too.
                rows.append(
                    _with_error(
                        row,
                        mapping,
                        "case_ref",
                        f"Samme FASIT-sagsnummer og forsøg som række {seen[key]}. Slet den ene af rækkerne",
                    )
                )
                continue
            seen[key] = source_row.number
            if not matches and status_column is not None:
                row = replace(row, marked_closed=_closed_cell(table.cell(source_row, status_column)))
            if not matches and draft.cpr:
                row = _same_citizen(row, by_cpr, seen_cpr)
            if matches:
                found = duplicate(
                    matches[0], draft, set_at.get(matches[0].id), table.saved_at, overwrite_newer=overwrite_newer
                )
                row = _as_duplicate(row, matches, found, mapping, catalog, today)
        rows.append(row)
    rows = _with_first_deadlines(rows, catalog, today, settings.warning_days)
    filled = merged_note(table, mapping.used_columns())
    notes = [
        *hidden_notes,
        hidden_rows_note(hidden, left_out=skip_hidden),
        total_rows_note(totals),
        remark_rows_note(remarks),
        filled,
        *ignored_date_columns(table, mapping),
        *ignored_name_columns(table, mapping),
        *known.notes(),
        *trial_reading_notes(rows),
        *(month_first_note(order) for order in month_first.values()),
    ]
    return ImportPreview(
        table,
        mapping,
        today,
        tuple(rows),
        notes=tuple(note for note in notes if note),
        hidden_rows=tuple(hidden),
        hidden_skipped=skip_hidden and bool(hidden),
        total_rows=tuple(row.number for row in totals),
        remark_rows=tuple(row.number for row in remarks),
    )


CprKey = tuple[str, str]  # (trial, CPR number)


def trial_reading_notes(rows: list[ImportRow]) -> list[str]:
    """ "⚠ 'Førtidspension i løntilskud' er læst som T08 – …; kontrollér (rækkerne 4, 7, …)": each
    trial text read by its words (import_parse.read_trial_cell) once above the rows, with its rows."""
    read: dict[str, list[int]] = {}
    for row in rows:
        if row.draft.trial_read:
            read.setdefault(row.draft.trial_read, []).append(row.number)
    return [f"⚠ {text} ({rows_listed(numbers)})." for text, numbers in read.items()]


def cases_by_cpr(cases: list[CaseRecord]) -> dict[CprKey, list[CaseRecord]]:
    """Every case with a CPR number under its trial and CPR number."""
    found: dict[CprKey, list[CaseRecord]] = {}
    for case in cases:
        if case.cpr:
            found.setdefault((case.trial_id, case.cpr), []).append(case)
    return found


def _same_citizen(row: ImportRow, by_cpr: dict[CprKey, list[CaseRecord]], seen: dict[CprKey, ImportRow]) -> ImportRow:
    """A new case with the CPR number of another case in the same trial: maybe one citizen whose
    FASIT number was corrected in the program or typed otherwise in the list. Saved all the same
    (a citizen may have two cases), but said (⚠): two cases would give the citizen each deadline twice.
    The CPR number is never in the text; the case is named by its number and FASIT number."""
    draft = row.draft
    key = (draft.trial_id, draft.cpr or "")
    others = by_cpr.get(key, [])
    if others:
        case = others[0]
        closed = ", afsluttet" if case.status == CLOSED else ""
        more = f" og {len(others) - 1} sag mere" if len(others) == 2 else f" og {len(others) - 1} sager mere"
        where = f"sag nr. {case.id} (FASIT-sagsnummer {case.case_ref}{closed})" + (more if len(others) > 1 else "")
    elif key in seen:
        first = seen[key]
        where = f"række {first.number} (FASIT-sagsnummer {first.draft.case_ref})"
    else:
        seen[key] = row
        return row
    text = (
        f"Samme CPR-nummer og forsøg som {where}. Er det samme borger, så slet rækken i regnearket, eller "
        "ret sagsnummeret; ellers gemmes den som ny sag"
    )
    return replace(row, same_citizen=text)


def _number_cell(cell: object) -> str:
    warning = number_cell_warning(cell)
    return f"{FIELD_LABELS['case_ref']}: {warning}" if warning else ""


def _status_column(mapping: ColumnMapping) -> int | None:
    """The column 'Status' (the program's own case list has it), when it is not imported as a field."""
    for column, (header, field) in enumerate(zip(mapping.headers, mapping.fields, strict=True)):
        if field is None and fold_header(header) == "status":
            return column
    return None


def _closed_cell(cell: object) -> bool:
    """The list says the case is closed: 'afsluttet', as the export writes a closed case's status."""
    return isinstance(cell, str) and fold_header(cell) == fold_header(CLOSED)


def date_warnings(dates: Mapping[str, date], today: date, trial: Trial | None = None) -> tuple[str, ...]:
    """'Ansættelse i løntilskud: 01-12-2027 ligger i fremtiden – …' for each date after today that is
    usually in the past (core.validation.future_date_hints, the case form's warning): in a list
    nobody sees the year read, and a mistyped one moves every deadline by a year. Each date by the
    trial's own label, as the case window names it ('Start på ressourceforløb', not 'Visitation')."""
    hints = future_date_hints(dates, today).items()
    return tuple(f"{_date_label(trial, name).capitalize()}: {hint}" for name, hint in hints)


def dates_text(draft: CaseDraft, trial: Trial | None) -> str:
    """'start på ressourceforløb 01-03-2024, seneste stillingtagen til indsatsplanen 10-03-2025': the
    row's dates by the trial's own labels (the case window's), then the events it registers."""
    parts = [f"{_date_label(trial, name).lower()} {fmt(day)}" for name, day in draft.dates.items()]
    parts += [f"{FIELD_LABELS[name].lower()} {fmt(day)}" for name, day in draft.last_events().items()]
    return ", ".join(parts)


def _date_label(trial: Trial | None, name: str) -> str:
    return trial.date_label(name) if trial is not None else DATE_NAMES.get(name, name)


def _with_error(row: ImportRow, mapping: ColumnMapping, name: str, message: str) -> ImportRow:
    return replace(row, errors=(*row.errors, RowError(row.number, mapping.header_of(name), name, message)))


def _as_duplicate(
    row: ImportRow,
    matches: list[CaseRecord],
    found: Duplicate,
    mapping: ColumnMapping,
    catalog: dict[str, Trial],
    today: date,
) -> ImportRow:
    if len(matches) > 1:  # from before m006: the user must decide which is right
        listed = ", ".join(f"nr. {c.id}" + (" (afsluttet)" if c.status == CLOSED else "") for c in matches)
        return _with_error(
            row,
            mapping,
            "case_ref",
            (
                f"FASIT-sagsnummeret findes flere gange i forsøg {row.draft.trial_id} ({listed}). "
                "Ret dubletterne i programmet først"
            ),
        )
    update_errors: tuple[RowError, ...] = ()
    if found.updated is not None and found.changes and not row.errors:
        faults = draft_errors(found.updated, catalog, today, events=found.case.events)
        update_errors = tuple(
            RowError(
                row.number, mapping.header_of(name), name, f"{message} (efter opdatering af sag nr. {found.case.id})"
            )
            for name, message in faults.items()
        )
    return replace(row, duplicate=found, update_errors=update_errors)


def _record(draft: CaseDraft, case_id: int, events: tuple[Event, ...] = ()) -> CaseRecord:
    events = (*events, *registered_events(draft))
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


def _saved_record(row: ImportRow, index: int) -> CaseRecord | None:
    """The case the row becomes (new, or its duplicate once updated), or None when it has none."""
    found: Duplicate | None = row.duplicate
    if row.errors:
        return None
    if found is None:
        return _record(row.draft, -(index + 1))
    if found.updated is None or row.update_errors:  # closed, or the update would break it
        return None
    return _record(found.updated, -(index + 1), found.case.events)


def _with_first_deadlines(
    rows: list[ImportRow], catalog: dict[str, Trial], today: date, warning_days: int
) -> list[ImportRow]:
    """Each valid row's earliest deadline, from the function the window's deadlines come from."""
    records = [record for index, row in enumerate(rows) if (record := _saved_record(row, index)) is not None]
    first: dict[int, Deadline] = {}
    for item in deadlines_for_cases(records, catalog, today, warning_days=warning_days):
        first.setdefault(-item.case.id - 1, item.deadline)  # sorted: the first seen is the earliest
    return [replace(row, first_deadline=first.get(index)) for index, row in enumerate(rows)]
