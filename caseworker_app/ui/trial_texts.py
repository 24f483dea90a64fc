"""How a trial and its dates are named in a form: the trial combos of the case window, the
Fristberegner and the import dialog, and the labels and hints of a trial's date fields."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..core.catalog import CaseDate, Trial

if TYPE_CHECKING:
    from .fields import FieldBox


def trial_choice_text(trial: Trial) -> str:
    """'T08 – Førtidspensionister i løntilskud', noting a trial without deadlines."""
    text = f"{trial.id} – {trial.short_title}"
    return text if trial.has_deadlines else f"{text} (ingen frister)"


def date_label(case_date: CaseDate) -> str:
    """A case date's label with '(valgfri)' for optional ones."""
    return case_date.label + ("" if case_date.required else " (valgfri)")


def default_hint(trial: Trial, case_date: CaseDate, typed: str) -> str:
    """'Ikke udfyldt: fristen regnes fra ansættelse i løntilskud' for an empty date that falls back on
    another (a newcomer found 'Ukendt: … bruges' cryptic); '' once a date is typed (then it is used,
    and the hint would say the opposite)."""
    if not case_date.default_from or typed.strip():
        return ""
    source = next((d.label for d in trial.dates if d.name == case_date.default_from), case_date.default_from)
    return f"Ikke udfyldt: fristen regnes fra {source.lower()}"


def keep_default_hint(box: FieldBox, trial: Trial, case_date: CaseDate) -> None:
    """Show or hide the fallback hint as the date is typed or loaded; a ⚠ warning stays until the
    form checks the dates again."""

    def update() -> None:
        if not box.hint_label.text().startswith("⚠"):
            box.set_hint(default_hint(trial, case_date, box.editor.text()))

    box.editor.textChanged.connect(update)
