"""A header over two rows: a caseworker's list often has a group title merged over some columns
("Datoer" over E:F) with each column's own header under it ("Ansat", "Sidste opf."), and the other
headers merged down over both rows. Read as one header per column, so the second row is no case.

The two rows are told from a header and its first row of data by what stands under the first row:
only sub-headers (text) under a group title or under an empty cell, never anything under a header
of its own (a case has a name under "Navn"). And there must be a sign that the rows belong together:
a cell merged down over both, or a group title over sub-headers (merged, or standing alone over
empty cells with sub-headers under them, as a CSV file saved from merged cells has it).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from .import_mapping import named_exactly, recognized_field

CellRange = tuple[int, int, int, int]  # min_col, min_row, max_col, max_row; 1-based as in Excel
HeaderRow = tuple[int, Sequence[object]]  # the row's number in the spreadsheet and its cells
_NUMBER_LIKE = re.compile(r"[\d\s.,/:+-]+")  # '01-03-2024', '2024,5': a value, never a header


def header_text(cell: object) -> str:
    """A header cell as text: spaces run together, a whole number without its '.0'."""
    if cell is None or (isinstance(cell, str) and not cell.strip()):
        return ""
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    return " ".join(str(cell).split())


def joined_header(title: str, sub: str) -> str:
    """One column's header from the group title over it and its own sub-header: the two together when
    that is a name the program knows ('Næste' over 'Opfølgning'), else the sub-header alone when it
    names a field ('Datoer' over 'Ansat' → 'Ansat'), else the two together ('Datoer Dato 1')."""
    if not sub:
        return title
    if not title:
        return sub
    joined = f"{title} {sub}"
    if named_exactly(joined) or recognized_field(sub) is None:
        return joined
    return sub


def _fields(headers: Sequence[str]) -> int:
    return len({recognized_field(h) for h in headers} - {None})


def two_row_header(top: HeaderRow, sub: HeaderRow, merged: Collection[CellRange] = ()) -> tuple[str, ...] | None:
    """The headers of top and sub read as one header over two rows, one per column; None when sub is
    no second header row under top (a row of data, or rows apart)."""
    top_number, top_cells = top
    sub_number, sub_cells = sub
    if sub_number != top_number + 1:
        return None
    if any(not isinstance(c, str) or _NUMBER_LIKE.fullmatch(c.strip()) for c in sub_cells if header_text(c)):
        return None  # a date or a number under the headers (a CSV file's are text): a case
    width = max(len(top_cells), len(sub_cells))
    tops = [header_text(top_cells[c]) if c < len(top_cells) else "" for c in range(width)]
    subs = [header_text(sub_cells[c]) if c < len(sub_cells) else "" for c in range(width)]
    if sum(1 for t in tops if t) < 2 or not any(subs):
        return None  # one title over the list is no header
    titles = list(tops)  # the text over each column: a group title over every column of its group
    grouped: set[int] = set()
    merged_down = False
    for first_col, first_row, last_col, last_row in merged:
        if first_row != top_number or first_col > width:
            continue
        if last_row > top_number:
            merged_down = True
        elif last_col > first_col and tops[first_col - 1]:
            for column in range(first_col - 1, min(last_col, width)):
                titles[column] = tops[first_col - 1]
                grouped.add(column)
    column = 0
    while column < width:  # a title not merged, over empty cells with sub-headers under them
        end = column + 1
        if tops[column] and column not in grouped:
            while end < width and not tops[end] and subs[end] and end not in grouped:
                end += 1
            if end > column + 1:
                for inside in range(column, end):
                    titles[inside] = tops[column]
                    grouped.add(inside)
        column = end
    if any(subs[c] and tops[c] and c not in grouped for c in range(width)):
        return None  # something under a header of its own: a row of data
    if not merged_down and not any(subs[c] for c in grouped):
        return None
    headers = tuple(joined_header(titles[c], subs[c]) for c in range(width))
    if _fields(headers) < _fields(tops):
        return None
    return headers
