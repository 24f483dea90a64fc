"""A deadline without an agreed date, and one with the trial's own date and a caution, as the
report, the spreadsheet, the printed list and the .ics file show them."""

from __future__ import annotations

import html
import re
from datetime import date

from caseworker_app.cli.store import deadline_report
from caseworker_app.core.calendar_selection import select_calendar
from caseworker_app.core.cases import CaseDeadline, CaseRecord
from caseworker_app.core.deadline import Deadline
from caseworker_app.core.ics import deadlines_to_ics
from caseworker_app.core.spreadsheet import csv_bytes, deadline_table
from caseworker_app.ui.printing.layouts import PrintHeader, month_grid_html, week_list_html

TODAY = date(2021, 2, 1)  # a Monday
CAUTION = "Almindelig regel kontrolleret til og med 30-11-2016: kontrollér fristen."

LONE = CaseRecord(
    id=2, citizen="Lone Andersen", case_ref="2021-0007", trial_id="T12", dates={},
    caseworker="Anne Jensen",
)  # fmt: skip
JENS = CaseRecord(
    id=1, citizen="Jens Hansen", case_ref="2018-0412", trial_id="T08",
    dates={"hire": date(2018, 8, 31)}, caseworker="Anne Jensen",
)  # fmt: skip

# No date agreed: legal_due is the day computed, for sorting only.
UNDATED = Deadline(
    "T12", "caseworker_set", "Næste aftalte samtale", TODAY, TODAY, None, "overdue", "trial",
    "Forsøgsregel: datoen aftales", "BEK nr. 529",
    ("ingen dato aftalt: aftal datoen med borgeren og registrér den på sagen",),
    None, date(2023, 12, 31), False, None, "", True,
)  # fmt: skip
# The ordinary rule governs (Thursday 01-07-2021); the trial rule would have said 01-01-2022.
ORDINARY = Deadline(
    "T08", "followup", "Opfølgning", date(2021, 7, 1), date(2021, 7, 1), date(2021, 7, 1),
    "later", "ordinary", "Almindelig regel: hver 6. måned", "LAB § 1",
    ("6 måneder efter ansættelse i løntilskud ", date(2021, 1, 1)),
    None, date(2021, 12, 31), False, date(2022, 1, 1), CAUTION, False,
)  # fmt: skip
TRIAL_DUE_TEXT = (
    "Efter forsøgsreglen ville fristen være 01-01-2022, men forsøget gælder kun til og med "
    "31-12-2021; derefter gælder den almindelige regel."
)
ITEMS = [CaseDeadline(LONE, UNDATED), CaseDeadline(JENS, ORDINARY)]


def test_the_report_says_no_date_is_agreed_and_adds_the_trial_date_and_caution():
    lines = deadline_report(ITEMS, TODAY).splitlines()
    undated = lines.index("Overskredet (1)") + 2
    # The columns stay in line; the text that replaces the date has a line of its own.
    assert lines[undated] == (
        "                                Lone Andersen          2021-0007  T12     Næste aftalte samtale"
    )
    assert lines[undated + 1] == "              Frist: dato ikke aftalt – aftal og registrér den"
    assert lines[undated + 2] == (
        "              Hvorfor: Ingen dato aftalt: aftal datoen med borgeren og registrér den på sagen"
    )
    later = lines.index("Senere (1)") + 2
    assert lines[later : later + 4] == [
        "  01-07-2021  tor 01-07-2021    Jens Hansen            2018-0412  T08     Opfølgning",
        "              Hvorfor: 6 måneder efter ansættelse i løntilskud 01-01-2021",
        f"                       {TRIAL_DUE_TEXT}",
        f"                       {CAUTION}",
    ]


def test_the_spreadsheet_has_no_invented_date_and_the_full_reason():
    table = deadline_table(ITEMS)
    columns = {name: i for i, name in enumerate(table.headers)}
    undated, ordinary = table.rows
    assert undated[columns["Frist"]] == "dato ikke aftalt – aftal og registrér den"
    assert undated[columns["Senest i praksis"]] is None
    assert ordinary[columns["Frist"]] == date(2021, 7, 1)
    assert ordinary[columns["Hvorfor"]] == (
        f"6 måneder efter ansættelse i løntilskud 01-01-2021. {TRIAL_DUE_TEXT} {CAUTION}"
    )
    csv_rows = csv_bytes(table).decode("utf-8-sig").splitlines()
    assert csv_rows[1].split(";")[4:7] == [
        "Næste aftalte samtale", "dato ikke aftalt – aftal og registrér den", "",
    ]  # fmt: skip


