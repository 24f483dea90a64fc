"""`report` and `report --merge` with cases without a caseworker and with overlapping files.

A caseworker's figures hold that caseworker's cases alone; a case without a caseworker is counted
only in the report for every caseworker, and every other report says how many it left out. Files
that could count a case twice (every caseworker's file and a caseworker's file from the same
database; the same caseworker twice) are refused, naming both files, and nothing is written.
"""

from __future__ import annotations

import json
import shutil
from datetime import date

import pytest
from openpyxl import load_workbook

from caseworker_app.store import CaseStore
from tests.cli.test_report_cli import needs_poppler, run
from tests.pdf import pdf_text

PERIOD = ("--from", "01-01-2020", "--to", "31-12-2021", "--today", "01-03-2022", "--trial", "T08")


def _build(path) -> None:
    """Three T08 cases, each in the trial during 2020-2021: Kim's, Lis's and one without a caseworker."""
    store = CaseStore(path, clock=lambda: date(2022, 3, 1))
    for ref, hire, who in (
        ("2020-0301", date(2020, 3, 1), "Kim"),
        ("2021-0302", date(2021, 6, 1), "Lis"),
        ("2018-0303", date(2018, 10, 15), ""),
    ):
        store.create_case(
            citizen=f"Opdigtet Borger {ref}", case_ref=ref, trial_id="T08", dates={"hire": hire}, caseworker=who
        )
    store.close()


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("unassigned") / "sager.db"
    _build(path)
    return path


@pytest.fixture
def files(db, tmp_path, capsys):
    out = {}
    for name, who in (("kim", ("--caseworker", "Kim")), ("lis", ("--caseworker", "Lis")), ("alle", ("--all",))):
        out[name] = tmp_path / f"{name}.json"
        code, _, err = run(capsys, "report", "--db", str(db), *PERIOD, *who, "--json", str(out[name]))
        assert code == 0, err
    return out


def _t08(path):
    return json.loads(path.read_text(encoding="utf-8"))["trials"]["T08"]


def test_a_caseworkers_file_leaves_the_case_without_caseworker_out_and_says_so(files):
    kim, everyone = _t08(files["kim"]), _t08(files["alle"])
    assert (kim["counts"]["citizens"], kim["unassigned"]) == (1, 1)
    assert (everyone["counts"]["citizens"], everyone["unassigned"]) == (3, 0)


def test_a_caseworkers_sheet_says_the_case_without_caseworker_is_left_out(db, tmp_path, capsys):
    sheet = tmp_path / "kim.xlsx"
    code, _, err = run(capsys, "report", "--db", str(db), *PERIOD, "--caseworker", "Kim", "--xlsx", str(sheet))
    assert code == 0, err
    book = load_workbook(sheet)
    about = {row[0]: row[1] for row in book["Om rapporten"].iter_rows(min_row=2, values_only=True)}
    assert about["Sager"] == "Kim"
    assert about["Uden sagsbehandler"] == (
        "1 sag uden sagsbehandler i perioden er ikke med i tallene: de tælles kun i rapporten for alle sagsbehandlere."
    )
    figures = [row[2:4] for row in book["Tal"].iter_rows(min_row=2, values_only=True)]
    assert ("Sager uden sagsbehandler (ikke med i tallene)", 1) in figures


def test_merged_caseworkers_files_say_the_case_without_caseworker_is_missing(files, tmp_path, capsys):
    merged = tmp_path / "samlet.json"
    code, _, err = run(capsys, "report", "--merge", str(files["kim"]), str(files["lis"]), "--json", str(merged))
    assert code == 0, err
    t08 = json.loads(merged.read_text(encoding="utf-8"))["trials"]["T08"]
    # Kim 1 + Lis 1 counted; the case without a caseworker named once (not once per file).
    assert (t08["counts"]["citizens"], t08["unassigned"]) == (2, 1)


