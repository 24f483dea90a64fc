"""Export kill drill (issue 12, item 6): child processes writing a PDF calendar, an .xlsx sheet
and an .ics file into a folder are killed (SIGKILL) at random moments, 20 kills in all. Afterwards
each target is absent or a whole, readable file; a temporary file left by a kill in the instant
between its creation and its rename is removed by the next export into that folder."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from datetime import date

import openpyxl
import pytest

from caseworker_app.cli import main
from caseworker_app.store.demo import create_demo_database

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX")

TODAY = "23-11-2026"
SLOTS, ROUNDS = 5, 4  # 20 kills, five children at a time

EXPORTER = textwrap.dedent("""
    import os, sys
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from caseworker_app.cli import main
    import caseworker_app.ui.printing.document, caseworker_app.ui.printing.jobs, openpyxl  # loaded before "ready"

    db, folder, first = sys.argv[1], sys.argv[2], int(sys.argv[3])
    commands = [
        ["calendar", "--db", db, "--from", "01-11-2026", "--to", "31-03-2027",
         "--today", "23-11-2026", "--pdf", os.path.join(folder, "kalender.pdf")],
        ["export", "--db", db, "--today", "23-11-2026", os.path.join(folder, "frister.xlsx")],
        ["export-ics", "--db", db, "--today", "23-11-2026", os.path.join(folder, "frister.ics")],
    ]
    print("ready", flush=True)
    i = first
    while True:
        main(commands[i % 3])
        i += 1
""")


def commands(db, folder) -> list[list[str]]:
    return [
        [
            "calendar",
            "--db",
            str(db),
            "--from",
            "01-11-2026",
            "--to",
            "31-03-2027",
            "--today",
            TODAY,
            "--pdf",
            str(folder / "kalender.pdf"),
        ],
        ["export", "--db", str(db), "--today", TODAY, str(folder / "frister.xlsx")],
        ["export-ics", "--db", str(db), "--today", TODAY, str(folder / "frister.ics")],
    ]


def assert_whole(folder) -> None:
    """Every target there is a whole file its program can read."""
    pdf, xlsx, ics = folder / "kalender.pdf", folder / "frister.xlsx", folder / "frister.ics"
    if pdf.exists():
        data = pdf.read_bytes()
        assert data.startswith(b"%PDF") and data.rstrip().endswith(b"%%EOF")
    if xlsx.exists():
        assert openpyxl.load_workbook(xlsx).active.max_row > 1
    if ics.exists():
        text = ics.read_text(encoding="utf-8")
        assert text.startswith("BEGIN:VCALENDAR") and text.rstrip().endswith("END:VCALENDAR")


def test_killed_exports_leave_whole_files_and_no_temporary_file_after_the_next_export(tmp_path, monkeypatch, capsys):
    db = create_demo_database(tmp_path / "sager.db", date(2026, 11, 23))
    scratch = tmp_path / "systemtemp"  # the children's system temp folder (PDF scratch)
    scratch.mkdir()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TMPDIR": str(scratch)}
    folders = [tmp_path / f"bruger{slot}" for slot in range(SLOTS)]
    for folder in folders:
        folder.mkdir()
    rng = random.Random(612)
    kills = finished = 0
    for run in range(ROUNDS):
        children = [
            subprocess.Popen(
                [sys.executable, "-c", EXPORTER, str(db), str(folder), str(run + slot)],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                env=env,
            )
            for slot, folder in enumerate(folders)
        ]
        try:
            for child in children:
                assert child.stdout.readline().strip() == "ready", child.stderr.read()
            for child in children:
                # After its first whole export (however slow a loaded machine makes it), then at
                # a random moment among the next ones.
                first = child.stdout.readline()
                finished += first.count(" gemt som ") + first.count(" skrevet til ")
                time.sleep(rng.uniform(0, 0.4))
                os.kill(child.pid, signal.SIGKILL)
        finally:
            for child in children:
                if child.poll() is None:
                    os.kill(child.pid, signal.SIGKILL)
                out, _ = child.communicate(timeout=30)
                finished += out.count(" gemt som ") + out.count(" skrevet til ")
                kills += child.returncode == -signal.SIGKILL
        for folder in folders:
            assert_whole(folder)
    assert kills == SLOTS * ROUNDS
    assert finished >= kills  # every kill landed among exports, not before the first one
    # Only an export's own temporaries can be there (a kill between creating and renaming one).
    for folder in folders:
        assert all(
            p.name.endswith(".tmp") and p.name.startswith(".")
            for p in folder.iterdir()
            if p.name not in {"kalender.pdf", "frister.xlsx", "frister.ics"}
        )
    # The next export into each folder removes the stale ones (aged: a killed export is long gone).
    old = time.time() - 600
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    for folder in folders:
        for leftover in folder.glob("*.tmp"):
            os.utime(leftover, (old, old))
        for command in commands(db, folder):
            assert main(command) == 0
        assert list(folder.glob("*.tmp")) == []
        assert_whole(folder)
        assert {p.name for p in folder.iterdir()} == {"kalender.pdf", "frister.xlsx", "frister.ics"}
    capsys.readouterr()


def test_an_interrupted_pdf_render_leaves_nothing_in_the_users_folder(tmp_path, monkeypatch):
    from caseworker_app.ui.printing import document

    db = create_demo_database(tmp_path / "sager.db", date(2026, 11, 23))
    folder = tmp_path / "bruger"
    folder.mkdir()
    seen: list[list[str]] = []

    def interrupted(job, printer):
        seen.append(sorted(p.name for p in folder.iterdir()))
        raise KeyboardInterrupt

    monkeypatch.setattr(document, "paint_job", interrupted)
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert main(commands(db, folder)[0]) == 130  # said in Danish, exit 130 (tests/cli/test_interrupted.py)
    assert seen == [[]] and list(folder.iterdir()) == []
