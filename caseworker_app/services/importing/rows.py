"""The preview as the window and the command line show it: each row of the list as it will be saved
(ImportRow), the whole list (ImportPreview) and its one-paragraph Danish summary."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ...core.deadline import Deadline
from ...core.import_faults import fault_texts
from ...core.import_hidden import rows_listed
from ...core.import_mapping import ColumnMapping
from ...core.import_merged import merged_rows
from ...core.import_rows import CaseDraft, RowError
from ...core.import_table import SourceTable
from ...core.text import count_text
from .duplicates import Duplicate, FieldChange, NewerValue

SKIP, UPDATE = "skip", "update"
# A closed case in the program's own list: an import cannot close it, so the user must know.
CLOSED_IN_LIST = (
    "Rækken er markeret afsluttet (kolonnen Status), men oprettes som aktiv sag med frister regnet fra "
    "startdatoerne – slet rækken i regnearket, hvis sagen ikke skal følges op"
)
DUPLICATE_CHOICES = (SKIP, UPDATE)
# A row Excel hides (a filter's too), imported all the same: the user did not see it in Excel.
HIDDEN_IN_EXCEL = "Rækken er skjult i Excel (fx af et filter)"


def text_of(cell: object) -> str:
    """A cell as one line of text ('' when empty)."""
    return " ".join(str(cell).split()) if cell is not None else ""


def rows_text(count: int) -> str:
    """'1 række', '3 rækker'."""
    return count_text(count, "række", "rækker")


@dataclass(frozen=True)
class ImportRow:
    """One row of the list as it will be saved."""

    number: int  # the spreadsheet's row number
    draft: CaseDraft
    errors: tuple[RowError, ...] = ()
    duplicate: Duplicate | None = None  # the existing case with this FASIT number and trial
    update_errors: tuple[RowError, ...] = ()  # why duplicates="update" cannot be saved
    first_deadline: Deadline | None = None  # the case's earliest deadline once saved (or updated)
    warnings: tuple[str, ...] = ()  # saved all the same: a date after today (date_warnings)
    marked_closed: bool = False  # a new case whose 'Status' cell says afsluttet: it is created active
    dates_text: str = ""  # 'start på ressourceforløb 01-03-2024, …' (preview.dates_text): window and CLI
    hidden: bool = False  # Excel hides the row (a filter's too)
    # 'Samme CPR-nummer og forsøg som sag nr. 12 (FASIT-sagsnummer 2024-0421) …': maybe one citizen twice.
    same_citizen: str = ""
    number_cell: str = ""  # Excel stored the FASIT number as a decimal number (import_parse.number_cell_warning)
    # The municipality in settings is not among the trial's (core/participation.py, decision 17): saved all the same.
    participation: str = ""

    @property
    def notices(self) -> tuple[str, ...]:
        """Every warning the row is saved with (⚠ beside it, in the window and on the command line)."""
        return (
            *([HIDDEN_IN_EXCEL] if self.hidden else []),
            *self.warnings,
            *([CLOSED_IN_LIST] if self.marked_closed else []),
            *([self.same_citizen] if self.same_citizen else []),
            *([self.number_cell] if self.number_cell else []),
            *([self.participation] if self.participation else []),
        )

    @property
    def kept_values(self) -> tuple[NewerValue, ...]:
        """The values an update leaves: the program set them after the file was saved."""
        return () if self.duplicate is None else tuple(n for n in self.duplicate.newer if n.kept)

    @property
    def duplicate_of(self) -> int | None:
        """The id of the existing case with this FASIT number and trial, or None."""
        return None if self.duplicate is None else self.duplicate.case.id

    @property
    def duplicate_closed(self) -> bool:
        """That case is closed: an import never updates it."""
        return self.duplicate is not None and self.duplicate.closed

    @property
    def changes(self) -> tuple[FieldChange, ...]:
        """What duplicates="update" changes (empty: nothing new, or no duplicate)."""
        return () if self.duplicate is None else self.duplicate.changes

    @property
    def ok(self) -> bool:
        """The row can be saved as a new case, or skipped as a duplicate."""
        return not self.errors

    def saved_with(self, duplicates: str) -> bool:
        """Whether save_import writes something for this row (a new case or an update)."""
        if not self.ok:
            return False
        if self.duplicate is None:
            return True
        return duplicates == UPDATE and not self.duplicate.closed and bool(self.changes) and not self.update_errors

    def faults(self, duplicates: str) -> tuple[RowError, ...]:
        """The row's faults when saved with this choice of duplicates."""
        if duplicates == UPDATE and self.duplicate is not None and not self.duplicate.closed:
            return self.errors + self.update_errors
        return self.errors


