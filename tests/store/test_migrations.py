"""A database made by the first schema is migrated to the current one without losing anything."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest
from sqlite_utils import Database

from caseworker_app.core.schedule import Event
from caseworker_app.store import CaseStore, StoreError
from caseworker_app.store.schema import MIGRATIONS, current_version, schema_version

FIRST = "m001_initial"
SECOND = "m002_append_only_and_indexes"
STAMP = "2025-03-01T09:00:00+00:00"


def insert_rows(db, table, rows):
    for row in rows:  # one by one: a column a row leaves out gets its default, not NULL
        db[table].insert(row)


def make_first_version_database(path):
    """A database as the first release wrote it, filled through plain SQL in that schema."""
    db = Database(path)
    MIGRATIONS.apply(db, stop_before=SECOND)
    assert [m.name for m in MIGRATIONS.applied(db)] == [FIRST]
    insert_rows(
        db,
        "cases",
        [
            {
                "id": 1,
                "citizen": "Jens Hansen",
                "case_ref": "2018-0412",
                "trial_id": "T08",
                "cpr": "0101901234",
                "caseworker": "Anne Jensen",
                "status": "aktiv",
                "note": "Kantinen",
                "created_at": STAMP,
                "updated_at": STAMP,
            },
            {
                "id": 2,
                "citizen": "Lone Andersen",
                "case_ref": "2019-0007",
                "trial_id": "T08",
                "caseworker": "Anne Jensen",
                "status": "afsluttet",
                "end_reason": "fastholdt i løntilskudsjob",
                "closed_on": "2024-06-30",
                "created_at": STAMP,
                "updated_at": STAMP,
            },
        ],
    )
    insert_rows(
        db,
        "case_dates",
        [
            {"case_id": 1, "name": "hire", "day": "2018-08-31"},
            {"case_id": 1, "name": "offer", "day": "2018-08-01"},
            {"case_id": 2, "name": "hire", "day": "2019-03-01"},
        ],
    )
    insert_rows(
        db,
        "events",
        [
            {
                "id": 1,
                "case_id": 1,
                "day": "2021-02-20",
                "kind": "followup",
                "form": "personligt",
                "initiated_by": "kommune",
                "created_at": STAMP,
            },
            {"id": 2, "case_id": 1, "day": "2023-08-15", "kind": "followup", "created_at": STAMP},
            {
                "id": 3,
                "case_id": 1,
                "day": "2023-08-14",
                "kind": "followup",
                "replaces": 2,
                "created_at": STAMP,
            },
            {
                "id": 4,
                "case_id": 1,
                "day": "2024-01-05",
                "kind": "contact",
                "initiated_by": "arbejdsgiver",
                "full_followup": 1,
                "text": "Ringede",
                "created_at": STAMP,
            },
        ],
    )
    db["case_changes"].insert(
        {
            "case_id": 1,
            "action": "case_created",
            "field": "",
            "new_value": "Forsøg T08",
            "day": "2025-03-01",
            "created_at": STAMP,
            "created_by": "Anne Jensen",
        }
    )
    insert_rows(
        db,
        "settings",
        [
            {"key": "caseworker_name", "value": "Anne Jensen"},
            {"key": "warning_days", "value": "45"},
        ],
    )
    db["overrides"].insert(
        {
            "trial_id": "T08",
            "field": "extension",
            "value": "2027-12-31",
            "source": "Brev 01-11-2026",
            "created_at": STAMP,
        }
    )
    db.close()


def test_a_first_version_database_is_migrated_and_keeps_everything(tmp_path):
    path = tmp_path / "sager.db"
    make_first_version_database(path)

    with CaseStore(path) as store:
        jens, lone = store.get_case(1), store.get_case(2)
        assert (jens.citizen, jens.case_ref, jens.cpr, jens.caseworker, jens.note) == (
            "Jens Hansen",
            "2018-0412",
            "0101901234",
            "Anne Jensen",
            "Kantinen",
        )
        assert jens.dates == {"hire": date(2018, 8, 31), "offer": date(2018, 8, 1)}
        assert jens.events == (
            Event(date(2021, 2, 20), "followup", False, "personligt"),
            Event(date(2023, 8, 14), "followup", False, None),  # the correction of row 2
            Event(date(2024, 1, 5), "contact", True, None),
        )
        assert (lone.status, lone.end_reason, lone.extra["closed_on"]) == (
            "afsluttet",
            "fastholdt i løntilskudsjob",
            date(2024, 6, 30),
        )
        assert len(store.history(1)) == 5
        assert store.settings().caseworker_name == "Anne Jensen"
        assert store.settings().warning_days == 45
        assert store.catalog()["T08"].period.effective_end == date(2027, 12, 31)
        # The full contact 05-01-2024 restarts the trial clock: + 30 months = 05-07-2026, passed.
        assert [cd.deadline.legal_due for cd in store.deadlines(date(2026, 11, 23))] == [
            date(2026, 7, 5)
        ]
        # The second migration is in force: the history can no longer be edited in place.
        with pytest.raises(sqlite3.IntegrityError):
            store._conn.execute("UPDATE events SET day = '2020-01-01'")
        # The third: the municipality's note templates, none edited yet.
        assert store.note_template("T08", "opfoelgning") is None
        # The fourth: a calendar id for .ics exports, nothing exported yet.
        calendar_id, state = store.ics_state()
        assert len(calendar_id) == 12 and state == {}
        assert schema_version(store._db) == current_version()


def test_the_file_is_copied_aside_before_the_migration(tmp_path):
    path = tmp_path / "sager.db"
    make_first_version_database(path)
    CaseStore(path).close()

    backup = tmp_path / "sager.db.bak-1"
    assert backup.exists()
    copy = Database(backup)
    assert [m.name for m in MIGRATIONS.applied(copy)] == [FIRST]
    assert copy["cases"].count == 2 and copy["events"].count == 4
    copy.close()
    # Opening again migrates nothing and copies nothing.
    CaseStore(path).close()
    assert sorted(p.name for p in tmp_path.glob("sager.db.bak*")) == ["sager.db.bak-1"]


def test_an_earlier_copy_is_never_overwritten(tmp_path):
    path = tmp_path / "sager.db"
    make_first_version_database(path)
    (tmp_path / "sager.db.bak-1").write_bytes(b"an older copy")
    CaseStore(path).close()
    assert (tmp_path / "sager.db.bak-1").read_bytes() == b"an older copy"
    assert (tmp_path / "sager.db.bak-1-2").exists()


def test_a_new_database_gets_the_current_schema_without_a_copy(tmp_path):
    with CaseStore(tmp_path / "ny.db") as store:
        assert schema_version(store._db) == current_version() == 4
    assert list(tmp_path.glob("*.bak*")) == []


def test_a_database_from_a_newer_program_is_refused_untouched(tmp_path):
    path = tmp_path / "sager.db"
    CaseStore(path).close()
    db = Database(path)
    db["_sqlite_migrations"].insert(
        {"migration_set": "caseworker_app", "name": "m999_future", "applied_at": STAMP}
    )
    db.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="nyere version af programmet"):
        CaseStore(path)
    assert path.read_bytes() == before


def test_the_migration_names_known_without_sqlite_utils_match_the_schema():
    from caseworker_app.store import schema
    from caseworker_app.store.versions import MIGRATION_NAMES, MIGRATION_SET

    assert tuple(schema._NAMES) == MIGRATION_NAMES
    assert schema.MIGRATIONS.name == MIGRATION_SET
