"""The evaluation figures a municipality reports for a trial and a period, counted from the case list.

Pure Python (no Qt, no SQL). Each case in the trial during the period is counted here; its deadlines
met and follow-ups saved come from the engine (core/evaluation_deadlines.py). A trial's figures count
only the part of the period inside the trial's own period (evaluation_scope.trial_scope): before it
began and from the day after it ended the ordinary rule governs (decision 3), so what happened there
is no result of the trial. The events are the
case's current ones (core.cases.CaseRecord.events: a corrected event counts once, in its corrected
form; a withdrawn event not at all).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from .case_problems import damaged_date_text, damaged_dates, missing_date_text
from .cases import CLOSED, CaseRecord
from .catalog import Trial
from .evaluation_agreed import DateHistory, agreed_deadlines, agreed_in_order, count_agreed
from .evaluation_deadlines import count_deadlines, count_saved, saving_rules
from .evaluation_figures import (
    DEFAULT_MINUTES,
    FLEXJOB,
    NOT_COUNTABLE,
    RETAINED,
    SUCCESS_T08,
    SUCCESS_T09,
    Evaluation,
    NoteRecord,
    Period,
    TrialFigures,
)
from .evaluation_markings import first_marking
from .evaluation_scope import check_period, select_trials, trial_scope
from .note_conditions import begun_before_trial, unmet_condition
from .schedule import resolve_dates
from .terms import NOTE_SITUATIONS
from .text import count_text
from .workdays import fmt


def case_ref(case: CaseRecord) -> str:
    """The FASIT case number, else the database number: never a name or a CPR number."""
    ref = (case.case_ref or "").strip()
    return ref or f"nr. {case.id}"


def evaluate(
    cases: Sequence[CaseRecord],
    notes: Mapping[int, Sequence[NoteRecord]],
    catalog: Mapping[str, Trial],
    period: Period,
    today: date,
    *,
    trials: Sequence[str] | None = None,
    caseworker: str = "",
    municipality: str = "",
    minutes: int = DEFAULT_MINUTES,
    histories: Mapping[int, DateHistory] | None = None,
) -> Evaluation:
    """The evaluation report over cases (already chosen by caseworker) for the period and trials.

    histories: each case's date history (store/evaluation_queries.date_histories), for the dates a
    caseworker agreed before the one agreed now; without it only the date agreed now is known."""
    check_period(period.start, period.end, today)
    chosen = select_trials(catalog, cases, period, trials)
    by_trial: dict[str, list[CaseRecord]] = {}
    for case in cases:
        by_trial.setdefault(case.trial_id, []).append(case)
    results: list[TrialFigures] = []
    for trial in chosen:
        figures = TrialFigures(trial.id)
        mark_not_countable(trial, figures)
        scope = trial_scope(trial, period)
        assert scope is not None  # select_trials keeps only trials that overlap the period
        for case in by_trial.get(trial.id, ()):
            history = (histories or {}).get(case.id, _NO_HISTORY)
            _count_case(trial, case, notes.get(case.id, ()), history, scope, figures)
        results.append(figures)
    return Evaluation(period, results, caseworker, municipality, minutes)


def mark_not_countable(trial: Trial, figures: TrialFigures) -> None:
    """Note, with why (Danish), each figure the case list cannot give for this trial."""
    nc = figures.not_countable
    if not trial.fasit_marking:
        nc["markings"] = f"{NOT_COUNTABLE}: forsøget har ingen FASIT-markering i kataloget"
    if not saving_rules(trial):
        why = f"{NOT_COUNTABLE}: {_nothing_saved_reason(trial)}"
        for key in ("held", "demanded", "saved"):
            nc[key] = why
    if trial.id not in (SUCCESS_T08, SUCCESS_T09):
        why = _SUCCESS_NOT_IN_LIST.get(
            trial.id, "evalueringsdesignet nævner intet succeskriterium, sagslisten kan måle"
        )
        nc["success"] = f"{NOT_COUNTABLE}: {why}"


# Success criteria an evaluation design names that the case list cannot measure, and why.
_SUCCESS_NOT_IN_LIST = {
    # SEED 001:447, 468 (rules.md T07): besides the FASIT markings (counted with the events), citizens
    # are asked yearly whether they are satisfied with the programme.
    "T07": "succeskriteriet er øget tilfredshed med forløbet, herunder indsatsplanen, som borgerne spørges om "
    "årligt (hvor mange gange indsatsplanen ikke er justeret, står ovenfor: Indsatsplan ikke justeret)",
}


def _nothing_saved_reason(trial: Trial) -> str:
    """Why no follow-ups saved can be counted for a trial without a rule that spares any (saving_rules):
    it keeps the ordinary rule's number of talks (T05: at least 4 in 12 months, only their form
    changes), or it has no ordinary rule about follow-ups to compare with."""
    for spec in trial.rules:
        ordinary = spec.ordinary
        if (
            ordinary is not None
            and spec.kind == ordinary.kind == "count_window"
            and spec.count >= ordinary.count
            and spec.window is not None
            and spec.window == ordinary.window
        ):
            what = "samtaler" if spec.events == ("talk",) else "opfølgninger"
            return (
                f"forsøget bevarer den almindelige regels krav om mindst {ordinary.count} {what} inden for "
                f"{spec.window.danish()} og ændrer kun deres form, så det sparer ingen opfølgninger"
            )
    return "forsøget har ingen almindelig regel om opfølgninger at sammenligne med"


_NO_HISTORY = DateHistory()


def _start_name(trial: Trial) -> str | None:
    """The date a case of the trial starts from: its (first) rule's anchor; for a rule whose date the
    caseworker agrees (T04, T12, T15, T16), which moves at every talk, the trial's first required date
    of the case's own (T16: første fraværsdag), else None: the case starts at its first agreed date or
    talk (T04: its optional visitation is only the ordinary rule's clock, not the trial's start)."""
    if not trial.rules:
        return None
    first = trial.rules[0]
    if first.kind != "caseworker_set":
        return first.anchor
    agreed = {r.anchor for r in trial.rules if r.kind == "caseworker_set"}
    return next((d.name for d in trial.dates if d.name not in agreed and d.required), None)


def _case_start(
    trial: Trial,
    case: CaseRecord,
    dates: Mapping[str, date],
    agreed: Mapping[str, list[tuple[date, date | None, date | None]]],
    created: date | None,
) -> date | None:
    """The day the case entered the trial: the date its (first) rule counts from, or for a trial whose
    only date is agreed by the caseworker, the earliest of the dates agreed, the talks held and the
    day the case was entered (a case taken in before its first talk is in the trial from then)."""
    name = _start_name(trial)
    if name is not None or not trial.rules:
        return dates.get(name) if name else None
    days = [due for found in agreed.values() for due, _, _ in found] + [e.day for e in case.events]
    if days and created is not None:  # without a date or a talk the case cannot be computed
        days.append(created)
    return min(days, default=None)


def _count_case(
    trial: Trial,
    case: CaseRecord,
    notes: Sequence[NoteRecord],
    history: DateHistory,
    period: Period,
    f: TrialFigures,
) -> None:
    """Count one case over period: the report's period already cut to the trial's (trial_scope)."""
    ref = case_ref(case)
    dates, _ = resolve_dates(trial, case.dates)
    agreed = {
        r.anchor: agreed_in_order(history, r.anchor, dates.get(r.anchor))
        for r in trial.rules
        if r.kind == "caseworker_set"
    }
    begun = _case_start(trial, case, dates, agreed, history.created)
    closed = case.extra.get("closed_on") if case.status == CLOSED else None
    # The store keeps the closing day as a date (None when not known): store/case_reading.py.
    closed_on = closed if isinstance(closed, date) else None
    start_name = _start_name(trial)
    if start_name is None and any(name in damaged_dates(case) for name in agreed):
        begun = None  # the date agreed now is stored in a wrong format: its deadlines are not known
    if begun is None:
        if closed_on is None or closed_on >= period.start:
            anchor = start_name or trial.rules[0].anchor
            if anchor in damaged_dates(case):
                f.add("cannot_compute", ref, damaged_date_text(trial, anchor))
            else:
                f.add("cannot_compute", ref, missing_date_text(trial.date_label(anchor)))
        return
    if begun > period.end or (closed_on is not None and closed_on < period.start):
        return  # not in the trial during the period
    unmet = unmet_condition(trial, dates)
    first = trial.rules[0]
    if unmet is None and first.kind == "duration_end":
        # A period (a praktik) begun before the trial was decided under the ordinary rule (core/schedule.py).
        unmet = begun_before_trial(trial, first, dates)
    if unmet is not None:  # the trial does not apply to the case at all (core/schedule.py): not its figures
        f.add("outside_condition", ref, unmet)
        return
    f.add("citizens", ref, f"start {fmt(begun)}")
    if begun in period:
        f.add("started", ref, fmt(begun))
    ended = closed_on is not None and closed_on <= period.end
    if ended:
        reason = case.end_reason or "andet"
        f.add("ended", ref, f"{fmt(closed_on)}: {reason}")
        f.add("end_reason:" + reason, ref, fmt(closed_on))
    else:
        f.add("ongoing_end", ref)

    in_period = [e for e in case.events if e.day in period]
    for e in in_period:
        f.add("event:" + e.kind, ref, fmt(e.day))
        if e.kind == "contact" and e.full_followup:
            f.add("contacts_full", ref, fmt(e.day))
    for note in notes:
        if note.day in period:
            f.add("notes", ref, f"{fmt(note.day)} {NOTE_SITUATIONS.get(note.situation, note.situation)}")
            f.add("note:" + note.situation, ref, fmt(note.day))
    marked = first_marking(trial, notes, period)
    if marked is not None:  # once per case: the marking is set on the case (core/evaluation_markings.py)
        f.add("markings", ref, f"{fmt(marked.day)} {NOTE_SITUATIONS.get(marked.situation, marked.situation)}")

    limit = min(period.end, closed_on) if closed_on else period.end
    for spec in trial.rules:
        if spec.kind == "caseworker_set":
            # Each date agreed over time, from the history: the date agreed now moves at every talk.
            found = agreed_deadlines(spec, agreed[spec.anchor], case.events)
            count_agreed(trial, spec, found, period, limit, not ended, ref, f)
        else:
            count_deadlines(trial, spec, case, dates, period, limit, not ended, ref, f)
    for spec in saving_rules(trial):
        count_saved(trial, spec, case, dates, period, limit, ref, f)
    _success(trial, case, dates, period, closed_on, ended, ref, f)


def _success(
    trial: Trial,
    case: CaseRecord,
    dates: Mapping[str, date],
    period: Period,
    closed_on: date | None,
    ended: bool,
    ref: str,
    f: TrialFigures,
) -> None:
    if trial.id == SUCCESS_T08:
        if not ended:
            f.add("in_job_end", ref, "sagen er aktiv")
        elif case.end_reason == RETAINED:
            f.add("in_job_end", ref, f"afsluttet {fmt(closed_on)}: {RETAINED}")
        else:
            f.add("left", ref, f"{fmt(closed_on)}: {case.end_reason}")
    elif trial.id == SUCCESS_T09:
        begun = dates.get("praktik_start")
        if begun is None:
            return  # not reached: T09's rules count from praktik_start, so _count_case stopped before
        if begun in period:
            f.add("praktik_started", ref, fmt(begun))
        ends = [e.day for e in case.events if e.kind == "praktik_end" and e.day >= begun]
        if ends and ends[0] in period:
            length = (ends[0] - begun).days + 1
            f.add("praktik_ended", ref, f"{fmt(begun)} – {fmt(ends[0])} ({count_text(length, 'dag', 'dage')})")
            f.hist("praktik_days")[length] += 1
        if ended and closed_on is not None and case.end_reason == FLEXJOB:  # ended: closed_on is known
            days = (closed_on - begun).days
            if days < 0:  # closed before the praktik began (closing is allowed from 'ledig siden'):
                # no days from praktik start, so not in the distribution
                f.add("flexjob", ref, f"fleksjob {fmt(closed_on)}, før praktikstart {fmt(begun)}")
            else:
                f.add(
                    "flexjob",
                    ref,
                    f"praktikstart {fmt(begun)}, fleksjob {fmt(closed_on)} ({count_text(days, 'dag', 'dage')})",
                )
                f.hist("flexjob_days")[days] += 1
