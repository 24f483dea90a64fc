"""`report` and `report --merge` as a caseworker and a coordinator run them (hand-built list)."""

from __future__ import annotations

import json
import shutil

import pytest
from openpyxl import load_workbook

from caseworker_app.cli import main
from tests.evaluation_cases import build
from tests.pdf import pdf_text

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils mangler")
PERIOD = ("--from", "01-01-2020", "--to", "31-12-2021", "--today", "01-03-2022")


def run(capsys, *args):
    try:
        code = main(list(args))
    except SystemExit as exc:
        code = exc.code
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("report") / "sager.db"
    build(path).close()
    return path


@pytest.fixture
def files(db, tmp_path, capsys):
    """Anne's and Mads's counts files and one of every case (--all)."""
    out = {}
    for name, who in (
        ("anne", ("--caseworker", "Anne Jensen")),
        ("mads", ("--caseworker", "Mads Kristensen")),
        ("all", ("--all",)),
    ):
        out[name] = tmp_path / f"{name}.json"
        code, _, err = run(capsys, "report", "--db", str(db), *PERIOD, *who, "--json", str(out[name]))
        assert code == 0, err
    return out


def _counts(path):
    return {t: b["counts"] for t, b in json.loads(path.read_text(encoding="utf-8"))["trials"].items()}


def test_counts_file_holds_counts_only(files):
    text = files["anne"].read_text(encoding="utf-8")
    for personal in ("Anne", "Opdigtet", "2019-0001", "2018-0002"):
        assert personal not in text
    content = json.loads(text)
    assert content["period"] == {"from": "2020-01-01", "to": "2021-12-31"}
    assert set(content["trials"]) == {"T08", "T09"}
    # Anne's T08 cases A-E: 5 citizens; follow-ups A, B, E = 3.
    assert content["trials"]["T08"]["counts"]["citizens"] == 5
    assert content["trials"]["T08"]["counts"]["event:followup"] == 3


def test_merge_gives_the_same_totals_as_one_report(files, tmp_path, capsys):
    merged = tmp_path / "samlet.json"
    code, _, err = run(capsys, "report", "--merge", str(files["anne"]), str(files["mads"]), "--json", str(merged))
    assert code == 0, err
    content = json.loads(merged.read_text(encoding="utf-8"))
    assert content["merged_from"] == 2
    assert {t: b["counts"] for t, b in content["trials"].items()} == _counts(files["all"])
    # Spot check by hand: T08 saved 8 (Anne A1+B1+D1+E2 = 5, Mads F1+G2 = 3).
    assert content["trials"]["T08"]["counts"]["saved"] == 8


def test_merging_files_made_with_an_extension_needs_the_database_that_has_it(tmp_path, capsys):
    """A tester: files made from a database where the municipality extended a trial, merged
    without --db, gave a report saying the trial's period in the report was "ingen" above the
    citizens it counted. The report is written with the catalog of --db (or the shipped one)."""
    from caseworker_app.store import CaseStore

    path = tmp_path / "sager.db"
    build(path).close()
    with CaseStore(path) as store:
        store.add_override("T08", "extension", "2027-12-31", "Beskæftigelsesministerens brev af 15-11-2025")
    names = []
    for who in ("Anne Jensen", "Mads Kristensen"):
        name = tmp_path / f"{who.split()[0]}.json"
        code, _, err = run(capsys, "report", "--db", str(path), *PERIOD, "--caseworker", who, "--json", str(name))
        assert code == 0, err
        names.append(str(name))
    code, _, err = run(capsys, "report", "--merge", *names, "--json", str(tmp_path / "samlet.json"))
    assert code != 0 and not (tmp_path / "samlet.json").exists()
    assert "Forsøg T08 er defineret anderledes i Anne.json end i det forsøgskatalog" in err
    assert "Læg filerne sammen med --db og kommunens database" in err
    code, _, err = run(capsys, "report", "--db", str(path), "--merge", *names, "--json", str(tmp_path / "samlet.json"))
    assert code == 0, err


