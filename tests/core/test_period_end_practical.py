"""A period's last day (duration_end: a praktik, an extension) has no practical date in any output
(docs/decisions.md 7): the lists show '–', JSON says null, and no line says 'senest i praksis'.
A follow-up on a Sunday keeps its practical date beside them."""

from __future__ import annotations

import json
from datetime import date

from caseworker_app.cli import main
from caseworker_app.cli.store import deadline_report
from caseworker_app.core.calendar_selection import case_plan, select_calendar
from caseworker_app.core.cases import CaseDeadline, CaseRecord
from caseworker_app.core.catalog_load import load_catalog
from caseworker_app.core.deadline import practical_day_text, practical_text
from caseworker_app.core.schedule import compute_deadlines
from caseworker_app.core.spreadsheet import deadline_table
from caseworker_app.ui.printing.layouts import PrintHeader, week_list_html
from caseworker_app.ui.printing.plan_layout import plan_html

CATALOG = load_catalog()
TODAY = date(2021, 7, 1)
# T09: praktik from Monday 07-06-2021, at most 4 weeks: day 1 is 07-06, day 28 is 07-06 + 27 days =
# 34-06 = Sunday 04-07-2021. No Friday before it: a praktik may run over a weekend.
PRAKTIK = CaseRecord(
    id=1, citizen="Karen Praktik", case_ref="2021-0100", trial_id="T09",
    dates={"praktik_start": date(2021, 6, 7), "unemployed_since": date(2021, 1, 1)}, caseworker="Anne Jensen",
)  # fmt: skip
# T08, hired 31-08-2018, no follow-up yet: 2½ years later is 31-02-2021, so the last day of
# February, Sunday 28-02-2021; practical date Friday 26-02-2021.
FOLLOWUP = CaseRecord(
    id=2, citizen="Jens Hansen", case_ref="2018-0412", trial_id="T08",
    dates={"hire": date(2018, 8, 31)}, caseworker="Anne Jensen",
)  # fmt: skip


def items(today: date = TODAY) -> list[CaseDeadline]:
    return [
        CaseDeadline(case, d)
        for case in (PRAKTIK, FOLLOWUP)
        for d in compute_deadlines(CATALOG[case.trial_id], case.dates, case.events, today)
    ]


def test_the_praktik_end_has_no_practical_date_and_the_follow_up_keeps_its_own():
    praktik, followup = (i.deadline for i in sorted(items(), key=lambda i: i.case.id))
    assert praktik.kind == "duration_end"
    assert praktik.legal_due == date(2021, 7, 4)
    assert (practical_text(praktik), practical_day_text(praktik)) == ("–", "–")
    assert praktik.to_json()["practical_due"] is None
    assert praktik.to_json()["legal_due"] == "2021-07-04"
    assert followup.legal_due == date(2021, 2, 28)
    assert practical_day_text(followup) == "fre 26-02-2021 (fristen 28-02-2021 er en søndag)"
    assert followup.to_json()["practical_due"] == "2021-02-26"


def test_a_t06_extension_ending_on_new_years_eve_has_no_practical_date():
    # Extension from 01-06-2025, at most 12 months, cut at the trial's last day Wednesday 31-12-2025
    # (nytårsaftensdag, a day off): still no Tuesday 30-12-2025 before it.
    (deadline,) = compute_deadlines(CATALOG["T06"], {"extension_start": date(2025, 6, 1)}, [], date(2025, 12, 1))
    assert deadline.legal_due == date(2025, 12, 31)
    assert practical_day_text(deadline) == "–"
    assert deadline.to_json()["practical_due"] is None


def test_schedule_prints_no_practical_date_for_the_praktik_end(capsys):
    args = ["schedule", "--trial", "T09", "--date", "praktik_start=07-06-2021"]
    args += ["--date", "unemployed_since=01-01-2021", "--today", "01-07-2021"]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "Praktikken slutter senest: frist 04-07-2021 – snart" in out.splitlines()
    assert "praksis" not in out
    assert main([*args, "--json"]) == 0
    (deadline,) = json.loads(capsys.readouterr().out)["deadlines"]
    assert (deadline["legal_due"], deadline["practical_due"]) == ("2021-07-04", None)


def test_deadlines_report_and_spreadsheet_show_no_practical_date():
    report = deadline_report(items(), TODAY).splitlines()
    (row,) = [line for line in report if "Karen Praktik" in line]
    assert row.split()[:3] == ["04-07-2021", "–", "Karen"]
    table = deadline_table(items())
    column = table.headers.index("Senest i praksis")
    assert {row[0]: row[column] for row in table.rows} == {"Jens Hansen": date(2021, 2, 26), "Karen Praktik": None}


def test_the_printed_calendar_and_plan_say_no_practical_date():
    selection = select_calendar(items(), date(2021, 6, 28), date(2021, 7, 4))
    page = week_list_html(selection, PrintHeader())
    # Frist: Sunday 04-07-2021; Senest i praksis: '–' (was 'samme dag').
    assert '<td rowspan="2">søn&nbsp;04-07-2021</td><td style="border-bottom-style: none">–</td>' in page
    assert "samme dag" not in page
    assert "en periodes sidste dag (fx en praktiks) har ingen (–)" in page
    plan = plan_html(case_plan(PRAKTIK, CATALOG["T09"], TODAY), PrintHeader())
    assert "<td>–</td>" in plan and "samme dag" not in plan


def test_the_citizen_plan_says_when_the_praktik_ends_and_offers_no_meeting():
    # Before the end: the last day, Sunday 04-07-2021 (praktik from 07-06-2021, 4 weeks).
    coming = plan_html(case_plan(PRAKTIK, CATALOG["T09"], TODAY), PrintHeader(), for_citizen=True)
    assert "<tr><td><b>Søn 04-07-2021</b></td><td>Praktikken slutter senest denne dag.</td></tr>" in coming
    # After it (12-07-2021, no end registered): it is over; no "Hurtigst muligt", no meeting to agree.
    ended = plan_html(case_plan(PRAKTIK, CATALOG["T09"], date(2021, 7, 12)), PrintHeader(), for_citizen=True)
    assert (
        "<tr><td><b>Søn 04-07-2021</b></td>"
        "<td>Praktikken slutter senest denne dag. Dagen er gået, så perioden er slut.</td></tr>"
    ) in ended
    assert "Hurtigst muligt" not in ended and "aftale tidspunktet" not in ended
