"""Reading a case list file: .xlsx and .csv as Danish Excel writes them, and every file that cannot be
read refused with a Danish message before it is read whole."""

from __future__ import annotations

import io
import zipfile
from datetime import datetime

import openpyxl
import pytest

from caseworker_app.core.import_merged import merged_ranges
from caseworker_app.core.import_read import read_source
from caseworker_app.core.import_table import (
    MAX_DATA_ROWS,
    MAX_FILE_BYTES,
    ImportFileError,
    MergedFill,
    column_letter,
)

HEADER = "Navn;Sagsnr;Forsøg;Ansat"


def write_csv(path, lines, encoding="utf-8", bom=b""):
    path.write_bytes(bom + ("\r\n".join(lines) + "\r\n").encode(encoding))
    return path


def cells(table):
    return [(row.number, row.cells) for row in table.rows]


# ---------------------------------------------------------------- CSV


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("cp1252", b""), ("utf-16-le", b"\xff\xfe")],
)
def test_csv_in_each_encoding_danish_excel_uses(tmp_path, encoding, bom):
    path = write_csv(tmp_path / "liste.csv", [HEADER, "Søren Ærø;2024-1;T08;01-03-2024"], encoding, bom)
    table = read_source(path)
    assert table.headers == ("Navn", "Sagsnr", "Forsøg", "Ansat")
    assert cells(table) == [(2, ("Søren Ærø", "2024-1", "T08", "01-03-2024"))]
    assert table.kind == "csv" and table.file_name == "liste.csv"


@pytest.mark.parametrize("delimiter", [";", ",", "\t"])
def test_the_delimiter_is_found(tmp_path, delimiter):
    lines = [
        delimiter.join(["Navn", "Sagsnr", "Ansat", "Bemærkning"]),
        delimiter.join(['"Hansen, Jens"', "2024-1", "01.03.2024", '"ring; gerne"']),
        delimiter.join(["Mette Holm", "2024-2", "02.03.2024", ""]),
    ]
    table = read_source(write_csv(tmp_path / "l.csv", lines))
    assert table.headers == ("Navn", "Sagsnr", "Ansat", "Bemærkning")
    assert cells(table) == [
        (2, ("Hansen, Jens", "2024-1", "01.03.2024", "ring; gerne")),
        (3, ("Mette Holm", "2024-2", "02.03.2024", None)),
    ]


def test_title_rows_empty_rows_and_trailing_columns_are_left_out(tmp_path):
    lines = [
        "Sagsliste for Anne Jensen;;;;;",
        ";;;;;",
        "Navn;Sagsnr;Forsøg;Ansat;;",
        "Jens Hansen;2024-1;T08;01-03-2024;;",
        ";;;;;",
        '"Mette\nHolm";2024-2;T08;02-03-2024;;',
        "Ole Bæk;2024-3;T08;03-03-2024;;",
    ]
    table = read_source(write_csv(tmp_path / "l.csv", lines))
    assert table.header_row == 3
    assert table.headers == ("Navn", "Sagsnr", "Forsøg", "Ansat")
    # Rows as Excel numbers them: the line break inside quotes stays in its cell.
    assert [row.number for row in table.rows] == [4, 6, 7]
    assert table.rows[1].cells[0] == "Mette\nHolm"


def test_excels_sep_line_is_not_a_row(tmp_path):
    table = read_source(write_csv(tmp_path / "l.csv", ["sep=,", "Navn,Sagsnr", "Jens,1"]))
    assert table.headers == ("Navn", "Sagsnr") and cells(table) == [(2, ("Jens", "1"))]


def test_a_column_with_data_but_no_header_is_named_by_its_letter(tmp_path):
    table = read_source(write_csv(tmp_path / "l.csv", ["Navn;Sagsnr;", "Jens;1;x"]))
    assert table.headers == ("Navn", "Sagsnr", "Kolonne C")
    assert [column_letter(i) for i in (0, 25, 26, 27, 701, 702)] == ["A", "Z", "AA", "AB", "ZZ", "AAA"]


def test_the_header_row_can_be_given(tmp_path):
    table = read_source(write_csv(tmp_path / "l.csv", ["a;b", "Navn;Sagsnr", "Jens;1"]), header_row=1)
    assert table.headers == ("a", "b") and [r.number for r in table.rows] == [2, 3]
    with pytest.raises(ImportFileError, match="Række 9 i l.csv er tom eller findes ikke"):
        read_source(tmp_path / "l.csv", header_row=9)


