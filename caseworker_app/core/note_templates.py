"""A municipality's own journal-note templates: the checks of its text and the saved changes."""

from __future__ import annotations

import string
from dataclasses import dataclass

from .catalog import NoteTemplate
from .note_fields import validate_template
from .note_values import unix_newlines


@dataclass(frozen=True)
class TemplateChange:
    """One saving of a municipality's template, or its restoring to the standard (text None)."""

    id: int
    trial_id: str
    situation: str
    text: str | None
    created_at: str = ""
    created_by: str = ""


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
    if "marking_line" in standard.fields and not {"marking_line", "marking"} & used:
        problems.append(
            "Skabelonen skal indeholde $marking_line: FASIT-markeringen, som kommunen har skrevet den, skal stå i "
            "notatet."
        )
    if "reason" in standard.requires and "reason" not in used:
        problems.append("Skabelonen skal indeholde $reason: notatet skal give begrundelsen.")
    return problems


def edited_template(standard: NoteTemplate, text: str) -> NoteTemplate:
    """A municipality's text as a template: the standard's title; it asks for the fields it uses."""
    text = unix_newlines(text)
    used = string.Template(text).get_identifiers()
    requires = tuple(name for name in ("reason", "free_text") if name in used)
    return NoteTemplate(standard.situation, standard.title, text, requires)