@dataclass(frozen=True)
class ImportPreview:
    """The whole list as it will be saved; nothing has been saved."""

    table: SourceTable
    mapping: ColumnMapping
    today: date
    rows: tuple[ImportRow, ...]
    mapping_errors: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()  # remarks that do not stop the import (a column of dates ignored)
    hidden_rows: tuple[int, ...] = ()  # rows of data hidden in Excel (a filter's too), by their numbers
    hidden_skipped: bool = False  # those rows are left out (build_preview's skip_hidden)
    total_rows: tuple[int, ...] = ()  # sum rows ('I alt'), left out
    remark_rows: tuple[int, ...] = ()  # rows with only a remark and no case, left out

    @property
    def new_rows(self) -> list[ImportRow]:
        return [r for r in self.rows if r.ok and r.duplicate is None]

    @property
    def duplicate_rows(self) -> list[ImportRow]:
        return [r for r in self.rows if r.duplicate is not None]

    def invalid_rows(self, duplicates: str = SKIP) -> list[ImportRow]:
        return [r for r in self.rows if r.faults(duplicates)]

    def errors(self, duplicates: str = SKIP) -> list[RowError]:
        """Every fault, row by row, in the order of the columns."""
        return [error for row in self.rows for error in row.faults(duplicates)]

    def fault_texts(self, duplicates: str = SKIP) -> list[str]:
        """The faults as the Fejl tab and the command line say them: one sentence of many rows once."""
        return fault_texts(self.errors(duplicates))

    def nothing_text(self) -> str:
        """Why there is nothing to import when no row is left ('' when rows are): the file has none
        under the headers, or every one is a sum row, a remark or hidden in Excel and left out as chosen."""
        if self.rows:
            return ""
        parts = []
        if self.hidden_skipped and self.hidden_rows:
            parts.append(
                f"{rows_listed(list(self.hidden_rows))} er skjult i Excel (fx af et filter) og springes over, "
                "som du har valgt"
            )
        if self.total_rows:
            word = next(
                (
                    text_of(cell)
                    for row in self.table.rows
                    if row.number == self.total_rows[0]
                    for cell in row.cells
                    if text_of(cell)
                ),
                "",
            )
            kind = "en sumrække" if len(self.total_rows) == 1 else "sumrækker"
            parts.append(f"{rows_listed(list(self.total_rows))} er {kind} ('{word}') uden sag")
        if self.remark_rows:
            parts.append(f"{rows_listed(list(self.remark_rows))} har kun en bemærkning og ingen sag")
        if not parts:
            return f"{self.table.file_name} har ingen rækker med sager under overskrifterne."
        return "Der er ingen sager at importere: " + "; ".join(parts) + "."

    def summary(self, duplicates: str = SKIP) -> str:
        """One Danish paragraph: what was read and what saving would do."""
        table = self.table
        where = f" (arket '{table.sheet}')" if table.sheet else ""
        head = (
            f"{rows_text(len(table.rows))} læst fra {table.file_name}{where}; overskrifterne står i "
            f"{table.header_rows_text}."
        )
        if self.mapping_errors:
            return f"{head} Vælg kolonnerne, før listen kan importeres."
        counts = [count_text(len(self.new_rows), "ny sag", "nye sager")]
        if self.total_rows:
            counts.append(f"{count_text(len(self.total_rows), 'sumrække', 'sumrækker')} springes over")
        if self.remark_rows:
            only = count_text(len(self.remark_rows), "række", "rækker") + " kun med en bemærkning"
            counts.append(f"{only} springes over")
        if self.hidden_rows:
            hidden = count_text(len(self.hidden_rows), "række", "rækker") + " skjult i Excel"
            counts.append(f"{hidden} springes over" if self.hidden_skipped else f"{hidden} (⚠, importeres)")
        found = self.duplicate_rows
        if found:
            closed = sum(1 for r in found if r.duplicate_closed)
            # A closed case counts as found, as it does for "Ny sag"; it is never updated.
            which = f", herunder {count_text(closed, 'afsluttet sag', 'afsluttede sager')}" if closed else ""
            updated = sum(1 for r in found if r.saved_with(duplicates))
            counts.append(
                f"{len(found)} findes allerede (samme FASIT-sagsnummer og forsøg{which})"
                + (f", heraf opdateres {updated}" if duplicates == UPDATE else ", de springes over")
            )
        invalid = self.invalid_rows(duplicates)
        if invalid:
            counts.append(f"{rows_text(len(invalid))} med fejl")
        filled = merged_rows(table, self.mapping.used_columns())
        if filled:
            counts.append(f"{rows_text(filled)} udfyldt fra flettede celler")
        warned = sum(1 for r in self.rows if r.warnings and r.saved_with(duplicates))
        if warned:
            counts.append(f"{rows_text(warned)} med en dato i fremtiden (⚠, gemmes alligevel)")
        same = sum(1 for r in self.rows if r.same_citizen and r.saved_with(duplicates))
        if same:
            counts.append(
                f"{rows_text(same)} med samme CPR-nummer og forsøg som en anden sag (⚠, gemmes alligevel "
                + ("som ny sag)" if same == 1 else "som nye sager)")
            )
        outside = sum(1 for r in self.rows if r.participation and r.saved_with(duplicates))
        if outside:
            counts.append(
                f"{rows_text(outside)} i et forsøg, kommunen ikke er nævnt i (⚠, gemmes alligevel; kontrollér, "
                "at kommunen deltager)"
            )
        numbers = sum(1 for r in self.rows if r.number_cell and r.saved_with(duplicates))
        if numbers:
            counts.append(f"{rows_text(numbers)} med et FASIT-sagsnummer, Excel har gemt som tal (⚠)")
        closed = sum(1 for r in self.rows if r.marked_closed and r.saved_with(duplicates))
        if closed:
            counts.append(
                f"{rows_text(closed)} markeret afsluttet i listen (⚠, oprettes som "
                + ("aktiv sag)" if closed == 1 else "aktive sager)")
            )
        kept = sum(1 for r in self.rows if r.kept_values) if duplicates == UPDATE else 0
        if kept:
            counts.append(f"{rows_text(kept)} med værdier, der er ændret i programmet efter filen blev gemt (beholdes)")
        return f"{head} {', '.join(counts)}."
