"""Correcting a trial's end changes what notes and deadlines cite, never a deadline: every deadline
of the demo database, field by field, on a day in the extension to 31-12-2025 (01-03-2025) and on
the demo's own day (30-11-2026). The demo's T08 runs to 31-12-2027 by an extension it enters."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from caseworker_app.core.cases import deadlines_for_cases
from caseworker_app.core.catalog import Extension
from caseworker_app.store import CaseStore
from caseworker_app.store.demo import create_demo_database
from caseworker_app.store.overrides_store import shipped_catalog

TODAYS = (date(2025, 3, 1), date(2026, 11, 30))
NOT_GIVEN = "Forlængelsen blev ikke givet alligevel (test)"
LETTER = "Beskæftigelsesministerens brev af 26-11-2024"


@pytest.fixture(params=TODAYS, ids=str)
def demo(request, tmp_path):
    today = request.param
    with CaseStore(create_demo_database(tmp_path / "demo.db", today), clock=lambda: today) as store:
        yield store, today


def every_deadline(store: CaseStore, today: date, catalog=None) -> list[tuple[str, dict]]:
    """Each deadline of each active case with every field the window and `deadlines` show."""
    items = deadlines_for_cases(
        store.list_cases(False), catalog or store.catalog(), today, warning_days=store.settings().warning_days
    )
    return [(item.case.case_ref, item.deadline.to_json()) for item in items]


def test_a_correction_back_to_the_shipped_end_gives_back_every_deadline_and_citation(demo):
    store, today = demo
    shipped = every_deadline(store, today, shipped_catalog())  # T08 to 31-12-2025, no change entered
    extended = every_deadline(store, today)
    assert len(shipped) == 34 and extended != shipped  # the demo's extension to 31-12-2027 counts
    store.add_override("T08", "end", "31-12-2025", NOT_GIVEN)
    assert every_deadline(store, today) == shipped
    # Undone by a later end: every deadline as with the demo's extension, citations included. Once
    # 31-12-2025 has passed, the later end is confirmed to apply from 01-01-2026 (decision 4).
    later = "31-12-2027" if today <= date(2025, 12, 31) else {"end": "31-12-2027", "retroactive": True}
    store.add_override("T08", "end", later, "Rettelsen var en fejl (test)")
    assert every_deadline(store, today) == extended


def test_a_deadline_in_2025_cites_the_ministers_letter_after_the_correction(tmp_path):
    # Case 2022-0449 (T08) on 01-03-2025: the follow-up due 01-02-2025 is overdue, under the trial
    # rule, in the extension to 31-12-2025.
    today = date(2025, 3, 1)
    with CaseStore(create_demo_database(tmp_path / "demo.db", today), clock=lambda: today) as store:
        store.add_override("T08", "end", "31-12-2025", NOT_GIVEN)
        [(_, deadline)] = [d for d in every_deadline(store, today) if d[0] == "2022-0449"]
    assert (deadline["legal_due"], deadline["governed_by"]) == ("2025-02-01", "trial")
    assert deadline["citation"] == (
        "Bekendtgørelse om frikommuneforsøg II på beskæftigelses- og sygedagpengeområdet (BEK nr. 529 af "
        f"23/05/2018), forlænget til 31-12-2025 ifølge {LETTER}"
    )


@pytest.mark.parametrize(
    ("changes", "last_extensions", "end"),
    [
        # Between the ends of the extensions to 31-12-2024 and 31-12-2025.
        ([("end", "30-06-2025")], 3, date(2025, 6, 30)),
        # Inside the demo's extension to 31-12-2027.
        ([("end", "30-06-2026")], 4, date(2026, 6, 30)),
        # Before the original end 31-12-2021.
        ([("end", "31-12-2020")], 0, None),
        # Withdrawn, then a new extension from the end as it stands.
        ([("end", "30-06-2025"), ("extension", "31-12-2026")], 3, date(2026, 12, 31)),
    ],
)
def test_a_correction_changes_no_deadline_only_citations(demo, changes, last_extensions, end):
    store, today = demo
    for field, value in changes:
        store.add_override("T08", field, value, "Rettelse (test)")
    # The same end reached without a correction: the shipped extensions kept, then one plain extension.
    shipped = shipped_catalog()
    period = shipped["T08"].period
    if end is None:
        period = replace(period, end=date(2020, 12, 31), extensions=())
    else:
        period = replace(period, extensions=(*period.extensions[:last_extensions], Extension(end, "x")))
    plain = {**shipped, "T08": replace(shipped["T08"], period=period)}
    corrected = every_deadline(store, today)
    assert store.catalog()["T08"].period.effective_end == period.effective_end
    assert len(corrected) == 34
    assert [(ref, {**d, "citation": ""}) for ref, d in corrected] == [
        (ref, {**d, "citation": ""}) for ref, d in every_deadline(store, today, plain)
    ]
