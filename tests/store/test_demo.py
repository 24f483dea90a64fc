"""The demo database: about 40 fictitious cases, overdue, this week, next 30 days and later."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest

from caseworker_app.core.cases import (
    GROUP_LATER,
    GROUP_NEXT_30,
    GROUP_OVERDUE,
    GROUP_THIS_WEEK,
    group_of,
)
from caseworker_app.core.catalog_load import load_catalog
from caseworker_app.store import CaseStore, StoreError
from caseworker_app.store.demo import DEMO_CASES, create_demo_database
from tests import demo_facts

from .conftest import TODAY

TRIALS_WITH_DEADLINES = {
    "T04",
    "T05",
    "T06",
    "T07",
    "T08",
    "T09",
    "T12",
    "T15",
    "T16",
    "T18",
    "T19",
}


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    path = create_demo_database(tmp_path_factory.mktemp("demo") / "demo.db", TODAY)
    store = CaseStore(path)
    yield store
    store.close()


def test_about_forty_cases_in_every_trial_with_deadlines(demo):
    cases = demo.list_cases()
    assert 35 <= len(cases) <= 45
    catalog = load_catalog()
    assert {c.trial_id for c in cases} == TRIALS_WITH_DEADLINES
    assert all(catalog[c.trial_id].has_deadlines for c in cases)
    assert len({c.caseworker for c in cases}) >= 3
    assert len({c.case_ref for c in cases}) == len(cases)
    assert sum(c.status == "afsluttet" for c in cases) >= 2


def test_the_hand_count_other_tests_rely_on(demo):
    """tests/demo_facts.py, counted by hand from DEMO_CASES, is what the demo holds."""
    assert TODAY == demo_facts.DEMO_TODAY
    cases = demo.list_cases()
    items = demo.deadlines(TODAY)
    per_citizen = Counter(item.case.citizen for item in items)
    active = [c.citizen for c in cases if c.status == "aktiv"]
    assert len(cases) == demo_facts.DEMO_CASES
    assert tuple(sorted(c.citizen for c in cases if c.status == "afsluttet")) == demo_facts.DEMO_CLOSED
    assert len(active) == demo_facts.DEMO_ACTIVE
    assert tuple(sorted(set(active) - set(per_citizen))) == demo_facts.DEMO_ACTIVE_WITHOUT_DEADLINE
    assert set(per_citizen.values()) == {1}
    assert not any(item.deadline.undated for item in items)
    assert len(items) == demo_facts.DEMO_DEADLINES


def test_deadlines_in_every_group(demo):
    groups = Counter(group_of(cd.deadline, TODAY) for cd in demo.deadlines(TODAY))
    for group in (GROUP_OVERDUE, GROUP_THIS_WEEK, GROUP_NEXT_30, GROUP_LATER):
        assert groups[group] >= 3, groups


def test_trial_rule_beside_ordinary_rule(demo):
    governed = Counter((cd.case.trial_id, cd.deadline.governed_by) for cd in demo.deadlines(TODAY))
    assert governed[("T08", "trial")] >= 5  # the demo extension of T08
    assert governed[("T16", "ordinary")] >= 3  # trial ended 2015


def test_the_demo_extension_of_t08_is_labelled_as_demo_data(demo):
    override = next(o for o in demo.overrides())
    # Decided by T08's end 31-12-2025 (today, 30-11-2026, is later): no lapse to point out (decision 4).
    assert (override.trial_id, override.field, override.value) == (
        "T08",
        "extension",
        '{"decided": "2025-12-31", "end": "2027-12-31"}',
    )
    period = demo.catalog()["T08"].period
    assert period.extensions[-1].decided == date(2025, 12, 31) and period.lapse_of(len(period.extensions) - 1) is None
    assert "DEMODATA" in override.source and "Demo Kommune" in override.source
    assert demo.catalog()["T08"].status_text(TODAY) == "aktiv til og med 31-12-2027"


def test_settings_name_the_demo_municipality(demo):
    settings = demo.settings()
    assert (settings.caseworker_name, settings.municipality) == ("Anne Jensen", "Demo Kommune")
    assert settings.last_opened == date(2026, 11, 19)


def test_histories_with_follow_ups_contacts_and_corrections(demo):
    cases = demo.list_cases()
    assert sum(len(c.events) >= 2 for c in cases) >= 5
    assert any(e.kind == "contact" and e.full_followup for c in cases for e in c.events)
    assert any(e.kind == "contact" and not e.full_followup for c in cases for e in c.events)
    rows = [row for c in cases for row in demo.history(c.id)]
    assert any(row.replaces is not None and row.kind == "followup" for row in rows)
    assert any(row.kind == "cancelled" for row in rows)


def test_cpr_numbers_are_few_and_clearly_fictitious(demo):
    cprs = [c.cpr for c in demo.list_cases() if c.cpr]
    assert 1 <= len(cprs) <= 5
    assert all(cpr[:4] == "0101" and cpr[6:] == "0000" for cpr in cprs)


def test_an_existing_file_is_never_overwritten(tmp_path):
    path = tmp_path / "sager.db"
    path.write_bytes(b"real data")
    with pytest.raises(StoreError, match="findes allerede"):
        create_demo_database(path, TODAY)
    assert path.read_bytes() == b"real data"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sager.db"]


@pytest.mark.parametrize("today", [date(2027, 1, 31), date(2028, 2, 29), date(2030, 7, 1)])
def test_the_demo_can_be_written_on_any_day(tmp_path, today):
    path = create_demo_database(tmp_path / "demo.db", today)
    with CaseStore(path) as store:
        assert len(store.list_cases()) == len(DEMO_CASES)
        assert store.deadlines(today)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["demo.db"]


def test_no_case_number_is_from_a_year_to_come(tmp_path):
    # On 30-11-2026 three cases have only a date agreed in January 2027 (T04, T12, T15): they
    # were created today, so their FASIT numbers are of 2026 (they read 2027-0631, -0652, -0673).
    path = create_demo_database(tmp_path / "demo.db", date(2026, 11, 30))
    with CaseStore(path) as store:
        refs = {c.case_ref for c in store.list_cases()}
    assert {"2026-0631", "2026-0652", "2026-0673"} <= refs
    assert max(refs) < "2027"
