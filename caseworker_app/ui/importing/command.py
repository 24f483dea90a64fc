"""Filer › Importér sager … (Ctrl+I): the import dialog opened (from the menu or the welcome), then
the window refreshed and told what was saved and how to undo it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox

from ...services.importing import ImportResult
from .dialog import TITLE, ImportDialog

if TYPE_CHECKING:  # a type only: no import of the store when this module loads
    from ...store.case_store import CaseStore


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
