"""Import of a caseworker's own case list (.xlsx or .csv): the one API the window and the command
line use. No Qt; every message is Danish.

The steps, in order::

    table = read_source(path)                              # ImportFileError: the file cannot be read
    mapping = guess_mapping(table.headers, remembered_mapping(store), hidden=table.hidden_columns)
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

read_source(path, *, sheet=None, header_row=None) -> SourceTable   (core/import_read.py)
    The rows under the header row (found in the first 10 rows that are not empty); row numbers as
    the spreadsheet shows them. Files of 50 MB or more, sheets of more than 100,000 rows, damaged,
    encrypted or binary files: ImportFileError, before the whole file is read.
guess_mapping(headers, remembered=None, *, hidden=()) -> ColumnMapping   (mapping.py)
    The field of each column (IMPORT_FIELDS; FIELD_LABELS has their Danish labels): the one
    remembered for its header, else the one its header names ("Navn", "CPR-nr.", "Ansat" ...); a
    column hidden in Excel (table.hidden_columns) only when no visible column names the field.
build_preview(store, table, mapping, today, *, skip_hidden=False) -> ImportPreview   (preview.py; rows.py)
    A sum row ('I alt') left out, and with skip_hidden the rows Excel hides; each named in notes.
    Each row as it will be saved (ImportRow): the case (draft), its faults (errors, each naming
    row and column), the existing case with the same FASIT number and trial, open or closed
    (duplicate_of, duplicate_closed; duplicates.py), what updating that case would change (changes,
    update_errors) and the case's first deadline, from the same function as the window's
    deadlines (core.cases.deadlines_for_cases).
save_import(store, preview, *, only_valid=False, duplicates="skip") -> ImportResult   (saving.py)
    One transaction. ImportRefusedError (nothing saved) while a row is wrong, unless only_valid;
    duplicates "skip" leaves existing cases alone, "update" gives them the row's values (empty
    cells change nothing; closed cases are never updated). ImportConflictError (nothing saved) when
    the database changed since the preview: build it again.
undo_import(store, batch_id) -> UndoResult   (history.py)
    The import's new cases deleted (kept as deletions without personal data), its updated cases
    given their earlier values, its follow-ups withdrawn; refused when one has changed since.
"""

from __future__ import annotations

from ...core.import_mapping import FIELD_LABELS, IMPORT_FIELDS, ColumnMapping
from ...core.import_read import read_source
from ...core.import_table import ImportFileError, SourceTable
from ...store.import_batches import ImportBatch, ImportConflictError
from ...store.import_undo import ImportUndoError
from .duplicates import FieldChange
from .history import UndoResult, import_batches, undo_import, undo_problem
from .mapping import guess_mapping, remember_mapping, remembered_mapping
from .preview import build_preview
from .rows import SKIP, UPDATE, ImportPreview, ImportRow
from .saving import ImportRefusedError, ImportResult, save_import

__all__ = [
    "FIELD_LABELS",
    "IMPORT_FIELDS",
    "SKIP",
    "UPDATE",
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
    "SourceTable",
    "UndoResult",
    "build_preview",
    "guess_mapping",
    "import_batches",
    "read_source",
    "remember_mapping",
    "remembered_mapping",
    "save_import",
    "undo_import",
    "undo_problem",
]
