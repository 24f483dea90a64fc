"""The deadline engine: a case's trial, dates and events on a given day -> its deadlines with reasons."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from operator import attrgetter
from typing import NamedTuple

from .catalog import DATE_NAMES, RuleSpec, Trial, reform_caution
from .workdays import (
    WEEKDAYS_DA,
    Duration,
    add,
    day_off_name,
    fmt,
    fmt_weekday,
    last_day_of,
    last_working_day_on_or_before,
)

OVERDUE, DUE_SOON, LATER = "overdue", "due_soon", "later"
STATUS_DA = {OVERDUE: "overskredet", DUE_SOON: "snart", LATER: "senere"}
DEFAULT_WARNING_DAYS = 30
DEFAULT_TRIAL_END_HORIZON_DAYS = 90
_ONE_DAY = timedelta(days=1)
# Keys and makers in C, not Python: the engine runs once per case for many thousands of cases.
_BY_DAY = attrgetter("day")
_BY_LEGAL_DUE = attrgetter("legal_due")


@dataclass(frozen=True, slots=True)
class Event:
    """Something that happened on a case; a contact counts as a follow-up only when marked so."""

    day: date
    kind: str
    full_followup: bool = False
    form: str | None = None


class Deadline(NamedTuple):
    """One computed deadline of a case (a NamedTuple: immutable and cheap to make by the 100,000)."""

    trial_id: str
    kind: str
    label: str
    legal_due: date
    practical_due: date
    ordinary_due: date | None
    status: str
    governed_by: str  # "trial", "ordinary", or "none" (a clock started outside the trial, no ordinary rule)
    rule: str
    citation: str
    reason_parts: Reason  # joined on demand by .reason (see _sentence)
    day_off: str | None  # why the practical date is earlier: 'søndag', 'Nytårsdag' ...
    trial_end: date
    due_to_trial_end: bool  # the ordinary deadline had passed when the trial ended
    # The trial rule's own date where another date governs (decisions 12 and 15), else None.
    trial_due: date | None = None
    # One sentence when the governing ordinary rule is past its checked-until date (decision 13).
    caution: str = ""
    # No date to show: a date the caseworker sets has not been agreed (legal_due is then the day
    # computed, only so the deadline sorts with the overdue ones). See due_text().
    undated: bool = False

    @property
    def reason(self) -> str:
        """One Danish sentence that explains the date: '30 måneder efter seneste opfølgning 10-01-2021'."""
        return _sentence(self.reason_parts)

    @property
    def trial_due_text(self) -> str:
        """Why the trial rule's own date does not govern, when it differs ('' when it does)."""
        if self.trial_due is None or self.trial_due == self.legal_due:
            return ""
        text = (
            f"Efter forsøgsreglen ville fristen være {fmt(self.trial_due)}, men forsøget gælder kun "
            f"til og med {fmt(self.trial_end)}"
        )
        if self.governed_by == "ordinary":
            return text + "; derefter gælder den almindelige regel."
        return text + "."

    @property
    def remarks(self) -> tuple[str, ...]:
        """What the caseworker must know beside the reason: the trial rule's date, the caution."""
        return tuple(text for text in (self.trial_due_text, self.caution) if text)

    def to_json(self) -> dict[str, object]:
        """The fields `caseworker-app schedule --json` prints, dates in ISO form."""
        return {
            "kind": self.kind,
            "label": self.label,
            "legal_due": None if self.undated else self.legal_due.isoformat(),
            "practical_due": None if self.undated else self.practical_due.isoformat(),
            "ordinary_due": self.ordinary_due.isoformat() if self.ordinary_due else None,
            "status": self.status,
            "governed_by": self.governed_by,
            "rule": self.rule,
            "citation": self.citation,
            "reason": self.reason,
            "trial_due": self.trial_due.isoformat() if self.trial_due else None,
            "trial_due_text": self.trial_due_text,
            "caution": self.caution,
            "undated": self.undated,
            "due_text": due_text(self),
        }


UNDATED_TEXT = "dato ikke aftalt – aftal og registrér den"


def due_text(deadline: Deadline) -> str:
    """The deadline's legal date as users see it: dd-mm-åååå, or that no date has been agreed."""
    return UNDATED_TEXT if deadline.undated else fmt(deadline.legal_due)


