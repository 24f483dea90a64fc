"""What a printed follow-up calendar holds: a period's deadlines, filtered, by week or by month.

Every deadline is placed on its legal date (the "Frist"), as in the window and the .ics export. A
deadline belongs to the period when its legal OR its practical date falls in it, so a duty that must
be done before the period ends is never left out because its legal date falls on the Sunday after.
Overdue deadlines from before the period are listed first ("Overskredet før perioden"), because a
printed calendar that hid them would tell a covering colleague that nothing is late. The caseworker
may leave them out (a week's calendar after a trial's end would be pages of them before the week);
the page's filter then says so, and how many were left out.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from .cases import CaseDeadline, CaseProblem, CaseRecord
from .catalog import RuleSpec, Trial
from .collation import danish_key
from .deadline import DEFAULT_WARNING_DAYS, OVERDUE, Deadline, overdue_count, status_of
from .event import Event
from .schedule import compute_deadlines
from .selection import belongs_to, caseworker_whose, only_text
from .workdays import MONTHS_DA, fmt

# Rule kinds that come back after they are met; a plan shows what follows if each is met in time.
RECURRING_KINDS = ("followup", "decision", "count_window")


@dataclass(frozen=True)
class CalendarSelection:
    """The deadlines of one printed calendar and the filter that chose them."""

    start: date
    end: date
    items: tuple[CaseDeadline, ...]  # legal or practical date in the period, by legal date
    # Overdue, legal date before the period; and every deadline without an agreed date, which is
    # overdue too and must never be put on a day of the calendar.
    overdue_before: tuple[CaseDeadline, ...] = ()
    problems: tuple[CaseProblem, ...] = ()  # cases of the filter whose deadlines cannot be computed
    trial: str | None = None
    caseworker: str | None = None
    only_overdue: bool = False
    include_overdue_before: bool = True
    # What overdue_before would hold, when the caseworker chose to leave those deadlines out.
    left_out_before: tuple[CaseDeadline, ...] = ()

    @property
    def period_text(self) -> str:
        """'01-02-2021 – 31-03-2021'."""
        return f"{fmt(self.start)} – {fmt(self.end)}"

    @property
    def filter_text(self) -> str:
        """The filter in Danish: 'Forsøg T08, alle sagsbehandlere, kun overskredne frister'."""
        parts = [
            f"forsøg {self.trial}" if self.trial else "alle forsøg",
            f"sagsbehandler {self.caseworker}" if self.caseworker else "alle sagsbehandlere",
        ]
        if self.caseworker and self._unassigned_shown:
            parts[-1] += " og sager uden sagsbehandler"
        if self.only_overdue:
            parts.append("kun overskredne frister" + ("" if self.include_overdue_before else " i perioden"))
        elif not self.include_overdue_before:
            parts.append("uden overskredne frister fra før perioden")
        text = ", ".join(parts)
        return text[0].upper() + text[1:]

    @property
    def count_text(self) -> str:
        """'13 frister i perioden, heraf 7 overskredet – og 4 overskredet før perioden.': what the
        print dialog's summary and the printed page's overview line say of the selection."""
        shown = len(self.items)
        text = f"{shown} {'frist' if shown == 1 else 'frister'} i perioden"
        overdue = overdue_count(i.deadline for i in self.items)
        if overdue:
            text += f", heraf {overdue} overskredet"
        if self.overdue_before:
            text += f" – og {len(self.overdue_before)} overskredet før perioden"
        return text + "."

    @property
    def left_out_text(self) -> str:
        """'34 overskredne frister fra før perioden er ikke med.' ('' when none were left out)."""
        count = len(self.left_out_before)
        if not count:
            return ""
        what = "overskreden frist" if count == 1 else "overskredne frister"
        undated = " eller uden aftalt dato" if any(i.deadline.undated for i in self.left_out_before) else ""
        return f"{count} {what} fra før perioden{undated} er ikke med."

    @property
    def chosen_text(self) -> str:
        """'Kun Anne Jensens frister og frister uden sagsbehandler er med.' ('' for everyone's)."""
        if not self.caseworker:
            return ""
        return only_text(caseworker_whose(self.caseworker, self._unassigned_shown, "frister"))

    @property
    def _unassigned_shown(self) -> bool:
        rows = (*self.items, *self.overdue_before, *self.problems)
        return any(not row.case.caseworker.strip() for row in rows)

    @property
    def count(self) -> int:
        return len(self.items) + len(self.overdue_before)


def select_calendar(
    items: Iterable[CaseDeadline],
    start: date,
    end: date,
    *,
    trial: str | None = None,
    caseworker: str | None = None,
    only_overdue: bool = False,
    include_overdue_before: bool = True,
    problems: Iterable[CaseProblem] = (),
) -> CalendarSelection:
    """The deadlines of the period start–end (both included) that pass the filter.

    include_overdue_before=False leaves out the overdue deadlines from before the period and those
    without an agreed date; they are kept in left_out_before, for the page to say how many.
    problems (core.cases.uncomputable_cases) are kept when their case passes the trial and
    caseworker filter, for the calendar to name at its end. The caseworker filter is the window's
    (core.selection.belongs_to): a case with no caseworker is printed for everyone, never lost.
    """
    if end < start:
        raise ValueError(f"Perioden slutter {fmt(end)}, før den begynder {fmt(start)}.")
    trial = trial.strip().upper() if trial and trial.strip() else None
    caseworker = caseworker.strip() if caseworker and caseworker.strip() else None
    in_period: list[CaseDeadline] = []
    before: list[CaseDeadline] = []
    for item in items:
        d = item.deadline
        if trial and item.case.trial_id.upper() != trial:
            continue
        if caseworker and not belongs_to(item.case.caseworker, caseworker):
            continue
        if only_overdue and d.status != OVERDUE:
            continue
        if d.undated:
            before.append(item)
        elif start <= d.legal_due <= end or start <= d.practical_due <= end:
            in_period.append(item)
        elif d.status == OVERDUE and d.legal_due < start:
            before.append(item)
    kept = [
        p
        for p in problems
        if (not trial or p.case.trial_id.upper() == trial)
        and (not caseworker or belongs_to(p.case.caseworker, caseworker))
    ]
    before_sorted = tuple(sorted(before, key=_order))
    return CalendarSelection(
        start=start,
        end=end,
        items=tuple(sorted(in_period, key=_order)),
        overdue_before=before_sorted if include_overdue_before else (),
        problems=tuple(kept),
        trial=trial,
        caseworker=caseworker,
        only_overdue=only_overdue,
        include_overdue_before=include_overdue_before,
        left_out_before=() if include_overdue_before else before_sorted,
    )


def _order(item: CaseDeadline) -> tuple[date, str, int, str]:
    """The window's order (core.collation.deadline_order), a case's own deadlines on a date by kind."""
    return item.deadline.legal_due, danish_key(item.case.citizen), item.case.id, item.deadline.kind


@dataclass(frozen=True)
class WeekGroup:
    """The deadlines of one ISO week."""

    year: int
    week: int
    monday: date
    items: tuple[CaseDeadline, ...]

    @property
    def title(self) -> str:
        """'Uge 7 – 2021' (ISO week and ISO year)."""
        return f"Uge {self.week} – {self.year}"

    @property
    def span_text(self) -> str:
        """'15-02-2021 – 21-02-2021'."""
        return f"{fmt(self.monday)} – {fmt(self.monday + timedelta(days=6))}"


def group_by_week(items: Iterable[CaseDeadline]) -> list[WeekGroup]:
    """Items grouped by the ISO week of their practical date, weeks in order.

    The practical date is the day to act, as in the month grid and the .ics: a deadline due on
    Easter Monday 05-04-2021 must be met on Wednesday 31-03-2021, so it belongs to week 13, not 14.
    """
    weeks: dict[tuple[int, int], list[CaseDeadline]] = {}
    for item in sorted(items, key=_order):
        iso = item.deadline.practical_due.isocalendar()
        weeks.setdefault((iso.year, iso.week), []).append(item)
    return [
        WeekGroup(year, week, date.fromisocalendar(year, week, 1), tuple(found))
        for (year, week), found in sorted(weeks.items())
    ]


@dataclass(frozen=True)
class DayCell:
    day: date
    items: tuple[CaseDeadline, ...] = ()
    in_period: bool = True  # False: a day of the month before the period's start or after its end


@dataclass(frozen=True)
class MonthGrid:
    """One month as rows of ISO weeks, Monday to Sunday; days of other months are None."""

    year: int
    month: int
    weeks: tuple[tuple[int, tuple[DayCell | None, ...]], ...]  # (ISO week number, 7 cells)
    count: int = 0

    @property
    def title(self) -> str:
        """'Februar 2021'."""
        return f"{MONTHS_DA[self.month - 1].capitalize()} {self.year}"


def month_grids(selection: CalendarSelection) -> list[MonthGrid]:
    """A grid per month from the period's start to its end (or its last deadline's day); the
    month's days outside the period are marked (in_period), so none reads as a day without deadlines.

    A deadline stands on its practical date, the day the caseworker must act; a legal date on a
    Sunday or holiday is said in the entry's text (ui/printing/layouts._grid_entry).
    """
    by_day: dict[date, list[CaseDeadline]] = {}
    for item in selection.items:
        by_day.setdefault(item.deadline.practical_due, []).append(item)
    # A deadline in the period stands on its practical date, which may come before the period's
    # first day (Easter Monday 05-04-2021: in practice Wednesday 31-03): its month is printed too.
    first, last = min([selection.start, *by_day]), max([selection.end, *by_day])
    grids: list[MonthGrid] = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        rows: list[tuple[int, tuple[DayCell | None, ...]]] = []
        count = 0
        for week in calendar.Calendar(firstweekday=0).monthdatescalendar(year, month):
            cells: list[DayCell | None] = []
            for day in week:
                if day.month != month:
                    cells.append(None)
                    continue
                found = tuple(by_day.get(day, ()))
                count += len(found)
                # a day with a deadline of the period is the period's, whichever side of it it lies
                cells.append(DayCell(day, found, selection.start <= day <= selection.end or bool(found)))
            rows.append((week[0].isocalendar().week, tuple(cells)))
        grids.append(MonthGrid(year, month, tuple(rows), count))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return grids


@dataclass(frozen=True)
class PlanEntry:
    """One deadline of a plan; an expected one assumes the previous is met on its practical date,
    or, when that date has passed, on the day the plan is made (late).

    A rule met by more than one event (T07: the plan adjusted, or not) can give different next
    dates; an expected entry is the earliest of them, so a plan never promises a later date than
    the law may require. `event` is the event it assumes; `later_if` the other events that would
    meet the earlier deadline too, each with the later date it would give.
    """

    deadline: Deadline
    expected: bool = False
    assumes: date | None = None  # the day the earlier deadline is assumed met on
    late: bool = False  # the earlier deadline was overdue: assumed met on the plan's day (assumes)
    # The event kind assumed on that day (core.terms.EVENT_NAMES), when the choice matters: None
    # when the rule has one event, or when each of its events gives the same date.
    event: str | None = None
    later_if: tuple[tuple[str, date], ...] = ()  # (event kind, legal date it would give instead)


@dataclass(frozen=True)
class CasePlan:
    case: CaseRecord
    trial: Trial
    made_on: date
    entries: tuple[PlanEntry, ...] = field(default=())


def case_plan(
    case: CaseRecord,
    trial: Trial,
    today: date,
    *,
    expected_per_rule: int = 2,
    until: date | None = None,
    warning_days: int = DEFAULT_WARNING_DAYS,
) -> CasePlan:
    """A citizen's coming deadlines and, for recurring rules, the next ones if met in time.

    The one plan the print, the PDF, the print dialog and the `plan` command show. Where the
    rule's events lead to different next dates, the earliest is shown (PlanEntry).
    """
    warn = warning_days
    current = compute_deadlines(trial, case.dates, case.events, today, warning_days=warn)
    entries = [PlanEntry(d) for d in current]
    specs = {(s.kind, s.label): s for s in trial.rules}
    for deadline in current:
        spec = specs.get((deadline.kind, deadline.rule_label))
        if spec is None or deadline.kind not in RECURRING_KINDS or not spec.events:
            continue
        key = (deadline.kind, deadline.rule_label)
        kinds = _meeting_kinds(spec)
        events = list(case.events)
        previous = deadline
        for _ in range(expected_per_rule):
            # Assume the duty is done on the last day it can be done in practice; a day already
            # passed cannot be, so an overdue duty is assumed done today (never an expected date
            # in the past, counted from a day nobody met).
            late = previous.status == OVERDUE  # said so in print; a weekend's practical day passed is not
            as_of = today if previous.practical_due < today else previous.practical_due
            options: list[tuple[Deadline, str]] = []
            for kind in kinds:
                nxt = _following(trial, case, [*events, Event(as_of, kind)], as_of, today, key, warn)
                # An event that leaves the deadline where it was does not meet it (T07 after the
                # trial's end: only adjusting the plan does); one more talk that still leaves a
                # count of talks short gives no date to promise (due before the day it is held).
                if nxt is not None and nxt.legal_due > previous.legal_due and nxt.legal_due >= as_of:
                    options.append((nxt, kind))
            if not options:
                break
            # The earliest: the caseworker's choice on the day decides which comes; a plan handed
            # to the citizen must not promise the later one. Ties keep the rule's first event.
            nxt, kind = min(options, key=lambda option: option[0].legal_due)
            if until is not None and nxt.legal_due > until:
                break
            later = tuple((k, d.legal_due) for d, k in options if d.legal_due > nxt.legal_due)
            # Named only when the choice matters: another event gives a later date or does not meet it.
            named = kind if len(options) < len(kinds) or later else None
            entries.append(PlanEntry(nxt, expected=True, assumes=as_of, late=late, event=named, later_if=later))
            events.append(Event(as_of, kind))
            previous = nxt
    entries.sort(key=lambda e: (e.deadline.legal_due, e.deadline.kind))
    return CasePlan(case, trial, today, tuple(entries))


def _meeting_kinds(spec: RuleSpec) -> tuple[str, ...]:
    """The event kinds that can meet the rule's deadline: the trial rule's, then any the ordinary
    rule (or a municipality's version of it) adds, for the deadlines it governs after the end."""
    kinds = list(spec.events)
    for rule in (spec.ordinary, *spec.ordinary_changes):
        if rule is not None:
            kinds += [k for k in rule.events if k not in kinds]
    return tuple(kinds)


def _following(
    trial: Trial,
    case: CaseRecord,
    events: list[Event],
    as_of: date,
    today: date,
    key: tuple[str, str],
    warn: int,
) -> Deadline | None:
    """The rule's deadline computed as on the assumed day (the engine ignores events after its
    'today'), with the status then given as seen from the real today."""
    for d in compute_deadlines(trial, case.dates, events, as_of, warning_days=warn):
        if (d.kind, d.rule_label) == key:
            return d._replace(status=status_of(d.legal_due, d.practical_due, today, warn))
    return None
