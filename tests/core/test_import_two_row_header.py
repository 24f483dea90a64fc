"""A header over two rows (cells merged down over both, a group title merged over sub-headers) is read
as one header per column, and the cases start under it; a header with its first case under it stays
one row."""

from __future__ import annotations

from datetime import date, datetime

import openpyxl
import pytest

from caseworker_app.core.import_header import joined_header
from caseworker_app.core.import_mapping import guess_mapping
from caseworker_app.core.import_read import read_source


def cells(table):
    return [(row.number, row.cells) for row in table.rows]


def make_testers_list(path):
    """The tester's list (make_twohdr.py): A–D and G merged down over rows 1–2, 'Datoer' over E:F."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sager"
    for column, header in zip("ABCDG", ["Navn", "CPR", "Sagsnr.", "Forsøg", "Sagsbehandler"], strict=True):
        ws[f"{column}1"] = header
        ws.merge_cells(f"{column}1:{column}2")
    ws["E1"] = "Datoer"
    ws.merge_cells("E1:F1")
    ws["E2"] = "Ansat"
    ws["F2"] = "Sidste opf."
    ws.append(["Søren Østergaard", "010190-1234", "2024-0412", "T08", date(2023, 8, 15), date(2025, 3, 15), "Åse B"])
    ws.append(["Mette Ærtebjerg", "020385-1234", "2024-0413", "T08", date(2024, 2, 1), date(2025, 3, 3), "Åse B"])
    wb.save(path)
    return path


TESTERS_HEADERS = ("Navn", "CPR", "Sagsnr.", "Forsøg", "Ansat", "Sidste opf.", "Sagsbehandler")


@pytest.mark.parametrize("header_row", [None, 1, 2])
def test_the_testers_merged_two_row_header_is_one_header_per_column(tmp_path, header_row):
    table = read_source(make_testers_list(tmp_path / "tohdr.xlsx"), header_row=header_row)
    assert table.headers == TESTERS_HEADERS
    assert (table.header_first, table.header_row, table.header_rows_text) == (1, 2, "række 1 og 2")
    assert cells(table) == [
        (
            3,
            (
                "Søren Østergaard",
                "010190-1234",
                "2024-0412",
                "T08",
                datetime(2023, 8, 15),
                datetime(2025, 3, 15),
                "Åse B",
            ),
        ),
        (
            4,
            ("Mette Ærtebjerg", "020385-1234", "2024-0413", "T08", datetime(2024, 2, 1), datetime(2025, 3, 3), "Åse B"),
        ),
    ]
    assert table.notes[-1] == "Overskrifterne står over to rækker og er læst som én overskrift pr. kolonne."
    assert table.merged == ()  # the header merged down is no value of a case
    mapping = guess_mapping(table.headers)
    assert mapping.fields == ("citizen", "cpr", "case_ref", "trial_id", "hire", "last_followup", "caseworker")


def test_group_titles_over_the_header_row_found(tmp_path):
    # Row 1 only groups (each merged over two columns); row 2 names the fields and is found as the header.
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Borger", None, "Sag", None, "Datoer", None])
    ws.append(["Navn", "CPR", "Sagsnr", "Forsøg", "Ansat", "Opfølgning"])
    ws.append(["Jens Hansen", None, "2024-1", "T08", "01-03-2024", "01-02-2025"])
    for cell_range in ("A1:B1", "C1:D1", "E1:F1"):
        ws.merge_cells(cell_range)
    path = tmp_path / "grupper.xlsx"
    wb.save(path)
    table = read_source(path)
    # 'Borger Navn' is a name the program knows; 'Borger CPR' is not, so the sub-header alone.
    assert table.headers == ("Borger Navn", "CPR", "Sagsnr", "Forsøg", "Ansat", "Opfølgning")
    assert (table.header_first, table.header_row) == (1, 2)
    assert cells(table) == [(3, ("Jens Hansen", None, "2024-1", "T08", "01-03-2024", "01-02-2025"))]
    assert guess_mapping(table.headers).fields == ("citizen", "cpr", "case_ref", "trial_id", "hire", "last_followup")


def test_a_csv_saved_from_merged_cells_has_the_group_title_over_empty_cells(tmp_path):
    path = tmp_path / "l.csv"
    lines = ["Navn;Sagsnr;Forsøg;Datoer;", ";;;Ansat;Sidste opf.", "Jens Hansen;2024-1;T08;01-03-2024;01-02-2025"]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("utf-8"))
    table = read_source(path)
    assert table.headers == ("Navn", "Sagsnr", "Forsøg", "Ansat", "Sidste opf.")
    assert (table.header_first, table.header_row, table.header_rows_text) == (1, 2, "række 1 og 2")
    assert cells(table) == [(3, ("Jens Hansen", "2024-1", "T08", "01-03-2024", "01-02-2025"))]


@pytest.mark.parametrize(
    "lines",
    [
        # A first case of text only: its name stands under "Navn".
        ["Navn;Sagsnr;Forsøg", "Jens Hansen;2024-1;T08"],
        # A case whose only cells stand under a title over empty cells: a date is no sub-header.
        ["Navn;Sagsnr;Datoer;", ";;01-03-2024;01-02-2025"],
        # The headers given in row 1 by the user, with a row of text under them that is no group.
        ["a;b", "Navn;Sagsnr", "Jens;1"],
        # One title over the list: no header over two rows.
        ["Sagsliste;;", "Navn;Sagsnr;Forsøg", "Jens;1;T08"],
    ],
)
def test_a_row_under_the_header_that_is_no_second_header_row_stays_a_row(tmp_path, lines):
    path = tmp_path / "l.csv"
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("utf-8"))
    table = read_source(path, header_row=1 if lines[0] == "a;b" else None)
    assert table.header_first == table.header_row
    assert table.header_rows_text == f"række {table.header_row}"
    assert not any("to rækker" in note for note in table.notes)


def test_the_case_under_a_header_merged_into_it_stays_a_case(tmp_path):
    # 'Sagsnr' merged down into the first case (B2:B3): row 3 is a case with a name, not a header row.
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Navn", "Sagsnr", "Forsøg", "Datoer", None])
    ws.append(["Jens Hansen", None, "T08", "01-03-2024", "01-02-2025"])
    ws.merge_cells("B1:B2")
    ws.merge_cells("D1:E1")
    path = tmp_path / "l.xlsx"
    wb.save(path)
    table = read_source(path)
    assert (table.header_first, table.header_row) == (1, 1)
    assert table.headers == ("Navn", "Sagsnr", "Forsøg", "Datoer", "Kolonne E")
    assert [row.number for row in table.rows] == [2]


@pytest.mark.parametrize(
    ("title", "sub", "header", "field"),
    [
        ("Datoer", "Ansat", "Ansat", "hire"),  # the sub-header names the field alone
        ("Næste", "Opfølgning", "Næste Opfølgning", "agreed"),  # together a name: never the last follow-up
        ("Sagsbehandler", "Navn", "Sagsbehandler Navn", "caseworker"),  # never the citizen
        ("Datoer", "Dato 1", "Datoer Dato 1", None),
        ("Datoer", "", "Datoer", None),
        ("", "Sagsnr", "Sagsnr", "case_ref"),
    ],
)
def test_a_columns_header_from_its_group_title_and_its_own(title, sub, header, field):
    assert joined_header(title, sub) == header
    assert guess_mapping([header]).fields == (field,)
