"""The schema's migration names, readable without importing sqlite-utils (see opening.py)."""

from __future__ import annotations

MIGRATION_SET = "caseworker_app"
MIGRATIONS_TABLE = "_sqlite_migrations"  # sqlite-utils' Migrations keeps its record here

# In order; schema.py registers exactly these (tested). Add a name here with each new migration.
MIGRATION_NAMES = (
    "m001_initial",
    "m002_append_only_and_indexes",
    "m003_note_templates",
    "m004_app_state",
    "m005_checked_status_dates_and_trial",
)
