"""The printed follow-up calendar (week list and month grid) of a handful of fixed cases against
tests/_reference/calendar/, and those files' content checked by hand.

- test_*_equals_its_reference_file: the HTML the print job holds (ui/printing/document.calendar_job,
  as the print dialog makes it), byte for byte. Nothing varies: the print date is given. The
  stored file has a line break before each row, heading, table and paragraph so a change reads as
  a diff; removing those breaks gives the program's HTML exactly (tests/reference.html_lines).
- the test_reference_* tests read the STORED file and assert, as literals worked out by hand
  (arithmetic in tests/reference_cases.py), which deadline stands in which week of the list and
  in which day cell of the month grid, with its legal and practical date.

Regenerating is a deliberate act: run
    UPDATE_REFERENCE=1 uv run pytest tests/ui/test_reference_calendar.py
and read the diff of tests/_reference/calendar/ before committing it.
"""

from __future__ import annotations

from datetime import date
from html.parser import HTMLParser

import pytest

from caseworker_app.ui.printing.document import LAYOUT_MONTHS, LAYOUT_WEEKS, calendar_job
from tests.reference import REFERENCE_DIR, check_reference, html_lines
from tests.reference_cases import TODAY, reference_deadlines

WEEKS_FILE = "calendar/uger.html"
MONTHS_FILE = "calendar/maaneder.html"
START, END = date(2021, 2, 1), date(2021, 4, 30)
BEK_529 = "Bekendtgørelse om frikommuneforsøg II på beskæftigelses- og sygedagpengeområdet (BEK nr. 529 af 23/05/2018)"
WEEKDAYS = ("Mandag", "Tirsdag", "Onsdag", "Torsdag", "Fredag", "Lørdag", "Søndag")


def printed(layout: str) -> str:
    job = calendar_job(
        reference_deadlines(), start=START, end=END, layout=layout, user="Anne Jensen",
        municipality="Vesthimmerlands Kommune", printed_on=TODAY,
    )  # fmt: skip
    return job.html


