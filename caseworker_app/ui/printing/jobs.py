"""Print jobs from an open database: the follow-up calendar and a citizen's plan.

The print dialogs and the `calendar` / `plan` commands both build their pages here, so the PDF the
command line writes is the one the window prints.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from ...core.calendar_selection import case_plan
from ...core.cases import CLOSED, uncomputable_cases
from ...core.redact import redact_cpr
from ...services.exporting import ExportError, check_period
from .document import LAYOUT_MONTHS, LAYOUT_WEEKS, PrintJob, calendar_job, plan_job

if TYPE_CHECKING:  # a type only: no import of the store when this module loads
    from ...store.case_store import CaseStore

LAYOUTS = (LAYOUT_WEEKS, LAYOUT_MONTHS)
# As the calendar's section on the cases that cannot be computed advises.
PLAN_FIX = "ret sagen i sagsvinduet, eller bed IT kontrollere forsøgskataloget og databasen."


def calendar_print_job(
    store: CaseStore,
    today: date,
    *,
    start: date,
    end: date,
    trial: str | None = None,
    caseworker: str | None = None,
    only_overdue: bool = False,
    include_overdue_before: bool = True,
    layout: str = LAYOUT_WEEKS,
) -> PrintJob:
    """The follow-up calendar of the database's deadlines on today, for a period and filter."""
    check_period(start, end)
    if layout not in LAYOUTS:
        raise ExportError(f"Ukendt udskriftsform '{layout}' (brug '{LAYOUT_WEEKS}' eller '{LAYOUT_MONTHS}').")
    if trial and trial.strip():
        known = store.catalog()
        if trial.strip().upper() not in known:
            raise ExportError(f"Ukendt forsøg '{trial}' (kendte: {', '.join(known)}).")
    settings = store.settings()
    return calendar_job(
        store.deadlines(today),
        start=start,
        end=end,
        trial=trial,
        caseworker=caseworker,
        only_overdue=only_overdue,
        include_overdue_before=include_overdue_before,
        layout=layout,
        user=settings.caseworker_name,
        municipality=settings.municipality,
        printed_on=today,
        problems=store.uncomputable(),
    )


def plan_print_job(store: CaseStore, case_id: int, today: date, *, for_citizen: bool = False) -> PrintJob:
    """One case's plan of coming deadlines (CaseNotFoundError if it is gone).

    ExportError for a closed case, and for a case whose deadlines cannot be computed: a plan
    without them would tell the citizen there is nothing coming.
    """
    case = store.get_case(case_id)
    if case.status == CLOSED:
        raise ExportError(
            redact_cpr(f"Sagen for {case.citizen} ({case.case_ref}) er afsluttet og har ingen kommende ") + "frister."
        )
    catalog = store.catalog()
    # By FASIT number, with the reason the calendar and `deadlines` give (a missing trial too).
    if problems := uncomputable_cases([case], catalog):
        raise ExportError(f"{problems[0].line}. Planen udskrives ikke: {PLAN_FIX}")
    trial = catalog[case.trial_id]  # there: a trial missing from the catalog is a problem above
    settings = store.settings()
    plan = case_plan(case, trial, today, warning_days=settings.warning_days)
    return plan_job(
        plan,
        for_citizen=for_citizen,
        user=settings.caseworker_name,
        municipality=settings.municipality,
        printed_on=today,
    )
