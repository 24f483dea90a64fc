"""A file that is not a case database, or is damaged: a Danish message, the file unchanged."""

from __future__ import annotations

import os
import sqlite3
from datetime import date

import pytest

from caseworker_app.store import CaseStore, StoreError
from caseworker_app.store.opening import store_error


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


def window_text_of(path) -> str:
    with pytest.raises(StoreError) as exc:
        CaseStore(path)
    return exc.value.window_text()


def test_the_window_s_text_for_a_damaged_file_names_the_menu_not_the_command_line(tmp_path):
    path = tmp_path / "sager.db"
    path.write_bytes(b"SQLite format 3\x00" + b"\x01" * 3000)
    assert window_text_of(path) == (
        f"Filen {path} er ikke en sagsdatabase, eller den er beskadiget. Filen er ikke ændret. "
        "Gendan en sikkerhedskopi under Filer › Sikkerhedskopier, eller kontakt IT.\n\n"
        "Teknisk oplysning til IT: file is not a database"
    )


def test_the_window_s_text_for_a_folder_that_cannot_be_made_has_sqlite_s_words_last(tmp_path):
    not_a_folder = tmp_path / "drev"
    not_a_folder.write_text("en fil, hvor mappen skulle være")
    path = not_a_folder / "sager.db"
    text = window_text_of(path)
    advice, technical = text.split("\n\n")
    assert advice == (
        f"Databasen {path} kan ikke åbnes eller skrives. Kontrollér, at mappen {not_a_folder} findes "
        "(fx at netværksdrevet er forbundet), og at du har lov at skrive i den; spørg ellers IT."
    )
    assert technical.startswith("Teknisk oplysning til IT: ")  # the system's words, in its language


def test_a_read_only_database_s_english_words_are_a_technical_line_in_the_window(tmp_path):
    path = tmp_path / "sager.db"
    with CaseStore(path):
        pass
    read_only = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        with pytest.raises(sqlite3.OperationalError) as sqlite_error:
            read_only.execute("CREATE TABLE x (a)")
    finally:
        read_only.close()
    error = store_error(path, sqlite_error.value)
    assert str(error) == (  # the command line's text
        f"Databasen {path} kan ikke åbnes eller skrives (databasen er skrivebeskyttet). "
        "Kontrollér, at mappen findes, og at du har skriveadgang, eller vælg en anden fil med --db."
    )
    assert error.window_text() == (
        f"Databasen {path} kan ikke åbnes eller skrives. Kontrollér, at mappen {tmp_path} findes "
        "(fx at netværksdrevet er forbundet), og at du har lov at skrive i den; spørg ellers IT.\n\n"
        "Teknisk oplysning til IT: attempt to write a readonly database"
    )


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
    assert window_text_of(path) == (
        f"Filen {path} er en SQLite-database fra et andet program, ikke en sagsdatabase. "
        "Filen er ikke ændret. Spørg IT, hvilken fil programmet skal bruge."
    )


def test_a_folder_instead_of_a_file(tmp_path):
    with pytest.raises(StoreError, match="er en mappe"):
        CaseStore(tmp_path)
    assert window_text_of(tmp_path) == (
        f"{tmp_path} er en mappe, ikke en databasefil. Spørg IT, hvilken fil programmet skal bruge."
    )


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


def test_a_write_protected_database_file_is_named_not_its_folder(tmp_path):
    # The tester's case: sager.db at mode 444 in a folder the caseworker may write in. The window said to
    # check the folder; the file's write protection is what to remove. (Root may write a 444 file, as the
    # tests run here: the connection is made read-only, as SQLite's own is for such a file.)
    path = tmp_path / "sager.db"
    store = CaseStore(path)
    try:
        store._conn.execute("PRAGMA query_only = ON")
        path.chmod(0o444)
        with pytest.raises(StoreError) as exc:
            store.create_case(citizen="Jens", case_ref="1", trial_id="T08", dates={"hire": date(2024, 5, 26)})
    finally:
        path.chmod(0o644)
        store.close()
    assert str(exc.value) == (
        f"Databasen {path} er skrivebeskyttet: filen kan kun læses, så intet kan gemmes i den. Fjern "
        "skrivebeskyttelsen af filen, eller vælg en anden fil med --db."
    )
    assert exc.value.window_text() == (
        f"Databasen {path} er skrivebeskyttet: filen kan kun læses, så intet kan gemmes i den. Fjern "
        "skrivebeskyttelsen af filen (i Stifinder: højreklik på filen › Egenskaber › fjern fluebenet ved "
        "Skrivebeskyttet), eller spørg IT.\n\n"
        "Teknisk oplysning til IT: attempt to write a readonly database"
    )
