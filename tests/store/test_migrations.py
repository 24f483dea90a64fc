"""A database made by the first schema is migrated to the current one without losing anything."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest
from sqlite_utils import Database

from caseworker_app.core.event import Event
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
            Event(date(2021, 2, 20), "followup", False, "personligt", "kommune"),
            Event(date(2023, 8, 14), "followup", False, None),  # the correction of row 2
            Event(date(2024, 1, 5), "contact", True, None, "arbejdsgiver"),
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
        assert [cd.deadline.legal_due for cd in store.deadlines(date(2026, 11, 23))] == [date(2026, 7, 5)]
        # The second migration is in force: the history can no longer be edited in place.
        with pytest.raises(sqlite3.IntegrityError):
            store._conn.execute("UPDATE events SET day = '2020-01-01'")
        # The third: the municipality's note templates, none edited yet.
        assert store.note_template("T08", "opfoelgning") is None
        # The fourth: a calendar id for .ics exports, nothing exported yet.
        calendar_id, state = store.ics_state()
        assert len(calendar_id) == 12 and state == {}
        # The ninth: a history row can name its event; the old rows name none.
        assert {r[0] for r in store._conn.execute("SELECT event_id FROM case_changes")} == {None}
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
        assert schema_version(store._db) == current_version() == 11
    assert list(tmp_path.glob("*.bak*")) == []


def test_a_database_from_a_newer_program_is_refused_untouched(tmp_path):
    path = tmp_path / "sager.db"
    CaseStore(path).close()
    db = Database(path)
    db["_sqlite_migrations"].insert({"migration_set": "caseworker_app", "name": "m999_future", "applied_at": STAMP})
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


# ---------------------------------------------------------------- m005: checks on write

FIFTH = "m005_checked_status_dates_and_trial"


def make_fourth_version_database(path):
    """A database at schema 4 holding what an older program or another writer could leave."""
    db = Database(path)
    MIGRATIONS.apply(db, stop_before=FIFTH)
    assert len(MIGRATIONS.applied(db)) == 4
    insert_rows(
        db,
        "cases",
        [
            {
                "id": 1,
                "citizen": "Jens Hansen",
                "case_ref": "2018-0412",
                "trial_id": "T08",
                "status": "aktiv",
                "created_at": STAMP,
                "updated_at": STAMP,
            },
            {
                "id": 2,
                "citizen": "Lone Andersen",
                "case_ref": "2019-0007",
                "trial_id": "T08",
                "status": "aktv",
                "created_at": STAMP,
                "updated_at": STAMP,
            },
            {
                "id": 3,
                "citizen": "Ib Holm",
                "case_ref": "2019-0009",
                "trial_id": "T 08",
                "status": "aktiv",
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
            {"case_id": 2, "name": "hrie", "day": "2019-03-01"},
            {"case_id": 3, "name": "hire", "day": "2019-05-01"},
        ],
    )
    db.close()


def test_a_fourth_version_database_keeps_its_damaged_rows_and_names_them(tmp_path):
    path = tmp_path / "sager.db"
    make_fourth_version_database(path)
    with CaseStore(path, clock=lambda: date(2021, 2, 1)) as store:
        assert schema_version(store._db) == 11
        cases = {c.id: (c.case_ref, c.trial_id, c.status, dict(c.dates)) for c in store.list_cases()}
        assert cases == {
            1: ("2018-0412", "T08", "aktiv", {"hire": date(2018, 8, 31)}),
            2: ("2019-0007", "T08", "aktv", {"hrie": date(2019, 3, 1)}),
            3: ("2019-0009", "T 08", "aktiv", {"hire": date(2019, 5, 1)}),
        }
        assert [(p.case.id, p.reason) for p in store.uncomputable()] == [
            (2, "ukendt status 'aktv'; ukendt dato 'hrie'"),
            (3, "forsøg T 08 findes ikke i forsøgskataloget"),
        ]
        # Hired 31-08-2018 + 30 months = 28-02-2021: the one sound case is computed.
        assert [(cd.case.id, cd.deadline.legal_due) for cd in store.deadlines(date(2021, 2, 1))] == [
            (1, date(2021, 2, 28))
        ]
        # A kept row can still be changed in other columns, and closing repairs its status.
        store._conn.execute("UPDATE cases SET note = 'rettes' WHERE id = 2")
        store._conn.commit()
        store.close_case(2, reason="andet", day=date(2021, 1, 15), text="status var beskadiget")
        assert store.get_case(2).status == "afsluttet"
    assert (tmp_path / "sager.db.bak-4").exists()


@pytest.mark.parametrize(
    "statement, message",
    [
        (
            "INSERT INTO cases (citizen, case_ref, trial_id, status, created_at, updated_at) "
            "VALUES ('Ib', '1', 'T08', 'aktv', 'x', 'x')",
            "ukendt status: en sag er aktiv eller afsluttet",
        ),
        (
            "UPDATE cases SET status = 'lukket' WHERE id = 1",
            "ukendt status: en sag er aktiv eller afsluttet",
        ),
        (
            "INSERT INTO cases (citizen, case_ref, trial_id, created_at, updated_at) VALUES ('Ib', '1', '', 'x', 'x')",
            "ugyldigt forsøg: et forsøgs id er bogstaver og tal, fx T08",
        ),
        (
            "UPDATE cases SET trial_id = 'T-08' WHERE id = 1",
            "ugyldigt forsøg: et forsøgs id er bogstaver og tal, fx T08",
        ),
        (
            "INSERT INTO case_dates (case_id, name, day) VALUES (1, 'hrie', '2018-08-31')",
            "ukendt datonavn: brug et af forsøgskatalogets datonavne, fx hire",
        ),
        (
            "UPDATE case_dates SET name = 'Hire' WHERE case_id = 1",
            "ukendt datonavn: brug et af forsøgskatalogets datonavne, fx hire",
        ),
    ],
)
def test_a_bad_status_trial_or_date_name_is_refused_on_write(tmp_path, statement, message):
    with CaseStore(tmp_path / "ny.db", clock=lambda: date(2021, 2, 1)) as store:
        store.create_case(
            citizen="Jens Hansen", case_ref="2018-0412", trial_id="T08", dates={"hire": date(2018, 8, 31)}
        )
        with pytest.raises(sqlite3.IntegrityError) as refused:
            store._conn.execute(statement)
        assert str(refused.value) == message
        store._conn.rollback()
        [case] = store.list_cases()
        assert (case.status, case.trial_id, dict(case.dates)) == ("aktiv", "T08", {"hire": date(2018, 8, 31)})


def test_a_new_trial_of_the_catalogs_form_is_accepted(tmp_path):
    with CaseStore(tmp_path / "ny.db") as store:
        store._conn.execute(
            "INSERT INTO cases (citizen, case_ref, trial_id, created_at, updated_at) "
            "VALUES ('Ib Holm', '2027-0001', 'T20', 'x', 'x')"
        )
        assert store._conn.execute("SELECT status FROM cases").fetchone() == ("aktiv",)


def test_the_checked_vocabulary_is_the_programs():
    # A new status or date name in terms.py needs a new migration that replaces m005's triggers.
    from caseworker_app.core.terms import ACTIVE, CLOSED, DATE_NAMES
    from caseworker_app.store.schema import M005_DATE_NAMES, M005_STATUSES

    assert M005_STATUSES == (ACTIVE, CLOSED)
    assert M005_DATE_NAMES == tuple(DATE_NAMES)
