"""`calendar`, `plan`, `export-ics` and `export` as a user runs them on the demo database."""

from __future__ import annotations

import csv
import io
import re
import shutil
from datetime import date

import pytest
import vobject
from openpyxl import load_workbook

from caseworker_app.cli import main
from caseworker_app.store import CaseStore
from tests.demo_facts import DEMO_DEADLINES
from tests.pdf import pdf_text

TODAY = "2026-11-23"  # a Monday; the demo's dates are counted back from this day
DEMO_CPRS = ("010162-0000", "0101620000", "010158-0000", "0101580000")
needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils mangler")


def run(capsys, *args):
    try:
        code = main(list(args))
    except SystemExit as exc:  # argparse rejects the command line itself
        code = exc.code
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("export") / "demo.db"
    assert main(["demo", "--db", str(path), "--today", TODAY]) == 0
    return path


@pytest.fixture
def fresh_db(tmp_path, demo_db):
    """A copy of the demo database a test may change."""
    path = tmp_path / "sager.db"
    shutil.copy(demo_db, path)
    return path


# ---------------------------------------------------------------- calendar


@pytest.fixture(scope="module")
def year_calendar(demo_db, tmp_path_factory):
    path = tmp_path_factory.mktemp("pdf") / "kalender.pdf"
    code = main(
        [
            "calendar",
            "--db",
            str(demo_db),
            "--from",
            "01-11-2026",
            "--to",
            "31-10-2027",
            "--today",
            TODAY,
            "--pdf",
            str(path),
        ]
    )
    assert code == 0
    return path


@needs_poppler
def test_calendar_pdf_has_title_period_citizens_and_page_numbers(year_calendar):
    text = pdf_text(year_calendar)
    assert "Opfølgningskalender" in text
    assert re.search(r"Periode:\s+01-11-2026 – 31-10-2027", text)
    assert re.search(r"Kommune:\s+Demo Kommune", text)
    assert re.search(r"Udskrevet:\s+23-11-2026", text)
    # Mette Nielsen, hired 11-05-2024: + 30 months = Wednesday 11-11-2026, overdue on 23-11-2026.
    assert re.search(r"ons 11-11-2026\s+samme dag\s+Mette Nielsen", text)
    # Rikke Bruun's agreed talk on Saturday 14-11-2026: in practice Friday 13-11-2026.
    assert re.search(r"lør 14-11-2026\s+fre 13-11-2026\s+Rikke Bruun", text)
    assert "OVERSKREDET" in text
    for cpr in DEMO_CPRS:
        assert cpr not in text


@needs_poppler
def test_a_year_of_the_demo_is_three_pages_or_more_numbered_side_n_af_m(year_calendar):
    pages = int(re.search(r"side 1 af (\d+)", pdf_text(year_calendar, 1)).group(1))
    assert pages >= 3
    for page in range(1, pages + 1):
        assert f"side {page} af {pages}" in pdf_text(year_calendar, page)


@needs_poppler
@pytest.mark.parametrize("caseworker", [[], ["--caseworker", "Anne Jensen"]])
@pytest.mark.parametrize("start", ["05-01-2026", "21-09-2026"])
def test_a_week_heading_at_a_page_break_is_in_the_pdf_once(capsys, demo_db, tmp_path, start, caseworker):
    # The heading that begins the next page (or the row that ends the page before) was painted
    # outside the page's band too: unseen, but its text was in the PDF, so a search found it twice.
    path = tmp_path / "kalender.pdf"
    code, _, err = run(
        capsys, "calendar", "--db", str(demo_db), "--from", start, "--to", "31-12-2027", "--today", TODAY,
        "--pdf", str(path), *caseworker,
    )  # fmt: skip
    assert (code, err) == (0, "")
    text = pdf_text(path)
    headings = re.findall(r"^Uge \d+ – \d{4} +\d\d-\d\d-\d{4} – .*$", text, re.M)
    assert len(headings) > 5
    assert sorted(headings) == sorted(set(headings))
    rows = re.findall(r"^\w{3} \d\d-\d\d-\d{4} .*$", text, re.M)  # a deadline's first line
    assert sorted(rows) == sorted(set(rows))


