"""Journal notes for FASIT: a trial's note template filled in for one case and one situation."""

from __future__ import annotations

import re
import string
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import date

from dateutil.relativedelta import relativedelta

from .cases import CaseRecord
from .catalog import DATE_NAMES, NOTE_SITUATIONS, NoteCondition, NoteTemplate, RuleSpec, Trial
from .note_fields import (  # noqa: F401 - re-exported: the note fields are imported from here too
    NOTE_FIELDS,
    OPTIONAL_FIELDS,
    validate_template,
)
from .schedule import Deadline, Event, compute_deadlines, resolve_dates
from .workdays import add, fmt, fmt_long, last_day_of

NO_DATE = "ingen"

# Stands in the preview for a field that is still empty; a copied note never has one.
MISSING_MARKER = "[mangler: {label}]"

# The event a situation is about (the first of these the trial has), and the case date it starts on.
SITUATION_EVENTS = {
    "opfoelgning": ("followup", "talk"),
    "henvendelse": ("contact",),
    "plan_ikke_justeret": ("plan_not_adjusted",),
    "praktik_uden_fleksjob": ("praktik_end",),
}
SITUATION_DATES = {"praktik_start": "praktik_start", "forlaengelse": "extension_start"}


class NoteError(ValueError):
    """A note that cannot be written; the message says why, in Danish."""


class MissingFieldError(NoteError):
    """Fields the note uses are empty; `fields` names them, the message describes them in Danish."""

    def __init__(self, missing: Mapping[str, str]):
        self.fields = tuple(missing)
        self.labels = tuple(dict.fromkeys(missing.values()))  # a date's two forms are asked once
        wanted = "; ".join(self.labels)
        super().__init__(f"Notatet kan ikke laves, før dette er udfyldt: {wanted}.")


def situations_for(trial: Trial) -> list[tuple[str, str]]:
    """The situations the trial has a note for, as (name, Danish title), in the order offered."""
    return [(name, trial.notes[name].title) for name in NOTE_SITUATIONS if name in trial.notes]


def render_note(
    trial: Trial,
    case: CaseRecord,
    situation: str,
    *,
    note_date: date,
    caseworker: str,
    municipality: str,
    free_text: str = "",
    reason: str = "",
    event_date: date | None = None,
    template: NoteTemplate | None = None,
    confirmed: Collection[str] = (),
) -> str:
    """The journal note for a case and situation ('\\n' line breaks); NoteError if it cannot be.

    confirmed: the names of the trial's note conditions the caseworker has confirmed.
    """
    text, missing = _fill(
        trial,
        case,
        situation,
        note_date=note_date,
        caseworker=caseworker,
        municipality=municipality,
        free_text=free_text,
        reason=reason,
        event_date=event_date,
        template=template,
        confirmed=confirmed,
    )
    if missing:
        raise MissingFieldError(missing)
    return text


def draft_note(
    trial: Trial,
    case: CaseRecord,
    situation: str,
    *,
    note_date: date,
    caseworker: str,
    municipality: str,
    free_text: str = "",
    reason: str = "",
    event_date: date | None = None,
    template: NoteTemplate | None = None,
    confirmed: Collection[str] = (),
) -> tuple[str, tuple[str, ...]]:
    """The note with '[mangler: …]' for each empty field, and what is missing (for a preview).

    NoteError for anything else that stops the note, as render_note.
    """
    text, missing = _fill(
        trial,
        case,
        situation,
        note_date=note_date,
        caseworker=caseworker,
        municipality=municipality,
        free_text=free_text,
        reason=reason,
        event_date=event_date,
        template=template,
        marker=MISSING_MARKER,
        confirmed=confirmed,
    )
    return text, tuple(dict.fromkeys(missing.values()))


