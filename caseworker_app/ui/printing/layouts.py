"""HTML for the printed pages (Qt rich text, QTextDocument): week list, month grid, citizen plan.

Only layout lives here; which deadlines are shown and how they are grouped comes from
core.calendar_selection. Overdue deadlines are bold and carry the word OVERSKREDET, so they show on a
black-and-white printer and to a colour-blind reader; no CPR number is ever put on a page.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from html import escape

from ...core.calendar_selection import CalendarSelection, CasePlan, PlanEntry, group_by_week, month_grids
from ...core.cases import NO_CASEWORKER, CaseDeadline, CaseProblem, caseworker_text
from ...core.deadline import OVERDUE, OVERDUE_MARK, STATUS_DA, Deadline, day_off_text, due_text, ordinary_beside_text
from ...core.redact import redact_cpr
from ...core.terms import EVENT_NAMES
from ...core.workdays import WEEKDAYS_DA, fmt
from ...core.workdays import fmt_weekday as _fmt_weekday

CALENDAR_TITLE = "Opfølgningskalender"
PLAN_TITLE_FILE = "Opfølgningsplan"
PLAN_TITLE_CITIZEN = "Din opfølgningsplan"
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


def _meta_table(rows: Iterable[tuple[str, str]]) -> str:
    cells = "".join(f"<tr><td>{escape(k)}</td><td><b>{text(v)}</b></td></tr>" for k, v in rows if v)
    return f'<table class="meta" cellspacing="0" cellpadding="1">{cells}</table>'


def fmt_weekday(day: date) -> str:
    """'fre&nbsp;26-02-2021': weekday and date kept on one line."""
    return _fmt_weekday(day).replace(" ", "&nbsp;")


def _is_overdue(d: Deadline) -> bool:
    return d.status == OVERDUE


def _due_cell(d: Deadline) -> str:
    """The legal date with its weekday, or that no date has been agreed (deadline.due_text)."""
    return text(due_text(d)) if d.undated else fmt_weekday(d.legal_due)


def _extra_lines(d: Deadline) -> list[str]:
    """The trial rule's own date and the caution, when there are any, to put under the reason."""
    return [text(line) for line in d.remarks]


def _practical_cell(d: Deadline) -> str:
    if d.undated:
        return ""  # deadline.practical_text: no date, so no practical date either
    if d.practical_due == d.legal_due:
        return '<span class="muted">samme dag</span>'
    return f'{fmt_weekday(d.practical_due)}<br><span class="muted">({text(day_off_text(d))})</span>'


