"""store/damage.py: whether a database file is damaged, in one Danish sentence for the same file
whichever check (the full one of today's copy, the quick one of a command or a start) or page
found it; what SQLite said kept for the log."""

from __future__ import annotations

from datetime import date

from caseworker_app.store import CaseStore
from caseworker_app.store.damage import Damage, file_damage
from tests.damaged_pages import CASES_TABLE, CHANGES_INDEX, damage_page_of

from .conftest import TODAY

HIRE = {"hire": date(2024, 5, 26)}


def with_cases(path, count):
    with CaseStore(path, clock=lambda: TODAY) as store:
        for i in range(count):
            store.create_case(citizen=f"Borger {i}", case_ref=f"S-{i}", trial_id="T08", dates=HIRE)


def test_a_readable_but_damaged_database_is_said_alike_by_the_full_and_the_quick_check(db_path):
    with_cases(db_path, 12)
    assert file_damage(db_path) is None
    damage_page_of(db_path, CHANGES_INDEX)
    with CaseStore(db_path) as store:
        assert len(store.list_cases()) == 12  # every case can still be read

    full, quick = file_damage(db_path), file_damage(db_path, quick=True)

    said = f"Databasen {db_path} er beskadiget: SQLite fandt fejl i filen."
    assert full is not None and quick is not None
    assert (full.text, quick.text) == (said, said)
    assert (full.detail, quick.detail) == ("7 fejl", "1 fejl")  # SQLite's counts differ: for the log only
    assert not full.not_sqlite


def test_a_database_whose_cases_cannot_be_read_is_said_in_the_same_words(db_path):
    with_cases(db_path, 3)
    damage_page_of(db_path, CASES_TABLE)

    damage = file_damage(db_path, quick=True)

    assert damage == Damage(db_path, detail="database disk image is malformed")  # the check stops at the page
    assert damage.text == f"Databasen {db_path} er beskadiget: SQLite fandt fejl i filen."


def test_a_missing_file_is_not_damage_a_file_that_is_not_sqlite_is_told_apart(tmp_path):
    assert file_damage(tmp_path / "findes-ikke.db") is None
    not_sqlite = tmp_path / "noter.db"
    not_sqlite.write_text("Møde tirsdag", encoding="utf-8")

    damage = file_damage(not_sqlite)

    assert damage is not None and damage.not_sqlite
    assert damage.text == f"Filen {not_sqlite} er ikke en SQLite-database, så den kan ikke være en sagsdatabase."
