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
    "m006_unique_open_case_ref",
    "m007_deletions",
    "m008_import_batches",
    "m009_event_links",
    "m010_case_ref_key_index",
    "m011_note_statements",
)

# A FASIT number with ASCII case and spaces aside (plain and non-breaking: a number copied from a
# web page, saved before names were cleaned), as SQLite computes it. m010 indexes it; the store's
# duplicate check looks a number up by it, then compares with core.text.case_ref_key.
CASE_REF_KEY_SQL = "lower(replace(replace(case_ref, ' ', ''), char(160), ''))"

# m006: one open case per (trial, FASIT case number). Created by the migration when the database
# has no such duplicates, else on the first open after they are resolved (opening.py).
UNIQUE_OPEN_CASES_INDEX = "cases_open_case_ref_unique"
UNIQUE_OPEN_CASES_SQL = (
    f"CREATE UNIQUE INDEX IF NOT EXISTS {UNIQUE_OPEN_CASES_INDEX} ON cases (trial_id, case_ref) WHERE status = 'aktiv'"
)


def has_unique_open_cases_index(conn) -> bool:
    """m006's unique index is in the database (conn: a sqlite3 connection). SQLite then refuses a
    second open case with a FASIT number in a trial, whoever writes (both columns are NOT NULL)."""
    found = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?", (UNIQUE_OPEN_CASES_INDEX,)
    ).fetchone()
    return found is not None


def duplicate_open_cases_sql() -> str:
    """A query whose rows are (trial_id, case_ref, count) for FASIT numbers open twice or more."""
    return (
        "SELECT trial_id, case_ref, count(*) FROM cases WHERE status = 'aktiv' "
        "GROUP BY trial_id, case_ref HAVING count(*) > 1"
    )
