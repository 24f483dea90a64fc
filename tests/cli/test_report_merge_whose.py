"""What a merged report says it sums: the files hold no names, so it says what they are - as many
caseworkers only for caseworkers' files of one database; else files, databases and whose (a tester:
Peter's files from two databases read '3 sagsbehandleres tal', two files for every caseworker '2')."""

from __future__ import annotations

from datetime import date

import pytest

from caseworker_app.services.evaluation import merge_files, whose_text
from caseworker_app.store import CaseStore
from tests.cli.test_report_cli import needs_poppler, run
from tests.pdf import pdf_text

PERIOD = ("--from", "01-01-2020", "--to", "31-12-2021", "--today", "01-03-2022", "--trial", "T08")


def _database(path, names):
    store = CaseStore(path, clock=lambda: date(2022, 3, 1))
    for n, who in enumerate(names, start=1):
        store.create_case(
            citizen=f"Opdigtet {n}",
            case_ref=f"2020-{n:04}",
            trial_id="T08",
            dates={"hire": date(2020, 3, n)},
            caseworker=who,
        )
    store.close()
    return path


@pytest.fixture
def files(tmp_path, capsys):
    """a.db: Anne's and Peter's cases; d.db: Peter's (the same Peter, another database)."""
    a = _database(tmp_path / "a.db", ["Anne Holm", "Peter Lund"])
    d = _database(tmp_path / "d.db", ["Peter Lund"])
    out = {}
    for name, db, who in (
        ("anne", a, ("--caseworker", "Anne Holm")),
        ("peter", a, ("--caseworker", "Peter Lund")),
        ("dpeter", d, ("--caseworker", "Peter Lund")),
        ("alle_a", a, ("--all",)),
        ("alle_d", d, ("--all",)),
    ):
        out[name] = tmp_path / f"{name}.json"
        code, _, err = run(capsys, "report", "--db", str(db), *PERIOD, *who, "--json", str(out[name]))
        assert code == 0, err
    return out


def _whose(files, *names):
    return whose_text(merge_files([files[n] for n in names], 60))


def test_caseworkers_of_one_database_are_as_many_caseworkers(files):
    assert _whose(files, "anne", "peter") == "2 sagsbehandleres tal lagt sammen"


def test_caseworkers_files_of_two_databases_are_not_counted_as_caseworkers(files):
    assert _whose(files, "anne", "peter", "dpeter") == (
        "3 filer fra 2 databaser lagt sammen (3 for én sagsbehandler hver)"
    )


def test_files_for_every_caseworker_are_named_as_such(files):
    assert _whose(files, "alle_a", "alle_d") == "2 filer fra 2 databaser lagt sammen (2 for alle sagsbehandlere)"


def test_a_file_for_every_caseworker_and_one_caseworkers_of_another_database(files):
    assert _whose(files, "alle_a", "dpeter") == (
        "2 filer fra 2 databaser lagt sammen (1 for alle sagsbehandlere og 1 for én sagsbehandler)"
    )


@needs_poppler
def test_the_merged_pdf_says_what_it_sums(files, tmp_path, capsys):
    pdf = tmp_path / "samlet.pdf"
    code, _, err = run(
        capsys, "report", "--merge", str(files["anne"]), str(files["peter"]), str(files["dpeter"]), "--pdf", str(pdf)
    )
    assert code == 0, err
    text = " ".join(pdf_text(pdf).split())
    assert "Sager: 3 filer fra 2 databaser lagt sammen (3 for én sagsbehandler hver)" in text
    assert "3 sagsbehandleres tal" not in text