def test_calendar_says_where_it_wrote_and_how_many_pages(capsys, demo_db, tmp_path):
    out_path = tmp_path / "nov.pdf"
    code, out, err = run(
        capsys,
        "calendar",
        "--db",
        str(demo_db),
        "--from",
        "2026-11-01",
        "--to",
        "2026-11-30",
        "--today",
        TODAY,
        "--pdf",
        str(out_path),
    )
    assert (code, err) == (0, "")
    assert re.fullmatch(
        rf"Opfølgningskalender 01-11-2026 – 30-11-2026 gemt som {re.escape(str(out_path))} "
        r"\((1 side|\d+ sider)\)\n",
        out,
    )
    assert out_path.read_bytes().startswith(b"%PDF")


@needs_poppler
def test_calendar_filters_and_month_layout(capsys, demo_db, tmp_path):
    out_path = tmp_path / "maaned.pdf"
    code, _, err = run(
        capsys,
        "calendar",
        "--db",
        str(demo_db),
        "--from",
        "01-11-2026",
        "--to",
        "30-11-2026",
        "--trial",
        "t08",
        "--caseworker",
        "Anne Jensen",
        "--only-overdue",
        "--layout",
        "måneder",
        "--today",
        TODAY,
        "--pdf",
        str(out_path),
    )
    assert (code, err) == (0, "")
    text = pdf_text(out_path)
    assert re.search(r"Udvalg:\s+Forsøg T08, sagsbehandler Anne Jensen, kun overskredne frister", text)
    assert "November 2026" in text
    assert "Mette Nielsen" in text  # Anne Jensen's, T08, overdue 11-11-2026
    assert "Søren Madsen" not in text  # T08 and overdue, but Mads Kristensen's
    assert "Rikke Bruun" not in text  # overdue, but T12


@needs_poppler
def test_calendar_of_a_week_without_the_overdue_from_before_it(capsys, demo_db, tmp_path):
    out_path = tmp_path / "uge.pdf"
    args = ["calendar", "--db", str(demo_db), "--from", "30-11-2026", "--to", "06-12-2026", "--today", TODAY]
    code, out, err = run(capsys, *args, "--without-overdue-before", "--pdf", str(out_path))
    assert (code, err) == (0, "")
    assert out.endswith("(1 side)\n")
    text = pdf_text(out_path)
    assert re.search(r"Udvalg:\s+Alle forsøg, alle sagsbehandlere, uden overskredne frister fra før perioden", text)
    # 30-11 … 06-12-2026: Tina Møller 30-11 and Flemming Skov (practical 04-12). Before the week,
    # the 11 overdue on 23-11-2026; those of 24-11 … 27-11 are not overdue yet, so in neither list.
    assert re.search(r"2 frister i perioden\.\s+11 overskredne frister fra før perioden er ikke med\.", text)
    assert "Tina Møller" in text and "Flemming Skov" in text
    assert "Overskredet før perioden" not in text and "Mette Nielsen" not in text

    code, _, _ = run(capsys, *args, "--pdf", str(tmp_path / "alle.pdf"))  # as before: they come first
    assert code == 0
    assert "Overskredet før perioden (11)" in pdf_text(tmp_path / "alle.pdf")


@needs_poppler
def test_plan_for_the_file_and_for_the_citizen(capsys, demo_db, tmp_path):
    for_file, for_citizen = tmp_path / "plan.pdf", tmp_path / "borger.pdf"
    code, out, err = run(capsys, "plan", "--db", str(demo_db), "--case", "2", "--today", TODAY, "--pdf", str(for_file))
    assert (code, err) == (0, "")
    assert out.startswith("Opfølgningsplan for Mette Nielsen (")
    text = pdf_text(for_file)
    assert "Opfølgningsplan" in text and "Mette Nielsen" in text
    assert re.search(r"ons 11-11-2026\s+samme dag\s+Opfølgning \(OVERSKREDET\)", text)
    # If held 11-11-2026: ordinary rule + 12 months = 11-11-2027, before T08 ends 31-12-2027 (demo
    # extension), so the day after the end: Saturday 01-01-2028; 31-12 is a day off: Thu 30-12-2027.
    assert re.search(r"lør 01-01-2028\s+tor 30-12-2027\s+Opfølgning \(forventet", text)
    assert "side 1 af 1" in text
    assert "Almindelig regel ville give" in text
    code, _, _ = run(
        capsys,
        "plan",
        "--db",
        str(demo_db),
        "--case",
        "2",
        "--for-citizen",
        "--today",
        TODAY,
        "--pdf",
        str(for_citizen),
    )
    assert code == 0
    text = pdf_text(for_citizen)
    assert "Din opfølgningsplan" in text
    assert "Almindelig regel ville give" not in text


