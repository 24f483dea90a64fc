"""The case database (SQLite through sqlite-utils): the only part of the program that speaks SQL."""

from __future__ import annotations

from ..core.history import CANCELLED, END_REASONS, INITIATORS, EventRow
from ..core.overrides import OVERRIDE_FIELDS_DA, TrialOverride
from ..core.settings import Settings
from ..paths import default_db_path
from .case_store import CaseStore
from .errors import CaseNotFoundError, StoreError, ValidationError

__all__ = [
    "CANCELLED",
    "END_REASONS",
    "INITIATORS",
    "OVERRIDE_FIELDS_DA",
    "CaseNotFoundError",
    "CaseStore",
    "EventRow",
    "Settings",
    "StoreError",
    "TrialOverride",
    "ValidationError",
    "default_db_path",
]