def day_off_text(deadline: Deadline) -> str:
    """Why the practical date is earlier, said of the legal date: 'fristen 28-02-2021 er en søndag'."""
    if not deadline.day_off or deadline.undated:
        return ""
    phrase = f"en {deadline.day_off}" if deadline.day_off in WEEKDAYS_DA else deadline.day_off
    return f"fristen {fmt(deadline.legal_due)} er {phrase}"


def practical_text(deadline: Deadline) -> str:
    """The practical date as dd-mm-åååå, or '' for a deadline without a date."""
    return "" if deadline.undated else fmt(deadline.practical_due)


def practical_day_text(deadline: Deadline) -> str:
    """'fre 26-02-2021 (fristen 28-02-2021 er en søndag)': the practical date with its weekday, and
    why it is earlier than the legal date (said of the legal date); '' for a deadline without a date."""
    if deadline.undated:
        return ""
    text = fmt_weekday(deadline.practical_due)
    return f"{text} ({day_off_text(deadline)})" if deadline.day_off else text


def resolve_dates(trial: Trial, dates: Mapping[str, date]) -> tuple[dict[str, date], dict[str, str]]:
    """The case's dates with the trial's defaults filled in, and a Danish note per date defaulted."""
    resolved = dict(dates)
    if None in resolved.values():
        resolved = _dated(resolved)
    notes: dict[str, str] = {}
    for case_date in trial.defaulted_dates:
        source = case_date.default_from
        if case_date.name not in resolved and source in resolved:
            resolved[case_date.name] = resolved[source]
            notes[case_date.name] = _defaulted_note(case_date.name, source)
    return resolved, notes


def _dated(dates: Mapping[str, date | None]) -> dict[str, date]:
    # A caller outside the typed contract may still pass None for a date not set: dropped.
    return {name: day for name, day in dates.items() if day is not None}


@lru_cache(maxsize=64)
def _defaulted_note(name: str, source: str) -> str:
    # Once per pair, not per case: the same text, one string object for every case.
    return f" ({DATE_NAMES[name]} ukendt: {DATE_NAMES[source]} er brugt)"


def compute_deadlines(
    trial: Trial,
    dates: Mapping[str, date],
    events: Iterable[Event],
    today: date,
    *,
    trial_end: date | None = None,
    warning_days: int = DEFAULT_WARNING_DAYS,
) -> list[Deadline]:
    """Every deadline of one case on the day today, earliest first."""
    if trial.defaulted_dates:
        resolved, default_notes = resolve_dates(trial, dates)
    else:
        resolved, default_notes = dates, None
    history = sorted(events, key=_BY_DAY) if events else []
    while history and history[-1].day > today:
        history.pop()  # computed as on `today`: an event dated later has not happened yet
    any_full = False
    for event in history:  # a loop, not any(generator): no generator made per case
        if event.full_followup:
            any_full = True
            break
    end = trial_end or trial.period.effective_end
    horizon = today + timedelta(days=warning_days)
    found: list[Deadline] = []
    for spec in trial.rules:
        deadline = _deadline(trial, spec, resolved, history, any_full, today, horizon, end, default_notes)
        if deadline is not None:
            found.append(deadline)
    if len(found) > 1:
        found.sort(key=_BY_LEGAL_DUE)
    return found


def trial_end_warnings(
    deadlines: Iterable[Deadline], today: date, horizon_days: int = DEFAULT_TRIAL_END_HORIZON_DAYS
) -> list[Deadline]:
    """Deadlines that a trial's coming end makes overdue on its first day, shown horizon_days ahead."""
    return [
        d
        for d in deadlines
        if d.due_to_trial_end and d.trial_end - timedelta(days=horizon_days) <= today <= d.trial_end
    ]


def status_of(legal_due: date, practical_due: date, today: date, warning_days: int) -> str:
    """Overdue once the legal date has passed; due soon when the practical date is within the horizon."""
    return _status(legal_due, practical_due, today, today + timedelta(days=warning_days))


def _status(legal_due: date, practical_due: date, today: date, horizon: date) -> str:
    if legal_due < today:
        return OVERDUE
    if practical_due <= horizon:
        return DUE_SOON
    return LATER


# ------------------------------------------------------------------ internals


