"""Rows that repeat a case: the existing case with the same FASIT number and trial, and what
updating that case with the row's values would change.

A list exported by this program (Sager) can be read back: its masked CPR numbers change nothing
(core/import_rows.py), nor does a text as the export writes it (CPR numbers in it masked, an
apostrophe before a leading = + - @): that is the case's own value.

A list says nothing of when its values were true, but its file says when it was last saved: a value
the program set after that (a talk's agreed date, another caseworker) is newer than the list's, and
an update leaves it unless the caller chose to overwrite it (newer_in_program; the preview says so).

The rule is the store's own (store/case_writes.py `_check_duplicate`, the check behind "Ny sag"):
every case counts, open or closed. A closed case is never updated by an import; the preview says
so. The preview finds each duplicate once (Duplicate); the first deadline and the save use what it
found, and the save only checks that what the update reads of the case is as the preview read it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from types import MappingProxyType

from ...core.cases import CLOSED, CaseRecord
from ...core.cpr import mask_cpr
from ...core.event import Event
from ...core.import_mapping import EVENT_FIELDS, FIELD_LABELS, LAST_DECISION, LAST_FOLLOWUP
from ...core.import_rows import CaseDraft
from ...core.sheet_text import neutralise
from ...core.text import case_ref_key, clean_line
from ...core.workdays import fmt

UPDATABLE = ("citizen", "cpr", "caseworker", "note")  # FASIT number and trial identify the case

CaseKey = tuple[str, str]  # (trial, FASIT case number as core.text.case_ref_key reads it)


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One value an update changes, as the preview shows it: 'Ansættelse …: 01-03-2024 → 01-04-2024'."""

    field: str
    label: str
    old: str
    new: str


@dataclass(frozen=True, slots=True)
class NewerValue:
    """A value the update would change that the program set after the file was saved."""

    change: FieldChange
    changed_on: date  # the day the program set the case's value (local time)
    saved_on: date  # the day the file was last saved (local time)
    kept: bool  # True: the update leaves the case's value; False: the caller chose to overwrite it

    @property
    def text(self) -> str:
        """'aftalt dato 03-03-2021 er ændret i programmet 03-02-2021, efter filen blev gemt 01-02-2021:
        beholdes (listen har 03-02-2021)'; or, overwritten, '… : overskrives med 03-02-2021'."""
        c = self.change
        head = (
            f"{c.label.lower()} {c.old} er ændret i programmet {fmt(self.changed_on)}, efter filen blev gemt "
            f"{fmt(self.saved_on)}"
        )
        return f"{head}: beholdes (listen har {c.new})" if self.kept else f"⚠ {head}: overskrives med {c.new}"


def newer_in_program(
    set_at: Mapping[str, str], field: str, saved_at: datetime | None, *, has_value: bool = True
) -> datetime | None:
    """When the program set the case's field after the file was saved, or None: the one rule the
    window and the command line keep newer values by. set_at: the case's CaseStore.field_change_times();
    saved_at None (not known) keeps nothing. The case's creation counts only for a value it has
    (has_value): filling in a field left empty undoes nothing."""
    if saved_at is None:
        return None
    keys = (field, "") if has_value else (field,)
    times = [datetime.fromisoformat(stamp) for key in keys if (stamp := set_at.get(key))]
    latest = max(times, default=None)
    return latest if latest is not None and latest > saved_at else None


@dataclass(frozen=True)
class Duplicate:
    """The existing case a row repeats, as the preview read it, and what duplicates="update" does to it."""

    case: CaseRecord
    changes: tuple[FieldChange, ...] = ()  # empty: nothing new (or the case is closed)
    updated: CaseDraft | None = None  # the case once updated; None for a closed case
    followup: date | None = None  # the day of the event the update registers (a follow-up or decision)
    older_followup: date | None = None  # the list's date, left out: the case has a later one
    event_field: str = LAST_FOLLOWUP  # the import field of followup or older_followup (EVENT_FIELDS)
    newer: tuple[NewerValue, ...] = ()  # values the program set after the file was saved (kept unless overwritten)

    @property
    def event_kind(self) -> str:
        """The kind of event the update registers on followup's day."""
        return EVENT_FIELDS[self.event_field]

    @property
    def note(self) -> str:
        """Why the list's follow-up or decision is not registered ('' when it is, or there is none):
        the row would otherwise say 'intet nyt' of a date the caseworker can see in the list."""
        if self.older_followup is None:
            return ""
        label = FIELD_LABELS[self.event_field].lower()
        return (
            f"listens {label} {fmt(self.older_followup)} registreres ikke: sagen har en nyere, "
            f"{fmt(latest_day(self.case, self.event_field))}"
        )

    @property
    def closed(self) -> bool:
        """The case is closed: an import never updates it."""
        return self.case.status == CLOSED


def cases_by_key(cases: Iterable[CaseRecord]) -> dict[CaseKey, list[CaseRecord]]:
    """Every case under its trial and FASIT case number as a caseworker reads it (core.text.case_ref_key:
    's-1' is 'S-1 '); more than one: from before m006, or spelt apart before the import compared so."""
    found: dict[CaseKey, list[CaseRecord]] = {}
    for case in cases:
        found.setdefault((case.trial_id, case_ref_key(case.case_ref)), []).append(case)
    return found


