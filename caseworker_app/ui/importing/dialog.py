"""Filer › Importér sager …: the dialog that puts the import's parts together (see the package):
the file read in a thread, its columns guessed for the user to correct, every row shown as it will
be saved and its faults listed; "Importér" saves it all in one transaction."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...services.importing import (
    ImportConflictError,
    ImportPreview,
    ImportRefusedError,
    ImportResult,
    SourceTable,
    build_preview,
    guess_mapping,
    remember_mapping,
    remembered_mapping,
    save_import,
)
from ...store import StoreError
from ..colours import error_style
from ..fields import set_tab_order
from ..screen_fit import resize_to_fit
from .error_tab import ErrorList, fault_lines
from .files import INTRO, SAMPLE_NOTE, FileRow, ask_open_path, sample_path
from .mapping_tab import MappingView
from .notes_area import FileNotes
from .options import ImportOptions, block_reason
from .preview_model import ImportPreviewModel
from .preview_tab import PreviewTable
from .reader import SourceReader

if TYPE_CHECKING:  # a type only: no import of the store when this module loads
    from ...store.case_store import CaseStore

_log = logging.getLogger(__name__)

TITLE = "Importér sager"
KOLONNER, FORHAANDSVISNING, FEJL = 0, 1, 2  # the tabs


class ImportDialog(QDialog):
    """Choose a file, check its columns and rows, and import it; `saved` tells what was saved."""

    def __init__(self, store: CaseStore, *, today: Callable[[], date] = date.today, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(TITLE)
        self.store = store
        self._today = today
        self.path: Path | None = None
        self.table: SourceTable | None = None
        self.preview: ImportPreview | None = None
        self.saved: ImportResult | None = None
        self.read_seconds = self.preview_seconds = 0.0  # the last file's, for the benchmark and the log
        self._read_started = 0.0
        self.reader = SourceReader(self)
        self.reader.read_done.connect(self._read_done)
        self.reader.read_failed.connect(self._read_failed)

        self.file_row = FileRow()
        self.file_row.choose_button.clicked.connect(self.choose_file)
        self.file_row.sample_button.clicked.connect(lambda: self.load(sample_path()))
        self.file_row.reread_button.clicked.connect(self.read_again)
        self.file_row.sheet_combo.activated.connect(self._sheet_chosen)
        self.file_row.header_combo.activated.connect(self._header_chosen)
        self.header_row: int | None = None  # the header row the user chose (None: found by the program)

        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problem_label = QLabel()  # a file that cannot be read, columns to choose
        self.problem_label.setWordWrap(True)
        self.problem_label.setStyleSheet(error_style())
        self.problem_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problem_label.hide()
        self.notes = FileNotes(self.problem_label, self.message_label)

        self.mapping_view = MappingView(store.catalog())
        self.mapping_view.mapping_changed.connect(lambda _mapping: self._rebuild())
        self.preview_model = ImportPreviewModel(self)
        self.preview_view = PreviewTable(self.preview_model)
        self.error_view = ErrorList()
        self.tabs = QTabWidget()
        self.tabs.addTab(self.mapping_view, "&Kolonner")
        self.tabs.addTab(self.preview_view, "&Forhåndsvisning")
        self.tabs.addTab(self.error_view, "F&ejl")
        intro = QLabel(INTRO)
        intro.setWordWrap(True)
        intro.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.stack = QStackedWidget()
        self.stack.addWidget(intro)
        self.stack.addWidget(self.tabs)

        self.options = ImportOptions()
        self.options.changed.connect(self._choices_changed)
        self.options.overwrite_changed.connect(self._rebuild)
        self.block_label = QLabel()  # why "Importér" cannot be pressed now
        self.block_label.setWordWrap(True)
        self.import_button = QPushButton("&Importér")
        self.import_button.clicked.connect(self.save)
        self.cancel_button = QPushButton("&Annuller")
        self.cancel_button.clicked.connect(self.reject)

        buttons = QHBoxLayout()
        buttons.addWidget(self.block_label, 1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.file_row)
        layout.addWidget(self.notes)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.options)
        layout.addLayout(buttons)
        self._show_state()
        resize_to_fit(self, 1100, 700)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.notes.cap(event.size().height())  # the tabs keep the most of a low dialog
        super().resizeEvent(event)

    # ------------------------------------------------------------ reading

    @property
    def reading(self) -> bool:
        return self.reader.reading

    def today(self) -> date:
        return self._today()

    def choose_file(self) -> None:
        path = ask_open_path(self)
        if path is not None:
            self.load(path)

    def read_again(self) -> None:
        if self.path is not None:
            self.load(self.path, self.table.sheet if self.table is not None else None, self.header_row)

    def _sheet_chosen(self, index: int) -> None:
        sheet = self.file_row.sheet_combo.itemText(index)
        if self.path is not None and self.table is not None and sheet != self.table.sheet:
            self.load(self.path, sheet)

    def _header_chosen(self, index: int) -> None:
        chosen = self.file_row.header_combo.itemData(index)
        if self.path is not None and chosen != self.header_row:
            self.load(self.path, self.table.sheet if self.table is not None else None, chosen)

    def load(self, path: Path, sheet: str | None = None, header_row: int | None = None) -> None:
        """Read the file in the background; the preview follows (read_done) or the message (read_failed).
        header_row: the row the user chose for the headers (None: the program finds it)."""
        self.path = Path(path)
        self.header_row = header_row
        self._read_started = time.perf_counter()
        self.setCursor(Qt.CursorShape.BusyCursor)
        self.file_row.show_reading(self.path)
        self.import_button.setEnabled(False)
        self.reader.read(self.path, sheet, header_row)

    def _read_done(self, table: SourceTable) -> None:
        self.unsetCursor()
        self.read_seconds = time.perf_counter() - self._read_started
        old_table, old_preview = self.table, self.preview
        if old_table is not None and old_preview is not None and table.headers == old_table.headers:
            mapping, first = old_preview.mapping, False  # the same columns: the mapping as chosen
        else:
            mapping = guess_mapping(table.headers, remembered_mapping(self.store), hidden=table.hidden_columns)
            first = True
        self.table = table
        self.options.only_valid_check.setChecked(False)  # chosen anew for each reading: the rows may differ
        self.options.overwrite_check.blockSignals(True)  # the preview is built below
        self.options.overwrite_check.setChecked(False)  # the file's age may differ too: keep newer values again
        self.options.overwrite_check.blockSignals(False)
        if table.hidden_rows.isdisjoint(r.number for r in table.rows):  # no hidden rows now: nothing to leave out
            self.options.skip_hidden_check.blockSignals(True)
            self.options.skip_hidden_check.setChecked(False)
            self.options.skip_hidden_check.blockSignals(False)
        self.file_row.show_sheets(table)
        self.file_row.show_header_rows(table, self.header_row)
        self.mapping_view.set_table(table, mapping)
        # The column combos are made now, after every other control: Tab reaches them after the tabs.
        set_tab_order(
            [
                self.tabs.tabBar(),
                *self.mapping_view.combos,
                self.mapping_view.trial_combo,
                self.preview_view,
                self.error_view,
                *self.options.controls(),
                self.import_button,
                self.cancel_button,
            ]
        )
        self._rebuild()
        self.stack.setCurrentIndex(1)
        if first:
            self.tabs.setCurrentIndex(
                KOLONNER if self.preview is None or self.preview.mapping_errors else FORHAANDSVISNING
            )
        rows = len(table.rows)
        _log.info(
            "case list read in %.2f s, preview in %.2f s (%d rows)", self.read_seconds, self.preview_seconds, rows
        )

    def _read_failed(self, message: str) -> None:
        self.unsetCursor()
        self.table = None
        self.preview = None
        self.preview_model.set_preview(None)
        self.stack.setCurrentIndex(0)
        self.file_row.show_header_rows(None, self.header_row)
        self._problem(f"⚠ {message} Intet er gemt.")
        self._show_state()

    def _problem(self, text: str) -> None:
        self.problem_label.setText(text)
        self.problem_label.setVisible(bool(text))
        self.notes.refit()

    # ------------------------------------------------------------ the preview

    def _rebuild(self) -> None:
        """The preview of the table with the mapping shown: every row checked against the database."""
        mapping = self.mapping_view.mapping()
        if self.table is None or mapping is None:
            return
        started = time.perf_counter()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.preview = build_preview(
                self.store,
                self.table,
                mapping,
                self.today(),
                overwrite_newer=self.options.overwrite_newer(),
                skip_hidden=self.options.skip_hidden(),
            )
        except StoreError as exc:
            self.preview = None
            self._problem(f"⚠ Databasen kan ikke læses: {exc.window_text()}")
        finally:
            QApplication.restoreOverrideCursor()
        self.preview_seconds = time.perf_counter() - started
        self.preview_model.set_preview(self.preview, self.options.duplicates(), self.options.only_valid())
        self._show_state()

    def _choices_changed(self) -> None:
        self.preview_model.set_choices(self.options.duplicates(), self.options.only_valid())
        self._show_state()

    def _show_state(self) -> None:
        """Texts, the fault list and which buttons work, from the preview and the user's choices."""
        preview, duplicates = self.preview, self.options.duplicates()
        table = self.table
        self.file_row.show_file(self.path, table)
        self.message_label.setHidden(preview is None)
        if preview is None:
            self.message_label.setText("")
            self.options.show_for(None)
            self.error_view.show_errors(None)
            self.tabs.setTabText(FEJL, "F&ejl")
            self._block("")
            self.notes.refit()
            return
        self._problem("⚠ " + "\n⚠ ".join(preview.mapping_errors) if preview.mapping_errors else "")
        assert table is not None  # a preview is made from the table
        notes = [preview.summary(duplicates), *preview.notes, *table.notes]
        if self.path is not None and self.path == sample_path():
            notes.append(SAMPLE_NOTE)
        self.message_label.setText("\n".join(notes))  # each note on a line of its own: a ⚠ begins one
        self.notes.refit()
        errors = preview.errors(duplicates)
        reason = block_reason(preview, duplicates, self.options.only_valid())
        self.error_view.show_errors(fault_lines(preview.fault_texts(duplicates), preview.mapping_errors, reason))
        self.tabs.setTabText(FEJL, f"F&ejl ({len(errors) + len(preview.mapping_errors)})")
        self.options.show_for(preview)
        self._block(reason)

    def _block(self, reason: str) -> None:
        self.block_label.setText(reason)
        self.block_label.setStyleSheet(error_style() if reason.startswith("⚠") else "")
        can = self.preview is not None and not reason
        self.import_button.setEnabled(can)
        self.import_button.setDefault(can)
        self.file_row.choose_button.setDefault(not can)

    # ------------------------------------------------------------ saving

    def save(self) -> None:
        """Importér: the rows as shown, in one transaction; the mapping remembered for next time."""
        preview = self.preview
        if preview is None:
            return
        options = self.options
        try:
            result = save_import(self.store, preview, only_valid=options.only_valid(), duplicates=options.duplicates())
        except ImportRefusedError as exc:
            QMessageBox.warning(self, TITLE, str(exc))
            return
        except ImportConflictError as exc:  # a case saved in another window since the preview
            QMessageBox.warning(self, TITLE, exc.window_text())  # says the preview is made again
            self._rebuild()
            return
        except StoreError as exc:
            text = exc.window_text()  # most say that nothing is saved themselves (busy, a full disk)
            QMessageBox.warning(self, TITLE, text if exc.says_nothing_saved else f"Intet er gemt: {text}")
            return
        try:
            remember_mapping(self.store, preview.mapping)
        except StoreError as exc:  # the cases are saved; only the choice of columns is not kept
            _log.warning("the import mapping could not be remembered: %s", type(exc).__name__)
        self.saved = result
        self.accept()

    def done(self, result: int) -> None:  # Qt override: no reading thread outlives the dialog
        self.reader.wait()
        super().done(result)