@needs_poppler
def test_t07_plan_for_the_citizen_never_promises_the_date_adjusting_the_plan_would_give(capsys, tmp_path):
    # The tester's case: ressourceforløb from 31-01-2021, plan not adjusted 03-05-2021, printed
    # 01-06-2021. Due Wednesday 03-11-2021; not adjusted again then, the ordinary rule is due the day
    # after the trial's end 31-12-2021, Saturday 01-01-2022, in practice Thursday 30-12-2021 (as
    # `schedule` gives it). Adjusting the plan would give Tuesday 03-05-2022: four months too late.
    db = tmp_path / "t07.db"
    with CaseStore(db, clock=lambda: date(2021, 6, 1)) as store:
        case_id = store.create_case(
            citizen="Karen Testesen", case_ref="T07-1", trial_id="T07", dates={"visitation": date(2021, 1, 31)}
        )
        store.add_event(case_id, day=date(2021, 5, 3), kind="plan_not_adjusted")
    pdf = tmp_path / "x.pdf"
    args = ("plan", "--db", str(db), "--case", "T07-1", "--for-citizen", "--today", "2021-06-01", "--pdf", str(pdf))
    code, _, err = run(capsys, *args)
    assert (code, err) == (0, "")
    flat = " ".join(pdf_text(pdf).split())
    assert "Senest ons 03-11-2021 Stillingtagen" in flat
    assert "Senest tor 30-12-2021 Stillingtagen" in flat
    assert "03-05-2022" not in flat


# ---------------------------------------------------------------- Outlook


def read_ics(path):
    """The events of an .ics file read by vobject (an independent parser), by UID."""
    calendar = vobject.readOne(path.read_text(encoding="utf-8"))
    return {event.uid.value: event for event in calendar.vevent_list}


def test_export_ics_twice_then_a_moved_deadline_keeps_its_uid_with_sequence_1(capsys, fresh_db, tmp_path):
    out_path = tmp_path / "frister.ics"
    args = ("export-ics", "--db", str(fresh_db), str(out_path), "--today", TODAY)
    code, out, err = run(capsys, *args)
    assert (code, err) == (0, "")
    assert out.startswith(f"{DEMO_DEADLINES} frister skrevet til {out_path}.")
    # 11 overdue on 23-11-2026: the 7 of 11-11 … 21-11 and the 4 before November (see the print
    # dialog's summary test); Outlook shows them on days before today, so the message says where.
    assert out.endswith(
        "\n11 af fristerne er overskredet og står på datoer før i dag i Outlook – se dem under Frister.\n"
    )
    first = read_ics(out_path)
    assert len(first) == DEMO_DEADLINES
    [mette_uid] = [uid for uid, e in first.items() if "Mette Nielsen" in e.summary.value]
    mette = first[mette_uid]
    # Due 11-11-2026, overdue on 23-11-2026: the event keeps the date and the title it has on any
    # day; the description says it was overdue on the day of export.
    assert mette.summary.value == "Opfølgning: Mette Nielsen (T08)"
    assert mette.description.value.startswith("Overskredet pr. 23-11-2026, da kalenderen blev eksporteret\n")
    assert mette.dtstart.value == date(2026, 11, 11)
    assert mette.dtend.value == date(2026, 11, 12)
    assert {int(e.sequence.value) for e in first.values()} == {0}

    assert run(capsys, *args)[0] == 0  # nothing moved: the same UIDs, still SEQUENCE 0
    second = read_ics(out_path)
    assert second.keys() == first.keys()
    assert {int(e.sequence.value) for e in second.values()} == {0}

    # A follow-up held 20-11-2026: + 12 months (ordinary rule) = 20-11-2027, before the trial
    # ends 31-12-2027, so the deadline is the day after the end: 01-01-2028.
    with CaseStore(fresh_db, clock=lambda: date(2026, 11, 23)) as store:
        store.add_event(2, day=date(2026, 11, 20), kind="followup", form="personligt")
    code, out, _ = run(capsys, *args)
    assert code == 0
    assert "1 med ny dato siden sidste eksport" in out
    third = read_ics(out_path)
    assert third.keys() == first.keys()
    # Saturday 01-01-2028 (Nytårsdag); Friday 31-12-2027 is nytårsaftensdag: in practice 30-12-2027.
    assert third[mette_uid].dtstart.value == date(2027, 12, 30)
    assert third[mette_uid].summary.value == "Opfølgning: Mette Nielsen (T08)"
    assert "Overskredet" not in third[mette_uid].description.value  # no longer overdue
    assert int(third[mette_uid].sequence.value) == 1  # date and status changed in one export: one step
    assert {int(e.sequence.value) for uid, e in third.items() if uid != mette_uid} == {0}

    text = out_path.read_text(encoding="utf-8")
    for cpr in DEMO_CPRS:
        assert cpr not in text
    assert "Jens Hansen" in text  # the demo case with a CPR number is there, its number is not


