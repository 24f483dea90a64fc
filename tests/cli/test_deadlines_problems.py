"""Nothing disappears silently: the command line names every case it cannot compute, and why.

The database is the demo of 23-11-2026 with T08.toml gone from the catalog, a damaged status, a
damaged date name and a lost date (tests/damaged_demo.py). Undamaged, the demo's active cases have
one deadline each but two (tests/demo_facts.py); the nine active T08 cases, 2026-0547 (T09),
2025-0568 (T05) and 2025-0617 (T06) had one each, so twelve fewer remain, in one active case fewer
(2026-0547 is no longer 'aktiv'): DEADLINES_LEFT and ACTIVE_LEFT.
"""

from __future__ import annotations

import csv
import io
import json
import shutil

import pytest
import vobject

from caseworker_app.cli import main
from caseworker_app.store import CaseStore
from caseworker_app.store.demo import create_demo_database
from tests.damaged_demo import (
    ACTIVE_LEFT,
    DEADLINES_LEFT,
    EXPECTED,
    TODAY,
    TODAY_TEXT,
    catalog_without_t08,
    damage,
    make_damaged_demo,
)
from tests.demo_facts import DEMO_ACTIVE, DEMO_DEADLINES
from tests.pdf import pdf_text

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils mangler")

CASEWORKERS = {  # of the damaged cases, by database id (demo data)
    1: "Anne Jensen", 2: "Anne Jensen", 3: "Anne Jensen", 4: "Mads Kristensen",
    5: "Louise Holm", 6: "Anne Jensen", 7: "Mads Kristensen", 8: "Peter Nielsen",
    9: "Anne Jensen", 21: "Anne Jensen", 24: "Louise Holm", 31: "Louise Holm",
}  # fmt: skip


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def reduced_catalog(tmp_path_factory):
    return catalog_without_t08(tmp_path_factory.mktemp("trials"))


def remove_t08(monkeypatch, catalog) -> None:
    """From now on the program's shipped catalog is the one without T08.toml."""
    monkeypatch.setattr("caseworker_app.store.overrides_store.shipped_catalog", lambda: catalog)


@pytest.fixture(scope="module")
def damaged_file(tmp_path_factory):
    return make_damaged_demo(tmp_path_factory.mktemp("damaged") / "demo.db")


@pytest.fixture
def damaged_db(damaged_file, reduced_catalog, monkeypatch):
    remove_t08(monkeypatch, reduced_catalog)
    return damaged_file


def expected_lines():
    return [
        f"  Sag {ref} (nr. {case_id}) kan ikke beregnes: {reason}"
        for case_id, ref, _citizen, _trial, reason in EXPECTED
    ]


def test_deadlines_names_each_case_on_stderr_and_exits_3(capsys, damaged_db):
    code, out, err = run(capsys, "deadlines", "--db", str(damaged_db), "--today", TODAY_TEXT)
    assert code == 3
    assert err.splitlines() == ["12 sager kan ikke beregnes:", *expected_lines()]
    assert err.splitlines()[2] == (
        "  Sag 2022-0428 (nr. 4) kan ikke beregnes: forsøg T08 findes ikke i forsøgskataloget"
    )
    # The deadlines that can be computed are still printed, and the count says what is missing.
    lines = out.splitlines()
    assert lines[1] == f"{DEADLINES_LEFT} frister i {ACTIVE_LEFT} aktive sager; 12 sager kan ikke beregnes"
    for _id, _ref, citizen, _trial, _reason in EXPECTED:
        assert citizen not in out  # none of them has a deadline in the list
        assert citizen not in err  # and stderr names cases by number only
    assert "Rikke Bruun" in out  # a sound case (T12) is listed as before


def test_deadlines_json_has_the_cases_that_cannot_be_computed(capsys, damaged_db):
    code, out, err = run(capsys, "deadlines", "--db", str(damaged_db), "--today", TODAY_TEXT, "--json")
    assert code == 3
    assert err.splitlines() == ["12 sager kan ikke beregnes:", *expected_lines()]
    data = json.loads(out)
    assert data["cannot_compute"] == [
        {"case_id": case_id, "case_ref": ref, "trial": trial, "reason": reason}
        for case_id, ref, _citizen, trial, reason in EXPECTED
    ]
    assert len(data["deadlines"]) == DEADLINES_LEFT
    assert not {d["case_id"] for d in data["deadlines"]} & {e[0] for e in EXPECTED}


