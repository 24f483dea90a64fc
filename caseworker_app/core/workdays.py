"""Danish working days and calendar arithmetic for deadlines."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING

from .holiday_table import public_holidays

if TYPE_CHECKING:
    from dateutil.relativedelta import relativedelta

MONTHS_DA = (
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
)
WEEKDAYS_DA = ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag")
WEEKDAYS_SHORT_DA = ("man", "tir", "ons", "tor", "fre", "lør", "søn")

# Not public holidays, but treated like them in Danish deadline rules
# (forældelsesloven § 27, restaurationsloven § 36 a): see docs/decisions.md 7.
_EXTRA_DAYS_OFF = {(6, 5): "grundlovsdag", (12, 24): "juleaftensdag", (12, 31): "nytårsaftensdag"}


@dataclass(frozen=True, slots=True)
class Duration:
    """A length of time as the sources state it: months, weeks or days."""

    months: int = 0
    weeks: int = 0
    days: int = 0

    def __hash__(self) -> int:
        # Durations key the date caches; a plain int hash is cheaper than the generated tuple hash.
        return self.months * 1_000_003 + self.weeks * 1009 + self.days

    def delta(self) -> relativedelta:
        return _delta(self)

    def danish(self) -> str:
        """'30 måneder', '4 uger', '55 dage' (combined with 'og' when mixed)."""
        return _danish_duration(self)

    def every_danish(self) -> str:
        """'hver 6. uge', 'hver 12. måned', 'hver dag': the one place 'every <duration>' is worded."""
        return _every_danish(self)

    def is_positive(self) -> bool:
        return self.months >= 0 and self.weeks >= 0 and self.days >= 0 and bool(self.months or self.weeks or self.days)


@lru_cache(maxsize=256)
def _delta(duration: Duration) -> relativedelta:
    # relativedelta objects are immutable in use here; building one per addition was measurable.
    # Imported here: dateutil costs the start ~7 ms (six, its own modules), and add() does without it.
    from dateutil.relativedelta import relativedelta

    return relativedelta(months=duration.months, weeks=duration.weeks, days=duration.days)


@lru_cache(maxsize=256)
def _danish_duration(duration: Duration) -> str:
    parts: list[str] = []
    for amount, one, many in (
        (duration.months, "måned", "måneder"),
        (duration.weeks, "uge", "uger"),
        (duration.days, "dag", "dage"),
    ):
        if amount:
            parts.append(f"{amount} {one if amount == 1 else many}")
    return " og ".join(parts) if parts else "0 dage"


@lru_cache(maxsize=256)
def _every_danish(duration: Duration) -> str:
    # Danish says 'hver 6. uge' (an ordinal and the singular), never 'hver 6 uger'.
    units = ((duration.months, "måned"), (duration.weeks, "uge"), (duration.days, "dag"))
    used = [(amount, one) for amount, one in units if amount]
    if len(used) != 1:
        return f"hver gang der er gået {_danish_duration(duration)}"
    amount, one = used[0]
    return f"hver {one}" if amount == 1 else f"hver {amount}. {one}"


@lru_cache(maxsize=200_000)
def add(start: date, duration: Duration) -> date:
    """Start plus a duration; a missing month day clamps to the month's end (31-08 + 6 mdr. = 28-02).

    As start + duration.delta() (dateutil's relativedelta: the months first, the day clamped, then
    the weeks and days), worked out here: a new list's first pass adds some 20,000 dates that are
    not cached yet, and relativedelta took 3 µs for each (tests/core/test_workdays.py compares)."""
    months = duration.months
    if months:
        index = start.month - 1 + months  # months from January of start's year
        year, month = start.year + index // 12, index % 12 + 1
        start = start.replace(year=year, month=month, day=min(start.day, calendar.monthrange(year, month)[1]))
    days = duration.weeks * 7 + duration.days
    return start + timedelta(days=days) if days else start


@lru_cache(maxsize=200_000)
def last_day_of(start: date, duration: Duration) -> date:
    """Last day of a period that begins on start: start + duration - 1 day (4 uger fra 04-03-2019 = 31-03-2019)."""
    return add(start, duration) - timedelta(days=1)


@lru_cache(maxsize=512)
def _holidays_for(year: int) -> dict[date, str]:
    days = {day: in_sentence(name) for day, name in public_holidays(year).items()}
    for (month, day), name in _EXTRA_DAYS_OFF.items():
        days.setdefault(date(year, month, day), name)
    return days


def in_sentence(name: str) -> str:
    """A holiday's name as Danish writes it in a sentence and a cell, like 'søndag': in lower case
    ('nytårsdag', 'langfredag'), 'Anden' as '2.' ('2. juledag'); 'Kristi himmelfartsdag' keeps the
    name's capital. The `holidays` package gives them capitalised, as titles."""
    if name.startswith("Anden "):
        name = "2. " + name[len("Anden ") :]
    if name.startswith("Kristi "):
        return name
    return name[:1].lower() + name[1:]


