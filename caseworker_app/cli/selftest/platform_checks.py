"""Selftest checks of what the program stands on: the log file, Qt, its Danish translation and
QPrinter's PDF."""

from __future__ import annotations

import logging
import os
import re
import time
from pathlib import Path

from .context import CheckFailed, Context

log = logging.getLogger(__name__)


def check_logging(ctx: Context) -> str:
    """The log file can be written, and a CPR-like number never reaches it."""
    from ...logs import CPR_REPLACEMENT, current_log_file

    path = current_log_file()
    if not any(isinstance(h, logging.FileHandler) for h in logging.getLogger().handlers):
        raise CheckFailed("logningen er ikke sat op")
    marker = f"selvtest {os.getpid()} {time.time_ns()}"
    log.info("%s, CPR-filter: 010190-0000", marker)
    for handler in logging.getLogger().handlers:
        handler.flush()
    tail = path.read_text(encoding="utf-8", errors="replace")[-20_000:]
    if marker not in tail:
        raise CheckFailed(f"linjen nåede ikke logfilen {path}")
    if "010190-0000" in tail or CPR_REPLACEMENT not in tail:
        raise CheckFailed("et CPR-nummer blev ikke fjernet fra loggen")
    return f"logfil {path}"


def check_qt(ctx: Context) -> str:
    """Qt can start and show a widget."""
    from PySide6.QtWidgets import QLabel

    app = ctx.qapp()
    widget = QLabel("Opfølgningsfrister – selvtest")
    widget.show()
    app.processEvents()
    if not widget.isVisible():
        raise CheckFailed("et Qt-vindue kunne ikke vises")
    widget.close()
    widget.deleteLater()
    return f"platform {app.platformName()}"


def check_translation(ctx: Context) -> str:
    """Qt's Danish translation loads, so standard dialogs speak Danish."""
    from PySide6.QtCore import QCoreApplication

    from ...ui.translation import install_danish_translation

    app = ctx.qapp()
    translator = install_danish_translation(app)
    if translator is None:
        raise CheckFailed("qtbase_da.qm blev ikke fundet")
    cancel = QCoreApplication.translate("QPlatformTheme", "Cancel")
    if cancel != "Annuller":
        raise CheckFailed(f"'Cancel' blev oversat til '{cancel}', forventet 'Annuller'")
    return f"qtbase_da fra {Path(translator.filePath()).parent}"


def count_pdf_pages(path: Path) -> int:
    """The number of pages in a PDF Qt wrote (counts its /Type /Page objects)."""
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", path.read_bytes()))


def check_qprinter_pdf(ctx: Context) -> str:
    """QPrinter writes a one-page A4 PDF with Danish letters."""
    from PySide6.QtGui import QPageSize, QTextDocument
    from PySide6.QtPrintSupport import QPrinter

    ctx.qapp()
    path = ctx.folder / "qprinter.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    document = QTextDocument()
    document.setHtml("<h1>Opfølgningsfrister</h1><p>Selvtest: æøå ÆØÅ, frist 28-02-2021.</p>")
    document.print_(printer)
    pages = count_pdf_pages(path) if path.exists() else 0
    if not path.exists() or not path.read_bytes().startswith(b"%PDF"):
        raise CheckFailed("QPrinter skrev ingen PDF")
    if pages != 1:
        raise CheckFailed(f"PDF'en har {pages} sider, forventet 1")
    return f"1 side, {path.stat().st_size} byte"