def _fill(
    trial: Trial,
    case: CaseRecord,
    situation: str,
    *,
    note_date: date,
    caseworker: str,
    municipality: str,
    free_text: str,
    reason: str,
    event_date: date | None,
    template: NoteTemplate | None,
    marker: str | None = None,
    confirmed: Collection[str] = (),
) -> tuple[str, dict[str, str]]:
    """The filled-in text and the missing fields (name -> label); no text if any, without marker."""
    if case.trial_id != trial.id:
        raise NoteError(f"Sagen hører til forsøg {case.trial_id}, ikke {trial.id}.")
    if template is None:
        template = trial.notes.get(situation)
    if template is None:
        known = ", ".join(name for name, _ in situations_for(trial)) or "ingen"
        raise NoteError(
            f"Forsøg {trial.id} har intet journalnotat for situationen '{situation}' (forsøget har: {known})."
        )
    problems = validate_template(template.text)
    if problems:
        raise NoteError("Skabelonen kan ikke bruges: " + " ".join(problems))

    if event_date is None:
        event_date = default_event_date(trial, case, situation, note_date)
    used = template.fields
    values, why = note_values(
        trial,
        case,
        situation,
        note_date=note_date,
        caseworker=caseworker,
        municipality=municipality,
        free_text=free_text,
        reason=reason,
        event_date=event_date,
        confirmed=confirmed,
        with_conditions="conditions" in used,
    )
    applied = event_date or note_date
    end = trial.period.effective_end
    if not trial.period.start <= applied <= end:
        raise NoteError(
            f"Forsøg {trial.id} gælder fra {fmt(trial.period.start)} til og med {fmt(end)}; "
            f"{fmt(applied)} ligger uden for perioden, så notatet kan ikke henvise til forsøget. "
            "Har kommunen fået forsøget forlænget, så registrér forlængelsen først."
        )
    if {"next_due", "next_due_long"} & set(used):
        problem = period_problem(trial, case, situation, applied, event_date)
        if problem:
            raise NoteError(problem)
    missing = {
        name: why.get(name) or _what(name) for name in used if not values.get(name) and name not in OPTIONAL_FIELDS
    }
    if missing and marker is None:
        return "", missing
    mark = marker or ""  # used only for a missing field, so only when a marker was given (above)
    filled = {
        name: values[name] or ("" if name in OPTIONAL_FIELDS else mark.format(label=missing[name])) for name in used
    }
    text = string.Template(template.text).substitute(filled)
    return _tidy(text), missing


def for_clipboard(text: str) -> str:
    """The note with Windows line breaks ('\\r\\n'), as FASIT expects it from the clipboard."""
    return _unix(text).replace("\n", "\r\n")


def note_values(
    trial: Trial,
    case: CaseRecord,
    situation: str,
    *,
    note_date: date,
    caseworker: str,
    municipality: str,
    free_text: str = "",
    reason: str = "",
    event_date: date | None = None,
    confirmed: Collection[str] = (),
    with_conditions: bool = True,
) -> tuple[dict[str, str | None], dict[str, str]]:
    """Every field's text for a note (None where there is none) and, for some, why it is missing.

    With with_conditions, NoteError when a condition the note would assert ($conditions) does not
    hold on the case's dates.
    """
    why: dict[str, str] = {}
    if event_date is None:
        event_date = default_event_date(trial, case, situation, note_date)
    dates, _ = resolve_dates(trial, case.dates)
    values: dict[str, str | None] = {
        "citizen": case.citizen.strip(),
        "case_ref": case.case_ref.strip(),
        "trial_id": trial.id,
        "trial_title": trial.title,
        "citation": trial.citation_text_on(note_date),
        "marking": trial.fasit_marking,
        "caseworker": caseworker.strip(),
        "municipality": municipality.strip(),
        "free_text": _unix(free_text).strip(),
        "reason": _unix(reason).strip(),
        **_date_texts("trial_end", trial.period.effective_end),
        **_date_texts("note_date", note_date),
        **_date_texts("event_date", event_date),
    }
    if not trial.fasit_marking:
        why["marking"] = "FASIT-markeringen (kommunen skriver den i forsøgets oplysninger)"
    for name in DATE_NAMES:
        values.update(_date_texts(f"{name}_date", dates.get(name)))

    deadline, missing_next = governing_deadline(trial, case, situation, event_date or note_date, event_date)
    if deadline is None:
        for name in ("next_due", "next_due_long", "next_due_reason"):
            why[name] = missing_next
        values.update(_date_texts("next_due", None))
        values.update({"next_due_reason": None, "next_due_remarks": ""})
        values.update(_date_texts("ordinary_due", None, none=NO_DATE))
    else:
        values.update(_date_texts("next_due", deadline.legal_due))
        reason_text = deadline.reason
        values["next_due_reason"] = reason_text[:1].lower() + reason_text[1:]
        remarks = " ".join(deadline.remarks)
        values["next_due_remarks"] = f" {remarks}" if remarks else ""
        values.update(_date_texts("ordinary_due", deadline.ordinary_due, none=NO_DATE))
    values["conditions"], missing_conditions = (
        _condition_lines(trial, dates, confirmed) if with_conditions else (None, "")
    )
    if missing_conditions:
        why["conditions"] = missing_conditions
    return values, why


# ------------------------------------------------------------------ the note window and the store


# The situation a note about an event of this kind is written for.
EVENT_SITUATIONS = {kind: name for name, kinds in SITUATION_EVENTS.items() for kind in kinds}


@dataclass(frozen=True)
class TemplateChange:
    """One saving of a municipality's template, or its restoring to the standard (text None)."""

    id: int
    trial_id: str
    situation: str
    text: str | None
    created_at: str = ""
    created_by: str = ""


def situation_for_event(trial: Trial, kind: str) -> str | None:
    """The situation of a note about an event of this kind, when the trial has a note for it."""
    name = EVENT_SITUATIONS.get(kind)
    return name if name in trial.notes else None


