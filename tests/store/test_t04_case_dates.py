"""T04 (Lempede mentorregler) after the trial's end: a case with only the visitation is saved, and its
deadline is the next mentor contact (the ordinary rule's label); a case with neither date is refused."""

from __future__ import annotations

from datetime import date

import pytest

from caseworker_app.store import CaseStore, ValidationError
from tests.core.test_t04_dates_and_labels import BOTH, CONTACT


def test_the_store_saves_a_t04_case_with_only_the_visitation(tmp_path):
    store = CaseStore(tmp_path / "sager.db", clock=lambda: date(2026, 12, 1))
    try:
        case_id = store.create_case(
            citizen="A", case_ref="T4-1", trial_id="T04", dates={"visitation": date(2026, 11, 10)}, caseworker="T"
        )
        store.add_event(case_id, day=date(2026, 11, 20), kind="followup")
        [item] = store.deadlines(date(2026, 12, 1))
        assert (item.deadline.label, item.deadline.legal_due) == (CONTACT, date(2026, 12, 4))
        with pytest.raises(ValidationError) as refused:
            store.create_case(citizen="B", case_ref="T4-2", trial_id="T04", dates={}, caseworker="T")
        assert refused.value.errors == {"agreed": BOTH}
    finally:
        store.close()
