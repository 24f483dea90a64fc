"""A worksheet's XML searched in chunks, for what openpyxl's read-only sheet does not read (merged
cells, hidden columns and rows): the sheet is never held whole."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import BinaryIO

_CHUNK = 1 << 20


def sheet_matches(
    stream: BinaryIO, marker: bytes, pattern: re.Pattern[bytes], overlap: int
) -> Iterator[re.Match[bytes]]:
    """pattern's matches in the stream, searched only in chunks holding marker. Each chunk keeps the
    last overlap bytes of the one before (longer than an element: one cut by a chunk's end is found
    in the next), so a match there may come twice: the callers keep what they find in sets."""
    tail = b""
    while chunk := stream.read(_CHUNK):
        data = tail + chunk
        if marker in data:
            yield from pattern.finditer(data)
        tail = data[-overlap:]
