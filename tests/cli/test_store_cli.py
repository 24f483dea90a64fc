"""`caseworker-app demo` and `deadlines` as a user runs them, on the demo data of a fixed day."""

from __future__ import annotations

import json
import os

import pytest

from caseworker_app.cli import main
from caseworker_app.store import CaseStore
from caseworker_app.store.demo import DEMO_CASES

TODAY = "2026-11-23"  # a Monday; the demo's dates are counted back from this day


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "demo.db"
    assert main(["demo", "--db", str(path), "--today", TODAY]) == 0
    return path


@pytest.fixture
def deadlines(capsys, demo_db):
    code, out, err = run(capsys, "deadlines", "--db", str(demo_db), "--today", TODAY, "--json")
    assert (code, err) == (0, "")
    return {d["citizen"]: d for d in json.loads(out)["deadlines"]}


def test_demo_writes_a_new_file_and_says_so(capsys, tmp_path):
    path = tmp_path / "ny.db"
    code, out, _ = run(capsys, "demo", "--db", str(path), "--today", TODAY)
    assert code == 0
    assert path.exists()
    assert f"Demo-database skrevet: {path}" in out


def test_demo_refuses_an_existing_file(capsys, tmp_path):
    path = tmp_path / "sager.db"
    path.write_bytes(b"mine")
    code, out, err = run(capsys, "demo", "--db", str(path))
    assert code == 2
    assert f"filen {path} findes allerede" in err
    assert path.read_bytes() == b"mine"


def test_demo_needs_a_file_name(capsys):
    code, _, err = run(capsys, "demo")
    assert code == 2
    assert "angiv den nye databasefil med --db" in err


def fields(d):
    return d["trial"], d["legal_due"], d["practical_due"], d["status"], d["governed_by"]


def test_t08_follow_ups_under_the_demo_extension(deadlines):
    # Hired 26-05-2024 (30 months and 3 days back from 23-11-2026 is 26-05-2024): + 30 months.
    assert fields(deadlines["Jens Hansen"]) == (
        "T08",
        "2026-11-26",
        "2026-11-26",
        "due_soon",
        "trial",
    )
    # Hired 11-05-2024: 11-11-2026 has passed.
    assert fields(deadlines["Mette Nielsen"]) == (
        "T08",
        "2026-11-11",
        "2026-11-11",
        "overdue",
        "trial",
    )
    # Follow-up registered 12-06-2024 and corrected to 10-06-2024: the correction counts.
    assert fields(deadlines["Lars Pedersen"]) == (
        "T08",
        "2026-12-10",
        "2026-12-10",
        "due_soon",
        "trial",
    )
    # Employer's contact 03-07-2024 marked as full follow-up: Sunday 03-01-2027, in practice
    # Wednesday 30-12-2026 (31-12 and 01-01 are days off).
    assert fields(deadlines["Karen Jørgensen"]) == (
        "T08",
        "2027-01-03",
        "2026-12-30",
        "later",
        "trial",
    )
    # Offer 03-03-2026: the ordinary 03-09-2026 has passed when the extended trial ends 31-12-2027,
    # so the deadline is 01-01-2028, in practice Thursday 30-12-2027.
    bo = deadlines["Bo Rasmussen"]
    assert fields(bo) == ("T08", "2028-01-01", "2027-12-30", "later", "ordinary")
    assert bo["reason"].startswith("Forsøget slutter 31-12-2027")


