"""An IT supporter's findings in `backup`, `restore` and a missing database on the command line: a
missing or empty database points to its newest copy (never a demo on the real path), `backup --list`
lists the copies of a missing database and says why a copy cannot be read, `--to` takes no file
without .db, and a copy that cannot be restored is a wrong file name (exit 2), as the README says."""

from __future__ import annotations

import shlex
import sqlite3
from datetime import date, datetime

import pytest

from caseworker_app.cli import main
from caseworker_app.store import CaseStore
from caseworker_app.store.backup import make_backup

HIRE = {"hire": date(2024, 5, 26)}


def run(capsys, argv):
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def database(path, cases: int, prefix: str = "S"):
    with CaseStore(path, clock=lambda: date(2026, 11, 23)) as store:
        for i in range(cases):
            store.create_case(citizen=f"Borger {prefix}{i}", case_ref=f"{prefix}-{i}", trial_id="T08", dates=HIRE)


@pytest.fixture
def lost(tmp_path):
    """'sager æøå.db' in a folder with a space, copied three times (the newest of an empty database),
    then deleted: what a supporter found after a disk clean-up."""
    folder = tmp_path / "x y"
    folder.mkdir()
    db = folder / "sager æøå.db"
    database(db, 2)
    make_backup(db, now=datetime(2026, 11, 20, 8, 0))
    database(db, 1, "L")  # a third case
    make_backup(db, now=datetime(2026, 11, 23, 8, 0))
    db.unlink()
    database(db, 0)
    make_backup(db, now=datetime(2026, 11, 24, 8, 0))  # a copy without cases is no help
    db.unlink()
    return db


def test_a_missing_database_names_its_newest_copy_and_the_restore_that_runs_as_pasted(capsys, lost):
    copy = lost.parent / "sikkerhedskopier" / "sager æøå-2026-11-23T080000.db"
    for argv in (["deadlines", "--db", str(lost)], ["backup", "--db", str(lost)]):
        code, out, err = run(capsys, argv)
        assert (code, out) == (1, "")
        assert err == (
            f"caseworker-app: fejl: databasen {lost} findes ikke. Den nyeste gode sikkerhedskopi er fra "
            f'23-11-2026 kl. 08.00 (3 sager): {copy}. Gendan den med \'caseworker-app restore --db "{lost}" '
            f'"{copy}"\' (se alle kopierne med \'caseworker-app backup --db "{lost}" --list\'), eller angiv den '
            "rigtige fil med --db, hvis databasen er flyttet.\n"
        )
        assert "demo" not in err
        assert not lost.exists()
    restore = shlex.split(err.split("Gendan den med '")[1].split("'")[0])
    assert restore[0] == "caseworker-app"
    code, out, err = run(capsys, restore[1:])
    assert (code, err) == (0, "")
    assert out == f"Databasen {lost} er gendannet fra {copy} (3 sager).\n"


def test_an_empty_database_file_names_its_newest_copy_too(capsys, lost):
    lost.write_bytes(b"")
    code, _, err = run(capsys, ["deadlines", "--db", str(lost)])
    assert code == 1
    assert (
        f"{lost} er en tom fil, ikke en sagsdatabase. Filen er ikke ændret. Den nyeste gode sikkerhedskopi er fra "
        in err
    )
    assert "23-11-2026 kl. 08.00 (3 sager)" in err
    # The file is there, only empty: the database lies elsewhere, it has not been moved (reviewer).
    assert err.rstrip().endswith("eller angiv den rigtige fil med --db, hvis databasen ligger et andet sted.")
    assert lost.read_bytes() == b""


