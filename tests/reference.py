"""Compare generated text (notes, calendars, printouts) with the files in tests/_reference/."""

from __future__ import annotations

import difflib
import os
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
        diff = "".join(difflib.unified_diff(
            expected.splitlines(keepends=True), text.splitlines(keepends=True),
            fromfile=f"{name} (reference)", tofile=f"{name} (now)",
        ))
        raise AssertionError(f"{name} differs from the reference file:\n{diff}")
