"""The event a journal note is about, in the case's history as corrected: a row that was corrected
or cancelled is no longer what happened, so no note may be about it (its date and deadline would
undo the correction in FASIT), and a note copied about an event later corrected must be corrected
in FASIT too."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from .history import CANCELLED, JOURNAL_NOTE, EventRow
from .terms import EVENT_NAMES
from .workdays import fmt


def _events(rows: Iterable[EventRow]) -> dict[int, EventRow]:
    return {r.id: r for r in rows if not r.is_case_change}


def final_row(rows: Sequence[EventRow], row: EventRow) -> EventRow:
    """What a crossed-out row became: its last correction, or the row that cancelled it."""
    by_id = _events(rows)
    seen = {row.id}
    while row.replaced_by is not None and row.replaced_by in by_id and row.replaced_by not in seen:
        row = by_id[row.replaced_by]
        seen.add(row.id)
    return row


def original_row(rows: Sequence[EventRow], row: EventRow) -> EventRow:
    """The event a cancelling row withdrew (the row itself for any other row)."""
    if row.kind == CANCELLED and row.replaces is not None:
        return _events(rows).get(row.replaces, row)
    return row


def subject_event(rows: Sequence[EventRow], kind: str | None, day: date | None) -> EventRow | None:
    """The event row a note is about: the counting event of its situation's kind on its date."""
    if kind is None or day is None:
        return None
    return next((r for r in rows if r.counts and r.kind == kind and r.day == day), None)


def crossed_out_text(rows: Sequence[EventRow], row: EventRow) -> str:
    """'Indsatsplan ikke justeret 31-05-2021 er rettet til 03-05-2021' (or '… er annulleret')."""
    original = original_row(rows, row)
    name = f"{EVENT_NAMES.get(original.kind, original.kind).capitalize()} {fmt(original.day)}"
    last = final_row(rows, original)
    if last.kind == CANCELLED:
        return f"{name} er annulleret"
    return f"{name} er rettet til {fmt(last.day)}"


def row_problem(rows: Sequence[EventRow], row: EventRow | None) -> str:
    """Why no note can be written about this history row (Danish; '' when one can): it is crossed out."""
    if row is None or row.is_case_change or row.counts:
        return ""
    return (
        f"{crossed_out_text(rows, row)} i sagens historik, så der kan ikke skrives et journalnotat om den. "
        "Vælg rettelsen i historikken (eller ingen række)."
    )


def crossed_out_problem(rows: Sequence[EventRow], kind: str | None, day: date | None) -> str:
    """Why a note about the event of this kind on this day cannot be written (Danish; '' when it can):
    the case has it only as a corrected or cancelled row. Registering it again would undo the
    correction, so the note must be about the event as it stands now."""
    if kind is None or day is None or subject_event(rows, kind, day) is not None:
        return ""
    crossed = next((r for r in rows if not r.is_case_change and r.kind == kind and r.day == day), None)
    if crossed is None:
        return ""
    last = final_row(rows, crossed)
    now = "" if last.kind == CANCELLED else f" (dato for hændelsen {fmt(last.day)})"
    return (
        f"Dato for hændelsen: {crossed_out_text(rows, crossed)} i sagens historik. Skriv notatet om "
        f"hændelsen, som den står nu{now}."
    )


def notes_about(rows: Sequence[EventRow], event_id: int) -> list[EventRow]:
    """The notes copied to FASIT about this event, oldest first."""
    return sorted(
        (r for r in rows if r.is_case_change and r.kind == JOURNAL_NOTE and r.about_event == event_id),
        key=lambda r: (r.day, r.created_at, r.id),
    )


def copied_notes_warning(rows: Sequence[EventRow], event_id: int) -> str:
    """What the caseworker is told on correcting or cancelling an event a copied note is about
    (Danish; '' when no note is about it)."""
    notes = notes_about(rows, event_id)
    if not notes:
        return ""
    days = ", ".join(dict.fromkeys(fmt(n.day) for n in notes))
    which = "et journalnotat" if len(notes) == 1 else f"{len(notes)} journalnotater"
    return (
        f"Der er kopieret {which} om denne hændelse til FASIT den {days}. Ret også notatet i FASIT; "
        "skriv evt. et nyt notat her."
    )


def corrected_note_text(rows: Sequence[EventRow], note: EventRow) -> str:
    """The mark on a copied note whose event was corrected or cancelled since (Danish; '' if not)."""
    if note.about_event is None:
        return ""
    event = _events(rows).get(note.about_event)
    if event is None or event.counts:
        return ""
    return f"⚠ {crossed_out_text(rows, event)} efter kopieringen: ret notatet i FASIT"
