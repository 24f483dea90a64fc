"""Messages for a date that name what was typed: a clock time after an event's date on the command
line, and Excel's 0 in a date cell of an imported workbook (a reviewer's findings)."""

from __future__ import annotations

from datetime import datetime

import openpyxl

from caseworker_app.cli import main


def run(capsys, *args):
    try:
        code = main(list(args))
    except SystemExit as exit_:  # argparse's own refusal of an argument
        code = exit_.code
    out, err = capsys.readouterr()
    return code, out, err


def test_a_clock_time_after_an_events_date_is_named(capsys):
    code, _, err = run(
        capsys, "schedule", "--trial", "T08", "--date", "hire=01-03-2024", "--event", "followup=01-07-2024 10:30"
    )
    assert code == 2
    assert err.splitlines()[-1].endswith(
        "'followup=01-07-2024 10:30': en hændelse har en dato, intet klokkeslæt. Skriv fx followup=01-07-2024"
    )


def test_an_unknown_addition_quotes_the_event_as_typed(capsys):
    code, _, err = run(
        capsys, "schedule", "--trial", "T08", "--date", "hire=01-03-2024", "--event", "followup=01-07-2024:hurtig"
    )
    assert code == 2
    assert "'followup=01-07-2024:hurtig': ukendt tilføjelse ':hurtig' (brug :fuld eller" in err


def test_excels_zero_in_a_date_cell_is_named_empty_not_a_clock_time(capsys, tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Navn", "Sagsnummer", "Forsøg", "Ansat"])
    ws.append(["Borger 2", "X-2", "T08", 0])  # =A9 of an empty A9: Excel shows 00-01-1900
    ws.append(["Borger 3", "X-3", "T08", datetime(2024, 7, 1)])
    ws["D2"].number_format = ws["D3"].number_format = "dd-mm-yyyy"
    path = tmp_path / "nul.xlsx"
    wb.save(path)
    code, _, err = run(
        capsys, "import", "--db", str(tmp_path / "s.db"), str(path), "--dry-run", "--today", "2024-12-02"
    )
    assert code == 2
    assert (
        "Række 2, kolonne 'Ansat': Cellen er tom i Excel: den har tallet 0 (vist som 00-01-1900 eller 00:00), fx "
        "fra en formel, der peger på en tom celle. Skriv datoen som dd-mm-åååå, fx 01-07-2018, eller lad cellen "
        "være tom"
    ) in err
    assert "Række 3" not in err
