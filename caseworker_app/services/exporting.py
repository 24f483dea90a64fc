"""Deadlines and cases leave the program: .ics for Outlook and spreadsheets, from an open database.

The window's export dialogs and the `export-ics` / `export` commands call these, so both write the
same file from the same deadline list (store.deadlines, the function the window shows). A caseworker
given keeps that caseworker's cases (and those with none), chosen as the window's "mine" filter
chooses them (core.selection.select); none given keeps everyone's.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from ..core.atomic import WriteError, atomic_write_bytes
from ..core.calendar_selection import select_calendar
from ..core.cases import CaseDeadline
from ..core.deadline import overdue_count
from ..core.os_text import reason_text
from ..core.selection import belongs_to, only_text, possessive, select, whose_text
from ..core.text import count_text, name_key, number_text
from ..core.workdays import fmt
from ..store.errors import StoreError

if TYPE_CHECKING:  # a type only: no import of the store when this module loads
    from ..store.case_store import CaseStore

ICS_ENDINGS = (".ics",)
SHEET_ENDINGS = (".csv", ".xlsx")
PDF_ENDINGS = (".pdf",)


class ExportError(ValueError):
    """Input an export cannot use (a wrong file name, a period that ends before it starts)."""


class IcsStateNotSaved(StoreError):
    """The .ics file was written but the database could not record it; the message says both."""


def _first_sentence(exc: BaseException) -> str:
    text = str(exc)
    return text.split(". ", 1)[0].rstrip(".")


@dataclass(frozen=True)
class ExportResult:
    """What was written: the file and how many deadlines or cases it holds."""

    path: Path
    count: int
    moved: int = 0  # .ics: events whose date moved since the last export
    overdue: int = 0  # .ics: events of overdue deadlines (their dates lie before today)
    uncomputable: int = 0  # cases whose deadlines cannot be computed (store.uncomputable)
    undated: int = 0  # .ics: deadlines left out because no date has been agreed
    chosen: str = ""  # whose: 'Anne Jensens frister' when only one caseworker's were written
    # .ics of a period: CalendarSelection.left_out_text of the overdue deadlines from before it
    left_out_before: str = ""
    moved_out: int = 0  # .ics: events sent before, sent again with a new date outside the period
    cancelled: int = 0  # .ics: events cancelled in the file (handed_over of them)
    handed_over: int = 0  # .ics: cancelled as the case is no longer the caseworker's (caseworker)
    caseworker: str = ""  # .ics: the caseworker chosen, as given ('' for everyone's)

    def chosen_text(self) -> str:
        """'Kun Anne Jensens frister er med.' ('' when every caseworker's are)."""
        return only_text(self.chosen)


def omitted_text(result: ExportResult) -> str:
    """What an .ics file could not hold, in Danish ('' when nothing was left out)."""
    parts = []
    if result.uncomputable:
        parts.append(
            f"{count_text(result.uncomputable, 'sag kan', 'sager kan')} ikke beregnes og er ikke med "
            "i filen (tidligere eksporterede aftaler for dem er ikke ændret)."
        )
    if result.undated:
        parts.append(
            f"{count_text(result.undated, 'frist har', 'frister har')} ingen dato og er ikke med i filen: "
            "under Frister står, hvilken dato der skal aftales eller registreres på sagen."
        )
    return " ".join(parts)


def changes_text(result: ExportResult) -> str:
    """What the .ics file changes in Outlook besides the period's deadlines ('' when nothing): the
    events sent again with a date outside the period, and the events cancelled, and why."""
    parts = []
    if result.moved_out == 1:
        parts.append("1 frist, der allerede lå i Outlook, er flyttet uden for perioden og sendt med sin nye dato.")
    elif result.moved_out:
        parts.append(
            f"{number_text(result.moved_out)} frister, der allerede lå i Outlook, er flyttet uden for perioden "
            "og sendt med deres nye datoer."
        )
    gone = result.cancelled - result.handed_over
    if gone == 1:
        parts.append(
            "1 aftale i Outlook aflyses: fristen findes ikke længere (sagen er afsluttet eller slettet, "
            "eller fristen er overholdt eller bortfaldet)."
        )
    elif gone:
        parts.append(
            f"{number_text(gone)} aftaler i Outlook aflyses: fristerne findes ikke længere (sagerne er afsluttet "
            "eller slettet, eller fristerne er overholdt eller bortfaldet)."
        )
    if result.handed_over:
        whose = possessive(result.caseworker)
        parts.append(
            "1 aftale i Outlook aflyses: sagen er ikke længere " + whose + "."
            if result.handed_over == 1
            else f"{number_text(result.handed_over)} aftaler i Outlook aflyses: sagerne er ikke længere {whose}."
        )
    return " ".join(parts)


def left_out_before_text(result: ExportResult) -> str:
    """That an .ics file of a period lacks the overdue deadlines from before it ('' when none).

    The printed calendar lists them first unless told not to; the .ics export has no such choice
    and never holds them, so the caseworker is told so, and where they are.
    """
    if not result.left_out_before:
        return ""
    return (
        f"{result.left_out_before} En Outlook-eksport for en periode har kun periodens frister; "
        "opfølgningskalenderen har som standard også de overskredne fra før. Se fanen Frister."
    )


def overdue_text(result: ExportResult) -> str:
    """That the .ics file's overdue deadlines lie before today in Outlook ('' when none are overdue).

    Outlook shows today and the days ahead; an overdue deadline keeps its date (the deadline the
    window shows), so the caseworker is told where to find them.
    """
    if not result.overdue:
        return ""
    if result.count == 1:
        return "Fristen er overskredet og står på en dato før i dag i Outlook – se den under Frister."
    if result.overdue == 1:
        return "1 af fristerne er overskredet og står på en dato før i dag i Outlook – se den under Frister."
    return f"{result.overdue} af fristerne er overskredet og står på datoer før i dag i Outlook – se dem under Frister."


def check_target(store: CaseStore, path: str | os.PathLike[str], endings: Sequence[str]) -> Path:
    """The output path, or ExportError when its ending is wrong or it is the database itself."""
    target = Path(path)
    if target.is_dir():
        raise ExportError(f"Kan ikke gemme {target}: det er en mappe. Angiv et filnavn.")
    if target.suffix.lower() not in endings:
        wanted = " eller ".join(endings)
        raise ExportError(f"Kan ikke gemme {target}: filnavnet skal ende på {wanted}.")
    if _same_file(target, Path(store.path)):
        raise ExportError(f"Kan ikke gemme {target}: det er selve databasen. Vælg et andet filnavn.")
    return target


def _same_file(a: Path, b: Path) -> bool:
    try:
        if a.exists() and b.exists():
            return os.path.samefile(a, b)
    except OSError:
        return False
    return a.resolve() == b.resolve()


def write_failure_text(path: str | os.PathLike[str], exc: OSError) -> str:
    """A Danish sentence for a file that could not be written (nothing was left behind)."""
    if isinstance(exc, WriteError):
        return str(exc)
    target = os.fspath(path)
    if isinstance(exc, PermissionError):
        why = "du har ikke lov at skrive der, eller filen er åben i et andet program"
    elif exc.errno == errno.ENOSPC:
        why = "disken er fuld"
    elif isinstance(exc, IsADirectoryError):
        why = "det er en mappe"
    elif isinstance(exc, FileNotFoundError):
        why = "mappen findes ikke"
    else:
        why = f"filen kunne ikke skrives ({reason_text(exc)})"
    return f"Kan ikke gemme {target}: {why}. Intet er gemt."


def check_period(start: date | None, end: date | None) -> None:
    """ExportError when the period ends before it starts."""
    if start and end and end < start:
        raise ExportError(f"Perioden slutter {fmt(end)}, før den begynder {fmt(start)}.")


def deadlines_in_period(
    items: Sequence[CaseDeadline], start: date | None, end: date | None
) -> tuple[list[CaseDeadline], str]:
    """The deadlines whose legal or practical date falls in start–end (open ends allowed), and
    the calendar's sentence on the overdue ones from before start left out ('' when none are)."""
    check_period(start, end)
    if start is None and end is None:
        return list(items), ""
    selection = select_calendar(items, start or date.min, end or date.max, include_overdue_before=False)
    return list(selection.items), selection.left_out_text


def ics_dated(selection) -> list[CaseDeadline]:
    """The deadlines of a selection an .ics file holds: a deadline with no date agreed has no day in a
    calendar (counted by omitted_text instead)."""
    return [item for item in selection.items if not item.deadline.undated]


def nothing_to_export_ics(store: CaseStore, today: date, *, caseworker: str = "") -> str:
    """What the window says before it asks for a file when an .ics export of every period would hold no
    deadline ('' when it would hold one); the same words as the command line's (no_ics_deadlines_text)."""
    chosen = select(store.deadlines(today), caseworker=caseworker)
    return "" if ics_dated(chosen) else no_ics_deadlines_text(_whose(chosen, "frister"), written=False)


def no_ics_deadlines_text(chosen: str = "", *, written: bool = True, period: bool = False) -> str:
    """An .ics export with no deadline in it (chosen: ExportResult.chosen; period: of a period): kept, as it
    cancels in Outlook the events of earlier exports that are no longer current, but said. written: said
    after the file is (the command line), else before it is asked for (the window)."""
    only = f" {only_text(chosen)}" if chosen else ""
    file = "Filen er" if written else "Eksporterer du alligevel, bliver filen"
    return (
        f"Der er ingen frister at eksportere{' i perioden' if period else ''}.{only} {file} en kalender uden "
        "frister: i Outlook aflyser den kun de aftaler fra tidligere eksporter, der ikke længere skal være der."
    )


def export_ics(
    store: CaseStore,
    path: str | os.PathLike[str],
    today: date,
    *,
    start: date | None = None,
    end: date | None = None,
    caseworker: str = "",
) -> ExportResult:
    """Write the deadlines (of a period, of a caseworker) as an .ics file; the export state is saved after it.

    A colleague's deadlines left out are still current: their events in Outlook are not cancelled,
    unless this caseworker's own export sent them before and the case is now the colleague's
    (handed over: cancelled here, so this caseworker's Outlook does not keep it). An event already
    sent whose deadline has moved out of the period is sent with its new date all the same: Outlook
    must never keep a deadline on a wrong date.
    """
    from ..core.ics import CANCELLED_PREFIX, deadline_uid, deadlines_to_ics, uids_of_cases  # icalendar: slow

    target = check_target(store, path, ICS_ENDINGS)
    if getattr(store, "read_only", False):
        raise ExportError(
            f"{store.path} er en sikkerhedskopi og ændres ikke; en .ics-eksport husker, hvad den "
            "eksporterede, i databasen. Gendan kopien først, eller eksportér fra den rigtige database."
        )
    refusal = getattr(store, "write_refusal", None)
    if refusal is not None:  # found damaged and kept in use: nothing is written
        advice = (
            "Gendan den nyeste gode sikkerhedskopi under Filer › Sikkerhedskopier, og eksportér så igen."
            if refusal.good_copy
            else "Der er ingen god sikkerhedskopi at gendanne: kontakt IT."
        )
        raise ExportError(
            f"Der er ikke eksporteret til Outlook: databasen {store.path} er beskadiget, og en .ics-eksport skal "
            f"huske i databasen, hvad den eksporterede, men programmet gemmer intet i den. {advice}"
        )
    every = store.deadlines(today)
    all_problems = store.uncomputable()
    chosen = select(every, caseworker=caseworker)
    problems = _problems_of(all_problems, caseworker)
    undated = sum(1 for item in chosen.items if item.deadline.undated)
    # Undated deadlines are counted above (omitted_text), not again among those before the period.
    items, left_out = deadlines_in_period(ics_dated(chosen), start, end)
    calendar_id, previous = store.ics_state()
    sent_for = store.ics_sent_for()
    keys = reused_case_keys(store)

    uids: dict[int, str] = {}  # id(item) -> its UID: each is asked for several times below

    def uid_of(item: CaseDeadline) -> str:
        uid = uids.get(id(item))
        if uid is None:
            uid = uids[id(item)] = deadline_uid(item, calendar_id, keys.get(item.case.id, ""))
        return uid

    in_period = {uid_of(item) for item in items}
    # Sent before, now outside the period on another day: sent again, or Outlook keeps the old day.
    moved_out = [
        item
        for item in chosen.items
        if not item.deadline.undated
        and (uid := uid_of(item)) not in in_period
        and uid in previous
        and previous[uid][0] != item.deadline.practical_due
    ]
    dated = [item for item in every if not item.deadline.undated]
    current = {uid_of(item) for item in dated}
    # A case not computed now is not closed: its events stay as they were, not cancelled.
    current |= uids_of_cases(previous, (keys.get(p.case.id, p.case.id) for p in all_problems))
    wanted = name_key(caseworker)
    handed_over = {
        uid
        for item in dated
        if wanted
        and not belongs_to(item.case.caseworker, caseworker)
        and sent_for.get(uid := uid_of(item)) == wanted
        and uid in previous
    }
    data, state = deadlines_to_ics(
        items + moved_out,
        previous=previous,
        calendar_id=calendar_id,
        still_current=current - handed_over,
        case_keys=keys,
        exported_on=today,
    )
    cancelled = {uid for uid in previous if not uid.startswith(CANCELLED_PREFIX) and uid not in state}
    written = in_period | {uid_of(item) for item in moved_out}
    # An export of everyone's leaves the claims: it is not known whose Outlook took it.
    new_sent_for = {uid: who for uid, who in sent_for.items() if uid in state}
    if wanted:
        new_sent_for |= dict.fromkeys(written, wanted)
    atomic_write_bytes(target, data)
    # Only a file that was written counts: a failed write must not raise the next SEQUENCE.
    try:
        store.save_ics_state(state, new_sent_for)
    except StoreError as exc:  # the file is there: say so, never "Intet er gemt"
        raise IcsStateNotSaved(
            f"{target} er skrevet med {count_text(len(items), 'frist', 'frister')}, men databasen kunne ikke huske "
            f"eksporten ({_first_sentence(exc)}). Filen kan bruges; eksportér igen, når databasen "
            "er ledig, så en senere eksport flytter aftalerne rigtigt i Outlook."
        ) from None
    moved = sum(1 for uid in in_period if uid in previous and previous[uid][0] != state[uid][0])
    return ExportResult(
        target,
        len(items),
        moved,
        overdue=overdue_count(i.deadline for i in items),
        uncomputable=len(problems),
        undated=undated,
        chosen=_whose(chosen, "frister"),
        left_out_before=left_out,
        moved_out=len(moved_out),
        cancelled=len(cancelled),
        handed_over=len(cancelled & handed_over),
        caseworker=caseworker.strip() if wanted else "",
    )


def reused_case_keys(store: CaseStore) -> dict[int, str]:
    """The UID key (core.ics.case_key) of each case whose id SQLite gave again after a deletion:
    its own, so the deleted case's events are cancelled and never become the new citizen's."""
    from ..core.ics import case_key

    keys: dict[int, str] = {}
    for case_id in sorted({row["case_id"] for row in store.deletions()}):
        created_at = store.case_created_at(case_id)
        if created_at is not None:  # None: the id is free (not given again)
            keys[case_id] = case_key(case_id, created_at)
    return keys


def _problems_of(problems, caseworker: str) -> list:
    """The cases that cannot be computed, of the caseworker chosen (all for '')."""
    return [p for p in problems if belongs_to(p.case.caseworker, caseworker)]


def _whose(selection, noun: str) -> str:
    return whose_text(selection, noun) if selection.caseworker else ""


def export_deadline_sheet(
    store: CaseStore, path: str | os.PathLike[str], today: date, *, caseworker: str = ""
) -> ExportResult:
    """Write the deadline list (as the window shows it) as .csv or .xlsx; cases that cannot be
    computed follow, a row each with the reason and no dates."""
    from ..core.spreadsheet import export_deadlines  # here: openpyxl is slow to import (print dialogs)

    target = check_target(store, path, SHEET_ENDINGS)
    chosen = select(store.deadlines(today), caseworker=caseworker)
    problems = _problems_of(store.uncomputable(), caseworker)
    export_deadlines(chosen.items, target, problems)  # a row per case not computed, with the reason
    return ExportResult(target, chosen.shown, uncomputable=len(problems), chosen=_whose(chosen, "frister"))


def export_case_sheet(
    store: CaseStore, path: str | os.PathLike[str], *, include_closed: bool = True, caseworker: str = ""
) -> ExportResult:
    """Write the case list (closed cases too, unless told otherwise) as .csv or .xlsx."""
    from ..core.spreadsheet import export_cases  # here: openpyxl is slow to import (print dialogs)

    target = check_target(store, path, SHEET_ENDINGS)
    chosen = select(store.list_cases(include_closed=include_closed), caseworker=caseworker, case_of=lambda c: c)
    export_cases(chosen.items, target)
    return ExportResult(target, chosen.shown, chosen=_whose(chosen, "sager"))
