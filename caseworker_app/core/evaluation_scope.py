"""What an evaluation report may cover: the period checked, and the trials chosen or found."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date, timedelta

from .cases import CaseRecord
from .catalog import Trial
from .evaluation_figures import NOT_COUNTABLE, EvaluationError, Period
from .text import and_list
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
    cases and a trial period that overlaps the report's period. EvaluationError when none, or when
    a named trial's period lies wholly outside the report's (every such trial named at once)."""
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
            if trial not in chosen:
                chosen.append(trial)
        outside = [t for t in chosen if trial_scope(t, period) is None]
        if len(outside) == 1:
            raise EvaluationError(outside_trial(outside[0], period))
        if outside:
            raise EvaluationError(_outside_several(outside, period))
        return chosen
    used = {c.trial_id for c in cases}
    chosen = [t for t in catalog.values() if t.id in used and countable(t) and trial_scope(t, period) is not None]
    if not chosen:
        raise EvaluationError(
            f"Ingen sager i et forsøg med fristregler, hvis forsøgsperiode ligger i perioden "
            f"{period.text}. Vælg en anden periode eller et forsøg med --trial."
        )
    return chosen


def trial_period(trial: Trial) -> Period:
    """The trial's own period: its start to its end after the latest extension."""
    return Period(trial.period.start, trial.period.effective_end)


def trial_scope(trial: Trial, period: Period) -> Period | None:
    """The part of the report's period that lies inside the trial's period (None: no overlap).

    A trial's figures count only this part: before the trial began and from the day after it
    ended the ordinary rule governs (decision 3), so nothing there is a result of the trial."""
    own = trial_period(trial)
    start, end = max(period.start, own.start), min(period.end, own.end)
    return Period(start, end) if start <= end else None


def scope_note(trial: Trial, period: Period) -> str:
    """Why a trial's figures cover less than the report's period (Danish); '' when they cover it all."""
    scope = trial_scope(trial, period)
    if scope is None:
        return outside_trial(trial, period)
    if scope == period:
        return ""
    own = trial_period(trial)
    parts = [f"Perioden er afgrænset til forsøgets periode {own.text}: tallene gælder {scope.text}."]
    if period.start < own.start:
        parts.append(f"Før {fmt(own.start)} gjaldt forsøget ikke.")
    if period.end > own.end:
        parts.append(
            f"Fra {fmt(own.end + timedelta(days=1))} gælder den almindelige regel; det, der skete derefter, "
            "tælles ikke med her."
        )
    return " ".join(parts)


def default_period(catalog: Mapping[str, Trial], cases: Iterable[CaseRecord], today: date) -> Period:
    """The period the evaluation window opens with: last calendar year, or the last year a trial with
    cases ran, when every such trial had ended before last year (so that Beregn works at once)."""
    year = today.year - 1
    used = {c.trial_id for c in cases}
    ends = [t.period.effective_end for t in catalog.values() if t.id in used and countable(t)]
    if ends and max(ends).year < year:
        year = max(ends).year
    return Period(date(year, 1, 1), date(year, 12, 31))


def outside_trial(trial: Trial, period: Period) -> str:
    """Why the period lies wholly before or after the trial ('' when they overlap)."""
    if trial_scope(trial, period) is not None:
        return ""
    first, last = trial.period.start, trial.period.effective_end
    if period.end < first:
        return (
            f"Perioden {period.text} ligger før forsøg {trial.id} begyndte ({fmt(first)}). "
            "Vælg en periode i forsøgsperioden."
        )
    return (
        f"Perioden {period.text} ligger efter forsøg {trial.id} sluttede ({fmt(last)}); "
        "derefter gælder den almindelige regel. Vælg en periode i forsøgsperioden, eller "
        "indtast kommunens forlængelse under Forsøg."
    )


def _outside_several(trials: Sequence[Trial], period: Period) -> str:
    named = [f"{t.id} ({trial_period(t).text})" for t in trials]
    listed = and_list(named)
    return (
        f"Perioden {period.text} ligger uden for forsøgsperioden for {listed}; uden for et forsøgs "
        "periode gælder den almindelige regel. Vælg en periode i forsøgsperioden, fjern forsøgene, "
        "eller indtast kommunens forlængelse under Forsøg."
    )
