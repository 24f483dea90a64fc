"""What was written since a moment (CaseStore.change_token / changes_since), and the kept case list.

The window refreshes by asking this: nothing written -> nothing to do; its own write -> only
those cases; anything else (another program, a write that names no cases) -> read everything.
A case list patched case by case must equal one read afresh, order included.
"""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from caseworker_app.store import CaseStore, ValidationError
from caseworker_app.store.changes import ChangeLog

TODAY = date(2026, 11, 23)


@pytest.fixture
def store(tmp_path):
    with CaseStore(tmp_path / "sager.db", clock=lambda: TODAY) as store:
        yield store


def new_case(store, name="Jens Hansen", ref="2026-1", hire=date(2024, 3, 15)):
    return store.create_case(citizen=name, case_ref=ref, trial_id="T08", dates={"hire": hire})


def ids_written(store, action):
    token = store.change_token()
    action()
    changes = store.changes_since(token)
    return None if changes is None else changes.case_ids


def test_nothing_written_is_nothing_changed(store):
    new_case(store)
    token = store.change_token()
    store.list_cases(), store.settings(), store.catalog(), store.history(1)  # reading writes nothing
    assert store.changes_since(token) is None
    first = store.list_cases()
    assert store.list_cases()[0] is first[0]  # not read again


def test_own_writes_name_their_cases(store):
    jens = new_case(store)
    assert ids_written(store, lambda: new_case(store, "Bo", "2026-2")) == {jens + 1}
    assert ids_written(store, lambda: store.add_event(jens, day=date(2025, 1, 5), kind="followup")) == {jens}
    assert ids_written(store, lambda: store.update_case(jens, note="ny")) == {jens}
    assert ids_written(
        store, lambda: store.add_journal_note(jens, situation="opfoelgning", text="Notat", day=TODAY)
    ) == {jens}
    assert ids_written(store, lambda: store.close_case(jens, reason="andet", text="flyttet", day=TODAY)) == {jens}
    assert ids_written(store, lambda: store.reopen_case(jens)) == {jens}
    settings = store.settings()
    settings.warning_days = 14
    assert ids_written(store, lambda: store.save_settings(settings)) == set()  # no case; settings reread
    assert ids_written(store, lambda: store.add_override("T08", "citation", "BEK nr. 1", "kilde")) == set()
    assert ids_written(store, lambda: store.delete_case(jens, "oprettet ved en fejl")) == {jens}


def test_a_refused_write_changes_nothing(store):
    jens = new_case(store)
    token = store.change_token()
    with pytest.raises(ValidationError):
        store.add_event(jens, day=date(2030, 1, 1), kind="followup")  # in the future
    assert store.changes_since(token).case_ids == set()


def test_several_writes_in_one_transaction_name_all_their_cases(store):
    jens, bo = new_case(store), new_case(store, "Bo", "2026-2")
    token = store.change_token()
    with store.batch():  # as the event dialog saves an event and the next agreed date
        store.add_event(jens, day=date(2025, 1, 5), kind="followup")
        store.update_case(bo, note="ny")
    assert store.changes_since(token).case_ids == {jens, bo}


def test_a_row_written_outside_a_write_method_counts_as_anything(store):
    jens = new_case(store)
    token = store.change_token()
    with store.batch():
        store.add_event(jens, day=date(2025, 1, 5), kind="followup")
        store._connection().execute("UPDATE cases SET note = 'skrevet direkte' WHERE id = ?", (jens,))
    assert store.changes_since(token).anything
    assert store.list_cases()[0].note == "skrevet direkte"


def test_another_program_writing_counts_as_anything(store):
    jens = new_case(store)
    assert store.list_cases()[0].events == ()
    token = store.change_token()
    with CaseStore(store.path, clock=lambda: TODAY) as other:
        other.add_event(jens, day=date(2025, 1, 5), kind="followup")
    changes = store.changes_since(token)
    assert changes.anything
    assert [e.day for e in store.list_cases()[0].events] == [date(2025, 1, 5)]
    assert store.changes_since(changes.token) is None


def test_a_restored_file_counts_as_anything(store):
    new_case(store)
    token = store.change_token()
    store.reopen()
    assert store.changes_since(token).anything


def test_a_token_older_than_the_log_counts_as_anything():
    log = ChangeLog()
    conn = sqlite3.connect(":memory:")
    old = log.writes
    for _ in range(ChangeLog.KEEP + 1):
        log.begin(conn.total_changes)
        with log.claim(conn, (1,)):
            pass
        log.end(True, conn.total_changes)
    assert log.since(old) is None
    assert log.since(log.writes - 2) == {1}


def test_the_patched_case_list_is_the_list_read_afresh(store):
    names = ["bo", "Åse", "anne", "Anne", "_x", "Zed", "åse", "Bo", "Ærø", "anne"]  # ids 1-10
    for i, name in enumerate(names):
        new_case(store, name, f"2026-{i}")
    zed = store.list_cases()[-4]  # kept from here on, then patched case by case
    assert zed.citizen == "Zed"
    new_case(store, "Aaron", "2026-99")  # id 11
    store.update_case(1, citizen="Zoe")  # from the b's to the z's
    store.update_case(9, citizen="bo")  # beside two others of that name
    store.delete_case(3, "oprettet ved en fejl")
    store.add_event(2, day=date(2025, 1, 5), kind="followup")
    patched = store.list_cases()
    # Danish order (core.collation): '_' before the letters, case aside (equal names by id), then
    # æ, ø, å after z, and "Aa" as "Å" (Aaron after Zoe, before Åse).
    assert [(c.citizen, c.id) for c in patched] == [
        ("_x", 5),
        ("Anne", 4),
        ("anne", 10),
        ("Bo", 8),
        ("bo", 9),
        ("Zed", 6),
        ("Zoe", 1),
        ("Aaron", 11),
        ("Åse", 2),
        ("åse", 7),
    ]
    assert patched[5] is zed  # patched, not read again
    with CaseStore(store.path, read_only=True) as reader:
        assert patched == reader.list_cases()


def test_cases_by_id_gives_the_current_records(store):
    jens, bo = new_case(store), new_case(store, "Bo", "2026-2")
    store.list_cases()
    store.add_event(jens, day=date(2025, 1, 5), kind="followup")
    store.delete_case(bo, "oprettet ved en fejl")
    found = store.cases_by_id([jens, bo, 999])
    assert list(found) == [jens]
    assert [e.day for e in found[jens].events] == [date(2025, 1, 5)]