class _Page(HTMLParser):
    """The page as sections (h2 text, or '' before the first) of table rows of cells.

    A cell is a tuple of parts: its text, then one part per <p> in it (a month grid's entries);
    <br> becomes ' / ', non-breaking spaces plain spaces.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.sections: list[tuple[str, list[list[tuple[str, ...]]]]] = [("", [])]
        self._heading: list[str] | None = None
        self._row: list[tuple[str, ...]] | None = None
        self._cell: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "h2":
            self._heading = []
        elif tag == "tr":
            self._row = []
        elif tag == "td":
            self._cell = [""]
        elif tag == "p" and self._cell is not None:
            self._cell.append("")
        elif tag == "br":
            self.handle_data(" / ")

    def handle_endtag(self, tag):
        if tag == "h2" and self._heading is not None:
            self.sections.append((" ".join("".join(self._heading).replace("\xa0", " ").split()), []))
            self._heading = None
        elif tag == "td" and self._cell is not None and self._row is not None:
            self._row.append(tuple(" ".join(part.replace("\xa0", " ").split()) for part in self._cell))
            self._cell = None
        elif tag == "tr" and self._row is not None:
            if self._row:  # header rows hold only <th>
                self.sections[-1][1].append(self._row)
            self._row = None

    def handle_data(self, data):
        if self._heading is not None:
            self._heading.append(data)
        elif self._cell is not None:
            self._cell[-1] += data


def stored_page(name: str) -> list[tuple[str, list[list[tuple[str, ...]]]]]:
    text = (REFERENCE_DIR / name).read_bytes().decode("utf-8")
    page = _Page()
    page.feed(text.replace("\n", ""))
    page.close()
    return page.sections


def first_cells(rows: list[list[tuple[str, ...]]]) -> list[list[str]]:
    return [[cell[0] for cell in row] for row in rows]


@pytest.mark.parametrize(("layout", "name"), [(LAYOUT_WEEKS, WEEKS_FILE), (LAYOUT_MONTHS, MONTHS_FILE)])
def test_calendar_html_equals_its_reference_file(layout, name):
    html = printed(layout)
    check_reference(name, html_lines(html))
    assert (REFERENCE_DIR / name).read_bytes().decode("utf-8").replace("\n", "") == html


def test_reference_calendars_name_period_printer_and_count():
    for name in (WEEKS_FILE, MONTHS_FILE):
        (_, meta), *_ = stored_page(name)
        assert first_cells(meta) == [
            ["Sagsbehandler:", "alle"],
            ["Kommune:", "Vesthimmerlands Kommune"],
            ["Periode:", "01-02-2021 – 30-04-2021"],
            ["Udvalg:", "Alle forsøg, alle sagsbehandlere"],
            ["Udskrevet:", "15-02-2021"],
            ["Udskrevet af:", "Anne Jensen"],
        ]
        text = (REFERENCE_DIR / name).read_bytes().decode("utf-8")
        # Karen Madsen's 03-01-2021 lies before the period and is overdue on 15-02-2021.
        assert "<p>5 frister i perioden – og 1 overskredet før perioden." in text


def _detail(hire: str) -> str:
    return f"Hvorfor: 2½ år efter ansættelse i løntilskud {hire} / Henvisning: {BEK_529}"


def test_reference_week_list_groups_each_deadline_under_its_week():
    sections = {title: first_cells(rows) for title, rows in stored_page(WEEKS_FILE)[1:]}
    # A deadline stands in the ISO week of its practical date, the day to act (as in the month grid
    # and the .ics). By hand: 15-02-2021 is the Monday of week 7, 26-02 the Friday of week 8, 10-03
    # the Wednesday of week 10, 31-03 the Wednesday of week 13, 29-04 the Thursday of week 17.
    assert sections == {
        "Overskredet før perioden (1)": [
            ["søn 03-01-2021 / OVERSKREDET", "ons 30-12-2020 / (fristen 03-01-2021 er en søndag)",
             "Karen Madsen / FASIT-2018-0005", "T08", "Opfølgning – OVERSKREDET"],
            [_detail("03-07-2018")],
        ],
        "Uge 7 – 2021 15-02-2021 – 21-02-2021 · 1 frist": [
            ["man 15-02-2021", "samme dag", "Søren Østergård / FASIT-2018-0003", "T08", "Opfølgning"],
            [_detail("15-08-2018")],
        ],
        "Uge 8 – 2021 22-02-2021 – 28-02-2021 · 1 frist": [
            ["søn 28-02-2021", "fre 26-02-2021 / (fristen 28-02-2021 er en søndag)",
             "Jens Hansen / FASIT-2018-0001", "T08", "Opfølgning"],
            [_detail("31-08-2018")],
        ],
        "Uge 10 – 2021 08-03-2021 – 14-03-2021 · 1 frist": [
            ["ons 10-03-2021", "samme dag", "Bo Kristensen / FASIT-2020-0006", "T07",
             "Stillingtagen til indsatsplanen"],
            [f"Hvorfor: 6 måneder efter visitation 10-09-2020 / Henvisning: {BEK_529}"],
        ],
        # Legal Monday 05-04-2021 (Anden påskedag, week 14), to be met by Wednesday 31-03: week 13.
        "Uge 13 – 2021 29-03-2021 – 04-04-2021 · 1 frist": [
            ["man 05-04-2021", "ons 31-03-2021 / (fristen 05-04-2021 er 2. påskedag)",
             "Mette Nielsen / FASIT-2018-0002", "T08", "Opfølgning"],
            [_detail("05-10-2018")],
        ],
        "Uge 17 – 2021 26-04-2021 – 02-05-2021 · 1 frist": [
            ["fre 30-04-2021", "tor 29-04-2021 / (fristen 30-04-2021 er store bededag)",
             "Bente Kjær / FASIT-2018-0004", "T08", "Opfølgning"],
            [_detail("30-10-2018")],
        ],
    }  # fmt: skip


def test_week_list_puts_a_deadline_in_the_week_it_must_be_met_in():
    # Legal Monday 05-04-2021 (Anden påskedag) -> practical Wednesday 31-03-2021, in ISO week 13
    # (29-03-2021 – 04-04-2021): a caseworker reading week 13 must find it there.
    sections = {title: first_cells(rows) for title, rows in stored_page(WEEKS_FILE)[1:]}
    week_13 = sections.get("Uge 13 – 2021 29-03-2021 – 04-04-2021 · 1 frist", [])
    assert [row[2] for row in week_13 if len(row) > 2] == [  # a deadline row, not its detail line
        "Mette Nielsen / FASIT-2018-0002"
    ]


def grid_entries(name: str) -> dict[tuple[str, int, str, int], tuple[str, ...]]:
    """(month title, ISO week, weekday, day of month) -> the entries in that day's cell."""
    found = {}
    for title, rows in stored_page(name)[1:]:
        if title.startswith("Overskredet"):
            continue
        for row in rows:
            week, *days = row
            assert len(days) == 7, title
            for weekday, cell in zip(WEEKDAYS, days, strict=True):
                if cell[0]:  # a day of another month is an empty cell
                    found[(title, int(week[0]), weekday, int(cell[0]))] = cell[1:]
    return found


