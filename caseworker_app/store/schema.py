"""The schema as ordered sqlite-utils Migrations. Never edit an applied migration: add one."""

from __future__ import annotations

from sqlite_utils import Database, Migrations

from .versions import CASE_REF_KEY_SQL, MIGRATION_SET

MIGRATIONS = Migrations(MIGRATION_SET)
_NAMES: list[str] = []


def _migration(func):
    """Register a migration with the set, keeping the list of names this program knows."""
    _NAMES.append(func.__name__)
    return MIGRATIONS()(func)


@_migration
def m001_initial(db: Database) -> None:
    """Cases, their dates, events, case changes, settings and trial overrides."""
    db.table("cases").create(
        {
            "id": int,
            "citizen": str,
            "case_ref": str,
            "trial_id": str,
            "cpr": str,  # 10 digits, shown masked
            "caseworker": str,
            "status": str,
            "end_reason": str,
            "end_text": str,
            "closed_on": str,
            "note": str,
            "created_at": str,
            "updated_at": str,
        },
        pk="id",
        not_null={
            "citizen",
            "case_ref",
            "trial_id",
            "caseworker",
            "status",
            "end_reason",
            "end_text",
            "note",
            "created_at",
            "updated_at",
        },
        defaults={
            "caseworker": "",
            "status": "aktiv",
            "end_reason": "",
            "end_text": "",
            "note": "",
        },
    )
    db.table("case_dates").create(
        {"case_id": int, "name": str, "day": str},
        pk=("case_id", "name"),
        not_null={"day"},
        foreign_keys=[("case_id", "cases", "id")],
    )
    db.table("events").create(
        {
            "id": int,
            "case_id": int,
            "day": str,
            "kind": str,
            "form": str,
            "initiated_by": str,
            "full_followup": int,
            "text": str,
            "replaces": int,
            "created_at": str,
            "created_by": str,
        },
        pk="id",
        not_null={"case_id", "day", "kind", "full_followup", "text", "created_at", "created_by"},
        defaults={"full_followup": 0, "text": "", "created_by": ""},
        foreign_keys=[("case_id", "cases", "id"), ("replaces", "events", "id")],
    )
    db.table("case_changes").create(
        {
            "id": int,
            "case_id": int,
            "action": str,
            "field": str,
            "old_value": str,
            "new_value": str,
            "day": str,
            "created_at": str,
            "created_by": str,
        },
        pk="id",
        not_null={"case_id", "action", "field", "day", "created_at", "created_by"},
        defaults={"field": "", "created_by": ""},
        foreign_keys=[("case_id", "cases", "id")],
    )
    db.table("settings").create({"key": str, "value": str}, pk="key", not_null={"value"})
    db.table("overrides").create(
        {
            "id": int,
            "trial_id": str,
            "field": str,
            "value": str,
            "source": str,
            "created_at": str,
            "created_by": str,
        },
        pk="id",
        not_null={"trial_id", "field", "value", "source", "created_at", "created_by"},
        defaults={"created_by": ""},
    )


@_migration
def m002_append_only_and_indexes(db: Database) -> None:
    """The history is append-only in the database itself; indexes for loading 10,000 cases."""
    db.table("events").create_index(["case_id", "day"])
    db.table("events").create_index(["replaces"], unique=True)  # a row is corrected at most once
    db.table("case_changes").create_index(["case_id"])
    for table in ("events", "case_changes", "overrides"):
        db.execute(
            f"CREATE TRIGGER {table}_append_only BEFORE UPDATE ON {table} "
            f"BEGIN SELECT RAISE(ABORT, 'historikken ændres ikke: registrér en rettelse'); END"
        )
    db.execute(
        "CREATE TRIGGER overrides_kept BEFORE DELETE ON overrides "
        "BEGIN SELECT RAISE(ABORT, 'ændringer af forsøg slettes ikke: registrér en ny'); END"
    )


@_migration
def m003_note_templates(db: Database) -> None:
    """The municipality's own journal-note templates: every save and restore is a new row."""
    db.table("note_templates").create(
        {
            "id": int,
            "trial_id": str,
            "situation": str,
            "text": str,  # NULL: back to the standard template ("gendan standard")
            "created_at": str,
            "created_by": str,
        },
        pk="id",
        not_null={"trial_id", "situation", "created_at", "created_by"},
        defaults={"created_by": ""},
    )
    db.table("note_templates").create_index(["trial_id", "situation"])
    db.execute(
        "CREATE TRIGGER note_templates_append_only BEFORE UPDATE ON note_templates "
        "BEGIN SELECT RAISE(ABORT, 'skabeloner ændres ikke: gem en ny udgave'); END"
    )
    db.execute(
        "CREATE TRIGGER note_templates_kept BEFORE DELETE ON note_templates "
        "BEGIN SELECT RAISE(ABORT, 'skabeloner slettes ikke: gendan standard i stedet'); END"
    )


