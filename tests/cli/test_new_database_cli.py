"""An import into a database that does not exist yet makes the file only when the import is saved
(docs/import.md): a failure leaves no file that later commands would call damaged. `demo` in a folder
that cannot be written in names the folder."""

from __future__ import annotations

import sqlite3

import pytest

from caseworker_app.cli import main
from caseworker_app.services import importing

CSV_TEXT = "Navn;Sagsnummer;Ansættelsesdato\r\nAnne Berg;2026-0001;01-03-2024\r\nOle Bæk;2026-0002;01-03-2024\r\n"


@pytest.fixture
def case_list(tmp_path):
    path = tmp_path / "liste.csv"
    path.write_text(CSV_TEXT, encoding="utf-8")
    return path


def test_a_full_disk_while_saving_leaves_no_database(capsys, tmp_path, case_list, monkeypatch):
    saved = importing.save_import

    def disk_full(*args, **kwargs):
        saved(*args, **kwargs)  # the cases are written; the file then cannot grow
        exc = sqlite3.OperationalError("database or disk is full")
        exc.sqlite_errorname = "SQLITE_FULL"
        raise exc

    monkeypatch.setattr(importing, "save_import", disk_full)
    folder = tmp_path / "data"
    folder.mkdir()
    db = folder / "sager.db"
    code = main(["import", "--db", str(db), str(case_list), "--trial", "T08", "--today", "30-11-2026"])
    out, err = capsys.readouterr()
    assert code == 1
    assert err == f"caseworker-app: fejl: Databasen {db} kunne ikke oprettes: disken er fuld. Intet er gemt.\n"
    assert "Fortryd" not in out
    assert list(folder.iterdir()) == []


def test_a_saved_import_makes_the_database_and_names_it_for_undo(capsys, tmp_path, case_list):
    db = tmp_path / "sager.db"
    code = main(["import", "--db", str(db), str(case_list), "--trial", "T08", "--today", "30-11-2026"])
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    assert out.splitlines()[-1] == f'Fortryd hele importen med: caseworker-app import --db "{db}" --fortryd 1'
    assert sorted(p.name for p in tmp_path.iterdir()) == ["liste.csv", "sager.db"]


def test_a_csv_with_a_huge_cell_is_refused_naming_its_row_and_makes_no_database(capsys, tmp_path):
    # A tester's file: a cell of 300,000 characters in row 2 ended in 'Der opstod en uventet fejl'.
    source = tmp_path / "lang.csv"
    source.write_text(f"Navn;Sagsnummer;Ansættelsesdato;Bemærkning\nA;1;01-03-2024;{'x' * 300_000}\n", encoding="utf-8")
    db = tmp_path / "sager.db"
    code = main(["import", "--db", str(db), str(source), "--trial", "T08"])
    out, err = capsys.readouterr()
    assert (code, out) == (2, "")
    assert err.startswith(
        "caseworker-app: fejl: Række 2 kan ikke læses som CSV: en celle i rækken har over 131.072 tegn"
    )
    assert not db.exists()


def test_an_import_into_a_folder_is_refused_before_the_list_is_read(capsys, tmp_path):
    # A reviewer: a folder given as --db got "findes ikke endnu; den oprettes …", the whole preview,
    # then "oprettet af et andet program under importen".
    from caseworker_app.cli import main

    folder = tmp_path / "mappe"
    folder.mkdir()
    listed = tmp_path / "liste.csv"
    listed.write_bytes("Navn;Sagsnr.;Forsøg;Ansættelsesdato\r\nBo Berg;2026-0001;T08;01-03-2026\r\n".encode("cp1252"))
    assert main(["import", "--db", str(folder), str(listed)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert f"--db {folder} er en mappe, ikke en databasefil." in err


def test_a_move_windows_refuses_is_tried_again_then_said_in_danish(tmp_path, monkeypatch):
    # Windows refuses a file just closed while an antivirus holds it: the move is tried again, and a
    # last refusal is a Danish message with nothing left behind (it was "uventet fejl").
    from caseworker_app.store import StoreError, new_file

    calls = []

    def refused(source, target, exists_text):
        calls.append(source)
        raise PermissionError(13, "Access is denied")

    monkeypatch.setattr(new_file, "_move_once", refused)
    monkeypatch.setattr(new_file.time, "sleep", lambda _pause: None)
    target = tmp_path / "ny.db"
    with pytest.raises(StoreError) as refused_error:
        with new_file.written_beside(target, exists_text="findes") as new:
            new.temporary.write_bytes(b"x")
    assert len(calls) == 5  # the first try and four more
    assert str(refused_error.value).startswith(f"Databasen {target} kunne ikke oprettes: filen blev holdt åben")
    assert list(tmp_path.iterdir()) == []