@lru_cache(maxsize=100_000)  # once per deadline whose legal date is a day off: a C look-up, not a call
def day_off_name(day: date) -> str | None:
    """The Danish name of the holiday ('nytårsdag', '2. påskedag', in lower case as in a sentence)
    or 'lørdag'/'søndag' when day is not a working day, else None."""
    name = _holidays_for(day.year).get(day)
    if name:
        return name
    if day.weekday() >= 5:
        return WEEKDAYS_DA[day.weekday()]
    return None


def is_working_day(day: date) -> bool:
    """True for Monday–Friday that is not a Danish holiday, grundlovsdag, 24 or 31 December."""
    return day.weekday() < 5 and day not in _holidays_for(day.year)


@lru_cache(maxsize=200_000)
def last_working_day_on_or_before(day: date) -> date:
    """The practical deadline for a 'no later than' duty: the last working day on or before day."""
    while not is_working_day(day):
        day -= timedelta(days=1)
    return day


# last_working_day_on_or_before and day_off_name by day, for a look-up without a call (the engine:
# once per deadline in a list of many thousands; a cached call costs three dict look-ups' time).
# Filled by practical_day and day_off_kept; a day off always has a name, so none kept is empty.
PRACTICAL_DAYS: dict[date, date] = {}
DAYS_OFF: dict[date, str] = {}


def practical_day(day: date) -> date:
    """last_working_day_on_or_before(day), kept in PRACTICAL_DAYS."""
    if len(PRACTICAL_DAYS) >= 100_000:
        PRACTICAL_DAYS.clear()
    found = PRACTICAL_DAYS[day] = last_working_day_on_or_before(day)
    return found


def day_off_kept(day: date) -> str | None:
    """day_off_name(day), kept in DAYS_OFF when day is a day off."""
    name = day_off_name(day)
    if name:
        if len(DAYS_OFF) >= 100_000:
            DAYS_OFF.clear()
        DAYS_OFF[day] = name
    return name


@lru_cache(maxsize=100_000)
def fmt(day: date | None) -> str:
    """dd-mm-åååå, the date format users see; '' for no date."""
    if day is None:
        return ""
    return f"{day.day:02d}-{day.month:02d}-{day.year:04d}"


def fmt_weekday(day: date) -> str:
    """'fre 26-02-2021'."""
    return f"{WEEKDAYS_SHORT_DA[day.weekday()]} {fmt(day)}"