def default_event_date(trial: Trial, case: CaseRecord, situation: str, note_date: date) -> date | None:
    """The date a note is about unless the caseworker gives one (latest such event or case date)."""
    kind = _event_kind(trial, situation)
    if kind:
        days = [e.day for e in case.events if e.kind == kind and e.day <= note_date]
        return max(days) if days else None
    name = SITUATION_DATES.get(situation)
    if name:
        return resolve_dates(trial, case.dates)[0].get(name)
    return None


def uses_event_date(template: NoteTemplate) -> bool:
    """True when the template writes the date of the event the note is about."""
    return bool({"event_date", "event_date_long"} & set(template.fields))


def edited_template_errors(standard: NoteTemplate, text: str) -> list[str]:
    """Danish messages for a municipality's template that cannot replace the standard one."""
    problems = validate_template(text)
    if problems:
        return problems
    used = set(string.Template(text).get_identifiers())
    if "citation" not in used:
        problems.append("Skabelonen skal indeholde $citation: et journalnotat skal altid henvise til bekendtgørelsen.")
    if "marking" in standard.fields and "marking" not in used:
        problems.append(
            "Skabelonen skal indeholde $marking: FASIT-markeringen skal stå i notatet, ordret som i kilden."
        )
    if "reason" in standard.requires and "reason" not in used:
        problems.append("Skabelonen skal indeholde $reason: notatet skal give begrundelsen.")
    return problems


def edited_template(standard: NoteTemplate, text: str) -> NoteTemplate:
    """A municipality's text as a template: the standard's title; it asks for the fields it uses."""
    text = _unix(text)
    used = string.Template(text).get_identifiers()
    requires = tuple(name for name in ("reason", "free_text") if name in used)
    return NoteTemplate(standard.situation, standard.title, text, requires)


def journal_note_errors(situation: str, text: str, day: date | None, today: date) -> dict[str, str]:
    """Danish messages for a note that cannot be kept in the case history, keyed by field."""
    errors: dict[str, str] = {}
    if situation not in NOTE_SITUATIONS:
        errors["situation"] = f"Ukendt situation '{situation}' (kendte: {', '.join(NOTE_SITUATIONS)})"
    if not (text or "").strip():
        errors["text"] = "Notatet er tomt"
    elif MISSING_MARKER.split("{")[0] in text:
        errors["text"] = "Notatet har stadig felter, der ikke er udfyldt ([mangler: …])"
    if day is None:
        errors["day"] = "Skriv notatets dato"
    elif day > today:
        errors["day"] = f"{fmt(day)} ligger i fremtiden – et notat dateres på eller før i dag"
    return errors


# ------------------------------------------------------------------ internals


def _event_kind(trial: Trial, situation: str) -> str | None:
    return next((k for k in SITUATION_EVENTS.get(situation, ()) if k in trial.events), None)


def _rule_for(trial: Trial, kind: str | None) -> RuleSpec | None:
    if not trial.rules:
        return None
    return next((spec for spec in trial.rules if kind in spec.events), trial.rules[0])


def governing_deadline(
    trial: Trial,
    case: CaseRecord,
    situation: str,
    as_of: date,
    event_date: date | None = None,
) -> tuple[Deadline | None, str]:
    """The deadline a note about this situation states, and why there is none (Danish).

    The engine's own deadline for the case as it stood on as_of (decision 15): the same date the
    window shows for it, whichever rule governs. Later events do not count, and the event the note
    is about counts even before it has been registered on the case.
    """
    kind = _event_kind(trial, situation)
    spec = _rule_for(trial, kind)
    if spec is None:
        return None, "næste frist (forsøget har ingen beregnelig frist)"
    dates, _ = resolve_dates(trial, case.dates)
    if spec.anchor not in dates and spec.kind != "caseworker_set":
        return None, f"næste frist (sagen mangler datoen '{DATE_NAMES[spec.anchor]}')"
    events = [e for e in case.events if e.day <= as_of]
    if kind and event_date and not any(e.kind == kind and e.day == event_date for e in events):
        events.append(Event(event_date, kind))
    found = compute_deadlines(trial, case.dates, events, as_of)
    deadline = next((d for d in found if d.kind == spec.kind and d.label == spec.label), None)
    if deadline is None:
        return None, "næste frist (sagen har ingen frist på datoen; fx er perioden afsluttet)"
    if deadline.undated:
        return None, (
            "næste frist (den aftalte dato er nået eller mangler, så en ny dato skal aftales og registreres på sagen)"
        )
    return deadline, ""


