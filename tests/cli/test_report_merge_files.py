"""Counts files a coordinator merges as they arrive: saved again with a byte order mark (an editor's
'UTF-8 med BOM'), or made from a database copied from another (the two share their fingerprint, and
the copy may still hold the same cases): a tester found the first refused as 'ikke gyldig JSON' and the
second refused without saying what to do."""

from __future__ import annotations

import json
import shutil
from datetime import date

import pytest

from caseworker_app.store import CaseStore
from tests.cli.test_report_cli import run

PERIOD = ("--from", "01-01-2024", "--to", "31-12-2025", "--today", "30-11-2026", "--trial", "T08")


def _json(capsys, db, path, *who):
    code, _, err = run(capsys, "report", "--db", str(db), *PERIOD, *who, "--json", str(path))
    assert code == 0, err
    return path


def _t08(path):
    block = json.loads(path.read_text(encoding="utf-8"))["trials"]["T08"]
    return block["counts"]["citizens"], block["unassigned"]


@pytest.fixture
def databases(tmp_path):
    """d.db: P1 (Peter Lund) and P2 (no caseworker). d2.db, copied from d.db: P1 deleted (moved to
    Mette's database), Q1 (Mette Bo) added; P2 is in both. Every case hired in 2022, in T08 in 2024-25."""
    d = tmp_path / "d.db"
    store = CaseStore(d, clock=lambda: date(2026, 11, 30))
    p1 = store.create_case(
        citizen="Opdigtet P1", case_ref="P1", trial_id="T08", dates={"hire": date(2022, 3, 1)}, caseworker="Peter Lund"
    )
    store.create_case(citizen="Opdigtet P2", case_ref="P2", trial_id="T08", dates={"hire": date(2022, 5, 1)})
    store.close()
    d2 = tmp_path / "d2.db"
    shutil.copy(d, d2)
    store = CaseStore(d2, clock=lambda: date(2026, 11, 30))
    store.delete_case(p1, "Sagen er flyttet til Mettes database")
    store.create_case(
        citizen="Opdigtet Q1", case_ref="Q1", trial_id="T08", dates={"hire": date(2022, 9, 1)}, caseworker="Mette Bo"
    )
    store.close()
    return d, d2


def test_a_file_saved_with_a_byte_order_mark_is_merged(databases, tmp_path, capsys):
    d, d2 = databases
    peter = _json(capsys, d, tmp_path / "peter.json", "--caseworker", "Peter Lund")
    mette = _json(capsys, d2, tmp_path / "mette.json", "--caseworker", "Mette Bo")
    with_bom = tmp_path / "mette_bom.json"
    with_bom.write_bytes(b"\xef\xbb\xbf" + mette.read_bytes())
    merged = tmp_path / "samlet.json"
    code, _, err = run(capsys, "report", "--merge", str(peter), str(with_bom), "--json", str(merged))
    assert code == 0, err
    # Peter's P1 + Mette's Q1; P2 (no caseworker, in both databases) in neither file, named once.
    assert _t08(merged) == (2, 1)


def test_files_for_every_caseworker_of_a_copied_database_are_refused_saying_what_to_do(databases, tmp_path, capsys):
    d, d2 = databases
    first = _json(capsys, d, tmp_path / "dA.json", "--all")
    second = _json(capsys, d2, tmp_path / "dB.json", "--all")
    # Each holds P2: summed, it would count twice (2 + 2 = 4 for 3 cases).
    assert (_t08(first), _t08(second)) == ((2, 0), (2, 0))
    code, _, err = run(capsys, "report", "--merge", str(first), str(second), "--json", str(tmp_path / "x.json"))
    assert code == 2
    assert (
        "dA.json og dB.json er samme fil eller fra samme database for alle sagsbehandlere: sagerne ville blive "
        "talt to gange. Er den ene database kopieret fra den anden, kan de ikke skelnes (og kan have de samme "
        "sager): lav i stedet én fil pr. sagsbehandler fra hver database (report --caseworker NAVN) og læg dem "
        "sammen. Intet er lagt sammen."
    ) in " ".join(err.split())
    assert not (tmp_path / "x.json").exists()


def test_the_same_caseworker_from_a_copied_database_is_refused_saying_which_file_to_use(databases, tmp_path, capsys):
    d, d2 = databases
    old = _json(capsys, d, tmp_path / "peter.json", "--caseworker", "Peter Lund")
    # Peter gets a case in the copy too.
    store = CaseStore(d2, clock=lambda: date(2026, 11, 30))
    store.create_case(
        citizen="Opdigtet P3", case_ref="P3", trial_id="T08", dates={"hire": date(2022, 4, 1)}, caseworker="Peter Lund"
    )
    store.close()
    new = _json(capsys, d2, tmp_path / "peter2.json", "--caseworker", "Peter Lund")
    code, _, err = run(capsys, "report", "--merge", str(old), str(new), "--json", str(tmp_path / "x.json"))
    assert code == 2
    assert (
        "Brug kun én fil for sagsbehandleren: den nyeste fra den database, sagsbehandlerens sager er i (er den ene "
        "database kopieret fra den anden, kan de ikke skelnes). Intet er lagt sammen."
    ) in " ".join(err.split())
