"""The trial catalog as this database sees it: the shipped catalog with the municipality's
overrides applied, and the overrides themselves (the trials part of CaseStore)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from functools import lru_cache

from ..core.catalog import Trial
from ..core.catalog_load import load_catalog
from ..core.overrides import TrialOverride, apply_overrides, override_errors
from ..core.text import normalize_text, text_errors
from .connection import StoreConnection, utc_now
from .errors import StoreError, ValidationError


@lru_cache(maxsize=1)
def shipped_catalog() -> dict[str, Trial]:
    """The catalog shipped in resources/trials, loaded once per process (the files' parses kept
    between starts in the user's cache folder: core/toml_cache.py)."""
    from ..core.toml_cache import TomlCache
    from ..paths import catalog_cache_file

    return load_catalog(cache=TomlCache(catalog_cache_file()))


class TrialsPart:
    """Overrides (append-only) and the catalog with them applied, read again when they change."""

    def __init__(
        self,
        db: StoreConnection,
        base: Mapping[str, Trial] | None,
        created_by: Callable[[], str],
        today: Callable[[], date],
    ):
        self._db = db
        self._today = today  # an end date far beyond it is a wrong year
        self.base = dict(base) if base is not None else None  # None: the shipped catalog
        self._created_by = created_by
        self._key: tuple | None = None
        self._catalog: dict[str, Trial] = {}

    def forget(self) -> None:
        """The file was reopened: apply its overrides again."""
        self._key = None

    def overrides(self) -> list[TrialOverride]:
        """The municipality's changes to trials, oldest first (never changed or deleted)."""
        with self._db.read() as conn:
            rows = conn.execute(
                "SELECT id, trial_id, field, value, source, created_at, created_by FROM overrides ORDER BY id"
            ).fetchall()
        return [
            TrialOverride(
                id=r[0],
                trial_id=r[1],
                field=r[2],
                value=r[3],
                source=r[4],
                created_at=r[5],
                created_by=r[6],
            )
            for r in rows
        ]

    def add_override(self, trial_id: str, field: str, value: object, source: str) -> int:
        """Record a change to a trial's end, extension, citation, paragraph or marking."""
        with self._db.writing():  # no case: who shows the cases reads the catalog again (catalog_key)
            source = normalize_text(source)
            errors, stored = override_errors(self.catalog(), trial_id, field, value, source, today=self._today())
            errors = text_errors({"source": source}, multiline={"source"}) | errors
            if errors:
                raise ValidationError(errors)
            return self._db.insert(
                "overrides",
                {
                    "trial_id": trial_id,
                    "field": field,
                    "value": stored,
                    "source": source.strip(),
                    "created_at": utc_now(),
                    "created_by": self._created_by(),
                },
            )

    def shipped(self) -> Mapping[str, Trial]:
        """The catalog as shipped (or as given to the store), without this database's overrides."""
        return self.base if self.base is not None else shipped_catalog()

    def catalog(self) -> dict[str, Trial]:
        """The shipped catalog with this database's overrides applied."""
        with self._db.read() as conn:
            key = conn.execute("SELECT count(*), max(id) FROM overrides").fetchone()
        if key != self._key:
            try:
                self._catalog = apply_overrides(self.shipped(), self.overrides())
            except (TypeError, ValueError, KeyError):  # a row written by another program or damage
                raise StoreError(
                    f"Kommunens ændringer af forsøgene i databasen {self._db.path} kan ikke læses: en "
                    "ændring er gemt i et forkert format. Gendan en sikkerhedskopi (Filer › "
                    "Sikkerhedskopier), eller kontakt IT."
                ) from None
            self._key = key
        return self._catalog
