"""A full disk is said as a full disk, with what to do: SQLite often reports it as 'disk I/O error',
which the program said as a fault reading or writing the disk (tester: IT looked for broken hardware)."""

from __future__ import annotations

import shutil
import sqlite3
from collections import namedtuple
from datetime import date

import pytest

from caseworker_app.store import CaseStore, StoreError
from caseworker_app.store.opening import store_error

Usage = namedtuple("Usage", "total used free")


class _FailingDisk:
    """The store's connection as on a disk that fails: every statement raises SQLite's error."""

    def __init__(self, conn: sqlite3.Connection, message: str):
        self._conn, self._message = conn, message

    def execute(self, *_args, **_kwargs):
        raise sqlite3.OperationalError(self._message)

    def __getattr__(self, name):
        return getattr(self._conn, name)


@pytest.fixture
def free_space(monkeypatch):
    """Set the free space shutil.disk_usage reports, in bytes."""

    def set_free(free: int) -> None:
        monkeypatch.setattr(shutil, "disk_usage", lambda _folder: Usage(64 * 1024**3, 64 * 1024**3 - free, free))

    return set_free


def failing(store: CaseStore, message: str):
    store._db_part.conn = _FailingDisk(store._db_part.conn, message)


def test_a_disk_i_o_error_on_a_full_disk_says_the_disk_is_full_and_what_to_do(tmp_path, free_space):
    path = tmp_path / "sager.db"
    store = CaseStore(path)
    real = store._db_part.conn
    free_space(300 * 1024)
    failing(store, "disk I/O error")
    try:
        with pytest.raises(StoreError) as exc:
            store.list_cases()  # a read: the tester's read-only commands said the same
    finally:
        store._db_part.conn = real
        store.close()
    assert str(exc.value) == (
        f"Disken med databasen {path} er fuld (der er kun 300 kB fri plads tilbage), så databasen kan ikke "
        "bruges: den skal have plads til sine midlertidige filer, også for at blive læst. Intet er gemt. "
        "Frigør plads på disken (slet eller flyt filer, du ikke bruger, og tøm papirkurven), og prøv igen. "
        "Skal databasen kopieres til et andet drev, kræver det også fri plads dér."
    )
    assert exc.value.window_text() == (
        f"Disken med databasen {path} er fuld (der er kun 300 kB fri plads tilbage), så databasen kan ikke "
        "bruges: den skal have plads til sine midlertidige filer, også for at blive læst. Intet er gemt. "
        "Frigør plads på disken (slet eller flyt filer, du ikke bruger, og tøm papirkurven), og prøv igen. "
        "Skal databasen kopieres til et andet drev, kræver det også fri plads dér. Spørg IT, hvis du ikke "
        "selv kan frigøre plads.\n\nTeknisk oplysning til IT: disk I/O error"
    )


def test_a_save_refused_by_sqlite_as_a_full_disk_says_so_too(tmp_path, free_space):
    path = tmp_path / "sager.db"
    store = CaseStore(path)
    real = store._db_part.conn
    free_space(0)
    failing(store, "database or disk is full")
    try:
        with pytest.raises(StoreError) as exc:
            store.create_case(citizen="Jens", case_ref="1", trial_id="T08", dates={"hire": date(2024, 5, 26)})
    finally:
        store._db_part.conn = real
    try:
        assert store.list_cases() == []
    finally:
        store.close()
    assert str(exc.value).startswith(f"Disken med databasen {path} er fuld (der er ingen fri plads tilbage), ")


def test_opening_on_a_full_disk_says_so(tmp_path, free_space):
    # As the command line's read-only commands open the file: the error comes from the opening.
    path = tmp_path / "sager.db"
    free_space(12 * 1024)
    error = store_error(path, sqlite3.OperationalError("disk I/O error"))
    assert str(error).startswith(f"Disken med databasen {path} er fuld (der er kun 12 kB fri plads tilbage), ")


def test_a_disk_i_o_error_with_room_to_spare_is_still_a_fault_of_the_disk(tmp_path, free_space):
    path = tmp_path / "sager.db"
    free_space(40 * 1024**3)
    error = store_error(path, sqlite3.OperationalError("disk I/O error"))
    assert str(error) == (
        f"Databasen {path} kunne ikke bruges (fejl ved læsning eller skrivning på disken). Intet er gemt. "
        "Prøv igen, eller vælg en anden fil med --db."
    )


def test_full_with_room_to_spare_names_the_temporary_folder_and_a_quota_not_the_database_disk(
    tmp_path, free_space, monkeypatch
):
    # SQLITE_FULL with 62 GB free on the database's drive (reviewer): a full TEMP drive, a quota.
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "Temp"))
    path = tmp_path / "sager.db"
    free_space(66_044_772_352)  # 62.984,5 MB
    error = store_error(path, sqlite3.OperationalError("database or disk is full"))
    said = (
        f"Databasen {path} kunne ikke bruges: der var ikke plads til det, der skulle skrives, selv om disken med "
        f"databasen har 61,5 GB fri plads. Intet er gemt. Det kan skyldes, at mappen til midlertidige filer "
        f"({tmp_path / 'Temp'}) ligger på et drev, der er fuldt, eller at du har brugt den plads, du må bruge på "
        "drevet (en kvote, fx på et netværksdrev)."
    )
    assert (
        str(error)
        == f"{said} Frigør plads på drevet med {tmp_path / 'Temp'}, eller bed IT om at se på kvoten, og prøv igen."
    )
    assert error.window_text() == (
        f"{said} Prøv igen; sker det igen, så bed IT om at se på pladsen og kvoten.\n\n"
        "Teknisk oplysning til IT: database or disk is full"
    )
    assert error.fault and error.says_nothing_saved


def test_full_with_little_room_left_is_still_the_database_disk(tmp_path, free_space):
    path = tmp_path / "sager.db"
    free_space(100 * 1024**2)
    error = store_error(path, sqlite3.OperationalError("database or disk is full"))
    assert str(error).startswith(f"Disken med databasen {path} er fuld (der er kun 100,0 MB fri plads tilbage), ")


def test_sizes_from_a_gigabyte_are_said_in_gb_with_danish_separators():
    from caseworker_app.store.backup import size_text

    assert size_text(12 * 1024) == "12 kB"
    assert size_text(1023 * 1024**2 + 900 * 1024) == "1.023,9 MB"
    assert size_text(1024**3) == "1,0 GB"
    assert size_text(1500 * 1024**3) == "1.500,0 GB"
