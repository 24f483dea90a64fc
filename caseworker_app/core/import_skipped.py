"""What a column left out of an import may hold that matters: dates (a follow-up the program did not
recognise) and names (the caseworker, which decides whose list a case is on). Each gives a warning
over the preview and on the command line, so nothing is dropped without a word. Qt-free."""

from __future__ import annotations

import re

from .import_hidden import column_name
from .import_mapping import FIELD_LABELS, ColumnMapping, fold_header, recognized_field, word_key
from .import_parse import is_blank_cell, is_date_cell
from .import_synonyms import DATE_HINTS, NOT_A_START
from .import_table import SourceTable, column_letter
from .text import name_key

# A caseworker's name or initials as a list writes it: 'Mette Kjær', 'MK', 'M. Kjær', 'Anne-Mette'.
_NAME = re.compile(r"[^\W\d_][^\W\d_.'\-]*\.?(?:[ '\-][^\W\d_][^\W\d_.'\-]*\.?){0,3}")


def ignored_date_columns(table: SourceTable, mapping: ColumnMapping) -> tuple[str, ...]:
    """A warning for each column left out whose cells are mostly dates: a follow-up date the
    program did not recognise would otherwise be lost without a word, and every deadline counted
    from the hire date. A column whose header names a field another column fills says which column
    that is (and whether Excel hides it); a hidden one left out for a visible one is named by
    hidden_column_notes. Otherwise the field the header's words point to is suggested
    (suggested_date_field: 'Løntilskud slutdato' points to none), or none."""
    notes: list[str] = []
    for column, filled in _left_out(table, mapping):
        if 2 * sum(map(is_date_cell, filled)) < len(filled):
            continue
        header = mapping.headers[column]
        named = recognized_field(header)
        owner = mapping.column_of(named) if named is not None else None
        if owner is not None and (column in table.hidden_columns or owner in table.hidden_columns):
            continue  # hidden_column_notes names both: the hidden one used, or the one left for a visible one
        name = header or column_letter(column)
        hidden = " (skjult i Excel)" if column in table.hidden_columns else ""
        if named is not None and owner is not None:
            label = FIELD_LABELS[named]
            notes.append(
                f"⚠ Kolonnen '{name}' har datoer, men bruges ikke: '{label}' læses fra "
                f"{column_name(table, owner)}. Er det '{name}', der har den rigtige dato, så vælg '{label}' til den."
            )
            continue
        suggested = suggested_date_field(header)
        if word_key(header) in _ANY_START:
            notes.append(f"⚠ Kolonnen '{name}'{hidden} har datoer, men bruges ikke. {START_ADVICE}")
            continue
        if suggested is not None and mapping.column_of(suggested) is None:
            label = FIELD_LABELS[suggested]
            advice = f"Er det {label[:1].lower()}{label[1:]}, så vælg '{label}' til kolonnen"
        else:
            advice = "Hører datoerne til et af sagens felter, så vælg det felt til kolonnen"
        notes.append(
            f"⚠ Kolonnen '{name}'{hidden} har datoer, men bruges ikke. {advice}; ellers regnes fristerne uden den."
        )
    return tuple(notes)


# 'Startdato', 'Start', 'Dato for start': a start, but of what? Each trial counts from its own date,
# and some from none (T04, T12, T15 from an agreed date; T01-T03 have no date), so a column of start
# dates is never read as one field: the warning says what to do (docs/import.md, 'Kolonner').
_ANY_START = (frozenset({"start"}), frozenset({"start", "forloeb"}))
START_ADVICE = (
    "En startdato er en anden dato i hvert forsøg (fx ansættelse i løntilskud i T08, praktikstart i T09, "
    "start på ressourceforløb i T07), så programmet ved ikke, hvilket felt kolonnen er. Har rækkerne ét "
    "forsøg, så vælg forsøgets dato til kolonnen under Kolonner (fx 'Ansættelse i løntilskud'; på kommandolinjen "
    "med --mapping). Har de "
    "flere, så del kolonnen i Excel i én kolonne pr. dato med datoens navn som overskrift (fx 'Ansat' og "
    "'Praktikstart'), og læs filen igen; ellers regnes fristerne uden den."
)


