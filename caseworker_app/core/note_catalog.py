"""Which trials of the shipped catalog a new program version changed, so that the notes copied to
FASIT under them are checked once at the next start (core/note_staleness.py stale_notes).

A new version may ship a trial file changed (a new end, an extension, a changed rule or citation).
The municipality's own changes are told when they are saved (ui/stale_notes.py); a shipped one
would otherwise be seen only in a case window's history. So the database keeps a fingerprint of
each shipped trial as its copied notes were last checked against (store/app_state.py), and the
start compares it with the catalog it loaded: equal, nothing more is done; a trial whose
fingerprint differs (or every trial, when none was kept) has its copied notes checked.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Mapping
from typing import TYPE_CHECKING, NamedTuple, cast

from .text import and_list

if TYPE_CHECKING:
    from .catalog import Trial


def catalog_fingerprints(catalog: Mapping[str, Trial]) -> dict[str, str]:
    """Each trial's fingerprint, by id: a checksum of everything the catalog says of it as the
    program reads it (its record's repr: dates, rules, citations, templates, the file's name), so
    a changed file and a changed reading of the same file alike give another one. CRC-32 and the
    length: it tells an edited trial from its former self (no adversary), and zlib is loaded at
    once where hashlib cost 20-40 ms of the start."""
    prints: dict[str, str] = {}
    for trial_id, trial in catalog.items():
        text = repr(trial).encode()
        prints[trial_id] = f"{zlib.crc32(text):08x}-{len(text):x}"
    return prints


def fingerprints_text(fingerprints: Mapping[str, str]) -> str:
    """The fingerprints as kept in the database (JSON, sorted by id)."""
    return json.dumps(dict(sorted(fingerprints.items())), separators=(",", ":"))


class CatalogChange(NamedTuple):
    """The trials whose copied notes are to be checked, and whether that is every trial because the
    database kept no (readable) fingerprint."""

    trials: tuple[str, ...]
    first_check: bool = False

    def lead(self) -> str:
        """The box's first paragraph (Danish): which trials the new version changed, or, at the first
        check, that the notes were checked against this version's catalog."""
        if self.first_check:
            return "Journalnotaterne er kontrolleret mod forsøgskataloget i denne version af programmet."
        return f"Denne version af programmet har ændringer i forsøgskataloget for {and_list(self.trials)}."


def changed_trials(kept: str | None, fingerprints: Mapping[str, str]) -> CatalogChange:
    """The trials whose fingerprint is not the one kept (kept: fingerprints_text, or None when none
    was kept). Nothing kept, or unreadable (edited by hand): every trial, since it is not known what
    the copied notes were checked against."""
    try:
        read: object = json.loads(kept) if kept else None
    except ValueError:
        read = None
    if not isinstance(read, dict):
        return CatalogChange(tuple(sorted(fingerprints)), first_check=True)
    seen = cast("dict[str, object]", read)
    return CatalogChange(tuple(sorted(t for t, print_ in fingerprints.items() if seen.get(t) != print_)))
