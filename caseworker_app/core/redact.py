"""Keep CPR numbers out of text that leaves the program (.ics files, print, spreadsheets)."""

from __future__ import annotations

import re

from .cpr import CPR_SEPARATOR

# ddmmåå (a possible day and month), an optional dash or space, four digits, not inside a longer
# number; a phone number such as +4512345678 does not start with a possible date and is kept.
_CPR_IN_TEXT = re.compile(rf"(?<!\d)((?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])\d\d){CPR_SEPARATOR}?\d{{4}}(?!\d)")


def redact_cpr(text: str) -> str:
    """Text with anything shaped like a CPR number masked as ddmmåå-xxxx (a slip in a name)."""
    return _CPR_IN_TEXT.sub(r"\1-xxxx", text)
