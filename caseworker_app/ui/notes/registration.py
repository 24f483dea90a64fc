"""A note about an event not registered on the case: the event is registered before the note is
copied, so the window shows the deadline the note states (the note's "Næste opfølgning" counts
the event; the window's list only once the case has it)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from ...core.event import Event
from ...core.terms import EVENT_NAMES
from ...core.workdays import fmt
from ..questions import ask_yes_no

if TYPE_CHECKING:  # a type only: no import of the store when this module loads
    from ...store.case_store import CaseStore


def notice(event: Event) -> str:
    """Said beside 'Klar til at kopiere' while the note's event is not registered."""
    return f"{EVENT_NAMES[event.kind].capitalize()} {fmt(event.day)} registreres på sagen, når du kopierer."


def registered_first(parent: QWidget, store: CaseStore, case_id: int, event: Event, today: Callable[[], date]) -> bool:
    """Ask to register the note's event, then let the caseworker do it in the event dialog (its kind
    and date filled in; the form and the rest as for any event). True once it is registered."""
    name = EVENT_NAMES[event.kind]
    if not ask_yes_no(
        parent,
        "Registrér først",
        f"{name.capitalize()} {fmt(event.day)} er ikke registreret på sagen. Notatets næste frist regner "
        "med den, men sagslisterne viser først den samme frist, når den er registreret.\n\n"
        "Vil du registrere den nu? Notatet kopieres, når den er gemt.",
        default_yes=True,
    ):
        return False
    from ..case.event_dialog import EventDialog  # here: the case package is not needed to write a note

    return bool(EventDialog(store, case_id, today=today, kind=event.kind, day=event.day, parent=parent).exec())
