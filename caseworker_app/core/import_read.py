"""Read a case list file (.xlsx or .csv) into a SourceTable; every refusal is a Danish message."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from .import_table import MAX_FILE_BYTES, ZIP_SIGNATURE, ImportFileError, SourceTable
from .os_text import reason_text

XLSX_SUFFIXES = (".xlsx", ".xlsm")
CSV_SUFFIXES = (".csv", ".txt")
LOCK_PREFIX = "~$"  # Excel's lock file beside an open workbook: '~$sagsliste.xlsx'


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f}".replace(".", ",") + " MB"


def read_source(path: Path | str, *, sheet: str | None = None, header_row: int | None = None) -> SourceTable:
    """The rows of a case list; ImportFileError (Danish, names the file) when it cannot be read.

    The size is checked before anything is read: a file of 50 MB or more is refused.
    sheet: the sheet of a workbook (default: the one open when it was saved); header_row: the
    spreadsheet row with the headers (default: found among the first rows).
    """
    path = Path(path)
    try:
        if path.is_dir():
            raise ImportFileError(f"{path} er en mappe. Vælg sagslisten (en .xlsx- eller .csv-fil).")
        if not path.exists():
            raise ImportFileError(f"Filen {path} findes ikke. Kontrollér navnet og mappen.")
        size = path.stat().st_size
        if size >= MAX_FILE_BYTES:
            raise ImportFileError(
                f"{path.name} fylder {_megabytes(size)}; programmet læser kun sagslister under "
                f"{_megabytes(MAX_FILE_BYTES)}. Er det den rigtige fil? Slet ark, billeder og kolonner, "
                "der ikke hører til sagslisten, eller gem listen som CSV."
            )
        if size == 0:
            raise ImportFileError(f"{path.name} er tom. Vælg den fil, der har sagslisten.")
        if path.name.startswith(LOCK_PREFIX) and not _is_zip(path):
            raise ImportFileError(lock_file_text(path))
        suffix = path.suffix.lower()
        if suffix in XLSX_SUFFIXES:
            from .import_xlsx import read_xlsx

            return _stamped(read_xlsx(path, sheet=sheet, header_row=header_row), path)
        if suffix in CSV_SUFFIXES:
            from .import_csv import read_csv

            return _stamped(read_csv(path, path.read_bytes(), header_row=header_row), path)
        if suffix == ".xls":
            raise ImportFileError(
                f"{path.name} er i Excels gamle format (.xls). Åbn den i Excel, og gem den som "
                "'Excel-projektmappe (.xlsx)' eller 'CSV (semikolonsepareret)'."
            )
        raise ImportFileError(
            f"{path.name} er hverken en Excel-fil (.xlsx) eller en CSV-fil (.csv). Gem sagslisten fra "
            "Excel i et af de to formater."
        )
    except PermissionError:
        raise ImportFileError(f"{path.name} kan ikke åbnes: du har ikke adgang til filen.") from None
    except OSError as exc:
        raise ImportFileError(
            f"{path.name} kan ikke læses ({reason_text(exc)}). Er filen åben i et andet program, "
            "eller ligger den på et drev, der ikke er forbundet?"
        ) from None


def _stamped(table: SourceTable, path: Path) -> SourceTable:
    """The table with the moment its file was last saved: an update must not undo what the program
    changed after that (services/importing/duplicates.py); and a note when the file is open in a
    spreadsheet program (its edits not saved yet are not in what was read)."""
    opened = open_in_program(path)
    notes = table.notes
    if opened:
        notes = (
            *notes,
            f"⚠ Filen er åben i {opened}: ændringer, der ikke er gemt, kommer ikke med. Har du rettet i den, "
            f"så gem den i {opened}, og læs den igen.",
        )
    return replace(table, saved_at=datetime.fromtimestamp(path.stat().st_mtime, UTC), notes=notes)


def open_in_program(path: Path) -> str:
    """'Excel' or 'LibreOffice' when the lock file that program keeps beside an open file is there,
    else ''. Excel's is '~$' and the name; LibreOffice's '.~lock.' and the name and '#'."""
    folder = path.parent
    try:
        if (folder / f"{LOCK_PREFIX}{path.name}").is_file():
            return "Excel"
        if (folder / f".~lock.{path.name}#").is_file():
            return "LibreOffice"
    except OSError:  # a folder that cannot be listed: no note rather than no import
        return ""
    return ""


def lock_file_text(path: Path) -> str:
    """Why the lock file Excel keeps beside an open workbook cannot be imported, and what to choose."""
    real = path.name[len(LOCK_PREFIX) :]
    return (
        f"{path.name} er ikke en sagsliste, men en lille hjælpefil, som Excel laver, mens {real} er åben (den "
        f"forsvinder, når filen lukkes). Vælg {real} – og gem den i Excel først, så dine seneste ændringer "
        "kommer med."
    )


def _is_zip(path: Path) -> bool:
    with path.open("rb") as file:
        return file.read(4) == ZIP_SIGNATURE
