"""What the import dialog shows of a case list: each row as it will be saved (a table model), and
the example values of a column (masked, like every CPR number on screen)."""

from __future__ import annotations

import re
from datetime import date, datetime

from PySide6.QtCore import Qt

from ...core.cpr import mask_cpr
from ...core.deadline import OVERDUE, practical_day_text
from ...core.redact import redact_cpr
from ...core.workdays import fmt
from ...services.importing import SKIP, UPDATE, ImportPreview, ImportRow, SourceTable
from ..case_deadlines_model import marked_due_text
from ..colours import muted_brush, overdue_brush
from ..model_base import BOLD, ColumnTableModel, Index

EXAMPLES = 3  # example values shown per column
_EXAMPLE_LENGTH = 28
_NINE_DIGITS = re.compile(r"\d{9}")  # a CPR number Excel made a number of, its leading 0 gone

DISPLAY, TOOLTIP = int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.ToolTipRole)
FOREGROUND, FONT = int(Qt.ItemDataRole.ForegroundRole), int(Qt.ItemDataRole.FontRole)


def cell_text(cell: object) -> str:
    """A cell as the caseworker recognises it: dates dd-mm-åååå, whole numbers without '.0', any
    CPR number masked (a column not yet chosen as the CPR number may hold them)."""
    if cell is None:
        return ""
    if isinstance(cell, datetime):
        cell = cell.date()
    if isinstance(cell, date):
        return fmt(cell)
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    text = " ".join(str(cell).split())
    if _NINE_DIGITS.fullmatch(text):
        text = "0" + text
    text = redact_cpr(text)
    return text if len(text) <= _EXAMPLE_LENGTH else text[: _EXAMPLE_LENGTH - 1] + "…"


def column_examples(table: SourceTable, column: int, count: int = EXAMPLES) -> list[str]:
    """The first few values of a column that are not empty."""
    found: list[str] = []
    for row in table.rows:
        text = cell_text(table.cell(row, column))
        if text and text not in found:
            found.append(text)
            if len(found) == count:
                break
    return found


def row_state(row: ImportRow, duplicates: str, only_valid: bool) -> str:
    """What saving does with the row, in words (a sign beside a fault, not colour alone), and a
    warning it is saved with (a date in the future)."""
    state = _row_state(row, duplicates, only_valid)
    if row.faults(duplicates):
        return state
    if row.duplicate is not None and row.duplicate.note and duplicates == UPDATE:
        state += f" ({row.duplicate.note})"
    if duplicates == UPDATE and row.duplicate is not None and row.duplicate.newer:
        state += " · " + "; ".join(newer.text for newer in row.duplicate.newer)
    if row.notices and row.saved_with(duplicates):  # a row skipped saves no date to warn of
        state += " · ⚠ " + "; ".join(row.notices)
    return state


def _row_state(row: ImportRow, duplicates: str, only_valid: bool) -> str:
    if row.faults(duplicates):
        return "⚠ Fejl – springes over" if only_valid else "⚠ Fejl – se Fejl"
    if row.duplicate_of is None:
        return "Ny sag"
    if row.duplicate_closed:
        return f"Findes allerede (afsluttet sag nr. {row.duplicate_of}) – springes over"
    if duplicates == SKIP:
        return "Findes allerede – springes over"
    if not row.changes:
        return "Findes allerede – intet opdateres" if row.kept_values else "Findes allerede – intet nyt"
    return "Findes allerede – opdateres: " + "; ".join(f"{c.label.lower()} {c.old} → {c.new}" for c in row.changes)


def _deadline_shown(row: ImportRow, duplicates: str) -> bool:
    """The next deadline is shown for a row that is saved (new or updated) or an unchanged case."""
    if row.faults(duplicates) or row.first_deadline is None:
        return False
    return row.duplicate_of is None or (duplicates == UPDATE and not row.duplicate_closed)


class ImportPreviewModel(ColumnTableModel):
    """The rows of the list as they will be saved, with their state and next deadline (the earliest
    open one: after a latest follow-up it is not the case's first)."""

    COLUMNS = (
        "Række",
        "Borger",
        "Sagsnr.",
        "Gemmes som",
        "Forsøg",
        "Næste frist",
        "Senest i praksis",
        "Datoer",
        "CPR-nummer",
        "Sagsbehandler",
    )
    STATE_COLUMN, DUE_COLUMN, PRACTICAL_COLUMN, DATES_COLUMN, CPR_COLUMN = 3, 5, 6, 7, 8

    def __init__(self, parent=None):
        super().__init__(parent)
        self._duplicates = SKIP
        self._only_valid = False

    def set_preview(self, preview: ImportPreview | None, duplicates: str = SKIP, only_valid: bool = False) -> None:
        self.beginResetModel()
        self._rows = list(preview.rows) if preview is not None else []
        self._duplicates = duplicates
        self._only_valid = only_valid
        self.endResetModel()

    def set_choices(self, duplicates: str, only_valid: bool) -> None:
        """The user's choices changed the rows' state (not the rows)."""
        self._duplicates = duplicates
        self._only_valid = only_valid
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(self.COLUMNS) - 1))

    def row_at(self, row: int) -> ImportRow:
        return self._rows[row]

    def data(self, index: Index, role: int = DISPLAY):
        if not index.isValid():
            return None
        role = int(role)
        row = self._rows[index.row()]
        column = index.column()
        if role == DISPLAY:
            return self._cell(row, column)
        if role == TOOLTIP:
            faults = row.faults(self._duplicates)
            if faults and column == self.STATE_COLUMN:
                return "\n".join(error.text for error in faults)
            return self._cell(row, column) or None
        faulty = bool(row.faults(self._duplicates))
        # As on the Frister tab: an overdue deadline bold in the overdue colour beside its '!'.
        overdue = (
            column in (self.DUE_COLUMN, self.PRACTICAL_COLUMN)
            and _deadline_shown(row, self._duplicates)
            and row.first_deadline.status == OVERDUE
        )
        if role == FOREGROUND:
            if faulty or overdue:
                return overdue_brush()  # also the error colour, beside the '⚠' of the state
            if row.duplicate_of is not None and not row.saved_with(self._duplicates):
                return muted_brush()
        if role == FONT and (overdue or (faulty and column == self.STATE_COLUMN)):
            return BOLD
        return None

    def _cell(self, row: ImportRow, column: int) -> str:
        draft = row.draft
        if column == self.DUE_COLUMN or column == self.PRACTICAL_COLUMN:
            return self._deadline_cell(row, column)
        if column == self.STATE_COLUMN:
            return row_state(row, self._duplicates, self._only_valid)
        if column == self.DATES_COLUMN:
            return row.dates_text
        if column == self.CPR_COLUMN:
            return mask_cpr(draft.cpr)
        return (str(row.number), draft.citizen, draft.case_ref, "", draft.trial_id, "", "", "", "", draft.caseworker)[
            column
        ]

    def _deadline_cell(self, row: ImportRow, column: int) -> str:
        if not _deadline_shown(row, self._duplicates):
            saved = not row.faults(self._duplicates) and row.first_deadline is None and row.duplicate_of is None
            return "ingen frister i forsøget" if saved and column == self.DUE_COLUMN else ""
        # The texts of the Frister tab (ui/case_deadlines_model.py), from the same deadline.
        deadline = row.first_deadline
        assert deadline is not None  # _deadline_shown: a row with a first deadline
        if column == self.DUE_COLUMN:
            return marked_due_text(deadline)
        return practical_day_text(deadline)