def test_a_deadline_overdue_since_the_last_export_gets_its_dated_status_and_a_new_sequence_on_its_old_date(
    capsys, fresh_db, tmp_path
):
    out_path = tmp_path / "frister.ics"
    args = ("export-ics", "--db", str(fresh_db), str(out_path))
    assert run(capsys, *args, "--today", TODAY)[0] == 0
    [flemming_uid] = [uid for uid, e in read_ics(out_path).items() if "Flemming Skov" in e.summary.value]
    # Two weeks later, Monday 07-12-2026: Flemming Skov's talk was due Saturday 05-12-2026 (in
    # practice Friday 04-12). Overdue now, besides the 11 of 23-11: Dorthe Jakobsen 24-11, Anja
    # Winther and Camilla Henriksen 25-11, Jens Hansen 26-11, Niels Thomsen and Lene Berg (visited
    # 13-11 + 2 weeks) 27-11, Tina Møller 30-11 and Flemming Skov: 19.
    code, out, err = run(capsys, *args, "--today", "2026-12-07")
    assert (code, err) == (0, "")
    assert "ny dato" not in out  # the date did not move: only the status changed
    assert out.endswith(
        "\n19 af fristerne er overskredet og står på datoer før i dag i Outlook – se dem under Frister.\n"
    )
    flemming = read_ics(out_path)[flemming_uid]
    assert flemming.summary.value == "Næste aftalte samtale: Flemming Skov (T15)"  # as on 23-11-2026
    assert flemming.description.value.startswith("Overskredet pr. 07-12-2026, da kalenderen blev eksporteret\n")
    assert flemming.dtstart.value == date(2026, 12, 4)
    assert int(flemming.sequence.value) == 1  # so Outlook replaces the description it has


def test_a_closed_case_is_cancelled_in_outlook_once_and_comes_back_if_reopened(capsys, fresh_db, tmp_path):
    out_path = tmp_path / "frister.ics"
    args = ("export-ics", "--db", str(fresh_db), str(out_path), "--today", TODAY)
    assert run(capsys, *args)[0] == 0
    [mette_uid] = [uid for uid, e in read_ics(out_path).items() if "Mette Nielsen" in e.summary.value]
    with CaseStore(fresh_db, clock=lambda: date(2026, 11, 23)) as store:
        store.close_case(2, reason="fastholdt i løntilskudsjob", day=date(2026, 11, 23))
    assert run(capsys, *args)[0] == 0
    cancelled = read_ics(out_path)[mette_uid]
    assert cancelled.status.value == "CANCELLED"
    assert int(cancelled.sequence.value) == 1
    assert cancelled.dtstart.value == date(2026, 11, 11)
    assert cancelled.summary.value == "Aflyst: fristen findes ikke længere"  # names no citizen
    assert "Mette Nielsen" not in out_path.read_text(encoding="utf-8")
    assert run(capsys, *args)[0] == 0
    assert mette_uid not in read_ics(out_path)  # the cancellation is sent once
    with CaseStore(fresh_db, clock=lambda: date(2026, 11, 23)) as store:
        store.reopen_case(2)
    assert run(capsys, *args)[0] == 0
    back = read_ics(out_path)[mette_uid]
    assert (back.summary.value, int(back.sequence.value)) == ("Opfølgning: Mette Nielsen (T08)", 2)
    assert back.description.value.startswith("Overskredet pr. 23-11-2026, da kalenderen blev eksporteret\n")
    assert not hasattr(back, "status")