def test_backup_list_lists_the_copies_of_a_missing_database(capsys, lost):
    copies = lost.parent / "sikkerhedskopier"
    code, out, err = run(capsys, ["backup", "--db", str(lost), "--list"])
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[:2] == [f"Databasen {lost} findes ikke.", f"Sikkerhedskopier af {lost} (nyeste først):"]
    rows = [
        ("24-11-2026", "0 sager", "sager æøå-2026-11-24T080000.db"),
        ("23-11-2026", "3 sager", "sager æøå-2026-11-23T080000.db"),
        ("20-11-2026", "2 sager", "sager æøå-2026-11-20T080000.db"),
    ]
    for line, (when, cases, name) in zip(lines[2:5], rows, strict=True):
        assert line.startswith(f"  {when} kl. 08.00 ")
        assert f" {cases} " in line
        assert line.endswith(str(copies / name))
    newest = copies / "sager æøå-2026-11-23T080000.db"
    assert lines[5:] == [
        f"Den nyeste gode sikkerhedskopi er fra 23-11-2026 kl. 08.00 (3 sager): {newest}. Gendan den med "
        f'\'caseworker-app restore --db "{lost}" "{newest}"\', eller angiv den rigtige fil med --db, hvis '
        "databasen er flyttet."
    ]
    assert not lost.exists()


def test_the_demo_is_only_suggested_without_copies_and_then_in_a_new_file(capsys, tmp_path):
    db = tmp_path / "sager.db"
    code, _, err = run(capsys, ["deadlines", "--db", str(db)])
    assert code == 1
    assert err == (
        f"caseworker-app: fejl: databasen {db} findes ikke. Der er ingen sikkerhedskopier af den i mappen "
        f"{tmp_path / 'sikkerhedskopier'}. Angiv den rigtige fil med --db, hvis den er flyttet. Vil du prøve "
        "programmet med opdigtede sager, så lav en demo-database i en ny fil med: caseworker-app demo --db "
        f'"{tmp_path / "demo.db"}" – eller åbn programmet og opret sager.\n'
    )
    code, _, err = run(capsys, ["backup", "--db", str(db), "--list"])
    assert code == 1
    assert f"databasen {db} findes ikke. Der er ingen sikkerhedskopier af den i mappen" in err
    assert not db.exists()


def test_copies_without_cases_are_named_but_no_demo(capsys, tmp_path):
    db = tmp_path / "sager.db"
    database(db, 0)
    make_backup(db, now=datetime(2026, 11, 24, 8, 0))
    db.unlink()
    code, _, err = run(capsys, ["deadlines", "--db", str(db)])
    assert code == 1
    assert err == (
        f"caseworker-app: fejl: databasen {db} findes ikke. Ingen af sikkerhedskopierne i mappen "
        f"{tmp_path / 'sikkerhedskopier'} har sager, der kan gendannes (se dem med 'caseworker-app backup --db "
        f'"{db}" --list\'). Angiv den rigtige fil med --db, hvis databasen er flyttet, eller kontakt IT.\n'
    )


# ------------------------------------------------------------ backup --list: why a copy cannot be read


def test_backup_list_says_why_a_copy_cannot_be_read(capsys, tmp_path):
    db = tmp_path / "sager.db"
    database(db, 2)
    newer = make_backup(db, now=datetime(2026, 11, 23, 8, 0)).path
    conn = sqlite3.connect(newer)
    with conn:
        conn.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES (?, ?, ?)",
            ("caseworker_app", "m999_future", "2027-01-01T00:00:00"),
        )
    conn.close()
    text = tmp_path / "sikkerhedskopier" / "sager-2026-11-22T080000.db"
    text.write_text("ikke en database")
    code, out, err = run(capsys, ["backup", "--db", str(db), "--list"])
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert "kan ikke læses" in lines[1] and str(newer) in lines[1]
    assert lines[2].strip() == (
        f"Filen {newer} er lavet af en nyere version af programmet. Opdatér programmet for at bruge den."
    )
    assert "kan ikke læses" in lines[3] and str(text) in lines[3]
    assert lines[4].strip() == f"Filen {text} er ikke en sagsdatabase."
    assert len(lines) == 5
    # restore says the same
    code, _, err = run(capsys, ["restore", "--db", str(db), str(newer)])
    assert code == 2
    assert f"Filen {newer} er lavet af en nyere version af programmet." in err


# ------------------------------------------------------------ backup --to


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "sager.db"
    database(path, 1)
    return path


