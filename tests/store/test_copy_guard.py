"""What the window's automatic copy and its start ask (store/copy_guard.py): is the database missing
or empty, which copy is worth restoring, and is it an empty database beside copies that hold cases
(then it is not copied). Whether it is damaged: tests/store/test_damage.py."""

from __future__ import annotations

from datetime import date, datetime

from caseworker_app.store import CaseStore
from caseworker_app.store.backup import make_backup
from caseworker_app.store.copy_guard import empty_beside_copies_with_cases, newest_copy_with_cases
from caseworker_app.store.opening import missing_or_empty
from tests.damaged_pages import CHANGES_INDEX, damage_page_of

from .conftest import TODAY

HIRE = {"hire": date(2024, 5, 26)}


def with_cases(path, count):
    with CaseStore(path, clock=lambda: TODAY) as store:
        for i in range(count):
            store.create_case(citizen=f"Borger {i}", case_ref=f"S-{i}", trial_id="T08", dates=HIRE)


def test_missing_or_empty(tmp_path, db_path):
    assert missing_or_empty(db_path)
    db_path.touch()
    assert missing_or_empty(db_path)
    with_cases(db_path, 0)
    assert not missing_or_empty(db_path)
    assert not missing_or_empty(tmp_path)  # a folder: CaseStore says what is wrong


def test_the_copy_worth_restoring_holds_cases_and_is_whole(db_path):
    with_cases(db_path, 12)
    older = make_backup(db_path, now=datetime(2026, 11, 20, 17, 0))
    with_cases(db_path.with_name("tom.db"), 0)
    make_backup(db_path.with_name("tom.db"), db_path.parent / "sikkerhedskopier" / "sager-2026-11-23T080000.db")
    assert newest_copy_with_cases(db_path) == older  # not the newer copy of an empty database
    damage_page_of(older.path, CHANGES_INDEX)
    assert newest_copy_with_cases(db_path) is None  # nor a damaged one


def test_an_empty_database_beside_copies_with_cases(db_path):
    with_cases(db_path, 0)
    assert not empty_beside_copies_with_cases(db_path)  # a first start: its copy is made as always
    make_backup(db_path, now=datetime(2026, 11, 20, 17, 0))
    assert not empty_beside_copies_with_cases(db_path)  # copies of the empty database only
    with_cases(db_path.with_name("gammel.db"), 3)
    make_backup(db_path.with_name("gammel.db"), db_path.parent / "sikkerhedskopier" / "sager-2026-11-19T170000.db")
    assert empty_beside_copies_with_cases(db_path)
    with_cases(db_path, 1)  # the caseworker registers a case: copies are made again
    assert not empty_beside_copies_with_cases(db_path)