def test_a_sound_database_still_exits_0_with_an_empty_list(capsys, tmp_path):
    path = create_demo_database(tmp_path / "demo.db", TODAY)
    code, out, err = run(capsys, "deadlines", "--db", str(path), "--today", TODAY_TEXT, "--json")
    assert (code, err) == (0, "")
    assert json.loads(out)["cannot_compute"] == []
    code, out, err = run(capsys, "deadlines", "--db", str(path), "--today", TODAY_TEXT)
    assert (code, err) == (0, "")
    assert out.splitlines()[1] == f"{DEMO_DEADLINES} frister i {DEMO_ACTIVE} aktive sager"


def test_the_spreadsheet_has_a_row_per_case_with_the_reason_and_no_dates(capsys, damaged_db, tmp_path):
    target = tmp_path / "frister.csv"
    code, out, err = run(capsys, "export", "--db", str(damaged_db), str(target), "--today", TODAY_TEXT)
    assert code == 3  # written, but cases are missing from it: as `deadlines` says it (a nightly job sees it)
    assert out == f"22 frister skrevet til {target}\n"
    assert err == "12 sager kan ikke beregnes; de står nederst i regnearket med årsagen.\n"
    rows = list(csv.reader(io.StringIO(target.read_text(encoding="utf-8-sig")), delimiter=";"))
    assert rows[0][:11] == [
        "Borger", "Sagsnr. (FASIT)", "Forsøg", "Sagsbehandler", "Hvad", "Frist",
        "Senest i praksis", "Fridag", "Status", "Almindelig regel ville give", "Hvorfor",
    ]  # fmt: skip
    assert len(rows) == 1 + 22 + 12
    assert rows[-12:] == [
        [citizen, ref, trial, CASEWORKERS[case_id], "Frist kan ikke beregnes", "", "", "",
         "kan ikke beregnes", "", reason, "", ""]
        for case_id, ref, citizen, trial, reason in EXPECTED
    ]  # fmt: skip


def test_export_ics_says_how_many_cases_are_left_out_and_keeps_their_events(
    capsys, tmp_path, reduced_catalog, monkeypatch
):
    path = create_demo_database(tmp_path / "demo.db", TODAY)
    first = tmp_path / "før.ics"
    assert run(capsys, "export-ics", "--db", str(path), str(first), "--today", TODAY_TEXT)[0] == 0
    damage(path)
    remove_t08(monkeypatch, reduced_catalog)
    again = tmp_path / "efter.ics"
    code, out, err = run(capsys, "export-ics", "--db", str(path), str(again), "--today", TODAY_TEXT)
    assert code == 3  # written, but 12 cases are not in Outlook: a nightly job must see that
    assert out.startswith(f"22 frister skrevet til {again}.")
    assert err == (
        "12 sager kan ikke beregnes og er ikke med i filen (tidligere eksporterede aftaler for dem er ikke ændret).\n"
    )
    calendar = vobject.readOne(again.read_text(encoding="utf-8"))
    events = calendar.contents.get("vevent", [])
    # No event of the twelve cases is sent as cancelled: they are not closed, only not computed.
    assert [e for e in events if hasattr(e, "status")] == []
    assert len(events) == DEADLINES_LEFT
    assert not [e for e in events if e.uid.value.split("-")[1] in {str(x[0]) for x in EXPECTED}]