def test_export_ics_of_a_period(capsys, demo_db, tmp_path):
    out_path = tmp_path / "december.ics"
    code, out, err = run(
        capsys,
        "export-ics",
        "--db",
        str(demo_db),
        str(out_path),
        "--from",
        "01-12-2026",
        "--to",
        "31-12-2026",
        "--today",
        TODAY,
    )
    assert code == 0
    events = read_ics(out_path).values()
    # 05-12 Flemming Skov … 15-12 Rasmus Schmidt, and two due 02-01/03-01 whose practical date is
    # Wednesday 30-12-2026 (legal or practical date in the period counts). Lene Berg's (T04) is due
    # 27-11-2026, before the period: the trial's agreed date 03-01-2027 is no deadline after it.
    assert sorted(e.summary.value.split(": ")[1] for e in events) == [
        "Brian Vestergaard (T07)",
        "Fatima Ali (T05)",
        "Flemming Skov (T15)",
        # Not Heidi Mikkelsen (T06): her extension from 08-12-2025 ended with the trial on
        # 31-12-2025 (decision 12), not 07-12-2026.
        "Karen Jørgensen (T08)",
        "Lars Pedersen (T08)",
        "Ole Kristiansen (T19)",
        "Rasmus Schmidt (T09)",
    ]
    # The 11 overdue on 23-11-2026 are not in the file, and the caseworker is told so: the printed
    # calendar of the same period would list them first.
    assert (err, out) == (
        "",
        f"7 frister skrevet til {out_path}. Åbn filen i Outlook for at få dem i kalenderen.\n"
        "11 overskredne frister fra før perioden er ikke med. En Outlook-eksport for en periode har kun "
        "periodens frister; opfølgningskalenderen har som standard også de overskredne fra før. Se fanen Frister.\n",
    )


def test_a_failed_ics_write_keeps_the_previous_export_state(capsys, fresh_db, tmp_path):
    with CaseStore(fresh_db) as store:
        before = store.ics_state()
    missing_folder = tmp_path / "findes-ikke" / "frister.ics"
    code, out, err = run(capsys, "export-ics", "--db", str(fresh_db), str(missing_folder), "--today", TODAY)
    assert code == 1
    assert f"mappen {missing_folder.parent} findes ikke" in err
    assert not missing_folder.parent.exists()
    with CaseStore(fresh_db) as store:
        assert store.ics_state() == before


# ---------------------------------------------------------------- spreadsheets


def test_export_deadlines_as_csv_for_danish_excel(capsys, demo_db, tmp_path):
    out_path = tmp_path / "frister.csv"
    code, out, err = run(capsys, "export", "--db", str(demo_db), str(out_path), "--today", TODAY)
    assert (code, err) == (0, "")
    assert out == f"{DEMO_DEADLINES} frister skrevet til {out_path}\n"
    raw = out_path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM: Excel reads æøå
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:6] == ["Borger", "Sagsnr. (FASIT)", "Forsøg", "Sagsbehandler", "Hvad", "Frist"]
    assert len(rows) == 1 + DEMO_DEADLINES  # the heading and a row each
    mette = next(r for r in rows if r[0] == "Mette Nielsen")
    assert (mette[2], mette[4], mette[5], mette[6]) == ("T08", "Opfølgning", "11-11-2026", "11-11-2026")
    for cpr in DEMO_CPRS:
        assert cpr.encode() not in raw


def test_export_cases_as_xlsx_with_closed_cases_and_masked_cpr(capsys, demo_db, tmp_path):
    out_path = tmp_path / "sager.xlsx"
    code, out, err = run(capsys, "export", "--db", str(demo_db), str(out_path), "--cases")
    assert (code, err) == (0, "")
    with CaseStore(demo_db) as store:
        cases = store.list_cases(include_closed=True)
    assert out == f"{len(cases)} sager skrevet til {out_path}\n"
    sheet = load_workbook(out_path).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("Borger", "CPR-nr.", "Sagsnr. (FASIT)")
    assert len(rows) == len(cases) + 1
    assert {r[5] for r in rows[1:]} == {"aktiv", "afsluttet"}
    jens = next(r for r in rows if r[0] == "Jens Hansen")
    assert jens[1] == "010162-xxxx"


