"""The .ics export state in the database: a calendar id per database, UID -> (date, SEQUENCE, title's
fingerprint)."""

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
        "sag-1-followup-opfoelgning@opfoelgningsfrister.local": (date(2021, 2, 28), 0, "3f9a0c11d2e4"),
        "sag-2-followup-opfoelgning@opfoelgningsfrister.local": (date(2021, 3, 15), 2, "0b7c55e1a9f2"),
        "aflyst:sag-3-followup-opfoelgning@opfoelgningsfrister.local": (date(2021, 1, 4), 1, ""),
    }
    store.save_ics_state(state)
    with CaseStore(db_path) as other:
        assert other.ics_state()[1] == state
    # A later save replaces the whole state.
    moved = {"sag-1-followup-opfoelgning@opfoelgningsfrister.local": (date(2021, 8, 26), 1, "77aa01c2b3d4")}
    store.save_ics_state(moved)
    assert store.ics_state()[1] == moved


def test_a_state_saved_before_titles_were_kept_is_read_with_no_fingerprint(store):
    with store.batch():
        store._conn.execute(
            "INSERT INTO app_state (key, value) VALUES ('ics_state', ?)",
            ('{"sag-1-followup-opfoelgning@opfoelgningsfrister.local":["2021-02-26",4]}',),
        )
    assert store.ics_state()[1] == {"sag-1-followup-opfoelgning@opfoelgningsfrister.local": (date(2021, 2, 26), 4, "")}


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
