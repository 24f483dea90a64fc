"""After a change of a trial (its end, an extension, a citation, a paragraph, a marking, a changed
ordinary rule or its withdrawal, or a trial file changed by a new program version, seen at the
start): which cases' notes already copied to FASIT now state another deadline or basis than the
window (core/note_staleness.py), said in one box with all of them in its details."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from ..store.errors import StoreError

if TYPE_CHECKING:  # a type only: no import of the store when this module loads
    from ..store.case_store import CaseStore

TITLE = "Ret journalnotater i FASIT"
log = logging.getLogger(__name__)


def stale_notes_box(
    parent: QWidget | None, store: CaseStore, trial_id: str, *more_ids: str, lead: str = ""
) -> QMessageBox | None:
    """The box telling of the trials' stale copied notes (None when there are none), lead (if any)
    first. Each case with a copied note is computed again (about 0.5-1 s for 1,000 such cases):
    the wait cursor shows meanwhile."""
    from ..core.note_staleness import stale_notes_message  # here: a start with nothing changed needs none of it

    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        text, details = stale_notes_message([n for t in (trial_id, *more_ids) for n in store.stale_notes(t)])
    finally:
        QApplication.restoreOverrideCursor()
    if not text:
        return None
    if lead:
        text = f"{lead}\n\n{text}"
    box = QMessageBox(QMessageBox.Icon.Warning, TITLE, text, QMessageBox.StandardButton.Ok, parent)
    box.setDetailedText(details)
    return box


def tell_stale_notes(parent: QWidget | None, store: CaseStore, trial_id: str) -> None:
    """Show the box, if any copied note of the trial is now stale (after a change was saved)."""
    box = stale_notes_box(parent, store, trial_id)
    if box is not None:
        box.exec()


def tell_stale_notes_after_update(parent: QWidget | None, store: CaseStore | None) -> QMessageBox | None:
    """At the start, once the cases are painted (ui/app.py): when a new program version changed a
    shipped trial, the box for its copied notes now stale, shown once (window-modal, no nested event
    loop); returned, or None. Nothing changed (the common case): a fingerprint of each shipped trial
    compared with the one the database kept, and one read (core/note_catalog.py)."""
    if store is None or store.read_only:
        return None
    try:
        change = store.catalog_change()
        if not change.trials:
            return None
        box = stale_notes_box(parent, store, *change.trials, lead=change.lead())
    except StoreError as exc:
        # A database that cannot be read now (damage, a full disk) is told by the start's copy and
        # check, or at the next read: this check waits for the next start.
        log.warning("the copied notes were not checked against the catalog: %s", type(exc).__name__)
        return None
    try:
        store.notes_checked()  # told (or nothing to tell): not again at the next start
    except StoreError as exc:  # writes refused (damage found meanwhile): told again at the next start
        log.warning("the catalog the copied notes were checked against was not kept: %s", type(exc).__name__)
    if box is not None:
        box.open()
    return box
