"""Line breaks as Windows has them (CRLF): what the program writes (.ics per RFC 5545, CSV for Excel,
notes for FASIT) and what it reads (trial files from a Windows checkout, CSV from Excel, text pasted
from Outlook or Word)."""

from __future__ import annotations

import dataclasses
import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from caseworker_app.cli import main
from caseworker_app.core.catalog_load import load_catalog
from caseworker_app.core.import_csv import read_csv
from caseworker_app.core.notes import for_clipboard
from caseworker_app.paths import resources_dir
from caseworker_app.store import CaseStore
from tests.core.test_notes import render
from tests.demo_facts import DEMO_DEADLINES

TODAY = "2026-11-23"
HIRE = {"hire": date(2024, 5, 26)}


def bare_line_feeds(data: bytes) -> int:
    return len(re.findall(rb"(?<!\r)\n", data)) + len(re.findall(rb"\r(?!\n)", data))


def test_the_ics_file_has_crlf_line_ends_and_lines_of_at_most_75_octets(tmp_path, capsys):
    db, target = tmp_path / "sager.db", tmp_path / "frister.ics"
    assert main(["demo", "--db", str(db), "--today", TODAY]) == 0
    assert main(["export-ics", "--db", str(db), str(target), "--today", TODAY]) == 0
    capsys.readouterr()
    data = target.read_bytes()
    assert data.startswith(b"BEGIN:VCALENDAR\r\n") and data.endswith(b"END:VCALENDAR\r\n")
    assert bare_line_feeds(data) == 0  # RFC 5545 3.1: every content line ends with CRLF
    lines = data.split(b"\r\n")[:-1]
    assert max(len(line) for line in lines) <= 75  # longer lines are folded ...
    assert any(line.startswith(b" ") for line in lines)  # ... with CRLF and a space (the descriptions)
    assert data.count(b"BEGIN:VEVENT\r\n") == DEMO_DEADLINES


def test_a_note_for_fasit_has_one_crlf_per_line_break_also_for_text_pasted_from_outlook():
    pasted = "Borgeren deltog i samtalen.\r\nAftalt: praktik hos Brugsen.\rNy samtale om 3 uger.\n"
    text = for_clipboard(render("T08", "opfoelgning", free_text=pasted))
    assert "Borgeren deltog i samtalen.\r\nAftalt: praktik hos Brugsen.\r\nNy samtale om 3 uger." in text
    assert "\r\r" not in text and bare_line_feeds(text.encode()) == 0


def test_the_csv_for_excel_has_crlf_rows_and_reads_back_with_a_line_break_inside_a_cell(tmp_path, capsys):
    db, target = tmp_path / "sager.db", tmp_path / "sager.csv"
    with CaseStore(db, clock=lambda: date(2026, 11, 23)) as store:
        store.create_case(
            citizen="Søren Ærø",
            case_ref="2024-0412",
            trial_id="T08",
            dates=HIRE,
            note="Ringer selv.\nForetrækker formiddag.",
        )
        store.create_case(citizen="Åse Øster", case_ref="2024-0413", trial_id="T08", dates=HIRE)
    assert main(["export", "--db", str(db), str(target), "--cases"]) == 0
    capsys.readouterr()
    data = target.read_bytes()
    assert data.count(b"\r\n") == 3  # header and two rows; the note's break stays inside its quotes
    table = read_csv(target, data)
    assert table.headers[:3] == ("Borger", "CPR-nr.", "Sagsnr. (FASIT)")
    assert [row.cells[0] for row in table.rows] == ["Søren Ærø", "Åse Øster"]
    note = table.headers.index("Bemærkning")
    assert [row.cells[note] or "" for row in table.rows] == ["Ringer selv.\nForetrækker formiddag.", ""]


def test_a_csv_saved_by_danish_excel_with_crlf_is_read_cell_by_cell(tmp_path):
    # Excel's "CSV (semikolonsepareret)": Windows-1252, CRLF between rows, LF inside a quoted cell.
    data = ('Borger;Sagsnr.;Ansat\r\nSøren Ærø;2024-0412;26-05-2024\r\n"Åse\nØster";2024-0413;01-06-2024\r\n').encode(
        "cp1252"
    )
    path = tmp_path / "sager.csv"
    path.write_bytes(data)
    table = read_csv(path, data)
    assert table.headers == ("Borger", "Sagsnr.", "Ansat")
    assert [row.cells for row in table.rows] == [
        ("Søren Ærø", "2024-0412", "26-05-2024"),
        ("Åse\nØster", "2024-0413", "01-06-2024"),
    ]
    assert [row.number for row in table.rows] == [2, 3]


def test_trial_files_checked_out_with_crlf_give_the_same_catalog(tmp_path):
    # Git for Windows checks text files out with CRLF (core.autocrlf=true); the installer is built
    # from such a checkout.
    shipped = resources_dir() / "trials"
    for source in shipped.glob("*.toml"):
        text = source.read_bytes().replace(b"\r\n", b"\n")
        (tmp_path / source.name).write_bytes(text.replace(b"\n", b"\r\n"))
    assert b"\r\n" in (tmp_path / "T08.toml").read_bytes()
    crlf, lf = load_catalog(tmp_path), load_catalog(shipped)
    assert [dataclasses.replace(t, file="") for t in crlf.values()] == [
        dataclasses.replace(t, file="") for t in lf.values()
    ]
    assert len(crlf) == 19
    assert all("\r" not in template.text for t in crlf.values() for template in t.notes.values())


@pytest.mark.skipif(shutil.which("git") is None, reason="git findes ikke")
def test_git_checks_the_reference_files_out_byte_for_byte_also_on_windows():
    # tests/reference.py compares byte for byte; Git for Windows would otherwise write CRLF.
    repo = Path(__file__).resolve().parents[2]
    if not (repo / ".git").exists():
        pytest.skip("ikke et git-arkiv")
    found = subprocess.run(
        ["git", "check-attr", "text", "tests/_reference/notes/T08_opfoelgning.txt", "resources/trials/T08.toml"],
        cwd=repo,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert found == (
        "tests/_reference/notes/T08_opfoelgning.txt: text: unset\nresources/trials/T08.toml: text: unspecified\n"
    )
