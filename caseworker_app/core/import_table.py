"""A case list read from a file, as rows of raw cells: the header row found, empty rows and
trailing empty columns left out, each row numbered as the spreadsheet shows it.

The readers (import_xlsx, import_csv) give raw rows; build_table makes the table and stops at the
row limit before reading on (a sheet of a million rows is refused, not loaded).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from datetime import datetime

from .import_header import CellRange, header_text, two_row_header
from .import_mapping import recognized_field

MAX_FILE_BYTES = 50_000_000  # 50 MB: a list of 10,000 cases is well under 5 MB
MAX_DATA_ROWS = 100_000
MAX_COLUMNS = 200  # a case list has a dozen; a cell further right cannot be chosen anyway
# What a file begins with: a workbook (.xlsx is a zip), or Excel's encrypted files and old .xls (CFB).
ZIP_SIGNATURE = b"PK\x03\x04"
CFB_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
HEADER_SEARCH_ROWS = 10  # the header row is looked for among the first rows that are not empty

Cell = object  # str, int, float, bool, datetime.date/datetime or None


class ImportFileError(Exception):
    """A file that cannot be read as a case list; the message is Danish and says what to do."""


@dataclass(frozen=True, slots=True)
class SourceRow:
    """One row of data: its number in the spreadsheet (as Excel shows it) and its cells."""

    number: int
    cells: tuple[Cell, ...]


@dataclass(frozen=True, slots=True)
class MergedFill:
    """Rows of a column that got the value of a merged cell's top row (core.import_merged)."""

    column: int  # 0-based
    source_row: int  # the spreadsheet row with the value
    rows: tuple[int, ...]  # the spreadsheet rows filled in


@dataclass(frozen=True)
class SourceTable:
    """The rows of one sheet (or CSV file) under its header row."""

    file_name: str  # the name only, never the folder
    kind: str  # "xlsx" or "csv"
    header_row: int  # its number in the spreadsheet (the lower one of a header over two rows): data is below
    headers: tuple[str, ...]
    rows: tuple[SourceRow, ...]
    sheet: str | None = None  # xlsx: the sheet read
    sheets: tuple[str, ...] = ()  # xlsx: every sheet of the workbook
    notes: tuple[str, ...] = field(default=())  # Danish remarks on how the file was read
    merged: tuple[MergedFill, ...] = ()  # xlsx: cells filled in from a merged cell above them
    saved_at: datetime | None = None  # when the file was last saved (UTC; read_source): older than the program?
    hidden_columns: frozenset[int] = frozenset()  # xlsx: columns (0-based) hidden in Excel (core.import_hidden)
    hidden_rows: frozenset[int] = frozenset()  # xlsx: rows (as Excel numbers them) hidden in Excel, a filter's too
    header_first: int | None = None  # a header over two rows: the upper row's number (core.import_header)

    @property
    def header_rows_text(self) -> str:
        """'række 3', or 'række 1 og 2' for a header over two rows."""
        if self.header_first is None or self.header_first == self.header_row:
            return f"række {self.header_row}"
        return f"række {self.header_first} og {self.header_row}"

    def cell(self, row: SourceRow, column: int) -> Cell:
        """The cell of a row in a column (None beyond the row's end)."""
        return row.cells[column] if column < len(row.cells) else None