@needs_poppler
def test_merged_pdf_says_how_many_cases_are_in_no_file(files, tmp_path, capsys):
    pdf = tmp_path / "kommune.pdf"
    code, _, err = run(capsys, "report", "--merge", str(files["kim"]), str(files["lis"]), "--pdf", str(pdf))
    assert code == 0, err
    text = " ".join(pdf_text(pdf).split())
    assert "Uden sagsbehandler: 1 sag uden sagsbehandler i perioden er ikke med i tallene (ikke med i nogen" in text
    assert "Sager uden sagsbehandler (ikke med i tallene) 1" in text


@needs_poppler
def test_caseworkers_pdf_says_the_case_without_caseworker_is_left_out(db, tmp_path, capsys):
    pdf = tmp_path / "kim.pdf"
    code, _, err = run(capsys, "report", "--db", str(db), *PERIOD, "--caseworker", "Kim", "--pdf", str(pdf))
    assert code == 0, err
    text = " ".join(pdf_text(pdf).split())
    assert "Sager: Kim" in text
    assert (
        "Uden sagsbehandler: 1 sag uden sagsbehandler i perioden er ikke med i tallene: de tælles kun i "
        "rapporten for alle sagsbehandlere." in text
    )
    assert "Borgere i forsøget i perioden 1" in text
    # The appendix names the case, so the caseworker can give it a caseworker.
    assert "Sager uden sagsbehandler (ikke med i tallene) 1 Tælles kun i rapporten for alle" in text
    assert "2018-0303 (start 15-10-2018)" in text


@pytest.mark.parametrize("order", [("alle", "kim"), ("kim", "alle")])
def test_every_caseworker_and_one_caseworker_of_the_same_database_are_refused(files, tmp_path, capsys, order):
    target = tmp_path / "samlet.json"
    code, _, err = run(capsys, "report", "--merge", *(str(files[n]) for n in order), "--json", str(target))
    assert code == 2
    assert (
        "alle.json og kim.json er fra samme database, og alle.json gælder alle sagsbehandlere: den indeholder "
        "allerede sagerne i kim.json, som ville blive talt to gange." in err
    )
    assert "Intet er lagt sammen." in err
    assert not target.exists()


def test_the_same_caseworker_twice_is_refused(db, files, tmp_path, capsys):
    again = tmp_path / "kim igen.json"
    code, _, err = run(capsys, "report", "--db", str(db), *PERIOD, "--caseworker", "kim", "--json", str(again))
    assert code == 0, err
    target = tmp_path / "samlet.json"
    code, _, err = run(
        capsys, "report", "--merge", str(files["kim"]), str(files["lis"]), str(again), "--json", str(target)
    )
    assert code == 2
    assert "kim.json og kim igen.json er samme fil eller fra samme database for samme sagsbehandler" in err
    assert not target.exists()


def test_every_caseworkers_files_of_two_databases_are_summed(files, tmp_path, capsys):
    other_db = tmp_path / "anden.db"
    _build(other_db)
    other = tmp_path / "anden.json"
    code, _, err = run(capsys, "report", "--db", str(other_db), *PERIOD, "--all", "--json", str(other))
    assert code == 0, err
    merged = tmp_path / "samlet.json"
    code, _, err = run(capsys, "report", "--merge", str(files["alle"]), str(other), "--json", str(merged))
    assert code == 0, err
    t08 = json.loads(merged.read_text(encoding="utf-8"))["trials"]["T08"]
    assert (t08["counts"]["citizens"], t08["unassigned"]) == (6, 0)


def test_a_copied_file_for_every_caseworker_is_refused(files, tmp_path, capsys):
    copy = tmp_path / "kopi.json"
    shutil.copy(files["alle"], copy)
    code, _, err = run(capsys, "report", "--merge", str(files["alle"]), str(copy), "--json", str(tmp_path / "x.json"))
    assert code == 2
    assert "alle.json og kopi.json er samme fil eller fra samme database for alle sagsbehandlere" in err
    assert not (tmp_path / "x.json").exists()
