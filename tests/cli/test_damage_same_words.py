"""A tester: the same damaged database was "(filen kan ikke læses helt)" to some commands and "(N fejl
ved kontrollen)" to others and to the window, as SQLite's full or quick check or the page it met
first had it. Every command and the window's start now say it in one sentence (store/damage.py)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from caseworker_app.cli import main
from caseworker_app.store import CaseStore
from caseworker_app.store.backup import make_backup
from caseworker_app.ui.backup_dialog import daily_backup
from caseworker_app.ui.restore_offers import cannot_open_text
from tests.damaged_pages import CASES_TABLE, CHANGES_INDEX, damage_page_of

from .test_damaged_refused import COMMANDS

HIRE = {"hire": date(2018, 8, 31)}
MORE_COMMANDS = {
    **{name: argv for name, (argv, _out, _what) in COMMANDS.items()},
    "import": ["import", "{folder}/liste.csv"],
    "import --list": ["import", "--list"],
    "backup": ["backup"],
}


def damaged(folder: Path, page: str) -> Path:
    db = folder / "sager.db"
    with CaseStore(db, clock=lambda: date(2021, 2, 1)) as store:
        for i in range(12):
            store.create_case(citizen=f"Borger {i}", case_ref=f"S-{i}", trial_id="T08", dates=HIRE)
    make_backup(db, now=datetime(2021, 1, 31, 17, 0))
    damage_page_of(db, page)
    return db


@pytest.mark.parametrize("page", [CASES_TABLE, CHANGES_INDEX])
def test_every_command_and_the_window_s_start_say_the_same_of_the_same_file(capsys, tmp_path, page):
    db = damaged(tmp_path, page)
    (tmp_path / "liste.csv").write_text("Borger;Sagsnr.;Forsøg;Ansat\nNy Borger;S-99;T08;31-08-2018\n", "utf-8")
    said = f"Databasen {db} er beskadiget: SQLite fandt fejl i filen."

    first_sentences = {}
    for name, argv in MORE_COMMANDS.items():
        out = tmp_path / "ud.fil"
        code = main([*(a.replace("{out}", str(out)).replace("{folder}", str(tmp_path)) for a in argv), "--db", str(db)])
        _printed, err = capsys.readouterr()
        assert code == 1, name
        first_sentences[name] = err.removeprefix("caseworker-app: fejl: ").split(" Sager kan mangle")[0]

    assert set(first_sentences.values()) == {said}, first_sentences
    # The window's start: today's copy (SQLite's full check) and, at a start that cannot open it, the quick one.
    problem = daily_backup(db)
    assert problem is not None and problem.damage == said
    assert cannot_open_text(db) == f"{said} Den kan ikke åbnes, og filen er ikke ændret."