def duplicate(
    case: CaseRecord,
    draft: CaseDraft,
    set_at: Mapping[str, str] | None = None,
    saved_at: datetime | None = None,
    *,
    overwrite_newer: bool = False,
) -> Duplicate:
    """The existing case and, unless it is closed, what updating it with the row changes. A value
    the program set after the file was saved (newer_in_program) is kept, unless overwrite_newer."""
    if case.status == CLOSED:
        return Duplicate(case)
    changes: list[FieldChange] = []
    newer: list[NewerValue] = []

    def keeps(change: FieldChange) -> bool:
        """Whether the update leaves this value (newer in the program); noted either way."""
        when = newer_in_program(set_at or {}, change.field, saved_at, has_value=change.old != "–")
        if when is None:
            return False
        assert saved_at is not None  # newer_in_program: a time only when the file's is known
        newer.append(
            NewerValue(change, when.astimezone().date(), saved_at.astimezone().date(), kept=not overwrite_newer)
        )
        return not overwrite_newer

    values: dict[str, str] = {}
    for name in UPDATABLE:
        old = getattr(case, name) or ""
        new = getattr(draft, name) if name in draft.given else old
        if name != "cpr" and new != old and new == neutralise(old):
            new = old  # as the export writes the value (a CPR number masked, ' before a leading -): no change
        if name in ("citizen", "caseworker") and new != old and new == clean_line(old):
            new = old  # saved with a non-breaking or double space before the import cleaned them: looks alike
        if name in draft.given and (new or "") != old:
            shown = (lambda v: mask_cpr(v) or "–") if name == "cpr" else (lambda v: v or "–")
            change = FieldChange(name, FIELD_LABELS[name], shown(old), shown(new))
            if keeps(change):
                new = old
            else:
                changes.append(change)
        values[name] = new
    dates = dict(case.dates)
    for name, day in draft.dates.items():
        if dates.get(name) != day:
            change = FieldChange(name, FIELD_LABELS[name], fmt(dates.get(name)) or "–", fmt(day))
            if not keeps(change):
                changes.append(change)
                dates[name] = day
    followup = older = None
    event_field = LAST_FOLLOWUP
    for event_field, day in draft.last_events().items():  # one: no trial has both events
        latest = latest_day(case, event_field)
        if latest is None or day > latest:
            followup = day
            changes.append(FieldChange(event_field, FIELD_LABELS[event_field], fmt(latest) or "–", fmt(day)))
        elif day < latest:
            older = day
        break
    updated = CaseDraft(
        citizen=values["citizen"],
        case_ref=case.case_ref,
        trial_id=case.trial_id,
        cpr=values["cpr"] or None,
        caseworker=values["caseworker"],
        note=values["note"],
        dates=MappingProxyType(dates),
        last_followup=followup if event_field == LAST_FOLLOWUP else None,
        last_decision=followup if event_field == LAST_DECISION else None,
        given=draft.given,
    )
    return Duplicate(case, tuple(changes), updated, followup, older, event_field, tuple(newer))


# The events that are the case's own of what an import field registers: a full follow-up
# conversation is a follow-up; a decision on the plan, adjusted or not, is a decision.
_SAME_EVENTS = {
    LAST_FOLLOWUP: lambda e: e.kind == "followup" or (e.kind == "contact" and e.full_followup),
    LAST_DECISION: lambda e: e.kind in ("plan_adjusted", "plan_not_adjusted", "plan_decision"),
}


def latest_day(case: CaseRecord, field: str = LAST_FOLLOWUP) -> date | None:
    """The day of the case's latest event of what the import field registers, or None."""
    same = _SAME_EVENTS[field]
    days = [e.day for e in case.events if same(e)]
    return max(days) if days else None


def last_followup(case: CaseRecord) -> date | None:
    """The day of the case's latest follow-up (a full follow-up conversation counts), or None."""
    return latest_day(case, LAST_FOLLOWUP)


def registered_events(draft: CaseDraft) -> tuple[Event, ...]:
    """The events saving the draft registers (its latest follow-up or decision), as the engine sees them."""
    return tuple(Event(day, EVENT_FIELDS[name]) for name, day in draft.last_events().items())


def changed_since(found: Duplicate, now: CaseRecord, draft: CaseDraft) -> bool:
    """Whether the case, read again, would give another update than the preview showed: what the
    update reads of it (its status, the fields the row gives, its dates, its latest follow-up) changed."""
    writes_dates = any(change.field in draft.dates for change in found.changes)  # then all its dates
    return _read_by_update(now, draft, writes_dates) != _read_by_update(found.case, draft, writes_dates)


def _read_by_update(case: CaseRecord, draft: CaseDraft, all_dates: bool) -> tuple[object, ...]:
    dates = dict(case.dates) if all_dates else {name: case.dates.get(name) for name in draft.dates}
    return (
        case.status,
        [getattr(case, name) or "" for name in UPDATABLE if name in draft.given],
        dates,
        tuple(latest_day(case, name) for name in draft.last_events()),
    )
