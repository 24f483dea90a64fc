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


def is_total_row(row: SourceRow, mapping: ColumnMapping) -> bool:
    """The row's first cell says it is a sum, and it has no citizen and no FASIT number (the sum
    word itself aside): a row with either is a case, and is checked as one."""
    first = next((index for index, cell in enumerate(row.cells) if not is_empty(cell)), None)
    if first is None or not _is_total_word(row.cells[first]):
        return False
    for field in ("citizen", "case_ref"):
        column = mapping.column_of(field)
        if column is not None and column != first and column < len(row.cells) and not is_empty(row.cells[column]):
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
