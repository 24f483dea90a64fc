"""Printed calendars and plans: PDFs written through QPrinter, read back with pdftotext."""

from __future__ import annotations

import re
import shutil
from datetime import date

import pytest
from PySide6.QtGui import QTextDocument, QTextTable

from caseworker_app.core.atomic import WriteError
from caseworker_app.core.calendar_selection import case_plan, select_calendar
from caseworker_app.core.catalog_load import load_catalog
from caseworker_app.core.event import Event
from caseworker_app.ui.printing.document import LAYOUT_MONTHS, calendar_job, plan_job, write_pdf
from caseworker_app.ui.printing.pagination import paginate
from tests.export_samples import TODAY, cpr_for, deadlines, jens_hansen, t08_cases
from tests.pdf import pdf_text

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils mangler")

FEBRUARY_1, MARCH_31 = date(2021, 2, 1), date(2021, 3, 31)
HEADER = {"user": "Anne Jensen", "municipality": "Vesthimmerlands Kommune", "printed_on": TODAY}


@pytest.fixture(scope="module")
def items():
    """About 120 deadlines with fixed dates, Jens Hansen's Sunday deadline among them."""
    return deadlines(t08_cases(120) + [jens_hansen()])


@pytest.fixture(scope="module")
def week_pdf(items, tmp_path_factory, qapp):
    path = tmp_path_factory.mktemp("print") / "kalender.pdf"
    pages = write_pdf(calendar_job(items, start=FEBRUARY_1, end=MARCH_31, **HEADER), path)
    return path, pages


def test_week_calendar_has_header_pages_and_overdue_marks(week_pdf):
    path, pages = week_pdf
    assert pages >= 3
    text = pdf_text(path)
    assert "Opfølgningskalender" in text
    assert re.search(r"Periode:\s+01-02-2021 – 31-03-2021", text)
    # Everyone's cases: the list is not Anne Jensen's, she printed it.
    assert re.search(r"Sagsbehandler:\s+alle\n", text)
    assert re.search(r"Udskrevet af:\s+Anne Jensen", text)
    assert "Opfølgningskalender · alle sagsbehandlere · Vesthimmerlands Kommune" in text
    assert re.search(r"Kommune:\s+Vesthimmerlands Kommune", text)
    assert re.search(r"Udskrevet:\s+15-02-2021", text)
    assert re.search(r"Udvalg:\s+Alle forsøg, alle sagsbehandlere", text)
    assert "side 1 af " + str(pages) in text
    assert f"side {pages} af {pages}" in text
    assert "Uge 8 – 2021" in text
    assert "OVERSKREDET" in text
    # Jens Hansen's deadline: Sunday 28-02-2021, in practice Friday 26-02-2021.
    assert re.search(r"søn 28-02-2021\s+fre 26-02-2021\s+Jens Hansen", text)


def test_every_deadline_is_printed_once_and_never_split_over_two_pages(week_pdf, items):
    path, pages = week_pdf
    selection = select_calendar(items, FEBRUARY_1, MARCH_31)
    refs = [i.case.case_ref for i in (*selection.overdue_before, *selection.items)]
    text = pdf_text(path)
    for ref in refs:
        assert text.count(ref) == 1, ref
    for page in range(1, pages + 1):
        on_page = pdf_text(path, page)
        # A deadline's facts (its case reference) and its reason are on the same page.
        assert on_page.count("FASIT-") == on_page.count("Hvorfor:"), page


def test_no_cpr_number_is_printed(week_pdf):
    text = pdf_text(week_pdf[0])
    for i in range(120):
        assert cpr_for(i) not in text and cpr_for(i).replace("-", "") not in text
    assert "010203" not in text


def test_continued_pages_repeat_the_week_title_and_column_headers(week_pdf):
    path, pages = week_pdf
    continued = [pdf_text(path, p) for p in range(2, pages + 1)]
    assert any("(fortsat)" in page for page in continued)
    for page in continued:
        if "(fortsat)" in page:
            assert "Frist" in page and "Senest i praksis" in page