def test_a_file_made_for_some_trials_only_is_not_merged_as_if_it_had_them_all(db, files, tmp_path, capsys):
    """A tester: Anne's file made for T08 alone, merged with Mads's (T08 and T09), gave T09 Mads's
    figures alone under "2 sagsbehandleres tal lagt sammen", and nothing said Anne's were missing."""
    only_t08 = tmp_path / "anne-t08.json"
    code, _, err = run(
        capsys, "report", "--db", str(db), *PERIOD, "--caseworker", "Anne Jensen", "--trial", "T08", "--json",
        str(only_t08),
    )  # fmt: skip
    assert code == 0, err
    assert set(json.loads(files["mads"].read_text(encoding="utf-8"))["trials"]) == {"T08", "T09"}
    code, _, err = run(
        capsys, "report", "--merge", str(only_t08), str(files["mads"]), "--json", str(tmp_path / "s.json")
    )
    assert code != 0 and not (tmp_path / "s.json").exists()
    assert (
        "anne-t08.json er lavet uden forsøg T09, som der er sager i for perioden, men mads.json har tal for "
        "dem, så tallene fra anne-t08.json ville mangle"
    ) in err
    # Files made without naming trials hold those with the caseworker's cases: summed as before
    # (Mads has no case in a trial Anne's file has that his lacks, and the other way round).
    code, _, err = run(
        capsys, "report", "--merge", str(files["anne"]), str(files["mads"]), "--json", str(tmp_path / "s.json")
    )
    assert code == 0, err


@needs_poppler
def test_merged_pdf(files, tmp_path, capsys):
    pdf = tmp_path / "kommune.pdf"
    code, out, err = run(
        capsys, "report", "--merge", str(files["anne"]), str(files["mads"]), "--minutes", "30", "--pdf", str(pdf)
    )
    assert code == 0, err
    text = pdf_text(pdf)
    assert "2 sagsbehandleres tal lagt sammen" in text
    # 8 saved at 30 minutes = 4 hours.
    hours = next(line for line in text.splitlines() if line.startswith("Frigjorte timer"))
    assert "4 timer (8" in hours
    assert "2019-0001" not in text  # no case numbers in a merged report


def _edit(path, change):
    content = json.loads(path.read_text(encoding="utf-8"))
    change(content)
    path.write_text(json.dumps(content), encoding="utf-8")


def _rechecksum(content):
    from caseworker_app.core.evaluation_merge import _checksum

    content["checksum"] = _checksum({k: v for k, v in content.items() if k != "checksum"})


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda c: c["trials"]["T08"]["counts"].update(citizens=50), "ændret efter, den blev skrevet"),
        (lambda c: (c.update(citizen="Opdigtet Borger"), _rechecksum(c)), "feltet 'citizen' hører ikke til"),
        (
            lambda c: (c["trials"]["T08"]["counts"].update({"2019-0001": 1}), _rechecksum(c)),
            "'2019-0001' er ikke et kendt tal",
        ),
        (lambda c: (c["trials"]["T08"]["counts"].update(citizens="010162-0000"), _rechecksum(c)), "er ikke et antal"),
        (lambda c: (c.update(municipality="Kommune 0101620000"), _rechecksum(c)), "må ikke indeholde cifre"),
        (lambda c: (c.update(program_version="0.0.9"), _rechecksum(c)), "programmets version 0.0.9"),
    ],
)
def test_merge_refuses_anything_but_untouched_counts(files, tmp_path, capsys, change, message):
    _edit(files["mads"], change)
    pdf = tmp_path / "kommune.pdf"
    code, _, err = run(capsys, "report", "--merge", str(files["anne"]), str(files["mads"]), "--pdf", str(pdf))
    assert code == 2
    assert message in err and "Filen er ikke brugt." in err
    assert not pdf.exists()


