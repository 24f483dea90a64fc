"""The settings kept in the case database (the settings part of CaseStore)."""

from __future__ import annotations

from dataclasses import replace

from ..core.settings import Settings, settings_errors
from .connection import StoreConnection
from .errors import ValidationError


class SettingsPart:
    """Reads and saves the settings table; remembers the last settings read for created_by."""

    def __init__(self, db: StoreConnection):
        self._db = db
        self._last: Settings | None = None

    def forget(self) -> None:
        """The file was reopened: read the settings again."""
        self._last = None

    def settings(self) -> Settings:
        """The settings stored in the database (defaults for any not yet saved)."""
        with self._db.read() as conn:
            stored = dict(conn.execute("SELECT key, value FROM settings").fetchall())
        self._last = Settings.from_strings(stored)
        return self._last

    def save_settings(self, settings: Settings) -> None:
        """Save every setting in one transaction; ValidationError for values out of range."""
        errors = settings_errors(settings)
        if errors:
            raise ValidationError(errors)
        with self._db.writing():  # no case: who shows the cases reads the settings again
            self._db.connection().executemany(
                "INSERT INTO settings (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                list(settings.to_strings().items()),
            )
        self._last = replace(settings)

    def created_by(self) -> str:
        """Who writes: the caseworker named in the settings (read once, then as last saved)."""
        return self.settings().caseworker_name if self._last is None else self._last.caseworker_name
