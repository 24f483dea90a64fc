"""The schema as ordered sqlite-utils Migrations. Never edit an applied migration: add one."""

from __future__ import annotations

from sqlite_utils import Database, Migrations

from .versions import MIGRATION_SET

MIGRATIONS = Migrations(MIGRATION_SET)
_NAMES: list[str] = []


def _migration(func):
    """Register a migration with the set, keeping the list of names this program knows."""
    _NAMES.append(func.__name__)
    return MIGRATIONS()(func)


@_migration
def m001_initial(db: Database) -> None:
    """Cases, their dates, events, case changes, settings and trial overrides."""
    db["cases"].create(
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
    db["case_dates"].create(
        {"case_id": int, "name": str, "day": str},
        pk=("case_id", "name"),
        not_null={"day"},
        foreign_keys=[("case_id", "cases", "id")],
    )
    db["events"].create(
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
    db["case_changes"].create(
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
    db["settings"].create({"key": str, "value": str}, pk="key", not_null={"value"})
    db["overrides"].create(
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
    db["events"].create_index(["case_id", "day"])
    db["events"].create_index(["replaces"], unique=True)  # a row is corrected at most once
    db["case_changes"].create_index(["case_id"])
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
    db["note_templates"].create(
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
    db["note_templates"].create_index(["trial_id", "situation"])
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
    db["app_state"].create({"key": str, "value": str}, pk="key", not_null={"value"})
    # A random id per database keeps two databases' UIDs apart in one Outlook calendar.
    import secrets  # here: rarely needed, and loading it slowed the start

    db["app_state"].insert({"key": "ics_calendar_id", "value": secrets.token_hex(6)})


def schema_version(db: Database) -> int:
    """How many of this program's migrations the database has had (0 for a new file)."""
    return len(MIGRATIONS.applied(db))


def current_version() -> int:
    """The schema version this program writes."""
    return len(_NAMES)

