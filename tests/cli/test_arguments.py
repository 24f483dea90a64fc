"""The window's short way through the arguments gives what the full parser gives."""

from __future__ import annotations

import pytest

from caseworker_app.cli.parser import build_parser, parse_arguments


@pytest.mark.parametrize(
    "words",
    [
        [],
        ["--db", "C:/Users/Søren Ærø/sager.db"],
        ["--db=sager.db"],
        ["--demo"],
        ["--selftest"],
        ["--db", "sager.db", "deadlines", "--today", "2021-02-01"],
        ["schedule", "--trial", "T08", "--date", "hire=2018-08-31"],
        ["--db", "sager.db", "backup", "--list"],
        ["--de"],  # argparse takes any unique prefix of an option
        ["--dem"],
        ["--selftes"],
    ],
)
def test_same_arguments_as_the_full_parser(words):
    assert vars(parse_arguments(words)) == vars(build_parser().parse_args(words))


def test_a_command_is_never_taken_for_the_window():
    assert parse_arguments(["--db", "sager.db", "deadlines"]).command == "deadlines"
    assert parse_arguments(["--db", "sager.db"]).command is None


@pytest.mark.parametrize("words", [["--help"], ["-h"], ["--he"], ["--hel"], ["--db", "x", "--he"]])
def test_help_lists_the_commands(capsys, words):
    with pytest.raises(SystemExit) as stop:
        parse_arguments(words)
    assert stop.value.code == 0
    out = capsys.readouterr().out
    assert "schedule" in out and "deadlines" in out and "import" in out


@pytest.mark.parametrize("words", [["--dbb", "x"], ["--db"], ["--db", "a.db", "--ukendt"]])
def test_wrong_arguments_get_the_full_parsers_danish_message(words, capsys):
    with pytest.raises(SystemExit) as full:
        build_parser().parse_args(words)
    expected = capsys.readouterr().err
    with pytest.raises(SystemExit) as short:
        parse_arguments(words)
    assert short.value.code == full.value.code == 2
    assert capsys.readouterr().err == expected
    assert "fejl:" in expected


@pytest.mark.parametrize(
    "command", ["schedule", "demo", "deadlines", "note", "calendar", "plan", "export-ics", "export", "report", "import"]
)
def test_every_today_option_is_shown_as_dato(capsys, command):
    with pytest.raises(SystemExit):
        build_parser().parse_args([command, "--help"])
    out = capsys.readouterr().out
    assert "--today DATO" in out
    assert "TODAY" not in out


def test_demo_with_a_command_is_refused_rather_than_ignored(capsys):
    # '--demo deadlines' read the real database without a word (a tester).
    from caseworker_app.cli.parser import parse_arguments

    with pytest.raises(SystemExit) as stopped:
        parse_arguments(["--demo", "deadlines"])
    assert stopped.value.code == 2
    assert "--demo åbner vinduet på en demo-database og bruges ikke med 'deadlines'" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("words", "said"),
    [
        (["--d", "x", "deadlines"], "fejl: tvetydigt tilvalg: --d kan være --demo, --db"),
        (["deadlines", "--json=ja"], "fejl: argument --json: tager ingen værdi, men fik 'ja'"),
        (["report", "--all"], "fejl: et af tilvalgene --pdf --xlsx --json skal angives"),
    ],
)
def test_argparse_s_own_messages_are_danish_too(capsys, words, said):
    # A tester met "ambiguous option: --d could match --demo, --db" and "ignored explicit argument".
    from caseworker_app.cli.parser import parse_arguments

    with pytest.raises(SystemExit):
        parse_arguments(words)
    assert said in capsys.readouterr().err


@pytest.mark.parametrize(
    ("words", "ignored"),
    [
        (["--selftest", "--db", "beskadiget.db"], "--db"),
        (["--db", "beskadiget.db", "--selftest"], "--db"),
        (["--selftest", "--demo"], "--demo"),
        (["--selftest", "deadlines"], "'deadlines'"),
    ],
)
def test_selftest_refuses_what_it_would_pass_over(capsys, words, ignored):
    # '--selftest --db beskadiget.db' said "Selvtest i orden: 11 af 11" of a file it never opened (a tester).
    with pytest.raises(SystemExit) as stopped:
        parse_arguments(words)
    assert stopped.value.code == 2
    assert capsys.readouterr().err.splitlines()[-1] == (
        f"caseworker-app: fejl: --selftest kontrollerer programmet på sin egen demo-database og bruges ikke med "
        f"{ignored}. Kør 'caseworker-app --selftest' alene. En database kontrolleres med 'caseworker-app backup "
        "--db FIL': den siger, om databasen er beskadiget, og gemmer ellers en kontrolleret kopi"
    )
