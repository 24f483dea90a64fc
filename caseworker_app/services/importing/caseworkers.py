"""A caseworker's name in a list, saved as the program already spells that caseworker: 'anne jensen'
typed in Excel is Anne Jensen of Indstillinger and the cases (core.text.known_spelling, the rule
the filter 'mine frister' and the command line compare names by), and the preview says so."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from ...core.import_hidden import rows_listed
from ...core.import_rows import CaseDraft
from ...core.text import known_spelling


class KnownCaseworkers:
    """The caseworkers the program knows (Indstillinger's name and the cases'), and the names of the
    list it saves otherwise than typed, with their rows."""

    def __init__(self, own: str, names: Iterable[str]):
        self._own = own
        self._names = tuple({name for name in names if name})
        self._renamed: dict[tuple[str, str], list[int]] = {}

    def draft(self, number: int, draft: CaseDraft) -> CaseDraft:
        """The row's draft with its caseworker as known (unchanged when no known caseworker is it)."""
        typed = draft.caseworker
        known = known_spelling(typed, self._own, self._names) if typed else typed
        if known == typed:
            return draft
        self._renamed.setdefault((typed, known), []).append(number)
        return replace(draft, caseworker=known)

    def notes(self) -> list[str]:
        """ "Sagsbehandler 'anne jensen' gemmes som 'Anne Jensen', som navnet står i programmet (række 4)."
        Several spellings in one line, so they do not push the preview off a small screen."""
        renamed = list(self._renamed.items())
        if len(renamed) == 1:
            (typed, known), numbers = renamed[0]
            return [
                f"Sagsbehandler '{typed}' gemmes som '{known}', som navnet står i programmet ({rows_listed(numbers)})."
            ]
        listed = "; ".join(f"'{typed}' som '{known}' ({rows_listed(numbers)})" for (typed, known), numbers in renamed)
        return [f"Sagsbehandlere gemmes, som navnene står i programmet: {listed}."] if renamed else []
