"""A list whose date column is written month first, as in the US ('7/13/2024'): its dates that read
either way ('7/1/2024') are refused, never saved with day and month swapped; not even with
--kun-gyldige. A reviewer's finding: they were saved as 07-01-2024 without a word."""

from __future__ import annotations

from datetime import date, datetime

import openpyxl
import pytest

from caseworker_app.cli import main
from caseworker_app.store import CaseStore

TODAY = "2024-12-02"


def run(capsys, *args):
    code = main([*args, "--today", TODAY])
    out, err = capsys.readouterr()
    return code, out, err


def saved_hire_dates(db):
    with CaseStore(db, read_only=True) as store:
        return {case.case_ref: case.dates.get("hire") for case in store.list_cases()}


def us_list(tmp_path, *dates):
    path = tmp_path / "us.csv"
    rows = ["Navn;Sagsnummer;Forsøg;Ansat"]
    rows += [f"Borger {n};U-{n};T08;{day}" for n, day in enumerate(dates, start=2)]
    path.write_bytes(("\r\n".join(rows) + "\r\n").encode("utf-8"))
    return path


def test_a_month_first_column_saves_none_of_its_dates_that_read_either_way(capsys, tmp_path):
    db = tmp_path / "s.db"
    path = us_list(tmp_path, "7/1/2024", "3/2/2024", "12/11/2023", "5/6/2024", "7/13/2024", "5/5/2024", "13/7/2024")
    code, out, err = run(capsys, "import", "--db", str(db), str(path), "--kun-gyldige")
    assert code == 3
    assert (
        "⚠ Kolonnen 'Ansat' ser ud til at have måned før dag (fx '7/13/2024' i række 6). Dens datoer, hvor dag og "
        "måned kan byttes om (som '7/1/2024'), gemmes ikke; ret datoerne i kolonnen til dd-mm-åååå (dagen først)."
    ) in out.splitlines()
    assert (
        "Række 2, kolonne 'Ansat': Kolonnen 'Ansat' ser ud til at have måned før dag (fx '7/13/2024' i række 6), "
        "så '7/1/2024' kan være 1. juli 2024 eller 7. januar 2024; den gemmes ikke. Ret datoerne i kolonnen til "
        "dd-mm-åååå (dagen først), fx 01-07-2024 for 1. juli 2024"
    ) in err
    assert "Række 4, kolonne 'Ansat': Kolonnen 'Ansat' ser ud til" in err
    assert "'12/11/2023' kan være 11. december 2023 eller 12. november 2023" in err
    assert (
        "Række 6, kolonne 'Ansat': '7/13/2024': der er ingen måned 13. Er datoen skrevet med måneden først? "
        "Skriv dagen først (dd-mm-åååå), fx 13-07-2024 for 13. juli 2024"
    ) in err
    # Only the two whose reading is the same either way: 5 May, and 13 July (no month 13).
    assert saved_hire_dates(db) == {"U-7": date(2024, 5, 5), "U-8": date(2024, 7, 13)}


def test_a_day_first_column_is_read_as_before(capsys, tmp_path):
    db = tmp_path / "s.db"
    path = us_list(tmp_path, "7/1/2024", "13/7/2024", "01-12-2023")
    code, out, err = run(capsys, "import", "--db", str(db), str(path))
    assert (code, err) == (0, "")
    assert "måned før dag" not in out
    assert saved_hire_dates(db) == {"U-2": date(2024, 1, 7), "U-3": date(2024, 7, 13), "U-4": date(2023, 12, 1)}


def two_column_list(tmp_path, *rows):
    path = tmp_path / "to.csv"
    lines = ["Navn;Sagsnummer;Forsøg;Ansat;Seneste opfølgning"]
    lines += [f"Borger {n};U-{n};T08;{hire};{latest}" for n, (hire, latest) in enumerate(rows, start=2)]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("utf-8"))
    return path


