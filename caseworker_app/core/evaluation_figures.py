"""The evaluation report's records: the figures with their Danish labels, one trial's counts, the report.

Every figure keeps the cases behind it by FASIT case number (never a name or CPR), so a coordinator
can check it against FASIT.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from .workdays import fmt

NOT_COUNTABLE = "kan ikke opgøres fra sagslisten"
DEFAULT_MINUTES = 60  # an assumption the user sets in the dialog or with --minutes; always shown
RETAINED = "fastholdt i løntilskudsjob"
FLEXJOB = "overgået til fleksjob"


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
    "markings": "Sager med FASIT-markering noteret (et journalnotat, der sætter markeringen)",
    "held": "Holdt (tæller efter den almindelige regel)",
    "demanded": "Krævet efter den almindelige regel",
    "saved": "Sparet (krævet minus holdt)",
    "saved_unknown": "Sager med en stillingtagen uden oplyst udfald (importeret; ikke med i Sparet)",
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
    "cannot_compute": "Sager, der ikke kan beregnes (en dato mangler eller er gemt forkert)",
    "outside_condition": "Sager, som forsøget ikke gælder for (en betingelse er ikke opfyldt, eller perioden "
    "begyndte før forsøget, efter sagens datoer)",
}
# The figures a case in the trial during the period lands in, exactly one of them (core/evaluation.py
# _count_case): a case without a caseworker left out of a caseworker's report is counted by these.
CASE_FIGURES = ("citizens", "cannot_compute", "outside_condition")
# Distributions (days -> how many), kept whole so that merged reports give exact medians.
HIST_LABELS = {
    "late_days": "Dage for sent",
    "praktik_days": "Praktikkens længde i dage (begge dage medregnet)",
    "flexjob_days": "Dage fra praktikstart til fleksjob (sagens afslutningsdato)",
}
# Figures with a suffix: end reasons, event kinds and note situations.
PREFIXES = ("end_reason:", "event:", "note:")

# Trial-specific success criteria (the evaluation design, seed 001, and the form, seed 000).
SUCCESS_T08, SUCCESS_T09 = "T08", "T09"


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
    # A caseworker's report: the trial's cases without a caseworker in the period, not in the figures
    # (only a report for every caseworker counts them: never once per caseworker). Cases: "unassigned".
    unassigned: int = 0

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
    # A merge: each file's database fingerprint and whether it holds every caseworker's cases.
    merged_files: tuple[tuple[str, bool], ...] = ()
    # Trials with the selection's own cases that were not chosen (core/merge_checks.py uses it).
    left_out_trials: tuple[str, ...] = ()
