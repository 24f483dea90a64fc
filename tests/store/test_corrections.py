"""Events are never edited in place: a correction is a new row naming the row it replaces."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from caseworker_app.core.event import Event
from caseworker_app.store import ValidationError

from .conftest import TODAY


def events_of(store, case_id):
    return store.get_case(case_id).events


def test_a_corrected_follow_up_counts_with_its_new_date(store, jens):
    wrong = store.add_event(jens, day=date(2026, 1, 10), kind="followup", form="personligt")
    fixed = store.add_event(jens, day=date(2026, 1, 5), kind="followup", form="personligt", replaces=wrong)

    assert events_of(store, jens) == (Event(date(2026, 1, 5), "followup", False, "personligt"),)
    # Ordinary rule: 12 months after 05-01-2026 = Tuesday 05-01-2027.
    assert [cd.deadline.legal_due for cd in store.deadlines(TODAY)] == [date(2027, 1, 5)]

    rows = {row.id: row for row in store.history(jens) if not row.is_case_change}
    assert rows[wrong].replaced_by == fixed and rows[wrong].day == date(2026, 1, 10)
    assert rows[fixed].replaces == wrong and rows[fixed].label == "opfølgning (rettelse)"
    assert not rows[wrong].counts and rows[fixed].counts


def test_history_is_newest_first_with_every_row(store, jens):
    first = store.add_event(jens, day=date(2025, 12, 1), kind="followup")
    store.add_event(
        jens,
        day=date(2026, 3, 2),
        kind="contact",
        initiated_by="arbejdsgiver",
        full_followup=True,
        text="Ringede om timetal",
    )
    store.add_event(jens, day=date(2025, 12, 2), kind="followup", replaces=first)
    rows = store.history(jens)
    assert [(r.day, r.kind) for r in rows] == [
        (TODAY, "case_created"),
        (date(2026, 3, 2), "contact"),
        (date(2025, 12, 2), "followup"),
        (date(2025, 12, 1), "followup"),
    ]
    contact = rows[1]
    assert (contact.initiated_by, contact.full_followup, contact.text) == (
        "arbejdsgiver",
        True,
        "Ringede om timetal",
    )
    assert all(r.created_at for r in rows)


def test_a_row_is_corrected_only_once_but_a_correction_can_be_corrected(store, jens):
    first = store.add_event(jens, day=date(2026, 1, 10), kind="followup")
    second = store.add_event(jens, day=date(2026, 1, 9), kind="followup", replaces=first)
    with pytest.raises(ValidationError) as exc:
        store.add_event(jens, day=date(2026, 1, 8), kind="followup", replaces=first)
    assert exc.value.errors == {
        "replaces": f"Hændelse nr. {first} er allerede rettet (af nr. {second}); ret den nyeste"
    }
    store.add_event(jens, day=date(2026, 1, 8), kind="followup", replaces=second)
    assert [e.day for e in events_of(store, jens)] == [date(2026, 1, 8)]


def test_a_mistaken_event_is_withdrawn_and_stays_in_the_history(store, jens):
    event = store.add_event(jens, day=date(2026, 1, 10), kind="followup")
    store.cancel_event(jens, event, text="Registreret på forkert sag")
    assert events_of(store, jens) == ()
    assert store.deadlines(TODAY)[0].deadline.legal_due == date(2026, 1, 1)  # as before the follow-up
    kinds = [(r.kind, r.replaced_by is not None) for r in store.history(jens) if not r.is_case_change]
    assert kinds == [("cancelled", False), ("followup", True)]
    cancel_row = next(r.id for r in store.history(jens) if r.kind == "cancelled")
    with pytest.raises(ValidationError, match="annullering kan ikke rettes"):
        store.add_event(jens, day=date(2026, 1, 10), kind="followup", replaces=cancel_row)


def test_an_event_of_another_case_cannot_be_replaced(store, jens):
    other = store.create_case(citizen="Bo", case_ref="2", trial_id="T08", dates={"hire": date(2024, 5, 1)})
    event = store.add_event(other, day=date(2026, 1, 10), kind="followup")
    with pytest.raises(ValidationError) as exc:
        store.add_event(jens, day=date(2026, 1, 10), kind="followup", replaces=event)
    assert exc.value.errors == {"replaces": f"Hændelse nr. {event} findes ikke på denne sag"}


def test_the_database_itself_refuses_to_edit_history(db_path, store, jens):
    store.add_event(jens, day=date(2026, 1, 10), kind="followup")
    other = sqlite3.connect(db_path)
    try:
        with pytest.raises(sqlite3.IntegrityError, match="registrér en rettelse"):
            other.execute("UPDATE events SET day = '2026-01-01'")
        with pytest.raises(sqlite3.IntegrityError, match="registrér en rettelse"):
            other.execute("UPDATE case_changes SET new_value = 'x'")
    finally:
        other.close()


def test_a_bad_event_is_refused_with_messages_and_not_saved(store, jens):
    with pytest.raises(ValidationError) as exc:
        store.add_event(
            jens,
            day=date(2024, 5, 1),
            kind="followup",
            form="brev",
            initiated_by="naboen",
            full_followup=True,
        )
    assert exc.value.errors == {
        "day": "Opfølgning 01-05-2024 ligger før ansættelse i løntilskud 26-05-2024",
        "form": "Ukendt form 'brev' (vælg mellem personligt, telefon, digitalt, gruppe)",
        "initiated_by": "Ukendt 'naboen' (vælg mellem kommune, borger, arbejdsgiver)",
        "full_followup": "Kun en henvendelse mellem opfølgninger kan tælle som fuld opfølgning",
    }
    with pytest.raises(ValidationError) as exc:
        store.add_event(jens, day="31-02-2026", kind="followup")
    assert exc.value.errors == {"day": "'31-02-2026': den dag findes ikke – februar 2026 har 28 dage."}
    assert events_of(store, jens) == ()
