"""Rows of a CSV file as Danish Excel saves it: ';' (or ',' or tab) between cells, UTF-8 with or
without BOM, else Windows-1252 ('CSV (semikolonsepareret)' in a Danish Excel).

The text is decoded whole (the file is at most 50 MB) and the rows are then read one at a time, so
a file over the row limit is refused without building every row.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

from .import_table import CFB_SIGNATURE, MAX_COLUMNS, ZIP_SIGNATURE, Cell, ImportFileError, SourceTable, build_table

DELIMITERS = (";", ",", "\t")  # in order of preference when two fit equally well
_SNIFF_LINES = 30
# Control bytes: a few in a text file are refused at their cell (a soft line break from Word,
# \x0b, is one); NUL or many of them make a binary file.
_CONTROL_BYTES = bytes(range(0, 9)) + bytes(range(11, 13)) + bytes(range(14, 32))


def _not_text(path: Path, why: str) -> ImportFileError:
    return ImportFileError(
        f"{path.name} er ikke en CSV-fil med tekst ({why}). Er det en Excel-fil med en forkert "
        "endelse? Åbn den i Excel, og gem den som 'CSV (semikolonsepareret)' eller som "
        "'Excel-projektmappe (.xlsx)'."
    )


def decode(data: bytes, path: Path) -> tuple[str, str]:
    """The text of the file and the encoding used; ImportFileError for a file that is not text."""
    if data.startswith((ZIP_SIGNATURE, CFB_SIGNATURE)):
        raise _not_text(path, "den er en Excel-projektmappe eller en anden binær fil")
    for bom, encoding in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding), encoding
            except UnicodeDecodeError:
                raise _not_text(path, "teksten kan ikke læses med den tegnsætning, filen angiver") from None
    sample = data[:65536]
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if b"\x00" in sample or controls > max(8, len(sample) // 100):
        raise _not_text(path, "den indeholder binære data")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:  # five bytes cp1252 leaves undefined: not a Danish Excel file
        raise _not_text(path, "teksten kan hverken læses som UTF-8 eller Windows-1252") from None


def sniff_delimiter(lines: list[str]) -> str:
    """The delimiter that splits the first lines into the same number of cells (two or more) most
    often; ';' before ',' before tab on a tie, ';' when none splits."""
    best, best_score = ";", (0, 0)
    for delimiter in DELIMITERS:
        widths = [len(row) for row in csv.reader(lines, delimiter=delimiter) if any(c.strip() for c in row)]
        counts: dict[int, int] = {}
        for width in widths:
            if width > 1:
                counts[width] = counts.get(width, 0) + 1
        if not counts:
            continue
        width, count = max(counts.items(), key=lambda item: (item[1], item[0]))
        score = (count, width)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def read_csv(path: Path, data: bytes, *, header_row: int | None = None) -> SourceTable:
    """The table of a CSV file whose bytes are data."""
    text, encoding = decode(data, path)
    if "\x00" in text:
        raise _not_text(path, "den indeholder binære data")
    lines = text.splitlines()
    notes: list[str] = []
    delimiter = None
    skipped = 0
    if lines and lines[0].strip().lower().startswith("sep=") and len(lines[0].strip()) == 5:
        delimiter = lines[0].strip()[4]  # Excel's own hint line; Excel does not show it as a row
        skipped = 1
    if delimiter is None:
        delimiter = sniff_delimiter(lines[:_SNIFF_LINES])
    names = {";": "semikolon", ",": "komma", "\t": "tabulator"}
    notes.append(
        f"Læst som CSV med {names.get(delimiter, repr(delimiter))} mellem cellerne, tegnsæt "
        f"{'Windows-1252' if encoding == 'cp1252' else encoding.upper()}."
    )
    stream = io.StringIO(text, newline="")
    if skipped:
        stream.readline()
    return build_table(
        _rows(stream, delimiter),
        file_name=path.name,
        kind="csv",
        header_row=header_row,
        notes=tuple(notes),
    )


def _rows(stream: io.StringIO, delimiter: str) -> Iterator[tuple[int, tuple[Cell, ...]]]:
    # A row is numbered as Excel shows it: a line break inside quotes stays in its cell.
    reader = csv.reader(stream, delimiter=delimiter)
    try:
        for number, row in enumerate(reader, start=1):
            yield number, tuple(row[:MAX_COLUMNS])
    except csv.Error as exc:
        raise ImportFileError(
            f"Række {reader.line_num} kan ikke læses som CSV ({exc}). Åbn filen i Excel, og gem den igen "
            "som 'CSV (semikolonsepareret)'."
        ) from None
