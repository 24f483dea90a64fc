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
_NO_DATES_KEY: tuple = ()
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
    # Nothing per case outlives its row but what the record keeps: a case's dates are gathered as
    # the tuple of (name, day) pairs that keys their shared view, and its events as the tuple the
    # record holds. (A dict and a list per case, dropped once read, left ~13 MB of the window's
    # memory in pieces Python could not give back.)
    fromiso = date.fromisoformat
    days: dict[object, date] = {}  # one date object per stored text
    shared: dict[str, str] = {}  # one string object per repeated text (trial, status, ...): NOT NULL TEXT
    one = shared.setdefault
    # Case id -> its (name, day) pairs in the order read. The pairs and the tuples of them are
    # shared: a case holds one made for an earlier case read with the same dates.
    dates: dict[int, tuple[tuple[str, date], ...]] = {}
    pairs: dict[tuple, tuple[str, date]] = {}  # (name, stored text) -> (name, day)
    grown: dict[tuple, tuple[tuple[str, date], ...]] = {}  # (pairs so far, next pair) -> all of them
    damaged: dict[int, list[str]] = {}  # rows another program (or damage) wrote wrongly
    damaged_dates: dict[int, list[str]] = {}  # the names of such dates
    dates_so_far = dates.get
    for case_id, name, text in date_rows:
        stored = (name, text)
        pair = pairs.get(stored)
        if pair is None:
            day = days.get(text)
            if day is None:
                try:
                    day = days[text] = fromiso(text)
                except (TypeError, ValueError):
                    damaged_dates.setdefault(case_id, []).append(name)
                    continue
            pair = pairs[stored] = (one(name, name), day)
        step = (dates_so_far(case_id, ()), pair)
        content = grown.get(step)
        if content is None:
            content = grown[step] = (*step[0], pair)
        dates[case_id] = content

    made: dict[tuple, Event] = {}  # one Event per (day, kind, full follow-up, form, initiator)
    events: dict[int, tuple[Event, ...]] = {}
    run: list[Event] = []  # the events of case run_id, read one after the other (by case)
    run_id = 0  # (a first case 0 joins the empty run: the same)
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
        if case_id != run_id:
            if run:
                events[run_id] = (*events.get(run_id, ()), *run)  # a case read in two runs: both, in order
            run_id, run = case_id, [event]
        else:
            run.append(event)
    if run:
        events[run_id] = (*events.get(run_id, ()), *run)

    found: list[CaseRecord] = []
    append = found.append
    make = tuple.__new__  # CaseRecord(...) without its Python-level __new__: the same record
    proxy = MappingProxyType
    views: dict[tuple, MappingProxyType] = {_NO_DATES_KEY: _NO_DATES}  # one read-only view per set of dates
    view_of = views.get
    events_of = events.get
    dates_of = dates.get
    any_damaged = bool(damaged or damaged_dates)
    for case_id, citizen, case_ref, trial_id, cpr, caseworker, status, end_reason, end_text, closed, note in rows:
        content = dates_of(case_id, _NO_DATES_KEY)
        view = view_of(content)
        if view is None:
            view = views[content] = proxy(dict(content))
        if end_text == "" and closed is None and not (any_damaged and (case_id in damaged or case_id in damaged_dates)):
            extra = _PLAIN_EXTRA
        else:
            extra = proxy(
                {
                    "end_text": end_text,
                    "closed_on": stored_day(closed),
                    "damaged": tuple(damaged.get(case_id, ())),
                    "damaged_dates": tuple(damaged_dates.get(case_id, ())),
                }
            )
        append(
            make(
                CaseRecord,
                (
                    case_id,
                    citizen,
                    case_ref,
                    one(trial_id, trial_id),
                    view,
                    events_of(case_id, ()),
                    one(caseworker, caseworker),
                    one(status, status),
                    cpr,
                    end_reason,
                    note,
                    extra,
                ),
            )
        )
    return found
