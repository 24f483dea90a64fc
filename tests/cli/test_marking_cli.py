"""The persongruppemarkering T04 requires without a text (decision 9) on the command line: `note`
refuses the exemption note and says where the municipality writes the marking, `trials --trial`
says it is missing; once written, both carry it."""

from __future__ import annotations

from datetime import date

from caseworker_app.cli import main
from caseworker_app.store import CaseStore

WHY = (
    "forsøget kræver en markering, men kilderne giver ikke dens tekst: kommunen skriver den i vinduet under fanen "
    "Forsøg, »Ret markering …«"
)


def t04_database(tmp_path):
    path = tmp_path / "t04.db"
    with CaseStore(path, clock=lambda: date(2021, 3, 1)) as store:
        settings = store.settings()
        settings.caseworker_name, settings.municipality = "Anne Jensen", "Vesthimmerlands Kommune"
        store.save_settings(settings)
        store.create_case(citizen="Lone Madsen", case_ref="C-T04", trial_id="T04", dates={"agreed": date(2021, 4, 1)})
    return path


def test_note_and_trials_say_the_marking_is_missing_until_the_municipality_writes_it(capsys, tmp_path):
    path = t04_database(tmp_path)
    note = ["note", "--db", str(path), "--case", "C-T04", "--situation", "fritagelse", "--reason", "Indlagt."]
    note += ["--today", "01-03-2021"]
    assert main(note) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err == f"caseworker-app: fejl: Notatet kan ikke laves, før dette er udfyldt: FASIT-markeringen ({WHY}).\n"
    assert main(["trials", "--db", str(path), "--trial", "T04"]) == 0
    assert (
        f"\n     ⚠ FASIT-markering: Mangler – {WHY}. Indtil da kan notater med markeringen ikke skrives.\n"
        "     Forsøgsperiode:\n"
    ) in capsys.readouterr().out

    with CaseStore(path) as store:
        store.add_override("T04", "marking", "Fritaget for ret- og pligtmentor", "Kommunens beslutning")
    assert main(note) == 0
    assert (
        "I praksis senest onsdag 31-03-2021, fordi 01-04-2021 er skærtorsdag.\n"
        "FASIT-markering: Fritaget for ret- og pligtmentor\n\nHjemmel: "
    ) in capsys.readouterr().out
    assert main(["trials", "--db", str(path), "--trial", "T04"]) == 0
    assert "\n     FASIT-markering: »Fritaget for ret- og pligtmentor«  (udfyldt af kommunen)\n" in (
        capsys.readouterr().out
    )
