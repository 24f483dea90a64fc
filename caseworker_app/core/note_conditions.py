"""A trial's note conditions on a case: computed from its dates where they can be, else confirmed."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from datetime import date

from .catalog import NoteCondition, RuleSpec, Trial
from .event import Event
from .note_errors import NoteError
from .terms import DATE_NAMES, EVENT_NAMES
from .text import count_text
from .workdays import add, fmt, last_day_of

# Decisions 13 and 15: a deadline under an ordinary rule past the day it was checked to carries the
# window's caution ("… kontrollér fristen"). A note is the case's record in FASIT, so it states such a
# deadline only once the caseworker confirms having checked it: it then says so, never the caution.
DEADLINE_CHECK = "frist_kontrolleret"
DEADLINE_CHECK_TEXT = (
    "Jeg har kontrolleret fristen efter de regler, der gælder i dag "
    "(den almindelige regel kan være ændret, siden kataloget sidst kontrollerede den)"
)
DEADLINE_CHECKED = "Fristen er kontrolleret af sagsbehandleren efter de gældende regler."
DEADLINE_UNCHECKED = "bekræftelse af, at du har kontrolleret fristen efter de regler, der gælder i dag"

# Decisions 4 and 15: an extension typed in after the trial's end without its decision date, or decided after
# that end and not saved as retroactive, may bridge a lapse; a note whose basis rests on it for the note's day
# cites it once the caseworker confirms checking it (core/trial_period.py Period.unconfirmed_lapse_on).
EXTENSION_CHECK = "forlaengelse_kontrolleret"
EXTENSION_CHECKED = "Forlængelsen er kontrolleret af sagsbehandleren."
EXTENSION_UNCHECKED = "bekræftelse af, at du har kontrolleret, at forlængelsen gælder for notatets dag"


def extension_check_text(end: date, ended: date) -> str:
    """The box's text for an extension to end of a trial that ended on ended."""
    return (
        f"Jeg har kontrolleret, at forlængelsen til {fmt(end)} var besluttet, før forsøget sluttede {fmt(ended)}, "
        "eller gælder med tilbagevirkende kraft"
    )


# A period the trial's end cuts short is most often right as typed: what the program may not know is an
# extension of the trial (a tester found "Ret datoen" sent caseworkers to change a correct date).
CUT_SHORT_ADVICE = (
    "Er forsøget forlænget ud over den sidste dag, så tast forlængelsen ind under fanen Forsøg; "
    "ellers følger perioden den almindelige regel."
)


def condition_problems(trial: Trial, dates: Mapping[str, date]) -> dict[str, str]:
    """Danish messages, by case date name, for note conditions the case's dates show do not hold."""
    problems: dict[str, str] = {}
    for condition in trial.note_conditions:
        holds, text = _computed_condition(condition, dates)
        if holds is False and condition.since is not None:  # a computed condition has its since
            problems[condition.since] = text
        cut = _cut_short_by_end(trial, dates) if condition.duration else None
        if cut is not None:  # said at the period's first day
            anchor, measured = cut
            problems[anchor] = (
                f"Betingelsen »{condition.text}« er ikke opfyldt: {measured}, så forsøget kan ikke bruges, og "
                f"notatet kan ikke skrives efter det. {CUT_SHORT_ADVICE}"
            )
    return problems


def unmet_condition(trial: Trial, dates: Mapping[str, date], end: date | None = None) -> str | None:
    """The first condition the case's dates show is not met, as the engine's reason says it
    ('betingelsen »…« er ikke opfyldt: ledig siden … til praktikstart … er 18 måneder'), or None.
    A duration condition is unmet when the trial ends (on end, else its catalog end) before the
    period's minimum is reached (T09: a praktik begun 12 days before the end cannot last the 2-4
    weeks the trial asks for under it)."""
    for condition in trial.note_conditions:
        holds, _ = _computed_condition(condition, dates)
        if holds is False:
            return f"betingelsen »{condition.text}« er ikke opfyldt: {_measured(condition, dates)}"
        if condition.duration and (cut := _cut_short_by_end(trial, dates, end)):
            # Not quoted whole: a condition's text may hold brackets, and a note puts the reason in
            # brackets (T09's "(timetal, intensitet og skånehensyn)"; core/deadline.py Reason).
            return f"forsøgets betingelse om periodens længde er ikke opfyldt: {cut[1]}"
    return None


