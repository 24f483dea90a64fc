"""'Mine frister' as Anne Jensen meets it: her own deadlines first, everyone's one click away and
remembered, a search on Frister, a Sagsbehandler column, and prints and exports that start with hers.

Today is Monday 01-02-2021 (tests/ui/conftest.py). Five T08 cases, first follow-up 30 months after
hire, worked by hand:
  Jens Hansen  2018-0831  Anne Jensen  hire 31-08-2018 -> 28-02-2021 (Sunday; fri 26-02-2021)  Næste 30 dage
  Mette Skov   2018-0701  Anne Jensen  hire 01-07-2018 -> 01-01-2021  Overskredet
  Ole Bak      2018-0702  Bo Lund      hire 02-07-2018 -> 02-01-2021  Overskredet
  Karen Holm   2018-0915  Bo Lund      hire 15-09-2018 -> 15-03-2021  Senere
  Lise Dam     2018-0810  (none)       hire 10-08-2018 -> 10-02-2021  Næste 30 dage
A case with no caseworker is nobody else's: it is shown with Anne Jensen's.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QFileDialog

from caseworker_app.ui.mainwindow import MainWindow, Tab
from caseworker_app.ui.overview import CaseColumn, DeadlineColumn
from caseworker_app.ui.printing.dialogs import CalendarPrintDialog
from caseworker_app.ui.printing.export_dialogs import ExportChoiceDialog

from .actions import click, type_into
from .model_check import assert_no_model_failures, watch_model

CASES = (
    ("Jens Hansen", "2018-0831", "Anne Jensen", date(2018, 8, 31), "0101801234"),
    ("Mette Skov", "2018-0701", "Anne Jensen", date(2018, 7, 1), None),
    ("Ole Bak", "2018-0702", "Bo Lund", date(2018, 7, 2), None),
    ("Karen Holm", "2018-0915", "Bo Lund", date(2018, 9, 15), None),
    ("Lise Dam", "2018-0810", "", date(2018, 8, 10), None),
)


def fill(store, name: str = "Anne Jensen") -> None:
    for citizen, ref, caseworker, hire, cpr in CASES:
        store.create_case(
            citizen=citizen, case_ref=ref, trial_id="T08", dates={"hire": hire}, caseworker=caseworker, cpr=cpr
        )
    settings = store.settings()
    settings.caseworker_name, settings.municipality = name, "Vesthimmerlands Kommune" if name else ""
    store.save_settings(settings)


@pytest.fixture
def qsettings(tmp_path):
    """The window's layout memory (and the filter choices), kept between two windows of a test."""
    return QSettings(str(tmp_path / "vindue.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def anne(store):
    fill(store)
    return store


def open_window(qtbot, store, qsettings, today) -> MainWindow:
    window = MainWindow(store, today=today, settings=qsettings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(window.case_list_current)  # the Sager list comes after Frister's first paint
    return window


def frister(window: MainWindow) -> dict[str, list[str]]:
    """Group title -> the citizens in it, as the Frister tab shows them."""
    model = window.deadline_model
    shown = {}
    for row in range(model.rowCount()):
        group = model.index(row, 0)
        shown[model.data(group)] = [
            model.data(model.index(r, DeadlineColumn.CITIZEN, group)) for r in range(model.rowCount(group))
        ]
    return shown


def case_names(window: MainWindow) -> list[str]:
    return sorted(window.case_model.index(r, CaseColumn.CITIZEN).data() for r in range(window.case_model.rowCount()))


# ---------------------------------------------------------------- Frister and Sager


def test_my_deadlines_are_the_default_and_the_line_says_so(qtbot, anne, qsettings, today):
    window = open_window(qtbot, anne, qsettings, today)
    assert window.deadline_caseworker.currentText() == "Anne Jensen (mig)"
    assert frister(window) == {
        "Overskredet (1)": ["Mette Skov"],
        "Denne uge (0)": [],
        "Næste 30 dage (2)": ["Lise Dam", "Jens Hansen"],
        "Senere (0)": [],
    }
    assert window.deadline_scope.text() == "Viser Anne Jensens frister og frister uden sagsbehandler – 3 af 5"
    assert window.deadline_scope.toggle_button.text() == "Vis &alle sagsbehandlere"
    assert window.status_counts.text() == "1 overskredet · 0 denne uge"
    window.tabs.setCurrentIndex(Tab.CASES)
    assert case_names(window) == ["Jens Hansen", "Lise Dam", "Mette Skov"]
    assert window.case_scope.text() == "Viser Anne Jensens sager og sager uden sagsbehandler – 3 af 5"


def test_names_with_look_alike_spaces_are_one_caseworker(qtbot, anne, qsettings, today):
    """A database from before the import cleaned spaces: Mette Skov's caseworker pasted from Outlook
    (non-breaking space), Ole Bak's typed with two spaces. Both look like the names beside them."""
    with sqlite3.connect(anne.path) as db:
        db.execute("UPDATE cases SET caseworker = ? WHERE case_ref = '2018-0701'", ("Anne\u00a0Jensen",))
        db.execute("UPDATE cases SET caseworker = ? WHERE case_ref = '2018-0702'", ("Bo  Lund",))
    db.close()
    window = open_window(qtbot, anne, qsettings, today)
    combo = window.deadline_caseworker
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "Anne Jensen (mig)",
        "Alle sagsbehandlere",
        "Bo Lund",
    ]
    assert frister(window)["Overskredet (1)"] == ["Mette Skov"]
    assert window.deadline_scope.text() == "Viser Anne Jensens frister og frister uden sagsbehandler – 3 af 5"
    combo.setCurrentIndex(2)
    assert frister(window)["Overskredet (1)"] == ["Ole Bak"]
    assert window.deadline_scope.text() == "Viser Bo Lunds frister og frister uden sagsbehandler – 3 af 5"


def test_everyone_is_one_click_away_and_remembered_in_a_new_window(qtbot, anne, qsettings, today):
    window = open_window(qtbot, anne, qsettings, today)
    click(qtbot, window.deadline_scope.toggle_button)
    assert frister(window) == {
        "Overskredet (2)": ["Mette Skov", "Ole Bak"],
        "Denne uge (0)": [],
        "Næste 30 dage (2)": ["Lise Dam", "Jens Hansen"],
        "Senere (1)": ["Karen Holm"],
    }
    assert window.deadline_scope.text() == "Viser alle sagsbehandleres frister – 5"
    assert window.deadline_scope.toggle_button.text() == "Vis kun &mine frister"
    assert window.status_counts.text() == "2 overskredet · 0 denne uge"
    window.close()

    again = open_window(qtbot, anne, qsettings, today)
    assert again.deadline_caseworker.currentText() == "Alle sagsbehandlere"
    assert again.deadline_scope.text() == "Viser alle sagsbehandleres frister – 5"
    # Sager remembers its own choice: still Anne Jensen's.
    assert again.case_scope.text() == "Viser Anne Jensens sager og sager uden sagsbehandler – 3 af 5"
    click(qtbot, again.deadline_scope.toggle_button)  # back to mine, remembered too
    again.close()
    third = open_window(qtbot, anne, qsettings, today)
    assert third.deadline_scope.text() == "Viser Anne Jensens frister og frister uden sagsbehandler – 3 af 5"


def test_a_colleague_can_be_chosen_to_cover_for_them(qtbot, anne, qsettings, today):
    window = open_window(qtbot, anne, qsettings, today)
    combo = window.deadline_caseworker
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "Anne Jensen (mig)",
        "Alle sagsbehandlere",
        "Bo Lund",
    ]
    combo.setCurrentIndex(combo.findText("Bo Lund"))
    assert frister(window) == {
        "Overskredet (1)": ["Ole Bak"],
        "Denne uge (0)": [],
        "Næste 30 dage (1)": ["Lise Dam"],
        "Senere (1)": ["Karen Holm"],
    }
    assert window.deadline_scope.text() == "Viser Bo Lunds frister og frister uden sagsbehandler – 3 af 5"


def test_without_a_name_everything_is_shown_as_before(qtbot, store, qsettings, today):
    fill(store, name="")
    window = open_window(qtbot, store, qsettings, today)
    assert sum(len(names) for names in frister(window).values()) == 5
    assert window.deadline_scope.text() == "Viser alle sagsbehandleres frister – 5"
    assert window.deadline_scope.toggle_button.isHidden()
    assert [window.deadline_caseworker.itemText(i) for i in range(window.deadline_caseworker.count())] == [
        "Alle sagsbehandlere",
        "Anne Jensen",
        "Bo Lund",
    ]
    window.tabs.setCurrentIndex(Tab.CASES)
    assert window.case_model.rowCount() == 5


def test_a_name_set_in_indstillinger_becomes_the_filter_at_once(qtbot, store, qsettings, dialogs, today):
    fill(store, name="")
    window = open_window(qtbot, store, qsettings, today)

    def name_myself(dialog):
        type_into(qtbot, dialog.name_edit, "Bo Lund")
        type_into(qtbot, dialog.municipality_edit, "Vesthimmerlands Kommune")
        click(qtbot, dialog.save_button)

    dialogs.then(name_myself)
    window.settings_action.trigger()
    assert window.deadline_scope.text() == "Viser Bo Lunds frister og frister uden sagsbehandler – 3 af 5"


def test_the_missed_banner_names_my_deadlines_and_counts_the_others(qtbot, anne, qsettings, today):
    settings = anne.settings()
    settings.last_opened = date(2020, 12, 31)  # Mette Skov 01-01-2021 and Ole Bak 02-01-2021 fell due since
    anne.save_settings(settings)
    window = open_window(qtbot, anne, qsettings, today)
    assert window.missed_banner.text() == (
        "⚠ Forfaldet siden sidst du åbnede programmet (31-12-2020): 1 – Mette Skov (01-01-2021) "
        "(og 1 hos andre sagsbehandlere)"
    )
    click(qtbot, window.deadline_scope.toggle_button)
    assert window.missed_banner.text() == (
        "⚠ Forfaldet siden sidst du åbnede programmet (31-12-2020): 2 – Mette Skov (01-01-2021), Ole Bak (02-01-2021)"
    )


# ---------------------------------------------------------------- search and column


@pytest.mark.parametrize("typed", ["hansen", "2018-0831", "20180831", "010180-1234", "0101801234", "010180"])
def test_frister_search_finds_by_name_fasit_number_and_cpr_with_or_without_dash(qtbot, anne, qsettings, today, typed):
    window = open_window(qtbot, anne, qsettings, today)
    qtbot.keyClicks(window.deadline_search, typed)
    assert frister(window)["Næste 30 dage (1)"] == ["Jens Hansen"]
    assert sum(len(names) for names in frister(window).values()) == 1
    assert window.deadline_scope.text() == ("Viser Anne Jensens frister, der passer til søgningen – 1 af 5")
    # The CPR number is never shown on Frister: no cell of the row holds its digits.
    model = window.deadline_model
    group = model.index(2, 0)
    cells = [model.data(model.index(0, column, group)) for column in range(model.columnCount())]
    assert not any("1234" in (cell or "") for cell in cells)


def test_a_colleagues_case_found_by_search_shows_after_one_click(qtbot, anne, qsettings, today):
    window = open_window(qtbot, anne, qsettings, today)
    qtbot.keyClicks(window.deadline_search, "2018-0915")  # Karen Holm, Bo Lund's
    assert sum(len(names) for names in frister(window).values()) == 0
    assert window.deadline_scope.text() == "Viser Anne Jensens frister, der passer til søgningen – 0 af 5"
    click(qtbot, window.deadline_scope.toggle_button)
    assert frister(window)["Senere (1)"] == ["Karen Holm"]
    assert window.deadline_scope.text() == "Viser alle sagsbehandleres frister, der passer til søgningen – 1 af 5"


def test_the_sager_search_still_finds_cpr_and_shows_it_masked(qtbot, anne, qsettings, today):
    window = open_window(qtbot, anne, qsettings, today)
    window.tabs.setCurrentIndex(Tab.CASES)
    qtbot.keyClicks(window.search_box, "010180-1234")
    assert case_names(window) == ["Jens Hansen"]
    assert window.case_model.index(0, CaseColumn.CPR).data() == "010180-xxxx"
    assert window.case_scope.text() == "Viser Anne Jensens sager, der passer til søgningen – 1 af 5"


def test_frister_has_a_sagsbehandler_column(qtbot, anne, qsettings, today):
    window = open_window(qtbot, anne, qsettings, today)
    model = window.deadline_model
    titles = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert titles == ["Frist", "Senest i praksis", "Borger", "Sagsnr.", "Forsøg", "Sagsbehandler", "Hvad", "Hvorfor"]
    later = model.index(2, 0)  # Næste 30 dage: Lise Dam (no caseworker), Jens Hansen
    assert [model.data(model.index(r, DeadlineColumn.CASEWORKER, later)) for r in range(2)] == ["", "Anne Jensen"]


def test_ctrl_f_focuses_the_search_of_the_tab_in_front(qtbot, anne, qsettings, today):
    window = open_window(qtbot, anne, qsettings, today)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.tabs.setCurrentIndex(Tab.DEADLINES)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == Tab.DEADLINES and window.deadline_search.hasFocus()
    window.tabs.setCurrentIndex(Tab.CASES)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == Tab.CASES and window.search_box.hasFocus()


# ---------------------------------------------------------------- print and exports


def test_the_print_dialog_starts_with_my_name_and_remembers_everyone(qtbot, anne, qsettings, dialogs, today):
    window = open_window(qtbot, anne, qsettings, today)
    seen = []

    def look_then_choose_everyone(dialog: CalendarPrintDialog):
        # February 2021: Jens Hansen 28-02; Mette Skov overdue since 01-01; Lise Dam has no caseworker,
        # so she is printed for Anne Jensen too, as the window shows her (3 of 5 there).
        seen.append((dialog.caseworker_combo.currentText(), dialog.summary_label.text()))
        dialog.caseworker_combo.setCurrentIndex(dialog.caseworker_combo.findData(""))
        seen.append((dialog.caseworker_combo.currentText(), dialog.summary_label.text()))

    dialogs.then(look_then_choose_everyone)
    window.print_calendar_action.trigger()
    assert seen == [
        ("Anne Jensen (mig)", "2 frister i perioden – og 1 overskredet før perioden."),
        ("Alle sagsbehandlere", "2 frister i perioden – og 2 overskredet før perioden."),
    ]
    dialogs.then(lambda dialog: seen.append(dialog.caseworker_combo.currentText()))
    window.print_calendar_action.trigger()
    assert seen[-1] == "Alle sagsbehandlere"
    # Back to mine: remembered too, and the calendar is printed for Anne Jensen again.
    dialogs.then(lambda dialog: dialog.caseworker_combo.show_own())
    window.print_calendar_action.trigger()
    dialogs.then(lambda dialog: seen.append((dialog.caseworker_combo.currentText(), dialog.choices()["caseworker"])))
    window.print_calendar_action.trigger()
    assert seen[-1] == ("Anne Jensen (mig)", "Anne Jensen")


class SaveAs:
    """QFileDialog.getSaveFileName answers with the queued paths and records that it was asked."""

    def __init__(self, monkeypatch):
        self.answers: list[tuple[str, str]] = []
        self.asked = 0
        monkeypatch.setattr(QFileDialog, "getSaveFileName", self._ask)

    def _ask(self, parent, title, start, filters, selected="", *args):
        self.asked += 1
        return self.answers.pop(0) if self.answers else ("", "")


@pytest.fixture
def save_as(monkeypatch) -> SaveAs:
    return SaveAs(monkeypatch)


def test_outlook_export_holds_only_mine_by_default_and_everyones_when_chosen(
    qtbot, anne, qsettings, dialogs, message_boxes, save_as, tmp_path, today
):
    window = open_window(qtbot, anne, qsettings, today)
    asked = []

    def keep_default(dialog: ExportChoiceDialog):
        asked.append((dialog.windowTitle(), dialog.own_radio.isChecked(), dialog.everyone_radio.isChecked()))
        click(qtbot, dialog.ok_button)

    save_as.answers.append((str(tmp_path / "mine.ics"), ""))
    dialogs.then(keep_default)
    window.export_ics_action.trigger()
    assert asked == [("Eksportér til Outlook", True, False)]
    text = (tmp_path / "mine.ics").read_text(encoding="utf-8")
    assert text.count("BEGIN:VEVENT") == 3
    for citizen in ("Jens Hansen", "Lise Dam"):
        assert f"SUMMARY:Opfølgning: {citizen} (T08)" in text
    # Overdue since 01-01-2021: the title as on any day, the status in the description.
    assert "SUMMARY:Opfølgning: Mette Skov (T08)" in text and "OVERSKREDET" not in text
    assert text.count("DESCRIPTION:Overskredet pr. ") == 1
    assert "Ole Bak" not in text and "Karen Holm" not in text
    assert message_boxes.calls[-1][2].startswith(
        f"3 frister er gemt i {tmp_path / 'mine.ics'}. Kun Anne Jensens frister og frister uden sagsbehandler er med."
        "\n\n⚠ 1 af fristerne er overskredet og står på en dato før i dag i Outlook – se den under Frister.\n\n"
    )

    def everyone(dialog: ExportChoiceDialog):
        dialog.everyone_radio.setChecked(True)
        click(qtbot, dialog.ok_button)

    save_as.answers.append((str(tmp_path / "alle.ics"), ""))
    dialogs.then(everyone)
    window.export_ics_action.trigger()
    text = (tmp_path / "alle.ics").read_text(encoding="utf-8")
    assert text.count("BEGIN:VEVENT") == 5
    assert "SUMMARY:Opfølgning: Karen Holm (T08)" in text
    assert message_boxes.calls[-1][2].startswith(
        f"5 frister er gemt i {tmp_path / 'alle.ics'}.\n\n"
        "⚠ 2 af fristerne er overskredet og står på datoer før i dag i Outlook – se dem under Frister.\n\n"
    )  # Mette Skov's and Ole Bak's

    # The choice is remembered for the next export; "Annuller" writes nothing and asks for no file.
    dialogs.then(lambda dialog: asked.append(dialog.everyone_radio.isChecked()))
    window.export_ics_action.trigger()
    assert asked[-1] is True
    assert save_as.asked == 2


def test_spreadsheet_exports_hold_only_mine_by_default(
    qtbot, anne, qsettings, dialogs, message_boxes, save_as, tmp_path, today
):
    window = open_window(qtbot, anne, qsettings, today)
    save_as.answers.append((str(tmp_path / "frister.csv"), "CSV til Excel (*.csv)"))
    dialogs.then(lambda dialog: click(qtbot, dialog.ok_button))
    window.export_deadlines_action.trigger()
    lines = (tmp_path / "frister.csv").read_text(encoding="utf-8-sig").splitlines()
    assert len(lines) == 4  # the header and Anne Jensen's three (Lise Dam's has no caseworker)
    body = "\n".join(lines[1:])
    assert all(name in body for name in ("Jens Hansen", "Mette Skov", "Lise Dam"))
    assert "Ole Bak" not in body and "Karen Holm" not in body
    assert message_boxes.calls[-1][2] == (
        f"3 frister er gemt i {tmp_path / 'frister.csv'}. Kun Anne Jensens frister og frister uden "
        "sagsbehandler er med."
    )

    save_as.answers.append((str(tmp_path / "sager.csv"), "CSV til Excel (*.csv)"))
    dialogs.then(lambda dialog: click(qtbot, dialog.ok_button))
    window.export_cases_action.trigger()
    lines = (tmp_path / "sager.csv").read_text(encoding="utf-8-sig").splitlines()
    assert sorted(line.split(";")[0] for line in lines[1:]) == ["Jens Hansen", "Lise Dam", "Mette Skov"]

    def everyone(dialog):
        dialog.everyone_radio.setChecked(True)
        click(qtbot, dialog.ok_button)

    save_as.answers.append((str(tmp_path / "alle-sager.csv"), "CSV til Excel (*.csv)"))
    dialogs.then(everyone)
    window.export_cases_action.trigger()
    lines = (tmp_path / "alle-sager.csv").read_text(encoding="utf-8-sig").splitlines()
    assert sorted(line.split(";")[0] for line in lines[1:]) == [
        "Jens Hansen",
        "Karen Holm",
        "Lise Dam",
        "Mette Skov",
        "Ole Bak",
    ]
    assert message_boxes.calls[-1][2] == f"5 sager er gemt i {tmp_path / 'alle-sager.csv'} (også afsluttede sager)."


def test_no_choice_is_asked_when_there_is_nobody_elses_case(qtbot, store, qsettings, dialogs, save_as, tmp_path, today):
    store.create_case(
        citizen="Jens Hansen",
        case_ref="2018-0831",
        trial_id="T08",
        dates={"hire": date(2018, 8, 31)},
        caseworker="Anne Jensen",
    )
    settings = store.settings()
    settings.caseworker_name, settings.municipality = "Anne Jensen", "Vesthimmerlands Kommune"
    store.save_settings(settings)
    window = open_window(qtbot, store, qsettings, today)
    save_as.answers.append((str(tmp_path / "frister.ics"), ""))
    window.export_ics_action.trigger()
    assert dialogs.opened == []  # straight to the file dialog
    assert Path(tmp_path / "frister.ics").read_text(encoding="utf-8").count("BEGIN:VEVENT") == 1


def test_the_filtered_models_pass_qt_model_tester(qtbot, qtlog, anne, qsettings, today):
    window = open_window(qtbot, anne, qsettings, today)
    testers = [watch_model(window.deadline_model), watch_model(window.case_model)]  # kept: every step checked
    window.deadline_view.setCurrentIndex(window.deadline_model.index(0, 0, window.deadline_model.index(0, 0)))
    qtbot.keyClicks(window.deadline_search, "2018-08")
    click(qtbot, window.deadline_scope.toggle_button)
    window.deadline_search.clear()
    window.refresh()
    click(qtbot, window.case_scope.toggle_button)
    assert len(testers) == 2
    assert_no_model_failures(qtlog)


def test_the_missed_banner_says_when_none_of_them_are_mine(qtbot, anne, qsettings, today):
    anne.update_case(next(c.id for c in anne.list_cases() if c.citizen == "Mette Skov"), caseworker="Bo Lund")
    settings = anne.settings()
    settings.last_opened = date(2020, 12, 31)  # Mette Skov and Ole Bak, both Bo Lund's now, fell due since
    anne.save_settings(settings)
    window = open_window(qtbot, anne, qsettings, today)
    assert window.missed_banner.text() == (
        "⚠ Forfaldet siden sidst du åbnede programmet (31-12-2020): ingen af dine – 2 hos andre sagsbehandlere"
    )
