"""The .ics export state in the database: a calendar id per database, UID -> (date, SEQUENCE)."""

from __future__ import annotations

from datetime import date

from caseworker_app.store import CaseStore


def test_a_new_database_has_its_own_calendar_id_and_no_state(tmp_path):
    with CaseStore(tmp_path / "a.db") as first, CaseStore(tmp_path / "b.db") as second:
        id_a, state_a = first.ics_state()
        id_b, _ = second.ics_state()
    assert state_a == {}
    assert id_a != id_b
    with CaseStore(tmp_path / "a.db") as again:
        assert again.ics_state()[0] == id_a  # kept, not drawn anew on each opening


def test_saved_state_is_read_back_by_another_copy(store, db_path):
    state = {
        "sag-1-followup-opfoelgning@opfoelgningsfrister.local": (date(2021, 2, 28), 0),
        "sag-2-followup-opfoelgning@opfoelgningsfrister.local": (date(2021, 3, 15), 2),
    }
    store.save_ics_state(state)
    with CaseStore(db_path) as other:
        assert other.ics_state()[1] == state
    # A later save replaces the whole state.
    moved = {"sag-1-followup-opfoelgning@opfoelgningsfrister.local": (date(2021, 8, 26), 1)}
    store.save_ics_state(moved)
    assert store.ics_state()[1] == moved


def test_an_unreadable_state_starts_over_instead_of_failing(store):
    calendar_id, _ = store.ics_state()
    with store.batch():
        store._conn.execute("INSERT INTO app_state (key, value) VALUES ('ics_state', 'ødelagt')")
    assert store.ics_state() == (calendar_id, {})


def test_a_lost_calendar_id_is_made_again_once(store):
    with store.batch():
        store._conn.execute("DELETE FROM app_state WHERE key = 'ics_calendar_id'")
    first = store.ics_state()[0]
    assert len(first) == 12
    assert store.ics_state()[0] == first
