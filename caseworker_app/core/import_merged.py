"""Merged cells of a workbook: a caseworker merges a cell over rows to mean "the same as above".

Excel keeps a merged cell's value in its top-left cell only; the cells under it read as empty, and
a case would be imported with no caseworker or no trial. The value is filled down the first column
of each range that spans rows of data, and the preview says so (merged_note). A range within one
row (a title over the list) is left as it is: filled across, a title would stand in every column.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import BinaryIO

from .import_table import MergedFill, SourceRow, SourceTable, is_empty
from .text import and_list
from .xml_scan import sheet_matches

CellRange = tuple[int, int, int, int]  # min_col, min_row, max_col, max_row; 1-based as in Excel

# <mergeCell ref="C3:C5"/> in a sheet's XML (prefixed by some writers); after <sheetData>, so the
# ranges are known only once the rows have been read.
_MERGE_CELL = re.compile(
    rb"<(?:[A-Za-z_][\w.-]*:)?mergeCell\s[^>]*?\bref\s*=\s*[\"']([A-Za-z]{1,3})(\d+):([A-Za-z]{1,3})(\d+)[\"']"
)
_OVERLAP = 256  # longer than a mergeCell element: one cut by a chunk's end is found in the next
_LISTED = 5  # ranges named in the note; more are counted


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters.upper():
        number = number * 26 + letter - 64
    return number


def merged_ranges(stream: BinaryIO) -> set[CellRange]:
    """The merged ranges in a worksheet's XML, read in chunks (the sheet is never held whole)."""
    found: set[CellRange] = set()
    for match in sheet_matches(stream, b"mergeCell", _MERGE_CELL, _OVERLAP):
        first_col, first_row, last_col, last_row = match.groups()
        found.add((_column_number(first_col), int(first_row), _column_number(last_col), int(last_row)))
    return found


def fill_merged(table: SourceTable, ranges: set[CellRange]) -> SourceTable:
    """The table with each merged range's value filled into the empty cells of its first column in
    the data rows under it; table.merged tells which."""
    index_of = {row.number: index for index, row in enumerate(table.rows)}
    rows = list(table.rows)
    fills: list[MergedFill] = []
    for first_col, first_row, _last_col, last_row in sorted(ranges, key=lambda r: (r[0], r[1])):
        column = first_col - 1
        top = index_of.get(first_row)
        # Over the header, in one row, beyond the columns, or from an empty row: nothing to fill.
        if last_row <= first_row or first_row <= table.header_row or column >= len(table.headers) or top is None:
            continue
        value = rows[top].cells[column]
        if is_empty(value):
            continue
        filled: list[int] = []
        for number in range(first_row + 1, last_row + 1):
            index = index_of.get(number)
            if index is None:  # a row with nothing else in it stays out: it is no case
                continue
            cells = rows[index].cells
            if is_empty(cells[column]):
                rows[index] = SourceRow(number, (*cells[:column], value, *cells[column + 1 :]))
                filled.append(number)
        if filled:
            fills.append(MergedFill(column, first_row, tuple(filled)))
    if not fills:
        return table
    return replace(table, rows=tuple(rows), merged=tuple(fills))


def _rows_text(numbers: tuple[int, ...]) -> str:
    if len(numbers) == 1:
        return f"række {numbers[0]}"
    if numbers == tuple(range(numbers[0], numbers[-1] + 1)):
        return f"række {numbers[0]}–{numbers[-1]}"
    return "række " + and_list([str(n) for n in numbers])


def merged_note(table: SourceTable, used_columns: set[int]) -> str:
    """'Flettede celler er udfyldt …' for the fills in columns that are imported ('' when none)."""
    fills = [fill for fill in table.merged if fill.column in used_columns]
    if not fills:
        return ""
    parts = [
        f"kolonne '{table.headers[fill.column]}' {_rows_text(fill.rows)} (som række {fill.source_row})"
        for fill in fills[:_LISTED]
    ]
    if len(fills) > _LISTED:
        parts.append(f"og {len(fills) - _LISTED} flettede celler mere")
    return (
        "Flettede celler er udfyldt: en celle, der er flettet over flere rækker i Excel, gælder for hver af "
        f"rækkerne – {'; '.join(parts)}. Kontrollér dem i forhåndsvisningen."
    )


def merged_rows(table: SourceTable, used_columns: set[int]) -> int:
    """How many rows got a value from a merged cell in a column that is imported."""
    return len({number for fill in table.merged if fill.column in used_columns for number in fill.rows})
