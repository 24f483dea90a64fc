"""The Danish lines the case history shows for case changes (created, changed, closed, reopened)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from ..core.history import CASE_CLOSED, CASE_CREATED, CASE_REOPENED, JOURNAL_NOTE
from ..core.terms import DATE_NAMES
from ..core.workdays import fmt


def created_summary(trial_id: str, dates: Mapping[str, date]) -> str:
    """A new case's history line: 'Forsøg T08; ansættelse i løntilskud 31-08-2018' (created or imported);
    'Forsøg T02' for a trial without dates."""
    named = ", ".join(f"{DATE_NAMES.get(n, n)} {fmt(d)}" for n, d in dates.items())
    return f"Forsøg {trial_id}; {named}" if named else f"Forsøg {trial_id}"


FIELD_LABELS_DA = {
    "citizen": "borger",
    "case_ref": "sagsnummer",
    "trial_id": "forsøg",
    "caseworker": "sagsbehandler",
    "cpr": "CPR-nummer",
    "note": "bemærkning",
    "status": "status",
    **DATE_NAMES,
}


def change_text(action: str, field: str, old: str | None, new: str | None) -> str:
    """A case change as one Danish line for the history."""
    if action == CASE_CREATED:
        return new or ""
    if action == CASE_CLOSED:
        return f"Årsag: {new}"
    if action == CASE_REOPENED:
        return f"Tidligere årsag: {old}" if old else ""
    if action == JOURNAL_NOTE:
        return new or ""
    label = FIELD_LABELS_DA.get(field, field)
    if field in DATE_NAMES:
        old, new = (
            fmt(date.fromisoformat(old)) if old else None,
            fmt(date.fromisoformat(new)) if new else None,
        )
    return f"{label[0].upper()}{label[1:]}: {old or '–'} → {new or '–'}"
