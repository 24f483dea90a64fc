"""How a text leaves the program in a spreadsheet cell: CPR numbers masked, control characters
replaced, and an apostrophe before text that a spreadsheet could run as a formula (CSV injection).

Apart from core/spreadsheet.py, which loads openpyxl: an import reads its own list back with this
(services/importing/duplicates.py: the export's text of a value is that value, unchanged).
"""

from __future__ import annotations

from .redact import redact_cpr
from .text import printable

DANGEROUS_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text: str) -> str:
    """Text a spreadsheet shows as text: an apostrophe before a leading =, +, -, @, tab or CR
    (also after leading spaces or line breaks, which Excel skips); CPR masked, no control chars."""
    text = printable(redact_cpr(text))
    return "'" + text if is_formula_like(text) else text


def is_formula_like(text: str) -> bool:
    """Text a spreadsheet could take for a formula: it starts (after blanks) with =, +, -, @, tab or CR."""
    return text.startswith(DANGEROUS_STARTS) or text.lstrip(" \n\r\t").startswith(DANGEROUS_STARTS)
