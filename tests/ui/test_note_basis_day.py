"""The tester's steps of 30-11-2026, after T08's and T06's end (31-12-2025): a note about a day
inside the extension to 31-12-2025 cites that extension in the note window and on the command line
alike, as the deadline list cites it, not the order alone (decision 14).
"""

from __future__ import annotations

import json
from datetime import date

import pytest

from caseworker_app.cli import main
from caseworker_app.core.settings import Settings
from caseworker_app.store import CaseStore
from caseworker_app.ui.notes import NoteWindow

TODAY = date(2026, 11, 30)
BASIS = (
    "Bekendtgørelse om frikommuneforsøg II på beskæftigelses- og sygedagpengeområdet (BEK nr. 529 af "
    "23/05/2018), forlænget til 31-12-2025 ifølge Beskæftigelsesministerens brev af 26-11-2024"
)


@pytest.fixture
def path(tmp_path):
    path = tmp_path / "nu.db"
    with CaseStore(path, clock=lambda: TODAY) as store:
        store.save_settings(Settings(caseworker_name="Karin Sagsbehandler", municipality="Vesthimmerlands Kommune"))
        carl = store.create_case(
            citizen="Carl Nu", case_ref="N-T08-3", trial_id="T08", dates={"hire": date(2023, 6, 10)}
        )
        store.add_event(carl, day=date(2025, 12, 15), kind="followup")
        store.create_case(
            citizen="Jens Nu", case_ref="N-T06-1", trial_id="T06", dates={"extension_start": date(2025, 3, 1)}
        )
    return path


def window_note(qtbot, store: CaseStore, case_ref: str, situation: str) -> NoteWindow:
    [case] = [c for c in store.list_cases() if c.case_ref == case_ref]
    window = NoteWindow(store, case.id, today=lambda: TODAY, situation=situation)
    qtbot.addWidget(window)
    window.show()
    window.free_text_edit.setPlainText("x")
    return window


def cli_note(capsys, path, *args: str) -> str:
    code = main(["note", "--db", str(path), "--today", "30-11-2026", "--text", "x", *args])
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    return out


def test_a_follow_up_held_in_december_2025_is_cited_with_the_extension(qtbot, path, capsys):
    with CaseStore(path, clock=lambda: TODAY) as store:
        window = window_note(qtbot, store, "N-T08-3", "opfoelgning")
        assert window.event_date_edit.text() == "15-12-2025"
        # Its deadline is under the reform caution: confirmed checked (decisions 13 and 15).
        window.confirm_panel.deadline_box.setChecked(True)
        assert window.copy_button.isEnabled()
        note = window.note_edit.toPlainText()
    assert "Opfølgning afholdt 15-12-2025." in note
    assert f"\nHjemmel: {BASIS}.\nSkrevet 30-11-2026 af Karin Sagsbehandler, Vesthimmerlands Kommune." in note
    checked = ("--bekraeft", "frist_kontrolleret")
    assert cli_note(capsys, path, "--case", "N-T08-3", "--situation", "opfoelgning", *checked) == note + "\n"


def test_an_extension_from_march_2025_is_cited_as_the_deadline_list_cites_it(qtbot, path, capsys):
    with CaseStore(path, clock=lambda: TODAY) as store:
        # Written by a municipality T06 names (Frederikshavn, Læsø: decision 17).
        store.save_settings(Settings(caseworker_name="Karin Sagsbehandler", municipality="Frederikshavn Kommune"))
        # The persongruppemarkering T06 requires, written by the municipality (decision 9).
        store.add_override("T06", "marking", "Ressourceforløb uden rehab.team", "Kommunens beslutning")
        window = window_note(qtbot, store, "N-T06-1", "forlaengelse")
        window.reason_edit.setPlainText("r")
        for box in window.confirm_boxes.values():
            box.setChecked(True)
        assert window.copy_button.isEnabled()
        note = window.note_edit.toPlainText()
    assert "Ressourceforløbet forlænges fra 01-03-2025" in note
    assert f"\nFASIT-markering: Ressourceforløb uden rehab.team\n\nHjemmel: {BASIS}.\n" in note
    confirmed = ("--bekraeft", "indstilling", "--bekraeft", "borgerens_oenske", "--reason", "r")
    assert cli_note(capsys, path, "--case", "N-T06-1", "--situation", "forlaengelse", *confirmed) == note + "\n"
    # The deadline list's citation of the period the note states (it ended with the trial).
    assert main(["deadlines", "--db", str(path), "--today", "30-11-2026", "--json"]) == 0
    [deadline] = [d for d in json.loads(capsys.readouterr().out)["deadlines"] if d["trial"] == "T06"]
    assert (deadline["legal_due"], deadline["citation"]) == ("2025-12-31", BASIS)