# Years the program accepts anywhere: outside them a date is a typing error (or 31-12-9999).
FIRST_YEAR, LAST_YEAR = 1900, 2199
# Day, month, year with exactly one separator (- . / or a space) between them: ASCII digits only.
_DMY = re.compile(r"(\d{1,2})[-./ ](\d{1,2})[-./ ](\d{4}|\d{2})", re.ASCII)
_DIGITS = re.compile(r"(\d{2})(\d{2})(\d{4}|\d{2})", re.ASCII)  # 010324, 01032024: typed without separators
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})", re.ASCII)
_month_numbers = {name: number for number, name in enumerate(MONTHS_DA, start=1)}
# The full names and Danish's standard abbreviations (jan., feb., febr., mar., ... sep., sept., okt.).
_MONTHS = _month_numbers | {name[:3]: number for name, number in _month_numbers.items()} | {"febr": 2, "sept": 9}
# '1. juli 2018', and as the sources write it, 'd. 26. august 2021', 'den 1. juli 2018'
# (docs/decisions.md, Datoformer).
_LONG_DATE = re.compile(r"(?:den\s+|d\.?\s*)?([0-9]{1,2})\s*\.?\s*([a-zæøå]+)\.?\s+([0-9]{1,4})", re.IGNORECASE)
# '1. 7. 2024', '1.7. 2024': the day and the month each with a point, as Danes write them by hand.
_DMY_POINTS = re.compile(r"(\d{1,2})\. ?(\d{1,2})\. (\d{4}|\d{2})", re.ASCII)
# 'udgangen af 2022', 'ultimo 2022': the last day of the year (docs/decisions.md, Datoformer).
# 'primo' and 'medio' name no one day and are refused as a month is ('nævner ingen dag').
_YEAR_END = re.compile(r"(?:(?:ved\s+)?udgangen\s+af|ultimo)\s+(\d{4})", re.IGNORECASE | re.ASCII)
# 'januar 2019', 'sommer 2020': a month or a season, not a day.
_NO_DAY = re.compile(r"([a-zæøå]+)\s+([0-9]{4})", re.IGNORECASE)
# The dashes Word and Outlook put for '-' (en and em dash, non-breaking hyphen, minus), as CPR takes them.
_DASHES = str.maketrans(dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2212", "-"))


class TwoDigitYearError(ValueError):
    """A date whose year has two digits: refused, since '28' may be 1928 or 2028."""


def parse_date(text: str) -> date:
    """The date a person typed, in every form the program reads: the window's date fields, the
    command line's date options and an imported list's text cells (core.import_parse adds only
    what a spreadsheet has besides). ValueError with a Danish message quoting the text.

    dd-mm-åååå, d/m-åååå, d.m.åååå, '1. 7. 2018', ddmmåå(åå), ISO åååå-m-d, '1. juli 2018' (and
    the months' Danish abbreviations: '1. febr. 2018'), 'd. 26. august 2021' and 'den 26. august 2021',
    'udgangen af 2022' and 'ultimo 2022' (31-12-2022; 'primo', 'medio' are refused); dashes from
    Word (01–02–2025) and hard spaces read as '-' and ' '. Only ASCII digits and one separator
    between the parts (15--02-2021 is a typing error), and a year from 1900 to 2199 in four digits.
    The forms and the refusals, for a reader: docs/decisions.md, Datoformer.

    A two-digit year ('30.06.18', '011226') is refused everywhere with TwoDigitYearError, its
    message suggesting 20åå (or 19åå): '28' may be 1928 or 2028, a deadline computed from the
    wrong century is silently wrong, and no input shows the year read before it is used (a
    dialog saves on Enter; an imported list and a command are not looked at date by date).
    """
    raw = " ".join(str(text).translate(_DASHES).split())
    named = _LONG_DATE.fullmatch(raw)
    if named:
        return _named_month_date(text, *named.groups())
    year_end = _YEAR_END.fullmatch(raw)
    if year_end:
        return _checked_date(text, int(year_end.group(1)), 12, 31)
    if _NO_DAY.fullmatch(raw):
        raise ValueError(
            f"'{_shown(text)}' nævner ingen dag. Skriv datoen som dd-mm-åååå, fx 01-07-2018, eller '1. juli 2018'."
        )
    iso, dmy = _ISO.fullmatch(raw), _DMY.fullmatch(raw) or _DMY_POINTS.fullmatch(raw) or _DIGITS.fullmatch(raw)
    if dmy and dmy.re is _DIGITS and not _plain_date(dmy):
        dmy = None  # digits that are no ddmmåå(åå) date ('20240301'): the form's own message
    parsed = None
    if iso:
        y, m, d = (int(p) for p in iso.groups())
        parsed = (y, m, d)
    elif dmy:
        d, m, y = (int(p) for p in dmy.groups())
        if len(dmy.group(3)) == 2:
            shown_d, shown_m = (m, d) if 13 <= m <= 31 and 1 <= d <= 12 else (d, m)  # '7/13/24': month first
            raise TwoDigitYearError(
                f"'{_shown(text)}': skriv året med fire cifre, fx {shown_d:02d}-{shown_m:02d}-20{y:02d} "
                f"(eller {shown_d:02d}-{shown_m:02d}-19{y:02d}); et årstal med to cifre kan høre til to århundreder."
            )
        parsed = (y, m, d)
    if parsed is not None:
        return _checked_date(text, *parsed, day_first=not iso)
    raise ValueError(f"'{_shown(text)}' er ikke en gyldig dato. Skriv datoen som dd-mm-åååå, fx 15-02-2021.")


def _named_month_date(text: str, day: str, month_name: str, year: str) -> date:
    """'14. maj 2026' (or 'd. 14. maj 2026', '14. jan. 2026') as a date; the year in four digits."""
    month = _MONTHS.get(month_name.lower())
    if month is None:
        raise ValueError(
            f"'{_shown(text)}': ukendt måned '{_shown(month_name)}'. Skriv datoen som dd-mm-åååå eller "
            "fx '1. juli 2018'."
        )
    example = f"{int(day)}. {MONTHS_DA[month - 1]}"
    if len(year) == 2:
        raise TwoDigitYearError(
            f"'{_shown(text)}': skriv året med fire cifre, fx '{example} 20{year}' (eller '{example} 19{year}'); "
            "et årstal med to cifre kan høre til to århundreder."
        )
    if len(year) != 4:
        digits = "ét ciffer" if len(year) == 1 else f"{len(year)} cifre"
        raise ValueError(
            f"'{_shown(text)}': årstallet {year} har {digits}. Skriv året med fire cifre, fx '{example} 2018'."
        )
    return _checked_date(text, int(year), month, int(day))


def _checked_date(text: str, year: int, month: int, day: int, *, day_first: bool = False) -> date:
    """The date, or a message that names what is wrong with it: the year, or a day that does not exist."""
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValueError(
            f"'{_shown(text)}': årstallet {year} kan ikke bruges. Skriv et år mellem "
            f"{FIRST_YEAR} og {LAST_YEAR}, fx 15-02-2021."
        )
    try:
        return date(year, month, day)
    except ValueError:
        if day_first and 13 <= month <= 31 and 1 <= day <= 12:
            # '7/13/2024': written month first, as in the US; say so, and show the day first.
            raise ValueError(
                f"'{_shown(text)}': der er ingen måned {month}. Er datoen skrevet med måneden først? "
                f"Skriv dagen først (dd-mm-åååå), fx {month:02d}-{day:02d}-{year} for {month}. "
                f"{MONTHS_DA[day - 1]} {year}."
            ) from None
        if month > 12 and day >= 1:
            raise ValueError(
                f"'{_shown(text)}': der er ingen måned {month}. Skriv datoen som dd-mm-åååå, fx 15-02-2021."
            ) from None
        if 1 <= month <= 12 and day >= 1:
            # The form was right; the day does not exist ('31-11-2026'): say that, not the form.
            days = calendar.monthrange(year, month)[1]
            raise ValueError(
                f"'{_shown(text)}': den dag findes ikke – {MONTHS_DA[month - 1]} {year} har {days} dage."
            ) from None
    raise ValueError(f"'{_shown(text)}' er ikke en gyldig dato. Skriv datoen som dd-mm-åååå, fx 15-02-2021.")


def _plain_date(digits: re.Match[str]) -> bool:
    """Digits typed without separators read as a date that exists, in the years the program takes."""
    d, m, y = (int(part) for part in digits.groups())
    y = y + 2000 if len(digits.group(3)) == 2 else y
    if not FIRST_YEAR <= y <= LAST_YEAR or not 1 <= m <= 12:
        return False
    return 1 <= d <= calendar.monthrange(y, m)[1]


def _shown(text: object) -> str:
    """The input as the message may quote it: short, printable."""
    shown = "".join(ch if ch.isprintable() else "?" for ch in str(text))
    return shown if len(shown) <= 40 else shown[:40] + "…"
