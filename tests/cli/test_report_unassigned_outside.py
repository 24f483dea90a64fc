"""A case without a caseworker that the trial does not apply to is left out of a caseworker's report
and said so, as a case in the trial is: a report for every caseworker names it on the row 'Sager, som
forsøget ikke gælder for', so a merge of the caseworkers' files must say it is missing (a tester).
"""

from __future__ import annotations

import json
from datetime import date

import pytest

from caseworker_app.store import CaseStore
from tests.cli.test_report_cli import needs_poppler, run
from tests.pdf import pdf_text

PERIOD = ("--from", "01-01-2018", "--to", "31-12-2021", "--today", "30-11-2026", "--trial", "T09")


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    """T09 (from 01-07-2018): Anne's and Peter's praktik in the trial; without a caseworker one praktik
    in it and one begun 20-06-2018, before the trial began (under the ordinary rule)."""
    path = tmp_path_factory.mktemp("outside") / "sager.db"
    store = CaseStore(path, clock=lambda: date(2026, 11, 30))
    for ref, start, who in (
        ("C1", date(2021, 3, 1), "Anne Holm"),
        ("C3", date(2021, 6, 1), "Peter Lund"),
        ("U1", date(2020, 5, 4), ""),
        ("C4", date(2018, 6, 20), ""),
    ):
        store.create_case(
            citizen=f"Opdigtet {ref}",
            case_ref=ref,
            trial_id="T09",
            dates={"praktik_start": start, "unemployed_since": date(2020, 1, 1)}
            if ref != "C4"
            else {"praktik_start": start},
            caseworker=who,
        )
    store.close()
    return path


def _json(capsys, db, tmp_path, name, *who):
    path = tmp_path / f"{name}.json"
    code, _, err = run(capsys, "report", "--db", str(db), *PERIOD, *who, "--json", str(path))
    assert code == 0, err
    return path


def _t09(path):
    block = json.loads(path.read_text(encoding="utf-8"))["trials"]["T09"]
    counts = block["counts"]
    return counts.get("citizens", 0), counts.get("outside_condition", 0), block["unassigned"]


def test_every_caseworker_counts_both_cases_without_caseworker(db, tmp_path, capsys):
    # C1, C3, U1 in the trial; C4 outside it; nothing left out.
    assert _t09(_json(capsys, db, tmp_path, "alle", "--all")) == (3, 1, 0)


def test_a_caseworkers_file_leaves_out_the_case_outside_the_trial_too(db, tmp_path, capsys):
    # Anne's own C1; U1 and C4 have no caseworker: both left out.
    assert _t09(_json(capsys, db, tmp_path, "anne", "--caseworker", "Anne Holm")) == (1, 0, 2)


def test_the_merge_of_the_caseworkers_files_says_two_cases_are_missing(db, tmp_path, capsys):
    anne = _json(capsys, db, tmp_path, "anne", "--caseworker", "Anne Holm")
    peter = _json(capsys, db, tmp_path, "peter", "--caseworker", "Peter Lund")
    merged = tmp_path / "samlet.json"
    code, _, err = run(capsys, "report", "--merge", str(anne), str(peter), "--json", str(merged))
    assert code == 0, err
    # Anne's C1 + Peter's C3; U1 and C4 in neither file (--all: 3 + 1 = 4 cases).
    assert _t09(merged) == (2, 0, 2)


@needs_poppler
def test_the_caseworkers_pdf_names_the_case_outside_the_trial(db, tmp_path, capsys):
    pdf = tmp_path / "anne.pdf"
    code, _, err = run(capsys, "report", "--db", str(db), *PERIOD, "--caseworker", "Anne Holm", "--pdf", str(pdf))
    assert code == 0, err
    text = " ".join(pdf_text(pdf).split())
    assert "Uden sagsbehandler: 2 sager uden sagsbehandler i perioden er ikke med i tallene" in text
    assert "Sager uden sagsbehandler (ikke med i tallene) 2" in text
    assert "C4" in text
