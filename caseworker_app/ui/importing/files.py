"""Which file the import dialog reads: the caseworker's own list (the folder remembered) or the
sample list shipped with the program; the row that names it, with its buttons and its sheets; and
what the dialog says before a file is read."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QComboBox, QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ...paths import resources_dir
from ...services.importing import SourceTable
from ..fields import buddy_label
from ..printing.save_paths import start_folder

FOLDER_KEY = "import/folder"  # the folder a list was last imported from
FIND_HEADER_TEXT = "find selv"
HEADER_CHOICES = 20  # rows offered as the header row: a list's headers stand near its top
# .xlsm (a workbook with macros) is read as .xlsx is: the macros are never run.
LIST_FILTERS = (
    "Sagsliste (*.xlsx *.xlsm *.csv)",
    "Excel-projektmappe (*.xlsx *.xlsm)",
    "CSV-fil (*.csv)",
    "Alle filer (*)",
)
INTRO = (
    "<p><b>Importér din sagsliste</b> fra en Excel-projektmappe (.xlsx) eller en CSV-fil fra Excel.</p>"
    "<p>Listen skal have en række med overskrifter og en række pr. sag med mindst borgerens navn, "
    "FASIT-sagsnummeret og forsøget (eller ét forsøg til alle rækker) og forsøgets datoer. "
    "Programmet viser først, hvordan hver række bliver gemt, og med hvilken næste frist; "
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


class FileRow(QWidget):
    """'Fil: sagsliste.xlsx', Vælg fil …, Prøv med eksempelfilen, Læs filen igen and, for a workbook
    of several sheets, the sheet read. The dialog connects the buttons."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.file_label = QLabel("Ingen fil valgt.")
        self.file_label.setWordWrap(True)
        self.choose_button = QPushButton("&Vælg fil …")
        self.sample_button = QPushButton("Prøv &med eksempelfilen")
        self.reread_button = QPushButton("&Læs filen igen")
        self.reread_button.setToolTip("Har du rettet filen i Excel, så gem den og læs den igen")
        self.sheet_combo = QComboBox()
        self.sheet_label = buddy_label("&Ark:", self.sheet_combo)
        # The header row: found by the program (a header over two rows too), or the row the user names.
        self.header_combo = QComboBox()
        self.header_combo.addItem(FIND_HEADER_TEXT, None)
        for number in range(1, HEADER_CHOICES + 1):
            self.header_combo.addItem(str(number), number)
        self.header_combo.setToolTip(
            "Rækken med kolonnernes overskrifter. Programmet finder den selv (også en overskrift over to rækker); "
            "vælg en række, hvis det har valgt forkert"
        )
        self.header_label = buddy_label("Overskrif&ter i række:", self.header_combo)
        self.header_label.hide()  # until a file is chosen (show_file)
        self.header_combo.hide()
        # The choices of how to read the file on a line of their own: beside the buttons they would
        # squeeze the file's name at 1366 px and 150 %.
        row = QHBoxLayout()
        row.addWidget(self.file_label, 1)
        for widget in (self.choose_button, self.sample_button, self.reread_button):
            row.addWidget(widget)
        choices = QHBoxLayout()
        for widget in (self.header_label, self.header_combo):
            choices.addWidget(widget)
        choices.addSpacing(16)
        for widget in (self.sheet_label, self.sheet_combo):
            choices.addWidget(widget)
        choices.addStretch(1)
        lines = QVBoxLayout(self)
        lines.setContentsMargins(0, 0, 0, 0)
        lines.setSpacing(4)
        lines.addLayout(row)
        lines.addLayout(choices)

    def show_reading(self, path: Path) -> None:
        self.file_label.setText(f"Fil: <b>{escape(path.name)}</b> – læses …")

    def show_sheets(self, table: SourceTable) -> None:
        """The workbook's sheets, the one read chosen."""
        self.sheet_combo.clear()
        self.sheet_combo.addItems(list(table.sheets))
        self.sheet_combo.setCurrentText(table.sheet or "")

    def show_header_rows(self, table: SourceTable | None, chosen: int | None) -> None:
        """The header row chosen (None: found by the program, which says where it found it)."""
        found = f"{FIND_HEADER_TEXT} ({table.header_rows_text})" if table is not None and chosen is None else ""
        self.header_combo.blockSignals(True)
        self.header_combo.setItemText(0, found or FIND_HEADER_TEXT)
        self.header_combo.setCurrentIndex(max(0, self.header_combo.findData(chosen)))
        self.header_combo.blockSignals(False)

    def show_file(self, path: Path | None, table: SourceTable | None) -> None:
        """The file read (table), or the file that could not be read (no table)."""
        self.reread_button.setEnabled(path is not None)
        # Also when the file could not be read: a header row chosen wrongly is chosen again here.
        self.header_label.setVisible(path is not None)
        self.header_combo.setVisible(path is not None)
        several = table is not None and len(table.sheets) > 1
        self.sheet_label.setVisible(several)
        self.sheet_combo.setVisible(several)
        if path is not None and table is not None:
            self.file_label.setText(f"Fil: <b>{escape(path.name)}</b>")
            self.file_label.setToolTip(str(path))
        elif path is not None:
            self.file_label.setText(f"Fil: <b>{escape(path.name)}</b> – kan ikke læses")
