"""One trial's rows of the evaluation report, as the window, the PDF, the spreadsheet and `report`
show them, in the evaluation form's order: citizens, activity, follow-ups saved and hours freed,
deadlines, success criterion. Each row keeps the cases behind it (by FASIT case number) for the
drill-down and the appendix (services/evaluation.py report_rows gives every trial's).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..core.catalog import Trial
from ..core.evaluation_figures import (
    FIGURE_LABELS,
    FLEXJOB,
    NOT_COUNTABLE,
    RETAINED,
    SUCCESS_T08,
    SUCCESS_T09,
    Evaluation,
    TrialFigures,
)
from ..core.evaluation_scope import scope_note, trial_period, trial_scope
from ..core.evaluation_text import event_label, hours_text, median_and_max, number, rounded
from ..core.terms import NOTE_SITUATIONS
from ..core.text import count_text, number_text


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


def _value(f: TrialFigures, key: str) -> str:
    return str(f.value(key))


def _cases(f: TrialFigures, key: str) -> tuple[tuple[str, str], ...]:
    return tuple(sorted(f.cases.get(key, ())))


def _share(part: int, whole: int) -> str:
    """'1.999 af 2.000 (over 99,9 %)': a share is never shown as all or none when it is not (a reviewer:
    1,999 of 2,000 read '100 %')."""
    if not whole:
        return "–"
    percent = rounded(100 * part, whole)
    if part and percent == "0":
        percent = "under 0,1"
    elif part != whole and percent == "100":
        percent = "over 99,9"
    return f"{number_text(part)} af {number_text(whole)} ({percent} %)"


def _spread(f: TrialFigures, hist: str) -> str:
    found = median_and_max(f.hists.get(hist, {}))
    if found is None:
        return ""
    median, worst = found
    values = [day for day, n in f.hists[hist].items() for _ in range(n)]
    return f"mindst {min(values)}, median {number(median)}, højst {count_text(worst, 'dag', 'dage')}"


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
    if f.value("outside_condition"):
        row(1, "outside_condition", note="Forsøget gælder ikke for sagerne, så de er ikke med i tallene.")
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
                f"(standard 60); her {count_text(evaluation.minutes, 'minut', 'minutter')}. Sagerne: se Sparet.",
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
    else:
        row(5, "success", "Succeskriterium")
    return rows
