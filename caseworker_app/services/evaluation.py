"""The evaluation report as the window, the PDF, the spreadsheet and `report` show it (no Qt).

build_evaluation reads an open database and counts (core.evaluation); report_rows turns a report -
one caseworker's or a coordinator's merge - into the rows every output shows (each trial's rows:
evaluation_rows.py); the counts files a coordinator merges are written and read here too.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from .. import __version__
from ..core.catalog import Trial
from ..core.collation import sorted_names
from ..core.evaluation import evaluate, mark_not_countable
from ..core.evaluation_figures import (
    CASE_FIGURES,
    NOT_COUNTABLE,
    Evaluation,
    EvaluationError,
    Period,
)
from ..core.evaluation_merge import (
    CountsFile,
    MergeError,
    counts_json,
    database_fingerprint,
    merge,
    read_counts,
    source_fingerprint,
    to_counts,
)
from ..core.evaluation_scope import check_period, select_trials
from ..core.os_text import reason_text
from ..core.text import and_list, name_key
from .evaluation_rows import Row, trial_rows

if TYPE_CHECKING:  # a type only: no import of the store when this module loads
    from ..core.cases import CaseRecord
    from ..store.case_store import CaseStore


def build_evaluation(
    store: CaseStore,
    *,
    start: date | None,
    end: date | None,
    today: date,
    trials: Sequence[str] | None = None,
    caseworker: str | None = None,
    minutes: int | None = None,
) -> Evaluation:
    """The report over the database's cases (caseworker None or '': every caseworker's, and those
    without a caseworker). A caseworker's report counts exactly that caseworker's cases (unlike the
    lists' core.selection.belongs_to): a case without a caseworker would otherwise count once in each
    caseworker's file of a merge. Each trial's `unassigned` says how many were left out."""
    from ..store.evaluation_queries import date_histories, journal_notes, load_report_settings

    period = check_period(start, end, today)
    cases = everyone = store.list_cases(include_closed=True)
    who = (caseworker or "").strip()
    unassigned: list[CaseRecord] = []
    if who:
        known = sorted_names({c.caseworker for c in cases if c.caseworker})
        mine = [c for c in cases if name_key(c.caseworker) == name_key(who)]
        if not mine:
            raise EvaluationError(
                f"Ingen sager har sagsbehandleren '{who}' (i databasen: "
                f"{', '.join(known) or 'ingen navne'}). Brug --all for alle sager."
            )
        cases = mine
        # Not in a caseworker's figures (they would count once per caseworker in a merge): only in the
        # report for every caseworker; the caseworker's report says how many, also for a trial where
        # the caseworker has no case.
        unassigned = [c for c in everyone if not c.caseworker.strip()]
    if minutes is None:
        minutes = load_report_settings(store).minutes
    check_minutes(minutes)
    catalog = store.catalog()
    # The dates a caseworker agrees move at every talk: the earlier ones are in the history.
    agreed = {r.anchor for t in catalog.values() for r in t.rules if r.kind == "caseworker_set"}
    if unassigned and not trials:
        trials = [t.id for t in select_trials(catalog, [*cases, *unassigned], period, None)]
    notes = journal_notes(store)
    histories = date_histories(store, sorted(agreed))
    evaluation = evaluate(
        cases,
        notes,
        catalog,
        period,
        today,
        trials=trials,
        caseworker=who,
        municipality=store.settings().municipality,
        minutes=minutes,
        histories=histories,
    )
    evaluation.left_out_trials = _left_out_trials(
        catalog,
        [*cases, *unassigned],
        evaluation,
        lambda some, trials: evaluate(some, notes, catalog, period, today, trials=trials, histories=histories),
    )
    if unassigned:
        chosen = [f.trial_id for f in evaluation.trials]
        left_out = evaluate(unassigned, notes, catalog, period, today, trials=chosen, histories=histories)
        for mine_f, other in zip(evaluation.trials, left_out.trials, strict=True):
            # Every case a report for every caseworker would name: in the trial, not computable, or
            # outside the trial's condition (each case lands in exactly one of them).
            for key in CASE_FIGURES:
                mine_f.unassigned += other.value(key)
                mine_f.cases.setdefault("unassigned", []).extend(other.cases.get(key, ()))
    if who and evaluation.trials and len(without_cases(evaluation)) == len(evaluation.trials):
        # Nothing to report (every trial would be left out): said as an empty period is, not written.
        raise EvaluationError(
            f"{who} har ingen sager i perioden {period.text} i de valgte forsøg ({no_cases_text(evaluation)}). "
            "Vælg en anden periode eller andre forsøg, eller lav rapporten for alle sagsbehandlere."
        )
    return evaluation


def unassigned_total(evaluation: Evaluation) -> int:
    """Cases without a caseworker left out of a caseworker's (or merged caseworkers') figures."""
    return sum(f.unassigned for f in evaluation.trials)


def unassigned_text(evaluation: Evaluation) -> str:
    """What every output says beside whose cases they are about cases without a caseworker: how many
    were left out and where they are counted ('' for a report for every caseworker: it counts them)."""
    if not evaluation.caseworker and not evaluation.merged_from:
        return ""
    n = unassigned_total(evaluation)
    if evaluation.merged_from:
        if not n:
            return "ingen mangler: filerne nævner ingen sager uden sagsbehandler i perioden."
        return (
            f"{_cases_text(n)} uden sagsbehandler i perioden er ikke med i tallene (ikke med i nogen af "
            "filerne): de tælles kun i en fil for alle sagsbehandlere. Lav én fil for alle sagsbehandlere "
            "pr. database i stedet for én pr. sagsbehandler."
        )
    if not n:
        return "ingen i perioden."
    return (
        f"{_cases_text(n)} uden sagsbehandler i perioden er ikke med i tallene: de tælles kun i rapporten "
        "for alle sagsbehandlere."
    )


def without_cases(evaluation: Evaluation) -> list[str]:
    """The trials a caseworker's own report has none of the caseworker's cases in (no case behind any
    figure): left out of its figures, named on one line (no_cases_text). A report for every
    caseworker or a coordinator's merge keeps every trial: the evaluation asks for each of them."""
    if not evaluation.caseworker or evaluation.merged_from:
        return []
    return [
        f.trial_id for f in evaluation.trials if not any(refs for key, refs in f.cases.items() if key != "unassigned")
    ]