def _deadline(
    trial: Trial,
    spec: RuleSpec,
    dates: Mapping[str, date],
    history: Sequence[Event],
    any_full: bool,
    today: date,
    horizon: date,
    end: date,
    default_notes: Mapping[str, str] | None,
) -> Deadline | None:
    trial_result = _due(spec, dates, history, any_full)
    if spec.ordinary_changes:
        ordinary, ordinary_result = _ordinary_due(spec, dates, history, any_full)
    else:  # the common case, once per case in a list of many thousands: no extra call
        ordinary = spec.ordinary
        ordinary_result = _due(ordinary, dates, history, any_full) if ordinary is not None else None
    ordinary_due = ordinary_result[0] if ordinary_result else None
    due_to_trial_end = False
    trial_due = None
    start = trial.period.start

    if trial_result is None and spec.kind == "caseworker_set" and (today <= end or not ordinary_result):
        # The trial leaves the date to the caseworker and none is agreed: ask for it, never invent one.
        return _undated(trial, spec, dates, today, end, ordinary_due)
    if ordinary_result and ordinary_result[0] < start:
        # The deadline fell before the trial began, so the ordinary rule governed it.
        governed, (legal, reason, from_anchor) = "ordinary", ordinary_result
        reason = reason + (" (før forsøgets start ", start, ")")
    elif trial_result and trial_result[0] <= end:
        governed, (legal, reason, from_anchor) = "trial", trial_result
    elif ordinary_result:
        # From the day after the trial's end the ordinary rule governs, from the last follow-up held.
        governed, (legal, reason, from_anchor) = "ordinary", ordinary_result
        if trial_result and dates[spec.anchor] <= end:
            trial_due = trial_result[0]  # beside, for a case the trial covered (decision 15)
        day_after = end + _ONE_DAY
        if legal < day_after:
            due_to_trial_end = True
            if spec.kind == "duration_end":
                # A period's limit is its last day: it must end on the trial's last day at the latest.
                legal, when = end, "så perioden skal slutte senest på forsøgets sidste dag"
            else:
                legal, when = day_after, "så fristen er dagen efter forsøgets slutning"
            reason = (
                ("Forsøget slutter ", end, ": efter almindelig regel (")
                + reason
                + (") var fristen ", ordinary_result[0], ", " + when)
            )
        else:
            reason = reason + (" (almindelig regel efter forsøgets slutning ", end, ")")
    elif trial_result:
        governed, (legal, reason, from_anchor) = "trial", trial_result
        anchor = dates[spec.anchor]
        if not start <= anchor <= end:
            # The clock started outside the trial: the trial rule does not apply, and the
            # catalog has no ordinary rule to use instead. Keep the date as a reminder, said plainly.
            governed = "none"
            reason = (
                f"{DATE_NAMES[spec.anchor]} ",
                anchor,
                " ligger uden for forsøgsperioden ",
                start,
                "–",
                end,
                ", så forsøgsreglen gælder ikke: ",
            ) + reason
        elif spec.kind == "duration_end":
            # Decision 12: a period begun under the trial and still running at its end does not
            # keep the trial's length; with no ordinary limit known it ends on the trial's last day.
            trial_due, legal, due_to_trial_end = legal, end, True
            if reason[-1] == ", sidste dag":
                reason = reason[:-1]  # the trial rule's last day is said beside (trial_due_text)
            reason = (
                ("Forsøget slutter ", end, ": perioden må højst vare til forsøgets sidste dag (efter forsøgsreglen ")
                + reason
                + (")",)
            )
    else:
        return None

    practical = last_working_day_on_or_before(legal)
    # _status, written out: this runs once per case in a list of many thousands.
    if legal < today or (due_to_trial_end and legal <= today and spec.kind != "duration_end"):
        status = OVERDUE  # decision 3: overdue on the day after the trial's end
    elif practical <= horizon:
        status = DUE_SOON
    else:
        status = LATER
    caution = ""
    if governed == "trial":
        governing, rule = spec, _rule_text("Forsøgsregel: ", spec.text)
        citation = trial.citation_text_on(legal if legal < end else end)
    elif governed == "ordinary":
        assert ordinary is not None  # governed is "ordinary" only when ordinary_result came from it
        governing, rule = ordinary, _rule_text("Almindelig regel: ", ordinary.text)
        citation = ordinary.reference
        checked = ordinary.checked_until
        if checked is not None and legal > checked:  # reform_caution's test, without the call
            caution = reform_caution(ordinary, legal)
    else:
        governing, rule = spec, _rule_text("Uden for forsøget: ", spec.text)
        citation = f"Ingen: forsøget gælder fra {fmt(start)} til og med {fmt(end)}"
    if from_anchor and default_notes and governing.anchor in default_notes:
        reason = reason + (default_notes[governing.anchor],)
    # Every field in order, made as the tuple it is (Deadline's own __new__ is a Python call):
    # this runs once per case in a list of many thousands.
    return _make_deadline(
        Deadline,
        (
            trial.id,
            spec.kind,
            spec.label,
            legal,
            practical,
            ordinary_due,
            status,
            governed,
            rule,
            citation,
            reason,
            day_off_name(legal) if practical != legal else None,
            end,
            due_to_trial_end,
            trial_due,
            caution,
            False,
        ),
    )


