"""The evaluation figures a municipality reports for a trial and a period, counted from the case list.

Pure Python (no Qt, no SQL). Every deadline comes from the engine (schedule.compute_deadlines):

- The deadlines met, late or missed are the governing deadlines (the trial rule, and the ordinary
  rule after the trial's end, decision 3) replayed through the case's real history: the deadline in
  force on the day before the period, then the one after each event that restarted it.
- "Follow-ups saved" replays the same history through the ordinary rule alone (the engine computed
  with a trial end before every case, so the ordinary rule governs every deadline), assuming every
  ordinary deadline that no real follow-up met was met on its last day. The ordinary rule demanded
  the real follow-ups it counts plus those assumed ones; saved = demanded - held.

The events are the case's current ones (core.cases.CaseRecord.events: a corrected event counts once,
in its corrected form; a withdrawn event not at all). Every figure keeps the cases behind it by
FASIT case number (never a name or CPR), so a coordinator can check it against FASIT.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from .cases import CLOSED, CaseRecord
from .catalog import RuleSpec, Trial
from .schedule import Deadline, Event, compute_deadlines, counts_for, resolve_dates
from .terms import EVENT_NAMES, NOTE_SITUATIONS
from .workdays import fmt

NOT_COUNTABLE = "kan ikke opgøres fra sagslisten"
DEFAULT_MINUTES = 60  # an assumption the user sets in the dialog or with --minutes; always shown
RETAINED = "fastholdt i løntilskudsjob"
FLEXJOB = "overgået til fleksjob"
_ONE_DAY = timedelta(days=1)
# A trial end before every case: the engine then lets the ordinary rule govern every deadline.
_NO_TRIAL = date(1, 1, 1)
_MAX_STEPS = 2000  # a guard: no case has this many deadlines in a period


class EvaluationError(ValueError):
    """A report that cannot be made as asked; the message is Danish and says what to do."""


# Figures every trial gets, in the order shown, with their Danish labels.
FIGURE_LABELS = {
    "citizens": "Borgere i forsøget i perioden",
    "started": "heraf startet i perioden",
    "ongoing_end": "heraf stadig i forsøget ved periodens slutning",
    "ended": "heraf afsluttet i perioden",
    "contacts_full": "heraf henvendelser markeret som fuld opfølgning",
    "notes": "Journalnotater skrevet",
    "markings": "FASIT-markeringer noteret (journalnotater med forsøgets markering)",
    "held": "Holdt (tæller efter den almindelige regel)",
    "demanded": "Krævet efter den almindelige regel",
    "saved": "Sparet (krævet minus holdt)",
    "due": "Frister, der faldt i perioden",
    "on_time": "overholdt til tiden",
    "late": "overholdt for sent",
    "missed": "ikke overholdt ved periodens slutning",
    "open_end": "Åbne frister ved periodens slutning (endnu ikke forfaldne)",
    "in_job_end": "Stadig i løntilskudsjobbet ved periodens slutning",
    "left": "Forladt løntilskudsjobbet i perioden",
    "praktik_started": "Praktikker startet i perioden",
    "praktik_ended": "Praktikker afsluttet i perioden",
    "flexjob": "Overgået til fleksjob i perioden",
    "plan_not_adjusted": "Indsatsplan ikke justeret (FASIT-markering sættes efter reglen)",
    "cannot_compute": "Sager, der ikke kan beregnes (mangler en dato)",
}
# Distributions (days -> how many), kept whole so that merged reports give exact medians.
HIST_LABELS = {
    "late_days": "Dage for sent",
    "praktik_days": "Praktikkens længde i dage (begge dage medregnet)",
    "flexjob_days": "Dage fra praktikstart til fleksjob (sagens afslutningsdato)",
}
# Figures with a suffix: end reasons, event kinds and note situations.
PREFIXES = ("end_reason:", "event:", "note:")

# Trial-specific success criteria (the evaluation design, seed 001, and the form, seed 000).
SUCCESS_T08, SUCCESS_T09, SUCCESS_T07 = "T08", "T09", "T07"


@dataclass(frozen=True)
class Period:
    start: date
    end: date

    @property
    def text(self) -> str:
        return f"{fmt(self.start)} – {fmt(self.end)}"

    def __contains__(self, day: date | None) -> bool:
        return day is not None and self.start <= day <= self.end


@dataclass(frozen=True)
class NoteRecord:
    """A journal note as copied to FASIT (a row of the case history): its day, situation and text."""

    case_id: int
    day: date
    situation: str
    text: str


@dataclass
class TrialFigures:
    """One trial's figures: counts, distributions, what cannot be counted, and the cases behind."""

    trial_id: str
    counts: Counter[str] = field(default_factory=Counter)
    hists: dict[str, Counter[int]] = field(default_factory=dict)
    not_countable: dict[str, str] = field(default_factory=dict)  # key -> why (Danish)
    cases: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # key -> (case no., detail)
    saved_rows: list[tuple[str, int, int, int, str]] = field(default_factory=list)

    def add(self, key: str, ref: str, detail: str = "", count: int = 1) -> None:
        if count:
            self.counts[key] += count
            self.cases.setdefault(key, []).append((ref, detail))

    def hist(self, key: str) -> Counter[int]:
        return self.hists.setdefault(key, Counter())

    def value(self, key: str) -> int:
        return self.counts.get(key, 0)


