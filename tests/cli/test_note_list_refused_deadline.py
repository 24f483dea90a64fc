"""`note --list` for a case whose note would be refused for its deadline (an auditor: the demo's Rikke
Bruun, T12, agreed date 22-11-2026 after the trial's end 31-12-2023, crashed the list with "Der
opstod en uventet fejl i programmet."). The list names the note as refused, and why."""

from __future__ import annotations

from datetime import date

from caseworker_app.cli import main
from caseworker_app.store.demo import create_demo_database

DEMO_DAY = date(2026, 12, 1)  # Rikke Bruun's agreed date: 01-12-2026 - 9 days = 22-11-2026

WHY = (
    "Forsøget kan ikke være hjemmel for næste frist: Aftalt dato 22-11-2026 ligger uden for forsøgsperioden "
    "01-07-2017–31-12-2023, så forsøgsreglen gælder ikke; kataloget har ingen almindelig regel, så datoen er kun "
    "en påmindelse efter forsøgsreglen: dato aftalt af sagsbehandleren: 22-11-2026. Forsøget sluttede "
    "31-12-2023: skriv notatet i FASIT som i andre sager, uden henvisning til forsøget."
)


def test_the_demo_t12_case_lists_its_note_as_refused_and_why(capsys, tmp_path):
    path = create_demo_database(tmp_path / "demo.db", DEMO_DAY)
    args = ["note", "--db", str(path), "--case", "2026-0659", "--today", "01-12-2026"]
    assert main([*args, "--list"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert "forsøg T12\n  forsoeg_anvendt        Forsøget anvendt – kan ikke skrives for sagen\n" in out
    assert f"\n  {'':<22} {WHY}\n" in out
    # The note itself refuses with the same words.
    assert main([*args, "--situation", "forsoeg_anvendt", "--text", "Samtale om jobsøgning."]) == 2
    assert capsys.readouterr().err == f"caseworker-app: fejl: {WHY}\n"
