"""The deadline calculator: the Fristberegner tab and `caseworker-app schedule` share this.

One catalog (the shipped one with a database's extensions and changed rules, when given), one
validation (the case window's) and one engine call, so the tab and the command give the same dates.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from ..core.catalog import Trial
from ..core.deadline import Deadline
from ..core.event import Event
from ..core.schedule import compute_deadlines
from ..core.validation import case_errors, event_errors
from ..core.workdays import fmt


@dataclass(frozen=True)
class Calculation:
    """The deadlines for one unsaved case, or why they cannot be computed (Danish, by field)."""

    trial: Trial
    deadlines: list[Deadline] = field(default_factory=list)
    errors: dict[str, str] = field(default_factory=dict)  # by date name, or 'trial_end'
    event_errors: list[tuple[Event, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors and not self.event_errors


def calculate(
    trial: Trial,
    dates: Mapping[str, date],
    events: Sequence[Event],
    today: date,
    *,
    trial_end: date | None = None,
) -> Calculation:
    """Check the case as the case window does, then compute its deadlines on the day today."""
    errors = case_errors({trial.id: trial}, citizen="-", case_ref="-", trial_id=trial.id, dates=dates, today=today)
    problems = []
    for event in events:
        found = event_errors(
            trial,
            dates,
            day=event.day,
            kind=event.kind,
            form=event.form,
            full_followup=event.full_followup,
            today=today,
        )
        if found:
            problems.append((event, "; ".join(found.values())))
    if trial_end is not None and trial_end < trial.period.start:
        errors["trial_end"] = f"Slutdatoen ligger før forsøgets start {fmt(trial.period.start)}"
    if errors or problems:
        return Calculation(trial, errors=errors, event_errors=problems)
    return Calculation(trial, compute_deadlines(trial, dates, events, today, trial_end=trial_end))


def trial_status_text(trial: Trial, today: date, trial_end: date | None = None) -> str:
    """Where the trial stands on today, and what to do when it has ended (Danish)."""
    end = trial_end or trial.period.effective_end
    if today <= end:
        return trial.status_text(today) if trial_end is None else f"aktiv til og med {fmt(end)}"
    extension = "har kommunen fået forlængelse, så indtast den under Forsøg."
    if not trial.rules:  # no deadlines to follow any rule
        return f"Forsøget udløb {fmt(end)} – almindelige regler gælder fra {fmt(end + timedelta(days=1))}; {extension}"
    if all(spec.ordinary is not None or spec.ordinary_changes for spec in trial.rules):
        return (
            f"Forsøget udløb {fmt(end)} – fristerne følger den almindelige regel fra "
            f"{fmt(end + timedelta(days=1))}; {extension}"
        )
    # The catalog has no ordinary rule for (some of) its deadlines: the program cannot follow it.
    return (
        f"Forsøget udløb {fmt(end)} – den almindelige regel gælder fra {fmt(end + timedelta(days=1))}, "
        f"men kataloget har den ikke for alle forsøgets frister, så de er ikke beregnet efter den: "
        f"kontrollér dem efter den almindelige regel; {extension}"
    )