def test_other_trials_under_the_ordinary_rule(deadlines):
    # First day of absence 04-10-2026 + 55 days = Saturday 28-11-2026, in practice Friday 27-11.
    assert fields(deadlines["Niels Thomsen"]) == (
        "T16",
        "2026-11-28",
        "2026-11-27",
        "due_soon",
        "ordinary",
    )
    # Visitation 23-09-2025, only 3 personal talks: last day of 12 months is 22-09-2026.
    assert fields(deadlines["Ahmad Hassan"]) == (
        "T05",
        "2026-09-22",
        "2026-09-22",
        "overdue",
        "ordinary",
    )
    # Visitation 23-04-2026; "plan not adjusted" does not count under the ordinary rule: 23-10-2026.
    assert fields(deadlines["Nadia Rahimi"]) == (
        "T07",
        "2026-10-23",
        "2026-10-23",
        "overdue",
        "ordinary",
    )
    # Praktik from 21-10-2026, at most 4 weeks: 17-11-2026. A period's last day has no practical
    # date (decision 7): null in the JSON.
    assert fields(deadlines["Kim Olsen"]) == (
        "T18",
        "2026-11-17",
        None,
        "overdue",
        "ordinary",
    )


def test_closed_and_finished_cases_have_no_deadline(deadlines):
    assert "Lone Andersen" not in deadlines  # closed: fastholdt i løntilskudsjob
    assert "Gitte Frederiksen" not in deadlines  # praktik ended
    assert all({"case_id", "citizen", "trial", "reason", "citation"} <= set(d) for d in deadlines.values())


def test_no_cpr_number_is_printed(capsys, demo_db):
    cprs = [c.cpr for c in DEMO_CASES if c.cpr]
    assert cprs
    for extra in ((), ("--json",)):
        _, out, _ = run(capsys, "deadlines", "--db", str(demo_db), "--today", TODAY, *extra)
        for cpr in cprs:
            assert cpr[:6] not in out and cpr.replace("-", "") not in out


def test_text_grouped_as_the_window_shows_it(capsys, demo_db):
    code, out, _ = run(capsys, "--db", str(demo_db), "deadlines", "--today", "23-11-2026")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Frister pr. 23-11-2026 – Demo Kommune"
    headings = [line for line in lines if line and not line.startswith(" ") and "(" in line]
    assert [h.split(" (")[0] for h in headings] == [
        "Overskredet",
        "Denne uge",
        "Næste 30 dage",
        "Senere",
    ]
    this_week = lines[lines.index(next(h for h in headings if h.startswith("Denne uge"))) :]
    jens = next(line for line in this_week if "Jens Hansen" in line)
    assert jens.split() == [
        "26-11-2026",
        "tor",
        "26-11-2026",
        "Jens",
        "Hansen",
        "2024-0407",
        "T08",
        "Opfølgning",
    ]
    assert "Hvorfor: 2½ år efter ansættelse i løntilskud 26-05-2024" in out


def test_trial_end_warning_ahead_of_the_end(capsys, demo_db):
    _, out, _ = run(capsys, "deadlines", "--db", str(demo_db), "--today", "2027-11-15")
    assert "! Forsøg T08 slutter 31-12-2027: " in out


def test_a_damaged_database_gives_a_danish_message_and_is_left_alone(capsys, tmp_path):
    path = tmp_path / "sager.db"
    garbage = os.urandom(2048)
    path.write_bytes(garbage)
    code, out, err = run(capsys, "deadlines", "--db", str(path))
    assert code == 1
    assert f"Filen {path} er ikke en sagsdatabase, eller den er beskadiget" in err
    assert "Traceback" not in err + out
    assert path.read_bytes() == garbage


def test_a_missing_database_is_not_created(capsys, tmp_path):
    path = tmp_path / "findes-ikke.db"
    code, _, err = run(capsys, "deadlines", "--db", str(path))
    assert code == 1
    assert f"databasen {path} findes ikke" in err
    assert not path.exists()


def test_a_read_only_command_leaves_an_empty_file_alone(tmp_path, capsys):
    from caseworker_app.cli import main

    empty = tmp_path / "tom.db"
    empty.write_bytes(b"")
    assert main(["deadlines", "--db", str(empty)]) == 1
    assert "er en tom fil, ikke en sagsdatabase. Filen er ikke ændret." in capsys.readouterr().err
    assert empty.read_bytes() == b""


