"""How a trial and its dates are named in a form: the trial combos of the case window, the
Fristberegner and the import dialog, and the labels and hints of a trial's date fields."""

from __future__ import annotations

from ..core.catalog import CaseDate, Trial


def trial_choice_text(trial: Trial) -> str:
    """'T08 – Førtidspensionister i løntilskud', noting a trial without deadlines."""
    text = f"{trial.id} – {trial.short_title}"
    return text if trial.has_deadlines else f"{text} (ingen frister)"


def date_label(case_date: CaseDate) -> str:
    """A case date's label with '(valgfri)' for optional ones."""
    return case_date.label + ("" if case_date.required else " (valgfri)")


def default_hint(trial: Trial, case_date: CaseDate) -> str:
    """'Ukendt: ansættelse i løntilskud bruges' for a date that falls back on another."""
    if not case_date.default_from:
        return ""
    source = next((d.label for d in trial.dates if d.name == case_date.default_from), case_date.default_from)
    return f"Ukendt: {source.lower()} bruges"
