"""Damaged databases (issue 12.3): pages overwritten, files cut short, a date stored in the wrong
format, invalid UTF-8 in a name. Every command answers in Danish with exit code 1 or 3 (or works),
never "uventet fejl", and never changes the damaged file."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from caseworker_app.cli import main
from caseworker_app.store.demo import create_demo_database

TODAY = date(2026, 11, 23)

ROW_DAMAGE = {
    "date in the wrong format": "UPDATE case_dates SET day = '31-12-2024' WHERE rowid = 1",
    "impossible date": "UPDATE case_dates SET day = '2024-02-30' WHERE rowid = 2",
    "event date as text": "UPDATE events SET day = 'i går' WHERE id = (SELECT min(id) FROM events)",
    "closed_on wrong": "UPDATE cases SET closed_on = '2024/01/01', status = 'afsluttet' WHERE id = 3",
    "change day wrong": "UPDATE case_changes SET day = 'x' WHERE id = 1",
    "invalid UTF-8 name": "UPDATE cases SET citizen = CAST(X'4a656e73fffe' AS TEXT) WHERE id = 1",
    "invalid UTF-8 case ref": "UPDATE cases SET case_ref = CAST(X'c328' AS TEXT) WHERE id = 2",
    "number as name": "UPDATE cases SET citizen = 42 WHERE id = 4",
    "NULL case ref": "PRAGMA ignore_check_constraints = 1",
    "settings garbage": "INSERT OR REPLACE INTO settings (key, value) VALUES ('warning_days', 'mange')",
    "ics state garbage": "INSERT OR REPLACE INTO app_state (key, value) VALUES ('ics_state', '{not json')",
    "override garbage": "INSERT INTO overrides (trial_id, field, value, source, created_at) "
    "VALUES ('T08', 'end', 'aldrig', 'x', 'y')",
}

COMMANDS = (
    ["deadlines"],
    ["deadlines", "--json"],
    ["export", "{tmp}/u.xlsx"],
    ["export", "{tmp}/u.csv", "--cases"],
    ["export-ics", "{tmp}/u.ics"],
    ["plan", "--case", "1", "--pdf", "{tmp}/u.pdf"],
    ["calendar", "--from", "01-11-2026", "--to", "31-12-2026", "--pdf", "{tmp}/k.pdf"],
    ["note", "--case", "1", "--list"],
    ["backup"],
    ["trials"],
)


@pytest.fixture(scope="module")
def demo_bytes(tmp_path_factory):
    path = tmp_path_factory.mktemp("damaged") / "demo.db"
    create_demo_database(path, TODAY)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    return path.read_bytes()


def variants(data: bytes):
    size = len(data)
    for page in (1, 2, 3, 5, 8, size // 4096 - 1):
        for pattern in (b"\x00", b"\xff", b"\x5a"):
            damaged = bytearray(data)
            start = page * 4096 + (100 if page == 0 else 0)
            damaged[start : start + 4096] = pattern * 4096
            yield f"page {page} {pattern!r}", bytes(damaged)
    for cut in (100, 4096, 4096 * 3 + 17, size // 2, size - 1):
        yield f"cut at {cut}", data[:cut]
    header = bytearray(data)
    header[16:18] = b"\x00\x03"  # page size 3
    yield "bad page size", bytes(header)


def run_all(path, tmp_path, capsys):
    answers = []
    for argv in COMMANDS:
        argv = [a.replace("{tmp}", str(tmp_path)) for a in argv]
        extra = ["--today", "23-11-2026"] if argv[0] not in ("note", "backup", "trials") else []
        try:
            code = main([*argv, "--db", str(path), *extra])
        except SystemExit as exc:
            code = exc.code
        out, err = capsys.readouterr()
        answers.append((argv[0], code, out + err))
    return answers


def test_damaged_files_get_a_danish_answer(demo_bytes, tmp_path, capsys):
    failures = []
    count = 0
    for name, data in variants(demo_bytes):
        count += 1
        path = tmp_path / "sager.db"
        path.write_bytes(data)
        answers = run_all(path, tmp_path, capsys)
        for command, code, text in answers:
            if code not in (0, 1, 2, 3) or "uventet fejl" in text.lower() or "Traceback" in text:
                failures.append((name, command, code, text[-300:]))
        refused = all(code == 1 for _, code, _ in answers)
        if refused and path.read_bytes() != data:  # a file no command could use stays as it was
            failures.append((name, "changed the damaged file", None, ""))
        for side in tmp_path.glob("sager.db-*"):
            side.unlink()
    assert count >= 20 and failures == []


@pytest.mark.parametrize("damage", list(ROW_DAMAGE))
def test_damaged_rows_get_a_danish_answer(demo_bytes, tmp_path, capsys, damage):
    path = tmp_path / "sager.db"
    path.write_bytes(demo_bytes)
    conn = sqlite3.connect(path)
    for trigger in ("cases_status_checked_on_update", "events_append_only", "case_changes_append_only"):
        conn.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    conn.execute(ROW_DAMAGE[damage])
    conn.commit()
    conn.close()
    failures = [
        (command, code, text[-400:])
        for command, code, text in run_all(path, tmp_path, capsys)
        if code not in (0, 1, 2, 3) or "uventet fejl" in text.lower() or "Traceback" in text
    ]
    assert failures == []
