"""Filer › Importér sager … and Filer › Fortryd import … as a caseworker uses them: the two sample
lists imported through the dialog and compared with hand-written cases and deadlines, the columns
corrected and remembered, rows with faults holding the import back, duplicates skipped or updated,
a broken file named with the database untouched, and a whole import undone (or refused)."""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from caseworker_app.core.event import Event
from caseworker_app.store import CaseStore
from caseworker_app.ui.importing.dialog import FEJL, FORHAANDSVISNING, KOLONNER, ImportDialog
from caseworker_app.ui.importing.undo_dialog import UndoImportDialog
from caseworker_app.ui.mainwindow import MainWindow

from ..cli.test_import_cli import CSV, CSV_CASES, CSV_HEADER, XLSX, XLSX_CASES
from .actions import click
from .model_check import assert_no_model_failures, watch_model

# The samples are written for this day (tests/cli/test_import_cli.py): a Monday after T08's end.
TODAY = date(2026, 11, 30)
Yes, No = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No

# Each citizen's first deadline as the Frister tab shows it, written out: (Frist, Senest i praksis).
# All lie before TODAY, so each is marked overdue ('! '); see XLSX_FIRST in the CLI test for the rules.
XLSX_SHOWN = {
    "Jens Hansen": ("! 01-01-2026", "tir 30-12-2025 (fristen 01-01-2026 er nytårsdag)"),
    "Lone Andersen": ("! 10-03-2026", "tir 10-03-2026"),
    "Ahmad Khalil": ("! 18-02-2026", "ons 18-02-2026"),
    "Karen Mortensen": ("! 21-08-2026", "fre 21-08-2026"),
    "Peter Holm": ("! 28-11-2026", "fre 27-11-2026 (fristen 28-11-2026 er en lørdag)"),
}
# (legal, practical) of the earliest deadline of each case on the Frister tab after saving.
XLSX_FIRST = {
    "Jens Hansen": (date(2026, 1, 1), date(2025, 12, 30)),
    "Lone Andersen": (date(2026, 3, 10), date(2026, 3, 10)),
    "Ahmad Khalil": (date(2026, 2, 18), date(2026, 2, 18)),
    "Karen Mortensen": (date(2026, 8, 21), date(2026, 8, 21)),
    "Peter Holm": (date(2026, 11, 28), date(2026, 11, 27)),
}
CSV_FIRST = {
    "Birgitte Larsen": (date(2026, 1, 1), date(2025, 12, 30)),
    "Søren Østergaard": (date(2027, 1, 5), date(2027, 1, 5)),
    "Fatima Ali": (date(2026, 4, 1), date(2026, 4, 1)),
    "Ole Bæk": (date(2026, 2, 20), date(2026, 2, 20)),
}
IMPORTED_XLSX = (
    "Import nr. 1: 5 sager oprettet, 0 opdateret.\n\nVil du fortryde hele importen, så vælg Filer › Fortryd "
    "import … Det kan du, så længe ingen af de importerede sager er ændret."
)


# ---------------------------------------------------------------- fixtures and what the user does


@pytest.fixture
def db(tmp_path) -> Path:
    return tmp_path / "sager.db"


@pytest.fixture
def store(db):
    case_store = CaseStore(db, clock=lambda: TODAY)
    yield case_store
    case_store.close()


@pytest.fixture
def window(qtbot, store, tmp_path):
    settings = QSettings(str(tmp_path / "vindue.ini"), QSettings.Format.IniFormat)
    window = MainWindow(store, today=lambda: TODAY, settings=settings)
    qtbot.addWidget(window)
    window.show()
    return window


class Files:
    """QFileDialog.getOpenFileName answers with the queued paths (Annuller when none is queued)."""

    def __init__(self, monkeypatch):
        self.queued: list[Path] = []
        self.asked: list[tuple[str, str]] = []
        monkeypatch.setattr(QFileDialog, "getOpenFileName", self._ask)

    def _ask(self, parent, title, folder, filters, chosen_filter=""):
        self.asked.append((title, filters))
        return (str(self.queued.pop(0)), chosen_filter) if self.queued else ("", "")


@pytest.fixture
def files(monkeypatch) -> Files:
    return Files(monkeypatch)


def pick(qtbot, dialog: ImportDialog, files: Files, path: Path) -> None:
    """Vælg fil …: the file chosen, read (in the background) and its preview shown."""
    files.queued.append(path)
    click(qtbot, dialog.file_row.choose_button)
    qtbot.waitUntil(lambda: not dialog.reading, timeout=10_000)


def shown_rows(dialog: ImportDialog) -> dict[str, dict[str, str]]:
    """The preview table as the caseworker reads it: citizen -> column title -> text."""
    model = dialog.preview_model
    titles = model.COLUMNS
    return {
        model.data(model.index(row, 1)): {titles[c]: model.data(model.index(row, c)) for c in range(len(titles))}
        for row in range(model.rowCount())
    }


def errors_listed(dialog: ImportDialog) -> list[str]:
    return dialog.error_view.texts()


def choose(combo, data) -> None:
    """Pick the entry with this value in a combo box, as the user does with the list open."""
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def saved_cases(db: Path) -> dict:
    with CaseStore(db, read_only=True) as store:
        return {
            c.case_ref: (c.citizen, c.trial_id, dict(c.dates), c.events, c.cpr, c.caseworker, c.note)
            for c in store.list_cases()
        }


def first_deadlines(window: MainWindow) -> dict[str, tuple[date, date]]:
    """Each citizen's earliest deadline in the Frister tab's list (sorted, earliest first)."""
    first: dict[str, tuple[date, date]] = {}
    for item in window.deadline_items:
        first.setdefault(item.case.citizen, (item.deadline.legal_due, item.deadline.practical_due))
    return first


def import_through_menu(qtbot, window, dialogs, files, path: Path, act=None) -> None:
    """Ctrl+I: the file chosen, act(dialog) if given, then "Importér"."""

    def user(dialog: ImportDialog) -> None:
        pick(qtbot, dialog, files, path)
        if act is not None:
            act(dialog)
        click(qtbot, dialog.import_button)

    dialogs.then(user)
    window.import_action.trigger()


# ---------------------------------------------------------------- the two sample lists