@pytest.mark.parametrize(
    ("data", "why"),
    [
        (bytes(range(256)) * 40, "den indeholder binære data"),
        (b"PK\x03\x04" + b"\x00" * 100, "den er en Excel-projektmappe eller en anden binær fil"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "den er en Excel-projektmappe eller en anden binær fil"),
        (b"Navn;Sagsnr\r\nJ\x81ns;1\r\n", "teksten kan hverken læses som UTF-8 eller Windows-1252"),
    ],
)
def test_a_binary_file_named_csv_is_refused(tmp_path, data, why):
    path = tmp_path / "sager.csv"
    path.write_bytes(data)
    with pytest.raises(ImportFileError) as caught:
        read_source(path)
    assert str(caught.value) == (
        f"sager.csv er ikke en CSV-fil med tekst ({why}). Er det en Excel-fil med en forkert endelse? Åbn den i "
        "Excel, og gem den som 'CSV (semikolonsepareret)' eller som 'Excel-projektmappe (.xlsx)'."
    )


def test_a_utf8_file_with_a_row_in_windows_1252_keeps_its_names_and_marks_that_row(tmp_path):
    # A row pasted from a file Excel saved as 'CSV (semikolonsepareret)' into a UTF-8 list.
    path = tmp_path / "blandet.csv"
    path.write_bytes(
        "Navn;Sagsnr;Forsøg;Ansat\r\n".encode()
        + "Søren Østergaard;2024-1;T08;01-03-2024\r\n".encode()
        + "Ole Bæk;2024-2;T08;02-03-2024\r\n".encode("cp1252")
        + b"Ida Dam;2024-3;T08;03-03-2024\r\n"
    )
    table = read_source(path)
    assert table.headers == ("Navn", "Sagsnr", "Forsøg", "Ansat")
    assert cells(table) == [
        (2, ("Søren Østergaard", "2024-1", "T08", "01-03-2024")),
        (3, ("Ole B\ufffdk", "2024-2", "T08", "02-03-2024")),
        (4, ("Ida Dam", "2024-3", "T08", "03-03-2024")),
    ]
    assert table.notes == (
        "Læst som CSV med semikolon mellem cellerne, tegnsæt UTF-8.",
        "⚠ Række 3 har tegn, der ikke kan læses (de står som \ufffd): den er nok gemt i et andet tegnsæt end "
        "resten af filen, som er læst som UTF-8. En celle med sådanne tegn gemmes ikke (se Fejl).",
    )


def test_excels_csv_utf8_with_a_pasted_windows_1252_row_is_read_as_utf8(tmp_path):
    path = tmp_path / "bom.csv"
    path.write_bytes(
        b"\xef\xbb\xbf" + "Navn;Sagsnr\r\nSøren Ærø;1\r\n".encode() + "Åse Bæk;2\r\nØrn Ås;3\r\n".encode("cp1252")
    )
    table = read_source(path)
    assert cells(table) == [(2, ("Søren Ærø", "1")), (3, ("\ufffdse B\ufffdk", "2")), (4, ("\ufffdrn \ufffds", "3"))]
    assert table.notes[1].startswith("⚠ Rækkerne 3 og 4 har tegn, der ikke kan læses")


def test_a_windows_1252_file_with_a_utf8_row_never_reads_it_as_mojibake(tmp_path):
    # Most lines are Windows-1252: read so, the UTF-8 line would say 'SÃ¸ren Ã˜stergaard'.
    path = tmp_path / "ansi.csv"
    path.write_bytes(
        "Navn;Sagsnr;Forsøg\r\nOle Bæk;1;T08\r\nÅse Holm;2;T08\r\n".encode("cp1252")
        + "Søren Østergaard;3;T08\r\n".encode()
    )
    table = read_source(path)
    assert cells(table) == [
        (2, ("Ole Bæk", "1", "T08")),
        (3, ("Åse Holm", "2", "T08")),
        (4, ("S\ufffdren \ufffdstergaard", "3", "T08")),
    ]
    assert table.notes == (
        "Læst som CSV med semikolon mellem cellerne, tegnsæt Windows-1252.",
        "⚠ Række 4 har tegn, der ikke kan læses (de står som \ufffd): den er nok gemt i et andet tegnsæt end "
        "resten af filen, som er læst som Windows-1252. En celle med sådanne tegn gemmes ikke (se Fejl).",
    )


