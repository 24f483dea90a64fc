"""Checks of a case, an event and a closing before saving: Danish messages keyed by field.

Field names are those of the store's API: citizen, case_ref, trial_id, cpr, the trial's date names
(hire, offer, praktik_start ...), and for events day, kind, form, initiated_by, full_followup,
replaces; for closing reason, text, day. The window shows each message at its field.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from datetime import date

from dateutil.relativedelta import relativedelta

from .catalog import CaseDate, Trial
from .cpr import cpr_error
from .event import Event
from .history import END_REASONS, INITIATORS, OTHER_REASON
from .schedule import resolve_dates
from .terms import DATE_NAMES, EVENT_NAMES, FORMS
from .text import text_errors
from .workdays import fmt, parse_date

EARLIEST_DATE = date(2000, 1, 1)
LATEST_YEARS_AHEAD = 5

# Case dates that must not come after another case date: (earlier, later).
DATE_ORDER = (("offer", "hire"), ("unemployed_since", "praktik_start"), ("absence_start", "agreed"))

# A date the caseworker agrees for the future is a target, not a start: events may precede it.
TARGET_DATES = frozenset({"agreed"})


def parse_case_dates(raw: Mapping[str, object]) -> tuple[dict[str, date], dict[str, str]]:
    """Dates given as date objects or text -> dates, and messages for unreadable ones."""
    dates: dict[str, date] = {}
    errors: dict[str, str] = {}
    for name, value in raw.items():
        if value is None or value == "":
            continue
        if isinstance(value, date):
            dates[name] = value
            continue
        try:
            dates[name] = parse_date(str(value))
        except ValueError as exc:
            errors[name] = str(exc)
    return dates, errors


def _date_label(trial: Trial | None, name: str) -> str:
    return trial.date_label(name) if trial else DATE_NAMES.get(name, name)


def missing_dates(trial: Trial, given: Collection[str]) -> tuple[tuple[CaseDate, ...], ...]:
    """The dates a case of the trial lacks, given the names of those it has: each entry is one date
    to give, or several of which any one will do.

    Each required date is one entry. A trial whose rules all count from optional dates (T04: the
    trial's agreed date, the ordinary rule's visitation) needs at least one of them: without any,
    no rule, the trial's or the ordinary one, has a date to count from.
    """
    missing: list[tuple[CaseDate, ...]] = [(d,) for d in trial.dates if d.required and d.name not in given]
    specs = [s for rule in trial.rules for s in (rule, rule.ordinary, *rule.ordinary_changes) if s is not None]
    anchors = {s.anchor for s in specs}
    counted_from = tuple(d for d in trial.dates if d.name in anchors)
    if counted_from and not any(d.required or d.name in given for d in counted_from):
        missing.append(counted_from)
    return tuple(missing)


def missing_date_message(dates: tuple[CaseDate, ...]) -> str:
    """What to write when the case lacks dates (one entry of missing_dates), by the trial's labels."""
    if len(dates) == 1:
        return f"Skriv datoen »{dates[0].label}«"
    labels = [f"»{d.label}«" for d in dates]
    return f"Skriv mindst én af datoerne {', '.join(labels[:-1])} og {labels[-1]}: sagens frister regnes fra dem"


# Dates that lie ahead by nature: the next date agreed with the citizen (T04, T12, T15, T16).
_FUTURE_BY_NATURE = frozenset({"agreed"})


def future_date_hints(dates: Mapping[str, date], today: date) -> dict[str, str]:
    """A warning, not a refusal, at each date after today that is usually in the past (a hire, a
    visitation): a mistyped year moves every deadline by a year, unnoticed. A planned hire or
    praktik may rightly lie ahead, so the case can still be saved."""
    return {
        name: f"{fmt(day)} ligger i fremtiden – er årstallet rigtigt? Fristerne regnes fra den."
        for name, day in dates.items()
        if day > today and name not in _FUTURE_BY_NATURE
    }


