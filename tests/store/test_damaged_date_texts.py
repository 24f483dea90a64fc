"""A date stored in a wrong format (another program wrote 2026-02-30) is named by its Danish label,
as damaged, not as missing: in the list of cases that cannot be computed and in the evaluation."""

from __future__ import annotations

import sqlite3
from datetime import date

from caseworker_app.cli import main
from caseworker_app.core.cases import CaseRecord, uncomputable_cases
from caseworker_app.core.catalog_load import load_catalog
from caseworker_app.core.evaluation_figures import FIGURE_LABELS
from caseworker_app.services.evaluation import build_evaluation
from caseworker_app.store import CaseStore

TODAY = date(2026, 11, 30)
DAMAGED_HIRE = "datoen for ansættelse i løntilskud er gemt i et forkert format"


def damaged_db(db_path):
    """One T08 case, 2025-9015, whose hire date another program stored as '2026-02-30'."""
    with CaseStore(db_path, clock=lambda: TODAY) as store:
        store.create_case(
            citizen="Jens Hansen",
            case_ref="2025-9015",
            trial_id="T08",
            dates={"hire": date(2025, 3, 3)},
            caseworker="Anne Jensen",
        )
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE case_dates SET day = '2026-02-30' WHERE name = 'hire'")
    conn.commit()
    conn.close()
    return db_path


def test_a_damaged_date_is_named_by_its_label_and_not_also_as_missing(tmp_path):
    with CaseStore(damaged_db(tmp_path / "sager.db"), clock=lambda: TODAY) as store:
        [problem] = store.uncomputable()
    assert problem.case.case_ref == "2025-9015"
    assert problem.reason == DAMAGED_HIRE


def test_the_deadlines_command_names_the_damaged_date_in_danish(tmp_path, capsys):
    db = damaged_db(tmp_path / "sager.db")
    code = main(["deadlines", "--db", str(db), "--today", "30-11-2026"])
    err = capsys.readouterr().err
    assert code == 3
    assert f"Sag 2025-9015 (nr. 1) kan ikke beregnes: {DAMAGED_HIRE}\n" in err
    assert "'hire'" not in err


def test_a_damaged_date_of_an_unknown_name_keeps_its_stored_name():
    case = CaseRecord(1, "Jens Hansen", "2025-9015", "T08", {}, extra={"damaged_dates": ("hrie",)})
    [problem] = uncomputable_cases([case], load_catalog())
    assert problem.reason == ("datoen 'hrie' er gemt i et forkert format; mangler datoen for ansættelse i løntilskud")


def test_the_evaluation_says_the_date_is_damaged_under_a_heading_that_allows_it(tmp_path):
    with CaseStore(damaged_db(tmp_path / "sager.db"), clock=lambda: TODAY) as store:
        evaluation = build_evaluation(
            store, start=date(2025, 1, 1), end=TODAY, today=TODAY, trials=["T08"], caseworker=""
        )
    [t08] = evaluation.trials
    assert t08.counts["cannot_compute"] == 1
    assert t08.cases["cannot_compute"] == [("2025-9015", DAMAGED_HIRE)]
    assert FIGURE_LABELS["cannot_compute"] == "Sager, der ikke kan beregnes (en dato mangler eller er gemt forkert)"


def test_the_evaluation_names_a_missing_date_by_its_label(tmp_path):
    with CaseStore(tmp_path / "sager.db", clock=lambda: TODAY) as store:
        store.create_case(citizen="Jens Hansen", case_ref="2025-9015", trial_id="T08", dates={"hire": date(2025, 3, 3)})
        conn = sqlite3.connect(tmp_path / "sager.db")
        conn.execute("DELETE FROM case_dates")
        conn.commit()
        conn.close()
        evaluation = build_evaluation(
            store, start=date(2025, 1, 1), end=TODAY, today=TODAY, trials=["T08"], caseworker=""
        )
    [t08] = evaluation.trials
    assert t08.cases["cannot_compute"] == [("2025-9015", "mangler datoen for ansættelse i løntilskud")]