def no_cases_text(evaluation: Evaluation) -> str:
    """'T06' or 'T04, T06 og T07' (without_cases); '' when every trial has cases or all are kept."""
    return and_list(without_cases(evaluation))


def _cases_text(n: int) -> str:
    return "1 sag" if n == 1 else f"{n} sager"


def check_minutes(minutes: int) -> None:
    if not 1 <= minutes <= 24 * 60:
        raise EvaluationError(f"Minutter pr. opfølgning skal være mellem 1 og {24 * 60} (ikke {minutes}).")


def whose_text(evaluation: Evaluation) -> str:
    """Whose cases: the caseworker, 'alle sagsbehandlere', or what a merge's files are (merged_text)."""
    if evaluation.merged_from:
        return merged_text(evaluation.merged_files)
    return evaluation.caseworker or "alle sagsbehandlere"


def merged_text(files: Sequence[tuple[str, bool]]) -> str:
    """What a merge sums, as far as the files tell (they hold no names): caseworkers' files of one
    database are as many caseworkers (the same one twice is refused); across databases a caseworker
    may have a file in each, and a file for every caseworker is no one caseworker's."""
    databases = len({database for database, _ in files})
    everyone = sum(1 for _, all_cases in files if all_cases)
    single = len(files) - everyone
    if databases == 1 and not everyone:
        return f"{single} sagsbehandleres tal lagt sammen"
    parts = [f"{everyone} for alle sagsbehandlere"] if everyone else []
    if single:
        parts.append("1 for én sagsbehandler" if single == 1 else f"{single} for én sagsbehandler hver")
    return f"{len(files)} filer fra {databases} databaser lagt sammen ({and_list(parts)})"