def test_the_sample_workbook_imported_through_the_window(qtbot, window, db, dialogs, files, message_boxes, qtlog):
    assert window.welcome_shown()
    seen = {}

    def check_preview(dialog: ImportDialog) -> None:
        tester = watch_model(dialog.preview_model)
        assert dialog.tabs.currentIndex() == FORHAANDSVISNING
        assert dialog.message_label.text().startswith(
            "5 rækker læst fra sagsliste.xlsx (arket 'Sager'); overskrifterne står i række 4. 5 nye sager."
        )
        rows = shown_rows(dialog)
        seen.update({name: (row["Næste frist"], row["Senest i praksis"]) for name, row in rows.items()})
        assert rows["Jens Hansen"]["Række"] == "5" and rows["Peter Holm"]["Række"] == "10"
        assert rows["Jens Hansen"]["CPR-nummer"] == "010162-xxxx"  # masked on screen
        assert {row["Gemmes som"] for row in rows.values()} == {"Ny sag"}
        assert rows["Ahmad Khalil"]["Datoer"] == (
            "ansættelse i løntilskud 01-09-2025, tilbud om ansættelse med løntilskud 18-08-2025"
        )
        assert errors_listed(dialog) == ["Ingen fejl: alle rækker kan gemmes."]
        assert dialog.block_label.text() == ""
        del tester

    import_through_menu(qtbot, window, dialogs, files, XLSX, check_preview)
    assert seen == XLSX_SHOWN
    assert message_boxes.calls[-1] == ("information", "Importér sager", IMPORTED_XLSX)
    assert saved_cases(db) == XLSX_CASES
    # The window shows the cases at once, the welcome gone, each with the deadline the preview showed.
    assert not window.welcome_shown()
    assert first_deadlines(window) == XLSX_FIRST
    assert window.statusBar().currentMessage() == "Import nr. 1: 5 sager oprettet, 0 opdateret."
    assert_no_model_failures(qtlog)


def test_the_sample_csv_needs_one_trial_for_every_row(qtbot, window, db, dialogs, files, message_boxes):
    def user(dialog: ImportDialog) -> None:
        pick(qtbot, dialog, files, CSV)
        # No trial column: the columns tab says so, and nothing can be imported yet.
        assert dialog.tabs.currentIndex() == KOLONNER
        assert dialog.problem_label.text() == (
            "⚠ Ingen kolonne er valgt som 'Forsøg', og der er ikke valgt ét forsøg til alle rækker. Vælg "
            "forsøgskolonnen, eller vælg forsøget (fx T08), hvis alle sager er i samme forsøg."
        )
        assert not dialog.import_button.isEnabled()
        assert dialog.block_label.text() == "Vælg kolonnerne under Kolonner, før listen kan importeres."
        assert "Læst som CSV med semikolon mellem cellerne, tegnsæt Windows-1252." in dialog.message_label.text()
        # The Fejl tab says what blocks the import, not "no faults".
        assert dialog.tabs.tabText(FEJL) == "F&ejl (1)"
        assert errors_listed(dialog) == [
            "Ingen kolonne er valgt som 'Forsøg', og der er ikke valgt ét forsøg til alle rækker. Vælg "
            "forsøgskolonnen, eller vælg forsøget (fx T08), hvis alle sager er i samme forsøg.",
            "Rækkerne kontrolleres, når kolonnerne er valgt under Kolonner.",
        ]
        choose(dialog.mapping_view.trial_combo, "T08")
        assert dialog.problem_label.isHidden()
        assert (dialog.tabs.tabText(FEJL), errors_listed(dialog)) == (
            "F&ejl (0)",
            ["Ingen fejl: alle rækker kan gemmes."],
        )
        assert {name: row["Forsøg"] for name, row in shown_rows(dialog).items()} == {
            "Birgitte Larsen": "T08",
            "Søren Østergaard": "T08",
            "Fatima Ali": "T08",
            "Ole Bæk": "T08",
        }
        assert shown_rows(dialog)["Fatima Ali"]["CPR-nummer"] == "120890-xxxx"
        click(qtbot, dialog.import_button)

    dialogs.then(user)
    window.import_action.trigger()
    assert message_boxes.calls[-1][2].startswith("Import nr. 1: 4 sager oprettet, 0 opdateret.")
    assert saved_cases(db) == CSV_CASES
    assert first_deadlines(window) == CSV_FIRST