def test_filter_is_described_and_applied(items, tmp_path, qapp):
    path = tmp_path / "kun-overskredne.pdf"
    job = calendar_job(
        items,
        start=FEBRUARY_1,
        end=MARCH_31,
        caseworker="Bo Østergaard",
        only_overdue=True,
        trial="T08",
        **HEADER,
    )
    write_pdf(job, path)
    text = pdf_text(path)
    assert re.search(r"Udvalg:\s+Forsøg T08, sagsbehandler Bo Østergaard, kun overskredne frister", text)
    assert re.search(r"Sagsbehandler:\s+Bo Østergaard", text)
    assert "Jens Hansen" not in text.replace("Jens Hansen ·", "")  # Anne Jensen's case is left out
    assert "samme dag" in text


def test_month_grid(items, tmp_path, qapp):
    path = tmp_path / "maaneder.pdf"
    pages = write_pdf(calendar_job(items, start=FEBRUARY_1, end=MARCH_31, layout=LAYOUT_MONTHS, **HEADER), path)
    text = pdf_text(path)
    assert pages >= 3
    for word in (
        "Februar 2021",
        "Marts 2021",
        "Mandag",
        "Søndag",
        "OVERSKREDET",
        "Jens Hansen (T08)",
    ):
        assert word in text
    # On Friday 26-02 (its practical day), saying why: the legal date is a Sunday.
    assert "fristen 28-02-2021 er en søndag" in " ".join(text.split())
    assert f"side {pages} af {pages}" in text


def test_a_month_grid_of_part_of_a_month_says_its_other_days_are_not_covered(items, tmp_path, qapp):
    path = tmp_path / "uge.pdf"
    week_8 = (date(2021, 2, 22), date(2021, 2, 28))
    write_pdf(calendar_job(items, start=week_8[0], end=week_8[1], layout=LAYOUT_MONTHS, **HEADER), path)
    text = " ".join(pdf_text(path).split())
    assert re.search(r"Februar 2021 \d+ frister · grå dage ligger uden for perioden 22-02-2021 – 28-02-2021", text)
    assert "fristen 28-02-2021 er en søndag" in text  # the period's own deadline, on Friday 26-02


def test_one_citizen_plan(tmp_path, qapp):
    plan = case_plan(jens_hansen(), load_catalog()["T08"], TODAY)
    path = tmp_path / "plan.pdf"
    assert write_pdf(plan_job(plan, **HEADER), path) == 1
    text = pdf_text(path)
    assert "Opfølgningsplan" in text
    assert re.search(r"Borger:\s+Jens Hansen", text)
    assert re.search(r"Sag \(FASIT\):\s+FASIT-2018-0017", text)
    assert "søn 28-02-2021" in text and "fre 26-02-2021" in text
    assert "lør 26-08-2023" in text and "forventet, hvis den forrige frist overholdes 26-02-2021" in text
    assert "Forsøgsregel:" in text  # the file copy names the rule
    assert "010203" not in text
    assert "side 1 af 1" in text

    citizen = tmp_path / "borger.pdf"
    write_pdf(plan_job(plan, for_citizen=True, **HEADER), citizen)
    text = pdf_text(citizen)
    flat = " ".join(text.split())
    assert "Din opfølgningsplan" in text
    assert "Her kan du se, hvornår kommunen senest følger op på din sag." in flat
    # On 15-02-2021 the legal date 28-02-2021 (a Sunday) is still coming: the citizen reads the
    # practical day, Friday 26-02-2021, then the expected next one (Saturday 26-08-2023, in
    # practice Friday 25-08-2023).
    assert "Senest fre 26-02-2021 Opfølgning" in flat
    assert "Senest fre 25-08-2023 Opfølgning (hvis vi følger op som planlagt ovenfor)" in flat
    for jargon in ("Forsøgsregel:", "Henvisning", "Hvorfor", "BEK", "jobcentret", "OVERSKREDET"):
        assert jargon not in text, jargon


