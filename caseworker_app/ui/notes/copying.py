"""Copying the note to FASIT: why it cannot be copied yet (copy_problems), and the copy itself,
after the note is read again from the database as it is now (freshness.py) and its event is
registered on the case (registration.py); the note as copied is kept in the case history."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QGuiApplication

from ...core.note_deadline import future_event_problem
from ...core.note_fields import NOTE_FIELDS
from ...core.note_subject import crossed_out_problem, subject_event
from ...core.notes import for_clipboard
from ...store import CaseNotFoundError, StoreError, ValidationError
from .draft_pane import MARKER_START
from .freshness import changed_meanwhile, read_case
from .registration import NOT_REGISTERED, after_registering, registered_first

if TYPE_CHECKING:
    from .window import NoteWindow


def copy_problems(window: NoteWindow) -> list[str]:
    """Why the note cannot be copied now, in Danish (empty: it can)."""
    if window._note_problem:
        return [window._note_problem]
    crossed_out = crossed_out_problem(window._history, *window._subject())
    if crossed_out:
        return [crossed_out]
    if window._missing:
        # A tick taken away because the note changed says why first (core/confirmations.py).
        problems = [*window.inputs.conditions.notices.values()]
        problems.append("Udfyld før notatet kan kopieres: " + "; ".join(window._missing) + ".")
        if {NOTE_FIELDS["caseworker"], NOTE_FIELDS["municipality"]} & set(window._missing):
            problems.append("Dit og kommunens navn skrives under Indstillinger.")
        if any(label.startswith("sagens dato") for label in window._missing):
            problems.append("Sagens datoer rettes i sagsvinduet.")
        return problems
    text = window.draft.note_edit.toPlainText()
    if not text.strip():
        return ["Notatet er tomt."]
    if MARKER_START in text:
        return ["Teksten har stadig [mangler: …]. Ret teksten, eller lav den forfra."]
    future = future_event_problem(window._unregistered_event(), window._today())
    return [future] if future else []


def copy_to_fasit(window: NoteWindow) -> None:
    """Put the note on the clipboard as plain text, Windows line breaks; keep it in history.

    A note about an event not registered on the case is copied once it is (registration.py)."""
    if copy_problems(window):
        return
    changed = changed_meanwhile(window)  # the note from the database as it is now, or why it changed
    if changed or copy_problems(window):
        window.draft.show_problem(" ".join(["⚠", changed, *copy_problems(window)]))
        return
    event = window._unregistered_event()
    if event is not None:
        if not registered_first(window, window.store, window.case_id, event, window._today):
            window.draft.show_problem(NOT_REGISTERED)
            return
        before, by_hand = window.note_text(), window.draft.hand_edited
        read_case(window)  # with the event registered
        window.update_note()
        problem = after_registering(
            still_unregistered=window._unregistered_event() is not None,
            by_hand=by_hand,
            rewritten=window.note_text() != before,
        )
        if problem:
            window.draft.show_problem(problem)
            return
        if copy_problems(window):
            return
    text = window.note_text()
    QGuiApplication.clipboard().setText(for_clipboard(text))
    if window._last_saved != window._current():  # copying the same note twice keeps it once
        situation = window.situation()
        assert situation is not None  # without one there is no template, so copy_problems said so
        subject = subject_event(window._history, *window._subject())
        try:
            window.saved_note_id = window.store.add_journal_note(
                window.case_id,
                situation=situation,
                text=text,
                day=window._today(),
                event_id=subject.id if subject is not None else None,
                event_date=window._subject()[1],
            )
        except CaseNotFoundError:
            raise  # deleted meanwhile: the note is on the clipboard; case_gone closes this window
        except (ValidationError, StoreError) as exc:
            window.draft.show_not_kept(exc)
            return
        window._last_saved = window._current()
    window._refresh_state()