def test_export_deadlines_as_xlsx_has_date_cells(capsys, demo_db, tmp_path):
    out_path = tmp_path / "frister.xlsx"
    assert run(capsys, "export", "--db", str(demo_db), str(out_path), "--today", TODAY)[0] == 0
    rows = list(load_workbook(out_path).active.iter_rows(values_only=True))
    mette = next(r for r in rows if r[0] == "Mette Nielsen")
    assert mette[5].date() == date(2026, 11, 11)


# ---------------------------------------------------------------- errors


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("calendar", "--from", "01-12-2026", "--to", "30-11-2026", "--pdf", "{tmp}/k.pdf"),
            "Perioden slutter 30-11-2026, før den begynder 01-12-2026.",
        ),
        (
            ("calendar", "--from", "31-02-2026", "--to", "30-11-2026", "--pdf", "{tmp}/k.pdf"),
            "'31-02-2026': den dag findes ikke – februar 2026 har 28 dage",
        ),
        (
            ("calendar", "--from", "01-11-2026", "--to", "30-11-2026", "--trial", "T99", "--pdf", "{tmp}/k.pdf"),
            "Ukendt forsøg 'T99'",
        ),
        (
            ("calendar", "--from", "01-11-2026", "--to", "30-11-2026", "--layout", "dage", "--pdf", "{tmp}/k.pdf"),
            "ugyldigt valg",
        ),
        (
            ("calendar", "--from", "01-11-2026", "--to", "30-11-2026", "--pdf", "{tmp}/k.txt"),
            "filnavnet skal ende på .pdf",
        ),
        (("calendar", "--from", "01-11-2026", "--to", "30-11-2026", "--pdf", "{tmp}"), "det er en mappe"),
        (("plan", "--case", "999", "--pdf", "{tmp}/p.pdf"), "ingen sag har nr. eller FASIT-sagsnummer '999'"),
        (("plan", "--case", "Jens", "--pdf", "{tmp}/p.pdf"), "ingen sag har nr. eller FASIT-sagsnummer 'Jens'"),
        (("export-ics", "{tmp}/f.csv"), "filnavnet skal ende på .ics"),
        (("export-ics", "{tmp}/f.ics", "--from", "02-01-2027", "--to", "01-01-2027"), "Perioden slutter 01-01-2027"),
        (("export", "{tmp}/f.ods"), "filnavnet skal ende på .csv eller .xlsx"),
    ],
)
def test_bad_input_is_a_danish_message_and_exit_2_and_writes_nothing(capsys, demo_db, tmp_path, args, message):
    folder = tmp_path / "ud"
    folder.mkdir()
    args = [a.replace("{tmp}", str(folder)) for a in args]
    code, out, err = run(capsys, *args, "--db", str(demo_db), "--today", TODAY)
    assert code == 2
    assert message in err
    assert list(folder.iterdir()) == []


def test_the_database_itself_is_never_overwritten(capsys, fresh_db):
    before = fresh_db.read_bytes()
    renamed = fresh_db.with_suffix(".csv")
    fresh_db.rename(renamed)
    code, _, err = run(capsys, "export", "--db", str(renamed), str(renamed))
    assert code == 2
    assert "det er selve databasen" in err
    assert renamed.read_bytes() == before


def test_a_closed_case_has_no_plan(capsys, demo_db, tmp_path):
    with CaseStore(demo_db) as store:
        closed = next(c for c in store.list_cases() if c.status == "afsluttet")
    code, _, err = run(capsys, "plan", "--db", str(demo_db), "--case", str(closed.id), "--pdf", str(tmp_path / "p.pdf"))
    assert code == 2
    assert f"Sagen for {closed.citizen} ({closed.case_ref}) er afsluttet" in err
    assert not (tmp_path / "p.pdf").exists()


def test_a_missing_database_is_named_and_not_created(capsys, tmp_path):
    path = tmp_path / "ingen.db"
    code, _, err = run(capsys, "export-ics", "--db", str(path), str(tmp_path / "f.ics"))
    assert code == 1
    assert f"databasen {path} findes ikke" in err
    assert not path.exists()


