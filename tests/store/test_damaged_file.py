"""A file that is not a case database, or is damaged: a Danish message, the file unchanged."""

from __future__ import annotations

import os
import sqlite3
from datetime import date

import pytest

from caseworker_app.store import CaseStore, StoreError


def refused_untouched(path, pattern):
    before = path.read_bytes()
    with pytest.raises(StoreError, match=pattern) as exc:
        CaseStore(path)
    assert str(path) in str(exc.value)
    assert path.read_bytes() == before
    assert not path.with_name(path.name + "-wal").exists()
    return str(exc.value)


def test_garbage_bytes(tmp_path):
    path = tmp_path / "sager.db"
    path.write_bytes(os.urandom(4096))
    message = refused_untouched(path, "ikke en sagsdatabase, eller den er beskadiget")
    assert "Filen er ikke ændret" in message
    assert "--db" in message


def test_a_text_file(tmp_path):
    path = tmp_path / "noter.txt"
    path.write_text("Møde med Jens tirsdag\n", encoding="utf-8")
    refused_untouched(path, "ikke en sagsdatabase")


def test_a_damaged_database_with_a_valid_header(tmp_path):
    path = tmp_path / "sager.db"
    with CaseStore(path) as store:
        store.create_case(citizen="Jens", case_ref="1", trial_id="T08", dates={"hire": date(2024, 5, 26)})
    data = bytearray(path.read_bytes())
    data[100:4096] = os.urandom(4096 - 100)  # keep the 100-byte header, destroy the schema page
    path.write_bytes(bytes(data))
    refused_untouched(path, "beskadiget")


def test_a_database_of_another_program(tmp_path):
    path = tmp_path / "andet.db"
    with sqlite3.connect(path) as other:
        other.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)")
    refused_untouched(path, "fra et andet program")


def test_a_folder_instead_of_a_file(tmp_path):
    with pytest.raises(StoreError, match="er en mappe"):
        CaseStore(tmp_path)


def test_a_folder_that_cannot_be_written(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root can write everywhere")
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        with pytest.raises(StoreError, match="kan ikke åbnes eller skrives"):
            CaseStore(locked / "sager.db")
    finally:
        locked.chmod(0o700)


def test_an_empty_file_becomes_a_new_database(tmp_path):
    path = tmp_path / "sager.db"
    path.touch()
    with CaseStore(path) as store:
        assert store.list_cases() == []