@pytest.mark.parametrize(("encoding", "shown"), [("utf-16-le", "UTF-16-LE"), ("utf-16-be", "UTF-16-BE")])
def test_utf16_without_bom_is_read(tmp_path, encoding, shown):
    # Notepad's and some exports' 'Unicode' without the two bytes that name it: a NUL in every other byte.
    path = write_csv(tmp_path / "unicode.csv", [HEADER, "Søren Ærø;2024-1;T08;01-03-2024"], encoding)
    table = read_source(path)
    assert cells(table) == [(2, ("Søren Ærø", "2024-1", "T08", "01-03-2024"))]
    assert table.notes == (f"Læst som CSV med semikolon mellem cellerne, tegnsæt {shown}.",)


def test_utf16_without_bom_that_cannot_be_read_says_so(tmp_path):
    path = tmp_path / "halv.csv"
    path.write_bytes("Navn;Sagsnr\r\nBo;1\r\n".encode("utf-16-le") + b"B")  # cut off in the middle of a letter
    with pytest.raises(ImportFileError) as caught:
        read_source(path)
    assert str(caught.value) == (
        "halv.csv er ikke en CSV-fil med tekst (den ligner tekst i tegnsættet UTF-16, men kan ikke læses som det). "
        "Er det en Excel-fil med en forkert endelse? Åbn den i Excel, og gem den som 'CSV (semikolonsepareret)' "
        "eller som 'Excel-projektmappe (.xlsx)'."
    )


def test_a_stray_control_character_is_left_for_its_cell_to_refuse(tmp_path):
    table = read_source(write_csv(tmp_path / "l.csv", [HEADER, "Jens\x0bHansen;1;T08;01-03-2024"]))
    assert table.rows[0].cells[0] == "Jens\x0bHansen"


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_a_file_of_50_mb_is_refused_before_it_is_read(tmp_path, suffix):
    path = tmp_path / f"stor{suffix}"
    with path.open("wb") as file:
        file.truncate(MAX_FILE_BYTES)  # 50,000,000 bytes, sparse: nothing is written or read
    with pytest.raises(ImportFileError) as caught:
        read_source(path)
    assert str(caught.value).startswith(f"stor{suffix} fylder 50,0 MB; programmet læser kun sagslister under 50,0 MB.")


def test_a_csv_of_more_than_100000_rows_is_refused(tmp_path):
    lines = [HEADER, *(f"Borger {i};{i};T08;01-03-2024" for i in range(MAX_DATA_ROWS + 1))]
    with pytest.raises(ImportFileError) as caught:
        read_source(write_csv(tmp_path / "mange.csv", lines))
    assert str(caught.value).startswith("mange.csv har mere end 100.000 rækker med data")


def test_a_csv_of_exactly_100000_rows_is_read(tmp_path):
    lines = [HEADER, *(f"Borger {i};{i};T08;01-03-2024" for i in range(MAX_DATA_ROWS))]
    table = read_source(write_csv(tmp_path / "mange.csv", lines))
    assert len(table.rows) == MAX_DATA_ROWS and table.rows[-1].number == MAX_DATA_ROWS + 1


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("tom.csv", "tom.csv er tom. Vælg den fil, der har sagslisten."),
        ("gammel.xls", "gammel.xls er i Excels gamle format (.xls)."),
        ("liste.pdf", "liste.pdf er hverken en Excel-fil (.xlsx) eller en CSV-fil (.csv)."),
    ],
)
def test_files_of_other_kinds(tmp_path, name, message):
    path = tmp_path / name
    path.write_bytes(b"" if name == "tom.csv" else b"x")
    with pytest.raises(ImportFileError) as caught:
        read_source(path)
    assert str(caught.value).startswith(message)


def test_a_missing_file_and_a_folder(tmp_path):
    with pytest.raises(ImportFileError, match="findes ikke"):
        read_source(tmp_path / "ingen.xlsx")
    with pytest.raises(ImportFileError, match="er en mappe"):
        read_source(tmp_path)


# ---------------------------------------------------------------- xlsx


def workbook(path, rows, *, title="Sager"):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = title
    for row in rows:
        ws.append(row)
    wb.create_sheet("Andet")["A1"] = "intet"
    wb.save(path)
    return path


