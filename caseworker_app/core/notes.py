"""Journal notes for FASIT: a trial's note template filled in for one case and one situation."""

from __future__ import annotations

import re
import string
from collections.abc import Collection, Mapping
from dataclasses import replace
from datetime import date
from functools import lru_cache
from typing import NamedTuple

from .cases import CaseRecord
from .catalog import NoteTemplate, Trial
from .note_conditions import DEADLINE_CHECK, EXTENSION_CHECK
from .note_deadline import closed_problem, closed_sentence, future_day_problem, period_problem
from .note_errors import MissingFieldError, NoteError
from .note_fields import OPTIONAL_FIELDS, STATED_DEADLINE, validate_template
from .note_refusals import situation_refusal
from .note_situations import (
    applied_day,
    default_event_date,
    event_kind,
    period_date,
    period_day_problem,
    situations_for,
)
from .note_values import field_description, note_values, unix_newlines
from .participation import PARTICIPATION_CHECK, PARTICIPATION_CHECKED, participation_check_needed
from .terms import EVENT_NAMES, NOTE_SITUATIONS
from .workdays import fmt

# The fields by which a note states its next deadline.
# Stands in the preview for a field that is still empty; a copied note never has one.
MISSING_MARKER = "[mangler: {label}]"


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
    text, missing, _ = _fill(
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


class Draft(NamedTuple):
    """A note as the preview shows it, what is missing, and the values it was filled in from."""

    text: str  # with '[mangler: …]' for each empty field
    missing: tuple[str, ...]
    values: Mapping[str, str | None]  # every field's text for this note (core/note_values.py note_values)


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
    draft = note_draft(
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
    return draft.text, draft.missing


def note_draft(
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
) -> Draft:
    """draft_note with the values the note was filled in from (what a copied note states is read
    from them: core/note_staleness.py), computed once for both. NoteError as draft_note."""
    text, missing, values = _fill(
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
    return Draft(text, tuple(dict.fromkeys(missing.values())), values)


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
) -> tuple[str, dict[str, str], dict[str, str | None]]:
    """The filled-in text, the missing fields (name -> label; no text if any, without marker) and
    every field's value (note_values, as the text was filled in from them)."""
    if case.trial_id != trial.id:
        raise NoteError(f"Sagen hører til forsøg {case.trial_id}, ikke {trial.id}.")
    if template is None:
        template = trial.notes.get(situation)
    if template is None:
        known = ", ".join(name for name, _ in situations_for(trial)) or "ingen"
        raise NoteError(
            f"Forsøg {trial.id} har intet journalnotat for situationen '{situation}' (forsøget har: {known})."
        )
    refusal = situation_refusal(trial, case, situation)  # the same the window's and the list's offers show
    if refusal:
        raise NoteError(refusal)
    problems = _template_problems(template.text)
    if problems:
        raise NoteError("Skabelonen kan ikke bruges: " + " ".join(problems))

    if event_date is None:
        event_date = default_event_date(trial, case, situation, note_date)
    problem = period_day_problem(trial, case, situation, event_date)  # a period is dated by its start only
    if problem:
        raise NoteError(problem)
    # Whether the template states the next deadline: its period checks hold for a closed case too.
    states_deadline = bool(STATED_DEADLINE & set(_template_fields(template.text)))
    closing = closed_sentence(case)
    if closing and states_deadline:
        template = replace(template, text=_without_next_deadline(template.text, closing))
    used = _template_fields(template.text)
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
        states_deadline=bool(STATED_DEADLINE & set(used)),
    )
    # After the case's closing, or not yet held on the note's day (also a registered event: '--today' before it).
    problem = closed_problem(case, event_date) or future_day_problem(event_date, note_date)
    if problem:
        raise NoteError(problem)
    applied = applied_day(event_date, note_date)
    end = trial.period.effective_end
    kind = event_kind(trial, situation)
    if event_date is None and kind is not None and not trial.period.start <= applied <= end:
        # No event to date it by: the note's own day stands in, but that is not what is missing.
        name = EVENT_NAMES[kind]
        raise NoteError(
            f"Der er ingen »{name[:1].upper()}{name[1:]}« registreret på sagen, så notatet har ingen dato for "
            "hændelsen. Registrer den i sagsvinduet (Registrer hændelse …), eller skriv datoen under »Dato for "
            "hændelsen« (på kommandolinjen: --date DD-MM-ÅÅÅÅ)."
        )
    period = period_date(trial, situation)
    if event_date is None and period is not None and not trial.period.start <= applied <= end:
        # No start to date the period by: the note's own day stands in, but the start is what is missing.
        raise NoteError(
            f"Sagen har ingen dato for »{trial.date_label(period)}«, så notatet har ingen dato for den periode, "
            "det handler om. Skriv datoen i sagsvinduet, og skriv så notatet."
        )
    if not trial.period.start <= applied <= end:
        # An extension covers only days after the end: before the start there is nothing to register.
        # After the end the ordinary rule governs the case: the caseworker's own note, no trial in it.
        hint = (
            " Efter forsøgets slutning følges sagen efter den almindelige regel: skriv notatet i FASIT som "
            "i andre sager, uden henvisning til forsøget. Har kommunen fået forsøget forlænget, så "
            "registrér forlængelsen først."
            if applied > end
            else ""
        )
        applies = "gjaldt" if end < note_date else "gælder"  # as the basis says it (outside_citation)
        raise NoteError(
            f"Forsøg {trial.id} {applies} fra {fmt(trial.period.start)} til og med {fmt(end)}; "
            f"{fmt(applied)} ligger uden for perioden, så notatet kan ikke henvise til forsøget.{hint}"
        )
    if "citation" in used and trial.citations and trial.citation_on(applied) is None:
        # No known basis for that day: a note cites none rather than the catalog's own diagnosis.
        known = trial.citation_text_on(applied)  # 'ingen kendt henvisning for …: … gælder først fra …'
        raise NoteError(
            f"Forsøg {trial.id}: {known}. Et notat kan ikke henvise til en hjemmel, der ikke er kendt: "
            "registrér henvisningen under Forsøg › Ret henvisning, og skriv så notatet."
        )
    if states_deadline:
        problem = period_problem(trial, case, situation, applied, event_date)
        if problem:
            raise NoteError(problem)
    # An optional field with nothing to say is "" (left out); None is missing (a required marking).
    missing = {
        name: why.get(name) or field_description(name)
        for name in used
        if not values.get(name) and (name not in OPTIONAL_FIELDS or values.get(name) is None)
    }
    # A deadline under the reform caution is stated once the caseworker has confirmed checking it: asked
    # for where the note would say so (after the deadline's remarks), else in place of the date.
    # Likewise a basis resting on an extension that may bridge a lapse, asked for in place of the citation.
    # The municipality's participation likewise (decision 17), beside the basis; a template without one
    # (a municipality's own) says it, or asks for it, on a line of its own at the end.
    checked_for: set[str] = set()  # the fields a check is asked for in
    for check, fields in (
        (DEADLINE_CHECK, ("next_due_remarks", *sorted(STATED_DEADLINE))),
        (EXTENSION_CHECK, ("citation",)),
        (PARTICIPATION_CHECK, ("citation",)),
    ):
        unchecked = why.get(check)
        stating = [name for name in fields if name in used]
        if unchecked and stating and stating[0] not in checked_for:
            missing[stating[0]] = unchecked
            checked_for.add(stating[0])
        elif unchecked and check == PARTICIPATION_CHECK:  # (the extension's is asked for at the basis)
            missing[check] = unchecked
    if missing and marker is None:
        return "", missing, values
    mark = marker or ""  # used only for a missing field, so only when a marker was given (above)
    filled = {name: values[name] or "" for name in used}
    last_line = ""  # the participation's, when no field of the template states it
    for name, label in missing.items():
        shown = mark.format(label=label)
        if name not in filled:
            last_line = shown
        else:
            filled[name] = f"{filled[name]} {shown}" if name in OPTIONAL_FIELDS and values[name] is not None else shown
    if not last_line and "citation" not in used and PARTICIPATION_CHECK in confirmed:
        last_line = PARTICIPATION_CHECKED if participation_check_needed(trial, municipality) else ""
    text = string.Template(_without_empty_lines(template.text, filled)).substitute(filled)
    return _tidy(f"{_tidy(text)}\n{last_line}" if last_line else text), missing, values


# A trial's few templates are filled in again and again (a preview per keystroke, the check of every
# copied note after a change of the catalog): what their text says of itself is read once.
@lru_cache(maxsize=256)
def _template_problems(text: str) -> tuple[str, ...]:
    return tuple(validate_template(text))


@lru_cache(maxsize=256)
def _template_fields(text: str) -> tuple[str, ...]:
    """NoteTemplate.fields of a template with this text."""
    return NoteTemplate("", "", text).fields


# A sentence ends at a full stop before a capital ("… 2026). Forsøget …"), not after "jf." or "mv."
# before a reference ("jf. § 10"), which a municipality's own template may have.
_SENTENCE_END = re.compile(r"(?<=\.) (?=[A-ZÆØÅ])")
_NEXT_DEADLINE = re.compile(r"\$\{?next_due")
_ORDINARY_DEADLINE = re.compile(r"\$\{?ordinary_due")


def _without_next_deadline(text: str, closed: str) -> str:
    """The template with each sentence that states the next deadline ($next_due …) replaced by
    closed ('Sagen er afsluttet 20-06-2021 (…), så der er ingen næste frist.') and each that states
    the ordinary rule's date for it left out: a closed case has no deadline in the lists. The rest
    of the note (the event, the trial, its basis) stands."""
    lines: list[str] = []
    said = False  # once in the note, however many lines state the deadline
    for line in unix_newlines(text).split("\n"):
        if not (_NEXT_DEADLINE.search(line) or _ORDINARY_DEADLINE.search(line)):
            lines.append(line)
            continue
        kept: list[str] = []
        for sentence in _SENTENCE_END.split(line):
            if _NEXT_DEADLINE.search(sentence):
                if not said:
                    kept.append(closed)
                    said = True
            elif not _ORDINARY_DEADLINE.search(sentence):
                kept.append(sentence)
        if kept:
            lines.append(" ".join(kept))
    return "\n".join(lines)


def _without_empty_lines(text: str, filled: dict[str, str]) -> str:
    """The template without the lines that hold nothing but an optional field with nothing to say
    ($marking_line of a trial without a marking): no blank line stands in the note for them."""
    kept: list[str] = []
    for line in unix_newlines(text).split("\n"):
        alone = line.strip()
        name = alone[2:-1] if alone.startswith("${") and alone.endswith("}") else alone[1:]
        if not (alone.startswith("$") and name in OPTIONAL_FIELDS and not filled.get(name)):
            kept.append(line)
    return "\n".join(kept)


def for_clipboard(text: str) -> str:
    """The note with Windows line breaks ('\\r\\n'), as FASIT expects it from the clipboard."""
    return unix_newlines(text).replace("\n", "\r\n")


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


def _tidy(text: str) -> str:
    """No trailing spaces on a line, no blank lines at the start or end."""
    lines = [line.rstrip() for line in unix_newlines(text).split("\n")]
    return "\n".join(lines).strip("\n")
