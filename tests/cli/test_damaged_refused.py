"""`note`, `deadlines`, `report`, `schedule`/`trials --db` and the exports check the database as the
window's start does (SQLite's quick check,
store/damage.py file_damage) and refuse a damaged one: a note pasted into FASIT or a calendar,
plan or spreadsheet made from it may carry wrong facts. Danish on stderr, exit 1, no file written,
the database left as it was; the newest good copy named with the command that restores it."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from caseworker_app.cli import main
from caseworker_app.store import CaseStore
from caseworker_app.store.backup import make_backup
from tests.damaged_pages import CHANGES_INDEX, damage_page_of

HIRE = {"hire": date(2018, 8, 31)}

COMMANDS = {
    "note": (["note", "--case", "S-1", "--situation", "opfoelgning", "--date", "01-02-2021"], None, "Notatet"),
    "note --list": (["note", "--case", "S-1", "--list"], None, "Listen over sagens journalnotater"),
    "export": (["export", "{out}"], "frister.xlsx", "Regnearket"),
    "export --cases": (["export", "{out}", "--cases"], "sager.csv", "Regnearket"),
    "export-ics": (["export-ics", "{out}"], "frister.ics", "Eksporten til Outlook"),
    "calendar": (
        ["calendar", "--from", "01-02-2021", "--to", "31-03-2021", "--pdf", "{out}"],
        "kalender.pdf",
        "Opfølgningskalenderen",
    ),
    "plan": (["plan", "--case", "S-1", "--pdf", "{out}"], "plan.pdf", "Opfølgningsplanen"),
    "deadlines": (["deadlines"], None, "Listen over fristerne"),
    "schedule": (["schedule", "--trial", "T08", "--date", "hire=31-08-2018"], None, "Fristberegningen"),
    "trials": (["trials", "--trial", "T08"], None, "Oversigten over forsøgene"),
    "deadlines --json": (["deadlines", "--json"], None, "Listen over fristerne"),
    "report": (
        ["report", "--from", "01-01-2021", "--to", "31-01-2021", "--all", "--xlsx", "{out}"],
        "evaluering.xlsx",
        "Evalueringen",
    ),
}


def database(folder: Path, *, good_copy: bool, damaged: bool = True) -> Path:
    """12 cases (the damage needs them to land on a used part of the index page), a good copy of
    31-01-2021 at 17.00 if asked, then the history's index damaged: the cases read, the check fails."""
    db = folder / "sager.db"
    with CaseStore(db, clock=lambda: date(2021, 2, 1)) as store:
        for i in range(12):
            store.create_case(citizen=f"Borger {i}", case_ref=f"S-{i}", trial_id="T08", dates=HIRE)
    if good_copy:
        make_backup(db, now=datetime(2021, 1, 31, 17, 0))
    if damaged:
        damage_page_of(db, CHANGES_INDEX)
    return db


def run(capsys, db: Path, command: str, out_folder: Path) -> tuple[int, str, str, Path | None]:
    argv, name, _what = COMMANDS[command]
    out = out_folder / name if name else None
    code = main([*(a.replace("{out}", str(out)) for a in argv), "--db", str(db)])
    printed, err = capsys.readouterr()
    return code, printed, err, out


@pytest.mark.parametrize("command", list(COMMANDS))
def test_a_damaged_database_is_refused_with_the_good_copy_to_restore(capsys, tmp_path, command):
    db = database(tmp_path, good_copy=True)
    before = db.read_bytes()
    out_folder = tmp_path / "ud"
    out_folder.mkdir()

    code, printed, err, out = run(capsys, db, command, out_folder)

    copy = tmp_path / "sikkerhedskopier" / "sager-2021-01-31T170000.db"
    what = COMMANDS[command][2]
    assert (code, printed) == (1, "")
    assert err == (
        f"caseworker-app: fejl: Databasen {db} er beskadiget: SQLite fandt fejl i filen. Sager kan mangle eller være "
        f"forkerte. {what} er ikke lavet, for det kunne bære forkerte oplysninger videre. Den nyeste gode "
        f"sikkerhedskopi er fra 31-01-2021 kl. 17.00 (12 sager): {copy}. Gendan den med 'caseworker-app restore "
        f'--db "{db}" "{copy}"\' (se alle kopierne med \'caseworker-app backup --db "{db}" --list\'), og prøv '
        "igen.\n"
    )
    assert list(out_folder.iterdir()) == []  # no file written, not even a temporary one
    assert db.read_bytes() == before


def test_without_a_good_copy_it_says_to_contact_it(capsys, tmp_path):
    db = database(tmp_path, good_copy=False)
    out_folder = tmp_path / "ud"
    out_folder.mkdir()

    code, _printed, err, _out = run(capsys, db, "export", out_folder)

    assert code == 1
    assert err.endswith(
        "Regnearket er ikke lavet, for det kunne bære forkerte oplysninger videre. Der er ingen god sikkerhedskopi "
        f"at gendanne i mappen {tmp_path / 'sikkerhedskopier'}: kontakt IT.\n"
    )
    assert list(out_folder.iterdir()) == []


def test_the_restored_copy_exports_again(capsys, tmp_path):
    db = database(tmp_path, good_copy=True)
    out_folder = tmp_path / "ud"
    out_folder.mkdir()
    assert run(capsys, db, "export", out_folder)[0] == 1
    copy = tmp_path / "sikkerhedskopier" / "sager-2021-01-31T170000.db"
    assert main(["restore", "--db", str(db), str(copy)]) == 0  # as the message says
    capsys.readouterr()

    code, printed, err, out = run(capsys, db, "export", out_folder)

    assert (code, err) == (0, "")
    assert out is not None and out.is_file()
    assert " skrevet til " in printed


def test_a_whole_database_is_not_refused(capsys, tmp_path):
    db = database(tmp_path, good_copy=False, damaged=False)
    out_folder = tmp_path / "ud"
    out_folder.mkdir()
    code, _printed, err, out = run(capsys, db, "export", out_folder)
    assert (code, err) == (0, "")
    assert out is not None and out.is_file()
