"""Cells of an imported case list turned into a case's values, or a Danish message for the cell.

Every parser returns the value (None for an empty cell) or raises CellError whose message says
what is wrong and what to do; the caller adds the row and the column. docs/import.md lists the
forms accepted.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import NamedTuple

from .catalog import Trial
from .cpr import CprError, normalize_cpr
from .import_mapping import fold_header
from .text import and_list, clean_line, normalize_text, text_error
from .trial_match import similar_trials, trial_by_words, trial_named, trial_reading_text
from .workdays import TwoDigitYearError, fmt, parse_date

EMPTY_MARKS = frozenset({"-", "–", "—"})  # a dash alone says "none", as a blank cell does
FORMULA_STARTS = ("=", "+", "-", "@")  # a cell beginning so could run as a formula where opened
# Excel's error values: as a workbook stores them, and as a Danish Excel writes them into a CSV file.
EXCEL_ERRORS = frozenset(
    {
        "#NULL!",
        "#DIV/0!",
        "#VALUE!",
        "#REF!",
        "#NAME?",
        "#NUM!",
        "#N/A",
        "#SPILL!",
        "#CALC!",
        "#GETTING_DATA",
        "#NUL!",
        "#DIVISION/0!",
        "#VÆRDI!",
        "#REFERENCE!",
        "#NAVN?",
        "#I/T",
    }
)

# The dashes Word and Outlook put for '-' (en and em dash, non-breaking hyphen, minus), as CPR takes them.
_DASHES = str.maketrans(dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2212", "-"))
# A time after the date, ignored, in the forms a clock time has: '10:30', '10:30:15', 'T10:30:00',
# and as Danes write it, 'kl. 10', 'kl. 10.30' (a point only after 'kl.': '01.07.24' is no time).
_TIME_SUFFIX = re.compile(
    r"(.*?\d)(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?|\s+kl\.?\s*(\d{1,2})(?:[.:](\d{2}))?)",
    re.ASCII | re.IGNORECASE,
)


# A date, then a time with a point and no 'kl.' ('15.03.2024 10.30'): not read as a time.
_DOTTED_TIME = re.compile(r"(.*\d)\s+(\d{1,2})\.(\d{2})", re.ASCII)


UNREADABLE = "\ufffd"  # a character the file's encoding could not read (core.import_csv)


class CellError(ValueError):
    """A cell that cannot be imported; the message is Danish and says what to do."""


class TwoDigitYearCellError(CellError):
    """A date cell refused for its two-digit year (workdays.TwoDigitYearError)."""


def check_readable(cell: object) -> None:
    """Refuse text with a character that could not be read: saved, a name would stay garbled."""
    if isinstance(cell, str) and UNREADABLE in cell:
        raise CellError(
            f"'{_shown(cell)}' har tegn, der ikke kan læses ({UNREADABLE}): rækken er nok gemt i et andet tegnsæt "
            "end resten af filen. Skriv teksten igen i cellen, og gem filen – eller importér kun de gyldige rækker"
        )


def _shown(value: object) -> str:
    text = "".join(ch if ch.isprintable() else "?" for ch in str(value))
    return text if len(text) <= 40 else text[:40] + "…"


def is_blank_cell(cell: object) -> bool:
    """An empty cell, or one holding only a mark for empty ('-', 'n/a' …): no value."""
    return cell is None or (isinstance(cell, str) and (not cell.strip() or cell.strip() in EMPTY_MARKS))


def _check_excel_error(text: str) -> None:
    if text.upper() in EXCEL_ERRORS:
        raise CellError(
            f"Cellen viser en fejl fra Excel ({text}). Ret formlen eller værdien i regnearket, og gem det igen"
        )


def is_date_cell(cell: object) -> bool:
    """The cell holds a date (an Excel date, or text such as 1/7-2018 or 05.03.26: a date the
    import refuses for its two-digit year is a date all the same)."""
    try:
        return parse_date_cell(cell) is not None
    except CellError:
        try:
            parse_date(str(cell))
        except TwoDigitYearError:
            return True
        except ValueError:
            return False
        return True


def parse_date_cell(cell: object) -> date | None:
    """A date from an Excel date cell, or from text in the forms a person types (workdays.parse_date,
    the window's and the command line's one parser); a time after it is ignored. Two-digit years are
    refused (docs/import.md): 18 can be 1918 or 2018, and in a list nobody sees the year read."""
    if is_blank_cell(cell):
        return None
    if isinstance(cell, datetime):
        return cell.date()
    if isinstance(cell, date):
        return cell
    if cell in (time(0), timedelta(0)):
        # Excel's 0: in a date format it shows as 00-01-1900, most often a formula that points at an empty cell.
        raise CellError(
            "Cellen er tom i Excel: den har tallet 0 (vist som 00-01-1900 eller 00:00), fx fra en formel, der "
            "peger på en tom celle. Skriv datoen som dd-mm-åååå, fx 01-07-2018, eller lad cellen være tom"
        )
    if isinstance(cell, time | timedelta):
        raise CellError("Cellen har et klokkeslæt, ikke en dato. Skriv datoen som dd-mm-åååå, fx 01-07-2018")
    if isinstance(cell, bool):
        raise CellError("Cellen er en sandhedsværdi, ikke en dato. Skriv datoen som dd-mm-åååå, fx 01-07-2018")
    if isinstance(cell, int | float):
        raise CellError(
            f"'{_shown(cell)}' er et tal, ikke en dato. Formatér cellen som dato i Excel, eller skriv "
            "datoen som dd-mm-åååå, fx 01-07-2018"
        )
    text = " ".join(str(cell).translate(_DASHES).split())
    _check_excel_error(text)
    day_text = _without_time(text)
    try:
        return parse_date(day_text)
    except ValueError as exc:
        # The message quotes the cell as written, its time too ('01.07.24 10:30'), not the part read.
        message = str(exc).rstrip(".").replace(f"'{_shown(day_text)}'", f"'{_shown(text)}'", 1)
        raise (TwoDigitYearCellError if isinstance(exc, TwoDigitYearError) else CellError)(message) from None


def _without_time(text: str) -> str:
    """The date of a date and time exported as text (the time is no part of a deadline); the text
    as it is when no clock time follows; CellError for a time no clock shows ('kl. 25')."""
    timed = _TIME_SUFFIX.fullmatch(text)
    if not timed:
        dotted = _DOTTED_TIME.fullmatch(text)
        if dotted and int(dotted.group(2)) <= 23 and int(dotted.group(3)) <= 59 and _is_date(dotted.group(1)):
            raise CellError(  # '15.03.2024 10.30': a Danish time, but with a point it could be a date
                f"'{_shown(text)}': skriv klokkeslættet med kolon ({int(dotted.group(2)):02d}:{dotted.group(3)}) "
                f"eller efter 'kl.' (kl. {dotted.group(2)}.{dotted.group(3)}), eller kun datoen"
            )
        return text
    hours, minutes, seconds, kl_hours, kl_minutes = (int(part) if part else 0 for part in timed.groups()[1:])
    if max(hours, kl_hours) > 23 or max(minutes, seconds, kl_minutes) > 59:
        clock = text[len(timed.group(1)) :].strip()
        raise CellError(
            f"'{_shown(text)}': '{_shown(clock)}' er ikke et klokkeslæt (timer 0–23, minutter 0–59). Skriv "
            "datoen som dd-mm-åååå, evt. med klokkeslættet efter, fx 01-07-2018 10:30"
        )
    return timed.group(1)


def _is_date(text: str) -> bool:
    try:
        parse_date(text)
    except ValueError:
        return False
    return True


class DayMonth(NamedTuple):
    """The numbers of a date written d/m/y or m/d/y, first as written."""

    first: int
    second: int
    year: int  # as written: 24 for a two-digit year
    separator: str  # '/', '-' or '.': the one after the first number

    @property
    def short_year(self) -> bool:
        return self.year < 100


# The numbers of a date in a cell, wherever it stands and whatever follows ('7/13/2024 10.30', 'ca. 7/13/2024?',
# ' 7 / 13 / 2024'): a column's order is seen from every date someone typed, also one the import refuses.
_LEADING_DATE = re.compile(r"(?<![\d.,])(\d{1,2}) ?([-./]) ?(\d{1,2})(?: ?[-./] ?| )(\d{4}|\d{2})(?!\d)", re.ASCII)


def cell_day_month(cell: object) -> DayMonth | None:
    """The two numbers and the year of the first date written in numbers with '/', '-' or '.' in a
    text cell ('7/1/2024', '01-07-2024 10:30', 'ca. 7/13/2024?'), first as written; None for an
    Excel date cell, whose day and month are known, and for any other cell."""
    if not isinstance(cell, str):
        return None
    found = _LEADING_DATE.search(" ".join(cell.translate(_DASHES).split()))
    if found is None:
        return None
    first, separator, second, year = found.groups()
    return DayMonth(int(first), int(second), int(year), separator)


def parse_cpr_cell(cell: object, today: date) -> str | None:
    """The 10 digits of a CPR number, with or without dash (ddmmåå-xxxx). A number cell of 9 digits
    is one whose leading 0 Excel dropped (010190-1234 typed without dash): the 0 is put back."""
    if is_blank_cell(cell):
        return None
    if isinstance(cell, bool) or isinstance(cell, date | time | timedelta):
        raise CellError("Cellen er ikke et CPR-nummer. Skriv det som ddmmåå-xxxx: fødselsdatoen og 4 cifre")
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    if isinstance(cell, int):
        text = str(cell)
        if cell >= 0 and len(text) == 9:
            text = "0" + text
    elif isinstance(cell, float):
        raise CellError(f"'{_shown(cell)}' er ikke et CPR-nummer. Skriv det som ddmmåå-xxxx: fødselsdatoen og 4 cifre")
    else:
        text = str(cell).strip()
        _check_excel_error(text)
    try:
        return normalize_cpr(text, today)
    except CprError as exc:
        message = str(exc)
        if text.isascii() and text.isdigit() and len(text) == 9:
            message += "; har Excel fjernet et 0 forrest? Skriv nummeret med bindestreg, som ddmmåå-xxxx"
        raise CellError(message) from None


def parse_text_cell(cell: object, *, multiline: bool = False) -> str | None:
    """Text for a name, a FASIT number, a caseworker or a note: trimmed, NFC, and on one line every
    run of spaces of any kind one plain space (core.text.clean_line); refused when it begins
    like a formula (= + - @) or holds a control character (a soft line break from Word); a line
    break only in a note."""
    if is_blank_cell(cell):
        return None
    if isinstance(cell, bool):
        raise CellError("Cellen er en sandhedsværdi (SAND/FALSK), ikke tekst. Skriv teksten i cellen")
    if isinstance(cell, datetime | date):
        if multiline:
            return fmt(cell.date() if isinstance(cell, datetime) else cell)
        raise CellError("Cellen er formateret som dato i Excel. Formatér den som tekst, og skriv værdien igen")
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    if isinstance(cell, float):
        cell = excel_number_text(cell)
    text = normalize_text(str(cell).strip(" \t\r\n")) if multiline else clean_line(str(cell).strip(" \t\r\n"))
    _check_excel_error(text)
    if text.startswith(FORMULA_STARTS):
        raise CellError(
            f"Cellen begynder med '{text[0]}', så den kan blive læst som en formel; den gemmes ikke. "
            f"Fjern '{text[0]}' forrest i cellen"
        )
    problem = text_error(text, multiline=multiline)
    if problem:
        raise CellError(problem)
    return text


def excel_number_text(number: float) -> str:
    """A decimal number as a Danish Excel shows it: '2024,0412' (a FASIT number typed so became a
    number; written with a point it would be another number than the one the caseworker sees)."""
    return format(Decimal(repr(number)), "f").replace(".", ",")


def number_cell_warning(cell: object) -> str | None:
    """The warning for a text field (a FASIT number) that Excel stored as a decimal number: a 0 at
    the end is gone ('2024,0410' is kept as 2024,041), so the number may not be the one in FASIT."""
    if isinstance(cell, float) and not cell.is_integer():
        return (
            f"Excel har gemt cellen som et tal ({excel_number_text(cell)}), så et 0 sidst kan være tabt. "
            "Kontrollér nummeret, og formatér kolonnen som tekst i Excel"
        )
    return None


def parse_trial_cell(cell: object, catalog: Mapping[str, Trial]) -> str | None:
    """The catalog id of a trial given by its id ('T08', 't8', '8') or by its name or short name
    (a part of it is enough when it fits one trial only)."""
    return read_trial_cell(cell, catalog, by_words=False)[0]


def read_trial_cell(cell: object, catalog: Mapping[str, Trial], *, by_words: bool = True) -> tuple[str | None, str]:
    """parse_trial_cell, and with by_words a text that is no trial's name but has only the words of
    one trial (trial_match.trial_by_words: 'Førtidspension i løntilskud' is T08), read as that trial
    with the warning that says so ("'Førtidspension i løntilskud' er læst som T08 – …; kontrollér");
    the warning is empty otherwise. docs/import.md, 'Forsøg'."""
    if is_blank_cell(cell):
        return None, ""
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    text = " ".join(str(cell).split())
    _check_excel_error(text)
    number = re.fullmatch(r"[tT]?\s*0*(\d{1,3})", text, re.ASCII)
    if number:
        trial_id = f"T{int(number.group(1)):02d}"
        if trial_id in catalog:
            return trial_id, ""
    for trial_id in catalog:
        if trial_id.casefold() == text.casefold():
            return trial_id, ""
    wanted = fold_header(text)
    if wanted:
        exact = [t.id for t in catalog.values() if wanted in (fold_header(t.title), fold_header(t.short_title))]
        if len(exact) == 1:
            return exact[0], ""
        partial = exact or [
            t.id for t in catalog.values() if wanted in fold_header(t.title) or wanted in fold_header(t.short_title)
        ]
        if len(wanted) >= 6 and len(partial) == 1:
            return partial[0], ""
        if len(partial) > 1:
            raise CellError(
                f"'{_shown(text)}' passer på flere forsøg: {_listed(partial, catalog)}. {_WRITE_ID}{partial[0]}"
            )
    read = trial_by_words(text, catalog) if by_words else None
    if read is not None:
        return read.id, trial_reading_text(_shown(text), read)
    raise CellError(unknown_trial_text(text, catalog))


_WRITE_ID = "Skriv forsøgets id, fx "
_NAMED_UP_TO = 3  # more trials than this are named by id only: the message stays readable


def _listed(trial_ids: list[str], catalog: Mapping[str, Trial]) -> str:
    if len(trial_ids) > _NAMED_UP_TO:
        return ", ".join(trial_ids)
    return and_list([trial_named(catalog[trial_id]) for trial_id in trial_ids])


def unknown_trial_text(text: str, catalog: Mapping[str, Trial]) -> str:
    """Why text is no trial, with the trials whose names share its words (trial_match), or where the
    trials are listed by name when none does: an id alone says nothing to a caseworker."""
    said = f"Forsøget '{_shown(text)}' findes ikke i forsøgskataloget."
    suggested = similar_trials(text, catalog)
    if suggested:
        meant = " eller ".join(trial_named(trial) for trial in suggested)
        return f"{said} Mente du {meant}? {_WRITE_ID}{suggested[0].id}"
    return (
        f"{said} Skriv forsøgets id; forsøgene står med id og navn i fanen Forsøg i hovedvinduet "
        "og i 'caseworker-app trials'"
    )
