"""After a change of a trial (its end, an extension, a citation, a paragraph, a marking, a changed
ordinary rule or its withdrawal): which cases' notes already copied to FASIT now state another
deadline or basis than the window (core/note_staleness.py), said in one box with all of them in
its details."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from ..core.note_staleness import stale_notes_message

if TYPE_CHECKING:  # a type only: no import of the store when this module loads
    from ..store.case_store import CaseStore

TITLE = "Ret journalnotater i FASIT"


def stale_notes_box(parent: QWidget | None, store: CaseStore, trial_id: str) -> QMessageBox | None:
    """The box telling of the trial's stale copied notes (None when there are none). Each case with
    a copied note is computed again (about 1-3 s for 1,000 such cases): the wait cursor shows meanwhile."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        text, details = stale_notes_message(store.stale_notes(trial_id))
    finally:
        QApplication.restoreOverrideCursor()
    if not text:
        return None
    box = QMessageBox(QMessageBox.Icon.Warning, TITLE, text, QMessageBox.StandardButton.Ok, parent)
    box.setDetailedText(details)
    return box


def tell_stale_notes(parent: QWidget | None, store: CaseStore, trial_id: str) -> None:
    """Show the box, if any copied note of the trial is now stale (after a change was saved)."""
    box = stale_notes_box(parent, store, trial_id)
    if box is not None:
        box.exec()
