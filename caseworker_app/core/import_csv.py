"""Rows of a CSV file as Danish Excel saves it: ';' (or ',' or tab) between cells, UTF-8 with or
without BOM, UTF-16 with or without BOM, else Windows-1252 ('CSV (semikolonsepareret)' in a
Danish Excel).

A file whose lines are partly UTF-8 and partly not (a row pasted from another file) is read in the
encoding most of its lines have; the characters of the other lines become U+FFFD, which the import
refuses in any cell it would save (core.import_parse.check_readable): no decoding of one row may
turn another row's letters into mojibake ('SÃ¸ren').

The text is decoded whole (the file is at most 50 MB) and the rows are then read one at a time, so
a file over the row limit is refused without building every row.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from .import_parse import UNREADABLE
from .import_table import CFB_SIGNATURE, MAX_COLUMNS, ZIP_SIGNATURE, Cell, ImportFileError, SourceTable, build_table
from .text import and_list

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
    """The text of the file and the encoding used; ImportFileError for a file that is not text.

    Lines in another encoding than most of the file's have their non-ASCII characters as U+FFFD."""
    if data.startswith((ZIP_SIGNATURE, CFB_SIGNATURE)):
        raise _not_text(path, "den er en Excel-projektmappe eller en anden binær fil")
    if data.startswith(b"\xef\xbb\xbf"):  # Excel's 'CSV UTF-8': UTF-8, whatever a pasted line is
        return _mostly_utf8(data[3:].splitlines(keepends=True)), "utf-8"
    for bom, encoding in ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding), encoding
            except UnicodeDecodeError:
                raise _not_text(path, "teksten kan ikke læses med den tegnsætning, filen angiver") from None
    sample = data[:65536]
    wide = _utf16_without_bom(sample)
    if wide is not None:
        try:
            return data.decode(wide), wide
        except UnicodeDecodeError:
            raise _not_text(path, "den ligner tekst i tegnsættet UTF-16, men kan ikke læses som det") from None
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if b"\x00" in sample or controls > max(8, len(sample) // 100):
        raise _not_text(path, "den indeholder binære data")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    lines = data.splitlines(keepends=True)
    utf8 = [_is_utf8(line) for line in lines]
    letters = sum(1 for line, ok in zip(lines, utf8, strict=True) if ok and not line.isascii())
    if letters >= utf8.count(False):  # at least as many lines of UTF-8 letters as lines of other bytes
        return _mostly_utf8(lines), "utf-8"
    try:
        # Mostly Windows-1252: a UTF-8 line read so would give 'SÃ¸ren'; its letters are unreadable.
        return "".join(
            line.decode("cp1252") if not ok or line.isascii() else _unreadable(line)
            for line, ok in zip(lines, utf8, strict=True)
        ), "cp1252"
    except UnicodeDecodeError:  # five bytes cp1252 leaves undefined: not a Danish Excel file
        raise _not_text(path, "teksten kan hverken læses som UTF-8 eller Windows-1252") from None


def _mostly_utf8(lines: list[bytes]) -> str:
    """Lines of UTF-8; in a line that is not, every byte UTF-8 cannot read is U+FFFD."""
    return "".join(line.decode("utf-8", errors="replace") for line in lines)


def _is_utf8(line: bytes) -> bool:
    try:
        line.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _unreadable(line: bytes) -> str:
    """A line of UTF-8 in a Windows-1252 file: ASCII kept, every other character U+FFFD."""
    return "".join(ch if ch.isascii() else UNREADABLE for ch in line.decode("utf-8"))


def _utf16_without_bom(sample: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' for text saved as UTF-16 without its BOM: a NUL in (nearly) every
    other byte, as each Latin letter (ASCII and æ, ø, å) has a zero byte, and none in the others."""
    pairs = len(sample) // 2
    if pairs < 4:
        return None
    even, odd = sample[0 : 2 * pairs : 2].count(0), sample[1 : 2 * pairs : 2].count(0)
    if odd * 2 >= pairs and even * 50 <= pairs:
        return "utf-16-le"
    if even * 2 >= pairs and odd * 50 <= pairs:
        return "utf-16-be"
    return None


def sniff_delimiter(lines: list[str]) -> str:
    """The delimiter that splits the first lines into the same number of cells (two or more) most
    often; ';' before ',' before tab on a tie, ';' when none splits."""
    best, best_score = ";", (0, 0)
    for delimiter in DELIMITERS:
        widths = [len(row) for row in _readable_rows(lines, delimiter) if any(c.strip() for c in row)]
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
    table = build_table(
        _rows(stream, delimiter),
        file_name=path.name,
        kind="csv",
        header_row=header_row,
        notes=tuple(notes),
    )
    note = unreadable_note(table, encoding) if UNREADABLE in text else ""
    return replace(table, notes=(*table.notes, note)) if note else table


def unreadable_note(table: SourceTable, encoding: str) -> str:
    """'⚠ Række 4 har tegn, der ikke kan læses …': the rows with U+FFFD, among them the header."""
    numbers = [row.number for row in table.rows if any(isinstance(c, str) and UNREADABLE in c for c in row.cells)]
    if any(UNREADABLE in header for header in table.headers):
        numbers.insert(0, table.header_row)
    if not numbers:  # only in a row left out (one under the limit of columns, or before the header)
        return ""
    listed = [str(number) for number in numbers[:5]] + ([f"{len(numbers) - 5} flere"] if len(numbers) > 5 else [])
    shown = and_list(listed)
    name = "Windows-1252" if encoding == "cp1252" else encoding.upper()
    return (
        f"⚠ {'Række' if len(numbers) == 1 else 'Rækkerne'} {shown} har tegn, der ikke kan læses (de står som "
        f"{UNREADABLE}): {'den er' if len(numbers) == 1 else 'de er'} nok gemt i et andet tegnsæt end resten af "
        f"filen, som er læst som {name}. En celle med sådanne tegn gemmes ikke (se Fejl)."
    )


def _readable_rows(lines: list[str], delimiter: str) -> list[list[str]]:
    """The rows of lines up to the first one csv cannot read (_rows refuses that row, naming it)."""
    rows: list[list[str]] = []
    try:
        rows.extend(csv.reader(lines, delimiter=delimiter))
    except csv.Error:
        pass
    return rows


def _rows(stream: io.StringIO, delimiter: str) -> Iterator[tuple[int, tuple[Cell, ...]]]:
    # A row is numbered as Excel shows it: a line break inside quotes stays in its cell. A row that
    # cannot be read is named by where it begins (an unclosed quote fails thousands of lines later).
    first_line: list[str] = []  # the first line of the row being read

    def lines() -> Iterator[str]:
        for line in stream:
            if not first_line:
                first_line.append(line)
            yield line

    reader = csv.reader(lines(), delimiter=delimiter)
    number = 0
    while True:
        first_line.clear()
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise ImportFileError(unreadable_row_text(number + 1, first_line[0] if first_line else "", exc)) from None
        number += 1
        yield number, tuple(row[:MAX_COLUMNS])


def unreadable_row_text(number: int, first_line: str, exc: csv.Error) -> str:
    """Why row number (as Excel numbers it), whose first line is first_line, cannot be read, in Danish."""
    resave = "Åbn filen i Excel, og gem den igen som 'CSV (semikolonsepareret)'."
    if "field larger than field limit" not in str(exc):
        return f"Række {number} kan ikke læses som CSV ({exc}). {resave}"
    limit = f"{csv.field_size_limit():,}".replace(",", ".")
    if '"' in first_line:
        return (
            f'Række {number} kan ikke læses som CSV: et anførselstegn (") i rækken bliver ikke lukket, så resten '
            f"af filen læses som én celle (over {limit} tegn). Ret række {number} i Notesblok eller et andet "
            "tekstprogram: fjern anførselstegnet, eller sæt et til sidst i cellen, og importér filen igen."
        )
    return (
        f"Række {number} kan ikke læses som CSV: en celle i rækken har over {limit} tegn, og så lange celler "
        "har en sagsliste ikke (Excel kan højst have 32.767 tegn i en celle). Tjek, at det er den rigtige fil, "
        "eller gør cellen kortere, og importér filen igen."
    )
