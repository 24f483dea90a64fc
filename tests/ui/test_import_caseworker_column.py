"""A caseworker's own list whose caseworker column is headed 'Sagsbeh.' (a tester's list): imported
through the window, a colleague's case stays the colleague's and is not among 'mine'; and a column of
names the program does not recognise is named above the preview, where the caseworker reads it."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QSettings

from caseworker_app.store import CaseStore
from caseworker_app.ui.importing.dialog import FORHAANDSVISNING, ImportDialog
from caseworker_app.ui.mainwindow import MainWindow, Tab
from caseworker_app.ui.overview import CaseColumn

from .test_import_dialog import Files, import_through_menu, pick, shown_rows

TODAY = date(2026, 11, 30)
HEADERS = ["Borger", "CPR-nr", "Sagsnr.", "Forsøg", "Ansat d.", "Visiteret", "Sidste opf.", "Sagsbeh.", "Noter"]
ROWS = [
    ["Jens Hansen", None, "2023-0101", "T08", datetime(2023, 3, 1), None, datetime(2025, 9, 1), "Mette Kjær", None],
    ["Karen Lund", None, "2024-0200", "T08", datetime(2024, 5, 15), None, datetime(2026, 2, 10), "Lars Poulsen", None],
    ["Peter Holm", None, "2024-0301", "T07", None, datetime(2021, 2, 1), None, "Mette Kjær", None],
    ["Sofie Dahl", None, "2024-0401", "T08", datetime(2022, 10, 3), None, None, "mette  kjær", None],
]


def mettes_list(path: Path, headers=HEADERS) -> Path:
    """As the tester's sagsliste_mette.xlsx: a title over the list, the headers in row 3."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Mine sager"
    sheet["A1"] = "Sagsliste – frikommuneforsøg, Mette Kjær"
    sheet.append([])
    sheet.append(headers)
    for row in ROWS:
        sheet.append(row)
    workbook.save(path)
    return path


@pytest.fixture
def store(tmp_path):
    case_store = CaseStore(tmp_path / "sager.db", clock=lambda: TODAY)
    settings = case_store.settings()
    settings.caseworker_name = "Mette Kjær"
    case_store.save_settings(settings)
    yield case_store
    case_store.close()


