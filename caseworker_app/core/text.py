"""Text cleaned at the door: NFC-normalised, no control characters (a soft line break pasted from
Word, \\x0b), no lone surrogates. Multi-line fields keep tab and line breaks (\\n, \\r\\n);
single-line fields refuse those too.

Also the Danish wording of counts and lists, in one place: count_text ('1 sag', '3 sager'),
number_text ('20.040': the Danish thousands separator) and and_list ('T04, T05 og T07'). Text
tables on the command line never cut a cell: core/text_table.py."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from typing import overload

# C0 and C1 control characters, DEL, and lone surrogates (cannot be written as UTF-8).
_FORBIDDEN_MULTILINE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
_FORBIDDEN_SINGLE_LINE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")

CONTROL_MESSAGE = (
    "Teksten indeholder et usynligt styretegn (fx et blødt linjeskift kopieret fra Word). "
    "Slet det, eller skriv teksten igen"
)
LINE_BREAK_MESSAGE = "Feltet skal stå på én linje (uden linjeskift eller tabulator)"


@overload
def normalize_text(value: str) -> str: ...
@overload
def normalize_text(value: None) -> None: ...
@overload
def normalize_text(value: str | None) -> str | None: ...


def count_text(count: int, one: str, many: str) -> str:
    """'1 sag', '3 sager', '20.040 sager': a count with its Danish noun in the singular or the plural."""
    return f"1 {one}" if count == 1 else f"{number_text(count)} {many}"


def and_list(items: Sequence[str]) -> str:
    """'T05', 'T05 og T07', 'T04, T05 og T07' ('' for none): a list as a Danish sentence has it."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " og " + items[-1]


def one_line(text: str) -> str:
    """A text typed on several lines as one: 'brev af 15-11-2025; j.nr. 2025-1234' (a citation in a
    list cell, a printed page or a journal note has no line breaks of its own)."""
    return "; ".join(part.strip() for part in text.splitlines() if part.strip())


def hanging(text: str, indent: str) -> str:
    """Each line after the first indented by indent: a text of several lines kept under its heading."""
    return text.replace("\n", "\n" + indent)


def number_text(count: int) -> str:
    """'20.040': a whole number with the Danish thousands separator."""
    return f"{count:,}".replace(",", ".")


def normalize_text(value: str | None) -> str | None:
    """NFC form (å typed as a + ring becomes one å), so search and duplicates compare alike."""
    if not value:
        return value
    try:
        return unicodedata.normalize("NFC", value)
    except (TypeError, ValueError):  # lone surrogates normalise fine; anything else: as given
        return value


# Spaces a name or number gets when copied from Outlook, a web page or Word: the non-breaking
# space, the narrow and figure spaces (every Unicode space separator), and the invisible zero-width
# ones. On screen they look like one space, or none, yet a name with them is another name.
_ODD_SPACES = re.compile(r"[^\S\t\n\r\x0b\x0c\x1c-\x1f\x85\u2028\u2029]+")
_ZERO_WIDTH = re.compile("[\u200b\u2060\ufeff]")


def clean_line(value: str) -> str:
    """A single-line field as saved (name, caseworker, FASIT number): NFC, every run of spaces of
    any kind one plain space, no zero-width space, no spaces at the ends. Tab and line breaks are
    left for text_error to refuse."""
    text = _ZERO_WIDTH.sub("", normalize_text(value) or "")
    return _ODD_SPACES.sub(" ", text).strip(" ")


def shown_name(spellings: Iterable[str]) -> str:
    """The one spelling shown for a caseworker written several ways ('METTE SØRENSEN', 'Mette
    Sørensen'): cleaned, the first by code point, so it never depends on the order the cases come in.
    The window's caseworker filter and the command line name a colleague alike."""
    return min(clean_line(name) for name in spellings)


@lru_cache(maxsize=1024)
def name_key(value: str) -> str:
    """A caseworker's name as the filter compares it: case, NFC and spaces of any kind ignored as a
    reader cannot see them ('Åse\u00a0Bærentsen' and 'åse  bærentsen' are one caseworker).

    Kept per name: the filters ask once per case (100,000 at a keystroke), of a few names."""
    return clean_line(value).casefold()


def known_spelling(name: str, own: str, names: Iterable[str]) -> str:
    """name as the program already knows that caseworker, compared as the filter compares names
    (name_key): the name under Indstillinger (own), else name itself when a case has it so, else the
    spelling the caseworker list shows (shown_name). A name no one has is kept, cleaned (clean_line).
    The import saves a caseworker by it, and the command line names one ('Kun Anne Jensens frister')."""
    cleaned = clean_line(name)
    key = name_key(cleaned)
    if not key:
        return cleaned
    if name_key(own) == key:
        return clean_line(own)
    spellings = {clean_line(other) for other in names if name_key(other) == key}
    if not spellings or cleaned in spellings:
        return cleaned
    return shown_name(spellings)


def case_ref_key(value: str) -> str:
    """A FASIT case number as a caseworker reads it: case and every space ignored ('s-1' = 'S-1 ')."""
    return "".join(clean_line(value).casefold().split(" "))


def text_error(value: object, *, multiline: bool) -> str | None:
    """The Danish message for text that cannot be saved, or None."""
    if value is None or not isinstance(value, str):
        return None
    if _FORBIDDEN_MULTILINE.search(value):
        return CONTROL_MESSAGE
    if not multiline and _FORBIDDEN_SINGLE_LINE.search(value):
        return LINE_BREAK_MESSAGE
    return None


def text_errors(values: Mapping[str, object], multiline: Iterable[str] = ()) -> dict[str, str]:
    """Messages keyed by field for the values that cannot be saved."""
    multi = set(multiline)
    errors: dict[str, str] = {}
    for name, value in values.items():
        message = text_error(value, multiline=name in multi)
        if message:
            errors[name] = message
    return errors


def printable(value: str) -> str:
    """Text safe for any output (xlsx, PDF, a terminal): control characters as spaces, lone
    surrogates as U+FFFD; tab, newline and carriage return kept."""
    return _FORBIDDEN_MULTILINE.sub(lambda m: "\ufffd" if "\ud800" <= m.group() <= "\udfff" else " ", value)
