"""What the help and the argument errors say is what the commands do (a tester's findings)."""

from __future__ import annotations

import pytest

from caseworker_app.cli import main


def help_text(capsys, command: str) -> str:
    with pytest.raises(SystemExit) as stop:
        main([command, "--help"])
    assert stop.value.code == 0
    return " ".join(capsys.readouterr().out.split())  # argparse's line breaks depend on the width


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("calendar", "--caseworker NAVN kun denne sagsbehandlers sager (og sager uden sagsbehandler)"),
        ("export-ics", "--caseworker NAVN kun denne sagsbehandlers frister (og frister uden sagsbehandler)"),
    ],
)
def test_caseworker_help_says_cases_without_a_caseworker_are_included(capsys, command, expected):
    assert expected in help_text(capsys, command)


def test_undo_number_zero_is_called_an_import_number(capsys):
    with pytest.raises(SystemExit) as stop:
        main(["import", "--fortryd", "0"])
    assert stop.value.code == 2
    assert capsys.readouterr().err.splitlines()[-1] == (
        "caseworker-app import: fejl: argument --fortryd: '0' er ikke et importnummer (et helt tal fra 1; se "
        "importerne med --list)"
    )


def test_header_row_zero_is_still_called_a_row_number(capsys):
    with pytest.raises(SystemExit):
        main(["import", "--header-row", "0", "liste.csv"])
    assert capsys.readouterr().err.splitlines()[-1] == (
        "caseworker-app import: fejl: argument --header-row: '0' er ikke et rækkenummer (et helt tal fra 1)"
    )
