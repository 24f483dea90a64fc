"""The command line lists and exports names in Danish alphabetical order (tests/name_order.py), the
order the window shows."""

from __future__ import annotations

import csv
import io
import json

import pytest
from openpyxl import load_workbook

from caseworker_app.cli import main
from caseworker_app.store import CaseStore
from tests.name_order import DANISH_ORDER, TODAY, add_named_cases


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "sager.db"
    with CaseStore(path, clock=lambda: TODAY) as store:
        add_named_cases(store)
    return path


def test_deadlines_lists_the_names_in_danish_order(db, capsys):
    assert main(["deadlines", "--db", str(db), "--today", "23-11-2026"]) == 0
    out = capsys.readouterr().out
    # "  01-01-2026  tir 30-12-2025    Andersen               2024-0009  T08     Opfølgning"
    listed = [line[32:55].rstrip() for line in out.splitlines() if line.startswith("  01-01-2026  ")]
    assert listed == DANISH_ORDER


def test_deadlines_as_json_in_danish_order(db, capsys):
    assert main(["deadlines", "--db", str(db), "--today", "23-11-2026", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [d["citizen"] for d in data["deadlines"]] == DANISH_ORDER


def test_the_deadline_sheet_as_csv_in_danish_order(db, tmp_path, capsys):
    target = tmp_path / "frister.csv"
    assert main(["export", "--db", str(db), str(target), "--today", "23-11-2026"]) == 0
    rows = list(csv.reader(io.StringIO(target.read_text(encoding="utf-8-sig")), delimiter=";"))
    assert rows[0][0] == "Borger"
    assert [row[0] for row in rows[1:]] == DANISH_ORDER


def test_the_case_sheet_as_xlsx_in_danish_order(db, tmp_path, capsys):
    target = tmp_path / "sager.xlsx"
    assert main(["export", "--db", str(db), str(target), "--cases"]) == 0
    rows = list(load_workbook(target).active.iter_rows(values_only=True))
    assert rows[0][0] == "Borger"
    assert [row[0] for row in rows[1:]] == DANISH_ORDER