def period_problem(trial: Trial, case: CaseRecord, situation: str, as_of: date, event_date: date | None = None) -> str:
    """Why a note cannot say the trial gives the period its length (Danish; '' when it can).

    A period (duration_end) that the ordinary rule governs is not the trial's, and one the trial's
    end cuts shorter than the trial's own minimum does not meet the trial's condition.
    """
    deadline, _ = governing_deadline(trial, case, situation, as_of, event_date)
    if deadline is None or deadline.kind != "duration_end":
        return ""
    spec = _rule_for(trial, _event_kind(trial, situation))
    assert spec is not None  # governing_deadline found a deadline for this very rule
    if deadline.governed_by == "ordinary":
        return (
            f"Forsøget giver ikke perioden dens længde: {deadline.reason}. Den almindelige regel "
            "gælder, så notatet kan ikke skrives efter forsøget."
        )
    start = resolve_dates(trial, case.dates)[0].get(spec.anchor)
    if spec.minimum and start and deadline.legal_due < last_day_of(start, spec.minimum):
        return (
            f"Perioden kan højst vare til {fmt(deadline.legal_due)} ({deadline.reason[:1].lower()}"
            f"{deadline.reason[1:]}), kortere end forsøgets mindste varighed på "
            f"{spec.minimum.danish()}, så forsøgets betingelse er ikke opfyldt, og notatet kan ikke "
            "skrives efter forsøget."
        )
    return ""


def condition_problems(trial: Trial, dates: Mapping[str, date]) -> dict[str, str]:
    """Danish messages, by case date name, for note conditions the case's dates show do not hold."""
    problems: dict[str, str] = {}
    for condition in trial.note_conditions:
        holds, text = _computed_condition(condition, dates)
        if holds is False and condition.since is not None:  # a computed condition has its since
            problems[condition.since] = text
    return problems


def confirmable_conditions(trial: Trial, dates: Mapping[str, date]) -> list[NoteCondition]:
    """The note conditions the caseworker must confirm: none of the case's dates can show them."""
    return [c for c in trial.note_conditions if _computed_condition(c, dates)[0] is None]


def _computed_condition(condition: NoteCondition, dates: Mapping[str, date]) -> tuple[bool | None, str]:
    """Whether the case's dates show the condition holds (None: they cannot), and the sentence."""
    if not condition.computable:
        return None, ""
    since_name, at_name, under = condition.since, condition.at, condition.under
    # The catalog gives since, at and under together (catalog._read_note_conditions).
    assert since_name is not None and at_name is not None and under is not None
    since, at = dates.get(since_name), dates.get(at_name)
    if since is None or at is None:
        return None, ""
    span = relativedelta(at, since)
    months = span.years * 12 + span.months
    measured = (
        f"{DATE_NAMES[since_name]} {fmt(since)} til {DATE_NAMES[at_name]} {fmt(at)} "
        f"er {months} {'måned' if months == 1 else 'måneder'}"
        + (f" og {span.days} {'dag' if span.days == 1 else 'dage'}" if span.days else "")
    )
    if at < add(since, under):
        return True, f"{condition.text}: {measured} (beregnet ud fra sagens datoer)"
    return False, (
        f"Betingelsen »{condition.text}« er ikke opfyldt: {measured}, så forsøget kan ikke "
        "bruges, og notatet kan ikke skrives efter det. Ret datoen, hvis den er forkert."
    )


def _condition_lines(trial: Trial, dates: Mapping[str, date], confirmed: Collection[str]) -> tuple[str | None, str]:
    """The '$conditions' text, one line each, and what is missing (Danish); NoteError if one fails."""
    lines: list[str] = []
    unconfirmed: list[str] = []
    for condition in trial.note_conditions:
        holds, text = _computed_condition(condition, dates)
        if holds is False:
            raise NoteError(text)
        if holds:
            lines.append(f"- {text}.")
        elif condition.name in confirmed:
            lines.append(f"- {condition.text} (bekræftet af sagsbehandleren).")
        else:
            unconfirmed.append(condition.text)
    if unconfirmed:
        return None, "bekræftelse af betingelserne: " + "; ".join(unconfirmed)
    return "\n".join(lines) or None, ""


def _date_texts(name: str, day: date | None, none: str | None = None) -> dict[str, str | None]:
    """A date field and its _long form ('15-02-2021', '15. februar 2021'); none for no date."""
    if not day:
        return {name: none, f"{name}_long": none}
    return {name: fmt(day), f"{name}_long": fmt_long(day)}


def _what(name: str) -> str:
    """A field's description without its format, for saying what is missing."""
    return _FORMAT_SUFFIX.sub("", NOTE_FIELDS[name])


_FORMAT_SUFFIX = re.compile(r" \((dd-mm-åååå|fx \d+\. \w+ \d{4})\)$")


def _unix(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _tidy(text: str) -> str:
    """No trailing spaces on a line, no blank lines at the start or end."""
    lines = [line.rstrip() for line in _unix(text).split("\n")]
    return "\n".join(lines).strip("\n")
