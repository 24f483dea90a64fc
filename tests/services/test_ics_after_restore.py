"""Outlook after a restore: the .ics export state is the calendar's, so the SEQUENCE keeps rising.

Found by a tester: a restored copy brought back the export state of its day, so the next export
sent an event at a SEQUENCE Outlook already had, and Outlook ignored the update.

T08 (resources/trials/T08.toml): the first follow-up is due 30 months after the hire, inside the
trial (it ends 31-12-2025). Hired 10-10-2019: 10-04-2022 (a Sunday; in practice Fri 08-04-2022);
10-11-2019: 10-05-2022 (a Tuesday); 10-12-2019: 10-06-2022 (a Friday).
"""

from __future__ import annotations

import re
from datetime import date, datetime

from caseworker_app.services.exporting import export_ics
from caseworker_app.store import CaseStore
from caseworker_app.store.backup import make_backup, restore_backup

TODAY = date(2021, 3, 1)


def _event(path) -> tuple[str, int]:
    text = path.read_text(encoding="utf-8")
    [day] = re.findall(r"DTSTART;VALUE=DATE:(\d{8})", text)
    [sequence] = re.findall(r"SEQUENCE:(\d+)", text)
    return day, int(sequence)


def test_an_export_after_a_restore_raises_the_sequence_outlook_already_has(tmp_path):
    db = tmp_path / "sager.db"
    with CaseStore(db, clock=lambda: TODAY) as store:
        case_id = store.create_case(
            citizen="Bo Berg", case_ref="B-1", trial_id="T08", dates={"hire": date(2019, 10, 10)}
        )
        export_ics(store, tmp_path / "0.ics", TODAY)
    copy = make_backup(db, tmp_path / "kopi.db", now=datetime(2021, 3, 1, 9, 0))
    with CaseStore(db, clock=lambda: TODAY) as store:
        store.update_case(case_id, dates={"hire": date(2019, 11, 10)})
        export_ics(store, tmp_path / "1.ics", TODAY)
    assert _event(tmp_path / "0.ics") == ("20220408", 0)
    assert _event(tmp_path / "1.ics") == ("20220510", 1)  # what Outlook holds now
    calendar_before = CaseStore(db, read_only=True).ics_state()[0]

    restore_backup(db, copy.path, now=datetime(2021, 3, 1, 10, 0))
    with CaseStore(db, clock=lambda: TODAY) as store:
        assert store.get_case(case_id).dates["hire"] == date(2019, 10, 10)  # the copy's data
        assert store.ics_state()[0] == calendar_before  # the same calendar in Outlook
        store.update_case(case_id, dates={"hire": date(2019, 12, 10)})
        export_ics(store, tmp_path / "2.ics", TODAY)
    assert _event(tmp_path / "2.ics") == ("20220610", 2)  # above the 1 Outlook holds: taken


def test_the_states_merge_by_the_higher_sequence_per_event():
    from caseworker_app.store.backup.outlook_state import merged_state

    sent = '{"a":["2022-05-10",1,"x"],"b":["2022-01-01",0,"y"]}'
    restored = '{"a":["2022-04-08",0,"x"],"b":["2021-12-01",3,"z"],"c":["2021-11-01",2,""]}'
    assert merged_state(sent, restored) == (
        '{"a":["2022-05-10",1,"x"],"b":["2021-12-01",3,"z"],"c":["2021-11-01",2,""]}'
    )
    assert merged_state("ødelagt", restored) == merged_state(None, restored)


def test_whose_export_sent_an_event_survives_a_restore(tmp_path):
    """Kim's own export sent Bo Berg's event; the copy was made before it. After the restore, the
    case handed to Lis is still cancelled in Kim's next export (the record is the database's)."""
    db = tmp_path / "sager.db"
    with CaseStore(db, clock=lambda: TODAY) as store:
        case_id = store.create_case(
            citizen="Bo Berg", case_ref="B-1", trial_id="T08", dates={"hire": date(2019, 10, 10)}, caseworker="Kim"
        )
    copy = make_backup(db, tmp_path / "kopi.db", now=datetime(2021, 3, 1, 9, 0))
    with CaseStore(db, clock=lambda: TODAY) as store:
        export_ics(store, tmp_path / "kim-1.ics", TODAY, caseworker="Kim")
    restore_backup(db, copy.path, now=datetime(2021, 3, 1, 10, 0))
    with CaseStore(db, clock=lambda: TODAY) as store:
        store.update_case(case_id, caseworker="Lis")
        export_ics(store, tmp_path / "kim-2.ics", TODAY, caseworker="Kim")
    text = (tmp_path / "kim-2.ics").read_text(encoding="utf-8")
    assert "STATUS:CANCELLED" in text and "SEQUENCE:1" in text