@pytest.mark.parametrize(
    "evidence",
    [
        "6/13/2024 10:30 AM",
        "7/13/2024 10.30",
        "7/13/2024?",
        "ca. 7/13/2024",
        "7/13/2024 (ca.)",
        "7/13/2024 24:00",
        " 7 / 13 / 2024",
    ],
)
def test_a_month_first_cell_with_text_after_or_before_it_is_evidence_all_the_same(capsys, tmp_path, evidence):
    # A tester's finding: '6/11/2026' beside '6/13/2026 10:30 AM' was saved as 6 November.
    db = tmp_path / "s.db"
    path = us_list(tmp_path, "6/11/2024", evidence, "5/5/2024")
    code, out, err = run(capsys, "import", "--db", str(db), str(path), "--kun-gyldige")
    assert code == 3
    assert "Række 2, kolonne 'Ansat': Kolonnen 'Ansat' ser ud til at have måned før dag" in err
    assert "så '6/11/2024' kan være 11. juni 2024 eller 6. november 2024; den gemmes ikke" in err
    assert "Række 3, kolonne 'Ansat': " in err  # the evidence cell itself is refused for its own reason
    assert "Række 3, kolonne 'Ansat': Kolonnen" not in err
    assert saved_hire_dates(db) == {"U-4": date(2024, 5, 5)}


def test_the_evidence_counts_in_the_files_other_date_columns_with_the_same_separator(capsys, tmp_path):
    # A tester's finding: '2/3/2024' beside '7/13/2024' in another column was saved as 2 March.
    db = tmp_path / "s.db"
    path = two_column_list(tmp_path, ("5/5/2024", "2/3/2024"), ("7/13/2024", ""), ("13-02-2024", "03-04-2024"))
    code, out, err = run(capsys, "import", "--db", str(db), str(path), "--kun-gyldige")
    assert code == 3
    assert (
        "⚠ Kolonnen 'Seneste opfølgning' ser ud til at have måned før dag ligesom kolonnen 'Ansat' (fx '7/13/2024' "
        "i række 3). Dens datoer, hvor dag og måned kan byttes om (som '2/3/2024'), gemmes ikke; ret datoerne i "
        "kolonnen til dd-mm-åååå (dagen først)."
    ) in out.splitlines()
    assert (
        "Række 2, kolonne 'Seneste opfølgning': Kolonnen 'Seneste opfølgning' ser ud til at have måned før dag "
        "ligesom kolonnen 'Ansat' (fx '7/13/2024' i række 3), så '2/3/2024' kan være 3. februar 2024 eller "
        "2. marts 2024; den gemmes ikke. Ret datoerne i kolonnen til dd-mm-åååå (dagen først), fx 03-02-2024 for "
        "3. februar 2024"
    ) in err
    # '03-04-2024' is written with '-', not as the evidence: 3 April, as before.
    assert "Række 4" not in err
    assert "Række 4: Borger 4 (U-4), T08; ansættelse i løntilskud 13-02-2024, seneste opfølgning 03-04-2024" in out


def test_a_file_both_month_first_and_day_first_refuses_the_dates_that_read_either_way_in_both(capsys, tmp_path):
    db = tmp_path / "s.db"
    path = two_column_list(
        tmp_path,
        ("7/13/2024", "13/7/2024"),
        ("7/1/2024", "2/3/2024"),
        ("5/5/2024", "14/8/2024"),
        ("5/5/2024", "8/8/2024"),
    )
    code, out, err = run(capsys, "import", "--db", str(db), str(path), "--kun-gyldige")
    assert code == 3
    assert "Række 3, kolonne 'Ansat': Kolonnen 'Ansat' ser ud til at have måned før dag" in err
    assert (
        "Række 3, kolonne 'Seneste opfølgning': Kolonnen 'Seneste opfølgning' har dag før måned (fx '13/7/2024' i "
        "række 2), men kolonnen 'Ansat' har måned før dag (fx '7/13/2024' i række 2), så '2/3/2024' "
        "kan være 3. februar 2024 eller 2. marts 2024; den gemmes ikke. Ret "
        "datoerne i kolonnen til dd-mm-åååå (dagen først), fx 03-02-2024 for 3. februar 2024 eller 02-03-2024 for "
        "2. marts 2024"
    ) in err
    # Rows 4 and 5: 5 May, 14 August and 8 August either way.
    assert "Række 4: Borger 4 (U-4), T08; ansættelse i løntilskud 05-05-2024, seneste opfølgning 14-08-2024" in out
    assert "Række 5: Borger 5 (U-5), T08; ansættelse i løntilskud 05-05-2024, seneste opfølgning 08-08-2024" in out
    assert saved_hire_dates(db) == {"U-4": date(2024, 5, 5), "U-5": date(2024, 5, 5)}


