"""A caseworker's name in a list, saved as the program already spells that caseworker: 'anne jensen'
typed in Excel is Anne Jensen of Indstillinger and the cases (core.text.known_spelling, the rule
the filter 'mine frister' and the command line compare names by), and the preview says so.
A name only like a known one ('Mette K. Sørensen' beside 'Mette Kjær Sørensen', core.name_likeness)
is saved as typed, but warned of: it would be another caseworker, whose cases 'mine' does not show."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from ...core.import_hidden import rows_listed
from ...core.import_rows import CaseDraft
from ...core.name_likeness import alike_name
from ...core.text import known_spelling, name_key


class KnownCaseworkers:
    """The caseworkers the program knows (Indstillinger's name and the cases'), and the names of the
    list it saves otherwise than typed, with their rows."""

    def __init__(self, own: str, names: Iterable[str]):
        self._own = own
        self._names = tuple({name for name in names if name})
        self._renamed: dict[tuple[str, str], list[int]] = {}
        self._saved: dict[str, list[int]] = {}  # each caseworker of the list as saved, with its rows

    def draft(self, number: int, draft: CaseDraft) -> CaseDraft:
        """The row's draft with its caseworker as known (unchanged when no known caseworker is it)."""
        typed = draft.caseworker
        known = known_spelling(typed, self._own, self._names) if typed else typed
        if known:
            self._saved.setdefault(known, []).append(number)
        if known == typed:
            return draft
        self._renamed.setdefault((typed, known), []).append(number)
        return replace(draft, caseworker=known)

    def notes(self) -> list[str]:
        return self._alike_notes() + self._renamed_notes()

    def _alike_notes(self) -> list[str]:
        """ "⚠ Sagsbehandler 'Mette K. Sørensen' (række 11) ligner 'Mette Kjær Sørensen' – …": a name the
        program does not know, like Indstillinger's, a case's or another of the list's; a case's caseworker
        like Indstillinger's ('mine' misses its cases already). Each pair once."""
        case_keys = {name_key(name) for name in self._names}
        said: set[frozenset[str]] = set()
        notes: list[str] = []
        # The rarer spelling is the one warned of, like the commoner: row 11's, not the other 45 rows'.
        by_rows = sorted(self._saved.items(), key=lambda item: len(item[1]))
        for name, numbers in by_rows:
            if name_key(name) == name_key(self._own):
                continue
            others = [self._own]
            if name_key(name) not in case_keys:  # a case's caseworker is only held against Indstillinger's
                others += [*sorted(self._names), *(other for other, _ in reversed(by_rows) if other != name)]
            like = alike_name(name, (other for other in others if other))
            if like is None or frozenset((name_key(name), name_key(like))) in said:
                continue
            said.add(frozenset((name_key(name), name_key(like))))
            notes.append(
                f"⚠ Sagsbehandler '{name}' ({rows_listed(numbers)}) ligner '{like}' – er det samme person? "
                "Ret navnet i regnearket, eller gem det som en anden sagsbehandler."
            )
        return notes

    def _renamed_notes(self) -> list[str]:
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
