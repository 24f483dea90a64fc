"""HTML for the printed pages (Qt rich text, QTextDocument): week list, month grid, and the parts a
plan's page shares with them (the plans themselves: plan_layout.py).

Only layout lives here; which deadlines are shown and how they are grouped comes from
core.calendar_selection. Overdue deadlines are bold and carry the word OVERSKREDET, so they show on a
black-and-white printer and to a colour-blind reader; no CPR number is ever put on a page.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from html import escape

from ...core.calendar_selection import CalendarSelection, group_by_week, month_grids
from ...core.cases import CaseDeadline, CaseProblem
from ...core.deadline import (
    NO_PRACTICAL_TEXT,
    OVERDUE,
    OVERDUE_MARK,
    Deadline,
    day_off_text,
    due_text,
    practical_date,
    practical_text,
)
from ...core.redact import redact_cpr
from ...core.workdays import WEEKDAYS_DA, fmt
from ...core.workdays import fmt_weekday as _fmt_weekday

CALENDAR_TITLE = "Opfølgningskalender"
OVERDUE_SHADE = "#e4e4e4"  # a light grey that prints on any printer; never the only sign
PROBLEMS_HEADING = "Sager, der ikke kan beregnes"

STYLE = """
body { font-size: 9pt; }
h1 { font-size: 17pt; font-weight: bold; margin-bottom: 4px; }
h2 { font-size: 11pt; font-weight: bold; margin-top: 14px; margin-bottom: 4px; }
td, th { vertical-align: top; }
th { font-weight: bold; text-align: left; background-color: #e8e8e8; }
table.meta td { padding-right: 14px; }
table.list { border-collapse: collapse; border-style: solid; border-color: #777777; }
td.detail, span.detail { font-size: 8pt; }
span.muted { font-size: 8pt; color: #444444; }
span.sub { font-size: 9pt; font-weight: normal; color: #444444; }
span.mark { font-size: 8pt; font-weight: bold; }
td.other { background-color: #f2f2f2; }
td.day { font-size: 8pt; }
p.note { font-size: 8pt; }
"""


@dataclass(frozen=True)
class PrintHeader:
    """Facts for the head of a printed page: whose list, which municipality, printed when."""

    caseworker: str = ""
    municipality: str = ""
    printed_on: date | None = None


def text(value: str) -> str:
    """Text made safe for the page: HTML-escaped, anything shaped like a CPR number masked."""
    return escape(redact_cpr(value))


def meta_table(rows: Iterable[tuple[str, str]]) -> str:
    cells = "".join(f"<tr><td>{escape(k)}</td><td><b>{text(v)}</b></td></tr>" for k, v in rows if v)
    return f'<table class="meta" cellspacing="0" cellpadding="1">{cells}</table>'


def fmt_weekday(day: date) -> str:
    """'fre&nbsp;26-02-2021': weekday and date kept on one line."""
    return _fmt_weekday(day).replace(" ", "&nbsp;")


def is_overdue(d: Deadline) -> bool:
    return d.status == OVERDUE


def due_cell(d: Deadline) -> str:
    """The legal date with its weekday, or that no date has been agreed (deadline.due_text)."""
    return text(due_text(d)) if d.undated else fmt_weekday(d.legal_due)


def extra_lines(d: Deadline) -> list[str]:
    """The trial rule's own date and the caution, when there are any, to put under the reason."""
    return [text(line) for line in d.remarks]


def practical_cell(d: Deadline) -> str:
    practical = practical_date(d)
    if practical is None:  # no date, or a period's last day: no practical date (practical_text)
        return text(practical_text(d))
    if practical == d.legal_due:
        return '<span class="muted">samme dag</span>'
    return f'{fmt_weekday(practical)}<br><span class="muted">({text(day_off_text(d))})</span>'


def _overview_line(selection: CalendarSelection) -> str:
    line = selection.count_text  # the print dialog's summary says the same
    if selection.left_out_text:  # chosen away in the print dialog: the page says how many are missing
        line += f" <b>{selection.left_out_text}</b>"
    shown = (*selection.items, *selection.overdue_before)
    # A period's last day has no practical date (decision 7): its '–' is explained where it is shown.
    period_end = any(practical_text(i.deadline) == NO_PRACTICAL_TEXT for i in shown)
    return (
        f"<p>{line} Overskredne frister står med fed skrift og mærket {OVERDUE_MARK}. "
        "Senest i praksis er sidste arbejdsdag på eller før fristen"
        + (
            f"; en periodes sidste dag (fx en praktiks) har ingen ({NO_PRACTICAL_TEXT}): perioden må løbe hen "
            "over en weekend eller helligdag"
            if period_end
            else ""
        )
        + ".</p>"
    )


def calendar_head(selection: CalendarSelection, header: PrintHeader) -> str:
    """Title and facts of a calendar: caseworker, municipality, period, filter, print date."""
    rows = [
        # Whose cases: the filter's caseworker, else everyone's (the user is named as printer).
        ("Sagsbehandler:", selection.caseworker or "alle"),
        ("Kommune:", header.municipality),
        ("Periode:", selection.period_text),
        ("Udvalg:", selection.filter_text),
        ("Udskrevet:", fmt(header.printed_on) if header.printed_on else ""),
        ("Udskrevet af:", header.caseworker),
    ]
    return f"<h1>{CALENDAR_TITLE}</h1>{meta_table(rows)}{_overview_line(selection)}"


_LIST_HEAD = (
    '<table class="list" width="100%" border="1" cellspacing="0" cellpadding="3">'
    '<thead><tr><th width="18%">Frist</th><th width="18%">Senest i praksis</th>'
    '<th width="26%">Borger og sag</th><th width="8%">Forsøg</th>'
    '<th width="30%">Hvad</th></tr></thead>'
)

# A deadline is two table rows joined by the date cell (rowspan), so a page never parts them:
# the facts on the first row, why and the citation across the rest of the second.
_TOP = ' style="border-bottom-style: none"'
_BOTTOM = ' style="border-top-style: none"'


def _list_row(item: CaseDeadline) -> str:
    d, case = item.deadline, item.case
    overdue = is_overdue(d)
    shade = f' bgcolor="{OVERDUE_SHADE}"' if overdue else ""
    b, end_b = ("<b>", "</b>") if overdue else ("", "")
    mark = f"<br><span class=mark>{OVERDUE_MARK}</span>" if overdue else ""
    what = f"{b}{text(d.label)}{' – ' + OVERDUE_MARK if overdue else ''}{end_b}"
    return (
        f"<tr{shade}>"
        f'<td rowspan="2">{b}{due_cell(d)}{end_b}{mark}</td>'
        f"<td{_TOP}>{b}{practical_cell(d)}{end_b}</td>"
        f"<td{_TOP}><b>{text(case.citizen)}</b><br>{b}{text(case.case_ref)}{end_b}</td>"
        f"<td{_TOP}>{b}{text(case.trial_id)}{end_b}</td>"
        f"<td{_TOP}>{what}</td></tr>"
        f"<tr{shade}>"
        f'<td colspan="4" class=detail{_BOTTOM}>Hvorfor: {text(d.reason)}<br>'
        f"{''.join(line + '<br>' for line in extra_lines(d))}"
        f"Henvisning: {text(d.citation)}</td></tr>"
    )


def _list_table(items: Iterable[CaseDeadline]) -> str:
    return _LIST_HEAD + "".join(_list_row(i) for i in items) + "</table>"


def _compact_row(item: CaseDeadline) -> str:
    d, case = item.deadline, item.case
    return (
        f'<tr bgcolor="{OVERDUE_SHADE}"><td><b>{due_cell(d)}</b></td>'
        f"<td><b>{practical_cell(d)}</b></td>"
        f"<td><b>{text(case.citizen)}</b> {text(case.case_ref)}</td>"
        f"<td><b>{text(case.trial_id)}</b></td>"
        f"<td><b>{text(d.label)} – {OVERDUE_MARK}</b></td></tr>"
    )


def _compact_table(items: Iterable[CaseDeadline]) -> str:
    """Overdue deadlines a line each, for the month grid's first page."""
    return _LIST_HEAD + "".join(_compact_row(i) for i in items) + "</table>"


def _overdue_before_title(selection: CalendarSelection) -> str:
    count = len(selection.overdue_before)
    if any(i.deadline.undated for i in selection.overdue_before):
        return f"Overskredet før perioden eller uden aftalt dato ({count})"
    return f"Overskredet før perioden ({count})"


def problems_html(problems: Iterable[CaseProblem]) -> str:
    """The section that ends a calendar: each case that cannot be computed, FASIT number, why.

    No citizen name or CPR number: the case number is what to look the case up by.
    """
    problems = list(problems)
    if not problems:
        return ""
    rows = "".join(
        f"<tr><td>{text(p.case.case_ref)}</td><td>{text(p.case.trial_id)}</td><td>{text(p.reason)}</td></tr>"
        for p in problems
    )
    return (
        f"<h2>{PROBLEMS_HEADING} ({len(problems)})</h2>"
        "<p class=note>Fristerne for disse sager er ikke med ovenfor. Ret sagen, eller bed IT "
        "kontrollere forsøgskataloget og databasen.</p>"
        '<table class="list" width="100%" border="1" cellspacing="0" cellpadding="3">'
        '<thead><tr><th width="18%">Sagsnr. (FASIT)</th><th width="8%">Forsøg</th>'
        f'<th width="74%">Hvorfor</th></tr></thead>{rows}</table>'
    )


def week_list_html(selection: CalendarSelection, header: PrintHeader) -> str:
    """The calendar as a list grouped by ISO week ('Uge 7 – 2021'), overdue-before-period first."""
    parts = [calendar_head(selection, header)]
    if selection.overdue_before:
        parts.append(f"<h2>{_overdue_before_title(selection)}</h2>")
        parts.append(_list_table(selection.overdue_before))
    weeks = group_by_week(selection.items)
    for week in weeks:
        parts.append(
            f"<h2>{week.title} <span class=sub>&nbsp; {week.span_text} &nbsp;·&nbsp; "
            f"{len(week.items)} {'frist' if len(week.items) == 1 else 'frister'}</span></h2>"
        )
        parts.append(_list_table(week.items))
    if not weeks and not selection.overdue_before:
        parts.append("<p><b>Ingen frister i perioden med dette udvalg.</b></p>")
    parts.append(problems_html(selection.problems))
    return page_html(parts)


def _grid_entry(item: CaseDeadline) -> str:
    d = item.deadline
    who = f"{text(item.case.citizen)} ({text(item.case.trial_id)})"
    line = f"{who}<br>{text(d.label)}"
    if d.practical_due != d.legal_due:  # the entry stands on the practical date (month_grids)
        line += f"<br><span class=muted>{text(day_off_text(d))}</span>"
    if is_overdue(d):
        return f"<p><b>{OVERDUE_MARK}: {line}</b></p>"
    return f"<p>{line}</p>"


def month_grid_html(selection: CalendarSelection, header: PrintHeader) -> str:
    """The calendar as a table per month, a row per ISO week, each deadline in its day's cell."""
    parts = [calendar_head(selection, header)]
    if selection.overdue_before:
        parts.append(f"<h2>{_overdue_before_title(selection)}</h2>")
        parts.append(_compact_table(selection.overdue_before))
    day_heads = "".join(f'<th width="13.5%">{name.capitalize()}</th>' for name in WEEKDAYS_DA)
    for index, grid in enumerate(month_grids(selection)):
        breaks = ' style="page-break-before: always"' if index or selection.overdue_before else ""
        partial = any(cell is not None and not cell.in_period for _, cells in grid.weeks for cell in cells)
        # Said on the month's own page: a grey day is one the print does not cover, not a free one.
        outside = f" · grå dage ligger uden for perioden {text(selection.period_text)}" if partial else ""
        parts.append(
            f"<h2{breaks}>{grid.title} <span class=sub>&nbsp; {grid.count} "
            f"{'frist' if grid.count == 1 else 'frister'}{outside}</span></h2>"
        )
        rows = []
        for week, cells in grid.weeks:
            tds = [f'<td class=day align="center">{week}</td>']
            for cell in cells:
                if cell is None:
                    tds.append("<td class=other></td>")
                    continue
                entries = "".join(_grid_entry(i) for i in cell.items)
                if cell.in_period:
                    tds.append(f"<td class=day><b>{cell.day.day}</b>{entries}</td>")
                else:  # not a day without deadlines: a day the print does not cover
                    tds.append(f"<td class=other><span class=muted>{cell.day.day}</span>{entries}</td>")
            rows.append(f"<tr>{''.join(tds)}</tr>")
        parts.append(
            '<table class="list" width="100%" border="1" cellspacing="0" cellpadding="3">'
            f'<thead><tr><th width="5.5%">Uge</th>{day_heads}</tr></thead>{"".join(rows)}</table>'
        )
    parts.append(problems_html(selection.problems))
    return page_html(parts)


def page_html(parts: list[str]) -> str:
    return "<html><body>" + "".join(parts) + "</body></html>"
