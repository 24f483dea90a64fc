"""Text tables for the command line: every cell whole, never cut.

A caseworker finds a case by its FASIT number or the masked CPR number in a name; a cut one
('2024-04…') names no case. So a column is as wide as its widest cell; only a column given a wrap
width (a citizen's name) goes on over more lines instead, broken at spaces and never inside a word,
so a masked CPR number ('010203-xxxx') stays whole on one line.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Mapping, Sequence

_LINE_BREAKS = str.maketrans({"\n": " ", "\r": " ", "\t": " "})


def cell_text(value: str) -> str:
    """A cell on one line: a line break or tab typed into a name or a number as a space."""
    return value.translate(_LINE_BREAKS)


def column_widths(
    header: Sequence[str],
    rows: Iterable[Sequence[str]],
    wrap: Mapping[int, int] | None = None,
    least: Sequence[int] = (),
) -> list[int]:
    """Each column's width: its widest cell or heading, at least as in least (a table that keeps its
    look for the usual cells); a column in wrap (index: width) at most that wide, unless a single word
    is wider."""
    wrap = wrap or {}
    widths = [max(len(h), least[i] if i < len(least) else 0) for i, h in enumerate(header)]
    for row in rows:
        for i, cell in enumerate(row):
            text = cell_text(cell)
            need = max((len(w) for w in text.split(" ")), default=0) if i in wrap else len(text)
            if i in wrap:
                need = max(need, min(len(text), wrap[i]))
            widths[i] = max(widths[i], need)
    return widths


def table_lines(row: Sequence[str], widths: Sequence[int], *, indent: str = "  ") -> list[str]:
    """One row as one line, or more where a cell is wider than its column (wrapped at spaces; the
    last column is never padded or wrapped)."""
    last = len(row) - 1
    parts = [[cell_text(cell)] if i == last else _wrapped(cell_text(cell), widths[i]) for i, cell in enumerate(row)]
    lines: list[str] = []
    for n in range(max(len(p) for p in parts)):
        cells = [
            (p[n] if n < len(p) else "") if i == last else f"{p[n] if n < len(p) else '':<{widths[i]}}"
            for i, p in enumerate(parts)
        ]
        lines.append((indent + " ".join(cells)).rstrip())
    return lines


def text_table(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    wrap: Mapping[int, int] | None = None,
    widths: Sequence[int] | None = None,
    indent: str = "  ",
) -> list[str]:
    """The heading and the rows as lines (widths: shared with other tables, so they line up)."""
    widths = widths or column_widths(header, rows, wrap)
    return [line for row in (header, *rows) for line in table_lines(row, widths, indent=indent)]


def _wrapped(text: str, width: int) -> list[str]:
    if len(text) <= width:
        return [text]
    return textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False) or [""]
