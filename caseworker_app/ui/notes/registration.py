"""A note about an event not registered on the case: the event is registered before the note is
copied, so the window shows the deadline the note states (the note's "Næste opfølgning" counts
the event; the window's list only once the case has it)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from ...core.cases import CaseRecord
from ...core.catalog import Trial
from ...core.event import Event
from ...core.note_deadline import event_to_register
from ...core.terms import EVENT_NAMES, IMPORTED_EVENTS
from ...core.workdays import fmt
from ..questions import ask_yes_no

if TYPE_CHECKING:  # types only: no import of the store when this module loads
    from ...store.case_store import CaseStore
    from .inputs import NoteInputs


NOT_REGISTERED = "⚠ Notatet er ikke kopieret: registrér først hændelsen, så listerne viser notatets frist."


def note_event(trial: Trial | None, case: CaseRecord, situation: str | None, inputs: NoteInputs) -> Event | None:
    """The event the note is about, when it must be registered first (core.note_deadline.event_to_register)."""
    if trial is None or situation is None:
        return None
    try:
        event_date = inputs.values()["event_date"]
    except ValueError:
        return None  # a date that is not one: the note window says so (copy_problems)
    return event_to_register(trial, case, situation, event_date)


def notice(event: Event) -> str:
    """Said beside 'Klar til at kopiere' while the note's event is not registered."""
    return f"{EVENT_NAMES[event.kind].capitalize()} {fmt(event.day)} registreres på sagen, når du kopierer."


def registered_first(parent: QWidget, store: CaseStore, case_id: int, event: Event, today: Callable[[], date]) -> bool:
    """Ask to register the note's event, then let the caseworker do it in the event dialog (its kind
    and date filled in; the form and the rest as for any event). True once it is registered.

    A decision an import registered on that day without its outcome (T07) is corrected into the
    note's event instead: registering beside it would make two decisions of one day."""
    name = EVENT_NAMES[event.kind]
    imported = next(
        (
            row
            for row in store.history(case_id)
            if not row.is_case_change
            and row.kind in IMPORTED_EVENTS
            and row.day == event.day
            and row.replaced_by is None
        ),
        None,
    )
    what = (
        f"Sagen har fra importen {EVENT_NAMES[imported.kind]} {fmt(event.day)}. Notatets næste frist regner "
        f"med {name}, men sagslisterne viser først den samme frist, når hændelsen er rettet til det.\n\n"
        "Vil du rette den nu? Notatet kopieres, når rettelsen er gemt."
        if imported is not None
        else f"{name.capitalize()} {fmt(event.day)} er ikke registreret på sagen. Notatets næste frist regner "
        "med den, men sagslisterne viser først den samme frist, når den er registreret.\n\n"
        "Vil du registrere den nu? Notatet kopieres, når den er gemt."
    )
    if not ask_yes_no(parent, "Registrér først", what, default_yes=True):
        return False
    from ..case.event_dialog import EventDialog  # here: the case package is not needed to write a note

    if imported is not None:
        dialog = EventDialog(store, case_id, today=today, replaces=imported.id, as_kind=event.kind, parent=parent)
    else:
        dialog = EventDialog(store, case_id, today=today, kind=event.kind, day=event.day, parent=parent)
    return bool(dialog.exec())


def after_registering(*, still_unregistered: bool, by_hand: bool, rewritten: bool) -> str:
    """Why the note is not copied right after its event was registered ('' when it may be): the
    event dialog may have saved another date or kind, or what it saved (a next agreed date, a
    form) may have moved the deadline the note states."""
    if still_unregistered:
        return (
            "⚠ Den registrerede hændelse har en anden dato eller art end notatets. Ret notatets dato, "
            "så de er ens, og kopiér igen."
        )
    if by_hand:
        return (
            "Hændelsen er registreret. Notatet er rettet i hånden: se efter, at fristen i det er den, "
            "listerne viser (eller lav det forfra), og kopiér igen."
        )
    if rewritten:
        return "Hændelsen er registreret, og notatet er skrevet om ud fra den. Læs det, og kopiér igen."
    return ""