def page_text(markup: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", markup)).split())


def test_the_printed_list_puts_an_undated_deadline_first_without_a_day():
    # July's calendar, computed on 01-02-2021: the undated deadline is listed first, on no day.
    selection = select_calendar(ITEMS, date(2021, 7, 1), date(2021, 7, 31))
    assert [i.case.citizen for i in selection.overdue_before] == ["Lone Andersen"]
    assert [i.case.citizen for i in selection.items] == ["Jens Hansen"]
    text = page_text(week_list_html(selection, PrintHeader(printed_on=TODAY)))
    assert (
        "Overskredet før perioden eller uden aftalt dato (1) Frist Senest i praksis Borger og sag "
        "Forsøg Hvad dato ikke aftalt – aftal og registrér den OVERSKREDET Lone Andersen 2021-0007 "
        "T12 Næste aftalte samtale – OVERSKREDET Hvorfor: Ingen dato aftalt"
    ) in text
    assert (
        f"Hvorfor: 6 måneder efter ansættelse i løntilskud 01-01-2021 {TRIAL_DUE_TEXT} {CAUTION} Henvisning: LAB § 1"
    ) in text
    month = page_text(month_grid_html(selection, PrintHeader(printed_on=TODAY)))
    assert "dato ikke aftalt – aftal og registrér den Lone Andersen 2021-0007" in month
    assert "Juli 2021 1 frist" in month  # only Jens Hansen's deadline is in a day's cell


def test_left_out_with_the_overdue_before_the_period_an_undated_deadline_is_counted_by_name():
    selection = select_calendar(ITEMS, date(2021, 7, 1), date(2021, 7, 31), include_overdue_before=False)
    assert selection.overdue_before == ()
    assert selection.left_out_text == "1 overskreden frist fra før perioden eller uden aftalt dato er ikke med."
    text = page_text(week_list_html(selection, PrintHeader(printed_on=TODAY)))
    assert "Lone Andersen" not in text
    assert "1 frist i perioden. 1 overskreden frist fra før perioden eller uden aftalt dato er ikke med." in text


def test_the_ics_file_leaves_an_undated_deadline_out():
    data, state = deadlines_to_ics(ITEMS, calendar_id="abc")
    text = data.decode("utf-8")
    assert text.count("BEGIN:VEVENT") == 1
    assert "Lone Andersen" not in text
    assert list(state) == ["sag-1-followup-opfoelgning-abc@opfoelgningsfrister.local"]


class _Store:
    """Just what exporting.export_ics reads and writes of a store."""

    def __init__(self, path, previous):
        self.path, self.previous, self.saved = path, previous, None

    def deadlines(self, today):
        return ITEMS

    def uncomputable(self):
        return []

    def ics_state(self):
        return "abc", dict(self.previous)

    def ics_sent_for(self):
        return {}

    def deletions(self):
        return []

    def save_ics_state(self, state, sent_for=None):
        self.saved = state


def test_export_ics_counts_the_undated_deadline_and_cancels_its_old_date(tmp_path):
    from caseworker_app.services.exporting import export_ics, omitted_text

    lone_uid = "sag-2-caseworker-set-naeste-aftalte-samtale-abc@opfoelgningsfrister.local"
    # Lone Andersen's agreed talk 20-01-2021 was exported; it was held, and no new date is agreed.
    store = _Store(tmp_path / "sager.db", {lone_uid: (date(2021, 1, 20), 0, "")})
    result = export_ics(store, tmp_path / "frister.ics", TODAY)
    assert (result.count, result.undated, result.uncomputable) == (1, 1, 0)
    assert omitted_text(result) == (
        "1 frist har ingen dato og er ikke med i filen: under Frister står, hvilken dato der skal aftales eller "
        "registreres på sagen."
    )
    text = (tmp_path / "frister.ics").read_text(encoding="utf-8")
    assert text.count("BEGIN:VEVENT") == 2  # Jens Hansen's deadline, and the old date cancelled
    assert "STATUS:CANCELLED" in text and "Lone Andersen" not in text
    assert store.saved["aflyst:" + lone_uid] == (date(2021, 1, 20), 1, "")


def test_an_ics_of_a_period_says_the_overdue_from_before_it_are_left_out_and_the_undated_once(tmp_path):
    from caseworker_app.services.exporting import export_ics, left_out_before_text, omitted_text

    store = _Store(tmp_path / "sager.db", {})
    # On 02-07-2021 Jens Hansen's deadline of 01-07-2021 is overdue, before a period from 05-07-2021.
    store.deadlines = lambda today: [ITEMS[0], CaseDeadline(JENS, ORDINARY._replace(status="overdue"))]
    result = export_ics(store, tmp_path / "juli.ics", date(2021, 7, 2), start=date(2021, 7, 5), end=date(2021, 7, 31))
    assert (result.count, result.undated) == (0, 1)
    assert left_out_before_text(result) == (
        "1 overskreden frist fra før perioden er ikke med. En Outlook-eksport for en periode har kun periodens "
        "frister; opfølgningskalenderen har som standard også de overskredne fra før. Se fanen Frister."
    )
    # Lone Andersen's deadline without a date is said once, here, not also as "… eller uden aftalt dato".
    assert omitted_text(result) == (
        "1 frist har ingen dato og er ikke med i filen: under Frister står, hvilken dato der skal aftales eller "
        "registreres på sagen."
    )