def test_an_xlsx_sheet_with_a_title_date_cells_and_an_empty_row(tmp_path):
    path = workbook(
        tmp_path / "l.xlsx",
        [
            ["Mine sager"],
            [],
            ["Navn", "Sagsnr", "Ansat", None, None],
            ["Jens Hansen", "2024-1", datetime(2024, 3, 1)],
            [],
            ["Mette Holm", 20242, "02-03-2024", None],
        ],
    )
    table = read_source(path)
    assert (table.kind, table.sheet, table.sheets, table.header_row) == ("xlsx", "Sager", ("Sager", "Andet"), 3)
    assert table.headers == ("Navn", "Sagsnr", "Ansat")
    assert cells(table) == [
        (4, ("Jens Hansen", "2024-1", datetime(2024, 3, 1))),
        (6, ("Mette Holm", 20242, "02-03-2024")),
    ]
    other = read_source(path, sheet="Andet")
    assert other.sheet == "Andet"
    with pytest.raises(ImportFileError, match="intet ark, der hedder 'Ark9' \\(arkene: Sager, Andet\\)"):
        read_source(path, sheet="Ark9")


def test_a_cell_merged_over_rows_gives_its_value_to_every_row_it_covers(tmp_path):
    # The tester's list: Forsøg and Sagsbehandler merged over rows 3-5 to mean "the same as above";
    # Excel keeps the value in row 3 only, so rows 4 and 5 were read with neither.
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in [
        ["Mine sager"],
        ["Navn", "Sagsnr", "Forsøg", "Ansat", "Sagsbehandler", "Bemærkning"],
        ["Jens Hansen", "2024-0412", "T08", "01-03-2024", "Anne Jensen", "Ring mandag"],
        ["Lone Andersen", "2023-0107", None, "16-01-2023", None, None],
        ["Ahmad Khalil", "2025-0031", None, "01-09-2025", None, None],
        ["Ole Bæk", "2019-0555", "T08", "31-08-2019", "Mads", None],
    ]:
        ws.append(row)
    ws.merge_cells("A1:F1")  # a title over the list: not filled across
    ws.merge_cells("C3:C5")
    ws.merge_cells("E3:E4")
    ws.merge_cells("F3:F5")
    ws.merge_cells("B2:B3")  # a header merged into the first row: no header text in a case
    ws["D6"] = "31-08-2019"
    ws.merge_cells("D6:E6")  # across one row: the value stays in its own column
    path = tmp_path / "flettet.xlsx"
    wb.save(path)
    table = read_source(path)
    assert table.header_row == 2
    assert cells(table) == [
        (3, ("Jens Hansen", None, "T08", "01-03-2024", "Anne Jensen", "Ring mandag")),
        (4, ("Lone Andersen", "2023-0107", "T08", "16-01-2023", "Anne Jensen", "Ring mandag")),
        (5, ("Ahmad Khalil", "2025-0031", "T08", "01-09-2025", None, "Ring mandag")),
        (6, ("Ole Bæk", "2019-0555", "T08", "31-08-2019", None, None)),
    ]
    assert table.merged == (
        MergedFill(column=2, source_row=3, rows=(4, 5)),
        MergedFill(column=4, source_row=3, rows=(4,)),
        MergedFill(column=5, source_row=3, rows=(4, 5)),
    )


def test_merged_ranges_are_found_across_the_chunks_the_sheet_is_read_in():
    element = b'<x:mergeCell ref="AA10:AA12"/>'
    xml = b"<sheetData/>" + b" " * ((1 << 20) - 20) + b"<x:mergeCells>" + element + b'<mergeCell ref="c3:C5" />'
    assert merged_ranges(io.BytesIO(xml)) == {(27, 10, 27, 12), (3, 3, 3, 5)}


def test_a_formula_gives_the_value_excel_saved_and_is_never_evaluated(tmp_path):
    path = workbook(tmp_path / "f.xlsx", [["Navn", "Sagsnr", "Ansat"], ["Jens", "=1+1", "=TODAY()"]])
    # Excel saves the value beside the formula; openpyxl does not: write it as Excel would.
    data = io.BytesIO(path.read_bytes())
    out = io.BytesIO()
    with zipfile.ZipFile(data) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                content = content.replace(b"<f>1+1</f><v></v>", b"<f>1+1</f><v>7</v>")
                content = content.replace(b"<f>1+1</f><v />", b"<f>1+1</f><v>7</v>")
            target.writestr(info, content)
    path.write_bytes(out.getvalue())
    table = read_source(path)
    # The stored 7, not 2; the formula without a stored value reads as an empty cell.
    assert cells(table) == [(2, ("Jens", 7, None))]


