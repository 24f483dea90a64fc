"""Date columns written month first, as in the US ('7/13/2024'): their dates whose first two numbers
could be day and month either way ('7/1/2024') are refused, not saved with the two swapped.

Each cell alone reads day first (workdays.parse_date), so '7/1/2024' would be 7 January; only the
file as a whole shows it is 1 July. A cell that can only be month first is the evidence, read
wherever the date stands in the cell and whatever follows it ('6/13/2026 10:30 AM'). It counts in
its own column and in every other date column with text dates of the same separator ('/', '-',
'.'): the same person typed them. A column that has, besides, a date that can only be day first
('13/7/2024') is both ways: its ambiguous dates are refused too, rather than guessed. In a column
so refused, an Excel date cell whose day is 1–12 is refused as well: a Danish Excel reads a typed
'2/3/2025' as 2 March. A date that is the same either way ('5/5/2024', '13/7/2024') is kept.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from .import_mapping import DATE_FIELDS, ColumnMapping
from .import_parse import CellError, TwoDigitYearCellError, cell_day_month, parse_date_cell
from .import_table import SourceTable, column_letter
from .workdays import MONTHS_DA, fmt


@dataclass(frozen=True, slots=True)
class Evidence:
    """A cell whose date can be read one way only: its column, its row, the cell as written."""

    column: int  # 0-based
    header: str
    row: int  # the spreadsheet row of the cell
    cell: str
    separator: str  # between its first two numbers: '/', '-' or '.'


@dataclass(frozen=True, slots=True)
class MonthFirst:
    """A date column whose dates that read either way are refused, and why."""

    column: int  # 0-based
    header: str
    evidence: Evidence  # a month/day cell: in this column, or in another with the same separator
    day_first: Evidence | None = None  # this column's own day/month cell, when the evidence is another's
    example: str = ""  # the column's first date that reads either way, as written ('' for none)

    def covers(self, separator: str) -> bool:
        """Whether the column's text dates with this separator are checked: all of them when the
        evidence is the column's own; those written as the evidence is, when it is another's."""
        return self.evidence.column == self.column or separator == self.evidence.separator


def _either_way(first: int, second: int) -> bool:
    return 1 <= first <= 12 and 1 <= second <= 12 and first != second


def _shown(cell: object) -> str:
    return fmt(cell) if isinstance(cell, date) else " ".join(str(cell).split())


def _excel_date(cell: object) -> date | None:
    """The date of an Excel date cell (None for text and anything else)."""
    if isinstance(cell, str):
        return None
    try:
        return parse_date_cell(cell)
    except CellError:
        return None


def _first_ambiguous(table: SourceTable, order: MonthFirst) -> str:
    for row in table.rows:
        cell = table.cell(row, order.column)
        excel = _excel_date(cell)
        parts = cell_day_month(cell)
        if excel is not None and _either_way(excel.day, excel.month):
            return fmt(excel)
        if parts is not None and order.covers(parts.separator) and _either_way(parts.first, parts.second):
            return _shown(cell)
    return ""


def month_first_columns(table: SourceTable, mapping: ColumnMapping) -> dict[int, MonthFirst]:
    """The date columns (by 0-based index) whose dates that read either way are refused: those with
    a text date whose first number is 1–12 and second 13–31 ('7/13/2024'), and those with text dates
    of the same separator as such a date in another column."""
    own: dict[int, Evidence] = {}
    day_first: dict[int, Evidence] = {}
    separators: dict[int, set[str]] = {}
    for column, name in enumerate(mapping.fields):
        if name not in DATE_FIELDS:
            continue
        header = mapping.headers[column] or column_letter(column)
        separators[column] = set()
        for row in table.rows:
            cell = table.cell(row, column)
            parts = cell_day_month(cell)
            if parts is None:
                continue
            separators[column].add(parts.separator)
            if column not in own and 1 <= parts.first <= 12 and 13 <= parts.second <= 31:
                own[column] = Evidence(column, header, row.number, _shown(cell), parts.separator)
            if column not in day_first and 13 <= parts.first <= 31 and 1 <= parts.second <= 12:
                day_first[column] = Evidence(column, header, row.number, _shown(cell), parts.separator)
    # The first month/day cell of each separator, in the columns' order.
    by_separator: dict[str, Evidence] = {}
    for _, evidence in sorted(own.items()):
        by_separator.setdefault(evidence.separator, evidence)
    found: dict[int, MonthFirst] = {}
    for column, used in separators.items():
        header = mapping.headers[column] or column_letter(column)
        if column in own:
            evidence, both = own[column], None
        else:
            shared = [by_separator[separator] for separator in sorted(used) if separator in by_separator]
            if not shared:
                continue
            evidence, both = shared[0], day_first.get(column)
        order = MonthFirst(column, header, evidence, both)
        found[column] = replace(order, example=_first_ambiguous(table, order))
    return found


def _evidence(order: MonthFirst) -> str:
    said = order.evidence
    if said.column == order.column:
        return f"Kolonnen '{order.header}' ser ud til at have måned før dag (fx '{said.cell}' i række {said.row})"
    if order.day_first is None:
        return (
            f"Kolonnen '{order.header}' ser ud til at have måned før dag ligesom kolonnen '{said.header}' "
            f"(fx '{said.cell}' i række {said.row})"
        )
    own = order.day_first
    return (
        f"Kolonnen '{order.header}' har dag før måned (fx '{own.cell}' i række {own.row}), men kolonnen "
        f"'{said.header}' har måned før dag (fx '{said.cell}' i række {said.row})"
    )


def _named(day: int, month: int, year: int) -> str:
    return f"{day}. {MONTHS_DA[month - 1]} {year}"


def _suggested(order: MonthFirst, first: int, second: int, year: int) -> str:
    """The date typed day first: the month-first reading, or both readings when the file is both ways."""
    as_us = f"{second:02d}-{first:02d}-{year} for {_named(second, first, year)}"
    if order.day_first is None:
        return as_us
    return f"{as_us} eller {first:02d}-{second:02d}-{year} for {_named(first, second, year)}"


def parse_ordered_date_cell(cell: object, order: MonthFirst) -> date | None:
    """The date of a cell in a column of order (parse_date_cell), or CellError when its day and month
    could be either way: a text date, an Excel date cell (Excel may have swapped them), or one with a
    two-digit year (whose usual message would suggest the swapped date)."""
    try:
        day = parse_date_cell(cell)
    except TwoDigitYearCellError:
        parts = cell_day_month(cell)
        if parts is None or not order.covers(parts.separator) or not _either_way(parts.first, parts.second):
            raise
        first, second, short = parts.first, parts.second, parts.year
        raise CellError(
            f"{_evidence(order)}, så '{_shown(cell)}' kan være {_named(second, first, 2000 + short)} eller "
            f"{_named(first, second, 2000 + short)} (eller i 19{short:02d}); den gemmes ikke. Skriv året med fire "
            f"cifre og dagen først (dd-mm-åååå), fx {_suggested(order, first, second, 2000 + short)}"
        ) from None
    if day is None:
        return None
    if not isinstance(cell, str):
        if _either_way(day.day, day.month):
            raise CellError(
                f"{_evidence(order)}, så Excel kan have læst datoen med dag og måned byttet om: {fmt(day)} kan "
                f"være {_named(day.month, day.day, day.year)} (eller {_named(day.day, day.month, day.year)}, "
                "som Excel læste den); den gemmes ikke. Ret datoerne i kolonnen til dd-mm-åååå (dagen først), "
                f"fx {_suggested(order, day.day, day.month, day.year)}"
            )
        return day
    parts = cell_day_month(cell)
    if parts is not None and order.covers(parts.separator) and _either_way(parts.first, parts.second):
        first, second, year = parts.first, parts.second, parts.year
        raise CellError(
            f"{_evidence(order)}, så '{_shown(cell)}' kan være {_named(second, first, year)} eller "
            f"{_named(first, second, year)}; den gemmes ikke. Ret datoerne i kolonnen til dd-mm-åååå "
            f"(dagen først), fx {_suggested(order, first, second, year)}"
        )
    return day


def month_first_note(order: MonthFirst) -> str:
    """The preview's note for the column: why some of its dates are refused ('' when none is and
    the evidence is another column's)."""
    if not order.example and order.evidence.column != order.column:
        return ""
    example = f" (som '{order.example}')" if order.example else ""
    return (
        f"⚠ {_evidence(order)}. Dens datoer, hvor dag og måned kan byttes om{example}, gemmes "
        "ikke; ret datoerne i kolonnen til dd-mm-åååå (dagen først)."
    )
