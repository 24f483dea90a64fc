"""Which deadlines and cases are shown: the caseworker filter ("mine") and the search, and their count.

The Frister and Sager tabs and the .ics and spreadsheet exports choose through select(), and the
line that says what is shown ("Viser Anne Jensens frister – 12 af 34") is written from its result
(scope_text), so the number a caseworker reads is the number of rows they see.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Generic, TypeVar

from .cpr import mask_cpr
from .text import name_key, number_text

if TYPE_CHECKING:  # not imported at run time: the window builds its filter before the engine loads
    from .cases import CaseRecord

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)  # a selection of rows is a selection of their supertype


def belongs_to(caseworker: str, wanted: str) -> bool:
    """True when a case of caseworker is shown for wanted ('' wanted = every caseworker).

    Names compare as a reader sees them (core.text.name_key: without case, and a non-breaking or
    double space as one space), as the printed calendar's filter does: a database may hold a name
    pasted from Outlook before the import cleaned it. A case with no caseworker is nobody else's,
    so it is shown for everyone: never lost behind the filter.
    """
    if not wanted:
        return True
    wanted, own = name_key(wanted), name_key(caseworker)
    return not wanted or not own or own == wanted


def search_needle(text: str) -> str:
    """What is looked for: lower case, dashes dropped ('010180-1234' finds CPR 0101801234)."""
    return text.strip().lower().replace("-", "")


def search_text(case: CaseRecord) -> str:
    """What a search looks in: name, FASIT number and CPR (also as shown masked), lower case, no dashes."""
    cpr = case.cpr or ""
    return " ".join((case.citizen, case.case_ref, cpr, mask_cpr(cpr))).lower().replace("-", "")


class SearchTexts:
    """search_text of each case, made when first asked and kept with the record it was made from.

    A changed case is a new record (records are immutable), so its text is made again: a kept
    text is never stale. The window's two lists (Frister and Sager) share one instance: one text
    per case rather than one per list, made after the first paint (warm) rather than before it.
    """

    __slots__ = ("_kept",)

    def __init__(self) -> None:
        self._kept: dict[int, tuple[CaseRecord, str]] = {}  # case id -> (record, its text)

    def of(self, case: CaseRecord) -> str:
        kept = self._kept.get(case.id)
        if kept is not None and kept[0] is case:
            return kept[1]
        text = search_text(case)
        self._kept[case.id] = (case, text)
        return text

    def warm(self, cases: Iterable[CaseRecord]) -> None:
        """Make the text of every case not yet kept (so the first keystroke finds them made)."""
        of = self.of
        for case in cases:
            of(case)

    def forget(self, case_ids: Iterable[int]) -> None:
        """Drop the texts of these cases (deleted ones): memory only, never needed for truth."""
        for case_id in case_ids:
            self._kept.pop(case_id, None)

    def clear(self) -> None:
        """Forget every text (new content: the old records' texts would only take memory)."""
        self._kept = {}

    def __len__(self) -> int:
        return len(self._kept)


@dataclass(frozen=True)
class Selection(Generic[T_co]):
    """The rows shown, of how many there are, and the filter that chose them."""

    items: tuple[T_co, ...]
    total: int  # rows before the caseworker filter and the search
    caseworker: str = ""  # '' = every caseworker
    searched: bool = False
    unassigned: int = 0  # rows shown whose case has no caseworker (shown for every caseworker)

    @property
    def shown(self) -> int:
        return len(self.items)


def select(
    rows: Iterable[T],
    *,
    caseworker: str = "",
    needle: str = "",
    case_of: Callable[[T], CaseRecord] = lambda row: row.case,  # type: ignore[attr-defined]
    text_of: Callable[[T], str] | None = None,
) -> Selection[T]:
    """The rows of caseworker's cases (see belongs_to) whose search text holds needle (search_needle).

    text_of gives a row's search text when the caller keeps it ready (a keystroke must stay quick
    with 10,000 cases); by default it is search_text of the row's case.
    """
    rows = list(rows)
    wanted = caseworker.strip()
    if text_of is None:

        def case_text(row: T) -> str:
            return search_text(case_of(row))

        text_of = case_text

    if not wanted:
        kept = [row for row in rows if not needle or needle in text_of(row)]
        return Selection(tuple(kept), len(rows), wanted, bool(needle), 0)
    # A window patches one case at 100,000: belongs_to is asked once per distinct name, not per row.
    shown_for: dict[str, bool] = {}
    kept: list[T] = []
    unassigned = 0
    for row in rows:
        name = case_of(row).caseworker
        shown = shown_for.get(name)
        if shown is None:
            shown = shown_for[name] = belongs_to(name, wanted)
        if shown and (not needle or needle in text_of(row)):
            kept.append(row)
            unassigned += not name.strip()
    return Selection(tuple(kept), len(rows), wanted, bool(needle), unassigned)


def reselect(
    previous: Selection[T],
    removed: Iterable[T],
    added: Iterable[T],
    *,
    find: Callable[[Sequence[T], T], int],
    place: Callable[[Sequence[T], T], int],
    caseworker: str = "",
    needle: str = "",
    case_of: Callable[[T], CaseRecord] = lambda row: row.case,  # type: ignore[attr-defined]
    text_of: Callable[[T], str] | None = None,
) -> Selection[T] | None:
    """What select() gives over the rows after a change, from previous (select over the rows before):
    removed rows left the list, added rows came into it. Only the changed rows are chosen (select),
    so a patch costs what the change holds, not what the list holds.

    previous.items are in the list's order: find gives a row's place in them (-1: absent), place where
    a new row goes. None when a removed row chosen before is not found (the caller selects again).
    """
    removed, added = list(removed), list(added)
    gone = select(removed, caseworker=caseworker, needle=needle, case_of=case_of, text_of=text_of)
    come = select(added, caseworker=caseworker, needle=needle, case_of=case_of, text_of=text_of)
    items = list(previous.items)
    places = [find(items, row) for row in gone.items]  # all found before any is cut out
    if any(at < 0 for at in places):
        return None
    for at in sorted(places, reverse=True):
        del items[at]
    for row in come.items:
        items.insert(place(items, row), row)
    return Selection(
        tuple(items),
        previous.total - len(removed) + len(added),
        caseworker.strip(),
        bool(needle),
        previous.unassigned - gone.unassigned + come.unassigned,
    )


def possessive(name: str) -> str:
    """'Anne Jensens', 'Lars Jens'' – the Danish genitive of a name."""
    name = name.strip()
    return name + ("'" if name[-1:].lower() in ("s", "x", "z") else "s")


def whose_text(selection: Selection[object], noun: str) -> str:
    """'Anne Jensens frister', '… og frister uden sagsbehandler', or 'alle sagsbehandleres frister'."""
    if not selection.caseworker:
        return f"alle sagsbehandleres {noun}"
    return caseworker_whose(selection.caseworker, bool(selection.unassigned), noun)


def caseworker_whose(caseworker: str, unassigned: bool, noun: str) -> str:
    """'Anne Jensens frister', or with unassigned '… og frister uden sagsbehandler'."""
    text = f"{possessive(caseworker)} {noun}"
    if unassigned:
        text += f" og {noun} uden sagsbehandler"
    return text


def only_text(whose: str) -> str:
    """'Kun Anne Jensens frister er med.': what an export or a calendar of one caseworker says
    after where it was written ('' for whose '', every caseworker's)."""
    return f"Kun {whose} er med." if whose else ""


def scope_text(selection: Selection[object], noun: str) -> str:
    """The line over a list: 'Viser Anne Jensens frister – 12 af 34' (noun: 'frister', 'sager')."""
    text = f"Viser {whose_text(selection, noun)}"
    if selection.searched:
        text += ", der passer til søgningen"
    if selection.caseworker or selection.searched:
        return f"{text} – {number_text(selection.shown)} af {number_text(selection.total)}"
    return f"{text} – {number_text(selection.total)}"
