"""`caseworker-app --selftest`: prove that this installation (source, wheel or bundle) works.

A list of named checks, each importing its part lazily. A part that does not exist yet (its
module or the expected name is missing) is reported "springes over: <del> findes endnu ikke";
once it exists the check really runs it. With CASEWORKER_SELFTEST_STRICT=1 a skipped check
counts as a failure. Exit code 0 with a one-line Danish summary on stdout, 1 naming what failed.

    context.py          Context, Result, Skip, CheckFailed, require: what every check shares
    platform_checks.py  the log file, Qt, its Danish translation, QPrinter's PDF
    domain_checks.py    the catalog, the engine (T08), a demo database, every deadline, a note
    window_checks.py    the main window, a printed plan as a one-page PDF
    runner.py           CHECKS in order, run_checks, summary, run_selftest
"""

from __future__ import annotations

from .runner import run_selftest

__all__ = ["run_selftest"]
