"""Why a case's deadlines cannot be computed, in Danish (core/cases.py lists such cases)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from .catalog import Trial
from .terms import ACTIVE, CLOSED, DATE_NAMES

if TYPE_CHECKING:
    from .cases import CaseRecord


def needed_dates(trial: Trial) -> tuple[tuple[str, str], ...]:
    """(name, label) of each date the trial requires whose absence leaves a rule without a date.

    A date that only a caseworker_set rule counts from is left out: without it the engine gives
    an undated deadline that asks the caseworker to agree the date ("dato ikke aftalt").
    """
    specs = [spec for rule in trial.rules for spec in (rule, rule.ordinary, *rule.ordinary_changes) if spec is not None]
    counted_from = {spec.anchor for spec in specs if spec.kind != "caseworker_set"}
    agreed_only = {spec.anchor for spec in specs if spec.kind == "caseworker_set"} - counted_from
    return tuple((d.name, d.label) for d in trial.dates if d.required and d.name not in agreed_only)


# A trial's id -> the (name, label) of each date its cases need (needed_dates), made once per trial.
NeededDates = dict[str, tuple[tuple[str, str], ...]]


def damaged_dates(case: CaseRecord) -> tuple[str, ...]:
    """The names of the case's dates stored in a wrong format (store/case_reading.py)."""
    names = case.extra.get("damaged_dates") if case.extra else None
    return names if isinstance(names, tuple) else ()


def damaged_date_text(trial: Trial | None, name: str) -> str:
    """Why a date stored in a wrong format stops the case, in Danish: the date by its label."""
    if name not in DATE_NAMES:  # an unknown name is said as stored, as 'ukendt dato' says it
        return f"datoen '{name}' er gemt i et forkert format"
    label = trial.date_label(name) if trial else DATE_NAMES[name]
    return f"datoen for {label[:1].lower()}{label[1:]} er gemt i et forkert format"


def missing_date_text(label: str) -> str:
    """Why a case without a date its trial needs cannot be computed, in Danish."""
    return f"mangler datoen for {label[:1].lower()}{label[1:]}"


def problem_of(case: CaseRecord, catalog: Mapping[str, Trial], needed: NeededDates) -> str | None:
    """Why the case's deadlines cannot be computed (each fault, joined by '; '), or None.

    None also for a closed case and a case in a trial without rules (nothing to compute).
    """
    if case.status == CLOSED:
        return None
    trial = catalog.get(case.trial_id)
    if trial is not None and not trial.rules:
        return None
    reasons: list[str] = []
    if trial is None:
        reasons.append(f"forsøg {case.trial_id or '(intet)'} findes ikke i forsøgskataloget")
    if case.status != ACTIVE:
        reasons.append(f"ukendt status '{case.status}'")
    reasons += [f"ukendt dato '{name}'" for name in case.dates if name not in DATE_NAMES]
    bad_dates = damaged_dates(case)
    reasons += [damaged_date_text(trial, name) for name in bad_dates]
    damaged = case.extra.get("damaged") if case.extra else None
    if isinstance(damaged, tuple):  # the store's Danish texts, one per damaged event (case_reading)
        reasons += damaged
    if trial is not None and case.status == ACTIVE:
        if trial.id not in needed:
            needed[trial.id] = needed_dates(trial)
        reasons += [
            missing_date_text(label)
            for name, label in needed[trial.id]
            if case.dates.get(name) is None and name not in bad_dates  # a damaged date is named above
        ]
    return "; ".join(reasons) or None
