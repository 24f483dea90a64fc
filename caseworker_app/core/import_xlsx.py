"""Rows of an Excel workbook (.xlsx) for import: values as Excel last saved them, never evaluated.

openpyxl in read-only mode with data_only=True: a formula cell gives the value Excel stored with
it (a file no spreadsheet program has saved has none: the cell reads as empty). Rows are read one
at a time, so a sheet over the row limit is refused without being loaded.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO
from xml.etree.ElementTree import ParseError

from .import_hidden import HiddenParts, hidden_parts
from .import_merged import CellRange, fill_merged, merged_ranges
from .import_table import (
    CFB_SIGNATURE,
    MAX_COLUMNS,
    MAX_DATA_ROWS,
    ZIP_SIGNATURE,
    Cell,
    ImportFileError,
    SourceTable,
    build_table,
)

if TYPE_CHECKING:  # openpyxl is imported only when a workbook is read
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet

MAX_EMPTY_ROWS = 200_000  # formatted but empty rows below a list: refused rather than read for minutes

_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")

# What openpyxl or the zip and XML readers raise on a damaged or foreign file.
_DAMAGE = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    KeyError,
    ValueError,
    TypeError,
    IndexError,
    AttributeError,
    EOFError,
    ParseError,
    OSError,
    NotImplementedError,
)


def encrypted_or_old(path: Path) -> ImportFileError:
    """The message for a file in Microsoft's compound format: encrypted .xlsx or an old .xls."""
    with path.open("rb") as file:
        start = file.read(1_000_000)
    if _ENCRYPTED_STREAM in start:
        return ImportFileError(
            f"{path.name} er beskyttet med en adgangskode, så programmet kan ikke læse den. Åbn filen i "
            "Excel, fjern adgangskoden (Filer › Oplysninger › Beskyt projektmappe › Krypter med "
            "adgangskode: slet koden), gem den, og importér den igen."
        )
    return ImportFileError(
        f"{path.name} er en gammel Excel-fil (.xls) eller er beskyttet med en adgangskode. Åbn den i "
        "Excel, og gem den som 'Excel-projektmappe (.xlsx)' uden adgangskode, eller som "
        "'CSV (semikolonsepareret)'."
    )


def damaged(path: Path) -> ImportFileError:
    return ImportFileError(
        f"{path.name} kan ikke læses som en Excel-fil (.xlsx): filen er beskadiget eller er ikke en "
        "Excel-fil. Åbn den i Excel, og gem den igen som 'Excel-projektmappe (.xlsx)' eller som "
        "'CSV (semikolonsepareret)'."
    )


def read_xlsx(path: Path, *, sheet: str | None = None, header_row: int | None = None) -> SourceTable:
    """The table of one sheet (the one open when the file was saved, unless named)."""
    with path.open("rb") as file:
        head = file.read(8)
    if head.startswith(CFB_SIGNATURE):
        raise encrypted_or_old(path)
    if not head.startswith(ZIP_SIGNATURE):
        raise damaged(path)
    from openpyxl import load_workbook  # here: the window opens without it

    try:
        workbook = load_workbook(path, read_only=True, data_only=True, keep_links=False)
    except _DAMAGE:
        raise damaged(path) from None
    try:
        names = tuple(ws.title for ws in workbook.worksheets)
        if not names:
            raise ImportFileError(f"{path.name} har ingen regneark med rækker.")
        if sheet is not None and sheet not in names:
            raise ImportFileError(f"{path.name} har intet ark, der hedder '{sheet}' (arkene: {', '.join(names)}).")
        if sheet is None:
            active = workbook.active
            sheet = active.title if active is not None and active.title in names else names[0]
        worksheet = workbook[sheet]
        _check_size(worksheet, path)
        try:
            merged = _merged_cells(worksheet)  # before the rows: they tell a header over two rows
            table = build_table(
                _rows(worksheet, path),
                file_name=path.name,
                kind="xlsx",
                header_row=header_row,
                sheet=sheet,
                sheets=names,
                merged=merged,
            )
            table = fill_merged(table, merged)
            hidden = _hidden(worksheet)
            return replace(table, hidden_columns=hidden.columns, hidden_rows=hidden.rows)
        except _DAMAGE:
            raise damaged(path) from None
    finally:
        workbook.close()


def _merged_cells(worksheet: ReadOnlyWorksheet) -> set[CellRange]:
    """The sheet's merged ranges: a read-only sheet does not read them, so its XML is searched."""
    # openpyxl's own opener of the sheet's part of the zip (ReadOnlyWorksheet._get_source, untyped).
    open_xml: Callable[[], BinaryIO] = getattr(worksheet, "_get_source")  # noqa: B009
    with open_xml() as source:
        return merged_ranges(source)


def _hidden(worksheet: ReadOnlyWorksheet) -> HiddenParts:
    """The sheet's hidden columns and rows: a read-only sheet does not read them either."""
    open_xml: Callable[[], BinaryIO] = getattr(worksheet, "_get_source")  # noqa: B009
    with open_xml() as source:
        return hidden_parts(source)


def _check_size(worksheet: ReadOnlyWorksheet, path: Path) -> None:
    """Refuse at once a sheet whose saved size is far over the limit (the rows are counted anyway)."""
    try:
        rows = worksheet.max_row  # from the sheet's saved dimension: nothing read yet
    except _DAMAGE:
        return
    if isinstance(rows, int) and rows > 2 * MAX_DATA_ROWS:
        raise ImportFileError(
            f"{path.name} har {rows:,} rækker i arket".replace(",", ".")
            + f" (programmet læser højst {MAX_DATA_ROWS:,} rækker med data".replace(",", ".")
            + "). Del listen i flere filer, eller slet de rækker under listen, der ikke er sager."
        )


def _rows(worksheet: ReadOnlyWorksheet, path: Path) -> Iterator[tuple[int, tuple[Cell, ...]]]:
    empty_run = 0
    # No max_col: openpyxl would pad every row to it. Cells right of MAX_COLUMNS are left out.
    for number, values in enumerate(worksheet.iter_rows(min_row=1, values_only=True), start=1):
        values = values[:MAX_COLUMNS]
        if any(v is not None and v != "" for v in values):
            empty_run = 0
        else:
            empty_run += 1
            if empty_run > MAX_EMPTY_ROWS:
                raise ImportFileError(
                    f"{path.name} har mere end {MAX_EMPTY_ROWS:,} tomme rækker".replace(",", ".")
                    + " i arket. Slet de tomme rækker under listen i Excel, og gem filen igen."
                )
        yield number, tuple(values)