def test_a_long_case_number_and_a_masked_cpr_number_are_never_cut_a_long_name_wraps(tmp_path, capsys):
    # A tester: 'JC-2021-0…' and 'Anne-Marie Christians…' named no case. A FASIT number widens its
    # column; a name goes on over more lines, broken at spaces, so the masked CPR number stays whole.
    from datetime import date

    db = tmp_path / "sager.db"
    with CaseStore(db, clock=lambda: date(2021, 2, 1)) as store:
        store.create_case(
            citizen="Anne-Marie Østergaard-Christiansen 010203-1234",
            case_ref="JC-2021-000123-LT",
            trial_id="T08",
            dates={"hire": date(2018, 8, 31)},
        )
        store.create_case(citizen="Ida Ærø", case_ref="2025-9004", trial_id="T08", dates={"hire": date(2018, 9, 3)})

    assert main(["deadlines", "--db", str(db), "--today", "01-02-2021"]) == 0

    printed = capsys.readouterr().out
    # Hired 31-08-2018: the trial's follow-up is due Sunday 28-02-2021, in practice Friday 26-02;
    # hired 03-09-2018: due Wednesday 03-03-2021.
    assert (
        "Næste 30 dage (2)\n"
        "  Frist       Senest i praksis  Borger                  Sagsnr.           Forsøg  Hvad\n"
        "  28-02-2021  fre 26-02-2021    Anne-Marie              JC-2021-000123-LT T08     Opfølgning\n"
        "                                Østergaard-Christiansen\n"
        "                                010203-xxxx\n"
        "              Hvorfor: 2½ år efter ansættelse i løntilskud 31-08-2018\n"
        "  03-03-2021  ons 03-03-2021    Ida Ærø                 2025-9004         T08     Opfølgning\n"
        "              Hvorfor: 2½ år efter ansættelse i løntilskud 03-09-2018\n"
    ) in printed
    assert "…" not in printed


def test_names_and_numbers_that_fit_keep_the_columns_they_always_had():
    from datetime import date

    from caseworker_app.cli.store import deadline_report
    from caseworker_app.core.cases import CaseRecord, deadlines_for_cases
    from caseworker_app.core.catalog_load import load_catalog

    short = CaseRecord(2, "Ida Ærø", "2025-9004", "T08", dates={"hire": date(2018, 8, 31)})
    today = date(2021, 3, 1)
    lines = deadline_report(deadlines_for_cases([short], load_catalog(), today), today).splitlines()
    assert "  28-02-2021  fre 26-02-2021    Ida Ærø                2025-9004  T08     Opfølgning" in lines


@pytest.fixture(scope="module")
def demo_march_2026(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "demo.db"
    assert main(["demo", "--db", str(path), "--today", "2026-03-01"]) == 0
    return path


@pytest.mark.parametrize(
    ("today", "ends", "applies"),
    [("01-12-2025", "slutter", "gælder"), ("01-03-2026", "sluttede", "gjaldt")],
)
def test_deadlines_say_the_trial_rules_date_in_the_tense_of_today(capsys, demo_march_2026, today, ends, applies):
    # The demo's Claus Nørgaard (T06, ends 31-12-2025): an extension begun 01-11-2025 may last to
    # the trial's last day only; the trial rule's 12 months would have given 31-10-2026.
    code, out, _ = run(capsys, "deadlines", "--db", str(demo_march_2026), "--today", today)
    assert code == 0
    lines = out.splitlines()
    at = next(i for i, line in enumerate(lines) if "Claus Nørgaard" in line)
    assert (
        lines[at + 1].split()
        == (
            f"Hvorfor: Forsøget {ends} 31-12-2025: perioden må højst vare til forsøgets sidste dag; efter "
            "forsøgsreglen højst 12 måneder fra forlængelsens start 01-11-2025"
        ).split()
    )
    assert lines[at + 2].strip() == (
        f"Efter forsøgsreglen ville fristen være 31-10-2026, men forsøget {applies} kun til og med 31-12-2025."
    )