@_migration
def m004_app_state(db: Database) -> None:
    """Small named values the program keeps between runs: the .ics export state and calendar id."""
    db.table("app_state").create({"key": str, "value": str}, pk="key", not_null={"value"})
    # A random id per database keeps two databases' UIDs apart in one Outlook calendar.
    import secrets  # here: rarely needed, and loading it slowed the start

    db.table("app_state").insert({"key": "ics_calendar_id", "value": secrets.token_hex(6)})


# The vocabulary m005 checks, as it was when m005 was written (core/terms.py). A migration must
# do the same on every database, so these are copied, not imported; a test compares them with
# terms.py: a new status or date name needs a new migration that replaces the triggers.
M005_STATUSES = ("aktiv", "afsluttet")
M005_DATE_NAMES = (
    "hire",
    "offer",
    "absence_start",
    "praktik_start",
    "unemployed_since",
    "extension_start",
    "visitation",
    "agreed",
)


def _sql_list(values: tuple[str, ...]) -> str:
    return ", ".join(f"'{value}'" for value in values)


@_migration
def m005_checked_status_dates_and_trial(db: Database) -> None:
    """Checks on write: a case's status, its date names and the form of its trial id.

    SQLite adds no CHECK to an existing table without rebuilding it, so these are triggers;
    rows already in the database are kept as they are (the program names them as cases that
    cannot be computed). A trial id is letters and digits (T08); any such id passes, since the
    catalog can gain trials.
    """
    statuses, names = _sql_list(M005_STATUSES), _sql_list(M005_DATE_NAMES)
    checks = (
        (
            "cases",
            "status",
            f"NEW.status NOT IN ({statuses})",
            "ukendt status: en sag er aktiv eller afsluttet",
        ),
        (
            "cases",
            "trial_id",
            "NEW.trial_id = '' OR NEW.trial_id GLOB '*[^A-Za-z0-9]*'",
            "ugyldigt forsøg: et forsøgs id er bogstaver og tal, fx T08",
        ),
        (
            "case_dates",
            "name",
            f"NEW.name NOT IN ({names})",
            "ukendt datonavn: brug et af forsøgskatalogets datonavne, fx hire",
        ),
    )
    for table, column, wrong, message in checks:
        for when, on in (("insert", "INSERT"), ("update", f"UPDATE OF {column}")):
            db.execute(
                f"CREATE TRIGGER {table}_{column}_checked_on_{when} BEFORE {on} ON {table} "
                f"WHEN {wrong} BEGIN SELECT RAISE(ABORT, '{message}'); END"
            )


@_migration
def m006_unique_open_case_ref(db: Database) -> None:
    """One open case per (trial, FASIT case number): a partial unique index.

    A database that already holds such duplicates is not refused: the index waits (opening.py
    creates it once they are resolved), the store's check inside the write transaction holds
    meanwhile, and the duplicates are counted in the log (no names, no case numbers).
    """
    import logging

    from .versions import UNIQUE_OPEN_CASES_SQL, duplicate_open_cases_sql

    duplicates = list(db.execute(duplicate_open_cases_sql()).fetchall())
    if duplicates:
        logging.getLogger(__name__).warning(
            "m006: %d FASIT case numbers are open twice or more; unique index postponed",
            len(duplicates),
        )
        return
    db.execute(UNIQUE_OPEN_CASES_SQL)


@_migration
def m007_deletions(db: Database) -> None:
    """Cases deleted because they were created by mistake: what, when, by whom and why.

    Kept apart from the case (whose rows and history go) and without personal data: no name,
    CPR or FASIT number, only the database id, the trial and the caseworker's reason.
    """
    db.table("deletions").create(
        {
            "id": int,
            "case_id": int,
            "trial_id": str,
            "reason": str,
            "case_created_at": str,
            "deleted_at": str,
            "deleted_by": str,
        },
        pk="id",
        not_null={"case_id", "trial_id", "reason", "deleted_at", "deleted_by"},
        defaults={"deleted_by": ""},
    )
    db.execute(
        "CREATE TRIGGER deletions_append_only BEFORE UPDATE ON deletions "
        "BEGIN SELECT RAISE(ABORT, 'historikken ændres ikke'); END"
    )
    db.execute(
        "CREATE TRIGGER deletions_kept BEFORE DELETE ON deletions "
        "BEGIN SELECT RAISE(ABORT, 'historikken slettes ikke'); END"
    )


