"""A table model of a case's history (newest first); replaced rows struck through, 'rettet'."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TypeGuard

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from ...core.history import CANCELLED, EventRow
from ...core.note_subject import corrected_note_text
from ...core.stamps import stamp_text
from ...core.workdays import fmt
from ..colours import muted_brush
from ..model_base import ColumnTableModel, Index

ROW_ROLE = Qt.ItemDataRole.UserRole  # the EventRow behind a row

SHORT_TEXT = 140  # characters of a row's text shown in the table


def registered_text(row: EventRow) -> str:
    """When (local time) and by whom the row was written."""
    return stamp_text(row.created_at, row.created_by)


def kind_text(row: EventRow, replaced_by: EventRow | None = None) -> str:
    """The kind in Danish, 'rettet' or 'annulleret' on a replaced row, the full follow-up mark."""
    text = row.label
    if row.full_followup:
        text += " – tæller som fuld opfølgning"
    if row.replaced_by is not None and row.kind != CANCELLED:
        withdrawn = replaced_by is not None and replaced_by.kind == CANCELLED
        text += " – annulleret" if withdrawn else " – rettet"
    return text[0].upper() + text[1:]


def short_text(text: str, limit: int = SHORT_TEXT) -> str:
    """Text on one line, cut at a word with ' …' when long (the whole text is in the tooltip)."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    return flat[:limit].rsplit(" ", 1)[0] + " …"


def can_correct(row: EventRow | None) -> TypeGuard[EventRow]:
    """True for an event row that still counts (no case change, not withdrawn or corrected)."""
    return row is not None and row.counts


class HistoryModel(ColumnTableModel):
    """The case's timeline: date, kind, form, initiated by, text, registered when and by whom."""

    COLUMNS = ("Dato", "Hændelse", "Form", "Initieret af", "Tekst", "Registreret")

    def __init__(self, parent=None):
        super().__init__(parent)
        self._by_id: dict[int, EventRow] = {}
        self._stale: dict[int, str] = {}

    def set_rows(self, rows: Sequence[EventRow], stale: Mapping[int, str] | None = None) -> None:
        """Replace the rows (as the store gives them: newest first); stale: the mark of each copied
        note that now states another deadline than the window, by row id (core.note_staleness)."""
        self.beginResetModel()
        self._rows = list(rows)
        self._stale = dict(stale or {})
        self._by_id = {r.id: r for r in self._rows if not r.is_case_change}
        self.endResetModel()

    def rows(self) -> list[EventRow]:
        """Every row shown, newest first."""
        return list(self._rows)

    def row_at(self, index: Index) -> EventRow | None:
        """The row at index (what data() gives for ROW_ROLE); None for an invalid index."""
        return self._rows[index.row()] if index.isValid() else None

    def _replacement(self, row: EventRow) -> EventRow | None:
        """The row that corrected or withdrew row, if any."""
        return self._by_id.get(row.replaced_by) if row.replaced_by is not None else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cell(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row)
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            if row.replaced_by is not None:
                font.setStrikeOut(True)
            if row.is_case_change:
                font.setItalic(True)
            return font
        # A note to correct in FASIT is not muted like the other case changes.
        muted = row.replaced_by is not None or (row.is_case_change and not self._note_mark(row))
        if role == Qt.ItemDataRole.ForegroundRole and muted:
            return muted_brush()
        return None

    def _cell(self, row: EventRow, column: int) -> str:
        if column == 0:
            return fmt(row.day)
        if column == 1:
            mark = " – ret i FASIT" if self._note_mark(row) else ""
            return kind_text(row, self._replacement(row)) + mark
        if column == 2:
            return row.form or ""
        if column == 3:
            return row.initiated_by or ""
        if column == 4:
            return short_text(self._text(row))
        return registered_text(row)

    def _note_mark(self, row: EventRow) -> str:
        """On a copied note whose event was corrected or cancelled since (core.note_subject), or that
        now states another deadline than the window (core.note_staleness): say so."""
        corrected = corrected_note_text(self._rows, row) if row.about_event is not None else ""
        return corrected or (self._stale.get(row.id, "") if row.is_case_change else "")

    def _text(self, row: EventRow) -> str:
        parts = [self._note_mark(row)] if self._note_mark(row) else []
        if row.replaces is not None:
            old = self._by_id.get(row.replaces)
            what = f"{old.label} {fmt(old.day)}" if old is not None else f"nr. {row.replaces}"
            parts.append(("Annullerer " if row.kind == CANCELLED else "Retter ") + what)
        if row.replaced_by is not None:
            new = self._by_id.get(row.replaced_by)
            if new is not None and new.kind == CANCELLED:
                parts.append(f"Annulleret {fmt(new.day)}")
            elif new is not None:
                parts.append(f"Rettet til {new.label.removesuffix(' (rettelse)')} {fmt(new.day)}")
        if row.text:
            parts.append(row.text)
        return " – ".join(parts)

    def _tooltip(self, row: EventRow) -> str:
        lines = [f"{fmt(row.day)}: {self._cell(row, 1)}"]
        text = self._text(row)
        if text:
            lines.append(text)
        registered = registered_text(row)
        if registered:
            lines.append(f"Registreret {registered}")
        return "\n".join(lines)
