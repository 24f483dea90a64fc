"""A store whose database was found damaged and is kept in use refuses every write in one place (its
transaction, StoreConnection.batch) before anything is written, and a restore lifts it."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from caseworker_app.store import CaseStore, StoreError
from caseworker_app.store.errors import WriteRefusal
from caseworker_app.store.evaluation_queries import ReportSettings, save_report_settings

TODAY = date(2021, 2, 1)
HIRE = {"hire": date(2018, 8, 31)}

WRITES = {
    "new case": lambda s: s.create_case(citizen="Lone Andersen", case_ref="N-1", trial_id="T08", dates=HIRE),
    "case changed": lambda s: s.update_case(1, note="Ringet"),
    "event": lambda s: s.add_event(1, day=TODAY, kind="followup"),
    "closing": lambda s: s.close_case(1, reason="overgået til uddannelse", day=TODAY),
    "reopening": lambda s: s.reopen_case(2),
    "deletion": lambda s: s.delete_case(1, "Oprettet to gange"),
    "purge": lambda s: s.purge_closed_cases(date(2031, 1, 1)),
    "settings": lambda s: s.save_settings(replace(s.settings(), caseworker_name="Anne Jensen")),
    "trial change": lambda s: s.add_override("T08", "citation", "LBK nr. 1 af 2021", "Mail fra STAR"),
    "note template": lambda s: s.save_note_template("T08", "opfoelgning", "Opfølgning. $citation"),
    "journal note": lambda s: s.add_journal_note(1, situation="opfoelgning", text="Notat", day=TODAY),
    "import mapping": lambda s: s.remember_import_mapping({"Navn": "citizen"}),
    "report settings": lambda s: save_report_settings(s, ReportSettings(30, {})),
    "import": lambda s: s.save_import_batch(
        file_name="sager.csv", sheet=None, rows_read=0, skipped=0, invalid=0, new_cases=(), updates=()
    ),
}


def files_of(db: Path) -> dict[str, bytes | None]:
    return {
        suffix: (Path(f"{db}{suffix}").read_bytes() if Path(f"{db}{suffix}").exists() else None)
        for suffix in ("", "-wal", "-shm")
    }


@pytest.fixture
def store(tmp_path):
    with CaseStore(tmp_path / "sager.db", clock=lambda: TODAY) as case_store:
        case_store.create_case(citizen="Jens Hansen", case_ref="S-1", trial_id="T08", dates=HIRE)
        second = case_store.create_case(citizen="Ole Bak", case_ref="S-2", trial_id="T08", dates=HIRE)
        case_store.close_case(second, reason="overgået til uddannelse", day=TODAY)
        case_store._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        yield case_store


@pytest.mark.parametrize("write", list(WRITES))
def test_every_write_is_refused_before_anything_is_written(store, write):
    store.write_refusal = WriteRefusal(good_copy=True)
    before = files_of(store.path)
    with pytest.raises(StoreError) as refused:
        WRITES[write](store)
    assert refused.value.fault and refused.value.says_nothing_saved
    assert refused.value.window_text().startswith(f"Intet er gemt: databasen {store.path} er beskadiget")
    assert files_of(store.path) == before


def test_a_reopen_keeps_it_and_a_restore_lifts_it(store):
    store.write_refusal = WriteRefusal(good_copy=False)
    store.reopen()  # the restore failed: the damaged file is still there
    with pytest.raises(StoreError):
        WRITES["event"](store)
    store.reopen(restored=True)
    assert store.write_refusal is None
    WRITES["event"](store)
    assert [e.kind for e in store.get_case(1).events] == ["followup"]
