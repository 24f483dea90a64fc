"""A note states the deadline the window shows (decision 15), whatever the dates (hypothesis).

The note is written on the day of the latest event, or later, about that event or an earlier one;
every event is of the kind the note is about. Whatever the note states as the next
deadline is one of the dates the window lists for the case on the note's day; a closed case's note
states none.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from types import MappingProxyType

from hypothesis import given, settings
from hypothesis import strategies as st

from caseworker_app.core.cases import CaseRecord, deadlines_for_cases
from caseworker_app.core.catalog_load import load_catalog
from caseworker_app.core.event import Event
from caseworker_app.core.note_errors import NoteError
from caseworker_app.core.note_situations import event_kind, situations_for
from caseworker_app.core.notes import render_note
from caseworker_app.core.workdays import fmt

CATALOG = load_catalog()
_NEXT_DUE = re.compile(r"\$next_due(?!_)")  # the field, not $next_due_reason or $next_due_remarks
# (trial, situation) of every shipped note that states the next deadline.
STATING = [
    (trial, situation)
    for trial in CATALOG.values()
    for situation, _title in situations_for(trial)
    if _NEXT_DUE.search(trial.notes[situation].text)
]
days = st.dates(min_value=date(2014, 1, 1), max_value=date(2027, 12, 31))
_STATED = re.compile(r"senest (\d{2}-\d{2}-\d{4})")


@given(
    chosen=st.sampled_from(STATING),
    start=days,
    gaps=st.lists(st.integers(min_value=1, max_value=500), max_size=3),
    written_after=st.integers(min_value=0, max_value=120),
    closed=st.booleans(),
    about=st.integers(min_value=0, max_value=2),
)
@settings(max_examples=600, deadline=None)
def test_a_note_states_only_a_deadline_the_window_shows(chosen, start, gaps, written_after, closed, about):
    trial, situation = chosen
    dates = {d.name: start for d in trial.dates if d.name not in ("offer", "unemployed_since")}
    kind = event_kind(trial, situation)
    held, day = [], start
    for gap in gaps if kind else ():
        day += timedelta(days=gap)
        held.append(Event(day, kind, False, "personligt"))
    note_day = day + timedelta(days=written_after)
    case = CaseRecord(id=1, citizen="Borger", case_ref="2020-0001", trial_id=trial.id, dates=dates, events=tuple(held))
    if closed:
        case = case._replace(
            status="afsluttet",
            end_reason="job",
            extra=MappingProxyType({"end_text": "", "closed_on": note_day, "damaged": (), "damaged_dates": ()}),
        )
    # About an earlier event too (one forgotten and noted late), except for a period's start: its
    # last day is the one the start set, also once a later event has ended it.
    periods = any(rule.kind == "duration_end" for rule in trial.rules)
    event_date = held[-1 - about].day if held and about < len(held) and not periods else None
    try:
        note = render_note(
            trial,
            case,
            situation,
            event_date=event_date,
            note_date=note_day,
            caseworker="Anne Jensen",
            municipality="Vesthimmerlands Kommune",
            free_text="Resumé.",
            reason="Begrundelse.",
            confirmed=tuple(c.name for c in trial.note_conditions),
        )
    except NoteError:
        return  # refused, with its reason: nothing stated
    shown = {fmt(item.deadline.legal_due) for item in deadlines_for_cases([case], CATALOG, note_day)}
    next_due_lines = [
        line for line in note.splitlines() if _NEXT_DUE.search(_template_line_for(trial, situation, line))
    ]
    for line in next_due_lines:
        for stated in _STATED.findall(line):
            assert stated in shown, (note, shown)
    if closed:
        assert "så der er ingen næste frist" in note and not shown


def _template_line_for(trial, situation, line: str) -> str:
    """The template's line a note line was filled from: the one whose fixed start it begins with."""
    for template_line in trial.notes[situation].text.splitlines():
        head = template_line.split("$")[0]
        if head.strip() and line.startswith(head):
            return template_line
    return ""