def test_a_damaged_xlsx_is_refused(tmp_path):
    good = workbook(tmp_path / "god.xlsx", [["Navn", "Sagsnr"], ["Jens", "1"]]).read_bytes()
    for name, data in [
        ("halv.xlsx", good[: len(good) // 2]),
        ("tekst.xlsx", b"Navn;Sagsnr\r\n"),
        ("zip.xlsx", _zip({"hej.txt": b"x"})),
    ]:
        path = tmp_path / name
        path.write_bytes(data)
        with pytest.raises(ImportFileError) as caught:
            read_source(path)
        assert str(caught.value).startswith(
            f"{name} kan ikke læses som en Excel-fil (.xlsx): filen er beskadiget eller er ikke en Excel-fil."
        )


def test_a_damaged_sheet_inside_a_good_zip_is_refused(tmp_path):
    path = workbook(tmp_path / "ark.xlsx", [["Navn", "Sagsnr"], ["Jens", "1"]])
    data = io.BytesIO(path.read_bytes())
    out = io.BytesIO()
    with zipfile.ZipFile(data) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            content = source.read(info.filename)
            target.writestr(info, content[:200] if info.filename == "xl/worksheets/sheet1.xml" else content)
    path.write_bytes(out.getvalue())
    with pytest.raises(ImportFileError, match="ark.xlsx kan ikke læses som en Excel-fil"):
        read_source(path)


def _zip(files):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name, content in files.items():
            target.writestr(name, content)
    return out.getvalue()


CFB = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def test_a_password_protected_xlsx_is_named_as_such(tmp_path):
    # Excel saves an encrypted workbook as a compound file with an 'EncryptedPackage' stream.
    path = tmp_path / "hemmelig.xlsx"
    path.write_bytes(CFB + b"\x00" * 504 + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 2000)
    with pytest.raises(ImportFileError) as caught:
        read_source(path)
    assert str(caught.value).startswith(
        "hemmelig.xlsx er beskyttet med en adgangskode, så programmet kan ikke læse den. Åbn filen i Excel, "
        "fjern adgangskoden"
    )


def test_an_old_xls_named_xlsx(tmp_path):
    path = tmp_path / "gammel.xlsx"
    path.write_bytes(CFB + b"\x00" * 3000)
    with pytest.raises(ImportFileError, match="gammel.xlsx er en gammel Excel-fil \\(.xls\\) eller er beskyttet"):
        read_source(path)


def _big_sheet(tmp_path, rows, dimension=None):
    """A workbook of `rows` data rows, its sheet written directly (openpyxl takes long for so many)."""
    path = workbook(tmp_path / "stor.xlsx", [["Navn"]])
    body = "".join(f'<row r="{n}"><c r="A{n}" t="inlineStr"><is><t>B{n}</t></is></c></row>' for n in range(2, rows + 2))
    sheet = (
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        + (f'<dimension ref="{dimension}"/>' if dimension else "")
        + '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Navn</t></is></c></row>'
        + body
        + "</sheetData></worksheet>"
    )
    data = io.BytesIO(path.read_bytes())
    out = io.BytesIO()
    with zipfile.ZipFile(data) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            target.writestr(info, sheet.encode() if info.filename == "xl/worksheets/sheet1.xml" else content)
    path.write_bytes(out.getvalue())
    return path


def test_a_sheet_of_more_than_100000_rows_is_refused(tmp_path):
    path = _big_sheet(tmp_path, MAX_DATA_ROWS + 1)
    with pytest.raises(ImportFileError) as caught:
        read_source(path)
    assert str(caught.value).startswith("stor.xlsx har mere end 100.000 rækker med data")


def test_a_sheet_saved_as_far_bigger_is_refused_without_reading_it(tmp_path):
    # The sheet says it spans 300,000 rows: refused at once, its rows not read.
    path = _big_sheet(tmp_path, 10, dimension="A1:A300000")
    with pytest.raises(ImportFileError) as caught:
        read_source(path)
    assert str(caught.value).startswith("stor.xlsx har 300.000 rækker i arket (programmet læser højst 100.000")
    assert len(read_source(_big_sheet(tmp_path, 10, dimension="A1:A11")).rows) == 10
