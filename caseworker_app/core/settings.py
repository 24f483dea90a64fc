"""The settings kept in the case database, each declared once with its type and Danish label."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date
from typing import Any

from .deadline import DEFAULT_TRIAL_END_HORIZON_DAYS, DEFAULT_WARNING_DAYS

SETTING_LABELS_DA = {
    "caseworker_name": "Sagsbehandlerens navn",
    "municipality": "Kommune",
    "warning_days": "Vis frister som 'snart' dette antal dage før",
    "trial_end_horizon_days": "Advar om forsøgets slutning dette antal dage før",
    "last_opened": "Programmet sidst åbnet",
    "retention_days": "Afsluttede sager kan slettes efter dette antal dage",
    "backup_daily": "Behold daglige sikkerhedskopier for dette antal dage",
    "backup_weekly": "Behold ugentlige sikkerhedskopier for dette antal uger",
    "backup_monthly": "Behold månedlige sikkerhedskopier for dette antal måneder",
}
# The bounds of the backup rotation settings (store/backup/rotation.py).
BACKUP_LIMITS = {"backup_daily": (1, 60), "backup_weekly": (0, 52), "backup_monthly": (0, 120)}


@dataclass
class Settings:
    """Settings stored in the database (window size and layout live in QSettings, not here)."""

    caseworker_name: str = ""
    municipality: str = ""
    warning_days: int = DEFAULT_WARNING_DAYS
    trial_end_horizon_days: int = DEFAULT_TRIAL_END_HORIZON_DAYS
    last_opened: date | None = None
    retention_days: int | None = None
    backup_daily: int = 7
    backup_weekly: int = 4
    backup_monthly: int = 12

    @property
    def backup_rotation(self) -> tuple[int, int, int]:
        """(daily, weekly, monthly) copies kept by the automatic backups."""
        return self.backup_daily, self.backup_weekly, self.backup_monthly

    def to_strings(self) -> dict[str, str]:
        """Every setting as text for storage (dates ISO, None as '')."""
        out: dict[str, str] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            out[f.name] = "" if value is None else value.isoformat() if isinstance(value, date) else str(value)
        return out

    @classmethod
    def from_strings(cls, stored: dict[str, str]) -> Settings:
        """Settings from stored text; unknown keys ignored, unreadable ones keep their default."""
        values: dict[str, Any] = {}  # each parsed to its field's type below
        for f in fields(cls):
            raw = stored.get(f.name)
            if raw is None:
                continue
            try:
                if f.name == "last_opened":
                    values[f.name] = date.fromisoformat(raw) if raw else None
                elif f.name == "retention_days":
                    values[f.name] = int(raw) if raw else None
                elif f.name in ("warning_days", "trial_end_horizon_days", *BACKUP_LIMITS):
                    values[f.name] = int(raw)
                else:
                    values[f.name] = raw
            except ValueError:
                continue
        return cls(**values)


def missing_name_errors(settings: Settings) -> dict[str, str]:
    """The notes and printouts are signed with name and municipality: an empty one is not saved
    silently (Indstillinger and the first start's dialog)."""
    errors: dict[str, str] = {}
    if not settings.caseworker_name.strip():
        errors["caseworker_name"] = "Skriv dit navn – det står i journalnotater og på udskrifter"
    if not settings.municipality.strip():
        errors["municipality"] = "Skriv kommunens navn – det står i journalnotater og på udskrifter"
    return errors


def needs_first_start(settings: Settings) -> bool:
    """True while the caseworker's name or the municipality is missing (the first start asks)."""
    return bool(missing_name_errors(settings))


def settings_errors(settings: Settings) -> dict[str, str]:
    """Danish messages for settings that cannot be used, keyed by field name."""
    from .text import text_errors

    errors = text_errors({"caseworker_name": settings.caseworker_name, "municipality": settings.municipality})
    if not 0 <= settings.warning_days <= 365:
        errors["warning_days"] = "Antal dage skal være mellem 0 og 365"
    if not 0 <= settings.trial_end_horizon_days <= 730:
        errors["trial_end_horizon_days"] = "Antal dage skal være mellem 0 og 730"
    if settings.retention_days is not None and not 30 <= settings.retention_days <= 36500:
        errors["retention_days"] = "Antal dage skal være mellem 30 og 36500, eller tomt (aldrig)"
    for name, (low, high) in BACKUP_LIMITS.items():
        if not low <= getattr(settings, name) <= high:
            errors[name] = f"Antal skal være mellem {low} og {high}"
    return errors