def _cut_short_by_end(trial: Trial, dates: Mapping[str, date], end: date | None = None) -> tuple[str, str] | None:
    """The period's date name and 'praktikstart 20-12-2021 til forsøgets sidste dag 31-12-2021 er 12
    dage, kortere end forsøgets mindste varighed på 2 uger', for a period begun in the trial that its
    end cuts below the minimum; None otherwise. end: the trial's last day as the engine was given it
    (the Fristberegner's and `schedule --trial-end`), else the catalog's."""
    period = trial.period
    end = end or period.effective_end
    for spec in trial.rules:
        start = dates.get(spec.anchor)
        if spec.kind != "duration_end" or spec.minimum is None or start is None:
            continue
        if period.start <= start <= end and end < last_day_of(start, spec.minimum):
            days = (end - start).days + 1  # both days counted, as the evaluation counts a praktik
            return spec.anchor, (
                f"{DATE_NAMES[spec.anchor]} {fmt(start)} til forsøgets sidste dag {fmt(end)} er "
                f"{count_text(days, 'dag', 'dage')}, kortere end forsøgets mindste varighed på {spec.minimum.danish()}"
            )
    return None


# Rules whose clock a decision under the trial starts (a period's first day, a date the caseworker
# agreed): one begun before the trial was not the trial's. A follow-up's clock (a hire date) may
# start before: the trial governs the deadlines falling in it.
BEGUN_UNDER_TRIAL = frozenset({"duration_end", "caseworker_set"})


def begun_before_trial(trial: Trial, spec: RuleSpec, dates: Mapping[str, date]) -> str | None:
    """'praktikstart 01-06-2012 ligger før forsøgets start 18-06-2012' when the rule's clock is one
    a decision under the trial starts and it started before the trial began: the trial then gives it
    neither its length nor its date (the engine, the evaluation and the notes all ask here); None
    otherwise."""
    begun = dates.get(spec.anchor) if spec.kind in BEGUN_UNDER_TRIAL else None
    start = trial.period.start
    if begun is None or begun >= start:
        return None
    return f"{DATE_NAMES[spec.anchor]} {fmt(begun)} ligger før forsøgets start {fmt(start)}"


def confirmable_conditions(
    trial: Trial, dates: Mapping[str, date], events: Iterable[Event] = ()
) -> list[NoteCondition]:
    """The note conditions the caseworker must confirm: none of the case's dates can show them, and
    no registered event shows they do not hold (a praktik ended before its minimum length)."""
    events = tuple(events)
    confirmable: list[NoteCondition] = []
    for c in trial.note_conditions:
        if _computed_condition(c, dates)[0] is None and not duration_problem(trial, c, dates, events):
            confirmable.append(c)
            if c.longer_name and longer_period(trial, c, dates, events):  # decision 19: its own box, after it
                confirmable.append(NoteCondition(c.longer_name, longer_check_text(c)))
    return confirmable


def condition_boxes(trial: Trial) -> list[NoteCondition]:
    """Every box the trial's conditions may ask for, in order: each condition, and after a duration
    condition with a lengthening its own box (decision 19); confirmable_conditions says which are asked."""
    boxes: list[NoteCondition] = []
    for condition in trial.note_conditions:
        boxes.append(condition)
        if condition.longer_name:
            boxes.append(NoteCondition(condition.longer_name, longer_check_text(condition)))
    return boxes


def longer_check_text(condition: NoteCondition) -> str:
    """The box's text for a period longer than the maximum (decision 19): 'Jeg har kontrolleret, at
    praktikken er forlænget ud over 4 uger på grund af sygdom eller ferielukning'."""
    return f"Jeg har kontrolleret, at {condition.longer_text[:1].lower()}{condition.longer_text[1:]}"


def longer_period(trial: Trial, condition: NoteCondition, dates: Mapping[str, date], events: Iterable[Event]) -> str:
    """'praktikstart 07-06-2021 til praktik afsluttet 09-07-2021 er 33 dage, længere end forsøgets
    største varighed på 4 uger, som sluttede 04-07-2021' when the first end registered on or after the
    period's start makes a duration condition's period longer than its rule's maximum; '' otherwise."""
    if not condition.duration:
        return ""
    for spec in trial.rules:
        start = dates.get(spec.anchor)
        if spec.kind != "duration_end" or spec.maximum is None or start is None:
            continue
        end = _first_end(spec, start, events)
        last = last_day_of(start, spec.maximum)
        if end is None or end.day <= last:
            continue
        days = (end.day - start).days + 1  # both days counted, as the evaluation counts a praktik
        return (
            f"{DATE_NAMES[spec.anchor]} {fmt(start)} til {EVENT_NAMES[end.kind]} {fmt(end.day)} er "
            f"{count_text(days, 'dag', 'dage')}, længere end forsøgets største varighed på {spec.maximum.danish()}, "
            f"som sluttede {fmt(last)}"
        )
    return ""


def _first_end(spec: RuleSpec, start: date, events: Iterable[Event]) -> Event | None:
    """The first end of the rule's period registered on or after its start (None: none is)."""
    return min((e for e in events if e.kind in spec.events and e.day >= start), key=lambda e: e.day, default=None)