def test_merge_refuses_other_periods_and_the_same_list_twice(db, files, tmp_path, capsys):
    other = tmp_path / "andet.json"
    assert (
        run(
            capsys,
            "report",
            "--db",
            str(db),
            "--from",
            "01-01-2020",
            "--to",
            "31-12-2020",
            "--today",
            "01-03-2022",
            "--caseworker",
            "Mads Kristensen",
            "--json",
            str(other),
        )[0]
        == 0
    )
    code, _, err = run(capsys, "report", "--merge", str(files["anne"]), str(other), "--json", str(tmp_path / "x.json"))
    assert code == 2 and "samme periode" in err
    copy = tmp_path / "kopi.json"
    shutil.copy(files["anne"], copy)
    code, _, err = run(capsys, "report", "--merge", str(files["anne"]), str(copy), "--json", str(tmp_path / "x.json"))
    assert code == 2 and "ville blive talt to gange" in err
    assert not (tmp_path / "x.json").exists()


@needs_poppler
def test_report_pdf_has_figures_then_points_then_appendix(db, tmp_path, capsys):
    pdf = tmp_path / "evaluering.pdf"
    code, out, err = run(capsys, "report", "--db", str(db), *PERIOD, "--all", "--pdf", str(pdf))
    assert code == 0, err
    assert out.startswith("Evaluering 01-01-2020 – 31-12-2021 gemt som")
    layout = pdf_text(pdf)
    text = " ".join(layout.split())
    figures = text.index("7. Forsøgets resultater – i tal")
    points = text.index("8. Konklusion på forsøget")
    appendix = text.index("Bilag T08: sagerne bag tallene")
    assert figures < points < appendix
    line = next(line for line in layout.splitlines() if line.startswith("Stadig i løntilskudsjobbet"))
    assert "6 af 7 (85,7 %)" in line
    assert "Opdigtet" not in text  # never a name


def test_report_xlsx_read_back(db, tmp_path, capsys):
    sheet = tmp_path / "evaluering.xlsx"
    code, _, err = run(capsys, "report", "--db", str(db), *PERIOD, "--all", "--minutes", "45", "--xlsx", str(sheet))
    assert code == 0, err
    book = load_workbook(sheet)
    assert book.sheetnames == ["Tal", "Bilag", "Sparet pr. sag", "Punkt 6-10", "Om rapporten"]
    figures = {(r[0], r[2].strip()): r[3] for r in book["Tal"].iter_rows(min_row=2, values_only=True)}
    assert figures[("T08", "Borgere i forsøget i perioden")] == 7
    assert figures[("T08", "Sparet (krævet minus holdt)")] == 8
    assert figures[("T08", "Frigjorte timer")].startswith("6 timer")  # 8 x 45 min = 6 h
    assert figures[("T09", "Praktikker startet i perioden")] == 3
    saved = {r[1]: r[2:5] for r in book["Sparet pr. sag"].iter_rows(min_row=2, values_only=True)}
    assert saved["2018-0005"] == (1, 3, 2)  # E: held 1, demanded 3, saved 2
    appendix = book["Bilag"].iter_rows(min_row=2, values_only=True)
    behind = [r for r in appendix if r[1] == "ikke overholdt ved periodens slutning"]
    assert sorted(r[2] for r in behind) == ["2018-0007", "2021-0103"]  # G (T08) and J (T09)


def test_the_sheet_holds_the_municipality_s_texts_as_typed_and_never_as_formulas(tmp_path, capsys):
    """A tester: a bulleted point 6 ('- Færre samtaler …') came out as "'- Færre samtaler …" with a
    visible apostrophe in the .xlsx (the PDF had it as typed); so did a FASIT number '=2024-0005'."""
    from caseworker_app.store import CaseStore
    from caseworker_app.store.evaluation_queries import ReportSettings, save_report_settings

    path = tmp_path / "sager.db"
    build(path).close()
    with CaseStore(path) as store:
        bullets = "- Færre samtaler for borgerne\n- Mere tid til de svære sager"
        save_report_settings(store, ReportSettings(45, {"6": bullets, "7": "+15 % flere i job", "8": "=1+1"}))
    sheet = tmp_path / "evaluering.xlsx"
    code, _, err = run(capsys, "report", "--db", str(path), *PERIOD, "--all", "--xlsx", str(sheet))
    assert code == 0, err
    points = {row[0].value: row[2] for row in load_workbook(sheet)["Punkt 6-10"].iter_rows(min_row=2)}
    assert [points[n].value for n in (6, 7, 8)] == [bullets, "+15 % flere i job", "=1+1"]
    # Text, not formulas: Excel's own quote prefix, which it does not show.
    assert all(points[n].data_type == "s" and points[n].quotePrefix for n in (6, 7, 8))


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--from", "31-12-2021", "--to", "01-01-2020"), "Perioden er tom"),
        (("--from", "01-01-2020", "--to", "31-12-2021", "--trial", "T01"), "Forsøg T01 har ingen fristregler"),
        (("--from", "01-01-2016", "--to", "31-12-2016", "--trial", "T08"), "ligger før forsøg T08 begyndte"),
        (("--from", "01-01-2020", "--to", "31-12-2021", "--caseworker", "Ingen"), "Ingen sager har sagsbehandleren"),
    ],
)
def test_bad_input_leaves_no_file(db, tmp_path, capsys, args, message):
    pdf = tmp_path / "r.pdf"
    code, _, err = run(capsys, "report", "--db", str(db), "--today", "01-03-2022", *args, "--pdf", str(pdf))
    assert code == 2
    assert message in err
    assert not pdf.exists() and list(tmp_path.iterdir()) == []


