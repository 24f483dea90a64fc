"""Whether a journal note already copied to FASIT still states what the window shows.

A note states a deadline and a legal basis computed from the catalog as it stood when it was
copied. A later change of the catalog (a trial's end, an extension, a citation, a paragraph, a
FASIT marking, a changed ordinary rule or its withdrawal) can make the window show another
deadline or basis for the same day, while FASIT keeps the old text. So the store keeps, with each
copied note, what it stated (note_statement: only what its text really contains), and
stale_notes compares that with what the engine gives for the same note now. The caseworker is
told which cases (stale_notes_message) and writes a correcting note in FASIT.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from .cases import CLOSED, CaseRecord
from .catalog import Trial
from .history import JOURNAL_NOTE, EventRow
from .note_errors import NoteError
from .note_situations import default_event_date
from .note_subject import corrected_note_text
from .notes import note_draft
from .text import and_list, count_text
from .workdays import fmt

# What a note states that a change of the catalog can change: the next deadline, what is said
# beside it (the ordinary rule's basis, the trial's own date), the legal basis, the FASIT marking.
STATED = ("due", "remarks", "citation", "marking")
_EVENT_DATE = "event_date"  # kept to compute the same note again; not something it states
_SHOWN_REFS = 5  # case numbers named in the short message; the rest are in its details


def _stated_values(
    trial: Trial, case: CaseRecord, situation: str, note_day: date, event_date: date | None
) -> dict[str, str]:
    """What a note about this situation, written on note_day about event_date, states now (NoteError
    when it could not be written now: the trial no longer covers the day it records, for one)."""
    # The window's draft with the standard template: its checks, and the values it was filled in from.
    values = note_draft(
        trial, case, situation, note_date=note_day, caseworker="-", municipality="-", event_date=event_date
    ).values
    return {
        "due": values["next_due"] or "",
        "remarks": (values["next_due_remarks"] or "").strip(),
        "citation": (values["citation"] or "").strip(),
        "marking": (values["marking"] or "").strip(),
    }


def note_statement(
    trial: Trial, case: CaseRecord, situation: str, text: str, note_day: date, event_date: date | None
) -> str | None:
    """What a note copied on note_day states (JSON, kept with the note in the history): those of the
    engine's values its text contains (a note edited by hand states only what it still says). None
    when the note cannot be computed (it was then refused before it could be copied)."""
    if event_date is None:
        event_date = default_event_date(trial, case, situation, note_day)
    try:
        values = _stated_values(trial, case, situation, note_day, event_date)
    except NoteError:
        return None
    stated: dict[str, str] = {_EVENT_DATE: event_date.isoformat() if event_date else ""}
    for key, value in values.items():
        if value and value in text:  # every date a note writes is dd-mm-åååå (core/workdays.py fmt)
            stated[key] = value
    return json.dumps(stated, ensure_ascii=False, sort_keys=True)


@dataclass(frozen=True, slots=True)
class StaleNote:
    """A copied note whose deadline or basis the window no longer shows."""

    case_id: int
    case_ref: str
    citizen: str
    note_day: date
    stated_due: str  # '' when the note stated no deadline
    now_due: str  # '' when none; the reason when the note could not be written now
    now_refused: str = ""
    note_id: int = 0  # the note's row in the case's history

    def what(self) -> str:
        """'siger fristen 15-03-2027, vinduet viser nu 01-01-2027' (or why it could not be written now)."""
        if self.now_refused:
            return f"kan ikke skrives sådan nu: {self.now_refused}"
        if self.stated_due and self.stated_due != self.now_due:
            now = f"vinduet viser nu {self.now_due}" if self.now_due else "vinduet viser nu ingen frist"
            return f"siger fristen {self.stated_due}, {now}"
        return "har en anden hjemmel eller tekst om fristen, end vinduet viser nu"

    def line(self) -> str:
        """'L-005 (Anna Hansen): notatet 01-12-2026 siger fristen 15-03-2027, vinduet viser nu 01-01-2027'."""
        return f"{self.case_ref} ({self.citizen}): notatet {fmt(self.note_day)} {self.what()}"

    def mark(self) -> str:
        """The mark on the note in the case window's history."""
        return f"⚠ Notatet {self.what()}: skriv et rettende notat i FASIT"


def _latest_notes(rows: Sequence[EventRow]) -> list[EventRow]:
    """The newest copied note of each situation that kept what it stated: a later note in the same
    situation replaces it in FASIT (it may be the correcting one). A note about an event corrected
    since is left out: corrected_note_text marks it already."""
    latest: dict[str, EventRow] = {}
    for row in rows:
        if not (row.is_case_change and row.kind == JOURNAL_NOTE and row.situation and row.stated):
            continue
        shown = latest.get(row.situation)
        if shown is None or (row.day, row.created_at, row.id) > (shown.day, shown.created_at, shown.id):
            latest[row.situation] = row
    return [r for r in latest.values() if not corrected_note_text(rows, r)]


def stale_notes(trial: Trial, case: CaseRecord, rows: Sequence[EventRow]) -> list[StaleNote]:
    """The case's copied notes that now state another deadline or basis than the window (the one
    function that decides it). A closed case has no deadlines to correct."""
    if case.status == CLOSED or case.trial_id != trial.id:
        return []
    found: list[StaleNote] = []
    for row in _latest_notes(rows):
        assert row.situation is not None and row.stated is not None  # _latest_notes keeps only such
        now = restated(trial, case, row.situation, row.day, row.stated)
        if now is not None:
            stated_due = json.loads(row.stated).get("due", "")
            refused = now if isinstance(now, str) else ""
            now_due = "" if isinstance(now, str) else now["due"]
            found.append(StaleNote(case.id, case.case_ref, case.citizen, row.day, stated_due, now_due, refused, row.id))
    return found


def restated(
    trial: Trial, case: CaseRecord, situation: str, note_day: date, statement: str
) -> dict[str, str] | str | None:
    """None when a note that stated statement (note_statement) would state the same now; else what
    it would state now, or why it could not be written now (Danish)."""
    stated = json.loads(statement)
    event_day = stated.get(_EVENT_DATE) or None
    try:
        now = _stated_values(trial, case, situation, note_day, date.fromisoformat(event_day) if event_day else None)
    except NoteError as exc:
        return str(exc)
    return now if any(key in stated and stated[key] != now[key] for key in STATED) else None


def stale_notes_message(stale: Sequence[StaleNote]) -> tuple[str, str]:
    """What the caseworker is told after a change of the catalog (Danish; '' for none): a short text
    (count and the first case numbers) and the details, one line a note."""
    if not stale:
        return "", ""
    refs = list(dict.fromkeys(n.case_ref for n in stale))
    shown = refs[:_SHOWN_REFS]
    if len(refs) > _SHOWN_REFS:
        shown.append(f"{len(refs) - _SHOWN_REFS} andre")
    text = (
        f"Journalnotater, der allerede er kopieret til FASIT, siger nu en anden frist eller hjemmel end "
        f"vinduet i {count_text(len(refs), 'sag', 'sager')}: {and_list(shown)}.\n\n"
        f"Skriv et rettende notat i FASIT i {'sagen' if len(refs) == 1 else 'hver af sagerne'} (Journalnotat … i "
        f"sagsvinduet). {'Hvad notatet siger' if len(stale) == 1 else 'Alle notaterne og hvad de siger'}: "
        "»Vis detaljer«."
    )
    return text, "\n".join(n.line() for n in stale)
