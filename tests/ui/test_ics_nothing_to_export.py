"""Filer › Eksportér til Outlook with no deadline to export: said before the file is asked for, with
why such an export is kept (it cancels the events of earlier exports) and the choice to go on or stop;
`export-ics` says the same on stderr when its file holds no deadline (issue)."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from caseworker_app.cli import main
from caseworker_app.store import CaseStore
from caseworker_app.ui.printing import export_dialogs

TODAY = date(2021, 2, 1)
SAID = (
    "Der er ingen frister at eksportere.{only} {file} en kalender uden frister: i Outlook aflyser den kun de "
    "aftaler fra tidligere eksporter, der ikke længere skal være der."
)
ASKED = SAID.format(only="", file="Eksporterer du alligevel, bliver filen") + "\n\nVil du eksportere alligevel?"
Yes, No = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No


class SaveAs:
    def __init__(self, monkeypatch):
        self.answers: list[str] = []
        self.calls: list[str] = []
        monkeypatch.setattr(QFileDialog, "getSaveFileName", self._ask)

    def _ask(self, parent, title, start, filters, selected="", *args):
        self.calls.append(title)
        return (self.answers.pop(0), selected) if self.answers else ("", "")


@pytest.fixture(autouse=True)
def application(qapp):
    return qapp


@pytest.fixture
def save_as(monkeypatch) -> SaveAs:
    return SaveAs(monkeypatch)


@pytest.fixture
def store(tmp_path):
    """One T08 case (hired 31-08-2018: its follow-up is due 26-02-2021 in practice), exported to
    Outlook once, then closed: no deadline is left, and the earlier export's event is to be cancelled."""
    case_store = CaseStore(tmp_path / "sager.db", clock=lambda: TODAY)
    case_id = case_store.create_case(
        citizen="Jens Hansen", case_ref="2018-001", trial_id="T08", dates={"hire": date(2018, 8, 31)}
    )
    export_dialogs.export_ics(case_store, tmp_path / "første.ics", TODAY)
    case_store.close_case(case_id, reason="overgået til ordinær beskæftigelse", day=TODAY)
    yield case_store
    case_store.close()


def test_stopping_asks_for_no_file_and_writes_nothing(store, save_as, message_boxes, tmp_path):
    assert export_dialogs.export_ics_dialog(store, None, today=lambda: TODAY) is None

    assert message_boxes.calls == [("question", "Eksportér til Outlook", ASKED)]
    [asked] = message_boxes.asked
    assert asked.buttons == {Yes: "&Eksportér alligevel", No: "&Nej"}
    assert asked.enter == No and asked.escape == No  # Enter stops: nothing is done
    assert save_as.calls == []
    assert sorted(p.name for p in tmp_path.glob("*.ics")) == ["første.ics"]


def test_going_on_writes_the_calendar_that_cancels_the_earlier_export_s_event(store, save_as, message_boxes, tmp_path):
    message_boxes.answer(Yes)
    save_as.answers.append(str(tmp_path / "tom.ics"))

    result = export_dialogs.export_ics_dialog(store, None, today=lambda: TODAY)

    assert result is not None and result.count == 0 and result.cancelled == 1
    assert save_as.calls == ["Eksportér til Outlook"]
    assert message_boxes.calls[0] == ("question", "Eksportér til Outlook", ASKED)
    text = (tmp_path / "tom.ics").read_text(encoding="utf-8")
    assert text.count("BEGIN:VEVENT") == 1 and "STATUS:CANCELLED" in text


def test_with_deadlines_nothing_is_asked_first(tmp_path, save_as, message_boxes):
    with CaseStore(tmp_path / "sager.db", clock=lambda: TODAY) as store:
        store.create_case(citizen="Jens Hansen", case_ref="2018-001", trial_id="T08", dates={"hire": date(2018, 8, 31)})
        assert export_dialogs.export_ics_dialog(store, None, today=lambda: TODAY) is None  # Annuller in the file dialog
    assert message_boxes.asked == [] and save_as.calls == ["Eksportér til Outlook"]


def test_the_command_line_says_it_on_stderr(store, capsys, tmp_path):
    out = tmp_path / "tom.ics"
    assert main(["export-ics", "--db", str(store.path), str(out), "--today", "01-02-2021"]) == 0
    err = capsys.readouterr().err
    assert SAID.format(only="", file="Filen er") in err.splitlines()
    assert out.read_text(encoding="utf-8").count("STATUS:CANCELLED") == 1


def test_the_command_line_says_nothing_of_it_when_deadlines_are_written(tmp_path, capsys):
    with CaseStore(tmp_path / "sager.db", clock=lambda: TODAY) as store:
        store.create_case(citizen="Jens Hansen", case_ref="2018-001", trial_id="T08", dates={"hire": date(2018, 8, 31)})
    assert (
        main(["export-ics", "--db", str(tmp_path / "sager.db"), str(tmp_path / "f.ics"), "--today", "01-02-2021"]) == 0
    )
    assert "ingen frister at eksportere" not in capsys.readouterr().err