# ---------------------------------------------------------------- the demo, after every trial's end

DEMO_DAY = "30-11-2026"  # the demo's dates count back from it; T05 and T07 ended 31-12-2021


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    from datetime import date

    from caseworker_app.store.demo import create_demo_database

    return create_demo_database(tmp_path_factory.mktemp("demo") / "demo.db", date(2026, 11, 30))


@pytest.mark.parametrize(
    ("trial", "start", "end"),
    [
        # The demo's T07 cases start 30-03-2025, 30-06-2025, 30-04-2026 and 30-09-2026, and its T05
        # cases 30-09-2025, 20-12-2025 and 30-08-2026: all under the ordinary rule. Inside the
        # trials (to 31-12-2021) nothing happened: no figure at all (they counted 2 and 3 citizens).
        ("T07", "01-12-2021", "31-12-2025"),
        ("T05", "01-12-2021", DEMO_DAY),
    ],
)
def test_cases_after_a_trials_end_are_not_its_results(demo, capsys, trial, start, end):
    code, out, err = run(
        capsys, "report", "--db", str(demo), "--from", start, "--to", end, "--all", "--trial", trial,
        "--today", DEMO_DAY, "--json",
    )  # fmt: skip
    assert code == 0, err
    assert json.loads(out)["trials"][trial]["counts"] == {}


def test_the_sheet_says_the_period_was_cut_to_the_trials(demo, tmp_path, capsys):
    sheet = tmp_path / "t07.xlsx"
    code, _, err = run(
        capsys, "report", "--db", str(demo), "--from", "01-12-2021", "--to", "31-12-2025", "--all",
        "--trial", "T07", "--today", DEMO_DAY, "--xlsx", str(sheet),
    )  # fmt: skip
    assert code == 0, err
    rows = list(load_workbook(sheet)["Tal"].iter_rows(min_row=2, values_only=True))
    assert rows[0] == (
        "T07",
        "Periode",
        "Periode talt for forsøget",
        "01-12-2021 – 31-12-2021",
        "Perioden er afgrænset til forsøgets periode 01-07-2018 – 31-12-2021: tallene gælder "
        "01-12-2021 – 31-12-2021. Fra 01-01-2022 gælder den almindelige regel; det, der skete derefter, "
        "tælles ikke med her.",
    )
    figures = {r[2].strip(): r[3] for r in rows}
    assert (figures["Borgere i forsøget i perioden"], figures["Frister, der faldt i perioden"]) == (0, 0)


def test_a_period_after_the_trial_is_refused_as_before(demo, tmp_path, capsys):
    code, _, err = run(
        capsys, "report", "--db", str(demo), "--from", "01-01-2022", "--to", "31-12-2025", "--all",
        "--trial", "T07", "--today", DEMO_DAY, "--json", str(tmp_path / "t07.json"),
    )  # fmt: skip
    assert code == 2
    assert "ligger efter forsøg T07 sluttede (31-12-2021)" in err
    assert list(tmp_path.iterdir()) == []