@_migration
def m008_import_batches(db: Database) -> None:
    """Imports of a case list: one row per import (when, by whom, which file, counts; no personal
    data) and the cases each created or updated, so an import can be undone as a whole.

    import_batch_cases.before keeps an updated case's earlier values until the import is undone
    or the case is deleted (a trigger empties it then: nothing outlives the case). And an index on
    (trial, FASIT number) for the duplicate look-ups of imports and of every case saved.
    """
    db.table("import_batches").create(
        {
            "id": int,
            "created_at": str,
            "created_by": str,
            "file_name": str,
            "sheet": str,
            "rows_read": int,
            "created_count": int,
            "updated_count": int,
            "skipped_count": int,
            "invalid_count": int,
            "last_change_id": int,  # the history's newest rows when the import was saved:
            "last_event_id": int,  # a later row on one of its cases means the case was changed
            "undone_at": str,
            "undone_by": str,
        },
        pk="id",
        not_null={
            "created_at",
            "created_by",
            "file_name",
            "rows_read",
            "created_count",
            "updated_count",
            "skipped_count",
            "invalid_count",
        },
        defaults={
            "created_by": "",
            "rows_read": 0,
            "created_count": 0,
            "updated_count": 0,
            "skipped_count": 0,
            "invalid_count": 0,
        },
    )
    db.table("import_batch_cases").create(
        {"batch_id": int, "case_id": int, "action": str, "before": str, "event_id": int},
        pk=("batch_id", "case_id"),
        not_null={"action"},
        foreign_keys=[("batch_id", "import_batches", "id")],
    )
    db.table("import_batch_cases").create_index(["case_id"])
    # Every import row, and every case saved, looks up its FASIT number and trial: without this
    # index each look-up read the whole table (m006's unique index covers open cases only).
    db.table("cases").create_index(["trial_id", "case_ref"])
    db.execute(
        "CREATE TRIGGER import_batches_kept BEFORE DELETE ON import_batches "
        "BEGIN SELECT RAISE(ABORT, 'historikken slettes ikke'); END"
    )
    db.execute(
        "CREATE TRIGGER import_batches_undone_final BEFORE UPDATE ON import_batches "
        "WHEN OLD.undone_at IS NOT NULL BEGIN SELECT RAISE(ABORT, 'importen er allerede fortrudt'); END"
    )
    db.execute(
        "CREATE TRIGGER import_batch_cases_forget_deleted AFTER DELETE ON cases "
        "BEGIN UPDATE import_batch_cases SET before = NULL WHERE case_id = OLD.id; END"
    )


@_migration
def m009_event_links(db: Database) -> None:
    """The event a history row belongs to: for a journal note, the event it is about (correcting
    that event says the note in FASIT must be corrected too); for a change of the agreed date, the
    talk that set it, or the cancellation that restored it (cancelling the talk restores the date).
    No foreign key: a case's events and history go together when it is deleted."""
    db.execute("ALTER TABLE case_changes ADD COLUMN event_id INTEGER")


@_migration
def m010_case_ref_key_index(db: Database) -> None:
    """FASIT numbers compare as a caseworker reads them, case and spaces aside (core.text.case_ref_key):
    this index finds a number's variants without reading every case of the trial (28 ms a saved
    case at 100,000 cases without it). The expression must stay the one case_writes.py queries."""
    db.execute(f"CREATE INDEX IF NOT EXISTS cases_trial_ref_key ON cases (trial_id, {CASE_REF_KEY_SQL})")


@_migration
def m011_note_statements(db: Database) -> None:
    """What a journal note copied to FASIT stated (its deadline, basis, marking: JSON, written by
    core.note_staleness.note_statement), so a later change of the catalog can say which copied
    notes now state another deadline than the window. NULL for notes copied before."""
    db.execute("ALTER TABLE case_changes ADD COLUMN note_stated TEXT")


def schema_version(db: Database) -> int:
    """How many of this program's migrations the database has had (0 for a new file)."""
    return len(MIGRATIONS.applied(db))


def current_version() -> int:
    """The schema version this program writes."""
    return len(_NAMES)
