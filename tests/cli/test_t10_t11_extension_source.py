"""T10's and T11's extension to 31-12-2024 is credited to what says so (rules.md 1.2, verified):
Aalborg Kommune's page, "pt. indtil udgangen af 2024". The minister's letter of 26-11-2024 says the
trial expires at that year's end and is made permanent: it is named as that, never as the extension."""

from __future__ import annotations

from datetime import date

import pytest

from caseworker_app.cli import main
from caseworker_app.core.settings import Settings
from caseworker_app.store import CaseStore

AALBORG = "forlænget til 31-12-2024 ifølge Aalborg Kommunes oplysninger om frikommuneforsøg (hjemmel ikke fundet)"
# The page names no trial: the citation says so after the basis (decision 14, Extension.cited_basis).
NOT_NAMED = " – generel oplysning; forsøget er ikke nævnt ved navn i denne forlængelse"
CAVEAT = {"T10": NOT_NAMED + ", men dets indhold indgår i forsøget om rehabiliteringsteams", "T11": NOT_NAMED}


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "sager.db"
    with CaseStore(path, clock=lambda: date(2024, 3, 1)) as store:
        store.save_settings(Settings(caseworker_name="Anne Jensen", municipality="Vesthimmerlands Kommune"))
        for trial in ("T11", "T10"):
            store.create_case(citizen=f"Borger {trial}", case_ref=f"X-{trial}", trial_id=trial, dates={})
    return path


@pytest.mark.parametrize("trial", ["T10", "T11"])
def test_a_note_in_2024_cites_the_aalborg_page_for_the_extension(capsys, db, trial):
    args = ["note", "--db", str(db), "--case", f"X-{trial}", "--situation", "forsoeg_anvendt"]
    args += ["--text", "Lægeattest ikke rekvireret", "--today", "01-03-2024"]
    if trial == "T10":  # its condition, judged by the caseworker
        args += ["--bekraeft", "sundhedsfagligt_belyst"]
    assert main(args) == 0
    (citation,) = [line for line in capsys.readouterr().out.splitlines() if line.startswith("Hjemmel:")]
    assert citation.startswith("Hjemmel: Bekendtgørelse om frikommuneforsøg II")
    assert citation.endswith(f"), {AALBORG}{CAVEAT[trial]}.")
    assert "26-11-2024" not in citation


@pytest.mark.parametrize("trial", ["T10", "T11"])
def test_the_trial_box_names_the_aalborg_page_and_the_letter_as_the_expiry(capsys, trial):
    assert main(["trials", "--trial", trial]) == 0
    lines = capsys.readouterr().out.splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip().startswith("Forlænget til 31-12-2024"))
    assert "ved udgangen af 2024 og gøres permanent" in lines[start]
    assert lines[start + 1].strip() == (
        "Kilde: Aalborg Kommunes side om frikommuneforsøg: flere forsøg forlænget af "
        "Beskæftigelsesministeriet, pt. til udgangen af 2024"
    )
    assert lines[start + 2].strip() == f"Hjemmel i journalnotater: »{AALBORG}{CAVEAT[trial]}«"
