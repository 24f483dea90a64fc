"""A new database (the demo, a first import) is written beside its place and moved in only when
complete: a failure leaves no file behind, and a folder that cannot be written in is named."""

from __future__ import annotations

import errno
import os
from datetime import date
from pathlib import Path

import pytest

from caseworker_app.store import CaseStore, StoreError
from caseworker_app.store.demo import create_demo_database
from caseworker_app.store.new_file import written_beside

EXISTS = "Filen findes allerede."


def test_a_complete_file_is_moved_into_place_and_nothing_else_is_left(tmp_path):
    target = tmp_path / "sager.db"
    with written_beside(target, exists_text=EXISTS) as new, CaseStore(new.temporary) as store:
        store.create_case(citizen="Anne Berg", case_ref="2026-0001", trial_id="T08", dates={"hire": date(2024, 3, 1)})
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sager.db"]
    with CaseStore(target, read_only=True) as store:
        assert [c.citizen for c in store.list_cases()] == ["Anne Berg"]


@pytest.mark.parametrize("failure", [KeyboardInterrupt(), SystemExit(143), ValueError("en fejl i programmet")])
def test_a_failure_while_writing_leaves_no_file(tmp_path, failure):
    target = tmp_path / "sager.db"
    with pytest.raises(type(failure)), written_beside(target, exists_text=EXISTS) as new:
        with CaseStore(new.temporary) as store:
            store.create_case(citizen="Anne", case_ref="1", trial_id="T08", dates={"hire": date(2024, 3, 1)})
        raise failure
    assert list(tmp_path.iterdir()) == []


def test_a_full_disk_is_said_in_danish_naming_the_database(tmp_path):
    target = tmp_path / "sager.db"
    with pytest.raises(StoreError) as caught, written_beside(target, exists_text=EXISTS) as new:
        with CaseStore(new.temporary):
            pass
        raise OSError(errno.ENOSPC, "No space left on device")
    assert str(caught.value) == f"Databasen {target} kunne ikke oprettes: disken er fuld. Intet er gemt."
    assert list(tmp_path.iterdir()) == []


def test_nothing_worth_keeping_makes_no_file(tmp_path):
    with written_beside(tmp_path / "sager.db", exists_text=EXISTS) as new:
        CaseStore(new.temporary).close()
        new.keep = False
    assert list(tmp_path.iterdir()) == []


def test_a_file_that_appeared_meanwhile_is_not_overwritten(tmp_path):
    target = tmp_path / "sager.db"
    with pytest.raises(StoreError, match="^Filen findes allerede.$"), written_beside(target, exists_text=EXISTS) as n:
        CaseStore(n.temporary).close()
        target.write_bytes(b"andet")
    assert target.read_bytes() == b"andet"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sager.db"]


def test_a_missing_folder_is_made_as_for_any_database_and_removed_again_on_failure(tmp_path):
    folder = tmp_path / "ny mappe" / "sager"
    with pytest.raises(KeyboardInterrupt), written_beside(folder / "sager.db", exists_text=EXISTS) as new:
        CaseStore(new.temporary).close()
        raise KeyboardInterrupt
    assert list(tmp_path.iterdir()) == []
    path = create_demo_database(folder / "demo.db", date(2026, 11, 23))
    assert sorted(p.name for p in folder.iterdir()) == ["demo.db"]
    assert path == folder / "demo.db"


def test_the_demo_on_a_read_only_file_system_names_the_folder(tmp_path, monkeypatch):
    # As on a read-only mount: creating a file fails, and so does removing one that is not there.
    real_open, real_unlink = os.open, Path.unlink

    def read_only(where):
        if Path(where).parent == tmp_path:
            raise OSError(errno.EROFS, "Read-only file system", str(where))

    def open_(path, *args, **kwargs):
        read_only(path)
        return real_open(path, *args, **kwargs)

    def unlink(self, missing_ok=False):
        read_only(self)
        return real_unlink(self, missing_ok=missing_ok)

    monkeypatch.setattr(os, "open", open_)
    monkeypatch.setattr(Path, "unlink", unlink)
    with pytest.raises(StoreError) as caught:
        create_demo_database(tmp_path / "x.db", date(2026, 11, 23))
    assert str(caught.value) == (
        f"Kan ikke oprette en database i mappen {tmp_path}: mappen er skrivebeskyttet, eller du har ikke lov at "
        "skrive i den. Vælg en anden mappe med --db."
    )


def test_a_temporary_file_a_killed_import_left_is_removed_by_a_later_one(tmp_path):
    # A hard kill (power cut) left '.ny.db.<pid>.tmp' with every imported name and CPR number in it:
    # a later write of the same database removes one older than the stale limit.
    import os
    import time

    from caseworker_app.core.atomic import STALE_AFTER_SECONDS
    from caseworker_app.store import new_file

    target = tmp_path / "ny.db"
    left = tmp_path / ".ny.db.99999.tmp"
    left_journal = tmp_path / ".ny.db.99999.tmp-journal"
    recent = tmp_path / ".ny.db.88888.tmp"  # another run's, under way now: kept
    for leftover in (left, left_journal, recent):
        leftover.write_bytes(b"personal data")
    old = time.time() - STALE_AFTER_SECONDS - 60
    for leftover in (left, left_journal):
        os.utime(leftover, (old, old))
    with new_file.written_beside(target, exists_text="findes") as new:
        new.keep = False
    assert not left.exists() and not left_journal.exists() and recent.exists()
