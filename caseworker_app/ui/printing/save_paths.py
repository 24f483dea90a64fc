"""Where a printed or exported file is saved: Qt's save dialog, starting in the folder last used."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

FOLDER_KEY = "export/folder"
PDF_FILTER = "PDF-filer (*.pdf)"
ICS_FILTER = "Outlook-kalender (*.ics)"
XLSX_FILTER = "Excel-projektmappe (*.xlsx)"
CSV_FILTER = "CSV til Excel (*.csv)"


def start_folder(key: str = FOLDER_KEY) -> Path:
    """The folder remembered under key (last saved to, or an import's), else the documents folder."""
    saved = QSettings().value(key)
    if saved and Path(str(saved)).is_dir():
        return Path(str(saved))
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents and Path(documents).is_dir() else Path.home()


def ask_save_path(parent: QWidget | None, title: str, name: str, filters: list[str]) -> Path | None:
    """Ask where to save (Qt file dialog); the chosen filter's ending is added if none."""
    chosen, used_filter = QFileDialog.getSaveFileName(
        parent, title, str(start_folder() / name), ";;".join(filters), filters[0]
    )
    if not chosen:
        return None
    path = Path(chosen)
    if not path.suffix:
        ending = (used_filter or filters[0]).rsplit("*", 1)[-1].rstrip(")")
        path = path.with_name(path.name + ending)
    QSettings().setValue(FOLDER_KEY, str(path.parent))
    return path


def safe_file_name(text: str) -> str:
    """Text usable in a file name on Windows too."""
    return "".join("-" if ch in '<>:"/\\|?*' else ch for ch in text).strip() or "udskrift"


__all__ = ["CSV_FILTER", "ICS_FILTER", "PDF_FILTER", "XLSX_FILTER", "ask_save_path", "safe_file_name"]
