"""An import in the database: one transaction, one batch in the history, undone as a whole while none of
its cases has been changed since."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date

import pytest

from caseworker_app.core.event import Event
from caseworker_app.core.history import CANCELLED, CASE_CHANGED, CASE_CREATED
from caseworker_app.store import CaseStore, StoreError, ValidationError
from caseworker_app.store.import_batches import CaseUpdate, ImportConflictError, NewCase
from caseworker_app.store.import_undo import ImportUndoError

from .conftest import TODAY

JENS = NewCase(
    citizen="Jens Hansen",
    case_ref="2024-0001",
    trial_id="T08",
    dates={"hire": date(2024, 3, 1)},
    caseworker="Anne Jensen",
    cpr="0101620000",
    note="Kantinen",
)
LONE = NewCase(
    citizen="Lone Andersen",
    case_ref="2023-0107",
    trial_id="T08",
    dates={"hire": date(2023, 1, 16), "offer": date(2023, 1, 2)},
    last_followup=date(2025, 3, 10),
)


def save(store, *cases, updates=(), file_name="sagsliste.xlsx"):
    return store.save_import_batch(
        file_name=file_name,
        sheet="Sager",
        rows_read=len(cases) + len(updates) + 1,
        skipped=1,
        invalid=0,
        new_cases=list(cases),
        updates=list(updates),
    )


def counts(store):
    conn = store._conn
    return tuple(
        conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        for t in ("cases", "case_dates", "events", "case_changes", "import_batches", "deletions")
    )


def test_an_imported_case_is_saved_as_the_case_window_saves_it(store):
    store.save_settings(replace(store.settings(), caseworker_name="Anne Jensen"))
    batch = save(store, JENS, LONE)
    typed = store.create_case(
        citizen="Jens Hansen",
        case_ref="2024-9999",
        trial_id="T08",
        dates={"hire": date(2024, 3, 1)},
        caseworker="Anne Jensen",
        cpr="010162-0000",
        note="Kantinen",
    )
    imported, lone, by_hand = store.get_case(1), store.get_case(2), store.get_case(typed)
    assert imported.case_ref == "2024-0001" and by_hand.case_ref == "2024-9999"
    assert (
        imported.citizen,
        imported.trial_id,
        imported.cpr,
        imported.caseworker,
        imported.note,
        imported.status,
        dict(imported.dates),
    ) == (
        by_hand.citizen,
        by_hand.trial_id,
        by_hand.cpr,
        by_hand.caseworker,
        by_hand.note,
        by_hand.status,
        dict(by_hand.dates),
    )
    assert lone.events == (Event(date(2025, 3, 10), "followup"),)
    created = [row for row in store.history(lone.id) if row.kind == CASE_CREATED][0]
    assert created.text == (
        "Importeret fra sagsliste.xlsx (import nr. 1). Forsøg T08; ansættelse i løntilskud 16-01-2023, "
        "tilbud om ansættelse med løntilskud 02-01-2023"
    )
    assert created.created_by == "Anne Jensen" and created.day == TODAY
    followup = [row for row in store.history(lone.id) if row.kind == "followup"][0]
    assert followup.text == "Seneste opfølgning før importen, fra sagsliste.xlsx (import nr. 1)"
    [listed] = store.import_batches()
    assert (
        listed.id,
        listed.file_name,
        listed.sheet,
        listed.rows_read,
        listed.created,
        listed.updated,
        listed.skipped,
        listed.invalid,
        listed.created_by,
        listed.undone,
    ) == (batch, "sagsliste.xlsx", "Sager", 3, 2, 0, 1, 0, "Anne Jensen", False)
    # Each case's history says whether an import created it, and which.
    assert [row.text for row in store.history(imported.id) if row.kind == CASE_CREATED] == [
        "Importeret fra sagsliste.xlsx (import nr. 1). Forsøg T08; ansættelse i løntilskud 01-03-2024"
    ]
    assert [row.text for row in store.history(typed) if row.kind == CASE_CREATED] == [
        "Forsøg T08; ansættelse i løntilskud 01-03-2024"
    ]


def test_a_case_saved_meanwhile_stops_the_whole_import(store, jens):
    before = counts(store)
    clash = NewCase(citizen="Jens H.", case_ref="2024-0412", trial_id="T08", dates={"hire": date(2024, 3, 1)})
    with pytest.raises(ImportConflictError) as caught:
        save(store, LONE, clash)
    assert str(caught.value) == (
        "1 af sagerne er gemt i databasen, siden listen blev læst (fx sag 2024-0412 (nr. 1) i forsøg T08). "
        "Intet er gemt. Importér filen igen, så den findes som dublet."
    )
    # The window's import dialog reads the file again itself: it says so, and nothing else to do.
    assert caught.value.window_text() == (
        "1 af sagerne er gemt i databasen, siden listen blev læst (fx sag 2024-0412 (nr. 1) i forsøg T08). "
        "Intet er gemt. Forhåndsvisningen er lavet igen, så den findes som dublet; se den, og tryk Importér."
    )
    assert counts(store) == before


def test_undo_deletes_the_new_cases_and_keeps_the_deletion_without_personal_data(store):
    batch = save(store, JENS, LONE)
    assert store.undo_import_problem(batch) is None
    assert store.undo_import(batch) == (2, 0)
    assert store.list_cases() == []
    assert [(d["case_id"], d["trial_id"], d["reason"]) for d in store.deletions()] == [
        (1, "T08", "Import nr. 1 (sagsliste.xlsx) fortrudt"),
        (2, "T08", "Import nr. 1 (sagsliste.xlsx) fortrudt"),
    ]
    [listed] = store.import_batches()
    assert listed.undone and listed.undone_by == ""
    with pytest.raises(ImportUndoError, match=r"Import nr. 1 er allerede fortrudt \(\d\d-\d\d-\d{4}\)\."):
        store.undo_import(batch)


def _add_followup(store, case_id):
    store.add_event(case_id, day=date(2026, 11, 2), kind="followup")


def _change_caseworker(store, case_id):
    store.update_case(case_id, caseworker="Mads Kristensen")


def _close(store, case_id):
    store.close_case(case_id, reason="overgået til fleksjob", day=date(2026, 11, 20))


def _journal_note(store, case_id):
    store.add_journal_note(case_id, situation="opfoelgning", text="Notat", day=date(2026, 11, 20))


@pytest.mark.parametrize("change", [_add_followup, _change_caseworker, _close, _journal_note])
def test_undo_is_refused_once_a_case_of_the_import_has_changed(store, change):
    batch = save(store, JENS, LONE)
    change(store, 2)
    before = counts(store)
    message = (
        "Import nr. 1 kan ikke fortrydes: sag 2023-0107 (nr. 2) er ændret siden importen. Ret eller slet "
        "de importerede sager enkeltvis i stedet."
    )
    assert store.undo_import_problem(batch) == message
    with pytest.raises(ImportUndoError) as caught:
        store.undo_import(batch)
    assert str(caught.value) == message
    assert counts(store) == before


def test_undo_is_refused_once_a_case_of_the_import_is_deleted(store):
    batch = save(store, JENS, LONE)
    store.delete_case(1, "Oprettet to gange")
    with pytest.raises(ImportUndoError, match="sag nr. 1 er slettet siden importen"):
        store.undo_import(batch)


def test_changes_to_other_cases_do_not_stop_the_undo(store, jens):
    batch = save(store, LONE)
    store.update_case(jens, caseworker="Mads Kristensen")
    assert store.undo_import(batch) == (1, 0)
    assert [c.id for c in store.list_cases()] == [jens]


def test_an_updated_case_gets_its_values_back_and_its_followup_withdrawn(store, jens):
    store.add_event(jens, day=date(2025, 1, 10), kind="followup")
    update = CaseUpdate(
        jens,
        {
            "caseworker": "Mads Kristensen",
            "cpr": "0101620000",
            "dates": {"hire": date(2024, 5, 20), "offer": date(2024, 5, 1)},
        },
        last_followup=date(2026, 2, 3),
    )
    batch = save(store, LONE, updates=[update])
    updated = store.get_case(jens)
    assert (updated.caseworker, updated.cpr, dict(updated.dates)) == (
        "Mads Kristensen",
        "0101620000",
        {"hire": date(2024, 5, 20), "offer": date(2024, 5, 1)},
    )
    assert updated.events[-1] == Event(date(2026, 2, 3), "followup")
    assert [(b.id, b.created, b.updated) for b in store.import_batches()] == [(batch, 1, 1)]

    assert store.undo_import(batch) == (1, 1)
    restored = store.get_case(jens)
    assert (restored.caseworker, restored.cpr, dict(restored.dates), restored.events) == (
        "Anne Jensen",
        None,
        {"hire": date(2024, 5, 26)},
        (Event(date(2025, 1, 10), "followup"),),
    )
    history = store.history(jens)
    assert [row.kind for row in history if row.kind == CANCELLED] == [CANCELLED]
    assert [row.text for row in history if row.kind == CANCELLED] == ["Import nr. 1 (sagsliste.xlsx) fortrudt"]
    changes = [row.text for row in history if row.kind == CASE_CHANGED]
    assert "Sagsbehandler: Mads Kristensen → Anne Jensen" in changes
    assert "Ansættelse i løntilskud: 20-05-2024 → 26-05-2024" in changes
    # The earlier values are not kept once the import is undone.
    assert store._conn.execute("SELECT count(*) FROM import_batch_cases WHERE before IS NOT NULL").fetchone() == (0,)


def test_a_deleted_case_leaves_no_earlier_values_behind(store, jens):
    save(store, updates=[CaseUpdate(jens, {"citizen": "Jens Peter Hansen"})])
    assert store._conn.execute("SELECT before FROM import_batch_cases").fetchone() == ('{"citizen": "Jens Hansen"}',)
    store.delete_case(jens, "Forkert borger")
    assert store._conn.execute("SELECT before FROM import_batch_cases").fetchone() == (None,)


def test_a_wrong_update_saves_nothing(store, jens):
    before = counts(store)
    with pytest.raises(ValidationError) as caught:
        save(store, LONE, updates=[CaseUpdate(jens, {"dates": {"hire": date(1990, 1, 1)}})])
    assert "ligger før 01-01-2000" in str(caught.value)
    assert counts(store) == before


def test_the_history_of_imports_cannot_be_edited(store):
    batch = save(store, JENS)
    store.undo_import(batch)
    with pytest.raises(sqlite3.IntegrityError):
        store._conn.execute("UPDATE import_batches SET undone_at = NULL")
    with pytest.raises(sqlite3.IntegrityError):
        store._conn.execute("DELETE FROM import_batches")


def test_a_missing_batch(store):
    with pytest.raises(ImportUndoError, match="Import nr. 7 findes ikke i databasen."):
        store.undo_import(7)


def test_the_remembered_mapping(store):
    assert store.remembered_import_mapping() == {}
    store.remember_import_mapping({"columns": {"navn": "citizen"}, "default_trial": "T08"})
    assert store.remembered_import_mapping() == {"columns": {"navn": "citizen"}, "default_trial": "T08"}
    store._conn.execute("UPDATE app_state SET value = '{ødelagt' WHERE key = 'import_mapping'")
    store._conn.commit()
    assert store.remembered_import_mapping() == {}


def test_a_read_only_store_saves_no_import(db_path, store):
    store.close()
    with CaseStore(db_path, read_only=True) as reader, pytest.raises(StoreError):
        save(reader, JENS)


# ---------------------------------------------------------------- several imports, undone newest first


def state(store):
    """Every case as the caseworker sees it: (name, trial, dates, events, caseworker, CPR, note, status)."""
    return {
        c.case_ref: (c.citizen, c.trial_id, dict(c.dates), c.events, c.caseworker, c.cpr, c.note, c.status)
        for c in store.list_cases()
    }


BEFORE_IMPORTS = {
    "2024-0412": (
        "Jens Hansen",
        "T08",
        {"hire": date(2024, 5, 26)},
        (Event(date(2025, 1, 10), "followup"),),
        "Anne Jensen",
        None,
        "",
        "aktiv",
    ),
}
AFTER_FIRST = BEFORE_IMPORTS | {
    "2024-0412": (
        "Jens Hansen",
        "T08",
        {"hire": date(2024, 5, 20)},
        (Event(date(2025, 1, 10), "followup"), Event(date(2026, 2, 3), "followup")),
        "Mads Kristensen",
        "0101620000",
        "",
        "aktiv",
    ),
    "2023-0107": (
        "Lone Andersen",
        "T08",
        {"hire": date(2023, 1, 16), "offer": date(2023, 1, 2)},
        (Event(date(2025, 3, 10), "followup"),),
        "",
        None,
        "",
        "aktiv",
    ),
}


def two_imports(store, jens):
    """Import 1: Lone Andersen new, Jens Hansen updated. Import 2: a new case, and both of import 1's
    cases updated again (the same fields and others, with a follow-up each)."""
    store.add_event(jens, day=date(2025, 1, 10), kind="followup")
    assert state(store) == BEFORE_IMPORTS
    first = save(
        store,
        LONE,
        updates=[
            CaseUpdate(
                jens,
                {"caseworker": "Mads Kristensen", "cpr": "0101620000", "dates": {"hire": date(2024, 5, 20)}},
                last_followup=date(2026, 2, 3),
            )
        ],
    )
    assert state(store) == AFTER_FIRST
    second = save(
        store,
        JENS,
        updates=[
            CaseUpdate(
                jens,
                {"caseworker": "Ole Olsen", "note": "Fra liste 2", "dates": {"hire": date(2024, 5, 22)}},
                last_followup=date(2026, 4, 1),
            ),
            CaseUpdate(
                2,
                {"caseworker": "Ole Olsen", "dates": {"hire": date(2023, 1, 20), "offer": date(2023, 1, 2)}},
                last_followup=date(2026, 3, 2),
            ),
        ],
        file_name="liste2.csv",
    )
    return first, second


def test_imports_undone_newest_first_give_back_the_state_before_the_first(store, jens):
    first, second = two_imports(store, jens)
    assert (first, second) == (1, 2)
    assert state(store)["2023-0107"][2:5] == (
        {"hire": date(2023, 1, 20), "offer": date(2023, 1, 2)},
        (Event(date(2025, 3, 10), "followup"), Event(date(2026, 3, 2), "followup")),
        "Ole Olsen",
    )
    # The older import first: refused, naming the import to undo before it and a case they share.
    before = counts(store)
    message = (
        "Import nr. 1 kan ikke fortrydes, før import nr. 2 er fortrudt: den har opdateret sag 2024-0412 (nr. 1) "
        "(og 1 sag mere). Fortryd importerne med den nyeste først."
    )
    assert store.undo_import_problem(first) == message
    with pytest.raises(ImportUndoError) as caught:
        store.undo_import(first)
    assert str(caught.value) == message
    assert counts(store) == before

    assert store.undo_import(second) == (1, 2)
    assert state(store) == AFTER_FIRST
    assert store.undo_import_problem(first) is None
    assert store.undo_import(first) == (1, 1)
    assert state(store) == BEFORE_IMPORTS
    assert [(d["case_id"], d["reason"]) for d in store.deletions()] == [
        (3, "Import nr. 2 (liste2.csv) fortrudt"),
        (2, "Import nr. 1 (sagsliste.xlsx) fortrudt"),
    ]


def test_three_imports_of_one_case_are_undone_newest_first(store):
    first = save(store, LONE)
    second = save(store, updates=[CaseUpdate(1, {"note": "Liste 2"})], file_name="liste2.csv")
    third = save(store, updates=[CaseUpdate(1, {"note": "Liste 3", "caseworker": "Ole Olsen"})], file_name="liste3.csv")
    assert store.undo_import_problem(first) == (
        "Import nr. 1 kan ikke fortrydes, før importerne nr. 3 og 2 er fortrudt: de har opdateret sag 2023-0107 "
        "(nr. 1). Fortryd importerne med den nyeste først."
    )
    assert store.undo_import_problem(second) == (
        "Import nr. 2 kan ikke fortrydes, før import nr. 3 er fortrudt: den har opdateret sag 2023-0107 (nr. 1). "
        "Fortryd importerne med den nyeste først."
    )
    assert store.undo_import(third) == (0, 1)
    assert (store.get_case(1).note, store.get_case(1).caseworker) == ("Liste 2", "")
    assert store.undo_import(second) == (0, 1)
    assert store.get_case(1).note == ""
    assert store.undo_import(first) == (1, 0)
    assert store.list_cases() == []


def _edit(store, case_id):
    store.update_case(case_id, caseworker="Mads Kristensen")


def _edit_what_import_2_changed(store, case_id):
    store.update_case(case_id, dates={"hire": date(2023, 1, 18), "offer": date(2023, 1, 2)})


@pytest.mark.parametrize("change", [_edit, _edit_what_import_2_changed, _add_followup, _journal_note])
def test_a_change_between_the_imports_still_stops_undoing_the_first(store, change):
    first = save(store, LONE)
    change(store, 1)
    second = save(
        store,
        updates=[CaseUpdate(1, {"note": "Liste 2", "dates": {"hire": date(2023, 1, 20), "offer": date(2023, 1, 2)}})],
    )
    assert store.undo_import(second) == (0, 1)
    before = counts(store)
    message = (
        "Import nr. 1 kan ikke fortrydes: sag 2023-0107 (nr. 1) er ændret siden importen. Ret eller slet "
        "de importerede sager enkeltvis i stedet."
    )
    assert store.undo_import_problem(first) == message
    with pytest.raises(ImportUndoError) as caught:
        store.undo_import(first)
    assert str(caught.value) == message
    assert counts(store) == before


@pytest.mark.parametrize("change", [_edit, _add_followup, _close, _journal_note])
def test_a_change_after_undoing_the_later_import_still_stops_undoing_the_first(store, jens, change):
    first, second = two_imports(store, jens)
    assert store.undo_import(second) == (1, 2)
    change(store, 2)
    before = counts(store)
    message = (
        "Import nr. 1 kan ikke fortrydes: sag 2023-0107 (nr. 2) er ændret siden importen. Ret eller slet "
        "de importerede sager enkeltvis i stedet."
    )
    assert store.undo_import_problem(first) == message
    with pytest.raises(ImportUndoError):
        store.undo_import(first)
    assert counts(store) == before


def test_an_edit_back_to_the_value_import_2_had_is_a_change(store):
    """The caseworker types again what the undone import had written: a change of their own."""
    first = save(store, LONE)
    second = save(store, updates=[CaseUpdate(1, {"note": "Liste 2"})])
    store.undo_import(second)
    store.update_case(1, note="Liste 2")
    assert store.undo_import_problem(first) == (
        "Import nr. 1 kan ikke fortrydes: sag 2023-0107 (nr. 1) er ændret siden importen. Ret eller slet "
        "de importerede sager enkeltvis i stedet."
    )


def test_an_undo_that_fails_half_way_changes_nothing(store, jens):
    _, second = two_imports(store, jens)
    before, shown = counts(store), state(store)
    # The last step of the undo (deleting import 2's new case, nr. 3) fails after both updated
    # cases were given their values back and their follow-ups withdrawn.
    store._conn.execute(
        "CREATE TEMP TRIGGER fail_last BEFORE INSERT ON deletions WHEN NEW.case_id = 3 "
        "BEGIN SELECT RAISE(ABORT, 'disk fuld'); END"
    )
    with pytest.raises(StoreError):
        store.undo_import(second)
    assert counts(store) == before
    assert state(store) == shown
    assert not store.import_batches()[0].undone


class _FullDiskAtCommit:
    """The store's connection whose commit fails as SQLite's does on a full disk."""

    def __init__(self, conn: sqlite3.Connection):
        self._conn = conn

    def commit(self) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    def __getattr__(self, name):
        return getattr(self._conn, name)


def test_an_import_whose_commit_fails_is_not_logged_as_saved_and_nothing_is_left_open(store, db_path, caplog):
    # The tester's case: 'Intet er gemt' on screen, 'import 1 saved: 2 created' in the log. The import's
    # own transaction is a savepoint inside save_import's batch; the commit that fails comes after it.
    before = counts(store)
    real = store._db_part.conn
    store._db_part.conn = _FullDiskAtCommit(real)
    caplog.set_level("INFO", logger="caseworker_app.store.import_batches")
    try:
        with pytest.raises(StoreError), store.batch():
            save(store, JENS, LONE)
    finally:
        store._db_part.conn = real
    assert [r.getMessage() for r in caplog.records if "saved" in r.getMessage()] == []
    assert counts(store) == before
    # The failed transaction was rolled back: the next import is a transaction of its own, saved.
    with store.batch():
        batch = save(store, JENS)
    assert [r.getMessage() for r in caplog.records if "saved" in r.getMessage()] == [
        f"import {batch} saved: 1 created, 0 updated"
    ]
    store.close()
    again = CaseStore(db_path, clock=lambda: TODAY)
    try:
        assert [c.citizen for c in again.list_cases()] == ["Jens Hansen"]
    finally:
        again.close()