def test_a_case_the_restore_reopens_is_sent_above_its_cancellation(tmp_path):
    """Found in review: exported (SEQUENCE 0), copied, closed and exported (cancelled, SEQUENCE 1),
    restored (open again): the next export sent it at SEQUENCE 0, and Outlook kept it cancelled."""
    db = tmp_path / "sager.db"
    with CaseStore(db, clock=lambda: TODAY) as store:
        case_id = store.create_case(
            citizen="Bo Berg", case_ref="B-1", trial_id="T08", dates={"hire": date(2019, 10, 10)}
        )
        export_ics(store, tmp_path / "0.ics", TODAY)
    copy = make_backup(db, tmp_path / "kopi.db", now=datetime(2021, 3, 1, 9, 0))
    with CaseStore(db, clock=lambda: TODAY) as store:
        store.close_case(case_id, reason="andet", text="flyttet", day=TODAY)
        export_ics(store, tmp_path / "1.ics", TODAY)
    assert "STATUS:CANCELLED" in (tmp_path / "1.ics").read_text(encoding="utf-8")
    restore_backup(db, copy.path, now=datetime(2021, 3, 1, 10, 0))
    with CaseStore(db, clock=lambda: TODAY) as store:
        export_ics(store, tmp_path / "2.ics", TODAY)
    assert _event(tmp_path / "2.ics") == ("20220408", 2)


def test_a_case_lost_by_restoring_an_older_copy_keeps_its_outlook_event_apart(tmp_path):
    """Found in review: Ib Ask (id 2) created after the copy and exported; the copy restored; Eva Lund
    created, and SQLite gave her id 2 again: she went out under Ib's UID, and Ib's event was never
    cancelled. The restore now records Ib as left out (as a deleted case), so Eva gets UIDs of her
    own and Ib's event is cancelled. Both hired 10-10-2019: 08-04-2022 in practice (see above)."""
    db = tmp_path / "sager.db"
    hire = {"hire": date(2019, 10, 10)}
    with CaseStore(db, clock=lambda: TODAY) as store:
        store.create_case(citizen="Bo Berg", case_ref="B-1", trial_id="T08", dates=hire)
    copy = make_backup(db, tmp_path / "kopi.db", now=datetime(2021, 3, 1, 9, 0))
    with CaseStore(db, clock=lambda: TODAY) as store:
        ib = store.create_case(citizen="Ib Ask", case_ref="I-2", trial_id="T08", dates=hire)
        export_ics(store, tmp_path / "0.ics", TODAY)
    restore_backup(db, copy.path, now=datetime(2021, 3, 1, 10, 0))
    with CaseStore(db, clock=lambda: TODAY) as store:
        assert [row["case_id"] for row in store.deletions()] == [ib]
        eva = store.create_case(citizen="Eva Lund", case_ref="E-3", trial_id="T08", dates=hire)
        assert eva == ib  # the id given again
        export_ics(store, tmp_path / "1.ics", TODAY)
    before = (tmp_path / "0.ics").read_text(encoding="utf-8")
    after = (tmp_path / "1.ics").read_text(encoding="utf-8")
    [ib_uid] = re.findall(rf"UID:(sag-{ib}-[^\r\n]*)", before)
    cancelled = [block for block in after.split("BEGIN:VEVENT") if f"UID:{ib_uid}" in block]
    assert len(cancelled) == 1 and "STATUS:CANCELLED" in cancelled[0]  # Ib's event, cancelled
    eva_events = [block for block in after.split("BEGIN:VEVENT") if "Eva Lund" in block.replace("\r\n ", "")]
    assert len(eva_events) == 1 and f"UID:{ib_uid}" not in eva_events[0]  # Eva's own UID
