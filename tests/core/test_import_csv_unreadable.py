"""A CSV row that cannot be read is named where it begins, in Danish: an unclosed quote makes the
reader fail thousands of lines further down, and a cell over the csv module's limit failed in the
guess of the delimiter as an unexpected error."""

from __future__ import annotations

import pytest

from caseworker_app.core.import_csv import read_csv
from caseworker_app.core.import_table import ImportFileError

HEADER = "Navn;Sagsnummer;Ansættelsesdato"
QUOTE_TEXT = (
    'kan ikke læses som CSV: et anførselstegn (") i rækken bliver ikke lukket, så resten af filen læses som én '
    "celle (over 131.072 tegn)."
)


def refused(tmp_path, text: str) -> str:
    path = tmp_path / "liste.csv"
    path.write_bytes(text.encode("utf-8"))
    with pytest.raises(ImportFileError) as caught:
        read_csv(path, path.read_bytes())
    return str(caught.value)


def test_an_unclosed_quote_is_named_at_its_row_not_where_the_reader_gives_up(tmp_path):
    rows = [f"Borger {n};{n};01-03-2024" for n in range(8000)]
    message = refused(tmp_path, "\r\n".join([HEADER, '"Anne Mor;1;01-03-2024', *rows]) + "\r\n")
    assert message.startswith(f"Række 2 {QUOTE_TEXT} Ret række 2 i Notesblok")


def test_the_row_is_numbered_as_excel_shows_it_after_a_cell_with_line_breaks(tmp_path):
    # Row 2's address spans three lines of the file; the unclosed quote is in Excel's row 3 (line 5).
    rows = [f"Borger {n};{n};01-03-2024" for n in range(8000)]
    text = "\r\n".join([HEADER, 'Ole;"Vej 1\r\n2000\r\nFrederiksberg";01-03-2024', 'Anne;"2;01-03-2024', *rows])
    assert refused(tmp_path, text).startswith(f"Række 3 {QUOTE_TEXT}")


def test_a_cell_over_the_limit_in_the_first_rows_is_refused_naming_its_row(tmp_path):
    text = f"{HEADER};Bemærkning\r\nAnne;1;01-03-2024;ok\r\nOle;2;01-03-2024;{'x' * 300_000}\r\n"
    assert refused(tmp_path, text) == (
        "Række 3 kan ikke læses som CSV: en celle i rækken har over 131.072 tegn, og så lange celler har en "
        "sagsliste ikke (Excel kan højst have 32.767 tegn i en celle). Tjek, at det er den rigtige fil, eller gør "
        "cellen kortere, og importér filen igen."
    )


def test_a_long_cell_under_the_limit_is_read(tmp_path):
    path = tmp_path / "liste.csv"
    path.write_bytes(f"{HEADER};Bemærkning\r\nAnne;1;01-03-2024;{'x' * 32_767}\r\n".encode())
    table = read_csv(path, path.read_bytes())
    assert [(row.number, row.cells[:3], len(row.cells[3])) for row in table.rows] == [
        (2, ("Anne", "1", "01-03-2024"), 32_767)
    ]
    assert table.notes[0] == "Læst som CSV med semikolon mellem cellerne, tegnsæt UTF-8."
