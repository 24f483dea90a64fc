"""A date column written month first, as in the US ('7/13/2024'): its dates whose first two numbers
could be day and month either way ('7/1/2024') are refused, not saved with the two swapped.

Each cell alone reads day first (workdays.parse_date), so '7/1/2024' would be 7 January; only the
column as a whole shows it is 1 July. A cell that can only be month first is the evidence; a cell
whose day and month are the same number ('5/5/2024'), or whose first number is above 12, is the
same date either way and is kept. Excel date cells hold the date itself and are never looked at.
"""

from __future__ import annotations

from dataclasses import dataclass

from .import_mapping import DATE_FIELDS, ColumnMapping
from .import_parse import CellError, cell_day_month
from .import_table import SourceTable, column_letter
from .workdays import MONTHS_DA


@dataclass(frozen=True, slots=True)
class MonthFirst:
    """A date column with a cell that can only be month/day: the cell as written and its row."""

    column: int  # 0-based
    header: str
    row: int  # the spreadsheet row of the cell
    cell: str


def month_first_columns(table: SourceTable, mapping: ColumnMapping) -> dict[int, MonthFirst]:
    """The date columns (by 0-based index) with a text cell whose first number is 1–12 and whose
    second is 13–31 ('7/13/2024'), each with the first such cell."""
    found: dict[int, MonthFirst] = {}
    for column, name in enumerate(mapping.fields):
        if name not in DATE_FIELDS:
            continue
        for row in table.rows:
            cell = table.cell(row, column)
            parts = cell_day_month(cell)
            if parts is not None and 1 <= parts[0] <= 12 and 13 <= parts[1] <= 31:
                header = mapping.headers[column] or column_letter(column)
                found[column] = MonthFirst(column, header, row.number, " ".join(str(cell).split()))
                break
    return found


def _evidence(order: MonthFirst) -> str:
    return f"Kolonnen '{order.header}' ser ud til at have måned før dag (fx '{order.cell}' i række {order.row})"


def check_day_order(cell: object, order: MonthFirst) -> None:
    """CellError for a cell of a month-first column whose day and month could be either way."""
    parts = cell_day_month(cell)
    if parts is None:
        return
    first, second, year = parts
    if not (1 <= first <= 12 and 1 <= second <= 12) or first == second:
        return
    as_us = f"{second}. {MONTHS_DA[first - 1]} {year}"
    raise CellError(
        f"{_evidence(order)}, så '{' '.join(str(cell).split())}' kan være {as_us} eller "
        f"{first}. {MONTHS_DA[second - 1]} {year}; den gemmes ikke. Ret datoerne i kolonnen til dd-mm-åååå "
        f"(dagen først), fx {second:02d}-{first:02d}-{year} for {as_us}"
    )


def month_first_note(order: MonthFirst) -> str:
    """The preview's note for the column: why some of its dates are refused."""
    return (
        f"⚠ {_evidence(order)}. Dens datoer, hvor dag og måned kan byttes om (som '7/1/2024'), gemmes "
        "ikke; ret datoerne i kolonnen til dd-mm-åååå (dagen først)."
    )
