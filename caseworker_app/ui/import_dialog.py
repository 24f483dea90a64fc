"""Filer › Importér sager …: a caseworker's own case list (.xlsx or .csv) read into the database.

The dialog is a face on services/importing.py, the API `caseworker-app import` uses too: the file
is read (in a thread: ui/import_reader.py), its columns guessed and shown for the user to correct
(ui/import_mapping_view.py), every row shown as it will be saved with its first deadline
(ui/import_models.py) and its faults listed; "Importér" saves it all in one transaction.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import date
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QStringListModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..core.text import count_text
from ..paths import resources_dir
from ..services.importing import (
    SKIP,
    UPDATE,
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
from ..store import StoreError
from .colours import error_style
from .fields import buddy_label, set_tab_order
from .import_mapping_view import MappingView
from .import_models import ImportPreviewModel
from .import_reader import SourceReader
from .printing.save_paths import start_folder
from .screen_fit import resize_to_fit
from .text_size import text_scale

if TYPE_CHECKING:  # a type only: no import of the store when this module loads
    from ..store.case_store import CaseStore

_log = logging.getLogger(__name__)

TITLE = "Importér sager"
FOLDER_KEY = "import/folder"  # the folder a list was last imported from
LIST_FILTERS = ("Sagsliste (*.xlsx *.csv)", "Excel-projektmappe (*.xlsx)", "CSV-fil (*.csv)", "Alle filer (*)")
KOLONNER, FORHAANDSVISNING, FEJL = 0, 1, 2  # the tabs
INTRO = (
    "<p><b>Importér din sagsliste</b> fra en Excel-projektmappe (.xlsx) eller en CSV-fil fra Excel.</p>"
    "<p>Listen skal have en række med overskrifter og en række pr. sag med mindst borgerens navn, "
    "FASIT-sagsnummeret og forsøget (eller ét forsøg til alle rækker) og forsøgets datoer. "
    "Programmet viser først, hvordan hver række bliver gemt, og med hvilken første frist; "
    "intet gemmes, før du trykker <b>Importér</b>.</p>"
    "<p>Vil du først se, hvordan det virker, så tryk <b>Prøv med eksempelfilen</b>.</p>"
)
SAMPLE_NOTE = "Eksempelfilen har opdigtede borgere. Importerer du den, fjerner du dem igen med Filer › Fortryd import …"


def sample_path() -> Path:
    """The sample list shipped with the program (resources/samples, made by make_samples.py)."""
    return resources_dir() / "samples" / "sagsliste.xlsx"


def ask_open_path(parent: QWidget | None) -> Path | None:
    """Ask for the case list (Qt file dialog); the folder is remembered for next time."""
    chosen, _filter = QFileDialog.getOpenFileName(
        parent, "Vælg sagslisten", str(start_folder(FOLDER_KEY)), ";;".join(LIST_FILTERS), LIST_FILTERS[0]
    )
    if not chosen:
        return None
    path = Path(chosen)
    QSettings().setValue(FOLDER_KEY, str(path.parent))
    return path


def _rows(count: int) -> str:
    return count_text(count, "række", "rækker")


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

        self.file_label = QLabel("Ingen fil valgt.")
        self.file_label.setWordWrap(True)
        self.choose_button = QPushButton("&Vælg fil …")
        self.sample_button = QPushButton("Prøv &med eksempelfilen")
        self.reread_button = QPushButton("&Læs filen igen")
        self.reread_button.setToolTip("Har du rettet filen i Excel, så gem den og læs den igen")
        self.sheet_combo = QComboBox()
        self.sheet_label = buddy_label("&Ark:", self.sheet_combo)
        self.choose_button.clicked.connect(self.choose_file)
        self.sample_button.clicked.connect(lambda: self.load(sample_path()))
        self.reread_button.clicked.connect(self.read_again)
        self.sheet_combo.activated.connect(self._sheet_chosen)

        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problem_label = QLabel()  # a file that cannot be read, columns to choose
        self.problem_label.setWordWrap(True)
        self.problem_label.setStyleSheet(error_style())
        self.problem_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problem_label.hide()

        self.mapping_view = MappingView(store.catalog())
        self.mapping_view.mapping_changed.connect(lambda _mapping: self._rebuild())
        self.preview_model = ImportPreviewModel(self)
        self.preview_view = QTableView()
        self.preview_view.setModel(self.preview_model)
        self.preview_view.setAccessibleName("Rækkerne, som de gemmes")
        self.preview_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.preview_view.setAlternatingRowColors(True)
        self.preview_view.verticalHeader().hide()
        self.preview_view.setWordWrap(False)
        header = self.preview_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        scale = text_scale()
        for column, width in enumerate((50, 150, 80, 210, 50, 115, 200, 300, 95, 120)):
            header.resizeSection(column, round(width * scale))
        self.preview_view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.error_model = QStringListModel(self)
        self.error_view = QListView()
        self.error_view.setModel(self.error_model)
        self.error_view.setAccessibleName("Fejl i listen")
        self.error_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.error_view.setWordWrap(True)
        self.error_view.setUniformItemSizes(False)
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

        self.skip_radio = QRadioButton("&Spring over")
        self.update_radio = QRadioButton("&Opdatér med listens værdier")
        self.skip_radio.setChecked(True)
        self.duplicate_group = QButtonGroup(self)
        self.duplicate_group.addButton(self.skip_radio)
        self.duplicate_group.addButton(self.update_radio)
        self.duplicate_group.buttonToggled.connect(lambda _button, checked: checked and self._choices_changed())
        self.only_valid_check = QCheckBox("Importér kun de gyldige &rækker")
        self.only_valid_check.setToolTip("Rækkerne med fejl springes over; ret dem i regnearket og importér dem senere")
        self.only_valid_check.toggled.connect(lambda _checked: self._choices_changed())
        self.block_label = QLabel()  # why "Importér" cannot be pressed now
        self.block_label.setWordWrap(True)
        self.import_button = QPushButton("&Importér")
        self.import_button.clicked.connect(self.save)
        self.cancel_button = QPushButton("Annuller")
        self.cancel_button.clicked.connect(self.reject)

        files = QHBoxLayout()
        files.addWidget(self.file_label, 1)
        for widget in (self.choose_button, self.sample_button, self.reread_button, self.sheet_label, self.sheet_combo):
            files.addWidget(widget)
        options = QHBoxLayout()
        options.addWidget(QLabel("Sager, der allerede findes:"))
        options.addWidget(self.skip_radio)
        options.addWidget(self.update_radio)
        options.addSpacing(16)
        options.addWidget(self.only_valid_check)
        options.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.block_label, 1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addLayout(files)
        layout.addWidget(self.problem_label)
        layout.addWidget(self.message_label)
        layout.addWidget(self.stack, 1)
        layout.addLayout(options)
        layout.addLayout(buttons)
        self._show_state()
        resize_to_fit(self, 1100, 700)

    # ------------------------------------------------------------ reading

    @property
    def reading(self) -> bool:
        return self.reader.reading

    def today(self) -> date:
        return self._today()

    def duplicates(self) -> str:
        return UPDATE if self.update_radio.isChecked() else SKIP

    def only_valid(self) -> bool:
        return self.only_valid_check.isChecked()

    def choose_file(self) -> None:
        path = ask_open_path(self)
        if path is not None:
            self.load(path)

    def read_again(self) -> None:
        if self.path is not None:
            self.load(self.path, self.table.sheet if self.table is not None else None)

    def _sheet_chosen(self, index: int) -> None:
        sheet = self.sheet_combo.itemText(index)
        if self.path is not None and self.table is not None and sheet != self.table.sheet:
            self.load(self.path, sheet)

    def load(self, path: Path, sheet: str | None = None) -> None:
        """Read the file in the background; the preview follows (read_done) or the message (read_failed)."""
        self.path = Path(path)
        self._read_started = time.perf_counter()
        self.setCursor(Qt.CursorShape.BusyCursor)
        self.file_label.setText(f"Fil: <b>{self._escaped_name()}</b> – læses …")
        self.import_button.setEnabled(False)
        self.reader.read(self.path, sheet)

    def _escaped_name(self) -> str:
        return escape(self.path.name) if self.path else ""

    def _read_done(self, table: SourceTable) -> None:
        self.unsetCursor()
        self.read_seconds = time.perf_counter() - self._read_started
        old_table, old_preview = self.table, self.preview
        if old_table is not None and old_preview is not None and table.headers == old_table.headers:
            mapping, first = old_preview.mapping, False  # the same columns: the mapping as chosen
        else:
            mapping, first = guess_mapping(table.headers, remembered_mapping(self.store)), True
        self.table = table
        self.only_valid_check.setChecked(False)  # chosen anew for each reading: the rows may differ
        self.sheet_combo.clear()
        self.sheet_combo.addItems(list(table.sheets))
        self.sheet_combo.setCurrentText(table.sheet or "")
        self.mapping_view.set_table(table, mapping)
        # The column combos are made now, after every other control: Tab reaches them after the tabs.
        set_tab_order(
            [
                self.tabs.tabBar(),
                *self.mapping_view.combos,
                self.mapping_view.trial_combo,
                self.preview_view,
                self.error_view,
                self.skip_radio,
                self.update_radio,
                self.only_valid_check,
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
        _log.info(
            "case list read in %.2f s, preview in %.2f s (%d rows)",
            self.read_seconds,
            self.preview_seconds,
            len(table.rows),
        )

    def _read_failed(self, message: str) -> None:
        self.unsetCursor()
        self.table = None
        self.preview = None
        self.preview_model.set_preview(None)
        self.stack.setCurrentIndex(0)
        self._problem(f"⚠ {message} Intet er gemt.")
        self._show_state()

    def _problem(self, text: str) -> None:
        self.problem_label.setText(text)
        self.problem_label.setVisible(bool(text))

    # ------------------------------------------------------------ the preview

    def _rebuild(self) -> None:
        """The preview of the table with the mapping shown: every row checked against the database."""
        mapping = self.mapping_view.mapping()
        if self.table is None or mapping is None:
            return
        started = time.perf_counter()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.preview = build_preview(self.store, self.table, mapping, self.today())
        except StoreError as exc:
            self.preview = None
            self._problem(f"⚠ Databasen kan ikke læses: {exc}")
        finally:
            QApplication.restoreOverrideCursor()
        self.preview_seconds = time.perf_counter() - started
        self.preview_model.set_preview(self.preview, self.duplicates(), self.only_valid())
        self._show_state()

    def _choices_changed(self) -> None:
        self.preview_model.set_choices(self.duplicates(), self.only_valid())
        self._show_state()

    def _show_state(self) -> None:
        """Texts, the fault list and which buttons work, from the preview and the user's choices."""
        preview, duplicates = self.preview, self.duplicates()
        table = self.table
        loaded = table is not None
        self.reread_button.setEnabled(self.path is not None)
        several = table is not None and len(table.sheets) > 1
        self.sheet_label.setVisible(several)
        self.sheet_combo.setVisible(several)
        if self.path is not None and loaded:
            self.file_label.setText(f"Fil: <b>{self._escaped_name()}</b>")
            self.file_label.setToolTip(str(self.path))
        elif self.path is not None:
            self.file_label.setText(f"Fil: <b>{self._escaped_name()}</b> – kan ikke læses")
        self.message_label.setHidden(preview is None)
        if preview is None:
            self.message_label.setText("")
            for choice in (self.skip_radio, self.update_radio, self.only_valid_check):
                choice.setEnabled(False)
            self.error_model.setStringList([])
            self.tabs.setTabText(FEJL, "F&ejl")
            self._block("")
            return
        self._problem("⚠ " + "\n⚠ ".join(preview.mapping_errors) if preview.mapping_errors else "")
        assert table is not None  # a preview is made from the table
        notes = [preview.summary(duplicates), *table.notes]
        if self.path is not None and self.path == sample_path():
            notes.append(SAMPLE_NOTE)
        self.message_label.setText(" ".join(notes))
        errors = [error.text for error in preview.errors(duplicates)]
        self.error_model.setStringList(errors or ["Ingen fejl: alle rækker kan gemmes."])
        self.tabs.setTabText(FEJL, f"F&ejl ({len(errors)})")
        invalid = preview.invalid_rows(duplicates)
        self.only_valid_check.setEnabled(bool(invalid))
        if not invalid and self.only_valid_check.isChecked():
            self.only_valid_check.setChecked(False)
        self.skip_radio.setEnabled(bool(preview.duplicate_rows))
        self.update_radio.setEnabled(bool(preview.duplicate_rows))
        self._block(self._why_not(preview, duplicates, invalid))

    def _why_not(self, preview: ImportPreview, duplicates: str, invalid: list) -> str:
        """Why "Importér" cannot be pressed now ('' when it can)."""
        if preview.mapping_errors:
            return "Vælg kolonnerne under Kolonner, før listen kan importeres."
        if not preview.rows:
            return "Filen har ingen rækker med sager under overskrifterne."
        if invalid and not self.only_valid():
            return (
                f"⚠ {_rows(len(invalid))} har fejl (se Fejl), så intet kan importeres endnu. Ret dem i regnearket, "
                "gem det og tryk Læs filen igen – eller vælg Importér kun de gyldige rækker."
            )
        if not any(row.saved_with(duplicates) for row in preview.rows):
            if preview.duplicate_rows and duplicates == SKIP:
                return (
                    "Der er intet nyt at importere: sagerne findes allerede. Vælg Opdatér, hvis de skal have "
                    "listens værdier."
                )
            return "Der er intet nyt at importere."
        return ""

    def _block(self, reason: str) -> None:
        self.block_label.setText(reason)
        self.block_label.setStyleSheet(error_style() if reason.startswith("⚠") else "")
        can = self.preview is not None and not reason
        self.import_button.setEnabled(can)
        self.import_button.setDefault(can)
        self.choose_button.setDefault(not can)

    # ------------------------------------------------------------ saving

    def save(self) -> None:
        """Importér: the rows as shown, in one transaction; the mapping remembered for next time."""
        preview = self.preview
        if preview is None:
            return
        try:
            result = save_import(self.store, preview, only_valid=self.only_valid(), duplicates=self.duplicates())
        except ImportRefusedError as exc:
            QMessageBox.warning(self, TITLE, str(exc))
            return
        except ImportConflictError as exc:  # a case saved in another window since the preview
            QMessageBox.warning(self, TITLE, f"{exc}\n\nForhåndsvisningen er lavet igen; se den, og tryk Importér.")
            self._rebuild()
            return
        except StoreError as exc:
            QMessageBox.warning(self, TITLE, f"Intet er gemt: {exc}")
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


def import_case_list(
    store: CaseStore, window, *, today: Callable[[], date], on_saved: Callable[[], None]
) -> ImportResult | None:
    """Filer › Importér sager …: the dialog, then the window refreshed and told what was saved."""
    dialog = ImportDialog(store, today=today, parent=window)
    dialog.exec()
    result = dialog.saved
    dialog.deleteLater()
    if result is None:
        return None
    on_saved()
    text = result.summary
    if result.batch_id is not None:
        text += (
            "\n\nVil du fortryde hele importen, så vælg Filer › Fortryd import … Det kan du, så længe ingen af "
            "de importerede sager er ændret."
        )
    window.statusBar().showMessage(result.summary, 20_000)
    QMessageBox.information(window, TITLE, text)
    return result