def test_plan_printed_after_a_missed_deadline_counts_from_the_day_it_is_printed(tmp_path, qapp):
    # Printed Monday 30-11-2026: the follow-up due 28-02-2021 is overdue, and the next ones are
    # counted as if it is held today (core.calendar_selection.case_plan), not from 26-02-2021.
    plan = case_plan(jens_hansen(), load_catalog()["T08"], date(2026, 11, 30))
    path = tmp_path / "plan.pdf"
    write_pdf(plan_job(plan, **HEADER), path)
    flat = " ".join(pdf_text(path).split())
    assert "OVERSKREDET" in flat
    assert "tir 30-11-2027" in flat and "forventet, hvis den overskredne frist indhentes i dag 30-11-2026" in flat
    assert "tor 30-11-2028" in flat and "forventet, hvis den forrige frist overholdes 30-11-2027" in flat
    assert "26-08-2023" not in flat and "01-01-2026" not in flat

    citizen = tmp_path / "borger.pdf"
    write_pdf(plan_job(plan, for_citizen=True, **HEADER), citizen)
    flat = " ".join(pdf_text(citizen).split())
    assert "Hurtigst muligt Opfølgning: vi kontakter dig hurtigst muligt" in flat
    assert (
        "Senest tir 30-11-2027 Opfølgning (hvis vi følger op på din sag 30-11-2026; ellers flytter datoen sig)" in flat
    )


def test_t07_plan_tells_the_citizen_the_earlier_date_and_the_file_the_later_one_beside(tmp_path, qapp):
    # Plan not adjusted 03-05-2021, printed 01-06-2021: due 03-11-2021. Not adjusted again then, the
    # ordinary rule is due the day after the trial's end 31-12-2021: 01-01-2022, in practice Thursday
    # 30-12-2021; adjusted, 03-05-2022. The citizen must never be promised 03-05-2022.
    case = jens_hansen()._replace(
        trial_id="T07",
        dates={"visitation": date(2021, 1, 31)},
        events=(Event(date(2021, 5, 3), "plan_not_adjusted"),),
    )
    plan = case_plan(case, load_catalog()["T07"], date(2021, 6, 1))
    citizen = tmp_path / "borger.pdf"
    write_pdf(plan_job(plan, for_citizen=True, **HEADER), citizen)
    flat = " ".join(pdf_text(citizen).split())
    assert "Senest ons 03-11-2021 Stillingtagen til indsatsplanen" in flat
    assert (
        "Senest tor 30-12-2021 Stillingtagen til indsatsplanen (hvis vi følger op som planlagt ovenfor; "
        "alt efter hvad vi beslutter dér, kan datoen blive senere)"
    ) in flat
    assert "Senest tor 30-06-2022 Stillingtagen til indsatsplanen" in flat
    assert "03-05-2022" not in flat
    assert "samtale" not in flat  # a T07 step is a decision on the plan, not a talk

    path = tmp_path / "plan.pdf"
    write_pdf(plan_job(plan, **HEADER), path)
    flat = " ".join(pdf_text(path).split())
    # The file copy names both, its lines read between the practical date's column.
    assert re.search(
        r"forventet, hvis den forrige frist .{0,60}overholdes 03-11-2021 med indsatsplan ikke justeret; "
        r"med indsatsplan justeret .{0,60}bliver fristen 03-05-2022\)",
        flat,
    )
    assert "forventet, hvis den forrige frist overholdes 30-12-2021 med indsatsplan justeret" in flat


def test_pdf_into_a_missing_folder_fails_in_danish_and_leaves_nothing(items, tmp_path, qapp):
    job = calendar_job(items, start=FEBRUARY_1, end=MARCH_31, **HEADER)
    with pytest.raises(WriteError, match="findes ikke"):
        write_pdf(job, tmp_path / "mangler" / "kalender.pdf")
    assert list(tmp_path.iterdir()) == []