# ---------------------------------------------------------------- rows


def report_rows(evaluation: Evaluation, catalog: Mapping[str, Trial]) -> list[tuple[Trial, list[Row]]]:
    """Every trial of the report with its rows (a merged report's reasons come from the catalog); a
    caseworker's own report leaves out the trials without any of the caseworker's cases (without_cases)."""
    out = []
    empty = set(without_cases(evaluation))
    for f in evaluation.trials:
        if f.trial_id in empty:
            continue
        trial = catalog.get(f.trial_id)
        if trial is None:
            raise EvaluationError(f"Forsøg {f.trial_id} findes ikke i dette programs forsøgskatalog.")
        if evaluation.merged_from:
            keys = set(f.not_countable)
            f.not_countable.clear()
            mark_not_countable(trial, f)
            for key in keys - set(f.not_countable):
                f.not_countable[key] = NOT_COUNTABLE
        out.append((trial, trial_rows(f, trial, evaluation)))
    return out


# ---------------------------------------------------------------- counts files


def counts_content(store: CaseStore, evaluation: Evaluation) -> CountsFile:
    """The evaluation as a coordinator's counts file (no names, CPR or case numbers)."""
    database_id, _ = store.ics_state()
    return to_counts(
        evaluation,
        store.catalog(),
        source=source_fingerprint(database_id, evaluation.caseworker),
        database=database_fingerprint(database_id),
        program_version=__version__,
    )


def _left_out_trials(
    catalog: Mapping[str, Trial],
    cases: Sequence[CaseRecord],
    evaluation: Evaluation,
    count: Callable[[Sequence[CaseRecord], list[str]], Evaluation],
) -> tuple[str, ...]:
    """The trials not chosen that the report's own cases (and those without a caseworker) would
    have figures in for the period: a merge of its counts file refuses a file that has them
    (core/merge_checks.py). count: the evaluation of those cases for those trials, as the report's."""
    chosen = {f.trial_id for f in evaluation.trials}
    try:
        others = [t.id for t in select_trials(catalog, cases, evaluation.period, None) if t.id not in chosen]
    except EvaluationError:  # no trial with cases at all
        return ()
    if not others:
        return ()
    return tuple(sorted(f.trial_id for f in count(cases, others).trials if any(f.counts.values())))


def counts_bytes(store: CaseStore, evaluation: Evaluation) -> bytes:
    return counts_json(counts_content(store, evaluation))


def merge_files(
    paths: Sequence[str | os.PathLike[str]], minutes: int, catalog: Mapping[str, Trial] | None = None
) -> Evaluation:
    """Read, check and sum counts files; MergeError (Danish, names the file) when one is wrong or
    defines a trial otherwise than catalog, the one the report is written with."""
    check_minutes(minutes)
    files: list[tuple[str, CountsFile]] = []
    for path in paths:
        p = Path(path)
        try:
            data = p.read_bytes()
        except FileNotFoundError:
            raise MergeError(f"{p}: filen findes ikke.") from None
        except OSError as exc:
            raise MergeError(f"{p}: filen kan ikke læses ({reason_text(exc)}).") from None
        files.append((p.name, read_counts(data, p.name, __version__)))
    names = [name for name, _ in files]
    if len({os.path.abspath(path) for path in paths}) != len(paths):
        raise MergeError(f"Samme fil er angivet to gange ({', '.join(names)}); intet er lagt sammen.")
    return merge(files, minutes, catalog)


__all__ = [
    "Evaluation",
    "EvaluationError",
    "MergeError",
    "Period",
    "build_evaluation",
    "counts_bytes",
    "merge_files",
    "no_cases_text",
    "report_rows",
    "unassigned_text",
    "whose_text",
]
