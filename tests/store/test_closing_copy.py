"""Today's copy made again at closing when the day's work changed the database (a tester's first day:
the start copied the empty database, the three cases typed in after it were in no copy)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from caseworker_app.core.settings import Settings
from caseworker_app.store import CaseStore, StoreError
from caseworker_app.store.backup import auto_backup, check_backup, list_backups
from tests.damage import damage_the_events_table

HIRE = {"hire": date(2024, 5, 26)}


def add_cases(store, *refs):
    for ref in refs:
        store.create_case(citizen=f"Borger {ref}", case_ref=ref, trial_id="T08", dates=HIRE)


def listed(db_path):
    return [(b.path.name, b.cases) for b in list_backups(db_path)]


def test_the_closing_copies_the_days_work_beside_the_mornings_copy(store, db_path):
    assert auto_backup(db_path, now=datetime(2026, 11, 23, 8, 0)) is not None  # the first start: no cases
    add_cases(store, "2026-0001", "2026-0002", "2026-0003")
    store.add_event(store.list_cases()[0].id, day=date(2026, 11, 23), kind="followup", text="Samtale")

    made = auto_backup(db_path, now=datetime(2026, 11, 23, 16, 30), again_if_changed=True)

    assert made is not None
    assert listed(db_path) == [("sager-2026-11-23T163000.db", 3), ("sager-2026-11-23T080000.db", 0)]
    assert check_backup(made.path) is None


def test_a_settings_change_alone_is_a_change_worth_a_copy(store, db_path):
    """Not only cases: the name and municipality given at the first start are the day's work too."""
    add_cases(store, "2026-0001")
    auto_backup(db_path, now=datetime(2026, 11, 23, 8, 0))
    store.save_settings(Settings(caseworker_name="Mette Sørensen", municipality="Vesthimmerlands Kommune"))

    assert auto_backup(db_path, now=datetime(2026, 11, 23, 16, 30), again_if_changed=True) is not None
    assert [name for name, _ in listed(db_path)] == ["sager-2026-11-23T163000.db", "sager-2026-11-23T080000.db"]


def test_a_day_without_changes_makes_no_second_copy(store, db_path):
    add_cases(store, "2026-0001")
    auto_backup(db_path, now=datetime(2026, 11, 23, 8, 0))
    store.close()  # the closing: the store's -wal written into the file first; nothing new in it

    assert auto_backup(db_path, now=datetime(2026, 11, 23, 16, 30), again_if_changed=True) is None
    assert listed(db_path) == [("sager-2026-11-23T080000.db", 1)]


def test_the_closing_compares_with_the_newest_copy_of_the_day(store, db_path):
    add_cases(store, "2026-0001")
    auto_backup(db_path, now=datetime(2026, 11, 23, 8, 0))
    add_cases(store, "2026-0002")
    store.close()  # closed at noon after work (the window closes its store before the copy)
    auto_backup(db_path, now=datetime(2026, 11, 23, 12, 0), again_if_changed=True)

    # Opened again, nothing written, closed at 16.30: the noon copy holds it all.
    assert auto_backup(db_path, now=datetime(2026, 11, 23, 16, 30), again_if_changed=True) is None
    assert listed(db_path) == [("sager-2026-11-23T120000.db", 2), ("sager-2026-11-23T080000.db", 1)]


def test_pages_another_program_still_holds_in_the_wal_get_a_copy(store, db_path):
    """A shared database another program has open keeps pages in its -wal, which are not compared:
    a copy is made – one too many at worst, never one too few."""
    add_cases(store, "2026-0001")
    store.close()
    auto_backup(db_path, now=datetime(2026, 11, 23, 8, 0))
    other = CaseStore(db_path)  # another program, still open at this window's closing
    try:
        other.settings()  # reads: the -wal exists; nothing new is in the database
        add_cases(other, "2026-0002")
        made = auto_backup(db_path, now=datetime(2026, 11, 23, 16, 30), again_if_changed=True)
    finally:
        other.close()
    assert made is not None and made.cases == 2


def test_a_damaged_database_at_closing_makes_no_copy_and_keeps_the_good_one(store, db_path):
    add_cases(store, "2026-0001", "2026-0002")
    store.add_event(store.list_cases()[0].id, day=date(2026, 11, 2), kind="followup", text="Samtale")
    good = auto_backup(db_path, now=datetime(2026, 11, 23, 8, 0))
    assert good is not None
    good_bytes = good.path.read_bytes()
    store.close()
    damage_the_events_table(db_path)

    with pytest.raises(StoreError, match="er beskadiget"):
        auto_backup(db_path, now=datetime(2026, 11, 23, 16, 30), again_if_changed=True)

    assert listed(db_path) == [("sager-2026-11-23T080000.db", 2)]
    assert good.path.read_bytes() == good_bytes and check_backup(good.path) is None