def test_a_row_taller_than_a_page_is_cut_between_lines(qapp):
    doc = QTextDocument()
    lines = "<br>".join(f"linje {n}" for n in range(200))
    doc.setHtml(f"<table border=1><thead><tr><th>A</th></tr></thead><tr><td>{lines}</td></tr></table>")
    doc.setTextWidth(400)
    pages = paginate(doc, 300, 20)
    assert len(pages) > 5
    assert pages[0].top == 0
    for before, after in zip(pages, pages[1:], strict=False):
        assert before.bottom == after.top  # nothing lost, nothing printed twice
        assert after.repeat is not None  # the header row comes again
    assert pages[-1].bottom == pytest.approx(doc.documentLayout().documentSize().height())


def test_a_section_title_row_never_ends_a_page(qapp):
    # The evaluation's tables title each section with one cell across the table ("Borgere i
    # forsøget"); a tester saw such a title alone at the foot of a page, its rows on the next.
    doc = QTextDocument()
    sections = "".join(
        f'<tr><td colspan="3"><b>Afsnit {s}</b></td></tr>'
        + "".join(f"<tr><td>Tal {s}.{n}</td><td>{n}</td><td>forklaring</td></tr>" for n in range(3))
        for s in range(12)
    )
    doc.setHtml(
        f"<table border=1><thead><tr><th>Tal</th><th>Værdi</th><th>Forklaring</th></tr></thead>{sections}</table>"
    )
    doc.setTextWidth(400)
    table = next(f for f in doc.rootFrame().childFrames() if isinstance(f, QTextTable))
    layout = doc.documentLayout()
    tops = [
        layout.blockBoundingRect(table.cellAt(r, 0).firstCursorPosition().block()).top() for r in range(table.rows())
    ]
    titles = {r for r in range(table.rows()) if table.cellAt(r, 0).columnSpan() == 3}
    cuts_after_title = 0
    for height in range(120, 400, 3):  # page heights that put a cut at every place in the table
        for page in paginate(doc, height, 20)[:-1]:
            last_row = max(r for r, top in enumerate(tops) if top < page.bottom)
            cuts_after_title += last_row in titles
    assert cuts_after_title == 0


def test_pdf_text_is_searchable_as_typed_and_a_long_name_is_shortened_in_the_header(tmp_path, qapp):
    import subprocess

    long_name = "Marie-Louise " + "Flindt-Fischer " * 12 + "Hansen"
    plan = case_plan(jens_hansen()._replace(citizen=long_name), load_catalog()["T08"], TODAY)
    path = tmp_path / "plan.pdf"
    write_pdf(plan_job(plan, **HEADER), path)
    raw = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    # No ligatures: "fl" and "fi" are two letters, so a search for "Flindt" or "fristen" finds them.
    assert "\ufb01" not in raw and "\ufb02" not in raw
    assert "Flindt-Fischer" in raw
    # The running header's left part ends in "…" and the right part (case number) is whole.
    header = raw.splitlines()[0]
    assert "…" in header
    assert header.rstrip().endswith("FASIT-2018-0017 · Vesthimmerlands Kommune")


def test_a_long_title_repeated_on_a_continued_page_is_shortened_not_cut(tmp_path, qapp):
    # A tester: an evaluation's trial title at the top of its continued page was cut mid-word
    # ("… i forbindelse med ressourcefo"). It is shortened with "…" and keeps "(fortsat)".
    from caseworker_app.ui.printing.document import PrintJob, write_pdf

    title = (
        "T07 – Fritagelse for krav om opdatering af indsatsplanens tilbud hver 6. måned i forbindelse "
        "med ressourceforløb"
    )
    rows = "".join(f"<tr><td>Række {n}</td><td>{n}</td></tr>" for n in range(120))
    html = f"<h2>{title}</h2><table><thead><tr><th>Tal</th><th>Værdi</th></tr></thead>{rows}</table>"
    path = tmp_path / "lang.pdf"
    pages = write_pdf(PrintJob(html, "Evaluering"), path)
    assert pages >= 2
    second = pdf_text(path, 2)
    [line] = [line for line in second.splitlines() if "(fortsat)" in line]
    # (pdftotext writes the ellipsis as three points.)
    assert line.startswith("T07 – Fritagelse for krav om") and line.endswith(("… (fortsat)", "... (fortsat)"))
