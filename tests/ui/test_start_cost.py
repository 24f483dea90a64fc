"""What a start spends before the cases are on screen, and that what it no longer does there still
works when it is needed (benchmarks/bench_startup.py times the start)."""

from __future__ import annotations

import subprocess
import sys

from caseworker_app.store import CaseStore
from tests.ui.test_startup import program_env

# Run in a new process: whether Python's cyclic collector runs at the start's moments, and whether
# the socket module (its import builds Python enums of every address family) and QMessageBox's
# Python type (PySide builds it on first use, with its enums) were made.
_COLLECTOR_AT_START = """
import gc
import sys
import PySide6.QtWidgets
import caseworker_app.ui.app as app

shown = app._report
def report(what, **kwargs):
    made = "QMessageBox" in vars(PySide6.QtWidgets)
    print(what, "collector on:", gc.isenabled(), "socket:", "socket" in sys.modules, "message box:", made, flush=True)
    return shown(what, **kwargs)
app._report = report
from caseworker_app.cli.entry import main
sys.exit(main(["--db", sys.argv[1]]))
"""


def test_the_collector_waits_while_the_window_starts_and_runs_once_the_cases_are_read(tmp_path):
    db = tmp_path / "sager.db"
    CaseStore(db).close()
    result = subprocess.run(
        [sys.executable, "-c", _COLLECTOR_AT_START, str(db)],
        capture_output=True,
        text=True,
        env=program_env(tmp_path),
        timeout=120,
    )

    assert result.returncode == 0, result.stderr
    # The window's modules and widgets and the cases are made without collector passes over them;
    # once the cases are read the collector runs again, for everything the caseworker does.
    assert [line for line in result.stdout.splitlines() if "collector" in line] == [
        "window collector on: False socket: False message box: False",
        "shown collector on: True socket: False message box: False",
    ]
    # A message box still comes when one is needed: tests/ui/test_questions.py, test_store_error_teller.py.
