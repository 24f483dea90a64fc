"""The evaluation report as the window, the PDF, the spreadsheet and `report` show it (no Qt).

build_evaluation reads an open database and counts (core.evaluation); report_rows turns a report -
one caseworker's or a coordinator's merge - into the rows every output shows, in the evaluation
form's order: citizens, activity, follow-ups saved and hours freed, deadlines, success criterion.
Each row keeps the cases behind it (by FASIT case number) for the drill-down and the appendix.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from .. import __version__
from ..core.catalog import Trial
from ..core.collation import sorted_names
from ..core.evaluation import evaluate, mark_not_countable
from ..core.evaluation_figures import (
    FIGURE_LABELS,
    FLEXJOB,
    NOT_COUNTABLE,
    RETAINED,
    SUCCESS_T07,
    SUCCESS_T08,
    SUCCESS_T09,
    Evaluation,
    EvaluationError,
    Period,
    TrialFigures,
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
from ..core.evaluation_scope import check_period, scope_note, select_trials, trial_period, trial_scope
from ..core.evaluation_text import event_label, hours_text, median_and_max, number
from ..core.os_text import reason_text
from ..core.terms import NOTE_SITUATIONS

if TYPE_CHECKING:  # a type only: no import of the store when this module loads
    from ..core.cases import CaseRecord
    from ..store.case_store import CaseStore


@dataclass(frozen=True)
class Row:
    """One figure as shown: section, label, value, its explanation, and the cases behind it."""

    section: str
    key: str
    label: str
    value: str
    note: str = ""
    cases: tuple[tuple[str, str], ...] = ()
    level: int = 0  # 1: a part of the figure above ("heraf …")


SECTIONS = (
    "Periode",
    "Borgere i forsøget",
    "Opfølgninger, henvendelser, journalnotater og markeringer",
    "Sparede opfølgninger og frigjorte timer",
    "Frister efter forsøgsreglen",
    "Succeskriterium",
)


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
        mine = [c for c in cases if c.caseworker.strip().casefold() == who.casefold()]
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
    if unassigned:
        chosen = [f.trial_id for f in evaluation.trials]
        left_out = evaluate(unassigned, notes, catalog, period, today, trials=chosen, histories=histories)
        for mine_f, other in zip(evaluation.trials, left_out.trials, strict=True):
            # The cases a report for every caseworker would count: citizens and those it cannot compute.
            for key in ("citizens", "cannot_compute"):
                mine_f.unassigned += other.value(key)
                mine_f.cases.setdefault("unassigned", []).extend(other.cases.get(key, ()))
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
    ids = without_cases(evaluation)
    if len(ids) <= 1:
        return "".join(ids)
    return ", ".join(ids[:-1]) + " og " + ids[-1]


def _cases_text(n: int) -> str:
    return "1 sag" if n == 1 else f"{n} sager"


def check_minutes(minutes: int) -> None:
    if not 1 <= minutes <= 24 * 60:
        raise EvaluationError(f"Minutter pr. opfølgning skal være mellem 1 og {24 * 60} (ikke {minutes}).")


def whose_text(evaluation: Evaluation) -> str:
    if evaluation.merged_from:
        return f"{evaluation.merged_from} sagsbehandleres tal lagt sammen"
    return evaluation.caseworker or "alle sagsbehandlere"


# ---------------------------------------------------------------- rows


def _value(f: TrialFigures, key: str) -> str:
    return str(f.value(key))


def _cases(f: TrialFigures, key: str) -> tuple[tuple[str, str], ...]:
    return tuple(sorted(f.cases.get(key, ())))


def _share(part: int, whole: int) -> str:
    if not whole:
        return "–"
    return f"{part} af {whole} ({number(round(100 * part / whole, 1))} %)"


def _spread(f: TrialFigures, hist: str, unit: str = "dage") -> str:
    found = median_and_max(f.hists.get(hist, {}))
    if found is None:
        return ""
    median, worst = found
    values = [day for day, n in f.hists[hist].items() for _ in range(n)]
    return f"mindst {min(values)}, median {number(median)}, højst {worst} {unit}"


def trial_rows(f: TrialFigures, trial: Trial, evaluation: Evaluation) -> list[Row]:
    """The rows of one trial, in the order the PDF, the sheet and the window show them."""
    rows: list[Row] = []
    nc = f.not_countable

    def row(
        section: int,
        key: str,
        label: str | None = None,
        value: str | None = None,
        note: str = "",
        level: int = 0,
        cases_key: str | None = None,
    ) -> None:
        if key in nc:
            value, note, shown = NOT_COUNTABLE, nc[key] or NOT_COUNTABLE, ()
        else:
            shown = _cases(f, cases_key or key)
        rows.append(
            Row(
                SECTIONS[section],
                key,
                label or FIGURE_LABELS.get(key, key),
                _value(f, key) if value is None else value,
                note,
                shown,
                level,
            )
        )

    # 0. The part of the period counted: the trial's own period cut from the report's (one function).
    scope = trial_scope(trial, evaluation.period)
    rows.append(
        Row(
            SECTIONS[0],
            "scope",
            "Periode talt for forsøget",
            scope.text if scope else "ingen",
            scope_note(trial, evaluation.period)
            or f"Hele perioden ligger i forsøgets periode {trial_period(trial).text}.",
        )
    )

    # 1. Citizens
    row(1, "citizens")
    row(1, "started", level=1)
    row(1, "ongoing_end", level=1)
    row(1, "ended", level=1)
    for key in sorted(k for k in f.counts if k.startswith("end_reason:")):
        row(1, key, f"afsluttet: {key.split(':', 1)[1]}", level=1)
    if f.value("cannot_compute"):
        row(1, "cannot_compute", note="Sagerne er ikke med i tallene; ret datoen på sagen.")
    if f.unassigned:
        where = "en fil" if evaluation.merged_from else "rapporten"
        rows.append(
            Row(
                SECTIONS[1],
                "unassigned",
                "Sager uden sagsbehandler (ikke med i tallene)",
                str(f.unassigned),
                f"Tælles kun i {where} for alle sagsbehandlere, så ingen sag tælles to gange.",
                _cases(f, "unassigned"),
            )
        )

    # 2. Activity
    for kind in trial.events:
        key = "event:" + kind
        label = "Opfølgninger holdt" if kind == "followup" else event_label(kind)
        row(2, key, label)
        if kind == "contact":
            row(2, "contacts_full", level=1)
    row(2, "notes")
    for situation in sorted(k.split(":", 1)[1] for k in f.counts if k.startswith("note:")):
        row(2, "note:" + situation, f"notat: {NOTE_SITUATIONS.get(situation, situation)}", level=1)
    marking = f"Markeringen »{trial.fasit_marking}«" if trial.fasit_marking else ""
    row(2, "markings", note=marking)

    # 3. Saved and hours
    row(
        3,
        "demanded",
        note=(
            "Beregnet af fristberegneren på hver sags egen historik efter den almindelige regel; "
            "en frist, ingen holdt opfølgning nåede, regnes holdt på fristens sidste dag."
        ),
    )
    row(3, "held", level=1)
    saved = f.value("demanded") - f.value("held")
    row(3, "saved", value=str(saved), cases_key="saved")
    if f.value("saved_unknown"):
        row(3, "saved_unknown", level=1)
    if "saved" in nc:
        row(3, "saved", "Frigjorte timer")
    else:
        rows.append(
            Row(
                SECTIONS[3],
                "hours",
                "Frigjorte timer",
                hours_text(saved, evaluation.minutes),
                "Antallet af minutter pr. opfølgning er en antagelse, som brugeren har sat "
                f"(standard 60); her {evaluation.minutes} minutter. Sagerne: se Sparet.",
            )
        )

    # 4. Deadlines
    row(4, "due")
    row(4, "on_time", level=1)
    row(4, "late", note=_spread(f, "late_days"), level=1)
    row(4, "missed", level=1)
    row(4, "open_end")

    # 5. Success criterion
    if trial.id == SUCCESS_T08:
        citizens = f.value("citizens")
        row(
            5,
            "in_job_end",
            value=_share(f.value("in_job_end"), citizens),
            note=(f"Aktive sager og sager afsluttet med årsagen '{RETAINED}' regnes som stadig i jobbet."),
        )
        row(5, "left")
        for key in sorted(k for k in f.counts if k.startswith("end_reason:")):
            reason = key.split(":", 1)[1]
            if reason != RETAINED:
                row(5, key, f"årsag: {reason}", level=1)
    elif trial.id == SUCCESS_T09:
        row(5, "praktik_started")
        row(5, "praktik_ended", note=_spread(f, "praktik_days"))
        row(
            5,
            "flexjob",
            note=(
                _spread(f, "flexjob_days") + f" fra praktikstart til sagen blev afsluttet med årsagen '{FLEXJOB}'"
            ).strip(),
        )
    elif trial.id == SUCCESS_T07:
        row(5, "plan_not_adjusted", note=f"Markeringen »{trial.fasit_marking}«" if trial.fasit_marking else "")
    else:
        row(5, "success", "Succeskriterium")
    return rows


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


def counts_bytes(store: CaseStore, evaluation: Evaluation) -> bytes:
    return counts_json(counts_content(store, evaluation))


def merge_files(paths: Sequence[str | os.PathLike[str]], minutes: int) -> Evaluation:
    """Read, check and sum counts files; MergeError (Danish, names the file) when one is wrong."""
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
    return merge(files, minutes)


__all__ = [
    "SECTIONS",
    "Evaluation",
    "EvaluationError",
    "MergeError",
    "Period",
    "Row",
    "build_evaluation",
    "counts_bytes",
    "merge_files",
    "no_cases_text",
    "report_rows",
    "unassigned_text",
    "whose_text",
]
