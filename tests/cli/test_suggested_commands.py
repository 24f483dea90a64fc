"""Every command the program suggests can be copied into a terminal as it stands, also when the
database lies in a folder with spaces and 'æøå' in its name (a tester's 'sti med æøå/s b.db')."""

from __future__ import annotations

import os
import shlex

import pytest

from caseworker_app.cli import main
from caseworker_app.core.command_line import command_arg

CSV_TEXT = "Navn;Sagsnummer;Ansættelsesdato\r\nAnne Berg;2026-0001;01-03-2024\r\n"


def run(capsys, argv):
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def suggested(line: str, lead: str) -> list[str]:
    """The arguments after 'caseworker-app' in a suggestion, as a POSIX shell splits the pasted line."""
    assert line.startswith(lead)
    words = shlex.split(line.removeprefix(lead))
    assert words[0] == "caseworker-app"
    return words[1:]


@pytest.fixture
def folder(tmp_path):
    path = tmp_path / "sti med æøå"
    path.mkdir()
    return path


def test_command_arg_quotes_every_path_in_double_quotes():
    assert command_arg("sti med æøå/s b.db") == '"sti med æøå/s b.db"'
    assert command_arg("sager.db") == '"sager.db"'


@pytest.mark.skipif(os.name == "nt", reason="POSIX shells only")
def test_on_posix_a_dollar_or_quote_is_kept_in_single_quotes():
    assert command_arg('a$b "c".db') == "'a$b \"c\".db'"


def test_demos_see_the_deadlines_line_runs_as_pasted(capsys, folder):
    db = folder / "s b.db"
    code, out, _ = run(capsys, ["demo", "--db", str(db), "--today", "23-11-2026"])
    assert code == 0
    line = out.splitlines()[1]
    assert line == f'Se fristerne: caseworker-app deadlines --db "{db}"'
    code, out, err = run(capsys, suggested(line, "Se fristerne: "))
    assert (code, err) == (0, "")
    assert out.splitlines()[2] == f"Database: {db}"


def test_the_undo_line_of_an_import_runs_as_pasted(capsys, folder):
    source = folder / "liste fra æø.csv"
    source.write_text(CSV_TEXT, encoding="utf-8")
    db = folder / "s b.db"
    code, out, _ = run(capsys, ["import", "--db", str(db), str(source), "--trial", "T08", "--today", "30-11-2026"])
    assert code == 0
    line = out.splitlines()[-1]
    assert line == f'Fortryd hele importen med: caseworker-app import --db "{db}" --fortryd 1'
    code, out, err = run(capsys, suggested(line, "Fortryd hele importen med: "))
    assert (code, err) == (0, "")
    assert out.startswith("Import nr. 1 er fortrudt")


def test_the_restore_hint_for_a_damaged_file_quotes_the_path(capsys, folder):
    db = folder / "s b.db"
    db.write_bytes(b"ikke en database" * 100)
    # No copies yet: no folder to restore from is named, as the window says it (a tester's finding).
    code, _, err = run(capsys, ["deadlines", "--db", str(db)])
    assert code == 1
    assert f"Der er ingen sikkerhedskopi, der kan gendannes, i mappen {folder / 'sikkerhedskopier'}. Kontakt IT" in err
    assert "caseworker-app restore" not in err
    (folder / "sikkerhedskopier").mkdir()
    (folder / "sikkerhedskopier" / "s b-2026-11-29T170000.db").write_bytes(b"en kopi")
    code, _, err = run(capsys, ["deadlines", "--db", str(db)])
    assert code == 1
    assert f"'caseworker-app restore --db \"{db}\" KOPI'" in err


def test_the_missing_database_hint_quotes_its_path(capsys, tmp_path):
    # A folder with a space and æøå, as a Windows user folder often has; the demo goes into a new
    # file beside the missing one, never onto its path (a tester: invented citizens on the real path).
    from caseworker_app.cli import main

    folder = tmp_path / "Søren Ødegård"
    folder.mkdir()
    missing = folder / "sager.db"
    assert main(["deadlines", "--db", str(missing)]) == 1
    err = capsys.readouterr().err
    assert f'lav en demo-database i en ny fil med: caseworker-app demo --db "{folder / "demo.db"}" – eller' in err
    assert f'demo --db "{missing}"' not in err


@pytest.mark.parametrize("command", [["note", "--list"], ["plan", "--pdf", "plan.pdf"]])
def test_an_unknown_case_points_to_a_case_list_that_runs_as_pasted(capsys, folder, monkeypatch, command):
    # The hint was 'caseworker-app export --cases': no file name (export refused it) and no --db.
    db = folder / "s b.db"
    assert main(["demo", "--db", str(db), "--today", "23-11-2026"]) == 0
    capsys.readouterr()
    monkeypatch.chdir(folder)
    code, out, err = run(capsys, [command[0], "--db", str(db), "--case", "9999", *command[1:]])
    assert (code, out) == (2, "")
    assert err == (
        "caseworker-app: fejl: ingen sag har nr. eller FASIT-sagsnummer '9999' i databasen. Se sagerne i vinduet, "
        f'eller skriv sagslisten med FASIT-sagsnumrene til et regneark med \'caseworker-app export --db "{db}" '
        "sagsnumre.csv --cases'.\n"
    )
    code, out, err = run(capsys, suggested(err.split("regneark med '")[1].removesuffix("'.\n"), ""))
    assert (code, err) == (0, "")
    assert out == "40 sager skrevet til sagsnumre.csv\n"
    assert "2025-0568" in (folder / "sagsnumre.csv").read_text(encoding="utf-8-sig")
