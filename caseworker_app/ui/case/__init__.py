"""One case on screen: the case window and the dialogs that change a case.

    window.py          CaseWindow: assembles the parts below, loads the case, saves the form, runs the actions
    form.py            CaseForm ("Sagen"): the fields, only the dates the chosen trial needs; CPR masked
    deadlines_pane.py  DeadlinesPane ("Frister"): each coming deadline with its reasons, or why none
    history_pane.py    HistoryPane ("Historik"): the history table and the buttons that add to it
    history_model.py   HistoryModel: the history as table rows, replaced rows struck through
    buttons.py         CaseButtons: the action buttons and when each can be used now (else why not)
    save_questions.py  what saving asks beside the form: dates a trial change removes, a case gone
    event_dialog.py    EventDialog: register an event, or correct/withdraw one
    close_dialog.py    CloseCaseDialog: close a case with a reason
    delete_dialog.py   DeleteCaseDialog: delete a case created by mistake

Start-up time: the main window imports from here only when a case is opened or changed, and each
name below loads only its own module when first asked for (PEP 562), so "Registrer opfølgning"
from the list loads the event dialog, not the whole case window. The journal-note window
(ui/notes) and the print dialogs are imported only when asked for.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .close_dialog import CloseCaseDialog
    from .delete_dialog import DeleteCaseDialog
    from .event_dialog import EventDialog
    from .window import CaseWindow

__all__ = ["CaseWindow", "CloseCaseDialog", "DeleteCaseDialog", "EventDialog"]

_MODULES = {
    "CaseWindow": ".window",
    "CloseCaseDialog": ".close_dialog",
    "DeleteCaseDialog": ".delete_dialog",
    "EventDialog": ".event_dialog",
}


def __getattr__(name: str):
    if name not in _MODULES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(_MODULES[name], __name__), name)
    globals()[name] = value  # asked once: an ordinary attribute from then on
    return value
