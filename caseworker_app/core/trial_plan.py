"""What the engine needs of a trial that is the same for every case, worked out once per trial:
each rule's texts and forms, the dates defaulted from others, whether the case's dates decide a
condition (core/schedule.py deadlines_on reads it for every case of a list of many thousands)."""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from .catalog import RuleSpec, Trial, reform_caution
from .date_defaults import date_defaults
from .schedule_text import rule_text


class RulePlan(NamedTuple):
    """What _deadline needs of one rule that is the same for every case: worked out once per trial."""

    spec: RuleSpec
    start: date  # the trial's first day
    outside_forms: tuple[str, ...]  # the ordinary rule's forms, when it counts some only (OutsideTerm)
    term_wanted: bool  # whether a talk held under the trial counts for the ordinary rule as the trial says
    trial_rule: str  # the rule's text as each governing says it
    none_rule: str
    plain_rule: str  # the ordinary rule's (spec.ordinary), its citation and its reform caution
    plain_caution: str  # said when the deadline falls after plain.checked_until and in the reform's time


class TrialPlan(NamedTuple):
    """What the engine needs of a trial that is the same for every case (plan_of)."""

    trial: Trial
    rules: tuple[RulePlan, ...]  # one per rule, in the trial's order
    defaults: tuple[tuple[str, str], ...]  # each date defaulted from another: (name, source)
    conditions: bool  # conditions the case's dates decide (T09: ledighed under 18 months)


# id(trial) -> its plan, which holds the trial, so its id stays its own. Bounded: cleared when
# full (a catalog has a few dozen trials).
_PLANS: dict[int, TrialPlan] = {}


def plan_of(trial: Trial) -> TrialPlan:
    """The trial's rules worked out once for every case: texts, forms, defaults (deadlines_on)."""
    plan = _PLANS.get(id(trial))
    if plan is None or plan.trial is not trial:
        if len(_PLANS) >= 256:
            _PLANS.clear()
        plan = _PLANS[id(trial)] = TrialPlan(
            trial,
            tuple(_rule_plan(trial, spec) for spec in trial.rules),
            date_defaults(trial),
            any(c.computable or c.duration for c in trial.note_conditions),
        )
    return plan


def _rule_plan(trial: Trial, spec: RuleSpec) -> RulePlan:
    plain = spec.ordinary
    return RulePlan(
        spec,
        trial.period.start,
        plain.forms if plain is not None else (),
        bool(spec.ordinary_changes or (plain and plain.forms)),
        rule_text("Forsøgsregel: ", spec.text),
        rule_text("Forsøgsreglen gælder ikke her: ", spec.text),
        rule_text("Almindelig regel: ", plain.text) if plain is not None else "",
        # reform_caution's text is the same for every day after checked and in the reform's time
        # (_deadline tests the day; an earlier day is worded by reform_caution itself)
        reform_caution(plain, date.max) if plain is not None else "",
    )
