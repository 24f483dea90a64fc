"""HTML for a printed plan (Qt rich text): one case's coming deadlines, for the file or the citizen.

The page's parts (the head's facts, the date cells, the page itself) are layouts.py's, as the
calendar's; which deadlines a plan holds comes from core.calendar_selection.case_plan.
"""

from __future__ import annotations

from ...core.calendar_selection import CasePlan, PlanEntry
from ...core.cases import NO_CASEWORKER, caseworker_text
from ...core.deadline import STATUS_DA, is_period_end, ordinary_beside_text
from ...core.terms import EVENT_NAMES
from ...core.workdays import fmt
from ...core.workdays import fmt_weekday as _fmt_weekday
from .layouts import (
    OVERDUE_MARK,
    OVERDUE_SHADE,
    PrintHeader,
    due_cell,
    extra_lines,
    is_overdue,
    meta_table,
    page_html,
    practical_cell,
    text,
)

PLAN_TITLE_FILE = "Opfølgningsplan"
PLAN_TITLE_CITIZEN = "Din opfølgningsplan"


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
    parts = [f"<h1>{PLAN_TITLE_FILE}</h1>", meta_table(rows)]
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
        overdue = is_overdue(d) and not entry.expected
        status = OVERDUE_MARK if overdue else STATUS_DA.get(d.status, "")
        if entry.expected and entry.late:
            status = f"forventet, hvis den overskredne frist indhentes i dag {fmt(entry.assumes)}"
        elif entry.expected:
            status = f"forventet, hvis den forrige frist overholdes {fmt(entry.assumes)}"
        if entry.expected:
            status += _choice_text(entry)
        details = [f"Hvorfor: {text(d.reason)}", *extra_lines(d), text(d.rule)]
        if beside := ordinary_beside_text(d):
            details.append(f"Almindelig regel ville give: {text(beside)}")
        details.append(f"Henvisning: {text(d.citation)}")
        parts.append(
            f"<tr{f' bgcolor={OVERDUE_SHADE!r}' if overdue else ''}>"
            f"<td><b>{due_cell(d)}</b>"
            f"{'<br><span class=mark>' + OVERDUE_MARK + '</span>' if overdue else ''}</td>"
            f"<td>{practical_cell(d)}</td>"
            f"<td><b>{text(d.label)}</b> <span class=muted>({text(status)})</span><br>"
            f"<span class=detail>{'<br>'.join(details)}</span></td></tr>"
        )
    parts.append("</table>")
    if not plan.entries:
        parts.append("<p><b>Sagen har ingen kommende frister.</b></p>")
    return page_html(parts)


def _choice_text(entry: PlanEntry) -> str:
    """' med indsatsplan ikke justeret; med indsatsplan justeret bliver fristen 03-05-2022': the
    event an expected deadline assumes, when the rule's events give different dates ('' if not)."""
    if entry.event is None:
        return ""
    text = f" med {EVENT_NAMES.get(entry.event, entry.event)}"
    for kind, due in entry.later_if:
        text += f"; med {EVENT_NAMES.get(kind, kind)} bliver fristen {fmt(due)}"
    return text


def _period_end_cells(entry: PlanEntry) -> tuple[str, str]:
    """'Søn 04-07-2021' and 'Praktikken slutter senest denne dag.': a period's last day, said to the
    citizen as the day it ends; once passed, that the period is over (it is not a meeting missed)."""
    d = entry.deadline
    day = _fmt_weekday(d.legal_due)
    what = f"{text(d.label)} denne dag."
    if is_overdue(d):
        what += " Dagen er gået, så perioden er slut."
    return day[0].upper() + day[1:], what


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
    parts = [f"<h1>{PLAN_TITLE_CITIZEN}</h1>", meta_table(rows)]
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
        if is_period_end(d):  # how long a praktik may run: no meeting to offer, no "senest"
            when, what = _period_end_cells(entry)
        elif d.undated or (is_overdue(d) and not entry.expected):
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
    return page_html(parts)
