"""The base of the print dialogs: "Vis udskrift", "Udskriv …", "Gem som PDF …" and "Luk" for one
print job, painted by printing.document on Qt's preview, a printer or a PDF file."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QMessageBox, QPushButton, QWidget

from ...core.atomic import WriteError
from ...services.exporting import PDF_ENDINGS, ExportError, check_target, write_failure_text
from ...store import CaseNotFoundError, StoreError
from ..screen_fit import grow_to_content, resize_to_fit
from ..store_errors import error_text
from .document import PrintJob, pages_text, paint_job, setup_printer, write_pdf
from .save_paths import PDF_FILTER, ask_save_path

if TYPE_CHECKING:  # a type only: no import of the store when this module loads
    from ...store.case_store import CaseStore


class PrintJobDialog(QDialog):
    """A dialog with "Vis udskrift", "Udskriv …", "Gem som PDF …" and "Luk" for one print job."""

    doc_title = "Udskrift"

    def __init__(self, store: CaseStore, today: Callable[[], date], parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self._today = today
        self.last_pdf: Path | None = None
        self.preview_button = QPushButton("&Vis udskrift")
        self.print_button = QPushButton("&Udskriv …")
        self.pdf_button = QPushButton("&Gem som PDF …")
        # Lu&k: L is the calendar's "Liste pr. uge", u "Udskriv" (tests/ui/test_accessibility.py).
        self.close_button = QPushButton("Lu&k")
        self.preview_button.setDefault(True)
        self.preview_button.clicked.connect(self.preview)
        self.print_button.clicked.connect(self.print_)
        self.pdf_button.clicked.connect(self.save_pdf)
        self.close_button.clicked.connect(self.reject)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    def _button_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        for button in (self.preview_button, self.print_button, self.pdf_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.close_button)
        return row

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        grow_to_content(self)

    def today(self) -> date:
        return self._today()

    def job(self) -> PrintJob | None:
        """The pages to print now, or None (the reason shown) when the choices are not usable."""
        raise NotImplementedError

    def pdf_name(self) -> str:
        """The file name "Gem som PDF" suggests."""
        raise NotImplementedError

    def _job_or_message(self) -> PrintJob | None:
        try:
            return self.job()
        except CaseNotFoundError:
            raise  # deleted meanwhile: the window's handler closes this dialog (ui/store_errors.py case_gone)
        except (ExportError, StoreError) as exc:
            QMessageBox.warning(self, self.doc_title, error_text(exc))
            return None

    def preview(self) -> None:
        """Show the pages in Qt's print preview (from which they can be printed too)."""
        job = self._job_or_message()
        if job is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        setup_printer(printer, job)
        dialog = QPrintPreviewDialog(printer, self)
        dialog.setWindowTitle(f"Vis udskrift – {self.doc_title}")
        dialog.paintRequested.connect(lambda device: self._paint(job, device))
        resize_to_fit(dialog, 900, 1000)  # a page at full height where the screen allows
        self.preview_dialog = dialog
        dialog.exec()

    def print_(self) -> None:
        """Choose a printer in Qt's print dialog, then print."""
        job = self._job_or_message()
        if job is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        setup_printer(printer, job)
        printer.setDocName(self.doc_title)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(f"Udskriv – {self.doc_title}")
        self.print_dialog = dialog
        if dialog.exec() == QDialog.DialogCode.Accepted:
            pages = self._paint(job, printer)
            if pages:
                self.status_label.setText(f"Sendt til printeren ({pages_text(pages)}).")

    def save_pdf(self) -> None:
        """Ask for a file name and write the pages as a PDF (whole or not at all)."""
        job = self._job_or_message()
        if job is None:
            return
        path = ask_save_path(self, "Gem som PDF", self.pdf_name(), [PDF_FILTER])
        if path is None:
            return
        try:
            check_target(self.store, path, PDF_ENDINGS)
            pages = write_pdf(job, path)
        except ExportError as exc:
            QMessageBox.warning(self, "Gem som PDF", str(exc))
            return
        except OSError as exc:
            QMessageBox.warning(self, "Gem som PDF", write_failure_text(path, exc))
            return
        self.last_pdf = path
        self.status_label.setText(f"Gemt som {path} ({pages_text(pages)}).")

    def _paint(self, job: PrintJob, device: QPrinter) -> int:
        try:
            return paint_job(job, device)
        except WriteError as exc:
            QMessageBox.warning(self, self.doc_title, str(exc))
            return 0