def case_errors(
    catalog: Mapping[str, Trial],
    *,
    citizen: str,
    case_ref: str,
    trial_id: str,
    dates: Mapping[str, object],
    cpr: str | None = None,
    today: date,
    events: Iterable[Event] = (),
) -> dict[str, str]:
    """Danish messages for a case that cannot be saved as given (empty dict: it can)."""
    errors: dict[str, str] = text_errors({"citizen": citizen, "case_ref": case_ref, "cpr": cpr})
    if not (citizen or "").strip():
        errors["citizen"] = "Skriv borgerens navn"
    if not (case_ref or "").strip():
        errors["case_ref"] = "Skriv FASIT-sagsnummeret"
    if cpr and "cpr" not in errors:
        message = cpr_error(cpr, today)
        if message:
            errors["cpr"] = message
    parsed, date_errors = parse_case_dates(dates)
    errors.update(date_errors)
    trial = catalog.get(trial_id) if trial_id else None
    if not trial_id:
        errors["trial_id"] = "Vælg et forsøg"
        return errors
    if trial is None:
        errors["trial_id"] = f"Ukendt forsøg '{trial_id}' (kendte: {', '.join(catalog)})"
        return errors

    used = {d.name for d in trial.dates}
    for name in parsed:
        if name not in used:
            errors[name] = f"Forsøg {trial.id} bruger ikke datoen '{DATE_NAMES.get(name, name)}'"
    for lacking in missing_dates(trial, {*parsed, *errors}):
        errors.setdefault(lacking[0].name, missing_date_message(lacking))
    latest = today + relativedelta(years=LATEST_YEARS_AHEAD)
    for name, day in parsed.items():
        if name in errors:
            continue
        if day < EARLIEST_DATE:
            errors[name] = f"{fmt(day)} ligger før {fmt(EARLIEST_DATE)} – er årstallet rigtigt?"
        elif day > latest:
            errors[name] = f"{fmt(day)} ligger mere end {LATEST_YEARS_AHEAD} år ude i fremtiden – er årstallet rigtigt?"
    for earlier, later in DATE_ORDER:
        if earlier in parsed and later in parsed and parsed[earlier] > parsed[later] and earlier not in errors:
            errors[earlier] = (
                f"{_date_label(trial, earlier)} ({fmt(parsed[earlier])}) kan ikke ligge efter "
                f"{_date_label(trial, later).lower()} ({fmt(parsed[later])})"
            )

    events = list(events)
    unused = sorted({e.kind for e in events} - set(trial.events))
    if unused:
        errors["trial_id"] = (
            f"Sagen har hændelser, som forsøg {trial.id} ikke bruger: "
            f"{', '.join(EVENT_NAMES.get(k, k) for k in unused)}"
        )
    for event in sorted((e for e in events if e.kind in trial.events), key=lambda e: e.day):
        floor = event_floor(trial, parsed, event.kind)
        if floor and event.day < floor[1] and floor[0] not in errors:
            errors[floor[0]] = (
                f"Der er registreret {EVENT_NAMES.get(event.kind, event.kind)} {fmt(event.day)} før denne dato"
            )
    return errors


def event_floor(trial: Trial, dates: Mapping[str, date], kind: str) -> tuple[str, date] | None:
    """The case date an event of this kind cannot precede (no follow-up before hire)."""
    resolved, _ = resolve_dates(trial, dates)
    kinds = {kind, "followup"} if kind == "contact" else {kind}
    anchors: set[str] = set()
    for spec in trial.rules:
        for rule in (spec, spec.ordinary):
            if rule is not None and rule.kind != "caseworker_set" and kinds & set(rule.events):
                anchors.add(rule.anchor)
    if not anchors:
        anchors = {d.name for d in trial.dates if d.name not in TARGET_DATES}
    candidates = sorted((resolved[name], name) for name in anchors if name in resolved)
    return (candidates[0][1], candidates[0][0]) if candidates else None


def event_errors(
    trial: Trial,
    dates: Mapping[str, date],
    *,
    day: date | None,
    kind: str,
    form: str | None = None,
    initiated_by: str | None = None,
    full_followup: bool = False,
    today: date,
) -> dict[str, str]:
    """Danish messages for an event that cannot be registered on a case of this trial."""
    errors: dict[str, str] = {}
    label = EVENT_NAMES.get(kind, kind)
    if kind not in trial.events:
        known = ", ".join(EVENT_NAMES.get(k, k) for k in trial.events) or "ingen"
        errors["kind"] = f"Forsøg {trial.id} bruger ikke hændelsen '{label}' (det bruger: {known})"
    if day is None:
        errors["day"] = "Skriv datoen"
    elif day > today:
        errors["day"] = f"{fmt(day)} ligger i fremtiden – registrér hændelsen, når den har fundet sted"
    elif day < EARLIEST_DATE:
        errors["day"] = f"{fmt(day)} ligger før {fmt(EARLIEST_DATE)} – er årstallet rigtigt?"
    elif "kind" not in errors:
        floor = event_floor(trial, dates, kind)
        if floor and day < floor[1]:
            errors["day"] = (
                f"{label.capitalize()} {fmt(day)} ligger før {_date_label(trial, floor[0]).lower()} {fmt(floor[1])}"
            )
    if form is not None and form not in FORMS:
        errors["form"] = f"Ukendt form '{form}' (vælg mellem {', '.join(FORMS)})"
    if initiated_by is not None and initiated_by not in INITIATORS:
        errors["initiated_by"] = f"Ukendt '{initiated_by}' (vælg mellem {', '.join(INITIATORS)})"
    if full_followup and kind != "contact":
        errors["full_followup"] = "Kun en henvendelse mellem opfølgninger kan tælle som fuld opfølgning"
    return errors


def close_errors(
    trial: Trial | None,
    dates: Mapping[str, date],
    *,
    reason: str,
    text: str,
    day: date | None,
    today: date,
) -> dict[str, str]:
    """Danish messages for closing a case with this reason and date."""
    errors: dict[str, str] = {}
    if reason not in END_REASONS:
        errors["reason"] = f"Vælg en årsag: {', '.join(END_REASONS)}"
    elif reason == OTHER_REASON and not (text or "").strip():
        errors["text"] = "Skriv årsagen, når den er 'andet'"
    if day is None:
        errors["day"] = "Skriv datoen for afslutningen"
    elif day > today:
        errors["day"] = f"{fmt(day)} ligger i fremtiden – en sag afsluttes på eller før i dag"
    else:
        starts = sorted((d, n) for n, d in dates.items() if n not in TARGET_DATES)
        if starts and day < starts[0][0]:
            errors["day"] = (
                f"{fmt(day)} ligger før sagens første dato "
                f"({_date_label(trial, starts[0][1]).lower()} {fmt(starts[0][0])})"
            )
    return errors
