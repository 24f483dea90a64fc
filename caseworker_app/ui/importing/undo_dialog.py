"""Filer › Fortryd import …: the imports into the database, newest first; one undone as a whole
after asking (services/importing/history.py undo_import), or the reason it cannot be (undo_problem)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.text import count_text
from ...core.workdays import fmt
from ...services.importing import (
    ImportBatch,
    ImportUndoError,
    UndoResult,
    import_batches,
    undo_import,
    undo_problem,
)
from ...store import StoreError
from ..colours import error_style
from ..questions import ask_yes_no
from ..screen_fit import resize_to_fit
from ..table_dialog import choice_table, chosen_row, fill_table

if TYPE_CHECKING:  # a type only: no import of the store when this module loads
    from ...store.case_store import CaseStore

TITLE = "Fortryd import"
COLUMNS = ("Nr.", "Fil", "Tidspunkt", "Oprettet", "Opdateret", "Sprunget over", "Med fejl", "Status")


def _local(stamp: str) -> datetime:
    return datetime.fromisoformat(stamp).astimezone()


def when_text(batch: ImportBatch) -> str:
    """'30-11-2026 kl. 09.15', in the computer's time."""
    when = _local(batch.created_at)
    return f"{fmt(when.date())} kl. {when:%H.%M}"


def status_text(batch: ImportBatch) -> str:
    if batch.undone_at is None:
        return ""
    return f"fortrudt {fmt(_local(batch.undone_at).date())}"


def _cases(count: int) -> str:
    return count_text(count, "sag", "sager")


def undo_question(batch: ImportBatch) -> str:
    """What undoing the import does, asked before it is done."""
    text = (
        f"Vil du fortryde import nr. {batch.id} ({batch.file_name}, {when_text(batch)})?\n\n"
        f"{_cases(batch.created).capitalize()}, som importen oprettede, slettes"
    )
    if batch.updated:
        text += f", og {_cases(batch.updated)}, som den opdaterede, får deres tidligere værdier igen"
    return text + ". Sletningerne står i sletteloggen uden navne og CPR-numre."


class UndoImportDialog(QDialog):
    """The imports, newest first; "Fortryd import …" undoes the chosen one when nothing has changed."""

    def __init__(
        self,
        store: CaseStore,
        *,
        on_undone: Callable[[UndoResult], None] | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.store = store
        self._on_undone = on_undone
        self.batches: list[ImportBatch] = []
        self.setWindowTitle(TITLE)
        intro = QLabel(
            "Vælg den import, du vil fortryde. Hele importen fortrydes på én gang: de sager, den "
            "oprettede, slettes, og de sager, den opdaterede, får deres tidligere værdier igen. Det kan "
            "kun ske, så længe ingen af importens sager er ændret siden."
        )
        intro.setWordWrap(True)
        self.table = choice_table(COLUMNS, "Importer, nyeste først")
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.undo_button = QPushButton("&Fortryd import …")
        self.undo_button.clicked.connect(self.undo_selected)
        close = QPushButton("&Luk")
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.undo_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        resize_to_fit(self, 820, 420)
        self.reload()

    def reload(self) -> None:
        self.batches = import_batches(self.store)
        rows = [
            (
                str(batch.id),
                batch.file_name + (f" (arket '{batch.sheet}')" if batch.sheet else ""),
                when_text(batch),
                str(batch.created),
                str(batch.updated),
                str(batch.skipped),
                str(batch.invalid),
                status_text(batch),
            )
            for batch in self.batches
        ]
        fill_table(self.table, rows, numbers=(0, 3, 4, 5, 6))
        first = next((row for row, batch in enumerate(self.batches) if not batch.undone), 0)
        if self.batches:
            self.table.selectRow(first)
        self._selection_changed()

    def selected(self) -> ImportBatch | None:
        row = chosen_row(self.table)
        return None if row is None else self.batches[row]

    def _selection_changed(self) -> None:
        """Say at once why the chosen import cannot be undone, if it cannot."""
        batch = self.selected()
        problem = undo_problem(self.store, batch.id) if batch is not None else None
        self.undo_button.setEnabled(batch is not None and problem is None)
        if not self.batches:
            self._say("Der er ingen importer i databasen.")
        elif problem:
            self._say(f"⚠ {problem}", error=True)
        else:
            self._say("")

    def _say(self, text: str, *, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(error_style() if error else "")

    def undo_selected(self) -> None:
        """Ask, then undo the chosen import; the reason is said when it cannot be undone."""
        batch = self.selected()
        if batch is None:
            return
        problem = undo_problem(self.store, batch.id)
        if problem:
            QMessageBox.warning(self, TITLE, problem)
            return
        # The buttons name the answers; "Annuller" is the default (Enter deletes nothing).
        if not ask_yes_no(self, TITLE, undo_question(batch), yes="&Fortryd import", no="&Annuller"):
            return
        try:
            result = undo_import(self.store, batch.id)
        except (ImportUndoError, StoreError) as exc:  # changed in another window since it was asked
            QMessageBox.warning(self, TITLE, exc.window_text())  # the window's advice, not the command line's
            try:
                self.reload()
            except StoreError as again:  # a real fault fails the reading too: said here, not in a second box
                self._say(f"⚠ Listen over importer kunne ikke læses igen. {again.window_text()}", error=True)
            return
        if self._on_undone is not None:
            self._on_undone(result)
        self.reload()
        self._say(result.summary)
