"""A municipality's own changes to a trial (end, extension, citation, paragraph, marking)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date

from .catalog import Citation, Extension, Trial
from .workdays import fmt, parse_date

OVERRIDE_FIELDS_DA = {
    "end": "slutdato",
    "extension": "forlængelse til",
    "citation": "henvisning i journalnotatet",
    "paragraph": "paragraf",
    "marking": "FASIT-markering",
}
DATE_FIELDS = ("end", "extension")


@dataclass(frozen=True)
class TrialOverride:
    """One change made in the program; kept as history, applied in the order entered."""

    trial_id: str
    field: str
    value: str  # dates as ISO text
    source: str
    id: int = 0
    created_at: str = ""
    created_by: str = ""

    @property
    def label(self) -> str:
        """'slutdato 31-12-2027', the change in Danish."""
        value = fmt(date.fromisoformat(self.value)) if self.field in DATE_FIELDS else self.value
        return f"{OVERRIDE_FIELDS_DA.get(self.field, self.field)} {value}"


def apply_override(trial: Trial, override: TrialOverride) -> Trial:
    """The trial as it stands after one override."""
    field, value = override.field, override.value
    if field in DATE_FIELDS:
        end = date.fromisoformat(value)
        period = trial.period
        note = "forlænget i programmet" if field == "extension" else "slutdato rettet i programmet"
        if override.created_at:
            # The day it was typed in, not the day it was decided (the source says that).
            note += f" {fmt(date.fromisoformat(override.created_at[:10]))}"
        if end > period.end:
            kept = tuple(e for e in period.extensions if e.end < end)
            period = replace(period, extensions=kept + (Extension(end, override.source, None, note),))
        else:
            period = replace(period, end=end, source=override.source, extensions=())
        return replace(trial, period=period)
    if field == "citation":
        paragraph = trial.citations[-1].paragraph if trial.citations else ""
        return replace(trial, citations=trial.citations + (Citation(value, paragraph=paragraph),))
    if field == "paragraph":
        return replace(trial, citations=tuple(replace(c, paragraph=value) for c in trial.citations))
    if field == "marking":
        return replace(trial, fasit_marking=value)
    raise ValueError(f"unknown override field {field!r}")


def apply_overrides(
    catalog: Mapping[str, Trial], overrides: Iterable[TrialOverride]
) -> dict[str, Trial]:
    """The catalog with every override applied in order; overrides of unknown trials are skipped."""
    result = dict(catalog)
    for override in overrides:
        trial = result.get(override.trial_id)
        if trial is not None:
            result[override.trial_id] = apply_override(trial, override)
    return result


def override_errors(
    catalog: Mapping[str, Trial], trial_id: str, field: str, value: object, source: str
) -> tuple[dict[str, str], str]:
    """Danish messages for an override that cannot be saved, and the value as it will be stored."""
    errors: dict[str, str] = {}
    trial = catalog.get(trial_id)
    if trial is None:
        errors["trial_id"] = f"Ukendt forsøg '{trial_id}'"
    if field not in OVERRIDE_FIELDS_DA:
        errors["field"] = (
            f"Kan ikke ændre '{field}' (kan ændres: {', '.join(OVERRIDE_FIELDS_DA.values())})"
        )
    if not str(source or "").strip():
        errors["source"] = "Skriv kilden til ændringen, fx ministeriets brev med dato"
    stored = ""
    if field in DATE_FIELDS:
        day = value if isinstance(value, date) else None
        if day is None:
            try:
                day = parse_date(str(value or ""))
            except ValueError as exc:
                errors["value"] = str(exc)
        if day is not None:
            stored = day.isoformat()
            if trial is not None and day < trial.period.start:
                errors["value"] = f"Datoen ligger før forsøgets start {fmt(trial.period.start)}"
            elif trial is not None and field == "extension" and day <= trial.period.effective_end:
                errors["value"] = (
                    f"En forlængelse skal gå ud over den nuværende slutdato "
                    f"{fmt(trial.period.effective_end)}"
                )
    else:
        stored = str(value or "").strip()
        if not stored and field != "paragraph":
            errors["value"] = "Feltet må ikke være tomt"
    return errors, stored