@dataclass
class Evaluation:
    """The whole report: period, the trials' figures, whose cases and the assumption for hours."""

    period: Period
    trials: list[TrialFigures]
    caseworker: str  # '' = every caseworker
    municipality: str = ""
    minutes: int = DEFAULT_MINUTES
    merged_from: int = 0  # >0: a coordinator's sum of that many files (no case lists)


# ---------------------------------------------------------------- checks


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


# ---------------------------------------------------------------- computing


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
) -> Evaluation:
    """The evaluation report over cases (already chosen by caseworker) for the period and trials."""
    check_period(period.start, period.end, today)
    chosen = select_trials(catalog, cases, period, trials)
    by_trial: dict[str, list[CaseRecord]] = {}
    for case in cases:
        by_trial.setdefault(case.trial_id, []).append(case)
    results: list[TrialFigures] = []
    for trial in chosen:
        figures = TrialFigures(trial.id)
        mark_not_countable(trial, figures)
        for case in by_trial.get(trial.id, ()):
            _count_case(trial, case, notes.get(case.id, ()), period, figures)
        results.append(figures)
    return Evaluation(period, results, caseworker, municipality, minutes)


def _saving_rules(trial: Trial) -> list[RuleSpec]:
    """The rules whose ordinary rule gives a count of follow-ups the trial spared."""
    return [r for r in trial.rules if r.ordinary is not None and r.ordinary.kind in ("followup", "decision")]


def mark_not_countable(trial: Trial, figures: TrialFigures) -> None:
    nc = figures.not_countable
    if not trial.fasit_marking:
        nc["markings"] = f"{NOT_COUNTABLE}: forsøget har ingen FASIT-markering i kataloget"
    if not _saving_rules(trial):
        why = f"{NOT_COUNTABLE}: forsøget har ingen almindelig regel om opfølgninger at sammenligne med"
        for key in ("held", "demanded", "saved"):
            nc[key] = why
    if trial.id not in (SUCCESS_T07, SUCCESS_T08, SUCCESS_T09):
        nc["success"] = f"{NOT_COUNTABLE}: evalueringsdesignet nævner intet succeskriterium, sagslisten kan måle"


def _case_start(trial: Trial, dates: Mapping[str, date]) -> date | None:
    """The day the case entered the trial: the date its (first) rule counts from."""
    return dates.get(trial.rules[0].anchor) if trial.rules else None


def _count_case(
    trial: Trial,
    case: CaseRecord,
    notes: Sequence[NoteRecord],
    period: Period,
    f: TrialFigures,
) -> None:
    ref = case_ref(case)
    dates, _ = resolve_dates(trial, case.dates)
    begun = _case_start(trial, dates)
    closed = case.extra.get("closed_on") if case.status == CLOSED else None
    # The store keeps the closing day as a date (None when not known): store/case_reading.py.
    closed_on = closed if isinstance(closed, date) else None
    if begun is None:
        if closed_on is None or closed_on >= period.start:
            f.add("cannot_compute", ref, f"mangler datoen '{trial.rules[0].anchor}'")
        return
    if begun > period.end or (closed_on is not None and closed_on < period.start):
        return  # not in the trial during the period
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
            if trial.fasit_marking and trial.fasit_marking in note.text:
                f.add("markings", ref, fmt(note.day))

    limit = min(period.end, closed_on) if closed_on else period.end
    for spec in trial.rules:
        _deadlines_met(trial, spec, case, dates, period, limit, not ended, ref, f)
    for spec in _saving_rules(trial):
        _saved(trial, spec, case, dates, period, limit, ref, f)
    _success(trial, case, dates, period, closed_on, ended, ref, f)


def _due(
    trial: Trial,
    spec: RuleSpec,
    dates: Mapping[str, date],
    events: Iterable[Event],
    day: date,
    trial_end: date | None = None,
) -> Deadline | None:
    """The engine's deadline of one rule as on day (events after day have not happened)."""
    for d in compute_deadlines(trial, dates, events, day, trial_end=trial_end):
        if d.kind == spec.kind and d.label == spec.label:
            return d
    return None


