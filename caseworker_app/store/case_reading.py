"""Rows of the cases, case_dates and events tables -> case records, light and fast by the 100,000.

A record per case is what the window keeps for every case, so each costs as little as it can:
a date or an event that occurs on many cases is one shared object (both are immutable), a case
with nothing special shares one `extra` mapping, and the garbage collector does not scan the
records again and again while they are being made (they hold no cycles).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from types import MappingProxyType

from ..core.cases import CaseRecord
from ..core.collector import collector_paused
from ..core.event import Event
from ..core.history import CANCELLED

CASE_COLUMNS = "id, citizen, case_ref, trial_id, cpr, caseworker, status, end_reason, end_text, closed_on, note"
EVENT_COLUMNS = "id, case_id, day, kind, form, full_followup, initiated_by"
_NO_DATES: MappingProxyType = MappingProxyType({})
# The extra of a case that is not closed, has no closing text and no damaged rows (most cases).
_PLAIN_EXTRA: MappingProxyType = MappingProxyType(
    {"end_text": "", "closed_on": None, "damaged": (), "damaged_dates": ()}
)


def stored_day(value: object) -> date | None:
    """A date column as stored (ISO); None for empty or for a value written in another format."""
    if not isinstance(value, str):  # None, or not text at all
        return None
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def records(
    rows: Iterable[tuple], date_rows: Iterable[tuple], event_rows: Iterable[tuple], replaced: set[int]
) -> list[CaseRecord]:
    """Case records from the rows of CASE_COLUMNS, (case_id, name, day) and EVENT_COLUMNS.

    Read one row at a time (cursors: the rows are never all in memory at once), the dates
    first, then the events, then the cases. Events come in the order read (by case, day, id); a
    row whose id is in replaced, or a cancelling row, is left out. A date stored in a wrong format
    is named in extra["damaged_dates"] (by its name: core.cases words it with the trial's label),
    an event in extra["damaged"] (a Danish text); the case then cannot be computed, never guessed.
    """
    with collector_paused():
        return _records(rows, date_rows, event_rows, replaced)


def _records(
    rows: Iterable[tuple], date_rows: Iterable[tuple], event_rows: Iterable[tuple], replaced: set[int]
) -> list[CaseRecord]:
    fromiso = date.fromisoformat
    days: dict[object, date] = {}  # one date object per stored text
    shared: dict[str, str] = {}  # one string object per repeated text (trial, status, ...): NOT NULL TEXT
    one = shared.setdefault
    dates: dict[int, dict[str, date]] = {}
    damaged: dict[int, list[str]] = {}  # rows another program (or damage) wrote wrongly
    damaged_dates: dict[int, list[str]] = {}  # the names of such dates
    for case_id, name, text in date_rows:
        day = days.get(text)
        if day is None:
            try:
                day = days[text] = fromiso(text)
            except (TypeError, ValueError):
                damaged_dates.setdefault(case_id, []).append(name)
                continue
        of_case = dates.get(case_id)
        if of_case is None:
            dates[case_id] = {one(name, name): day}
        else:
            of_case[one(name, name)] = day

    made: dict[tuple, Event] = {}  # one Event per (day, kind, full follow-up, form, initiator)
    events: dict[int, list[Event]] = {}
    for event_id, case_id, text, kind, form, full, initiator in event_rows:
        if event_id in replaced or kind == CANCELLED:
            continue
        key = (text, kind, full, form, initiator)
        event = made.get(key)
        if event is None:
            day = days.get(text)
            if day is None:
                try:
                    day = days[text] = fromiso(text)
                except (TypeError, ValueError):
                    damaged.setdefault(case_id, []).append(f"hændelse nr. {event_id} har en dato i et forkert format")
                    continue
            event = made[key] = Event(day, kind, bool(full), form, initiator or None)
        of_case = events.get(case_id)
        if of_case is None:
            events[case_id] = [event]
        else:
            of_case.append(event)

    found = []
    append = found.append
    proxy = MappingProxyType
    views: dict[tuple, MappingProxyType] = {}  # one read-only view per set of dates: shared
    for case_id, citizen, case_ref, trial_id, cpr, caseworker, status, end_reason, end_text, closed, note in rows:
        of_case = dates.pop(case_id, None)
        if of_case is not None:
            content = tuple(of_case.items())
            view = views.get(content)
            if view is None:
                view = views[content] = proxy(of_case)
        else:
            view = _NO_DATES
        faults = damaged.get(case_id)
        bad_dates = damaged_dates.get(case_id)
        if end_text == "" and closed is None and faults is None and bad_dates is None:
            extra = _PLAIN_EXTRA
        else:
            extra = proxy(
                {
                    "end_text": end_text,
                    "closed_on": stored_day(closed),
                    "damaged": tuple(faults or ()),
                    "damaged_dates": tuple(bad_dates or ()),
                }
            )
        append(
            CaseRecord(
                case_id,
                citizen,
                case_ref,
                one(trial_id, trial_id),
                view,
                tuple(events.get(case_id, ())),
                one(caseworker, caseworker),
                one(status, status),
                cpr,
                end_reason,
                note,
                extra,
            )
        )
    return found
