"""Reading a PDF the program wrote as a user reads it (pdftotext from poppler-utils)."""

from __future__ import annotations

import subprocess
import unicodedata


def pdf_text(path, page: int | None = None) -> str:
    """The PDF's text as pdftotext reads it, ligatures and the like normalised (NFKC)."""
    pages = ["-f", str(page), "-l", str(page)] if page else []
    out = subprocess.run(
        ["pdftotext", "-layout", *pages, str(path), "-"], capture_output=True, check=True, text=True
    ).stdout
    return unicodedata.normalize("NFKC", out)