def _deadlines_met(
    trial: Trial,
    spec: RuleSpec,
    case: CaseRecord,
    dates: Mapping[str, date],
    period: Period,
    limit: date,
    open_at_end: bool,
    ref: str,
    f: TrialFigures,
) -> None:
    """Each governing deadline due in the period: met on time, late (how late) or not at all."""
    events = case.events
    days = sorted({e.day for e in events if period.start <= e.day <= limit})
    t = period.start - _ONE_DAY  # the deadline in force when the period began
    for _ in range(_MAX_STEPS):
        current = _due(trial, spec, dates, events, t)
        if current is None or current.undated:
            return
        due = current.legal_due
        if due > limit:
            if open_at_end:
                # The deadline in force at the period's end (a follow-up held early moved it).
                final = _due(trial, spec, dates, events, period.end)
                if final is not None and not final.undated and final.legal_due > period.end:
                    f.add("open_end", ref, f"{spec.label} {fmt(final.legal_due)}")
            return
        met = None
        for day in days:
            if day <= t:
                continue
            after = _due(trial, spec, dates, events, day)
            if after is None or after.undated or after.legal_due != due:
                met = day  # an event that day restarted (or ended) the deadline: it met it
                break
        if due >= period.start:
            f.add("due", ref, f"{spec.label} {fmt(due)}")
            if met is not None and met <= due:
                f.add("on_time", ref, f"frist {fmt(due)}, holdt {fmt(met)}")
            elif met is not None:
                late = (met - due).days
                f.add("late", ref, f"frist {fmt(due)}, holdt {fmt(met)} ({late} dage for sent)")
                f.hist("late_days")[late] += 1
            else:
                f.add("missed", ref, f"frist {fmt(due)}")
        if met is None:
            return
        t = met


def _saved(
    trial: Trial,
    spec: RuleSpec,
    case: CaseRecord,
    dates: Mapping[str, date],
    period: Period,
    limit: date,
    ref: str,
    f: TrialFigures,
) -> None:
    """Follow-ups the ordinary rule demanded in the period on this case's history, and held."""
    ordinary = spec.ordinary
    assert ordinary is not None  # _saving_rules gives only rules with an ordinary rule
    real = case.events
    held = [e.day for e in real if period.start <= e.day <= limit and counts_for(e, ordinary)]
    kind = ordinary.events[0]
    assumed: list[Event] = []
    real_days = sorted({e.day for e in real})
    t = min(dates.values()) - _ONE_DAY

    def ordinary_due(day: date) -> date | None:
        d = _due(trial, spec, dates, (*real, *assumed), day, trial_end=_NO_TRIAL)
        return None if d is None or d.undated else d.legal_due

    due = ordinary_due(t)
    for _ in range(_MAX_STEPS):
        if due is None or due > limit:
            break
        if any(t < day <= due for day in real_days):
            after = ordinary_due(due)
            if after != due:  # a real event on or before the deadline met it
                t, due = due, after
                continue
        assumed.append(Event(due, kind))  # not met by a real event: assume it was held that day
        t, due = due, ordinary_due(due)
    extra = [e.day for e in assumed if e.day >= period.start]
    demanded = len(held) + len(extra)
    if not demanded and not held:
        return
    f.add("held", ref, ", ".join(fmt(d) for d in held), len(held))
    f.add(
        "demanded",
        ref,
        ", ".join(fmt(d) for d in sorted([*held, *extra])),
        demanded,
    )
    f.add("saved", ref, ", ".join(fmt(d) for d in extra), len(extra))
    f.saved_rows.append((ref, len(held), demanded, len(extra), ", ".join(fmt(d) for d in extra)))


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
            f.add("praktik_ended", ref, f"{fmt(begun)} – {fmt(ends[0])} ({length} dage)")
            f.hist("praktik_days")[length] += 1
        if ended and closed_on is not None and case.end_reason == FLEXJOB:  # ended: closed_on is known
            days = (closed_on - begun).days
            f.add("flexjob", ref, f"praktikstart {fmt(begun)}, fleksjob {fmt(closed_on)} ({days} dage)")
            f.hist("flexjob_days")[days] += 1
    elif trial.id == SUCCESS_T07:
        for e in case.events:
            if e.kind == "plan_not_adjusted" and e.day in period:
                f.add("plan_not_adjusted", ref, fmt(e.day))


# ---------------------------------------------------------------- reading the figures


def median_and_max(hist: Mapping[int, int]) -> tuple[float, int] | None:
    """The median and the largest value of a distribution (days -> count); None when empty."""
    values = [day for day, n in sorted(hist.items()) for _ in range(n)]
    if not values:
        return None
    return statistics.median(values), values[-1]


def number(value: float) -> str:
    """A Danish number: 3, 3,5, 12,3."""
    text = f"{value:.1f}".rstrip("0").rstrip(".") if value != int(value) else str(int(value))
    return text.replace(".", ",")


def hours_text(saved: int, minutes: int) -> str:
    """'12,5 timer (25 opfølgninger à 30 minutter – antagelse, kan ændres)'."""
    hours = number(round(saved * minutes / 60, 1))
    noun = "opfølgning" if abs(saved) == 1 else "opfølgninger"
    return f"{hours} timer ({saved} {noun} à {minutes} minutter – antagelse, kan ændres)"


def event_label(kind: str) -> str:
    return EVENT_NAMES.get(kind, kind).capitalize()