def test_the_sample_file_button_reads_the_shipped_list(qtbot, store):
    dialog = ImportDialog(store, today=lambda: TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.import_button.isEnabled()
    click(qtbot, dialog.file_row.sample_button)
    qtbot.waitUntil(lambda: not dialog.reading, timeout=10_000)
    assert dialog.file_row.file_label.text() == "Fil: <b>sagsliste.xlsx</b>"
    assert dialog.message_label.text().endswith(
        "Eksempelfilen har opdigtede borgere. Importerer du den, fjerner du dem igen med Filer › Fortryd import …"
    )
    assert set(shown_rows(dialog)) == set(XLSX_SHOWN)
    assert dialog.import_button.isEnabled()


# ---------------------------------------------------------------- the columns


def test_changing_a_column_changes_the_preview(qtbot, store, files):
    dialog = ImportDialog(store, today=lambda: TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    pick(qtbot, dialog, files, XLSX)
    view = dialog.mapping_view
    examples = [label.text() for label in view.findChildren(type(dialog.file_row.file_label)) if "xxxx" in label.text()]
    assert examples == ["010162-xxxx · 150385-xxxx"]  # the CPR column's examples, masked
    assert [combo.currentText() for combo in view.combos] == [
        "Borgerens navn",
        "CPR-nummer",
        "FASIT-sagsnummer",
        "Forsøg",
        "Ansættelse i løntilskud",
        "Tilbud om ansættelse med løntilskud",
        "Seneste opfølgning",
        "Sagsbehandler",
        "Bemærkning",
    ]
    # Column F ("Tilbud givet") ignored: Ahmad Khalil's first follow-up counts from his hire date,
    # 01-09-2025 + 6 months = Sunday 01-03-2026, in practice Friday 27-02-2026.
    choose(view.combos[5], None)
    assert view.combos[5].currentText() == "– ignorér –"
    ahmad = shown_rows(dialog)["Ahmad Khalil"]
    assert (ahmad["Næste frist"], ahmad["Senest i praksis"]) == (
        "! 01-03-2026",
        "fre 27-02-2026 (fristen 01-03-2026 er en søndag)",
    )
    # Column E ("Ansat") ignored: every row lacks the date its deadlines count from.
    choose(view.combos[4], None)
    # One sentence for the five rows, each row named (the Fejl tab said it five times).
    assert errors_listed(dialog) == [
        "5 rækker (5, 6, 7, 9 og 10; ingen kolonne er valgt som 'Ansættelse i løntilskud'): Forsøg T08 skal have "
        "datoen »Ansættelse i løntilskud«. Vælg kolonnen med den som 'Ansættelse i løntilskud'"
    ]
    assert dialog.tabs.tabText(FEJL) == "F&ejl (5)"
    assert not dialog.import_button.isEnabled()
    # A field given to a second column leaves the first: column A becomes the caseworker, H lets go.
    choose(view.combos[0], "caseworker")
    assert view.combos[7].currentText() == "– ignorér –"
    assert "Ingen kolonne er valgt som 'Borgerens navn'." in dialog.problem_label.text()


def test_the_columns_chosen_are_remembered_for_the_next_import(qtbot, window, db, dialogs, files, tmp_path):
    first = tmp_path / "egen.csv"
    first.write_bytes("Person;Nummer;Start;Telefon\r\nBo Berg;2026-0001;01-03-2026;12345678\r\n".encode("cp1252"))
    again = tmp_path / "egen2.csv"
    again.write_bytes("Person;Nummer;Start;Telefon\r\nIda Dam;2026-0002;02-03-2026;87654321\r\n".encode("cp1252"))

    def correct(dialog: ImportDialog) -> None:
        view = dialog.mapping_view
        assert [c.field() for c in view.combos] == [None, None, None, None]  # nothing recognised
        choose(view.combos[0], "citizen")
        choose(view.combos[1], "case_ref")
        choose(view.combos[2], "hire")
        choose(view.trial_combo, "T08")

    import_through_menu(qtbot, window, dialogs, files, first, correct)
    remembered = {}

    def look(dialog: ImportDialog) -> None:
        view = dialog.mapping_view
        remembered["fields"] = [c.currentText() for c in view.combos]
        remembered["trial"] = view.trial_combo.currentData()
        assert dialog.import_button.isEnabled()

    import_through_menu(qtbot, window, dialogs, files, again, look)
    assert remembered == {
        "fields": ["Borgerens navn", "FASIT-sagsnummer", "Ansættelse i løntilskud", "– ignorér –"],
        "trial": "T08",
    }
    assert saved_cases(db)["2026-0002"][:3] == ("Ida Dam", "T08", {"hire": date(2026, 3, 2)})


def test_a_workbook_with_several_sheets_offers_the_choice(qtbot, store, files, tmp_path):
    path = tmp_path / "to-ark.xlsx"
    workbook = openpyxl.Workbook()
    old = workbook.active
    old.title = "2025"
    old.append(["Navn", "Sagsnr", "Forsøg", "Ansat"])
    old.append(["Bo Berg", "2025-0001", "T08", date(2025, 3, 1)])
    new = workbook.create_sheet("2026")
    new.append(["Navn", "Sagsnr", "Forsøg", "Ansat"])
    new.append(["Ida Dam", "2026-0002", "T08", date(2026, 3, 2)])
    new.append(["Eva Holm", "2026-0003", "T08", date(2026, 3, 3)])
    workbook.save(path)
    dialog = ImportDialog(store, today=lambda: TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    pick(qtbot, dialog, files, path)
    assert dialog.file_row.sheet_combo.isVisible()
    assert [dialog.file_row.sheet_combo.itemText(i) for i in range(dialog.file_row.sheet_combo.count())] == [
        "2025",
        "2026",
    ]
    assert set(shown_rows(dialog)) == {"Bo Berg"}
    dialog.file_row.sheet_combo.setFocus()
    qtbot.keyClick(dialog.file_row.sheet_combo, Qt.Key.Key_Down)  # the user picks the next sheet
    qtbot.waitUntil(lambda: not dialog.reading, timeout=10_000)
    assert set(shown_rows(dialog)) == {"Ida Dam", "Eva Holm"}
    assert dialog.message_label.text().startswith("2 rækker læst fra to-ark.xlsx (arket '2026')")


def test_tab_goes_from_the_tabs_through_the_columns_to_the_choices(qtbot, store, files):
    dialog = ImportDialog(store, today=lambda: TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    pick(qtbot, dialog, files, CSV)
    dialog.tabs.setCurrentIndex(KOLONNER)
    dialog.tabs.tabBar().setFocus()
    reached = []
    for _ in range(9):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        widget = QApplication.focusWidget()
        reached.append(widget.accessibleName() or widget.text())
    # The columns, the trial for every row, then (the choices and "Importér" wait for a trial) Annuller.
    assert reached == [
        "Felt for kolonne A, 'Navn'",
        "Felt for kolonne B, 'Sagsnummer'",
        "Felt for kolonne C, 'CPR'",
        "Felt for kolonne D, 'Ansættelsesdato'",
        "Felt for kolonne E, 'Seneste opfølgning'",
        "Felt for kolonne F, 'Sagsbehandler'",
        "Felt for kolonne G, 'Bemærkninger'",
        "Forsøg for rækker uden forsøg",
        "&Annuller",
    ]


# ---------------------------------------------------------------- rows with faults


def test_a_date_in_the_future_is_imported_with_a_warning_in_its_row(
    qtbot, window, db, dialogs, files, message_boxes, tmp_path
):
    # Today 30-11-2026: Bo Berg hired 01-03-2027 (a mistyped year, or a planned hire) is imported,
    # and the preview says so in his row; Ida Dam, hired 02-03-2026, has nothing to warn of.
    path = tmp_path / "fremtid.csv"
    path.write_bytes(
        f"{CSV_HEADER};Forsøg\r\n"
        "Bo Berg;2026-0001;;01-03-2027;;Anne Jensen;;T08\r\n"
        "Ida Dam;2026-0002;;02-03-2026;;Anne Jensen;;T08\r\n".encode("cp1252")
    )

    def user(dialog: ImportDialog) -> None:
        pick(qtbot, dialog, files, path)
        states = {name: row["Gemmes som"] for name, row in shown_rows(dialog).items()}
        assert states == {
            "Bo Berg": "Ny sag · ⚠ Ansættelse i løntilskud: 01-03-2027 ligger i fremtiden – er årstallet rigtigt? "
            "Fristerne regnes fra den.",
            "Ida Dam": "Ny sag",
        }
        assert "2 nye sager, 1 række med en dato i fremtiden (⚠, gemmes alligevel)." in dialog.message_label.text()
        assert dialog.import_button.isEnabled()
        click(qtbot, dialog.import_button)

    dialogs.then(user)
    window.import_action.trigger()
    assert message_boxes.calls[-1][2].startswith("Import nr. 1: 2 sager oprettet")


def test_the_preview_names_each_date_as_the_case_window_does(qtbot, store, files, tmp_path):
    # T07's date is 'Start på ressourceforløb' in the case window; the preview and its warning used
    # the program's internal name 'visitation'. Today 30-11-2026: a start 01-02-2027 is in the future.
    path = tmp_path / "t07.csv"
    path.write_bytes(
        "Navn;FASIT sagsnr;Forsøg;Start på ressourceforløb;Seneste stillingtagen\r\n"
        "Anna Vest;2026-0301;T07;15-01-2026;03-05-2026\r\n"
        "Bo Nord;2026-0302;T07;01-02-2027;\r\n".encode("cp1252")
    )
    dialog = ImportDialog(store, today=lambda: TODAY)
    qtbot.addWidget(dialog)
    pick(qtbot, dialog, files, path)
    rows = shown_rows(dialog)
    assert rows["Anna Vest"]["Datoer"] == (
        "start på ressourceforløb 15-01-2026, seneste stillingtagen til indsatsplanen 03-05-2026"
    )
    assert rows["Bo Nord"]["Datoer"] == "start på ressourceforløb 01-02-2027"
    assert rows["Bo Nord"]["Gemmes som"] == (
        "Ny sag · ⚠ Start på ressourceforløb: 01-02-2027 ligger i fremtiden – er årstallet rigtigt? "
        "Fristerne regnes fra den."
    )


def test_rows_with_faults_block_the_import_until_the_valid_rows_are_chosen(
    qtbot, window, db, dialogs, files, message_boxes, tmp_path
):
    path = tmp_path / "blandet.csv"
    path.write_bytes(
        f"{CSV_HEADER};Forsøg\r\n"
        "Bo Berg;2026-0001;;1.3.26;;Anne Jensen;;T08\r\n"
        "Ida Dam;2026-0002;;02-03-2026;;Anne Jensen;;T08\r\n".encode("cp1252")
    )

    def user(dialog: ImportDialog) -> None:
        pick(qtbot, dialog, files, path)
        assert errors_listed(dialog) == [
            "Række 2, kolonne 'Ansættelsesdato': '1.3.26': skriv året med fire cifre, fx 01-03-2026 "
            "(eller 01-03-1926); et årstal med to cifre kan høre til to århundreder"
        ]
        assert dialog.tabs.tabText(FEJL) == "F&ejl (1)"
        assert shown_rows(dialog)["Bo Berg"]["Gemmes som"] == "⚠ Fejl – se Fejl"
        assert not dialog.import_button.isEnabled()
        assert dialog.block_label.text() == (
            "⚠ 1 række har fejl (se Fejl), så intet kan importeres endnu. Ret dem i regnearket, gem det og tryk "
            "Læs filen igen – eller vælg Importér kun de gyldige rækker."
        )
        assert not dialog.options.only_valid_check.isChecked()  # never chosen for the user
        click(qtbot, dialog.options.only_valid_check)
        assert shown_rows(dialog)["Bo Berg"]["Gemmes som"] == "⚠ Fejl – springes over"
        assert dialog.block_label.text() == ""
        click(qtbot, dialog.import_button)

    dialogs.then(user)
    window.import_action.trigger()
    assert message_boxes.calls[-1][2].startswith(
        "Import nr. 1: 1 sag oprettet, 0 opdateret, 1 række med fejl blev ikke importeret."
    )
    assert set(saved_cases(db)) == {"2026-0002"}


def test_a_trial_written_as_the_caseworkers_write_it_is_shown_with_the_trial_it_resembles(
    qtbot, store, files, tmp_path
):
    # The tester's list names T08 'FØP løntilskud' in some rows. Choosing T08 for rows without a
    # trial changes nothing for them: it fills empty trial cells only.
    path = tmp_path / "mine_sager.csv"
    path.write_bytes(
        (
            f"{CSV_HEADER};Forsøg\r\n"
            "Bo Berg;2026-0001;;01-03-2026;;;;FØP løntilskud\r\n"
            "Ida Dam;2026-0002;;02-03-2026;;;;\r\n"
            "Eva Holm;2026-0003;;03-03-2026;;;;FØP løntilskud\r\n"
        ).encode("cp1252")
    )
    dialog = ImportDialog(store, today=lambda: TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    pick(qtbot, dialog, files, path)
    choose(dialog.mapping_view.trial_combo, "T08")
    meant = (
        "Forsøget 'FØP løntilskud' findes ikke i forsøgskataloget. Mente du T08 (Førtidspensionister i "
        "løntilskud) eller T03 (Løntilskud og jobrotation uden forudgående ledighed)? Skriv forsøgets id, fx T08"
    )
    assert errors_listed(dialog) == [f"2 rækker (2 og 4), kolonne 'Forsøg': {meant}"]
    rows = shown_rows(dialog)
    assert {name: (row["Forsøg"], row["Gemmes som"]) for name, row in rows.items()} == {
        "Bo Berg": ("", "⚠ Fejl – se Fejl"),
        "Ida Dam": ("T08", "Ny sag"),
        "Eva Holm": ("", "⚠ Fejl – se Fejl"),
    }


def test_a_fixed_file_is_read_again_and_its_faults_are_gone(qtbot, store, files, tmp_path):
    path = tmp_path / "rettes.csv"
    path.write_bytes(f"{CSV_HEADER};Forsøg\r\nBo Berg;2026-0001;;31-11-2025;;;;T08\r\n".encode("cp1252"))
    dialog = ImportDialog(store, today=lambda: TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    pick(qtbot, dialog, files, path)
    assert errors_listed(dialog) == [
        "Række 2, kolonne 'Ansættelsesdato': '31-11-2025': den dag findes ikke – november 2025 har 30 dage"
    ]
    path.write_bytes(f"{CSV_HEADER};Forsøg\r\nBo Berg;2026-0001;;30-11-2025;;;;T08\r\n".encode("cp1252"))
    click(qtbot, dialog.file_row.reread_button)
    qtbot.waitUntil(lambda: not dialog.reading, timeout=10_000)
    assert errors_listed(dialog) == ["Ingen fejl: alle rækker kan gemmes."]
    assert dialog.import_button.isEnabled()


@pytest.mark.parametrize(
    ("name", "make", "message"),
    [
        (
            "beskadiget.xlsx",
            lambda: XLSX.read_bytes()[:3000],
            "⚠ beskadiget.xlsx kan ikke læses som en Excel-fil (.xlsx): filen er beskadiget",
        ),
        (
            "projektmappe.csv",
            XLSX.read_bytes,
            "⚠ projektmappe.csv er ikke en CSV-fil med tekst (den er en Excel-projektmappe",
        ),
        ("tom.csv", lambda: b"", "⚠ tom.csv er tom. Vælg den fil, der har sagslisten."),
        ("flyttet.xlsx", None, "⚠ Filen {path} findes ikke. Kontrollér navnet og mappen."),
    ],
)
def test_a_broken_file_is_named_in_the_dialog_and_nothing_is_saved(
    qtbot, window, db, dialogs, files, message_boxes, tmp_path, name, make, message
):
    import_through_menu(qtbot, window, dialogs, files, XLSX)
    before = db.read_bytes()
    path = tmp_path / name
    if make is not None:
        path.write_bytes(make())
    seen = {}

    def user(dialog: ImportDialog) -> None:
        pick(qtbot, dialog, files, path)
        seen["problem"] = dialog.problem_label.text()
        seen["file"] = dialog.file_row.file_label.text()
        seen["can import"] = dialog.import_button.isEnabled()
        click(qtbot, dialog.cancel_button)

    calls = len(message_boxes.calls)
    dialogs.then(user)
    window.import_action.trigger()
    assert seen["problem"].startswith(message.format(path=path)) and seen["problem"].endswith(" Intet er gemt.")
    assert seen["file"] == f"Fil: <b>{name}</b> – kan ikke læses"
    assert seen["can import"] is False
    assert len(message_boxes.calls) == calls  # said in the dialog, no box and no crash
    assert db.read_bytes() == before


def test_a_large_list_is_read_without_holding_the_window(qtbot, store, tmp_path):
    from benchmarks.bench_import import write_files

    xlsx, _ = write_files(tmp_path, 10_000)
    dialog = ImportDialog(store, today=lambda: TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.load(xlsx)
    assert dialog.reading  # load() returned at once: the workbook is read in its own thread
    assert not dialog.import_button.isEnabled()
    qtbot.waitUntil(lambda: not dialog.reading, timeout=30_000)
    assert dialog.preview_model.rowCount() == 10_000
    assert dialog.message_label.text().startswith("10.000 rækker læst fra sager-10000.xlsx (arket 'Sager')")


# ---------------------------------------------------------------- duplicates


def test_importing_the_same_list_again_finds_every_case(qtbot, window, db, dialogs, files):
    import_through_menu(qtbot, window, dialogs, files, XLSX)
    before = db.read_bytes()
    seen = {}

    def user(dialog: ImportDialog) -> None:
        pick(qtbot, dialog, files, XLSX)
        seen["summary"] = dialog.message_label.text()
        seen["states"] = {name: row["Gemmes som"] for name, row in shown_rows(dialog).items()}
        seen["block"] = dialog.block_label.text()
        seen["can import"] = dialog.import_button.isEnabled()
        seen["faults"] = errors_listed(dialog)
        click(qtbot, dialog.options.update_radio)
        seen["updated"] = {row["Gemmes som"] for row in shown_rows(dialog).values()}

    dialogs.then(user)
    window.import_action.trigger()
    assert seen["summary"].startswith(
        "5 rækker læst fra sagsliste.xlsx (arket 'Sager'); overskrifterne står i række 4. 0 nye sager, 5 findes "
        "allerede (samme FASIT-sagsnummer og forsøg), de springes over."
    )
    assert seen["states"] == dict.fromkeys(XLSX_SHOWN, "Findes allerede – springes over")
    assert seen["block"] == (
        "Der er intet nyt at importere: sagerne findes allerede. Vælg Opdatér, hvis de skal have listens værdier."
    )
    assert seen["can import"] is False
    assert seen["faults"] == [
        "Ingen fejl i rækkerne. Der er intet nyt at importere: sagerne findes allerede. Vælg Opdatér, hvis de "
        "skal have listens værdier."
    ]
    assert seen["updated"] == {"Findes allerede – intet nyt"}
    assert db.read_bytes() == before


def test_duplicates_updated_from_a_changed_list(qtbot, window, db, dialogs, files, message_boxes, tmp_path):
    def one_trial(dialog: ImportDialog) -> None:
        choose(dialog.mapping_view.trial_combo, "T08")

    import_through_menu(qtbot, window, dialogs, files, CSV, one_trial)
    changed = tmp_path / "rettet.csv"
    changed.write_bytes(CSV.read_bytes().replace(b"20-02-2025", b"20-10-2026").replace(b"Ny i l\xf8ntilskud", b""))
    seen = {}

    def update(dialog: ImportDialog) -> None:
        assert dialog.mapping_view.trial_combo.currentData() == "T08"  # remembered
        assert not dialog.import_button.isEnabled()  # skipping leaves nothing to save
        click(qtbot, dialog.options.update_radio)
        seen.update({name: row["Gemmes som"] for name, row in shown_rows(dialog).items()})
        seen["Ole Bæk, frist"] = shown_rows(dialog)["Ole Bæk"]["Næste frist"]

    import_through_menu(qtbot, window, dialogs, files, changed, update)
    assert seen == {
        "Birgitte Larsen": "Findes allerede – intet nyt",
        "Søren Østergaard": "Findes allerede – intet nyt",
        # An empty cell changes nothing: Fatima Ali keeps her note.
        "Fatima Ali": "Findes allerede – intet nyt",
        "Ole Bæk": "Findes allerede – opdateres: seneste opfølgning 20-02-2025 → 20-10-2026",
        # follow-up 20-10-2026 + 12 months = Wednesday 20-10-2027
        "Ole Bæk, frist": "20-10-2027",
    }
    assert message_boxes.calls[-1][2].startswith(
        "Import nr. 2: 0 sager oprettet, 1 opdateret, 3 fandtes allerede og blev sprunget over."
    )
    cases = saved_cases(db)
    assert cases["2019-0555"][3] == (Event(date(2025, 2, 20), "followup"), Event(date(2026, 10, 20), "followup"))
    assert cases["2025-0077"][6] == "Ny i løntilskud"
    assert first_deadlines(window)["Ole Bæk"] == (date(2027, 10, 20), date(2027, 10, 20))


# ---------------------------------------------------------------- Fortryd import


def test_undo_an_import_from_the_menu(qtbot, window, db, dialogs, files, message_boxes):
    import_through_menu(qtbot, window, dialogs, files, XLSX)
    import_through_menu(qtbot, window, dialogs, files, CSV, lambda d: choose(d.mapping_view.trial_combo, "T08"))
    assert set(first_deadlines(window)) == set(XLSX_FIRST) | set(CSV_FIRST)
    seen = {}

    def user(dialog: UndoImportDialog) -> None:
        table = dialog.table
        seen["rows"] = [
            [table.item(row, column).text() for column in (0, 1, 3, 4, 5, 6, 7)] for row in range(table.rowCount())
        ]
        assert re.fullmatch(r"\d\d-\d\d-\d{4} kl\. \d\d\.\d\d", table.item(0, 2).text())  # when it was saved
        message_boxes.answer(No)  # Annuller first: nothing happens
        click(qtbot, dialog.undo_button)
        assert dialog.status.text() == ""
        message_boxes.answer(Yes)
        click(qtbot, dialog.undo_button)
        seen["status"] = dialog.status.text()
        seen["after"] = table.item(0, 7).text()
        seen["chosen"] = dialog.selected().id  # the older import, not yet undone

    dialogs.then(user)
    window.undo_import_action.trigger()
    assert seen["rows"] == [
        ["2", "sagsliste.csv", "4", "0", "0", "0", ""],
        ["1", "sagsliste.xlsx (arket 'Sager')", "5", "0", "0", "0", ""],
    ]
    question = [call for call in message_boxes.calls if call[0] == "question"]
    assert question[0][1] == "Fortryd import"
    # The buttons name the answers, with Alt-letters; Enter is "Annuller": it deletes no cases.
    assert message_boxes.asked[0].buttons == {Yes: "&Fortryd import", No: "&Annuller"}
    assert message_boxes.asked[0].enter == message_boxes.asked[0].escape == No
    assert question[0][2].startswith("Vil du fortryde import nr. 2 (sagsliste.csv, ")
    assert question[0][2].endswith(
        "4 sager, som importen oprettede, slettes. Sletningerne står i sletteloggen uden navne og CPR-numre."
    )
    assert seen["status"] == "Import nr. 2 er fortrudt: 4 sager slettet, 0 sager ført tilbage."
    assert seen["after"].startswith("fortrudt ")
    assert seen["chosen"] == 1
    # The Frister list has only the first import's cases again.
    assert first_deadlines(window) == XLSX_FIRST
    assert saved_cases(db) == XLSX_CASES
    assert window.statusBar().currentMessage() == "Import nr. 2 er fortrudt: 4 sager slettet, 0 sager ført tilbage."


def test_two_imports_undone_newest_first_from_the_menu(qtbot, window, db, dialogs, files, message_boxes, tmp_path):
    def one_trial(dialog: ImportDialog) -> None:
        choose(dialog.mapping_view.trial_combo, "T08")

    import_through_menu(qtbot, window, dialogs, files, CSV, one_trial)
    changed = tmp_path / "rettet.csv"
    changed.write_bytes(CSV.read_bytes().replace(b"20-02-2025", b"20-10-2026"))
    import_through_menu(qtbot, window, dialogs, files, changed, lambda d: click(qtbot, d.options.update_radio))
    assert saved_cases(db)["2019-0555"][3][-1] == Event(date(2026, 10, 20), "followup")
    seen = {}

    def user(dialog: UndoImportDialog) -> None:
        dialog.table.selectRow(1)  # the older import first: refused, and why
        seen["older first"] = (dialog.status.text(), dialog.undo_button.isEnabled())
        dialog.table.selectRow(0)
        message_boxes.answer(Yes)
        click(qtbot, dialog.undo_button)
        seen["chosen next"] = dialog.selected().id
        seen["then"] = (dialog.status.text(), dialog.undo_button.isEnabled())
        message_boxes.answer(Yes)
        click(qtbot, dialog.undo_button)
        seen["last"] = dialog.status.text()

    dialogs.then(user)
    window.undo_import_action.trigger()
    assert seen == {
        "older first": (
            "⚠ Import nr. 1 kan ikke fortrydes, før import nr. 2 er fortrudt: den har opdateret sag 2019-0555 "
            "(nr. 4). Fortryd importerne med den nyeste først.",
            False,
        ),
        "chosen next": 1,
        "then": ("Import nr. 2 er fortrudt: 0 sager slettet, 1 sag ført tilbage.", True),
        "last": "Import nr. 1 er fortrudt: 4 sager slettet, 0 sager ført tilbage.",
    }
    assert saved_cases(db) == {}
    assert first_deadlines(window) == {}


def test_undo_is_refused_once_a_case_has_changed(qtbot, window, store, db, dialogs, files, message_boxes):
    import_through_menu(qtbot, window, dialogs, files, XLSX)
    store.add_event(2, day=date(2026, 11, 27), kind="followup")  # Lone Andersen followed up since
    before = db.read_bytes()
    seen = {}

    def user(dialog: UndoImportDialog) -> None:
        seen["status"] = dialog.status.text()
        seen["can undo"] = dialog.undo_button.isEnabled()

    dialogs.then(user)
    window.undo_import_action.trigger()
    assert seen == {
        "status": "⚠ Import nr. 1 kan ikke fortrydes: sag 2023-0107 (nr. 2) er ændret siden importen. Ret eller "
        "slet de importerede sager enkeltvis i stedet.",
        "can undo": False,
    }
    assert db.read_bytes() == before


@pytest.mark.parametrize(
    ("cell", "shown"),
    [
        (datetime(2026, 3, 1, 0, 0), "01-03-2026"),
        (45352.0, "45352"),  # a date Excel kept as a number: shown as it is, the check refuses it
        (101901234, "010190-xxxx"),  # a CPR number Excel made a number of (its 0 gone): masked
        ("Bo 0101901234 Berg", "Bo 010190-xxxx Berg"),  # a CPR number in a column not yet chosen
        ("  Ringer   selv\nom formiddagen  ", "Ringer selv om formiddagen"),
        ("Arbejdsgiver: Brugsen; kontakt på mail", "Arbejdsgiver: Brugsen; kont…"),  # 28 characters at most
    ],
)
def test_a_cell_in_the_examples_is_shown_as_the_caseworker_knows_it(cell, shown):
    from caseworker_app.ui.importing.preview_model import cell_text

    assert cell_text(cell) == shown


# ---------------------------------------------------------------- what Excel hides


def test_a_hidden_stale_column_is_marked_and_left_for_the_visible_one(qtbot, store, files, tmp_path):
    from ..core.test_import_hidden import hidden_list

    dialog = ImportDialog(store, today=lambda: TODAY)
    qtbot.addWidget(dialog)
    pick(qtbot, dialog, files, hidden_list(tmp_path / "skjult.xlsx"))
    view = dialog.mapping_view
    assert [combo.field() for combo in view.combos[4:6]] == [None, "last_followup"]
    assert view.names[4].text() == "E: Sidste opfølgning<br><i>⚠ skjult i Excel</i>"
    assert view.names[5].text() == "F: Seneste opfølgning"
    assert view.combos[4].accessibleName() == "Felt for kolonne E, 'Sidste opfølgning' (skjult i Excel)"
    shown = shown_rows(dialog)
    assert shown["Hanne Møller"]["Næste frist"] == "! 01-10-2026"  # before TODAY: overdue, as the dates say
    assert shown["Ib Øst"]["Næste frist"] == "! 03-11-2026"
    assert (
        "Kolonne E 'Sidste opfølgning' er skjult i Excel og bruges ikke: 'Seneste opfølgning' læses fra kolonne F "
        "'Seneste opfølgning', der er synlig."
    ) in dialog.message_label.text().splitlines()
    # The caseworker chooses the hidden column after all: said plainly, and its dates give the deadline.
    dialog.tabs.setCurrentIndex(KOLONNER)
    choose(view.combos[4], "last_followup")
    assert view.combos[5].field() is None
    assert any(
        line.startswith("⚠ Kolonne E 'Sidste opfølgning' er skjult i Excel, men bruges som 'Seneste opfølgning'.")
        for line in dialog.message_label.text().splitlines()
    )
    assert shown_rows(dialog)["Hanne Møller"]["Næste frist"] == "! 01-01-2026"


def test_hidden_rows_are_imported_with_a_warning_unless_the_caseworker_leaves_them_out(
    qtbot, window, db, dialogs, files, message_boxes, tmp_path
):
    from ..core.test_import_hidden import hidden_list

    def user(dialog: ImportDialog) -> None:
        pick(qtbot, dialog, files, hidden_list(tmp_path / "skjult.xlsx"))
        check = dialog.options.skip_hidden_check
        assert check.isVisible() and check.isEnabled() and not check.isChecked()
        assert shown_rows(dialog)["Kim Dal"]["Gemmes som"] == "Ny sag · ⚠ Rækken er skjult i Excel (fx af et filter)"
        assert (
            "⚠ Række 4 er skjult i Excel (fx af et filter), men importeres som de andre." in dialog.message_label.text()
        )
        click(qtbot, check)
        assert set(shown_rows(dialog)) == {"Hanne Møller", "Ib Øst"}
        assert "Række 4 er skjult i Excel (fx af et filter) og springes over, som du har valgt." in (
            dialog.message_label.text().splitlines()
        )
        click(qtbot, dialog.import_button)

    dialogs.then(user)
    window.import_action.trigger()
    assert sorted(saved_cases(db)) == ["H-1", "H-2"]


def test_the_file_dialog_offers_workbooks_with_macros(qtbot, store, files):
    dialog = ImportDialog(store, today=lambda: TODAY)
    qtbot.addWidget(dialog)
    click(qtbot, dialog.file_row.choose_button)  # Annuller: nothing queued
    [(_title, filters)] = files.asked
    assert filters.split(";;")[:2] == ["Sagsliste (*.xlsx *.xlsm *.csv)", "Excel-projektmappe (*.xlsx *.xlsm)"]


def test_a_list_open_in_excel_is_read_with_a_warning_and_its_lock_file_is_named(qtbot, store, files, tmp_path):
    from ..core.test_import_hidden import hidden_list

    path = hidden_list(tmp_path / "sagsliste.xlsx")
    lock = tmp_path / "~$sagsliste.xlsx"
    lock.write_bytes(b"\x0bAse B" + b" " * 160)
    dialog = ImportDialog(store, today=lambda: TODAY)
    qtbot.addWidget(dialog)
    pick(qtbot, dialog, files, path)
    assert (
        "⚠ Filen er åben i Excel: ændringer, der ikke er gemt, kommer ikke med. Har du rettet i den, så gem den i "
        "Excel, og læs den igen."
    ) in dialog.message_label.text().splitlines()
    pick(qtbot, dialog, files, lock)
    assert dialog.problem_label.text().startswith(
        "⚠ ~$sagsliste.xlsx er ikke en sagsliste, men en lille hjælpefil, som Excel laver, mens sagsliste.xlsx er åben"
    )
    assert not dialog.import_button.isEnabled()


def test_a_row_with_only_a_remark_is_skipped_with_its_text_in_the_preview(qtbot, store, files, tmp_path):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Navn", "Sagsnr.", "Forsøg", "Ansat", "Bemærkning"])
    sheet.append(["Hanne Møller", "H-1", "T08", datetime(2025, 3, 3), None])
    sheet.append([None, None, None, None, "NB: Husk ferie uge 29"])
    path = tmp_path / "med_note.xlsx"
    workbook.save(path)
    dialog = ImportDialog(store, today=lambda: TODAY)
    qtbot.addWidget(dialog)
    pick(qtbot, dialog, files, path)
    lines = dialog.message_label.text().splitlines()
    assert lines[0] == (
        "2 rækker læst fra med_note.xlsx (arket 'Sheet'); overskrifterne står i række 1. 1 ny sag, "
        "1 række kun med en bemærkning springes over."
    )
    assert "Række 3 har kun en bemærkning ('NB: Husk ferie uge 29') og ingen sag; den springes over." in lines
    assert errors_listed(dialog) == ["Ingen fejl: alle rækker kan gemmes."]
    assert list(shown_rows(dialog)) == ["Hanne Møller"]
    assert dialog.import_button.isEnabled()


def test_a_month_first_column_is_named_above_the_preview_and_its_dates_that_read_either_way_are_faults(
    qtbot, window, db, dialogs, files, message_boxes, tmp_path
):
    # A list from a US export: '7/13/2024' shows the column is month/day, so '7/1/2024' is 1 July or
    # 7 January; neither is saved, not even with Importér kun de gyldige rækker.
    path = tmp_path / "us.csv"
    path.write_bytes(
        "Navn;Sagsnummer;Forsøg;Ansat\r\nBo Berg;U-2;T08;7/1/2024\r\nIda Dam;U-3;T08;7/13/2024\r\n"
        "Ole Bæk;U-4;T08;5/5/2024\r\n".encode()
    )

    def user(dialog: ImportDialog) -> None:
        pick(qtbot, dialog, files, path)
        assert (
            "⚠ Kolonnen 'Ansat' ser ud til at have måned før dag (fx '7/13/2024' i række 3). Dens datoer, hvor dag "
            "og måned kan byttes om (som '7/1/2024'), gemmes ikke; ret datoerne i kolonnen til dd-mm-åååå (dagen "
            "først)."
        ) in dialog.message_label.text().splitlines()
        assert errors_listed(dialog)[:2] == [
            "Række 2, kolonne 'Ansat': Kolonnen 'Ansat' ser ud til at have måned før dag (fx '7/13/2024' i række 3), "
            "så '7/1/2024' kan være 1. juli 2024 eller 7. januar 2024; den gemmes ikke. Ret datoerne i kolonnen til "
            "dd-mm-åååå (dagen først), fx 01-07-2024 for 1. juli 2024",
            "Række 3, kolonne 'Ansat': '7/13/2024': der er ingen måned 13. Er datoen skrevet med måneden først? "
            "Skriv dagen først (dd-mm-åååå), fx 13-07-2024 for 13. juli 2024",
        ]
        assert shown_rows(dialog)["Bo Berg"]["Gemmes som"] == "⚠ Fejl – se Fejl"
        click(qtbot, dialog.options.only_valid_check)
        click(qtbot, dialog.import_button)

    dialogs.then(user)
    window.import_action.trigger()
    assert {ref: case[2] for ref, case in saved_cases(db).items()} == {"U-4": {"hire": date(2024, 5, 5)}}


def test_a_list_imported_elsewhere_while_the_preview_is_open_is_said_once_and_shown_again(
    qtbot, window, db, dialogs, files, message_boxes
):
    # A tester: a colleague's copy of the program imported the same list while this preview was
    # open. Nothing is saved, and the message says the preview is made again; before, it also said
    # to read the file again, which the dialog had already done.
    seen = {}

    def user(dialog: ImportDialog) -> None:
        pick(qtbot, dialog, files, XLSX)
        with CaseStore(db, clock=lambda: TODAY) as colleague:
            colleague.create_case(
                citizen="Jens Hansen", case_ref="2024-0412", trial_id="T08", dates={"hire": date(2024, 3, 1)}
            )
        seen["before"] = db.read_bytes()
        click(qtbot, dialog.import_button)
        qtbot.waitUntil(lambda: not dialog.reading, timeout=10_000)
        seen["states"] = {name: row["Gemmes som"] for name, row in shown_rows(dialog).items()}
        seen["after"] = db.read_bytes()
        dialog.reject()

    dialogs.then(user)
    window.import_action.trigger()
    [(_, title, text)] = [call[:3] for call in message_boxes.calls]
    assert text == (
        "1 af sagerne er gemt i databasen, siden listen blev læst (fx sag 2024-0412 (nr. 1) i forsøg T08). "
        "Intet er gemt. Forhåndsvisningen er lavet igen, så den findes som dublet; se den, og tryk Importér."
    )
    assert seen["states"]["Jens Hansen"] == "Findes allerede – springes over"
    assert seen["after"] == seen["before"]


def test_an_import_while_the_database_is_busy_saves_nothing_and_says_so_once(
    qtbot, window, store, db, dialogs, files, message_boxes
):
    import sqlite3

    def user(dialog: ImportDialog) -> None:
        pick(qtbot, dialog, files, XLSX)
        store._conn.execute("PRAGMA busy_timeout = 50")  # another program writes: waited for 50 ms, not 10 s
        other = sqlite3.connect(db, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        try:
            click(qtbot, dialog.import_button)
        finally:
            other.execute("ROLLBACK")
            other.close()

    dialogs.then(user)
    window.import_action.trigger()
    assert message_boxes.calls == [
        (
            "warning",
            "Importér sager",
            f"Databasen {db} er optaget af et andet program (fx en anden kopi af Opfølgningsfrister) og blev ikke "
            "ledig inden for 10 sekunder. Intet er gemt. Prøv igen om lidt.",
        )
    ]
    assert store.list_cases() == []


def test_an_import_into_a_write_protected_database_says_nothing_is_saved_once(
    qtbot, window, store, db, dialogs, files, message_boxes, monkeypatch
):
    # The store's own message says it ("intet kan gemmes i den"): not once more in front of it.
    import sqlite3

    from caseworker_app.store.opening import store_error

    def write_protected(*_args, **_kwargs):
        db.chmod(0o444)
        try:
            raise store_error(db, sqlite3.OperationalError("attempt to write a readonly database"))
        finally:
            db.chmod(0o644)

    monkeypatch.setattr("caseworker_app.ui.importing.dialog.save_import", write_protected)

    def user(dialog: ImportDialog) -> None:
        pick(qtbot, dialog, files, XLSX)
        click(qtbot, dialog.import_button)

    dialogs.then(user)
    window.import_action.trigger()
    assert message_boxes.calls == [
        (
            "warning",
            "Importér sager",
            f"Databasen {db} er skrivebeskyttet: filen kan kun læses, så intet kan gemmes i den. Fjern "
            "skrivebeskyttelsen af filen (i Stifinder: højreklik på filen › Egenskaber › fjern fluebenet ved "
            "Skrivebeskyttet), eller spørg IT.\n\nTeknisk oplysning til IT: attempt to write a readonly database",
        )
    ]
    assert store.list_cases() == []


def test_an_undo_that_meets_a_disk_fault_says_it_in_one_box_and_the_list_fault_in_the_status_line(
    qtbot, window, db, dialogs, files, message_boxes, monkeypatch
):
    import sqlite3

    from caseworker_app.store.opening import store_error
    from caseworker_app.ui.importing import undo_dialog

    import_through_menu(qtbot, window, dialogs, files, XLSX)
    message_boxes.calls.clear()  # the import's own summary
    fault = store_error(db, sqlite3.OperationalError("disk I/O error"))
    read_once = undo_dialog.import_batches

    def failing_disk(*_args, **_kwargs):
        raise fault

    seen = {}

    def user(dialog: UndoImportDialog) -> None:
        monkeypatch.setattr(undo_dialog, "undo_import", failing_disk)
        monkeypatch.setattr(undo_dialog, "import_batches", failing_disk)  # the list's reading fails as well
        message_boxes.answer(Yes)
        click(qtbot, dialog.undo_button)
        seen["status"] = dialog.status.text()
        monkeypatch.setattr(undo_dialog, "import_batches", read_once)

    dialogs.then(user)
    window.undo_import_action.trigger()
    told = (
        f"Databasen {db} kunne ikke bruges. Intet er gemt. Prøv igen; sker det igen, så kontakt IT.\n\n"
        "Teknisk oplysning til IT: disk I/O error"
    )
    assert [call for call in message_boxes.calls if call[0] != "question"] == [("warning", "Fortryd import", told)]
    assert seen["status"] == f"⚠ Listen over importer kunne ikke læses igen. {told}"
    assert saved_cases(db) == XLSX_CASES