def test_reference_month_grid_puts_each_deadline_on_its_practical_day():
    cells = grid_entries(MONTHS_FILE)
    with_entries = {key: entries for key, entries in cells.items() if entries}
    assert with_entries == {
        ("Februar 2021 2 frister", 7, "Mandag", 15): ("Søren Østergård (T08) / Opfølgning",),
        # Legal Sunday 28-02-2021: on Friday 26-02, the legal date in the entry.
        ("Februar 2021 2 frister", 8, "Fredag", 26): (
            "Jens Hansen (T08) / Opfølgning / fristen 28-02-2021 er en søndag",
        ),
        ("Marts 2021 2 frister", 10, "Onsdag", 10): ("Bo Kristensen (T07) / Stillingtagen til indsatsplanen",),
        # Legal Monday 05-04-2021 (Anden påskedag, after langfredag and skærtorsdag): Wednesday 31-03.
        ("Marts 2021 2 frister", 13, "Onsdag", 31): (
            "Mette Nielsen (T08) / Opfølgning / fristen 05-04-2021 er 2. påskedag",
        ),
        # Legal Friday 30-04-2021, store bededag in 2021: Thursday 29-04.
        ("April 2021 1 frist", 17, "Torsdag", 29): (
            "Bente Kjær (T08) / Opfølgning / fristen 30-04-2021 er store bededag",
        ),
    }
    # The grids: February 2021 is Monday 01-02 to Sunday 28-02 (weeks 5-8); March 01-03 (Monday,
    # week 9) to Wednesday 31-03 (week 13); April Thursday 01-04 (week 13) to Friday 30-04 (week 17).
    assert len([k for k in cells if k[0].startswith("Februar")]) == 28
    assert ("Februar 2021 2 frister", 5, "Mandag", 1) in cells
    assert ("Marts 2021 2 frister", 9, "Mandag", 1) in cells
    assert ("April 2021 1 frist", 13, "Torsdag", 1) in cells
    assert ("April 2021 1 frist", 17, "Fredag", 30) in cells
    # The overdue deadline from before the period is listed first, not put on a day.
    (_, overdue), *_ = [s for s in stored_page(MONTHS_FILE) if s[0] == "Overskredet før perioden (1)"]
    assert first_cells(overdue) == [[
        "søn 03-01-2021", "ons 30-12-2020 / (fristen 03-01-2021 er en søndag)",
        "Karen Madsen FASIT-2018-0005", "T08", "Opfølgning – OVERSKREDET",
    ]]  # fmt: skip