def column_letter(index: int) -> str:
    """Excel's name of a column from its 0-based index: 0 → A, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def is_empty(cell: Cell) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def _header_score(cells: tuple[Cell, ...]) -> tuple[int, int]:
    """How much a row looks like the header: the fields its cells name, then its text cells."""
    fields = {recognized_field(c) for c in cells if isinstance(c, str)} - {None}
    texts = sum(1 for c in cells if isinstance(c, str) and c.strip())
    return len(fields), texts


def _find_header(candidates: list[tuple[int, tuple[Cell, ...]]]) -> int:
    """The index in candidates of the header row: the one naming most fields (at least two), else
    the first with two text cells or more, else the first."""
    scores = [_header_score(cells) for _, cells in candidates]
    best = max(range(len(candidates)), key=lambda i: (scores[i][0], -i))
    if scores[best][0] >= 2:
        return best
    for i, (_named, texts) in enumerate(scores):
        if texts >= 2:
            return i
    return 0


def build_table(
    raw_rows: Iterable[tuple[int, tuple[Cell, ...]]],
    *,
    file_name: str,
    kind: str,
    header_row: int | None = None,
    sheet: str | None = None,
    sheets: tuple[str, ...] = (),
    notes: tuple[str, ...] = (),
    merged: Collection[CellRange] = (),
) -> SourceTable:
    """The table of raw (number, cells) rows; ImportFileError when empty or over MAX_DATA_ROWS.

    header_row: the spreadsheet row number of the headers (None: found in the first rows). A header
    over two rows (core.import_header) is read as one; merged: the sheet's merged ranges, which tell it.
    """
    rows = iter(raw_rows)
    head: list[tuple[int, tuple[Cell, ...]]] = []
    for number, cells in rows:
        if all(is_empty(c) for c in cells):
            continue
        head.append((number, cells))
        # One row more than searched: the row under the header may be its second row.
        if header_row is not None and number > header_row:
            break
        if header_row is None and len(head) > HEADER_SEARCH_ROWS:
            break
    if not head:
        raise ImportFileError(
            f"Der er ingen rækker i {file_name}"
            + (f" (arket '{sheet}')" if sheet else "")
            + ". Vælg den fil eller det ark, der har sagslisten."
        )
    if header_row is None:
        header_index = _find_header(head[:HEADER_SEARCH_ROWS])
    else:
        header_index = next((i for i, (number, _cells) in enumerate(head) if number == header_row), None)
        if header_index is None:
            raise ImportFileError(
                f"Række {header_row} i {file_name} er tom eller findes ikke. Vælg overskriftsrækken igen."
            )
    first_index, last_index = header_index, header_index
    header_cells: tuple[Cell, ...] = head[header_index][1]
    # A header over two rows: the one found and the row under it, or the row over it (group titles).
    joined = (
        two_row_header(head[header_index], head[header_index + 1], merged) if header_index + 1 < len(head) else None
    )
    if joined is not None:
        last_index = header_index + 1
    elif header_index > 0 and (joined := two_row_header(head[header_index - 1], head[header_index], merged)):
        first_index = header_index - 1
    if joined is not None:
        header_cells = joined
        notes = (
            *notes,
            "Overskrifterne står over to rækker og er læst som én overskrift pr. kolonne.",
        )
    header_number = head[last_index][0]
    data: list[SourceRow] = []

    def take(number: int, cells: tuple[Cell, ...]) -> None:
        end = len(cells)
        while end and is_empty(cells[end - 1]):  # trailing empty cells: a column no row uses goes
            end -= 1
        if not end:
            return
        if len(data) >= MAX_DATA_ROWS:
            raise ImportFileError(
                f"{file_name} har mere end {MAX_DATA_ROWS:,} rækker med data".replace(",", ".")
                + " (programmet læser højst så mange). Del listen i flere filer, eller slet de "
                "rækker, der ikke er sager."
            )
        data.append(SourceRow(number, cells[:end]))

    for number, cells in head[last_index + 1 :]:
        take(number, cells)
    for number, cells in rows:
        take(number, cells)

    # Trailing columns with neither a header nor a value are left out.
    width = len(header_cells)
    while width and is_empty(header_cells[width - 1]):
        width -= 1
    width = max([width, *(len(r.cells) for r in data)])
    headers = tuple(
        header_text(header_cells[i] if i < len(header_cells) else None) or f"Kolonne {column_letter(i)}"
        for i in range(width)
    )
    trimmed = tuple(SourceRow(r.number, r.cells[:width] + (None,) * (width - len(r.cells))) for r in data)
    return SourceTable(
        file_name=file_name,
        kind=kind,
        header_row=header_number,
        headers=headers,
        rows=trimmed,
        sheet=sheet,
        sheets=sheets,
        notes=notes,
        header_first=head[first_index][0],
    )
