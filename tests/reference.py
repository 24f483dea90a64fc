"""Compare generated text (notes, calendars, printouts) with the files in tests/_reference/.

A reference file is written only when asked: UPDATE_REFERENCE=1 makes check_reference write what
the program gives now instead of comparing. Read the diff (git diff tests/_reference) before
committing a regenerated file; the hand-worked tests beside each reference read the stored file,
so a wrong date written this way still fails there.
"""

from __future__ import annotations

import difflib
import os
import re
from pathlib import Path

REFERENCE_DIR = Path(__file__).parent / "_reference"


def check_reference(name: str, text: str) -> None:
    """Assert text equals tests/_reference/<name> exactly; UPDATE_REFERENCE=1 writes it instead."""
    path = REFERENCE_DIR / name
    if os.environ.get("UPDATE_REFERENCE") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("w", encoding="utf-8", newline="") as f:
            f.write(text)
        return
    if not path.exists():
        raise AssertionError(f"{path} is missing; write it with UPDATE_REFERENCE=1, then read it")
    with path.open(encoding="utf-8", newline="") as f:
        expected = f.read()
    if text != expected:
        diff = "".join(
            difflib.unified_diff(
                expected.splitlines(keepends=True),
                text.splitlines(keepends=True),
                fromfile=f"{name} (reference)",
                tofile=f"{name} (now)",
            )
        )
        raise AssertionError(f"{name} differs from the reference file:\n{diff}")


_HTML_BREAKS = re.compile(r"(?=<(?:tr|h2|table|/table|p)[ >])")


def html_lines(html: str) -> str:
    """One-line HTML with a line break before each row, heading, table and paragraph.

    Only for a reviewable reference file and a readable diff: the page itself has no line breaks
    (asserted), so removing every "\n" gives back the program's HTML byte for byte.
    """
    assert "\n" not in html, "the printed HTML has a line break; html_lines would not be reversible"
    return _HTML_BREAKS.sub("\n", html) + "\n"
