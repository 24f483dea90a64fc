"""The case list and the deadline list as spreadsheets: CSV for Danish Excel and .xlsx (openpyxl).

CSV: ';' separated, UTF-8 with a byte-order mark (so Excel reads æøå), CRLF line ends, dates as
dd-mm-åååå. XLSX: real date cells shown as dd-mm-yyyy, a bold header row that stays in view, a
filter on the header and column widths that fit. Every text cell that starts with =, +, -, @, a tab
or a carriage return gets a leading apostrophe, so a name cannot become a formula (CSV injection).
CPR numbers appear only masked (ddmmåå-xxxx). Files are written whole or not at all.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from openpyxl import Workbook
from openpyxl.cell.cell import Cell as SheetCell
from openpyxl.cell.cell import MergedCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from .atomic import atomic_write, atomic_write_bytes
from .cases import CaseDeadline, CaseProblem, CaseRecord
from .cpr import mask_cpr
from .deadline import STATUS_DA, Deadline, due_text, practical_date
from .redact import redact_cpr
from .sheet_text import is_formula_like, neutralise
from .terms import DATE_NAMES
from .text import printable
from .workdays import fmt

Cell = str | date | int | None
XLSX_DATE_FORMAT = "dd-mm-yyyy"
_MAX_WIDTH = 60


def xlsx_cell(value: Cell) -> Cell:
    """A cell value for openpyxl: CPR masked, no control characters (openpyxl refuses them)."""
    return printable(redact_cpr(value)) if isinstance(value, str) else value


def keep_as_text(cell: SheetCell | MergedCell) -> None:
    """A text cell a spreadsheet could run as a formula (=, +, -, @ first) stays text, as typed:
    Excel's own "quote prefix" hides the apostrophe a CSV has to show (core/sheet_text.py)."""
    if isinstance(cell.value, str) and is_formula_like(cell.value):
        cell.data_type = "s"
        cell.quotePrefix = True


@dataclass(frozen=True)
class Table:
    """A sheet: a title (the xlsx sheet name), Danish column headers and rows of cells."""

    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]


def _due_cell(d: Deadline) -> Cell:
    """A date cell, or for a deadline without an agreed date the text saying so (due_text)."""
    return due_text(d) if d.undated else d.legal_due


def _reason_cell(d: Deadline) -> str:
    """The reason, followed by the trial rule's own date and the caution when there are any."""
    extra = list(d.remarks)
    if not extra:
        return d.reason
    return " ".join([d.reason.rstrip(".") + ".", *extra])


_DEADLINE_COLUMNS: tuple[tuple[str, Callable[[CaseDeadline], Cell]], ...] = (
    ("Borger", lambda i: i.case.citizen),
    ("Sagsnr. (FASIT)", lambda i: i.case.case_ref),
    ("Forsøg", lambda i: i.case.trial_id),
    ("Sagsbehandler", lambda i: i.case.caseworker),
    ("Hvad", lambda i: i.deadline.label),
    ("Frist", lambda i: _due_cell(i.deadline)),
    ("Senest i praksis", lambda i: practical_date(i.deadline)),
    ("Fridag", lambda i: i.deadline.day_off or ""),
    ("Status", lambda i: STATUS_DA.get(i.deadline.status, i.deadline.status)),
    # As every other output: only beside a date the ordinary rule does not give itself (Deadline.ordinary_beside).
    ("Almindelig regel ville give", lambda i: i.deadline.ordinary_due if i.deadline.ordinary_beside else None),
    ("Hvorfor", lambda i: _reason_cell(i.deadline)),
    ("Regel", lambda i: i.deadline.rule),
    ("Henvisning", lambda i: i.deadline.citation),
)


UNCOMPUTABLE_DA = "kan ikke beregnes"
_DATE_COLUMNS = ("Frist", "Senest i praksis", "Almindelig regel ville give")


def _problem_row(problem: CaseProblem) -> tuple[Cell, ...]:
    """A case that cannot be computed: the case's columns, no dates, the reason under Hvorfor."""
    case = problem.case
    cells: dict[str, Cell] = {
        "Borger": case.citizen,
        "Sagsnr. (FASIT)": case.case_ref,
        "Forsøg": case.trial_id,
        "Sagsbehandler": case.caseworker,
        "Hvad": "Frist kan ikke beregnes",
        "Status": UNCOMPUTABLE_DA,
        "Hvorfor": problem.reason,
    }
    return tuple(cells.get(name, None if name in _DATE_COLUMNS else "") for name, _ in _DEADLINE_COLUMNS)


