"""The fields a journal-note template may use, and the checks of a template's text.

Kept apart from notes.py (which renders notes with the engine) so that the catalog can check the
templates it loads without importing the engine that imports the catalog.
"""

from __future__ import annotations

import string
from collections.abc import Sequence

from .terms import DATE_NAMES

# Fields the caseworker gives when writing the note (the rest come from the case and the catalog).
CASEWORKER_FIELDS = ("free_text", "reason", "event_date")

# Fields that may be empty in a finished note (nothing to remark is not something missing).
# The fields that state the case's next deadline: a note with one of them asserts a date the engine
# gives (core/note_deadline.py), and a period's note one the trial lengthens (period_problem).
STATED_DEADLINE = frozenset({"next_due", "next_due_long"})
OPTIONAL_FIELDS = frozenset({"next_due_remarks", "contact_counts", "contact_from", "marking_line"})


def _date_fields() -> dict[str, str]:
    return {f"{name}_date": f"sagens dato '{label}' (dd-mm-åååå)" for name, label in DATE_NAMES.items()}


# The fixed list of fields a template may use, with the Danish description the user sees.
NOTE_FIELDS: dict[str, str] = {
    "citizen": "borgerens navn",
    "case_ref": "sagsnummer i FASIT",
    "trial_id": "forsøgets nummer, fx T08",
    "trial_title": "forsøgets titel",
    "citation": "henvisningen til hjemlen, som den gælder på hændelsens dato (uden hændelse: notatets dato)",
    "marking": "FASIT-markeringen, ordret",
    "marking_line": "linjen 'FASIT-markering: …', når forsøget har en markering – fx den, kommunen har skrevet "
    "(linjen udelades, når forsøget hverken har eller kræver en)",
    "caseworker": "sagsbehandlerens navn",
    "municipality": "kommunens navn",
    "note_date": "notatets dato (dd-mm-åååå)",
    "event_date": "dato for hændelsen, fx opfølgningen (dd-mm-åååå)",
    "next_due": "næste frist, som den gælder – den samme som i vinduet (dd-mm-åååå)",
    "next_due_reason": "hvordan næste frist er regnet, fx '2½ år efter seneste opfølgning 10-01-2021'",
    "next_due_remarks": "fristen i praksis, når den falder på en fridag, forsøgsreglens dato, når den ikke "
    "gælder, og at du har kontrolleret fristen efter de gældende regler, når det skal bekræftes (tom, når "
    "der ikke er noget at bemærke)",
    "contact_counts": "om henvendelsen på hændelsens dato er markeret som fuld opfølgning, som den er "
    "registreret på sagen (tom for andre hændelser)",
    "contact_from": "hvem henvendelsen på hændelsens dato kom fra, som det er registreret på sagen, fx "
    "' fra borgeren' (tom, når det ikke er registreret)",
    "conditions": "forsøgets betingelser, hver beregnet ud fra sagens datoer, bekræftet af dig eller din vurdering",
    "ordinary_due": "fristen efter den almindelige regel (dd-mm-åååå), eller 'ingen'",
    "ordinary_due_reference": "lovhenvisningen for fristen efter den almindelige regel – den version af "
    "reglen, der gælder den dag (også en ændring, kommunen har indtastet), eller 'ingen'",
    "trial_applies": "'gælder', eller 'gjaldt', når forsøget er slut på notatets dato "
    "(fx 'Forsøget $trial_applies til og med $trial_end')",
    "trial_end": "forsøgets slutdato efter seneste forlængelse (dd-mm-åååå)",
    **_date_fields(),
    "free_text": "sagsbehandlerens egen tekst (fx et resumé af samtalen)",
    "reason": "begrundelse",
}

# A date's field once had a long form ('15. februar 2021'). A note shows every date as dd-mm-åååå
# (the house rule), so a template written then (a municipality's, kept in its database) still works:
# "$next_due_long" writes the date "$next_due" writes. The template editor does not offer them.
DATE_FIELDS = ("note_date", "event_date", "next_due", "ordinary_due", "trial_end", *(f"{n}_date" for n in DATE_NAMES))
FORMER_LONG = {f"{name}_long": name for name in DATE_FIELDS}
NOTE_FIELDS.update({long: f"samme dato som ${name}" for long, name in FORMER_LONG.items()})


def validate_template(text: str) -> list[str]:
    """Danish messages for unknown fields and stray '$' in a template; empty when it can be used."""
    if not text.strip():
        return ["Skabelonen er tom."]
    problems: list[str] = []
    for match in string.Template.pattern.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        column = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
        if match.group("invalid") is not None:
            problems.append(
                f"Tegnet $ i linje {line}, kolonne {column} står ikke foran et feltnavn (skriv $$ for et dollartegn)."
            )
            continue
        name = match.group("named") or match.group("braced")
        if name is None or name in NOTE_FIELDS:
            continue
        message = f"Ukendt felt ${name} i linje {line}."
        import difflib  # here: rarely needed, and loading it slowed the start

        close = difflib.get_close_matches(name.lower(), NOTE_FIELDS, n=1)
        if close:
            message += f" Mente du ${close[0]}?"
        problems.append(message)
    return problems


def validate_requires(text: str, requires: Sequence[str]) -> list[str]:
    """Danish messages when a template's `requires` does not match the caseworker fields it uses."""
    used = set(string.Template(text).get_identifiers())
    problems: list[str] = []
    for name in requires:
        if name not in CASEWORKER_FIELDS:
            allowed = ", ".join(CASEWORKER_FIELDS)
            problems.append(f"'{name}' kan ikke kræves udfyldt (kun {allowed}).")
        elif name not in used:
            problems.append(f"'{name}' kræves udfyldt, men ${name} står ikke i teksten.")
    for name in ("free_text", "reason"):
        if name in used and name not in requires:
            problems.append(f"${name} står i teksten og skal derfor stå i requires.")
    return problems
