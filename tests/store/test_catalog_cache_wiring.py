"""The program keeps the trial files' parses in the user's cache folder: written at the first
start, read (not written) at the next, and a start without a writable cache folder still works."""

from __future__ import annotations

import os
import subprocess
import sys

from caseworker_app.store import CaseStore


def deadlines(db, env) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "caseworker_app", "deadlines", "--db", str(db), "--today", "2021-02-01"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def test_the_first_start_keeps_the_parses_and_the_next_reads_them(tmp_path):
    db = tmp_path / "sager.db"
    from datetime import date

    with CaseStore(db) as store:
        store.create_case(
            citizen="Jens Hansen", case_ref="2021-1001", trial_id="T08", dates={"hire": date(2018, 8, 31)}
        )
    env = {
        **os.environ,
        "XDG_CACHE_HOME": str(tmp_path / "cache"),  # Linux
        "LOCALAPPDATA": str(tmp_path / "cache"),  # Windows (paths.catalog_cache_file)
        "XDG_STATE_HOME": str(tmp_path / "state"),
    }

    first = deadlines(db, env)
    assert first.returncode == 0, first.stderr
    [kept] = (tmp_path / "cache").rglob("forsoegskatalog.json")
    written = kept.stat().st_mtime_ns

    second = deadlines(db, env)
    assert second.returncode == 0, second.stderr
    assert second.stdout == first.stdout  # the same deadlines from the kept parses
    assert kept.stat().st_mtime_ns == written  # read, not written again


def test_a_cache_folder_that_cannot_be_written_does_not_stop_the_program(tmp_path):
    db = tmp_path / "sager.db"
    CaseStore(db).close()
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("x")  # the cache folder's place is taken by a file
    env = {
        **os.environ,
        "XDG_CACHE_HOME": str(blocked),
        "LOCALAPPDATA": str(blocked),
        "XDG_STATE_HOME": str(tmp_path / "state"),
    }
    result = deadlines(db, env)
    assert result.returncode == 0, result.stderr