def deadline_table(items: Iterable[CaseDeadline], problems: Iterable[CaseProblem] = ()) -> Table:
    """The deadline list as a table, in the order given; then a row per case not computed."""
    rows = tuple(tuple(get(item) for _, get in _DEADLINE_COLUMNS) for item in items)
    rows += tuple(_problem_row(p) for p in problems)
    return Table("Frister", tuple(name for name, _ in _DEADLINE_COLUMNS), rows)


def case_table(cases: Sequence[CaseRecord]) -> Table:
    """The case list as a table: one column per case date in use, CPR masked."""
    used = [name for name in DATE_NAMES if any(c.dates.get(name) for c in cases)]
    headers = (
        "Borger",
        "CPR-nr.",
        "Sagsnr. (FASIT)",
        "Forsøg",
        "Sagsbehandler",
        "Status",
        *(DATE_NAMES[name].capitalize() for name in used),
        "Seneste hændelse",
        "Afslutningsårsag",
        "Bemærkning",
    )
    rows: list[tuple[Cell, ...]] = []
    for case in cases:
        last_event = max((e.day for e in case.events), default=None)
        rows.append(
            (
                case.citizen,
                mask_cpr(case.cpr),
                case.case_ref,
                case.trial_id,
                case.caseworker,
                case.status,
                *(case.dates.get(name) for name in used),
                last_event,
                case.end_reason,
                case.note,
            )
        )
    return Table("Sager", headers, tuple(rows))


def csv_bytes(table: Table) -> bytes:
    """The table as CSV for Danish Excel: ';', UTF-8 with BOM, CRLF, dates dd-mm-åååå."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([neutralise(h) for h in table.headers])
    for row in table.rows:
        writer.writerow([_csv_cell(cell) for cell in row])
    return buffer.getvalue().encode("utf-8-sig")


def _csv_cell(cell: Cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, date):
        return fmt(cell)
    if isinstance(cell, int):
        return str(cell)
    return neutralise(cell)


def write_csv(table: Table, path: str | os.PathLike[str]) -> None:
    """Write the table as a CSV file, whole or not at all."""
    atomic_write_bytes(path, csv_bytes(table))


def workbook(table: Table) -> Workbook:
    """The table as a workbook: date cells, a bold frozen header with a filter, fitted widths."""
    book = Workbook()
    sheet = book.active
    assert isinstance(sheet, Worksheet)  # a new workbook opens with one ordinary sheet, active
    sheet.title = table.title
    sheet.append([xlsx_cell(h) for h in table.headers])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    widths = [len(h) for h in table.headers]
    for row in table.rows:
        sheet.append([xlsx_cell(v) for v in row])
        for col, value in enumerate(row):
            shown = fmt(value) if isinstance(value, date) else "" if value is None else str(value)
            widths[col] = max(widths[col], len(shown))
    for cells in sheet.iter_rows(min_row=1):
        for cell in cells:
            if isinstance(cell.value, date):
                cell.number_format = XLSX_DATE_FORMAT
            else:
                keep_as_text(cell)
    for col, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(col)].width = min(width, _MAX_WIDTH) + 2
    sheet.freeze_panes = "A2"
    if table.headers:
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(table.headers))}{len(table.rows) + 1}"
    return book


def write_xlsx(table: Table, path: str | os.PathLike[str]) -> None:
    """Write the table as an .xlsx file, whole or not at all."""
    book = workbook(table)
    atomic_write(path, book.save)


def export_deadlines(
    items: Iterable[CaseDeadline],
    path: str | os.PathLike[str],
    problems: Iterable[CaseProblem] = (),
) -> None:
    """Write the deadline list (and the cases not computed) as .xlsx or .csv, by the ending."""
    _write(deadline_table(items, problems), path)


def export_cases(cases: Sequence[CaseRecord], path: str | os.PathLike[str]) -> None:
    """Write the case list as .xlsx or .csv, chosen by the file name's ending."""
    _write(case_table(cases), path)


def _write(table: Table, path: str | os.PathLike[str]) -> None:
    ending = os.fspath(path).lower().rsplit(".", 1)[-1]
    if ending == "xlsx":
        write_xlsx(table, path)
    elif ending == "csv":
        write_csv(table, path)
    else:
        name = os.fspath(path)
        raise ValueError(f"Kan ikke gemme {name}: filnavnet skal ende på .xlsx eller .csv.")
