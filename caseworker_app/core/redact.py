"""Keep CPR numbers out of text that leaves the program (.ics files, print, spreadsheets)."""

from __future__ import annotations

import re

# Six digits, an optional dash or space, four digits, not part of a longer number.
_CPR_IN_TEXT = re.compile(r"(?<!\d)(\d{6})[- ]?\d{4}(?!\d)")


def redact_cpr(text: str) -> str:
    """Text with anything shaped like a CPR number masked as ddmmåå-xxxx (a slip in a name)."""
    return _CPR_IN_TEXT.sub(r"\1-xxxx", text)