def test_an_unwritable_target_is_exit_1_without_a_half_file(capsys, demo_db, tmp_path):
    target = tmp_path / "mangler" / "kalender.pdf"
    code, _, err = run(
        capsys,
        "calendar",
        "--db",
        str(demo_db),
        "--from",
        "01-11-2026",
        "--to",
        "30-11-2026",
        "--today",
        TODAY,
        "--pdf",
        str(target),
    )
    assert code == 1
    assert f"Kan ikke gemme {target}: mappen {target.parent} findes ikke." in err
    assert list(tmp_path.iterdir()) == []


# ---------------------------------------------------------------- one caseworker's


@pytest.fixture
def three_caseworkers(tmp_path):
    """Anne Jensen's case, Bo Lund's, and one without a caseworker (shown to everyone)."""
    path = tmp_path / "sager.db"
    with CaseStore(path) as store:
        for citizen, ref, caseworker in (
            ("Jens Hansen", "2025-0001", "Anne Jensen"),
            ("Karen Holm", "2025-0002", "Bo Lund"),
            ("Lise Dam", "2025-0003", ""),
        ):
            store.create_case(
                citizen=citizen, case_ref=ref, trial_id="T08", dates={"hire": date(2025, 3, 3)}, caseworker=caseworker
            )
    return path


def test_export_of_one_caseworker_holds_theirs_and_the_unassigned_and_says_so(capsys, three_caseworkers, tmp_path):
    db = str(three_caseworkers)
    sheet = tmp_path / "frister.csv"
    code, out, err = run(capsys, "export", "--db", db, str(sheet), "--today", TODAY, "--caseworker", "anne jensen")
    assert (code, err) == (0, "")
    assert out == (f"2 frister skrevet til {sheet}. Kun Anne Jensens frister og frister uden sagsbehandler er med.\n")
    rows = list(csv.reader(io.StringIO(sheet.read_text(encoding="utf-8-sig")), delimiter=";"))
    assert sorted(row[0] for row in rows[1:]) == ["Jens Hansen", "Lise Dam"]

    cases = tmp_path / "sager.xlsx"
    code, out, err = run(capsys, "export", "--db", db, str(cases), "--cases", "--caseworker", "Bo Lund")
    assert (code, err) == (0, "")
    assert out == f"2 sager skrevet til {cases}. Kun Bo Lunds sager og sager uden sagsbehandler er med.\n"
    rows = list(load_workbook(cases).active.iter_rows(values_only=True))
    assert sorted(row[0] for row in rows[1:]) == ["Karen Holm", "Lise Dam"]

    ics = tmp_path / "frister.ics"
    code, out, err = run(capsys, "export-ics", "--db", db, str(ics), "--today", TODAY, "--caseworker", "Bo Lund")
    assert (code, err) == (0, "")
    assert out == (
        f"2 frister skrevet til {ics}. Kun Bo Lunds frister og frister uden sagsbehandler er med. "
        "Åbn filen i Outlook for at få dem i kalenderen.\n"
        # T08 hired 03-03-2025: the ordinary 6 months passed before the trial ended 31-12-2025, so
        # both are due 01-01-2026 and overdue on 23-11-2026.
        "2 af fristerne er overskredet og står på datoer før i dag i Outlook – se dem under Frister.\n"
    )
    calendar = vobject.readOne(ics.read_text(encoding="utf-8"))
    assert len(calendar.vevent_list) == 2
    summaries = " ".join(event.summary.value for event in calendar.vevent_list)
    assert "Karen Holm" in summaries and "Lise Dam" in summaries and "Jens Hansen" not in summaries


def test_a_calendar_of_one_caseworker_says_whose_deadlines_it_holds(capsys, three_caseworkers, tmp_path):
    target = tmp_path / "kalender.pdf"
    args = ["calendar", "--db", str(three_caseworkers), "--from", "01-11-2026", "--to", "30-11-2026"]
    code, out, err = run(capsys, *args, "--today", TODAY, "--caseworker", "bo lund", "--pdf", str(target))
    assert (code, err) == (0, "")
    # Karen Holm's and Lise Dam's deadlines of 01-01-2026, overdue before November (as in the .ics above).
    assert out == (
        f"Opfølgningskalender 01-11-2026 – 30-11-2026 gemt som {target} (1 side). "
        "Kun Bo Lunds frister og frister uden sagsbehandler er med.\n"
    )
    code, out, err = run(capsys, *args, "--today", TODAY, "--pdf", str(target))
    assert (code, err, out) == (0, "", f"Opfølgningskalender 01-11-2026 – 30-11-2026 gemt som {target} (1 side)\n")


