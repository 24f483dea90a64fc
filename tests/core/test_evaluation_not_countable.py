"""What the evaluation report says it cannot count, and why, as a coordinator reads it.

T07's success criterion is citizens' satisfaction (asked yearly), not in the case list: its decisions
not to adjust the plan are counted once, with the events. T05 keeps the ordinary rule's cadence, so
it saves no follow-ups: the reason says so, not that it has no ordinary rule."""

from __future__ import annotations

from datetime import date

import pytest

from caseworker_app.services.evaluation import build_evaluation, report_rows
from caseworker_app.store import CaseStore

TODAY = date(2026, 12, 1)


@pytest.fixture
def rows(tmp_path):
    store = CaseStore(tmp_path / "sager.db", clock=lambda: date(2021, 12, 1))
    t07 = store.create_case(
        citizen="Opdigtet Borger", case_ref="B-03", trial_id="T07", dates={"visitation": date(2021, 3, 1)}
    )
    store.add_event(t07, day=date(2021, 9, 1), kind="plan_not_adjusted")
    t05 = store.create_case(
        citizen="Opdigtet Borger", case_ref="B-04", trial_id="T05", dates={"visitation": date(2021, 6, 1)}
    )
    store.add_event(t05, day=date(2021, 7, 1), kind="talk")
    evaluation = build_evaluation(store, start=date(2021, 1, 1), end=date(2021, 12, 31), today=TODAY)
    found = {
        trial.id: {(r.section, r.label): r for r in trial_rows}
        for trial, trial_rows in report_rows(evaluation, store.catalog())
    }
    store.close()
    return found


def test_t07_success_criterion_cannot_be_counted_and_its_decision_is_counted_once(rows):
    t07 = rows["T07"]
    success = [r for (section, _), r in t07.items() if section == "Succeskriterium"]
    assert [(r.label, r.value) for r in success] == [("Succeskriterium", "kan ikke opgøres fra sagslisten")]
    assert success[0].note == (
        "kan ikke opgøres fra sagslisten: succeskriteriet er øget tilfredshed med forløbet, herunder "
        "indsatsplanen, som borgerne spørges om årligt (hvor mange gange indsatsplanen ikke er justeret, "
        "står ovenfor: Indsatsplan ikke justeret)"
    )
    # The decision of 01-09-2021 not to adjust: once, among the events.
    counted = [(r.section, r.value) for (_, label), r in t07.items() if "ikke justeret" in label]
    assert counted == [("Opfølgninger, henvendelser, journalnotater og markeringer", "1")]


def test_t05_says_it_keeps_the_ordinary_cadence(rows):
    saved = rows["T05"][("Sparede opfølgninger og frigjorte timer", "Krævet efter den almindelige regel")]
    assert saved.value == "kan ikke opgøres fra sagslisten"
    assert saved.note == (
        "kan ikke opgøres fra sagslisten: forsøget bevarer den almindelige regels krav om mindst 4 samtaler "
        "inden for 12 måneder og ændrer kun deres form, så det sparer ingen opfølgninger"
    )
