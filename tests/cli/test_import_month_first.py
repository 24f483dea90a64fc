"""A list whose date column is written month first, as in the US ('7/13/2024'): its dates that read
either way ('7/1/2024') are refused, never saved with day and month swapped; not even with
--kun-gyldige. A reviewer's finding: they were saved as 07-01-2024 without a word."""

from __future__ import annotations

from datetime import date, datetime

import openpyxl

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


def test_the_evidence_counts_only_in_its_own_column(capsys, tmp_path):
    db = tmp_path / "s.db"
    path = tmp_path / "to.csv"
    path.write_bytes(
        "Navn;Sagsnummer;Forsøg;Ansat;Seneste opfølgning\r\n"
        "Borger 2;U-2;T08;7/13/2024;\r\n"
        "Borger 3;U-3;T08;13-02-2024;3/4/2024\r\n".encode()
    )
    code, out, err = run(capsys, "import", "--db", str(db), str(path), "--dry-run")
    assert code == 2
    assert "Række 3" not in err  # '3/4/2024' in another column is 3 April as before
    assert "Række 3: Borger 3 (U-3), T08; ansættelse i løntilskud 13-02-2024, seneste opfølgning 03-04-2024" in out


def test_excel_date_cells_beside_a_month_first_text_cell_are_their_own_dates(capsys, tmp_path):
    db = tmp_path / "s.db"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Navn", "Sagsnummer", "Forsøg", "Ansat"])
    ws.append(["Borger 2", "X-2", "T08", datetime(2024, 1, 7)])
    ws.append(["Borger 3", "X-3", "T08", "7/13/2024"])
    ws["D2"].number_format = "m/d/yyyy"
    path = tmp_path / "x.xlsx"
    wb.save(path)
    code, _, err = run(capsys, "import", "--db", str(db), str(path), "--kun-gyldige")
    assert code == 3
    assert "Række 2" not in err
    assert saved_hire_dates(db) == {"X-2": date(2024, 1, 7)}