@needs_poppler
@pytest.mark.parametrize("layout", ["uger", "måneder"])
def test_the_calendar_pdf_ends_with_the_cases_that_cannot_be_computed(capsys, damaged_db, tmp_path, layout):
    target = tmp_path / "nov.pdf"
    code, _, err = run(
        capsys, "calendar", "--db", str(damaged_db), "--from", "01-11-2026", "--to", "30-11-2026",
        "--layout", layout, "--today", TODAY_TEXT, "--pdf", str(target),
    )  # fmt: skip
    assert (code, err) == (3, "12 sager kan ikke beregnes; de står sidst i kalenderen med årsagen.\n")
    text = pdf_text(target)
    flat = " ".join(text.split())
    # (Qt's PDF also keeps the clipped-off text at a page's foot, so look from the explanation.)
    section = flat[flat.index("Sager, der ikke kan beregnes (12) Fristerne") :]
    assert section.startswith(
        "Sager, der ikke kan beregnes (12) Fristerne for disse sager er ikke med ovenfor. Ret "
        "sagen, eller bed IT kontrollere forsøgskataloget og databasen."
    )
    # The table may begin on the next page (its header row is repeated there).
    assert "Sagsnr. (FASIT) Forsøg Hvorfor 2021-0421 T08 forsøg T08 findes ikke i forsøgskataloget" in section
    for _id, ref, citizen, trial, reason in EXPECTED:
        assert f"{ref} {trial} {reason}" in section
        assert citizen not in section
    assert "010162" not in text  # Jens Hansen's demo CPR number


def test_a_filtered_calendar_names_only_the_cases_of_its_filter(damaged_db):
    from caseworker_app.ui.printing.jobs import calendar_print_job

    with CaseStore(damaged_db) as store:
        job = calendar_print_job(store, TODAY, start=TODAY, end=TODAY, trial="T06", caseworker="Louise Holm")
    assert "Sager, der ikke kan beregnes (1)" in job.html
    assert "2025-0617" in job.html and "2025-0568" not in job.html


def test_the_calendar_command_names_only_the_cases_of_its_filter_and_whose_they_are(capsys, damaged_db, tmp_path):
    target = tmp_path / "t06.pdf"
    code, out, err = run(
        capsys, "calendar", "--db", str(damaged_db), "--from", TODAY_TEXT, "--to", TODAY_TEXT, "--trial", "T06",
        "--caseworker", "louise holm", "--today", TODAY_TEXT, "--pdf", str(target),
    )  # fmt: skip
    assert code == 3  # her one case that cannot be computed is named (below)
    assert (
        out
        == f"Opfølgningskalender 23-11-2026 – 23-11-2026 gemt som {target} (1 side). Kun Louise Holms frister er med.\n"
    )
    # Her T06 case 2025-0617, not Anne Jensen's T08 cases nor another trial's.
    assert err == "1 sag kan ikke beregnes; de står sidst i kalenderen med årsagen.\n"


def test_a_sound_calendar_has_no_such_section(tmp_path):
    from caseworker_app.ui.printing.jobs import calendar_print_job

    with CaseStore(create_demo_database(tmp_path / "demo.db", TODAY)) as store:
        job = calendar_print_job(store, TODAY, start=TODAY, end=TODAY)
    assert "kan ikke beregnes" not in job.html


PLAN_REFUSED = "Planen udskrives ikke: ret sagen i sagsvinduet, eller bed IT kontrollere forsøgskataloget og databasen."


@pytest.mark.parametrize(
    ("case", "why"),
    [
        # Heidi Mikkelsen: lost the date of her extension's start.
        ("2025-0617", "Sag 2025-0617 (nr. 31) kan ikke beregnes: mangler datoen for forlængelsens start "
         "(uden forelæggelse for rehabiliteringsteamet)"),
        # Hanne Sørensen: T08.toml is gone (said before as "Forsøg 'T08' findes ikke i kataloget.").
        ("4", "Sag 2022-0428 (nr. 4) kan ikke beregnes: forsøg T08 findes ikke i forsøgskataloget"),
    ],
)  # fmt: skip
def test_a_plan_for_a_case_that_cannot_be_computed_is_refused_by_fasit_number(capsys, damaged_db, tmp_path, case, why):
    target = tmp_path / "plan.pdf"
    code, out, err = run(
        capsys, "plan", "--db", str(damaged_db), "--case", case, "--today", TODAY_TEXT, "--pdf", str(target)
    )
    assert (code, out) == (2, "")  # as for a closed case; never "Sagen har ingen kommende frister."
    assert err == f"caseworker-app: fejl: {why}. {PLAN_REFUSED}\n"
    assert "Heidi Mikkelsen" not in err and "Hanne Sørensen" not in err
    assert not target.exists()
