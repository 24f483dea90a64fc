"""Write the two sample case lists in resources/samples/ (invented people; CPR serials 0000).

    uv run python resources/samples/make_samples.py [FOLDER]

sagsliste.xlsx is a caseworker's own Excel list: a title above the headers, Excel date cells, a
date written as text ("1. juli 2022"), a formula whose value Excel saved with it, an empty row.
sagsliste.csv is another caseworker's list as a Danish Excel saves "CSV (semikolonsepareret)":
Windows-1252, ';' between cells, an empty column at the end, dates as d.m.åååå and dd/mm/åååå,
no trial column (import it with --trial T08). Both are written byte for byte the same each time.
"""

from __future__ import annotations

import io
import re
import sys
import zipfile
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils.datetime import to_excel

FOLDER = Path(__file__).resolve().parent  # the script lies beside the files it writes
STAMP = (2026, 11, 2, 8, 0, 0)  # every zip entry and the document's dates: the same bytes each run
DATE_FORMAT = "dd-mm-yyyy"

XLSX_HEADERS = (
    "Borger",
    "CPR-nr.",
    "FASIT-sagsnr.",
    "Forsøg",
    "Ansat",
    "Tilbud givet",
    "Seneste opfølgning",
    "Sagsbehandler",
    "Bemærkning",
)
# Row 4 holds the headers; row 8 is left empty. The offer date of row 7 is a formula (=E7-14).
XLSX_ROWS = {
    5: (
        "Jens Hansen",
        "010162-0000",
        "2024-0412",
        "T08",
        datetime(2024, 3, 1),
        None,
        None,
        "Anne Jensen",
        "Kantinen, 15 timer om ugen",
    ),
    6: (
        "Lone Andersen",
        None,
        "2023-0107",
        "T08",
        datetime(2023, 1, 16),
        datetime(2023, 1, 2),
        datetime(2025, 3, 10),
        "Anne Jensen",
        None,
    ),
    7: (
        "Ahmad Khalil",
        "150385-0000",
        "2025-0031",
        "Førtidspensionister i løntilskud",
        datetime(2025, 9, 1),
        "=E7-14",
        None,
        "Anne Jensen",
        "Tilbuddet blev givet to uger før ansættelsen",
    ),
    9: (
        "Karen Mortensen",
        None,
        "2022-0988",
        "T08",
        "1. juli 2022",
        None,
        "21-08-2025",
        "Anne Jensen",
        "Opfølgning sammen med virksomhedskonsulenten",
    ),
    10: (
        "Peter Holm",
        None,
        "2020-0311",
        "t8",
        datetime(2020, 9, 30),
        None,
        datetime(2025, 11, 28),
        "Anne Jensen",
        None,
    ),
}
FORMULA_VALUES = {"F7": datetime(2025, 8, 18)}  # what Excel stores beside the formula when it saves

CSV_LINES = (
    "Navn;Sagsnummer;CPR;Ansættelsesdato;Seneste opfølgning;Sagsbehandler;Bemærkninger;",
    "Birgitte Larsen;2021-0233;0101580000;1.3.2021;15/09/2024;Mads Kristensen;;",
    'Søren Østergaard;2024-1120;;03-06-2024;5.1.2026;Mads Kristensen;"Ringer selv, helst om formiddagen";',
    "Fatima Ali;2025-0077;120890-0000;1. oktober 2025;;Mads Kristensen;Ny i løntilskud;",
    'Ole Bæk;2019-0555;;31-08-2019;20-02-2025;Mads Kristensen;"Arbejdsgiver: Brugsen; kontakt på mail";',
    ";;;;;;;",
)


def write_xlsx(path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Sager"
    sheet["A1"] = "Mine sager i frikommuneforsøg – Anne Jensen"
    sheet["A1"].font = Font(bold=True, size=14)
    sheet["A2"] = "Udtræk fra FASIT 02-11-2026, rettet i hånden"
    for column, header in enumerate(XLSX_HEADERS, start=1):
        sheet.cell(4, column, header).font = Font(bold=True)
    for row, values in XLSX_ROWS.items():
        for column, value in enumerate(values, start=1):
            cell = sheet.cell(row, column, value)
            if isinstance(value, datetime) or (isinstance(value, str) and value.startswith("=")):
                cell.number_format = DATE_FORMAT
    for letter, width in zip("ABCDEFGHI", (18, 13, 14, 32, 12, 12, 18, 16, 44), strict=True):
        sheet.column_dimensions[letter].width = width
    workbook.properties.creator = "Anne Jensen"
    workbook.properties.created = datetime(*STAMP)
    buffer = io.BytesIO()
    workbook.save(buffer)
    path.write_bytes(_as_excel_saves_it(buffer.getvalue()))


def _as_excel_saves_it(data: bytes) -> bytes:
    """The workbook with each formula's saved value (openpyxl writes none) and fixed dates."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                text = content.decode("utf-8")
                for ref, value in FORMULA_VALUES.items():
                    text, count = re.subn(
                        rf'(<c r="{ref}"[^>]*>)<f>([^<]*)</f><v\s*/?>(</v>)?',
                        lambda m, v=value: f"{m.group(1)}<f>{m.group(2)}</f><v>{int(to_excel(v))}</v>",
                        text,
                    )
                    if count != 1:
                        raise SystemExit(f"formula cell {ref} not found in the sheet")
                content = text.encode("utf-8")
            if info.filename == "docProps/core.xml":
                stamp = datetime(*STAMP).strftime("%Y-%m-%dT%H:%M:%SZ")
                content = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>" + stamp.encode(), content)
            entry = zipfile.ZipInfo(info.filename, date_time=STAMP)
            entry.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(entry, content)
    return out.getvalue()


def write_csv(path: Path) -> None:
    # Danish Excel: Windows-1252 and CR LF line ends.
    path.write_bytes(("\r\n".join(CSV_LINES) + "\r\n").encode("cp1252"))


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    write_xlsx(folder / "sagsliste.xlsx")
    write_csv(folder / "sagsliste.csv")
    print(f"Skrevet: {folder / 'sagsliste.xlsx'} og {folder / 'sagsliste.csv'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