def suggested_date_field(header: object) -> str | None:
    """The one date field a header's words point to ('Løntilskud startdato 2' → hire, 'Tilbud' →
    offer), or None: no word points to a field, several fields do, or a word says the date is an
    end or one still to come ('Løntilskud slut', 'Opfølgningsfrist'). Never a guess to import by:
    only what the warning for an unused date column suggests."""
    words = word_key(header)
    folded = fold_header(header)
    if any(word in folded for word in NOT_A_START) or "til" in words:
        return None
    found = {field for field, hints in DATE_HINTS.items() if any(_hinted(hint, words) for hint in hints)}
    if "offer" in found:
        found.discard("hire")  # 'Tilbud om ansættelse med løntilskud' names the hire's words too
    return found.pop() if len(found) == 1 else None


def _hinted(hint: str, words: frozenset[str]) -> bool:
    """A hint ending in '=' is a whole word ('opf='); otherwise it may be part of one ('løntilskudsstart')."""
    if hint.endswith("="):
        return hint[:-1] in words
    return any(hint in word for word in words)


def ignored_name_columns(table: SourceTable, mapping: ColumnMapping) -> tuple[str, ...]:
    """A warning for each column left out that looks like the caseworker's: the caseworker decides
    whose list ('mine frister') a case is on, and a case saved without one is shown to every
    caseworker, a colleague's case among one's own.

    Such a column is one whose header names the caseworker while another column is the caseworker
    (that one is named, as for dates), or, when no column is the caseworker, one whose header names no
    other field and whose cells are mostly names or initials ('Mette Kjær', 'MK') that repeat, as a
    caseworker's name repeats down a list. A hidden column is named by hidden_column_notes instead."""
    owner = mapping.column_of("caseworker")
    label = FIELD_LABELS["caseworker"]
    notes: list[str] = []
    for column, filled in _left_out(table, mapping):
        header = mapping.headers[column]
        named = recognized_field(header)
        name = header or column_letter(column)
        texts = [cell.strip() for cell in filled if isinstance(cell, str) and cell.strip()]
        if owner is not None:
            if named == "caseworker" and texts and not {column, owner} & table.hidden_columns:
                notes.append(
                    f"⚠ Kolonnen '{name}' har navne, men bruges ikke: '{label}' læses fra "
                    f"{column_name(table, owner)}. Er det '{name}', der har sagsbehandlerens navn, som det står "
                    f"i programmet, så vælg '{label}' til den."
                )
            continue
        if named not in (None, "caseworker") or fold_header(header) == "status" or not _looks_like_names(texts, filled):
            continue
        hidden = " (skjult i Excel)" if column in table.hidden_columns else ""
        notes.append(
            f"⚠ Kolonnen '{name}'{hidden} har navne, men bruges ikke, og ingen kolonne er valgt som '{label}'. Er "
            f"det sagsbehandleren, så vælg '{label}' til kolonnen: ellers gemmes sagerne uden sagsbehandler og "
            "vises for alle sagsbehandlere, også i 'mine frister'."
        )
    return tuple(notes)


def _looks_like_names(texts: list[str], filled: list[object]) -> bool:
    """Most cells are a name or initials, each word capitalised, and a name repeats (or there is one)."""
    names = [text for text in texts if _NAME.fullmatch(text) and all(w[:1].isupper() for w in text.split())]
    if not names or 2 * len(names) < len(filled):
        return False
    return len(names) == 1 or len({name_key(text) for text in names}) < len(names)


def _left_out(table: SourceTable, mapping: ColumnMapping) -> list[tuple[int, list[object]]]:
    """Each column no field is read from that has a cell, with its filled cells."""
    found: list[tuple[int, list[object]]] = []
    for column, field in enumerate(mapping.fields):
        if field is not None:
            continue
        filled = [cell for row in table.rows if not is_blank_cell(cell := table.cell(row, column))]
        if filled:
            found.append((column, filled))
    return found