_make_deadline: Callable[[type[Deadline], Reason], Deadline] = tuple[object, ...].__new__  # tuple.__new__, typed


def _undated(
    trial: Trial,
    spec: RuleSpec,
    dates: Mapping[str, date],
    today: date,
    end: date,
    ordinary_due: date | None,
) -> Deadline:
    """A deadline whose date the caseworker must agree: none is agreed, or the agreed one was met."""
    agreed = dates.get(spec.anchor)
    if agreed is None:
        reason = ("ingen dato aftalt: aftal datoen med borgeren og registrér den på sagen",)
    else:
        reason = (
            "den aftalte dato ",
            agreed,
            " er overholdt, og næste dato er ikke aftalt: aftal den og registrér den på sagen",
        )
    if today <= end:
        governed, rule = "trial", _rule_text("Forsøgsregel: ", spec.text)
        citation = trial.citation_text_on(today)
    else:  # the trial has ended and the catalog knows no ordinary rule for it
        governed, rule = "none", _rule_text("Uden for forsøget: ", spec.text)
        citation = f"Ingen: forsøget gælder fra {fmt(trial.period.start)} til og med {fmt(end)}"
    # Decision 3: the ordinary date, if it falls within the trial, is overdue the day after its end.
    ends_overdue = today <= end and ordinary_due is not None and ordinary_due <= end
    return Deadline(
        trial.id,
        spec.kind,
        spec.label,
        today,
        today,
        ordinary_due,
        OVERDUE,
        governed,
        rule,
        citation,
        reason,
        None,
        end,
        ends_overdue,
        None,
        "",
        True,
    )


def _ordinary_due(
    spec: RuleSpec, dates: Mapping[str, date], history: Sequence[Event], any_full: bool
) -> tuple[RuleSpec | None, tuple[date, Reason, bool] | None]:
    """The ordinary rule's date and the version of the rule that governs it (decision 13).

    A later version applies to a deadline that falls on or after the day it applies from; one that
    would fall before that day under the new version falls due on that day (as at a trial's end).
    """
    version = spec.ordinary
    if version is None and not spec.ordinary_changes:
        return None, None
    result = _due(version, dates, history, any_full) if version is not None else None
    for change in spec.ordinary_changes:
        known_from = change.known_from
        assert known_from is not None  # every change says when it applies from (catalog, overrides)
        if result is not None and result[0] < known_from:
            break  # due before the change applied: the earlier rule governs it
        had_rule = version is not None
        version, result = change, _due(change, dates, history, any_full)
        if result is not None and result[0] < known_from:
            if not had_rule:
                # No ordinary rule existed before the change: nothing was due under one then.
                return None, None
            # Due before the new rule applied, not yet under the old one: as at a trial's end,
            # a period ends on the old rule's last day at the latest, a follow-up falls due the
            # day the new rule applies.
            if spec.kind == "duration_end":
                day, when = known_from - _ONE_DAY, ", så perioden slutter senest dagen før"
            else:
                day, when = known_from, ", så fristen er den dag"
            result = (
                max(day, result[0]),
                result[1] + (" – almindelig regel ændret fra ", known_from, when),
                result[2],
            )
    return version, result


@lru_cache(maxsize=1024)
def _rule_text(prefix: str, text: str) -> str:
    return prefix + text


# workdays.add(day, duration) by (day, id(duration)), looked up without a call: the engine's
# most frequent sum, once or twice per case. Each duration seen is held in _DURATIONS, so its id
# stays its own (an id is reused only after its object is freed). Bounded: cleared when full.
_SUMS: dict[tuple[date, int], date] = {}
_DURATIONS: dict[int, Duration] = {}


