"""Columns and rows a workbook hides in Excel, sum rows under a list, and Excel's lock file: each read
and named as a caseworker would want, never used or dropped unseen."""

from __future__ import annotations

import io
from datetime import date

import openpyxl
import pytest

from caseworker_app.core.import_hidden import hidden_column_notes, hidden_parts, hidden_rows_note
from caseworker_app.core.import_mapping import guess_mapping
from caseworker_app.core.import_read import read_source
from caseworker_app.core.import_table import ImportFileError, SourceRow
from caseworker_app.core.import_totals import is_total_row, total_rows_note

HEADERS = ["Navn", "Sagsnr.", "Forsøg", "Ansat", "Sidste opfølgning", "Seneste opfølgning", "Sagsbehandler"]


def hidden_list(path):
    """The tester's skjult.xlsx: column E hidden (old follow-ups), row 4 hidden by a filter."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(HEADERS)
    sheet.append(["Hanne Møller", "H-1", "T08", date(2023, 3, 1), date(2024, 4, 1), date(2025, 10, 1), "Åse"])
    sheet.append(["Ib Øst", "H-2", "T08", date(2023, 3, 1), date(2024, 5, 1), date(2025, 11, 3), "Åse"])
    sheet.append(["Kim Dal", "H-3", "T08", date(2023, 3, 1), None, date(2025, 9, 1), "Bo"])
    sheet.column_dimensions["E"].hidden = True
    sheet.row_dimensions[4].hidden = True
    sheet.auto_filter.ref = "A1:G4"
    workbook.save(path)
    return path


def test_the_reader_knows_which_columns_and_rows_excel_hides(tmp_path):
    table = read_source(hidden_list(tmp_path / "skjult.xlsx"))
    assert table.hidden_columns == {4}  # E
    assert table.hidden_rows == {4}
    assert [row.number for row in table.rows] == [2, 3, 4]  # read all the same: never dropped unseen


def test_a_list_with_nothing_hidden_has_no_hidden_parts(tmp_path):
    workbook = openpyxl.Workbook()
    workbook.active.append(HEADERS)
    workbook.active.append(["Hanne Møller", "H-1", "T08", date(2023, 3, 1), None, None, "Åse"])
    workbook.active.column_dimensions["E"].width = 30  # a <col> without hidden
    workbook.save(tmp_path / "synlig.xlsx")
    table = read_source(tmp_path / "synlig.xlsx")
    assert (table.hidden_columns, table.hidden_rows) == (frozenset(), frozenset())


def test_hidden_parts_of_a_sheet_xml_cut_between_chunks():
    # A range of columns (C:D), a prefixed tag, 'true' for '1'; a row not hidden is not named.
    xml = (
        b'<x:worksheet><x:cols><x:col min="3" max="4" width="0" hidden="true"/><x:col min="6" max="6"/></x:cols>'
        + b'<x:sheetData><x:row r="2" spans="1:3"></x:row>'
        + b" " * ((1 << 20) - 40)
        + b'<x:row r="70" spans="1:7" ht="0" hidden="1" customHeight="1"><x:c r="A70"/></x:row></x:sheetData>'
    )
    found = hidden_parts(io.BytesIO(xml))
    assert (found.columns, found.rows) == ({2, 3}, {70})


def test_the_notes_name_a_hidden_column_used_and_one_left_for_a_visible_column(tmp_path):
    table = read_source(hidden_list(tmp_path / "skjult.xlsx"))
    guessed = guess_mapping(table.headers, hidden=table.hidden_columns)
    assert hidden_column_notes(table, guessed) == (
        "Kolonne E 'Sidste opfølgning' er skjult i Excel og bruges ikke: 'Seneste opfølgning' læses fra "
        "kolonne F 'Seneste opfølgning', der er synlig.",
    )
    chosen = guessed.with_field(4, "last_followup")  # the user picks the hidden one after all
    assert hidden_column_notes(table, chosen) == (
        "⚠ Kolonne E 'Sidste opfølgning' er skjult i Excel, men bruges som 'Seneste opfølgning'. En skjult "
        "kolonne er tit en gammel: kontrollér, at det er den rigtige, eller vælg et andet felt til den. "
        "Kolonne F 'Seneste opfølgning' er synlig og kan også være 'Seneste opfølgning'.",
    )


def test_the_hidden_rows_note_names_the_rows():
    assert hidden_rows_note([7], left_out=False) == (
        "⚠ Række 7 er skjult i Excel (fx af et filter), men importeres som de andre. Er det fx en kollegas "
        "sager, så vælg at springe skjulte rækker over."
    )
    assert hidden_rows_note([7, 9, 12], left_out=True) == (
        "Rækkerne 7, 9 og 12 er skjult i Excel (fx af et filter) og springes over, som du har valgt."
    )
    assert hidden_rows_note([], left_out=False) == ""


# ---------------------------------------------------------------- sum rows


@pytest.mark.parametrize(
    ("cells", "total"),
    [
        (("I alt", None, None, 12), True),
        (("I ALT:", None, None, None), True),
        (("Total", None, None), True),
        (("Sum", None, None), True),
        ((None, "I alt Åse", None), True),  # the first cell not empty: here the FASIT number's column
        (("I alt", "2024-0001", "T08"), False),  # a FASIT number: a case, checked as one
        (("Sumaya Ali", "2024-0002", "T08"), False),
        (("Ialtsen", None, None), False),
        ((None, None, "Total"), True),
        (("Hanne Møller", None, "Total"), False),  # a name: a case without a FASIT number
        # A count under the FASIT numbers ('=COUNTA(B4:B10)' shows 7) in a list of 9 rows: no case.
        (("I alt", 7, None), True),
        (("Total:", 7.0, None), True),
        (("Sum", "7", None), True),
        (("I alt", 10, None), False),  # more than the list's rows: no count of them, a FASIT number
        (("I alt", True, None), False),
        (("Hanne Møller", 7, None), False),  # a name: a case
    ],
)
def test_a_sum_row_is_one_whose_first_cell_says_so_and_that_has_no_case(cells, total):
    mapping = guess_mapping(["Navn", "Sagsnr", "Forsøg", "Antal"][: len(cells)])
    assert is_total_row(SourceRow(9, cells), mapping, 9) is total


def test_the_sum_rows_note():
    assert total_rows_note([SourceRow(12, ("I alt", None, 4))]) == (
        "Række 12 ('I alt') er en sumrække uden sag og springes over."
    )
    assert total_rows_note([SourceRow(5, (" Total ",)), SourceRow(9, ("Total",))]) == (
        "Rækkerne 5 og 9 ('Total' …) er sumrækker uden sag og springes over."
    )


# ---------------------------------------------------------------- Excel's lock file


def test_a_list_open_in_excel_is_read_with_a_warning(tmp_path):
    path = hidden_list(tmp_path / "sagsliste.xlsx")
    assert read_source(path).notes == ()
    (tmp_path / "~$sagsliste.xlsx").write_bytes(b"\x0bAse B" + b" " * 160)
    assert read_source(path).notes == (
        "⚠ Filen er åben i Excel: ændringer, der ikke er gemt, kommer ikke med. Har du rettet i den, så gem den "
        "i Excel, og læs den igen.",
    )


def test_a_csv_open_in_libreoffice_is_read_with_a_warning(tmp_path):
    path = tmp_path / "liste.csv"
    path.write_bytes("Navn;Sagsnr;Forsøg\r\nBo Berg;1;T08\r\n".encode())
    (tmp_path / ".~lock.liste.csv#").write_text(",Åse,pc,30.11.2026 10:00,file:///home/aase;")
    assert read_source(path).notes[-1].startswith("⚠ Filen er åben i LibreOffice: ændringer, der ikke er gemt")


def test_choosing_excels_lock_file_says_what_it_is_and_which_file_to_choose(tmp_path):
    lock = tmp_path / "~$sagsliste.xlsx"
    lock.write_bytes(b"\x0bAse B" + b" " * 160)
    with pytest.raises(ImportFileError) as raised:
        read_source(lock)
    assert str(raised.value) == (
        "~$sagsliste.xlsx er ikke en sagsliste, men en lille hjælpefil, som Excel laver, mens sagsliste.xlsx er "
        "åben (den forsvinder, når filen lukkes). Vælg sagsliste.xlsx – og gem den i Excel først, så dine seneste "
        "ændringer kommer med."
    )


def test_a_real_workbook_whose_name_begins_with_the_lock_prefix_is_read(tmp_path):
    table = read_source(hidden_list(tmp_path / "~$liste.xlsx"))
    assert [row.number for row in table.rows] == [2, 3, 4]
