"""`note --list` names what each note asks the caseworker to confirm as the note window's Bekræft boxes
ask it (core/confirmations.py asked_confirmations): T09's conditions only for the notes that state them
($conditions: praktik_start, forsoeg_anvendt; not praktik_uden_fleksjob), and none for notes the case
refuses. The list once asked for every condition of the trial, also when each of its notes was refused."""

from __future__ import annotations

from datetime import date

from caseworker_app.cli import main
from caseworker_app.store import CaseStore


def t09_case(tmp_path, praktik_start: date) -> list[str]:
    path = tmp_path / "t09.db"
    with CaseStore(path, clock=lambda: date(2022, 3, 1)) as store:
        settings = store.settings()
        settings.caseworker_name, settings.municipality = "Anne Jensen", "Vesthimmerlands Kommune"
        store.save_settings(settings)
        store.create_case(
            citizen="Susanne Berg", case_ref="2021-0109", trial_id="T09", dates={"praktik_start": praktik_start}
        )
    return ["note", "--db", str(path), "--case", "2021-0109"]


def test_conditions_are_listed_for_the_notes_that_state_them(capsys, tmp_path):
    args = t09_case(tmp_path, date(2021, 3, 8))
    assert main([*args, "--list", "--today", "08-03-2021"]) == 0
    out = capsys.readouterr().out
    assert (
        "Betingelser, du skal bekræfte (--bekraeft NAVN), når du har kontrolleret dem, i notaterne praktik_start, "
        "forsoeg_anvendt:\n"
        "  ledighed               Ledighedsperioden er under 18 måneder\n"
        "  visiteret              Borgeren er visiteret til fleksjob og modtager ledighedsydelse\n"
    ) in out


def test_no_condition_is_asked_for_when_every_note_is_refused(capsys, tmp_path):
    # The praktik starts 01-02-2022, after T09's end 31-12-2021: no note can cite the trial.
    args = t09_case(tmp_path, date(2022, 2, 1))
    assert main([*args, "--list", "--today", "01-03-2022"]) == 0
    out = capsys.readouterr().out
    assert out.count("– kan ikke skrives for sagen") == 3
    assert "Betingelser" not in out and "--bekraeft" not in out