def _sum(day: date, duration: Duration | None) -> date:
    # Only on a miss of _SUMS: the catalog requires the duration for the rule's kind (_read_rule).
    assert duration is not None
    if len(_SUMS) >= 200_000:
        _SUMS.clear()  # _DURATIONS is kept: a freed duration's id must never come back
    _DURATIONS[id(duration)] = duration
    result = _SUMS[day, id(duration)] = add(day, duration)
    return result


@lru_cache(maxsize=1024)
def _words(template: str, value: object) -> str:
    """A reason's words with a name or number in them: made once, one object for every case
    (a deadline per case is kept; its reason's parts are shared, not copied 100,000 times)."""
    return template.format(value)


def counts_for(event: Event, spec: RuleSpec) -> bool:
    """Whether the event counts for the rule (restarts its clock): the engine's own test."""
    if event.kind in spec.events:
        return not spec.forms or event.form is None or event.form in spec.forms
    # A contact between follow-ups restarts the clock only when marked as a full follow-up.
    return event.full_followup and event.kind == "contact" and "followup" in spec.events


# A reason is kept as parts (text, dates, durations) and joined only when read: building
# sentences nobody looks at was a third of the engine's time for a full case list.
Reason = tuple[object, ...]


def _sentence(parts: Reason) -> str:
    text = "".join(
        [fmt(p) if isinstance(p, date) else p.danish() if isinstance(p, Duration) else str(p) for p in parts]
    )
    return text[0].upper() + text[1:]


def _due(
    spec: RuleSpec, dates: Mapping[str, date], history: Sequence[Event], any_full: bool
) -> tuple[date, Reason, bool] | None:
    """The date one rule gives, the parts of the sentence that explains it, and whether it counts
    from the case's own date (not from an event); None when nothing is due."""
    anchor = dates.get(spec.anchor)
    if anchor is None:
        return None
    anchor_label = DATE_NAMES[spec.anchor]
    if not history:
        held = []  # half the cases: no list comprehension (a call of its own) for nothing
    elif spec.forms or any_full:
        held = [e.day for e in history if e.day >= anchor and counts_for(e, spec)]
    else:
        held = [e.day for e in history if e.day >= anchor and e.kind in spec.events]
    kind = spec.kind

    if kind == "followup":
        if held:
            last = held[-1]
            return (
                _SUMS.get((last, id(spec.every))) or _sum(last, spec.every),
                (spec.every, " efter seneste opfølgning ", last),
                False,
            )
        return (
            _SUMS.get((anchor, id(spec.first))) or _sum(anchor, spec.first),
            (spec.first, _words(" efter {} ", anchor_label), anchor),
            True,
        )

    if kind == "decision":
        if held:
            last = held[-1]
            return (
                _SUMS.get((last, id(spec.every))) or _sum(last, spec.every),
                (spec.every, " efter seneste stillingtagen til indsatsplanen ", last),
                False,
            )
        return (
            _SUMS.get((anchor, id(spec.every))) or _sum(anchor, spec.every),
            (spec.every, _words(" efter {} ", anchor_label), anchor),
            True,
        )

    if kind == "duration_end":
        if held:
            return None  # the period has ended
        return (
            last_day_of(anchor, spec.maximum),
            ("højst ", spec.maximum, _words(" fra {} ", anchor_label), anchor, ", sidste dag"),
            True,
        )

    if kind == "count_window":
        need = _words("mindst {} samtaler inden for ", spec.count)
        if len(held) < spec.count:
            return (
                last_day_of(anchor, spec.window),
                (
                    need,
                    spec.window,
                    _words(" fra {} ", anchor_label),
                    anchor,
                    _words("; {} holdt indtil nu", len(held)),
                ),
                True,
            )
        oldest = held[-spec.count]
        # Every window of that length must hold `count` talks: the next is due when the
        # count-th latest talk would fall out of the window.
        return (
            add(oldest, spec.window),
            (need, spec.window, _words(": den {}.-seneste samtale var ", spec.count), oldest),
            False,
        )

    if kind == "caseworker_set":
        # Met by a talk held on the agreed date or on the last working day before it (its
        # practical date); an earlier talk is taken as the one at which the date was agreed.
        met_from = last_working_day_on_or_before(anchor)
        if any(e.day >= met_from and counts_for(e, spec) for e in history):
            return None  # the agreed date has been met; a new date must be agreed
        return anchor, ("dato aftalt af sagsbehandleren: ", anchor), True

    raise ValueError(f"unknown rule kind {spec.kind!r}")