def test_export_of_everyone_says_nothing_about_whose(capsys, three_caseworkers, tmp_path):
    sheet = tmp_path / "frister.csv"
    code, out, err = run(capsys, "export", "--db", str(three_caseworkers), str(sheet), "--today", TODAY)
    assert (code, out, err) == (0, f"3 frister skrevet til {sheet}\n", "")


@pytest.mark.parametrize("command", ["export", "export-ics", "calendar"])
def test_a_caseworker_no_case_has_is_refused_and_nothing_is_written(capsys, three_caseworkers, tmp_path, command):
    out_path = tmp_path / (
        "kalender.pdf" if command == "calendar" else "ud.ics" if command == "export-ics" else "ud.csv"
    )
    args = [command, "--db", str(three_caseworkers), "--today", TODAY, "--caseworker", "Ane Jensen"]
    if command == "calendar":
        args += ["--from", "01-11-2026", "--to", "31-12-2026", "--pdf", str(out_path)]
    else:
        args.append(str(out_path))
    code, out, err = run(capsys, *args)
    assert (code, out) == (2, "")
    assert "Ingen sag har sagsbehandleren 'Ane Jensen'. Sagsbehandlerne på sagerne er: Anne Jensen, Bo Lund." in err
    assert not out_path.exists()


def test_one_deadline_is_said_in_the_singular_and_a_caseworker_as_spelt_under_indstillinger(capsys, tmp_path):
    # A tester: a colleague's "METTE SØRENSEN" on one case headed Mette Sørensen's own calendar and
    # messages; and "1 frister i 1 aktive sager", "Åbn filen i Outlook for at få dem".
    from caseworker_app.core.settings import Settings

    path = tmp_path / "sager.db"
    with CaseStore(path) as store:
        store.save_settings(Settings(caseworker_name="Mette Sørensen", municipality="Testkommune"))
        store.create_case(
            citizen="Jens Hansen",
            case_ref="2025-0001",
            trial_id="T08",
            dates={"hire": date(2025, 3, 3)},
            caseworker="METTE SØRENSEN",
        )
        store.create_case(
            citizen="Karen Holm",
            case_ref="2025-0002",
            trial_id="T08",
            dates={"hire": date(2025, 3, 3)},
            caseworker="Mette Sørensen",
        )
    db = str(path)
    sheet = tmp_path / "frister.csv"
    code, out, err = run(capsys, "export", "--db", db, str(sheet), "--today", TODAY, "--caseworker", "mette sørensen")
    assert (code, err) == (0, "")
    assert out == f"2 frister skrevet til {sheet}. Kun Mette Sørensens frister er med.\n"
    # Her own list is named as Indstillinger spell her, however typed (the import's rule too).
    code, out, err = run(capsys, "export", "--db", db, str(sheet), "--today", TODAY, "--caseworker", "METTE SØRENSEN")
    assert out == f"2 frister skrevet til {sheet}. Kun Mette Sørensens frister er med.\n"
    # Typed in neither spelling by a colleague (Indstillinger says Bo Berg): as the window's filter
    # lists her, the first spelling by code point (core.text.shown_name).
    with CaseStore(path) as store:
        store.save_settings(Settings(caseworker_name="Bo Berg", municipality="Testkommune"))
    code, out, err = run(capsys, "export", "--db", db, str(sheet), "--today", TODAY, "--caseworker", "mette sørensen")
    assert out == f"2 frister skrevet til {sheet}. Kun METTE SØRENSENs frister er med.\n"

    with CaseStore(path) as store:
        store.close_case(store.list_cases()[0].id, reason="overgået til uddannelse", day=date(2026, 11, 20))
    code, out, err = run(capsys, "deadlines", "--db", db, "--today", TODAY)
    assert out.splitlines()[1] == "1 frist i 1 aktiv sag"
    ics = tmp_path / "frister.ics"
    code, out, err = run(capsys, "export-ics", "--db", db, str(ics), "--today", TODAY)
    assert out.splitlines()[0] == f"1 frist skrevet til {ics}. Åbn filen i Outlook for at få den i kalenderen."
