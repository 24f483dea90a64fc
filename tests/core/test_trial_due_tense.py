"""The trial rule's own date, said beside a deadline the trial's end cut short, in the tense of the
day the deadline is computed for: 'gælder' up to and on the trial's last day, 'gjaldt' after it, as
the reason says 'slutter' and 'sluttede' – in the engine's text, the .ics description, the
spreadsheet and the printed list alike."""

from __future__ import annotations

import html
import re
from datetime import date

import pytest

from caseworker_app.core.calendar_selection import select_calendar
from caseworker_app.core.cases import CaseDeadline, CaseRecord
from caseworker_app.core.catalog_load import load_catalog
from caseworker_app.core.ics import description_text
from caseworker_app.core.schedule import compute_deadlines
from caseworker_app.core.spreadsheet import deadline_table
from caseworker_app.ui.printing.layouts import PrintHeader, week_list_html

CATALOG = load_catalog()
# T06 ends 31-12-2025. An extension begun 01-11-2025 would last to 31-10-2026 under the trial
# rule, but may last only to the trial's last day (decision 12), and no ordinary rule is known.
CLAUS = CaseRecord(
    id=1, citizen="Claus Nørgaard", case_ref="2025-0624", trial_id="T06",
    dates={"extension_start": date(2025, 11, 1)}, caseworker="Anne Jensen",
)  # fmt: skip
BEFORE = "Efter forsøgsreglen ville fristen være 31-10-2026, men forsøget gælder kun til og med 31-12-2025."
AFTER = "Efter forsøgsreglen ville fristen være 31-10-2026, men forsøget gjaldt kun til og med 31-12-2025."


def claus_on(today):
    (deadline,) = compute_deadlines(CATALOG["T06"], CLAUS.dates, [], today)
    return deadline


@pytest.mark.parametrize(
    ("today", "ends", "expected"),
    [
        (date(2025, 12, 1), "slutter", BEFORE),
        (date(2025, 12, 31), "slutter", BEFORE),  # the trial's last day: it still applies
        (date(2026, 1, 1), "sluttede", AFTER),
        (date(2026, 3, 1), "sluttede", AFTER),
    ],
)
def test_the_trial_rules_date_is_said_in_the_tense_of_the_day_computed_for(today, ends, expected):
    d = claus_on(today)
    assert d.legal_due == date(2025, 12, 31)
    assert d.reason.startswith(f"Forsøget {ends} 31-12-2025: perioden må højst vare til forsøgets sidste dag")
    assert d.trial_due_text == expected
    assert d.remarks == (expected,)
    assert d.to_json()["trial_due_text"] == expected


def test_a_text_written_on_its_own_day_keeps_that_days_tense():
    # A journal note gives its own day (the note's writing day), whatever day the deadline was computed for.
    assert claus_on(date(2025, 12, 1)).trial_due_text_on(date(2026, 1, 1)) == AFTER
    assert claus_on(date(2026, 3, 1)).trial_due_text_on(date(2025, 12, 31)) == BEFORE


def test_the_ics_description_says_gjaldt_after_the_trials_end():
    after = description_text(CaseDeadline(CLAUS, claus_on(date(2026, 3, 1))), date(2026, 3, 1)).splitlines()
    assert f"Bemærk: {AFTER}" in after
    before = description_text(CaseDeadline(CLAUS, claus_on(date(2025, 12, 1))), date(2025, 12, 1)).splitlines()
    assert f"Bemærk: {BEFORE}" in before


def test_the_spreadsheet_says_gjaldt_after_the_trials_end():
    table = deadline_table([CaseDeadline(CLAUS, claus_on(date(2026, 3, 1)))])
    (row,) = table.rows
    assert row[table.headers.index("Hvorfor")] == (
        "Forsøget sluttede 31-12-2025: perioden må højst vare til forsøgets sidste dag; efter "
        f"forsøgsreglen højst 12 måneder fra forlængelsens start 01-11-2025. {AFTER}"
    )


def test_the_printed_list_says_gjaldt_after_the_trials_end():
    item = CaseDeadline(CLAUS, claus_on(date(2026, 3, 1)))
    selection = select_calendar([item], date(2025, 12, 29), date(2026, 1, 4))
    markup = week_list_html(selection, PrintHeader(printed_on=date(2026, 3, 1)))
    text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", markup)).split())
    assert AFTER in text
    assert "gælder kun" not in text