def _overview_line(selection: CalendarSelection) -> str:
    line = selection.count_text  # the print dialog's summary says the same
    if selection.left_out_text:  # chosen away in the print dialog: the page says how many are missing
        line += f" <b>{selection.left_out_text}</b>"
    return (
        f"<p>{line} Overskredne frister står med fed skrift og mærket {OVERDUE_MARK}. "
        "Senest i praksis er sidste arbejdsdag på eller før fristen.</p>"
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
    return f"<h1>{CALENDAR_TITLE}</h1>{_meta_table(rows)}{_overview_line(selection)}"


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
    overdue = _is_overdue(d)
    shade = f' bgcolor="{OVERDUE_SHADE}"' if overdue else ""
    b, end_b = ("<b>", "</b>") if overdue else ("", "")
    mark = f"<br><span class=mark>{OVERDUE_MARK}</span>" if overdue else ""
    what = f"{b}{text(d.label)}{' – ' + OVERDUE_MARK if overdue else ''}{end_b}"
    return (
        f"<tr{shade}>"
        f'<td rowspan="2">{b}{_due_cell(d)}{end_b}{mark}</td>'
        f"<td{_TOP}>{b}{_practical_cell(d)}{end_b}</td>"
        f"<td{_TOP}><b>{text(case.citizen)}</b><br>{b}{text(case.case_ref)}{end_b}</td>"
        f"<td{_TOP}>{b}{text(case.trial_id)}{end_b}</td>"
        f"<td{_TOP}>{what}</td></tr>"
        f"<tr{shade}>"
        f'<td colspan="4" class=detail{_BOTTOM}>Hvorfor: {text(d.reason)}<br>'
        f"{''.join(line + '<br>' for line in _extra_lines(d))}"
        f"Henvisning: {text(d.citation)}</td></tr>"
    )


def _list_table(items: Iterable[CaseDeadline]) -> str:
    return _LIST_HEAD + "".join(_list_row(i) for i in items) + "</table>"


def _compact_row(item: CaseDeadline) -> str:
    d, case = item.deadline, item.case
    return (
        f'<tr bgcolor="{OVERDUE_SHADE}"><td><b>{_due_cell(d)}</b></td>'
        f"<td><b>{_practical_cell(d)}</b></td>"
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
    return _page(parts)


def _grid_entry(item: CaseDeadline) -> str:
    d = item.deadline
    who = f"{text(item.case.citizen)} ({text(item.case.trial_id)})"
    line = f"{who}<br>{text(d.label)}"
    if d.practical_due != d.legal_due:  # the entry stands on the practical date (month_grids)
        line += f"<br><span class=muted>{text(day_off_text(d))}</span>"
    if _is_overdue(d):
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
    return _page(parts)


def plan_html(plan: CasePlan, header: PrintHeader, *, for_citizen: bool = False) -> str:
    """One case's coming deadlines with their reasons, for the file or for the citizen."""
    if for_citizen:
        return _citizen_plan_html(plan, header)
    case, trial = plan.case, plan.trial
    rows = [
        ("Borger:", case.citizen),
        ("Sag (FASIT):", case.case_ref),
        ("Forsøg:", f"{trial.id} – {trial.title}"),
        ("Sagsbehandler:", caseworker_text(case)),  # the case's, or that it has none: not the printer's
        ("Kommune:", header.municipality),
        ("Beregnet pr.:", fmt(plan.made_on)),
        ("Udskrevet:", fmt(header.printed_on) if header.printed_on else ""),
        ("Udskrevet af:", header.caseworker),
    ]
    parts = [f"<h1>{PLAN_TITLE_FILE}</h1>", _meta_table(rows)]
    parts.append(
        "<p>Fristerne er beregnet efter sagens datoer og hændelser. Forventede frister "
        "forudsætter, at den forrige frist overholdes senest i praksis, eller i dag, hvis den "
        "forrige er overskredet; de ændrer sig, når en opfølgning "
        f"registreres. Overskredne frister står med fed skrift og mærket {OVERDUE_MARK}."
        + (
            " Kan den forrige frist overholdes på flere måder, der giver forskellige frister, står den "
            "tidligste, og de senere er nævnt ved den."
            if any(e.later_if for e in plan.entries)
            else ""
        )
        + "</p>"
    )
    parts.append(
        '<table class="list" width="100%" border="1" cellspacing="0" cellpadding="4">'
        '<thead><tr><th width="18%">Frist</th><th width="18%">Senest i praksis</th>'
        '<th width="64%">Hvad og hvorfor</th></tr></thead>'
    )
    for entry in plan.entries:
        d = entry.deadline
        overdue = _is_overdue(d) and not entry.expected
        status = OVERDUE_MARK if overdue else STATUS_DA.get(d.status, "")
        if entry.expected and entry.late:
            status = f"forventet, hvis den overskredne frist indhentes i dag {fmt(entry.assumes)}"
        elif entry.expected:
            status = f"forventet, hvis den forrige frist overholdes {fmt(entry.assumes)}"
        if entry.expected:
            status += _choice_text(entry)
        details = [f"Hvorfor: {text(d.reason)}", *_extra_lines(d), text(d.rule)]
        if beside := ordinary_beside_text(d):
            details.append(f"Almindelig regel ville give: {text(beside)}")
        details.append(f"Henvisning: {text(d.citation)}")
        parts.append(
            f"<tr{f' bgcolor={OVERDUE_SHADE!r}' if overdue else ''}>"
            f"<td><b>{_due_cell(d)}</b>"
            f"{'<br><span class=mark>' + OVERDUE_MARK + '</span>' if overdue else ''}</td>"
            f"<td>{_practical_cell(d)}</td>"
            f"<td><b>{text(d.label)}</b> <span class=muted>({text(status)})</span><br>"
            f"<span class=detail>{'<br>'.join(details)}</span></td></tr>"
        )
    parts.append("</table>")
    if not plan.entries:
        parts.append("<p><b>Sagen har ingen kommende frister.</b></p>")
    return _page(parts)


def _choice_text(entry: PlanEntry) -> str:
    """' med indsatsplan ikke justeret; med indsatsplan justeret bliver fristen 03-05-2022': the
    event an expected deadline assumes, when the rule's events give different dates ('' if not)."""
    if entry.event is None:
        return ""
    text = f" med {EVENT_NAMES.get(entry.event, entry.event)}"
    for kind, due in entry.later_if:
        text += f"; med {EVENT_NAMES.get(kind, kind)} bliver fristen {fmt(due)}"
    return text


def _citizen_plan_html(plan: CasePlan, header: PrintHeader) -> str:
    """The plan in plain Danish for the citizen: when, and what happens; no rules or references.

    A missed date is the municipality's, not the citizen's: it says we will be in touch. A step is
    "følge op", never "samtale": a T07 step is a decision on the plan, not a talk.
    """
    case = plan.case
    caseworker = caseworker_text(case)
    has_caseworker = caseworker != NO_CASEWORKER  # else no name: the citizen is told to contact the municipality
    rows = [
        ("Til:", case.citizen),
        ("Din sagsbehandler:", caseworker if has_caseworker else ""),
        ("Kommune:", header.municipality),
        ("Udskrevet:", fmt(header.printed_on) if header.printed_on else fmt(plan.made_on)),
    ]
    parts = [f"<h1>{PLAN_TITLE_CITIZEN}</h1>", _meta_table(rows)]
    parts.append(
        "<p>Her kan du se, hvornår kommunen senest følger op på din sag. Datoerne kan flytte sig, "
        "når vi har fulgt op på din sag. Har du spørgsmål, så kontakt "
        f"{'din sagsbehandler' if has_caseworker else 'kommunen'}.</p>"
    )
    parts.append(
        '<table class="list" width="100%" border="1" cellspacing="0" cellpadding="4">'
        '<thead><tr><th width="28%">Hvornår</th><th width="72%">Hvad sker der</th></tr></thead>'
    )
    for entry in plan.entries:
        d = entry.deadline
        if d.undated or (_is_overdue(d) and not entry.expected):
            when = "Hurtigst muligt"
            what = f"{text(d.label)}: vi kontakter dig hurtigst muligt for at aftale tidspunktet."
        else:
            when = f"Senest {_fmt_weekday(d.practical_due)}"
            what = text(d.label)
            # The earliest date the rule's events may give (core.calendar_selection.PlanEntry):
            # the citizen is told it may come later, never promised the later one.
            may_be_later = ", og alt efter hvad vi beslutter dér, kan den blive senere" if entry.later_if else ""
            if entry.expected and entry.late:
                what += f" (hvis vi følger op på din sag {fmt(entry.assumes)}; ellers flytter datoen sig{may_be_later})"
            elif entry.expected and entry.later_if:
                what += " (hvis vi følger op som planlagt ovenfor; alt efter hvad vi beslutter dér, kan datoen "
                what += "blive senere)"
            elif entry.expected:
                what += " (hvis vi følger op som planlagt ovenfor)"
        parts.append(f"<tr><td><b>{when}</b></td><td>{what}</td></tr>")
    parts.append("</table>")
    if not plan.entries:
        parts.append("<p><b>Der er ingen planlagte opfølgninger på din sag lige nu.</b></p>")
    return _page(parts)


def _page(parts: list[str]) -> str:
    return "<html><body>" + "".join(parts) + "</body></html>"
