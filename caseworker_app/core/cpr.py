"""Danish CPR numbers: validation (date and century rules, no modulus 11) and masking."""

from __future__ import annotations

import re
from datetime import date

# What may stand between the birth date and the serial number: a dash as typed, or as Word and
# Outlook turn it (en dash, non-breaking hyphen, minus ...), a space or a non-breaking space.
CPR_SEPARATOR = "[-\u2010\u2011\u2012\u2013\u2014\u2212 \u00a0]"
_CPR_RE = re.compile(rf"^(\d{{2}})(\d{{2}})(\d{{2}}){CPR_SEPARATOR}?(\d{{4}})$", re.ASCII)  # full-width digits: no


# A CPR number as mask_cpr shows it (ddmmåå-xxxx), e.g. in the program's own export of the case list.
_MASKED_RE = re.compile(rf"^\d{{6}}{CPR_SEPARATOR}?[xX]{{4}}$", re.ASCII)


class CprError(ValueError):
    """A CPR number that cannot be right; the message is Danish."""


def _century(seventh: int, yy: int) -> int:
    """The century of the birth year, from the 7th digit (CPR-kontorets regler)."""
    if seventh <= 3:
        return 1900
    if seventh in (4, 9):
        return 2000 if yy <= 36 else 1900
    return 2000 if yy <= 57 else 1800  # 5-8


def birth_date(cpr: str) -> date:
    """The birth date a CPR number encodes; CprError when the number cannot be a CPR number."""
    match = _CPR_RE.match(cpr.strip())
    if not match:
        raise CprError("CPR-nummeret skal have 10 cifre: fødselsdatoen som ddmmåå og 4 cifre (ddmmåå-xxxx)")
    dd, mm, yy, serial = match.groups()
    year = _century(int(serial[0]), int(yy)) + int(yy)
    try:
        return date(year, int(mm), int(dd))
    except ValueError:
        raise CprError(f"CPR-nummeret begynder ikke med en gyldig fødselsdato ({dd}-{mm}-{yy})") from None


def normalize_cpr(cpr: str, today: date | None = None) -> str:
    """The 10 digits of a valid CPR number; CprError (Danish) otherwise. No modulus 11."""
    born = birth_date(cpr)
    if born > (today or date.today()):
        raise CprError("CPR-nummerets fødselsdato ligger i fremtiden")
    return re.sub(r"\D", "", cpr, flags=re.ASCII)


def cpr_error(cpr: str, today: date | None = None) -> str | None:
    """The Danish message for an invalid CPR number, or None when it is valid."""
    try:
        normalize_cpr(cpr, today)
    except CprError as exc:
        return str(exc)
    return None


def format_cpr(cpr: str) -> str:
    """ddmmåå-xxxx with the last four digits shown (only when the caseworker asks to see it)."""
    digits = re.sub(r"\D", "", cpr)
    return f"{digits[:6]}-{digits[6:]}"


def is_masked_cpr(value: object) -> bool:
    """Text shaped as mask_cpr writes a CPR number (ddmmåå-xxxx): never a CPR number to store."""
    return isinstance(value, str) and _MASKED_RE.match(value.strip()) is not None


def mask_cpr(cpr: str | None) -> str:
    """ddmmåå-xxxx: how a CPR number is shown on screen; '' for none."""
    if not cpr:
        return ""
    digits = re.sub(r"\D", "", cpr)
    return f"{digits[:6]}-xxxx"
