"""The import's summary counts each row once, as what it is; and a list whose every row is left out
says why, not that the file has no rows."""

from __future__ import annotations

from datetime import date

import openpyxl
import pytest

from caseworker_app.services import importing
from caseworker_app.store import CaseStore
from caseworker_app.ui.importing.options import block_reason

TODAY = date(2026, 11, 30)


@pytest.fixture
def store(tmp_path):
    with CaseStore(tmp_path / "sager.db", clock=lambda: TODAY) as store:
        yield store


def csv_table(tmp_path, *rows, name="liste.csv"):
    path = tmp_path / name
    path.write_bytes(("\r\n".join(["Navn;Sagsnr;Forsøg;Ansat", *rows]) + "\r\n").encode("utf-8"))
    return importing.read_source(path)


def preview_of(store, table, **options):
    return importing.build_preview(store, table, importing.guess_mapping(table.headers), TODAY, **options)


def test_a_row_repeating_a_fasit_number_that_exists_is_counted_once_as_a_fault(store, tmp_path):
    importing.save_import(store, preview_of(store, csv_table(tmp_path, "Jens Hansen;2024-0412;T08;01-03-2024")))
    again = csv_table(
        tmp_path,
        "Jens Hansen;2024-0412;T08;01-03-2024",
        "Jens Hansen;2024-0412;T08;01-04-2024",  # the same case twice in the list
        "Bo Berg;2024-0500;T08;01-03-2024",
        name="igen.csv",
    )
    preview = preview_of(store, again)
    first, repeat, new = preview.rows
    assert (first.duplicate_of, first.errors) == (1, ())
    assert repeat.duplicate_of is None
    assert [e.text for e in repeat.errors] == [
        "Række 3, kolonne 'Sagsnr': Samme FASIT-sagsnummer og forsøg som række 2. Slet den ene af rækkerne"
    ]
    assert new.ok and new.duplicate_of is None
    assert preview.summary() == (
        "3 rækker læst fra igen.csv; overskrifterne står i række 1. 1 ny sag, 1 findes allerede (samme "
        "FASIT-sagsnummer og forsøg), de springes over, 1 række med fejl."
    )
    assert preview.summary("update") == (
        "3 rækker læst fra igen.csv; overskrifterne står i række 1. 1 ny sag, 1 findes allerede (samme "
        "FASIT-sagsnummer og forsøg), heraf opdateres 0, 1 række med fejl."
    )  # row 2 has the values the case has: nothing to update


def hidden_and_sum_list(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in [
        ["Navn", "Sagsnr", "Forsøg", "Ansat"],
        ["Jens Hansen", "2024-0412", "T08", "01-03-2024"],
        ["Mette Holm", "2024-0413", "T08", "01-03-2024"],
        ["I alt", None, None, None],
    ]:
        ws.append(row)
    ws.row_dimensions[2].hidden = True  # a filter hides the colleague's cases
    ws.row_dimensions[3].hidden = True
    wb.save(path)
    return path


def test_every_row_hidden_and_left_out_or_a_sum_row_is_said_so(store, tmp_path):
    table = importing.read_source(hidden_and_sum_list(tmp_path / "filter.xlsx"))
    preview = preview_of(store, table, skip_hidden=True)
    text = (
        "Der er ingen sager at importere: rækkerne 2 og 3 er skjult i Excel (fx af et filter) og springes over, "
        "som du har valgt; række 4 er en sumrække ('I alt') uden sag."
    )
    assert preview.rows == ()
    assert preview.nothing_text() == text
    assert block_reason(preview, importing.SKIP, only_valid=False) == (
        f"{text} Fjern fluebenet ved Spring skjulte rækker over for at importere de skjulte rækker."
    )
    with pytest.raises(importing.ImportRefusedError) as refused:
        importing.save_import(store, preview)
    assert str(refused.value) == text
    # Imported with the hidden rows, there is something to import.
    assert preview_of(store, table).nothing_text() == ""


def test_a_list_of_sum_rows_only(store, tmp_path):
    preview = preview_of(store, csv_table(tmp_path, "I alt;;;", "Total:;;;"))
    assert block_reason(preview, importing.SKIP, only_valid=False) == (
        "Der er ingen sager at importere: rækkerne 2 og 3 er sumrækker ('I alt') uden sag."
    )


def test_a_file_with_no_rows_under_the_headers_says_that(store, tmp_path):
    preview = preview_of(store, csv_table(tmp_path))
    assert block_reason(preview, importing.SKIP, only_valid=False) == (
        "liste.csv har ingen rækker med sager under overskrifterne."
    )
