"""What an evaluation report may cover: the period checked, and the trials chosen or found."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date

from .cases import CaseRecord
from .catalog import Trial
from .evaluation_figures import NOT_COUNTABLE, EvaluationError, Period
from .workdays import fmt


def check_period(start: date | None, end: date | None, today: date) -> Period:
    """The period, or EvaluationError: missing, empty (ends before it starts) or in the future."""
    if start is None or end is None:
        raise EvaluationError("Angiv periodens første og sidste dag (fra og til).")
    if end < start:
        raise EvaluationError(f"Perioden er tom: den slutter {fmt(end)}, før den begynder {fmt(start)}.")
    if end > today:
        raise EvaluationError(
            f"Perioden slutter {fmt(end)}, efter i dag ({fmt(today)}): evalueringen kan kun tælle "
            "det, der er sket. Vælg en slutdato til og med i dag."
        )
    return Period(start, end)


def countable(trial: Trial) -> bool:
    return bool(trial.rules)


def select_trials(
    catalog: Mapping[str, Trial],
    cases: Iterable[CaseRecord],
    period: Period,
    wanted: Sequence[str] | None,
) -> list[Trial]:
    """The trials to report on. Named ones are checked; without names, every trial with rules,
    cases and a trial period that overlaps the report's period. EvaluationError when none."""
    if wanted:
        chosen: list[Trial] = []
        for raw in wanted:
            trial_id = raw.strip().upper()
            trial = catalog.get(trial_id)
            if trial is None:
                raise EvaluationError(f"Ukendt forsøg '{raw}' (kendte: {', '.join(catalog)}).")
            if not countable(trial):
                raise EvaluationError(
                    f"Forsøg {trial.id} har ingen fristregler i forsøgskataloget, så programmet "
                    "kan ikke tælle opfølgninger eller frister for det: tallene "
                    f"{NOT_COUNTABLE}. Vælg et forsøg med regler (fx T07, T08 eller T09)."
                )
            problem = outside_trial(trial, period)
            if problem:
                raise EvaluationError(problem)
            if trial not in chosen:
                chosen.append(trial)
        return chosen
    used = {c.trial_id for c in cases}
    chosen = [t for t in catalog.values() if t.id in used and countable(t) and not outside_trial(t, period)]
    if not chosen:
        raise EvaluationError(
            f"Ingen sager i et forsøg med fristregler, hvis forsøgsperiode ligger i perioden "
            f"{period.text}. Vælg en anden periode eller et forsøg med --trial."
        )
    return chosen


def outside_trial(trial: Trial, period: Period) -> str:
    """Why the period lies wholly before or after the trial ('' when they overlap)."""
    first, last = trial.period.start, trial.period.effective_end
    if period.end < first:
        return (
            f"Perioden {period.text} ligger før forsøg {trial.id} begyndte ({fmt(first)}). "
            "Vælg en periode i forsøgsperioden."
        )
    if period.start > last:
        return (
            f"Perioden {period.text} ligger efter forsøg {trial.id} sluttede ({fmt(last)}); "
            "derefter gælder den almindelige regel. Vælg en periode i forsøgsperioden, eller "
            "indtast kommunens forlængelse under Forsøg."
        )
    return ""