@pytest.fixture
def window(qtbot, store, tmp_path):
    settings = QSettings(str(tmp_path / "vindue.ini"), QSettings.Format.IniFormat)
    window = MainWindow(store, today=lambda: TODAY, settings=settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(window.case_list_current)
    return window


@pytest.fixture
def files(monkeypatch) -> Files:
    return Files(monkeypatch)


def case_names(window: MainWindow) -> list[str]:
    model = window.case_model
    return sorted(model.index(r, CaseColumn.CITIZEN).data() for r in range(model.rowCount()))


def test_a_colleagues_case_in_a_list_headed_sagsbeh_is_not_among_mine(qtbot, window, store, dialogs, files, tmp_path):
    def check(dialog: ImportDialog) -> None:
        assert dialog.mapping_view.mapping().fields[7] == "caseworker"  # 'Sagsbeh.'
        assert "har navne, men bruges ikke" not in dialog.message_label.text()

    import_through_menu(qtbot, window, dialogs, files, mettes_list(tmp_path / "sagsliste_mette.xlsx"), check)
    saved = {case.citizen: case.caseworker for case in store.list_cases()}
    assert saved == {
        "Jens Hansen": "Mette Kjær",
        "Karen Lund": "Lars Poulsen",
        "Peter Holm": "Mette Kjær",
        "Sofie Dahl": "Mette Kjær",  # 'mette  kjær' is the caseworker of Indstillinger: spelt as there
    }
    window.tabs.setCurrentIndex(Tab.CASES)
    assert case_names(window) == ["Jens Hansen", "Peter Holm", "Sofie Dahl"]
    assert window.case_scope.text() == "Viser Mette Kjærs sager – 3 af 4"
    window.caseworker_filter.setCurrentIndex(window.caseworker_filter.findData("Lars Poulsen"))
    assert case_names(window) == ["Karen Lund"]  # the colleague can filter to it


def test_a_column_of_names_left_out_is_warned_about_above_the_preview(qtbot, window, store, dialogs, files, tmp_path):
    headers = [*HEADERS[:7], "Hvem", HEADERS[8]]  # a header the program does not know
    seen = {}

    def user(dialog: ImportDialog) -> None:
        pick(qtbot, dialog, files, mettes_list(tmp_path / "hvem.xlsx", headers))
        assert dialog.tabs.currentIndex() == FORHAANDSVISNING
        seen["text"] = dialog.message_label.text()
        seen["shown"] = dialog.message_label.isVisible()
        seen["above"] = dialog.message_label.mapTo(dialog, dialog.message_label.rect().bottomLeft()).y() <= (
            dialog.tabs.mapTo(dialog, dialog.tabs.rect().topLeft()).y()
        )
        dialog.reject()

    dialogs.then(user)
    window.import_action.trigger()
    assert (
        "⚠ Kolonnen 'Hvem' har navne, men bruges ikke, og ingen kolonne er valgt som 'Sagsbehandler'. Er det "
        "sagsbehandleren, så vælg 'Sagsbehandler' til kolonnen: ellers gemmes sagerne uden sagsbehandler og "
        "vises for alle sagsbehandlere, også i 'mine frister'."
    ) in seen["text"].splitlines()
    assert seen["shown"] and seen["above"]
    assert store.list_cases() == []


def test_the_preview_shows_a_known_caseworker_as_saved_and_says_the_spelling_changes(
    qtbot, window, store, dialogs, files, tmp_path
):
    # A tester: 'anne jensen' in the list beside Anne Jensen of the program was saved as typed, so the
    # Sagsbehandler column and printed lists showed both spellings.
    seen = {}

    def check(dialog: ImportDialog) -> None:
        rows = shown_rows(dialog)
        seen["caseworkers"] = {name: row["Sagsbehandler"] for name, row in rows.items()}
        seen["notes"] = dialog.message_label.text().splitlines()

    import_through_menu(qtbot, window, dialogs, files, mettes_list(tmp_path / "sagsliste_mette.xlsx"), check)
    assert seen["caseworkers"] == {
        "Jens Hansen": "Mette Kjær",
        "Karen Lund": "Lars Poulsen",
        "Peter Holm": "Mette Kjær",
        "Sofie Dahl": "Mette Kjær",
    }
    assert (
        "Sagsbehandler 'mette kjær' gemmes som 'Mette Kjær', som navnet står i programmet (række 7)." in seen["notes"]
    )
    assert {case.caseworker for case in store.list_cases()} == {"Mette Kjær", "Lars Poulsen"}


def test_the_preview_warns_of_a_name_only_like_the_own_caseworker_name(qtbot, window, store, dialogs, files, tmp_path):
    # A tester: 'Mette K. Sørensen' was saved as another caseworker without a word beside her own name.
    settings = store.settings()
    settings.caseworker_name = "Mette Kjær Sørensen"
    store.save_settings(settings)
    seen = {}

    def check(dialog: ImportDialog) -> None:
        seen["notes"] = dialog.message_label.text().splitlines()

    path = tmp_path / "sagsliste.xlsx"
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(HEADERS)
    sheet.append(["Jens Hansen", None, "2023-0101", "T08", datetime(2023, 3, 1), None, None, "Mette K. Sørensen", None])
    workbook.save(path)
    import_through_menu(qtbot, window, dialogs, files, path, check)
    assert (
        "⚠ Sagsbehandler 'Mette K. Sørensen' (række 2) ligner 'Mette Kjær Sørensen' – er det samme person? "
        "Ret navnet i regnearket, eller gem det som en anden sagsbehandler."
    ) in seen["notes"]
