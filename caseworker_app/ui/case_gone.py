"""A case deleted elsewhere (another window, another copy of the program on the same database) met
while the caseworker printed it, wrote a note or registered an event for it: told once, in Danish, by
the window's handler of store errors (ui/store_errors.py StoreErrorTeller), never as 'uventet fejl'.
Opening a case that is gone is said where it is opened (store_errors.tell_case_gone)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from .fields import show_errors

if TYPE_CHECKING:
    from ..core.cases import CaseRecord
    from ..store.errors import CaseNotFoundError
    from .case.window import CaseWindow
    from .notes.window import NoteWindow


GONE_MEANWHILE_TITLE = "Sagen findes ikke længere"


def gone_meanwhile_text(who: str, kept: list[str]) -> str:
    """What case_gone says: the case, that nothing was done on it, and what of the typed was kept."""
    text = (
        f"{who} findes ikke længere: den er slettet et andet sted (fx i en anden kopi af programmet), mens du "
        "arbejdede med den. Intet er gemt eller udskrevet for den, og listen er opdateret."
    )
    return "\n\n".join([text, *kept])


def case_gone(
    exc: CaseNotFoundError, refresh: Callable[[], object], parent: QWidget, listed: CaseRecord | None = None
) -> None:
    """A case deleted elsewhere met while the caseworker printed it, wrote a note or an event for it …:
    every window about it closes, the lists are read anew (refresh), and it is said once (over parent,
    the main window). listed: the case as the list held it, named when no window of it is open.

    A window that holds typed work says how it keeps it: its case_gone() -> a sentence for the message
    ('' when nothing needed keeping); it closes itself or stays open. Any other dialog of that case
    (case_id) closes without its questions: the case they would save to is gone."""
    windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]
    about = [w for w in windows if exc.case_id is not None and getattr(w, "case_id", None) == exc.case_id]
    about.sort(key=_depth, reverse=True)  # the innermost first: a dialog opened from another closes first
    case = next((c for w in about if (c := getattr(w, "case", None)) is not None), listed)
    who = f"Sagen for {case.citizen} ({case.case_ref})" if case is not None else "Sagen"
    kept: list[str] = []
    for window in about:
        said = getattr(window, "case_gone", None)
        if callable(said):
            kept.append(str(said()))
        else:
            QDialog.done(window, QDialog.DialogCode.Rejected)  # QDialog's own: no "gem først?" question
    refresh()
    QMessageBox.information(parent, GONE_MEANWHILE_TITLE, gone_meanwhile_text(who, [k for k in kept if k]))


def _depth(widget: QWidget) -> int:
    depth, parent = 0, widget.parentWidget()
    while parent is not None:
        depth, parent = depth + 1, parent.parentWidget()
    return depth


def keep_case_form(window: CaseWindow, created: str | None) -> str:
    """The case window's part: changes typed in its form stay in it (said below the form, as a save
    would), so they can be copied into a new case; a form without changes closes."""
    if not window.is_dirty():
        QDialog.done(window, QDialog.DialogCode.Rejected)
        return ""
    from .case.save_questions import gone_text

    assert window.case_id is not None  # a new case's window is about no case yet
    show_errors({}, {"case": gone_text(window.store, window.case_id, created)}, window.general_error)
    return "Sagsvinduet er åbent med det, du har skrevet i det, så du kan kopiere det."


def keep_note(window: NoteWindow) -> str:
    """The note window's part: a note written and not yet kept is put on the clipboard (FASIT may still
    want it); the window closes."""
    kept = window.has_uncopied_note()
    if kept:
        from ..core.notes import for_clipboard

        QGuiApplication.clipboard().setText(for_clipboard(window.note_text()))
    QDialog.done(window, QDialog.DialogCode.Rejected)
    return "Notatet, du skrev, er lagt i udklipsholderen, så du kan sætte det ind i FASIT." if kept else ""
