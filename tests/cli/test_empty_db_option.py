"""An empty or blank --db is refused with one Danish usage message and exit code 2 by every command
that takes --db and by the window's start; it never falls back to the default database (issue: only
'demo' refused it). The commands are read from the parser, so a new command with --db is covered."""

from __future__ import annotations

import argparse

import pytest

from caseworker_app.cli.entry import main
from caseworker_app.cli.parser import build_parser

SAID = "fejl: argument --db: ingen fil angivet. Skriv databasefilens navn efter --db, fx --db sager.db"


def commands_with_db() -> list[str]:
    [commands] = [a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction)]
    return [name for name, sub in commands.choices.items() if "--db" in sub._option_string_actions]


@pytest.fixture(autouse=True)
def no_default_database(monkeypatch):
    def opened():
        raise AssertionError("the default database was used")

    monkeypatch.setattr("caseworker_app.paths.default_db_path", opened)


def test_the_commands_with_db_are_found():
    assert {"deadlines", "demo", "note", "export-ics", "import", "backup", "restore"} <= set(commands_with_db())


@pytest.mark.parametrize("value", ["", " ", "\t"])
@pytest.mark.parametrize("command", commands_with_db())
def test_a_command_refuses_an_empty_db(capsys, command, value):
    with pytest.raises(SystemExit) as stopped:
        main([command, "--db", value])
    assert stopped.value.code == 2
    assert capsys.readouterr().err.splitlines()[-1] == f"caseworker-app {command}: {SAID}"


@pytest.mark.parametrize("command", commands_with_db())
def test_the_main_db_before_a_command_is_refused_too(capsys, command):
    with pytest.raises(SystemExit) as stopped:
        main(["--db", "", command])
    assert stopped.value.code == 2
    assert capsys.readouterr().err.splitlines()[-1] == f"caseworker-app: {SAID}"


@pytest.mark.parametrize("words", [["--db", ""], ["--db=  "], ["--selftest", "--db", ""]])
def test_the_window_is_not_opened_on_the_default_database(capsys, monkeypatch, words):
    monkeypatch.setattr("caseworker_app.cli.entry._open_window", lambda args: pytest.fail("window opened"))
    with pytest.raises(SystemExit) as stopped:
        main(words)
    assert stopped.value.code == 2
    assert capsys.readouterr().err.splitlines()[-1] == f"caseworker-app: {SAID}"
