"""Cases whose deadlines cannot be computed are named with a reason, never dropped in silence."""

from __future__ import annotations

from datetime import date

import pytest

from caseworker_app.core.cases import (
    CaseProblem,
    CaseRecord,
    deadlines_for_cases,
    problems_heading,
    uncomputable_cases,
)
from caseworker_app.core.catalog_load import load_catalog

TODAY = date(2021, 2, 1)


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


def case(case_id, trial_id, dates, status="aktiv", ref=None):
    return CaseRecord(
        id=case_id,
        citizen=f"Borger {case_id}",
        case_ref=ref or f"2021-{case_id:04d}",
        trial_id=trial_id,
        dates=dates,
        status=status,
    )


HIRED = {"hire": date(2018, 8, 31)}  # T08: first follow-up due 28-02-2021


def reasons(problems):
    return [(p.case.id, p.reason) for p in problems]


def test_each_kind_of_fault_is_named_with_its_reason(catalog):
    cases = [
        case(1, "T99", HIRED),
        case(2, "T08", HIRED, status="xyz"),
        case(3, "T08", {"hrie": date(2018, 8, 31)}),
        case(4, "T09", {"unemployed_since": date(2020, 1, 6)}),  # praktik_start is required
        case(5, "T08", HIRED),  # fine
    ]
    assert reasons(uncomputable_cases(cases, catalog)) == [
        (1, "forsøg T99 findes ikke i forsøgskataloget"),
        (2, "ukendt status 'xyz'"),
        (3, "ukendt dato 'hrie'; mangler datoen for ansættelse i løntilskud"),
        (4, "mangler datoen for praktikstart"),
    ]


def test_a_case_with_several_faults_is_one_entry_with_every_reason(catalog):
    [problem] = uncomputable_cases([case(1, "T42", {"hrie": date(2018, 8, 31)}, "aktv")], catalog)
    assert problem.reason == ("forsøg T42 findes ikke i forsøgskataloget; ukendt status 'aktv'; ukendt dato 'hrie'")


def test_closed_cases_and_trials_without_rules_are_not_problems(catalog):
    no_rules = next(t for t in catalog.values() if not t.rules)
    cases = [
        case(1, "T99", HIRED, status="afsluttet"),  # closed: nothing to compute
        case(2, "T08", {"hrie": date(2018, 8, 31)}, status="afsluttet"),
        case(3, no_rules.id, {}),  # nothing to compute in such a trial
    ]
    assert uncomputable_cases(cases, catalog) == []
    assert deadlines_for_cases(cases, catalog, TODAY) == []


def test_a_date_the_caseworker_agrees_is_asked_for_not_reported(catalog):
    # T12's only rule is the agreed date: without one the engine asks for it (an undated
    # deadline), so the case is computed and is not a problem.
    t12 = case(1, "T12", {})
    assert uncomputable_cases([t12], catalog) == []
    [item] = deadlines_for_cases([t12], catalog, TODAY)
    assert (item.case.id, item.deadline.undated) == (1, True)


def test_every_case_is_computed_or_named_never_both(catalog):
    cases = [
        case(1, "T08", HIRED),
        case(2, "T08", {**HIRED, "hrie": date(2018, 8, 31)}),  # computable, but damaged
        case(3, "T99", HIRED),
        case(4, "T08", HIRED, status="aktv"),
        case(5, "T09", {}),
    ]
    computed = {item.case.id for item in deadlines_for_cases(cases, catalog, TODAY)}
    named = {p.case.id for p in uncomputable_cases(cases, catalog)}
    assert computed == {1}
    assert named == {2, 3, 4, 5}


def test_the_problem_names_the_case_by_fasit_number_and_id_only(catalog):
    [problem] = uncomputable_cases([case(3, "T99", HIRED, ref="2024-0414")], catalog)
    assert problem.line == ("Sag 2024-0414 (nr. 3) kan ikke beregnes: forsøg T99 findes ikke i forsøgskataloget")
    assert "Borger" not in problem.line
    assert problem.to_json() == {
        "case_id": 3,
        "case_ref": "2024-0414",
        "trial": "T99",
        "reason": "forsøg T99 findes ikke i forsøgskataloget",
    }
    assert CaseProblem(case(7, "T99", HIRED, ref=" "), "x").line == "Sag nr. 7 kan ikke beregnes: x"


def test_problems_are_listed_by_fasit_number(catalog):
    cases = [case(1, "T99", HIRED, ref="2024-0002"), case(2, "T99", HIRED, ref="2023-0001")]
    assert [p.case.case_ref for p in uncomputable_cases(cases, catalog)] == [
        "2023-0001",
        "2024-0002",
    ]


def test_heading_in_singular_and_plural():
    assert problems_heading(1) == "1 sag kan ikke beregnes"
    assert problems_heading(2) == "2 sager kan ikke beregnes"
