"""The tester's T18/T19 steps of 30-11-2026, after the trials' end (31-12-2015): a note about a
praktik begun under the trial is written in the note window, where the date field is hidden for
it, and on the command line without --date, and both give the same note (docs/katalog.md, "Når
forsøget slutter"). Expected texts are written by hand."""

from __future__ import annotations

from datetime import date

import pytest

from caseworker_app.cli import main
from caseworker_app.core.catalog_load import load_catalog
from caseworker_app.core.settings import Settings
from caseworker_app.store import CaseStore
from caseworker_app.ui.notes import NoteWindow
from caseworker_app.ui.notes.inputs import event_date_hint

TODAY = date(2026, 11, 30)
T18_LAST_DAY = (
    "Praktikken slutter senest 31-12-2015 (forsøget sluttede 31-12-2015: perioden må højst vare til "
    "forsøgets sidste dag; efter forsøgsreglen højst 13 uger fra praktikstart 02-11-2015)."
)
T19_LAST_DAY = (
    "Praktikken slutter senest 31-12-2015 (forsøget sluttede 31-12-2015: perioden må højst vare til "
    "forsøgets sidste dag; efter forsøgsreglen højst 26 uger fra praktikstart 01-10-2015)."
)


@pytest.fixture
def path(tmp_path):
    path = tmp_path / "e.db"
    with CaseStore(path, clock=lambda: TODAY) as store:
        # Vejle takes part in T18 and T19 (decision 17).
        store.save_settings(Settings(caseworker_name="Lise Holm", municipality="Vejle Kommune"))
        for citizen, ref, trial, start in (
            ("Per Praktik", "T18-P", "T18", date(2015, 11, 2)),
            ("Vagn Vaekst", "T19-P", "T19", date(2015, 10, 1)),
        ):
            store.create_case(citizen=citizen, case_ref=ref, trial_id=trial, dates={"praktik_start": start})
    return path


def window_note(qtbot, path, case_ref: str, situation: str) -> str:
    with CaseStore(path, clock=lambda: TODAY) as store:
        [case] = [c for c in store.list_cases() if c.case_ref == case_ref]
        window = NoteWindow(store, case.id, today=lambda: TODAY, situation=situation)
        qtbot.addWidget(window)
        window.show()
        window.reason_edit.setPlainText("r")
        window.free_text_edit.setPlainText("x")
        for box in window.confirm_boxes.values():
            box.setChecked(True)
        assert not window.event_date_edit.isVisible()  # the caseworker cannot give a date here
        assert window.copy_button.isEnabled(), window.status_label.text()
        return window.note_edit.toPlainText()


def cli_note(capsys, path, *args: str) -> str:
    code = main(["note", "--db", str(path), "--today", "30-11-2026", *args])
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    return out


@pytest.mark.parametrize(
    "situation, given",
    [("forlaengelse", ("--reason", "r")), ("forsoeg_anvendt", ("--text", "x"))],
)
def test_a_t18_praktik_note_is_written_after_the_trial_in_the_window_and_on_the_command_line(
    qtbot, path, capsys, situation, given
):
    note = window_note(qtbot, path, "T18-P", situation)
    assert T18_LAST_DAY in note
    assert "skulle praktikken slutte senest: 29-11-2015.\n" in note
    assert note.endswith("Skrevet 30-11-2026 af Lise Holm, Vejle Kommune.")
    args = ("--case", "T18-P", "--situation", situation, "--bekraeft", "laengde", *given)
    assert cli_note(capsys, path, *args) == note + "\n"


def test_t19s_note_is_written_after_the_trial_in_the_window_and_on_the_command_line(qtbot, path, capsys):
    note = window_note(qtbot, path, "T19-P", "forsoeg_anvendt")
    assert T19_LAST_DAY in note
    assert "skulle praktikken slutte senest: 28-10-2015.\n" in note
    args = ("--case", "T19-P", "--situation", "forsoeg_anvendt", "--text", "x")
    confirmed = ("--bekraeft", "vaekstvirksomhed", "--bekraeft", "bidrag")
    assert cli_note(capsys, path, *args, *confirmed) == note + "\n"


def test_the_date_hint_of_a_t18_note_names_the_praktik_start():
    # A municipality's own template may write the date ($event_date): the box says where it came from.
    hint = event_date_hint(load_catalog()["T18"], "forlaengelse", date(2015, 11, 2), date(2015, 11, 2))
    assert hint == "Udfyldt med sagens dato for praktikstart; den rettes i sagsvinduet."


def test_the_command_line_gives_a_period_note_no_other_day_than_its_start(path, capsys):
    # The window fills in the praktik start and hides the field; --date cannot date the note by
    # another day (it would check and cite the trial on a day the note is not about).
    args = ("--case", "T18-P", "--situation", "forlaengelse", "--reason", "r", "--bekraeft", "laengde")
    code = main(["note", "--db", str(path), "--today", "30-11-2026", *args, "--date", "30-11-2015"])
    out, err = capsys.readouterr()
    assert (code, out) == (2, "")
    assert err == (
        "caseworker-app: fejl: Notatet handler om perioden, der begyndte 02-11-2015 (sagens dato for praktikstart), "
        "og har den dato; 30-11-2015 kan ikke gives i stedet. Er sagens dato forkert, så ret den i sagsvinduet.\n"
    )
    assert T18_LAST_DAY in cli_note(capsys, path, *args, "--date", "02-11-2015")
