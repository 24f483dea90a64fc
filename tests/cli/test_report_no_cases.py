"""`report` for one caseworker leaves out the trials without her cases and names them on one line;
the report for every caseworker keeps every trial (the demo of 30-11-2026, the year 2025: its T06 and
T08 cases ran then, and Anne Jensen's are all T08 cases)."""

from __future__ import annotations

import json
from datetime import date

import pytest
from openpyxl import load_workbook

from caseworker_app.cli import main
from caseworker_app.store.demo import create_demo_database

TODAY = date(2026, 11, 30)
PERIOD = ("--from", "01-01-2025", "--to", "31-12-2025", "--today", "30-11-2026")


def run(capsys, *args):
    try:
        code = main([str(a) for a in args])
    except SystemExit as exc:
        code = exc.code
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return create_demo_database(tmp_path_factory.mktemp("demo") / "demo.db", TODAY)


def sheets(path):
    book = load_workbook(path)
    trials = sorted({row[0] for row in book["Tal"].iter_rows(min_row=2, values_only=True)})
    about = {row[0]: row[1] for row in book["Om rapporten"].iter_rows(min_row=2, values_only=True)}
    return trials, about


def test_a_caseworkers_report_names_the_trials_she_has_no_cases_in_instead_of_their_zeros(capsys, db, tmp_path):
    target = tmp_path / "anne.xlsx"
    code, out, err = run(capsys, "report", "--db", db, *PERIOD, "--caseworker", "Anne Jensen", "--xlsx", target)
    assert (code, err) == (0, "")
    trials, about = sheets(target)
    assert trials == ["T08"]
    assert about["Ingen sager i"] == "T06"
    assert about["Forsøg"] == "T08 Førtidspensionister i løntilskud"


def test_the_report_for_every_caseworker_keeps_every_trial(capsys, db, tmp_path):
    target = tmp_path / "alle.xlsx"
    code, _, err = run(capsys, "report", "--db", db, *PERIOD, "--all", "--xlsx", target)
    assert (code, err) == (0, "")
    trials, about = sheets(target)
    assert trials == ["T06", "T08"]
    assert "Ingen sager i" not in about


def test_a_caseworkers_counts_file_keeps_every_trial_for_the_coordinators_sum(capsys, db):
    # The coordinator adds the caseworkers' files: each must count every trial, zeros too.
    code, out, err = run(capsys, "report", "--db", db, *PERIOD, "--caseworker", "Anne Jensen", "--json")
    assert (code, err) == (0, "")
    assert sorted(json.loads(out)["trials"]) == ["T06", "T08"]


def test_a_caseworkers_report_with_none_of_her_cases_in_the_chosen_trials_is_not_written(capsys, db, tmp_path):
    # Anne Jensen's cases in 2025 are all T08: a report of T06 alone would be empty (a tester saw
    # an empty PDF written and "Evalueringen er gemt"). Said as an empty period is, nothing written.
    target = tmp_path / "anne-t06.pdf"
    code, out, err = run(
        capsys, "report", "--db", db, *PERIOD, "--caseworker", "Anne Jensen", "--trial", "T06", "--pdf", target
    )
    assert code != 0 and out == ""
    assert (
        "Anne Jensen har ingen sager i perioden 01-01-2025 – 31-12-2025 i de valgte forsøg (T06). Vælg en anden "
        "periode eller andre forsøg, eller lav rapporten for alle sagsbehandlere."
    ) in err
    assert not target.exists()
