"""A sum row under a case list ("I alt", "Total"): no case, so it is left out and named, not refused
as a row without a name and FASIT number (which would block the whole import)."""

from __future__ import annotations

import re
import unicodedata

from .import_mapping import ColumnMapping
from .import_table import SourceRow, is_empty

# The row's first cell, as Danish and English lists write it: 'I alt', 'I alt Åse', 'Total:', 'Sum'.
_TOTAL_WORD = re.compile(r"(?:i\s*alt|total[t]?|sum|samlet|subtotal|hovedtotal)(?:[\s:.,;–-].*)?", re.DOTALL)


def _is_total_word(cell: object) -> bool:
    if not isinstance(cell, str):
        return False
    text = unicodedata.normalize("NFKC", cell).strip().casefold()
    return bool(_TOTAL_WORD.fullmatch(text))


def _is_count(cell: object, row_count: int) -> bool:
    """A whole number no larger than the list's rows: a count of them ('=COUNTA(B4:B10)'), not a FASIT number."""
    if isinstance(cell, bool):
        return False
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    if isinstance(cell, str) and cell.strip().isascii() and cell.strip().isdigit():
        cell = int(cell.strip())
    return isinstance(cell, int) and 0 <= cell <= row_count


def is_total_row(row: SourceRow, mapping: ColumnMapping, row_count: int = 0) -> bool:
    """The row's first cell says it is a sum, and it has no citizen and no FASIT number (the sum
    word itself aside): a row with either is a case, and is checked as one. A count under the FASIT
    numbers (a whole number up to row_count, the list's rows) is no FASIT number."""
    first = next((index for index, cell in enumerate(row.cells) if not is_empty(cell)), None)
    if first is None or not _is_total_word(row.cells[first]):
        return False
    for field in ("citizen", "case_ref"):
        column = mapping.column_of(field)
        if column is None or column == first or column >= len(row.cells) or is_empty(row.cells[column]):
            continue
        if field == "case_ref" and _is_count(row.cells[column], row_count):
            continue
        return False
    return True


def total_rows_note(rows: list[SourceRow]) -> str:
    """'Række 12 ('I alt') er en sumrække uden sag og springes over.' ('' when there is none)."""
    if not rows:
        return ""
    first = next(str(cell).strip() for cell in rows[0].cells if not is_empty(cell))
    word = first if len(first) <= 30 else first[:29] + "…"
    if len(rows) == 1:
        return f"Række {rows[0].number} ('{word}') er en sumrække uden sag og springes over."
    listed = ", ".join(str(r.number) for r in rows[:-1]) + f" og {rows[-1].number}"
    return f"Rækkerne {listed} ('{word}' …) er sumrækker uden sag og springes over."
