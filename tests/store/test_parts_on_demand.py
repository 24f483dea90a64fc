"""Opening a database and reading its cases loads no writing part: the window shows its cases
first (start-up time, benchmarks/bench_startup.py), and writes work as soon as they are asked."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from caseworker_app.store import CaseStore

WRITING_MODULES = (
    "caseworker_app.store.case_writes",
    "caseworker_app.store.closing",
    "caseworker_app.store.note_store",
    "caseworker_app.store.import_batches",
    "caseworker_app.store.app_state",
    "caseworker_app.store.backup",
)


def test_reading_loads_no_writing_part(tmp_path):
    db = tmp_path / "sager.db"
    CaseStore(db).close()
    script = textwrap.dedent(
        f"""
        import sys
        from caseworker_app.store import CaseStore
        store = CaseStore({str(db)!r})
        store.list_cases(); store.settings(); store.catalog(); store.duplicate_open_case_ids()
        print(" ".join(m for m in {WRITING_MODULES!r} if m in sys.modules))
        """
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert result.stdout.split() == []


def test_a_store_writes_with_the_clock_set_after_it_was_opened(tmp_path):
    from datetime import date

    store = CaseStore(tmp_path / "sager.db", clock=lambda: date(2021, 2, 1))
    store.clock = lambda: date(2021, 3, 1)  # the demo sets it per case, after opening
    case_id = store.create_case(
        citizen="Jens Hansen", case_ref="2021-1001", trial_id="T08", dates={"hire": date(2021, 1, 4)}
    )
    [created] = [row for row in store.history(case_id) if row.kind == "case_created"]
    assert created.day == date(2021, 3, 1)
    store.close()
