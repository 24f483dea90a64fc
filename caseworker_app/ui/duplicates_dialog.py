"""Open cases that share a FASIT case number in one trial (saved before migration m006 made the
database refuse that): the main window's "… har samme FASIT-sagsnummer … – vis"."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QWidget

from ..core.redact import redact_cpr
from .table_dialog import ReadOnlyTableDialog

DuplicateGroup = tuple[str, str, Sequence[int]]  # trial, FASIT number, database ids

DUPLICATE_COLUMNS = ("Sagsnr. (FASIT)", "Forsøg", "Sager (nr. i databasen)")
DUPLICATES_TITLE = "Sager med samme FASIT-sagsnummer"
DUPLICATES_HELP = (
    "Hvert af disse FASIT-sagsnumre står på flere åbne sager i samme forsøg. Sagerne er gemt, før "
    "programmet begyndte at afvise det. Søg på sagsnummeret under Sager, og ret sagsnummeret i den "
    "forkerte sag, eller afslut den sag, der er oprettet ved en fejl. Når der ikke er flere, "
    "afviser databasen selv en sag med et sagsnummer, der allerede er åbent i forsøget."
)


def duplicates_heading(groups: Sequence[DuplicateGroup]) -> str:
    """'2 sager har samme FASIT-sagsnummer i samme forsøg' (and how many numbers, if several)."""
    cases = sum(len(ids) for _trial, _ref, ids in groups)
    if len(groups) == 1:
        return f"{cases} sager har samme FASIT-sagsnummer i samme forsøg"
    return f"{cases} sager har samme FASIT-sagsnummer som en anden sag i samme forsøg ({len(groups)} numre)"


def duplicate_row(group: DuplicateGroup) -> tuple[str, str, str]:
    """FASIT number (a CPR-shaped one masked), trial and the database ids, as the dialog shows them."""
    trial, case_ref, ids = group
    return redact_cpr(case_ref), trial, ", ".join(str(i) for i in ids)


class DuplicatesDialog(ReadOnlyTableDialog):
    """A read-only table of the FASIT numbers open more than once in a trial (no names, no CPR)."""

    def __init__(self, groups: Sequence[DuplicateGroup], parent: QWidget | None = None):
        groups = list(groups)
        super().__init__(
            title=DUPLICATES_TITLE,
            heading=duplicates_heading(groups),
            explanation=DUPLICATES_HELP,
            columns=DUPLICATE_COLUMNS,
            rows=[duplicate_row(x) for x in groups],
            size=(640, 320),
            parent=parent,
        )
        self.groups = groups