def duration_problem(trial: Trial, condition: NoteCondition, dates: Mapping[str, date], events: Iterable[Event]) -> str:
    """Why a duration condition cannot be confirmed (Danish; '' when it can): the first end registered
    on or after the period's start makes it shorter than the trial's minimum, or longer than its
    maximum where the catalog names no lengthening to confirm (decision 19: with one, the caseworker
    confirms it, longer_period)."""
    if not condition.duration:
        return ""
    events = tuple(events)
    longer = longer_period(trial, condition, dates, events)
    if longer and not condition.longer_name:
        return (
            f"Betingelsen »{condition.text}« kan ikke bekræftes: {longer}, så notatet kan ikke skrives efter det. "
            "Ret datoen i sagsvinduet, hvis den er forkert."
        )
    for spec in trial.rules:
        start = dates.get(spec.anchor)
        if spec.kind != "duration_end" or spec.minimum is None or start is None:
            continue
        end = _first_end(spec, start, events)
        if end is None or end.day >= last_day_of(start, spec.minimum):
            continue
        days = (end.day - start).days + 1  # both days counted, as the evaluation counts a praktik
        return (
            f"Betingelsen »{condition.text}« kan ikke bekræftes: {DATE_NAMES[spec.anchor]} {fmt(start)} til "
            f"{EVENT_NAMES[end.kind]} {fmt(end.day)} er {days} {'dag' if days == 1 else 'dage'}, kortere end "
            f"forsøgets mindste varighed på {spec.minimum.danish()}, så notatet kan ikke skrives efter det. "
            "Ret datoen i sagsvinduet, hvis den er forkert."
        )
    return ""


def _computed_condition(condition: NoteCondition, dates: Mapping[str, date]) -> tuple[bool | None, str]:
    """Whether the case's dates show the condition holds (None: they cannot), and the sentence."""
    if not condition.computable:
        return None, ""
    since_name, at_name, under = condition.since, condition.at, condition.under
    # The catalog gives since, at and under together (catalog_load._read_note_conditions).
    assert since_name is not None and at_name is not None and under is not None
    since, at = dates.get(since_name), dates.get(at_name)
    if since is None or at is None:
        return None, ""
    measured = _measured(condition, dates)
    if at < add(since, under):
        return True, f"{condition.text}: {measured} (beregnet ud fra sagens datoer)"
    return False, (
        f"Betingelsen »{condition.text}« er ikke opfyldt: {measured}, så forsøget kan ikke "
        "bruges, og notatet kan ikke skrives efter det. Ret datoen, hvis den er forkert."
    )


def _measured(condition: NoteCondition, dates: Mapping[str, date]) -> str:
    """'Ledig siden 01-01-2019 til praktikstart 02-07-2020 er 18 måneder og 1 dag'."""
    assert condition.since is not None and condition.at is not None  # a computed condition
    since, at = dates[condition.since], dates[condition.at]
    from dateutil.relativedelta import relativedelta  # here: dateutil costs the start ~7 ms (core/workdays.py)

    span = relativedelta(at, since)
    months = span.years * 12 + span.months
    return (
        f"{DATE_NAMES[condition.since]} {fmt(since)} til {DATE_NAMES[condition.at]} {fmt(at)} "
        f"er {months} {'måned' if months == 1 else 'måneder'}"
        + (f" og {span.days} {'dag' if span.days == 1 else 'dage'}" if span.days else "")
    )


def condition_lines(
    trial: Trial, dates: Mapping[str, date], confirmed: Collection[str], events: Iterable[Event] = ()
) -> tuple[str | None, str]:
    """The '$conditions' text, one line each, and what is missing (Danish); NoteError if one fails."""
    lines: list[str] = []
    unconfirmed: list[str] = []
    events = tuple(events)
    for condition in trial.note_conditions:
        holds, text = _computed_condition(condition, dates)
        if holds is False:
            raise NoteError(text)
        shorter = duration_problem(trial, condition, dates, events)
        if shorter:  # ticked or not: the note would assert it
            raise NoteError(shorter)
        if holds:
            lines.append(f"- {text}.")
        elif condition.name in confirmed:
            lines.append(f"- {condition.text} ({confirmed_by(condition)}).")
        else:
            unconfirmed.append(condition.text)
        longer = longer_period(trial, condition, dates, events)
        if longer and condition.longer_name in confirmed:  # decision 19: the period measured, and why
            lines.append(f"- {condition.longer_text}: {longer} (bekræftet af sagsbehandleren).")
        elif longer:
            unconfirmed.append(f"{condition.longer_text} ({longer})")
    if unconfirmed:
        return None, "bekræftelse af betingelserne: " + "; ".join(unconfirmed)
    return "\n".join(lines) or None, ""


def confirmed_by(condition: NoteCondition) -> str:
    """What a note says of a condition the caseworker ticked (decision 15): who stands behind it."""
    return "sagsbehandlerens vurdering" if condition.assessment else "bekræftet af sagsbehandleren"