def test_a_two_digit_year_in_a_month_first_column_suggests_the_month_first_reading(capsys, tmp_path):
    # A tester's finding: '7/1/24' was told "fx 07-01-2024 (eller 07-01-1924)", 7 January, in a column meaning 1 July.
    db = tmp_path / "s.db"
    path = us_list(tmp_path, "7/13/2024", "7/1/24", "5/5/2024")
    code, out, err = run(capsys, "import", "--db", str(db), str(path), "--kun-gyldige")
    assert code == 3
    assert (
        "Række 3, kolonne 'Ansat': Kolonnen 'Ansat' ser ud til at have måned før dag (fx '7/13/2024' i række 2), "
        "så '7/1/24' kan være 1. juli 2024 eller 7. januar 2024 (eller i 1924); den gemmes ikke. Skriv året med "
        "fire cifre og dagen først (dd-mm-åååå), fx 01-07-2024 for 1. juli 2024"
    ) in err
    assert "07-01-2024" not in err


def test_the_note_quotes_the_columns_own_date_that_reads_either_way(capsys, tmp_path):
    db = tmp_path / "s.db"
    path = us_list(tmp_path, "7/13/2024", "5/5/2024", "3/4/2024")
    code, out, _ = run(capsys, "import", "--db", str(db), str(path), "--dry-run")
    assert (
        "⚠ Kolonnen 'Ansat' ser ud til at have måned før dag (fx '7/13/2024' i række 2). Dens datoer, hvor dag og "
        "måned kan byttes om (som '3/4/2024'), gemmes ikke; ret datoerne i kolonnen til dd-mm-åååå (dagen først)."
    ) in out.splitlines()
    assert "7/1/2024" not in out


def test_excel_date_cells_in_a_month_first_column_that_read_either_way_are_refused(capsys, tmp_path):
    # A tester's finding: a Danish Excel read a typed '2/3/2025' (3 February) as 2 March; '2/13/2025' stayed text.
    db = tmp_path / "s.db"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Navn", "Sagsnummer", "Forsøg", "Ansat"])
    ws.append(["Borger 2", "X-2", "T08", datetime(2025, 3, 2)])
    ws.append(["Borger 3", "X-3", "T08", "2/13/2025"])
    ws.append(["Borger 4", "X-4", "T08", datetime(2025, 3, 13)])  # day 13: no month 13, one reading
    ws.append(["Borger 5", "X-5", "T08", datetime(2025, 4, 4)])  # the same either way
    for row in (2, 4, 5):
        ws[f"D{row}"].number_format = "dd-mm-yyyy"
    path = tmp_path / "x.xlsx"
    wb.save(path)
    code, _, err = run(capsys, "import", "--db", str(db), str(path), "--kun-gyldige")
    assert code == 3
    assert (
        "Række 2, kolonne 'Ansat': Kolonnen 'Ansat' ser ud til at have måned før dag (fx '2/13/2025' i række 3), så "
        "Excel kan have læst datoen med dag og måned byttet om: 02-03-2025 kan være 3. februar 2025 (eller 2. marts "
        "2025, som Excel læste den); den gemmes ikke. Ret datoerne i kolonnen til dd-mm-åååå (dagen først), fx "
        "03-02-2025 for 3. februar 2025"
    ) in err
    assert saved_hire_dates(db) == {"X-4": date(2025, 3, 13), "X-5": date(2025, 4, 4)}
