"""What the evaluation report reads and keeps in the case database (the store's only SQL for it).

Journal notes are read for all cases in one query (a report over 10,000 cases cannot ask case by
case), and the report's settings (minutes per follow-up, the municipality's own texts for the
evaluation form's points 6-10) are kept in the app_state table, as the .ics export state is.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from ..core.evaluation_agreed import DateChange, DateHistory
from ..core.evaluation_figures import DEFAULT_MINUTES, NoteRecord
from ..core.history import CANCELLED, CASE_CHANGED, CASE_CREATED, JOURNAL_NOTE
from .case_reading import stored_day

if TYPE_CHECKING:  # a type only: no import of the store when this module loads
    from .case_store import CaseStore

_log = logging.getLogger(__name__)

EVALUATION_SETTINGS = "evaluation_settings"
# The evaluation form's points the municipality writes itself (seed 000, points 6-10).
FORM_POINTS = {
    "6": "Justeringer af evalueringsdesign",
    "7": "Forsøgets resultater",
    "8": "Konklusion på forsøget",
    "9": "Uventede fund",
    "10": "Bemærkninger i øvrigt",
}
MAX_MINUTES = 24 * 60


@dataclass
class ReportSettings:
    """Kept between reports: the minutes a follow-up takes and the texts for points 6-10."""

    minutes: int = DEFAULT_MINUTES
    texts: dict[str, str] = field(default_factory=dict)


def journal_notes(store: CaseStore) -> dict[int, list[NoteRecord]]:
    """Every journal note in the database, by case id (day order)."""
    with store._read() as conn:
        rows = conn.execute(
            "SELECT case_id, day, field, new_value FROM case_changes WHERE action = ? ORDER BY case_id, day, id",
            (JOURNAL_NOTE,),
        ).fetchall()
    notes: dict[int, list[NoteRecord]] = {}
    for case_id, day, situation, text in rows:
        notes.setdefault(case_id, []).append(NoteRecord(case_id, date.fromisoformat(day), situation or "", text or ""))
    return notes


def date_histories(store: CaseStore, names: Collection[str]) -> dict[int, DateHistory]:
    """Each case's history of the named dates (the day it was recorded, then each change in order),
    by case id; for the dates a caseworker agrees, which the case list keeps only as agreed now."""
    if not names:
        return {}
    marks = ", ".join("?" for _ in names)
    with store._read() as conn:
        rows = conn.execute(
            "SELECT case_id, action, field, old_value, new_value, day, event_id FROM case_changes "
            f"WHERE action = ? OR (action = ? AND field IN ({marks})) ORDER BY case_id, id",
            (CASE_CREATED, CASE_CHANGED, *names),
        ).fetchall()
        # The events changes are linked to (m009), with what replaced each and what each is.
        linked = {row[6] for row in rows if row[6] is not None}
        replaced_by: dict[int, int] = {}
        kinds: dict[int, str] = {}
        days: dict[int, date | None] = {}
        if linked:
            for event_id, replaces, kind, day in conn.execute("SELECT id, replaces, kind, day FROM events"):
                kinds[event_id], days[event_id] = kind, stored_day(day)
                if replaces is not None:
                    replaced_by[replaces] = event_id
    undone = {event_id for event_id in linked if _undone(event_id, replaced_by, kinds, linked)}
    created: dict[int, date | None] = {}
    changes: dict[int, list[DateChange]] = {}
    for case_id, action, name, old, new, day, event_id in rows:
        recorded = stored_day(day)
        if action == CASE_CREATED:
            created.setdefault(case_id, recorded)
        elif recorded is not None:  # a row without a readable day cannot be placed in time
            changes.setdefault(case_id, []).append(
                DateChange(
                    name,
                    stored_day(old),
                    stored_day(new),
                    recorded,
                    event_id in undone,
                    None if event_id is None else _held_on(event_id, replaced_by, days),
                )
            )
    return {
        case_id: DateHistory(created.get(case_id), tuple(changes.get(case_id, ())))
        for case_id in created.keys() | changes.keys()
    }


def _corrections(event_id: int, replaced_by: dict[int, int]) -> Iterator[int]:
    """The rows that corrected an event, oldest first (a loop, never in a sound database, is not followed)."""
    at, seen = event_id, {event_id}
    while at in replaced_by and replaced_by[at] not in seen:
        at = replaced_by[at]
        seen.add(at)
        yield at


def _held_on(event_id: int, replaced_by: dict[int, int], days: dict[int, date | None]) -> date | None:
    """The day of the talk a date change was made at, as its latest correction has it."""
    chain = [event_id, *_corrections(event_id, replaced_by)]
    return days.get(chain[-1])


def _undone(event_id: int, replaced_by: dict[int, int], kinds: dict[int, str], linked: set[int]) -> bool:
    """Whether the date change linked to event_id no longer stands: it is a cancellation's putting
    back the date before a talk; or the talk was cancelled in the end (its corrections followed);
    or a correction of the talk set the date again itself (a correction that kept the date leaves
    the talk's change standing: no new change was written)."""
    if kinds.get(event_id) == CANCELLED:
        return True
    return any(kinds.get(at) == CANCELLED or at in linked for at in _corrections(event_id, replaced_by))


def load_report_settings(store: CaseStore) -> ReportSettings:
    """The saved report settings; defaults when none are saved or they cannot be read."""
    with store._read() as conn:
        row = conn.execute("SELECT value FROM app_state WHERE key = ?", (EVALUATION_SETTINGS,)).fetchone()
    if row is None:
        return ReportSettings()
    try:
        raw = json.loads(row[0])
        minutes = int(raw.get("minutes", DEFAULT_MINUTES))
        texts = {k: str(v) for k, v in dict(raw.get("texts", {})).items() if k in FORM_POINTS}
    except (ValueError, TypeError, AttributeError):
        _log.warning("the evaluation report settings could not be read; defaults used")
        return ReportSettings()
    if not 1 <= minutes <= MAX_MINUTES:
        minutes = DEFAULT_MINUTES
    return ReportSettings(minutes, texts)


def save_report_settings(store: CaseStore, settings: ReportSettings) -> None:
    """Keep the report settings in the database (one transaction)."""
    if not 1 <= settings.minutes <= MAX_MINUTES:
        raise ValueError(f"Minutter pr. opfølgning skal være mellem 1 og {MAX_MINUTES}.")
    value = json.dumps(
        {"minutes": settings.minutes, "texts": {k: v for k, v in settings.texts.items() if v.strip()}},
        ensure_ascii=False,
    )
    with store.batch():
        store._set_state(EVALUATION_SETTINGS, value)
