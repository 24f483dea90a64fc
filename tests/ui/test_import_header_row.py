"""The import dialog's header row: found by the program (a header over two rows too, named in the
choice and the summary), or chosen by the user when the program found the wrong one."""

from __future__ import annotations

import openpyxl
import pytest

from caseworker_app.ui.importing.dialog import ImportDialog

from .test_import_dialog import TODAY, Files, pick, shown_rows


@pytest.fixture
def files(monkeypatch) -> Files:
    return Files(monkeypatch)


@pytest.fixture
def dialog(qtbot, store):
    dialog = ImportDialog(store, today=lambda: TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def choose_header_row(qtbot, dialog, text):
    """The user opens 'Overskrifter i række' and picks an entry."""
    combo = dialog.file_row.header_combo
    index = combo.findText(text)
    assert index >= 0, text
    combo.setCurrentIndex(index)
    combo.activated.emit(index)
    qtbot.waitUntil(lambda: not dialog.reading, timeout=10_000)


def test_a_header_over_two_rows_is_found_and_named(qtbot, dialog, files, tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sager"
    for column, header in zip("ABC", ["Navn", "Sagsnr.", "Forsøg"], strict=True):
        ws[f"{column}1"] = header
        ws.merge_cells(f"{column}1:{column}2")
    ws["D1"] = "Datoer"
    ws.merge_cells("D1:E1")
    ws["D2"], ws["E2"] = "Ansat", "Sidste opf."
    ws.append(["Søren Østergaard", "2024-0412", "T08", "15-08-2023", "15-03-2025"])
    path = tmp_path / "tohdr.xlsx"
    wb.save(path)
    pick(qtbot, dialog, files, path)
    assert dialog.file_row.header_combo.isVisible()
    assert dialog.file_row.header_combo.currentText() == "find selv (række 1 og 2)"
    assert dialog.message_label.text().splitlines()[:2] == [
        "1 række læst fra tohdr.xlsx (arket 'Sager'); overskrifterne står i række 1 og 2. 1 ny sag.",
        "Overskrifterne står over to rækker og er læst som én overskrift pr. kolonne.",
    ]
    assert [name.text() for name in dialog.mapping_view.names] == [
        "A: Navn",
        "B: Sagsnr.",
        "C: Forsøg",
        "D: Ansat",
        "E: Sidste opf.",
    ]
    assert [combo.currentText() for combo in dialog.mapping_view.combos] == [
        "Borgerens navn",
        "FASIT-sagsnummer",
        "Forsøg",
        "Ansættelse i løntilskud",
        "Seneste opfølgning",
    ]
    assert set(shown_rows(dialog)) == {"Søren Østergaard"}
    assert dialog.import_button.isEnabled()


def test_the_user_chooses_the_header_row_and_reading_again_keeps_it(qtbot, dialog, files, tmp_path):
    # Row 1 names more fields than row 3 (a second header, of the list the user wants), so the
    # program finds row 1; the user chooses row 3.
    path = tmp_path / "to-lister.csv"
    lines = ["Navn;Sagsnr;Forsøg;Ansat", "", "Borger;Sag;Forsøgskode;Dato", "Jens Hansen;2024-1;T08;01-03-2024"]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("utf-8"))
    pick(qtbot, dialog, files, path)
    assert dialog.file_row.header_combo.currentText() == "find selv (række 1)"
    assert set(shown_rows(dialog)) == {"Borger", "Jens Hansen"}
    choose_header_row(qtbot, dialog, "3")
    assert dialog.table.header_row == 3
    assert dialog.table.headers == ("Borger", "Sag", "Forsøgskode", "Dato")
    assert dialog.message_label.text().startswith("1 række læst fra to-lister.csv; overskrifterne står i række 3.")
    assert dialog.file_row.header_combo.currentText() == "3"
    dialog.file_row.reread_button.click()
    qtbot.waitUntil(lambda: not dialog.reading, timeout=10_000)
    assert (dialog.table.header_row, dialog.file_row.header_combo.currentText()) == (3, "3")
    choose_header_row(qtbot, dialog, "find selv")
    assert (dialog.table.header_row, dialog.file_row.header_combo.currentText()) == (1, "find selv (række 1)")


def test_an_empty_row_chosen_is_said_and_can_be_chosen_again(qtbot, dialog, files, tmp_path):
    path = tmp_path / "l.csv"
    path.write_bytes("Navn;Sagsnr;Forsøg\r\nJens Hansen;2024-1;T08\r\n".encode())
    pick(qtbot, dialog, files, path)
    choose_header_row(qtbot, dialog, "5")
    assert dialog.problem_label.text() == (
        "⚠ Række 5 i l.csv er tom eller findes ikke. Vælg overskriftsrækken igen. Intet er gemt."
    )
    assert dialog.file_row.header_combo.isVisible() and not dialog.import_button.isEnabled()
    choose_header_row(qtbot, dialog, "1")
    assert dialog.problem_label.isHidden()
    assert set(shown_rows(dialog)) == {"Jens Hansen"}
    assert dialog.file_row.header_label.text() == "Overskrif&ter i række:"