def test_a_to_without_db_ending_is_refused_and_nothing_is_written(capsys, db, tmp_path):
    usb = tmp_path / "USB nøgle"
    usb.mkdir()
    code, out, err = run(capsys, ["backup", "--db", str(db), "--to", str(usb / "ny")])
    assert (code, out) == (2, "")
    assert err == (
        f"caseworker-app: fejl: mappen {usb / 'ny'} findes ikke, og et nyt filnavn til kopien skal ende på .db "
        f"(fx {usb / 'ny.db'}). Skal kopien i en ny mappe, så opret mappen først; intet er skrevet.\n"
    )
    code, out, err = run(capsys, ["backup", "--db", str(db), "--to", str(usb / "kopi.txt")])
    assert (code, out) == (2, "")
    assert err == (
        f"caseworker-app: fejl: kopiens filnavn kopi.txt skal ende på .db (fx {usb / 'kopi.db'}), så kopien kan "
        "findes og gendannes igen; intet er skrevet.\n"
    )
    # A reviewer: a name with a number after its dot, meant as a folder, lost the number in the
    # suggestion ('Kopier 2026.db'); a name in a folder that is not there was suggested with .db,
    # which failed again.
    code, out, err = run(capsys, ["backup", "--db", str(db), "--to", str(usb / "Kopier 2026.12")])
    assert err == (
        f"caseworker-app: fejl: mappen {usb / 'Kopier 2026.12'} findes ikke, og et nyt filnavn til kopien skal "
        f"ende på .db (fx {usb / 'Kopier 2026.12.db'}). Skal kopien i en ny mappe, så opret mappen først; intet "
        "er skrevet.\n"
    )
    code, out, err = run(capsys, ["backup", "--db", str(db), "--to", str(usb / "ny mappe" / "ny")])
    assert err == (
        f"caseworker-app: fejl: mappen {usb / 'ny mappe'} findes ikke. Opret den først, eller vælg en anden mappe; "
        "intet er skrevet.\n"
    )
    assert list(usb.iterdir()) == []
    assert main(["backup", "--db", str(db), "--to", str(usb / "kopi.db")]) == 0
    assert [p.name for p in usb.iterdir()] == ["kopi.db"]


def test_backup_list_with_to_is_refused(capsys, db, tmp_path):
    code, out, err = run(capsys, ["backup", "--db", str(db), "--list", "--to", str(tmp_path)])
    assert (code, out) == (2, "")
    assert err == (
        "caseworker-app: fejl: --list viser kopierne i mappen 'sikkerhedskopier' ved siden af databasen og bruges "
        "ikke med --to. Brug --list alene, eller --to alene for at lave en kopi.\n"
    )


# ------------------------------------------------------------ restore: exit codes


def test_every_copy_that_cannot_be_restored_exits_2_and_changes_nothing(capsys, db, tmp_path):
    """The README: wrong file names give code 2 (a missing copy did; the database itself and a file that
    is no case database gave 1)."""
    before = db.read_bytes()
    text = tmp_path / "tekst.db"
    text.write_text("ikke en database")
    for copy, said in [
        (tmp_path / "findes-ikke.db", f"sikkerhedskopien {tmp_path / 'findes-ikke.db'} findes ikke."),
        (db, f"{db} er selve databasen. Vælg en sikkerhedskopi."),
        (text, f"Filen {text} er ikke en sagsdatabase. Databasen er ikke ændret."),
    ]:
        code, out, err = run(capsys, ["restore", "--db", str(db), str(copy)])
        assert (code, out) == (2, ""), copy
        assert said in err
    assert db.read_bytes() == before
    assert not (tmp_path / "sikkerhedskopier").exists()


def test_a_copy_that_cannot_be_read_is_a_fault_exit_1_not_a_wrong_file_name(capsys, db, monkeypatch):
    # Permission denied, a drive gone (reviewer): the file may well be a good copy; exit 2 said "wrong name".
    import errno
    from pathlib import Path

    copy = make_backup(db, now=datetime(2026, 11, 23, 8, 0)).path
    before = db.read_bytes()
    real_open = Path.open

    def denied(self, *args, **kwargs):
        if self == copy:
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", denied)
    code, out, err = run(capsys, ["restore", "--db", str(db), str(copy)])
    assert (code, out) == (1, "")
    assert (
        f"Sikkerhedskopien {copy} kan ikke læses (du har ikke adgang til den). Kontrollér, at drevet med filen er "
        "forbundet, og at du har lov at læse filen, og prøv igen. Databasen er ikke ændret."
    ) in err
    assert db.read_bytes() == before
