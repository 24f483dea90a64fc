"""Spreadsheet export: Danish Excel CSV, xlsx date cells, formula neutralisation, masked CPR."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime

import openpyxl
import pytest

from caseworker_app.core.atomic import WriteError, atomic_write
from caseworker_app.core.event import Event
from caseworker_app.core.spreadsheet import (
    case_table,
    csv_bytes,
    deadline_table,
    export_cases,
    export_deadlines,
    neutralise,
)
from tests.export_samples import cpr_for, deadlines, jens_hansen, t08_cases


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ('=HYPERLINK("http://x","klik")', '\'=HYPERLINK("http://x","klik")'),
        ("+4512345678", "'+4512345678"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r=1+1"),
        ("Anne-Marie Sørensen", "Anne-Marie Sørensen"),
        ("Jens = Hansen", "Jens = Hansen"),
    ],
)
def test_dangerous_first_characters_get_an_apostrophe(text, shown):
    assert neutralise(text) == shown


def evil_case():
    """Name and note that would be formulas; hired the day after Jens Hansen, listed after him."""
    return jens_hansen()._replace(
        id=18,
        citizen='=HYPERLINK("http://evil","Jens")',
        note="@SUM(1)",
        dates={"hire": date(2018, 9, 1)},
    )


def read_csv(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))


def test_deadline_csv_for_danish_excel():
    data = csv_bytes(deadline_table(deadlines([jens_hansen(), evil_case()])))
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 byte-order mark
    first_line = data[3:].split(b"\r\n")[0].decode("utf-8")
    assert first_line.startswith("Borger;Sagsnr. (FASIT);Forsøg;Sagsbehandler;Hvad;Frist;")
    rows = read_csv(data)
    header, jens, evil = rows[0], rows[1], rows[2]
    row = dict(zip(header, jens, strict=True))
    assert row["Borger"] == "Jens Hansen"
    assert row["Frist"] == "28-02-2021"
    assert row["Senest i praksis"] == "26-02-2021"
    assert row["Fridag"] == "søndag"
    assert row["Status"] == "snart"
    assert row["Almindelig regel ville give"] == "28-02-2019"
    assert row["Henvisning"].endswith("(BEK nr. 529 af 23/05/2018)")
    assert evil[0] == '\'=HYPERLINK("http://evil","Jens")'


def test_case_csv_masks_cpr_and_neutralises_notes():
    cases = [*t08_cases(3), evil_case()]
    data = csv_bytes(case_table(cases))
    text = data.decode("utf-8-sig")
    for i in range(3):
        assert cpr_for(i) not in text and cpr_for(i).replace("-", "") not in text
    rows = read_csv(data)
    header = rows[0]
    assert header[:4] == ["Borger", "CPR-nr.", "Sagsnr. (FASIT)", "Forsøg"]
    assert "Ansættelse i løntilskud" in header
    first = dict(zip(header, rows[1], strict=True))
    assert first["CPR-nr."] == "010160-xxxx"
    assert first["Ansættelse i løntilskud"] == "01-07-2018"
    assert dict(zip(header, rows[4], strict=True))["Bemærkning"] == "'@SUM(1)"


def test_deadline_xlsx_has_date_cells_and_a_bold_header(tmp_path):
    path = tmp_path / "frister.xlsx"
    export_deadlines(deadlines([jens_hansen(), evil_case()]), path)
    sheet = openpyxl.load_workbook(path).active
    assert sheet.title == "Frister"
    header = [c.value for c in sheet[1]]
    assert header[5:7] == ["Frist", "Senest i praksis"]
    assert all(c.font.bold for c in sheet[1])
    due = sheet.cell(row=2, column=6)
    assert due.is_date and due.value == datetime(2021, 2, 28)
    assert due.number_format == "dd-mm-yyyy"
    assert sheet.cell(row=2, column=7).value == datetime(2021, 2, 26)
    name = sheet.cell(row=3, column=1)
    # Text, not a formula, and without an apostrophe the user sees (issue 12.6): Excel's quote prefix.
    assert name.data_type == "s" and name.value == '=HYPERLINK("http://evil","Jens")'
    assert name.quotePrefix
    assert sheet.freeze_panes == "A2"
    assert sheet.column_dimensions["A"].width >= len('=HYPERLINK("http://evil","Jens")')


def test_case_xlsx_masks_cpr_and_keeps_event_dates(tmp_path):
    held = jens_hansen()._replace(events=(Event(date(2021, 2, 26), "followup"),))
    path = tmp_path / "sager.xlsx"
    export_cases([held], path)
    sheet = openpyxl.load_workbook(path).active
    row = dict(zip([c.value for c in sheet[1]], [c.value for c in sheet[2]], strict=True))
    assert row["CPR-nr."] == "010203-xxxx"
    assert row["Seneste hændelse"] == datetime(2021, 2, 26)
    assert row["Ansættelse i løntilskud"] == datetime(2018, 8, 31)


def test_csv_file_by_name(tmp_path):
    path = tmp_path / "frister.csv"
    export_deadlines(deadlines([jens_hansen()]), path)
    assert path.read_bytes().startswith(b"\xef\xbb\xbfBorger;")


def test_unknown_ending_is_refused_in_danish(tmp_path):
    with pytest.raises(ValueError, match="skal ende på .xlsx eller .csv"):
        export_deadlines([], tmp_path / "frister.txt")


def test_failed_export_leaves_the_old_file_and_no_half_file(tmp_path):
    path = tmp_path / "frister.xlsx"
    path.write_bytes(b"old")

    def breaks_halfway(handle):
        handle.write(b"half")
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        atomic_write(path, breaks_halfway)
    assert path.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["frister.xlsx"]


def test_missing_folder_is_named_in_danish(tmp_path):
    with pytest.raises(WriteError, match="mappen .* findes ikke"):
        export_deadlines([], tmp_path / "findes-ikke" / "frister.csv")
