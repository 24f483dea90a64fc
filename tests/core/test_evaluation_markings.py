"""'FASIT-markeringer noteret' counts the cases whose marking a saved note notes as set, once per case.

A note notes it as set when its situation's template states it ('FASIT-markering: …'): T07's 'Forsøget
anvendt' names it only as a condition ('… sættes, hvis indsatsplanen justeres senere end 6 måneder'),
and T09's 'Praktik oprettet' and 'Forsøget anvendt' for the same praktik are one marking (a tester).
"""

from __future__ import annotations

from datetime import date

import pytest

from caseworker_app.services.evaluation import build_evaluation, report_rows
from caseworker_app.store import CaseStore

TODAY = date(2022, 7, 1)
T07_MARKING = "Frikommuneforsøg –indsatsplan ikke justeret for 6 mdr."
T09_MARKING = "Frikommuneforsøg – Ly under 18 mdr."
CONDITIONAL = f'FASIT-markeringen "{T07_MARKING}" sættes, hvis indsatsplanen justeres senere end 6 måneder.'


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    """In 2021:
    T07 V1: only a 'Forsøget anvendt' note (the marking as a condition): no marking.
    T07 V2: 'Indsatsplan ikke justeret' 10-03-2021 and again 10-09-2021, each with the marking: 1 case.
    T09 P1: 'Praktik oprettet' and 'Forsøget anvendt' 01-03-2021 for the same praktik: 1 case.
    T09 P2: only 'Praktik afsluttet uden fleksjob' quoting the marking (its template does not set it): none.
    """
    s = CaseStore(tmp_path_factory.mktemp("markings") / "sager.db", clock=lambda: TODAY)

    def case(ref, trial, dates):
        return s.create_case(citizen=f"Opdigtet {ref}", case_ref=ref, trial_id=trial, dates=dates)

    v1 = case("V1", "T07", {"visitation": date(2021, 1, 4)})
    s.add_journal_note(v1, situation="forsoeg_anvendt", text=f"Anvendt.\n{CONDITIONAL}", day=date(2021, 1, 4))
    v2 = case("V2", "T07", {"visitation": date(2020, 9, 15)})
    for day in (date(2021, 3, 10), date(2021, 9, 10)):
        s.add_event(v2, day=day, kind="plan_not_adjusted")
        s.add_journal_note(
            v2, situation="plan_ikke_justeret", text=f"Ikke justeret.\nFASIT-markering: {T07_MARKING}", day=day
        )
    p1 = case("P1", "T09", {"praktik_start": date(2021, 3, 1), "unemployed_since": date(2020, 6, 1)})
    for situation in ("praktik_start", "forsoeg_anvendt"):
        s.add_journal_note(
            p1, situation=situation, text=f"Praktik.\nFASIT-markering: {T09_MARKING}", day=date(2021, 3, 1)
        )
    p2 = case("P2", "T09", {"praktik_start": date(2021, 5, 3), "unemployed_since": date(2020, 6, 1)})
    s.add_event(p2, day=date(2021, 5, 20), kind="praktik_end")
    s.add_journal_note(
        p2, situation="praktik_uden_fleksjob", text=f"Ingen fleksjob ({T09_MARKING}).", day=date(2021, 5, 20)
    )
    yield s
    s.close()


def _figures(store):
    evaluation = build_evaluation(
        store, start=date(2021, 1, 1), end=date(2021, 12, 31), today=TODAY, trials=["T07", "T09"]
    )
    return evaluation, {f.trial_id: f for f in evaluation.trials}


def test_t07_counts_the_case_whose_decision_note_sets_the_marking_once(store):
    _, by_trial = _figures(store)
    t07 = by_trial["T07"]
    assert t07.value("notes") == 3  # V1's and V2's two
    assert t07.value("markings") == 1
    assert t07.cases["markings"] == [("V2", "10-03-2021 indsatsplan ikke justeret")]


def test_t09_counts_one_marking_for_the_praktik_with_two_notes(store):
    _, by_trial = _figures(store)
    t09 = by_trial["T09"]
    assert t09.value("notes") == 3  # P1's two and P2's one
    assert t09.value("markings") == 1
    assert t09.cases["markings"] == [("P1", "01-03-2021 praktik oprettet")]


def test_the_row_says_cases_with_the_marking(store):
    evaluation, _ = _figures(store)
    rows = {trial.id: rows for trial, rows in report_rows(evaluation, store.catalog())}
    row = next(r for r in rows["T07"] if r.key == "markings")
    assert (row.label, row.value) == (
        "Sager med FASIT-markering noteret (et journalnotat, der sætter markeringen)",
        "1",
    )


def test_a_marking_corrected_later_keeps_the_notes_written_with_the_old_one(tmp_path):
    # A reviewer: the municipality corrected T07's marking (a space after the dash); the note of
    # 10-03-2021, written with the marking of that day, stopped counting (1 became 0).
    with CaseStore(tmp_path / "sager.db", clock=lambda: TODAY) as s:
        v2 = s.create_case(
            citizen="Opdigtet V2", case_ref="V2", trial_id="T07", dates={"visitation": date(2020, 9, 15)}
        )
        s.add_event(v2, day=date(2021, 3, 10), kind="plan_not_adjusted")
        s.add_journal_note(
            v2,
            situation="plan_ikke_justeret",
            text=f"Ikke justeret.\nFASIT-markering: {T07_MARKING}",
            day=date(2021, 3, 10),
        )
        s.add_override("T07", "marking", "Frikommuneforsøg – indsatsplan ikke justeret for 6 mdr.", "Rettet stavning")
        _, by_trial = _figures(s)
    assert by_trial["T07"].value("markings") == 1
