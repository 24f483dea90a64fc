"""`caseworker-app import`'s preview: every row on asking (--alle-rækker), a header over two rows
named, and a list whose rows are all left out said as such."""

from __future__ import annotations

import openpyxl

from caseworker_app.cli import main

TODAY = "2026-11-30"


def run(capsys, *args):
    code = main([*args, "--today", TODAY])
    out, err = capsys.readouterr()
    return code, out, err


def long_list(tmp_path, count):
    path = tmp_path / "lang.csv"
    rows = ["Navn;Sagsnr;Forsøg;Ansat"] + [f"Borger {n};2026-{n:04};T08;01-02-2024" for n in range(1, count + 1)]
    path.write_bytes(("\r\n".join(rows) + "\r\n").encode("utf-8"))
    return path


def row_lines(out):
    return [line for line in out.splitlines() if line.startswith("Række ")]


def test_the_preview_shows_20_rows_and_names_the_option_that_shows_the_rest(capsys, tmp_path):
    code, out, _ = run(capsys, "import", "--db", str(tmp_path / "s.db"), str(long_list(tmp_path, 25)), "--dry-run")
    assert code == 0
    lines = row_lines(out)
    assert (len(lines), lines[0][:19], lines[-1][:20]) == (20, "Række 2: Borger 1 (", "Række 21: Borger 20 ")
    assert "… og 5 rækker mere. Se dem alle med --alle-rækker." in out.splitlines()


def test_every_row_with_alle_raekker_or_alle(capsys, tmp_path):
    path = long_list(tmp_path, 25)
    for option in ("--alle-rækker", "--alle"):
        code, out, _ = run(capsys, "import", "--db", str(tmp_path / "s.db"), str(path), "--dry-run", option)
        assert code == 0
        lines = row_lines(out)
        assert (len(lines), lines[-1][:20]) == (25, "Række 26: Borger 25 ")
        assert "rækker mere" not in out


def test_one_row_more_is_named_as_one(capsys, tmp_path):
    _, out, _ = run(capsys, "import", "--db", str(tmp_path / "s.db"), str(long_list(tmp_path, 21)), "--dry-run")
    assert "… og 1 række mere. Se den med --alle-rækker." in out.splitlines()


def test_a_header_over_two_rows_is_named_and_its_cases_imported(capsys, tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    for column, header in zip("ABC", ["Navn", "Sagsnr.", "Forsøg"], strict=True):
        ws[f"{column}1"] = header
        ws.merge_cells(f"{column}1:{column}2")
    ws["D1"] = "Datoer"
    ws.merge_cells("D1:E1")
    ws["D2"], ws["E2"] = "Ansat", "Sidste opf."
    ws.append(["Søren Østergaard", "2024-0412", "T08", "15-08-2023", "15-03-2025"])
    path = tmp_path / "tohdr.xlsx"
    wb.save(path)
    code, out, err = run(capsys, "import", "--db", str(tmp_path / "s.db"), str(path), "--dry-run")
    assert (code, err) == (0, "")
    assert out.splitlines()[1] == (
        "1 række læst fra tohdr.xlsx (arket 'Sheet'); overskrifterne står i række 1 og 2. 1 ny sag."
    )
    assert (
        "Kolonner: Navn → Borgerens navn; Sagsnr. → FASIT-sagsnummer; Forsøg → Forsøg; "
        "Ansat → Ansættelse i løntilskud; Sidste opf. → Seneste opfølgning"
    ) in out.splitlines()
    # 15-03-2025 + 12 months = Sunday 15-03-2026 → practical Friday 13-03-2026
    assert row_lines(out) == [
        "Række 3: Søren Østergaard (2024-0412), T08; ansættelse i løntilskud 15-08-2023, seneste opfølgning "
        "15-03-2025 – næste frist 15-03-2026, senest i praksis fre 13-03-2026 (fristen 15-03-2026 er en søndag) "
        "– overskredet"
    ]


def test_a_list_of_a_sum_row_only_says_so(capsys, tmp_path):
    path = tmp_path / "sum.csv"
    path.write_bytes("Navn;Sagsnr;Forsøg;Ansat\r\nI alt;;;\r\n".encode())
    db = tmp_path / "s.db"
    code, out, _ = run(capsys, "import", "--db", str(db), str(path), "--dry-run")
    assert code == 0
    assert "Der er ingen sager at importere: række 2 er en sumrække ('I alt') uden sag." in out.splitlines()
    code, _, err = run(capsys, "import", "--db", str(db), str(path))
    assert code == 2
    assert "Der er ingen sager at importere: række 2 er en sumrække ('I alt') uden sag." in err
    assert "ingen rækker med sager under overskrifterne" not in err
