"""A row that holds only a remark ('NB: Husk ferie uge 29' in a Bemærkning column, every case field
empty): no case, so it is left out and quoted, as a sum row is (core.import_totals), not refused as
a case without a name, a FASIT number and a trial (which would block the whole import)."""

from __future__ import annotations

from datetime import date, datetime

from .import_hidden import rows_listed
from .import_mapping import ColumnMapping
from .import_parse import is_blank_cell
from .import_table import SourceRow
from .redact import redact_cpr
from .workdays import fmt

# Fields that hold a remark, not a fact of a case: a row with only these is no case.
REMARK_FIELDS = frozenset({"note"})
_QUOTED = 60  # characters of a row quoted in a message


def is_remark_row(row: SourceRow, mapping: ColumnMapping) -> bool:
    """The row has text, but none in a column chosen as a field of a case (its remark aside)."""
    filled = [index for index, cell in enumerate(row.cells) if not is_blank_cell(cell)]
    if not filled:
        return False
    fields = mapping.fields
    return all(index >= len(fields) or fields[index] is None or fields[index] in REMARK_FIELDS for index in filled)


def row_text(row: SourceRow) -> str:
    """What the row holds, as the caseworker would find it in the sheet: its filled cells, quoted
    and shortened ("'NB: Husk ferie uge 29'", "'2018-0831', 'T08'")."""
    cells = [_cell_text(cell) for cell in row.cells if not is_blank_cell(cell)]
    text = ", ".join(f"'{cell}'" for cell in cells)
    return text if len(text) <= _QUOTED else text[: _QUOTED - 1] + "…"


def remark_rows_note(rows: list[SourceRow]) -> str:
    """ "Række 7 har kun en bemærkning ('NB: Husk ferie uge 29') og ingen sag; den springes over."
    ('' when there is none)."""
    if not rows:
        return ""
    if len(rows) == 1:
        text = f"Række {rows[0].number} har kun en bemærkning ({row_text(rows[0])}) og ingen sag; den springes over."
    else:
        quoted = "; ".join(f"række {row.number}: {row_text(row)}" for row in rows[:3])
        more = f"; og {len(rows) - 3} til" if len(rows) > 3 else ""
        listed = rows_listed([row.number for row in rows])
        text = (
            f"{listed[:1].upper()}{listed[1:]} har kun en bemærkning og ingen sag; de springes over ({quoted}{more})."
        )
    return redact_cpr(text)  # a remark may name a CPR number: masked on screen as everywhere


def _cell_text(cell: object) -> str:
    if isinstance(cell, datetime):
        cell = cell.date()
    if isinstance(cell, date):
        return fmt(cell)
    return " ".join("".join(ch if ch.isprintable() else " " for ch in str(cell)).split())
