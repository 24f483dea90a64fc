"""Which deadlines a printed calendar holds and how they are grouped; dates worked out by hand."""

from __future__ import annotations

from datetime import date

import pytest

from caseworker_app.core.calendar_selection import case_plan, group_by_week, month_grids, select_calendar
from caseworker_app.core.catalog_load import load_catalog
from caseworker_app.core.event import Event
from tests.export_samples import TODAY, deadlines, jens_hansen, t08_cases
from tests.name_order import CREATED, DANISH_ORDER


def names(items):
    return [i.case.citizen for i in items]


def new_year_case():
    """Hired 01-07-2018: due Friday 01-01-2021 (Nytårsdag), in practice Wednesday 30-12-2020."""
    return t08_cases(1)[0]._replace(id=2, citizen="Søren Nytår", caseworker="Bo Østergaard")


def may_day_case():
    """Hired 01-11-2018: due Saturday 01-05-2021; Friday 30-04-2021 is store bededag, so in practice
    Thursday 29-04-2021."""
    return jens_hansen()._replace(id=3, citizen="Åse Maj", dates={"hire": date(2018, 11, 1)})


def test_a_deadline_is_in_the_period_by_its_legal_or_its_practical_date():
    items = deadlines([jens_hansen()])  # legal Sunday 28-02-2021, practical Friday 26-02-2021
    assert names(select_calendar(items, date(2021, 2, 27), date(2021, 2, 28)).items) == ["Jens Hansen"]
    assert names(select_calendar(items, date(2021, 2, 20), date(2021, 2, 26)).items) == ["Jens Hansen"]
    assert select_calendar(items, date(2021, 3, 1), date(2021, 3, 31)).items == ()
    assert select_calendar(items, date(2021, 2, 1), date(2021, 2, 25)).items == ()


def test_overdue_deadlines_from_before_the_period_come_first():
    items = deadlines([jens_hansen(), new_year_case()], TODAY)  # 01-01-2021 is overdue on 15-02-2021
    selection = select_calendar(items, date(2021, 2, 1), date(2021, 2, 28))
    assert names(selection.overdue_before) == ["Søren Nytår"]
    assert names(selection.items) == ["Jens Hansen"]
    assert selection.count == 2
    left_out = select_calendar(items, date(2021, 2, 1), date(2021, 2, 28), include_overdue_before=False)
    assert left_out.overdue_before == ()


def test_overdue_deadlines_from_before_the_period_left_out_are_said_in_the_filter_and_counted():
    # On 15-02-2021, February's calendar: Jens Hansen 28-02-2021 in the period; before it, overdue,
    # Søren Nytår 01-01-2021 and Åse Kjær 02-01-2021 (hired 01-07 and 02-07-2018).
    second = t08_cases(2)[1]._replace(id=4, citizen="Åse Kjær", caseworker="Anne Jensen")
    items = deadlines([jens_hansen(), new_year_case(), second], TODAY)
    feb_1, feb_28 = date(2021, 2, 1), date(2021, 2, 28)
    kept = select_calendar(items, feb_1, feb_28)
    assert names(kept.overdue_before) == ["Søren Nytår", "Åse Kjær"]
    assert (kept.left_out_before, kept.left_out_text) == ((), "")
    assert kept.filter_text == "Alle forsøg, alle sagsbehandlere"

    left_out = select_calendar(items, feb_1, feb_28, include_overdue_before=False)
    assert names(left_out.items) == ["Jens Hansen"]
    assert left_out.overdue_before == ()
    assert left_out.count == 1
    assert left_out.filter_text == "Alle forsøg, alle sagsbehandlere, uden overskredne frister fra før perioden"
    assert left_out.left_out_text == "2 overskredne frister fra før perioden er ikke med."

    one = select_calendar(items, feb_1, feb_28, caseworker="Bo Østergaard", include_overdue_before=False)
    assert one.left_out_text == "1 overskreden frist fra før perioden er ikke med."  # Søren Nytår's
    only = select_calendar(items, feb_1, feb_28, only_overdue=True, include_overdue_before=False)
    assert only.filter_text == "Alle forsøg, alle sagsbehandlere, kun overskredne frister i perioden"
    assert (only.items, only.left_out_text) == ((), "2 overskredne frister fra før perioden er ikke med.")


def test_filters_by_trial_caseworker_and_overdue():
    items = deadlines([jens_hansen(), new_year_case()], TODAY)
    start, end = date(2020, 12, 1), date(2021, 3, 31)
    assert names(select_calendar(items, start, end, caseworker=" anne jensen ").items) == ["Jens Hansen"]
    assert names(select_calendar(items, start, end, only_overdue=True).items) == ["Søren Nytår"]
    assert select_calendar(items, start, end, trial="t07").items == ()
    selection = select_calendar(items, start, end, trial="t08", caseworker="Anne Jensen", only_overdue=True)
    assert selection.filter_text == "Forsøg T08, sagsbehandler Anne Jensen, kun overskredne frister"
    assert select_calendar(items, start, end).filter_text == "Alle forsøg, alle sagsbehandlere"
    assert selection.period_text == "01-12-2020 – 31-03-2021"


def test_period_that_ends_before_it_begins_is_refused_in_danish():
    with pytest.raises(ValueError, match="Perioden slutter 01-02-2021, før den begynder 28-02-2021"):
        select_calendar([], date(2021, 2, 28), date(2021, 2, 1))


def test_weeks_are_iso_weeks_of_the_practical_date():
    items = deadlines([jens_hansen(), new_year_case()], TODAY)
    weeks = group_by_week(items)
    # Nytårsdag Friday 01-01-2021 -> Thursday 31-12-2020, week 53 of 2020; Sunday 28-02-2021 ->
    # Friday 26-02-2021, week 8.
    assert [w.title for w in weeks] == ["Uge 53 – 2020", "Uge 8 – 2021"]
    assert weeks[0].span_text == "28-12-2020 – 03-01-2021"
    assert weeks[1].span_text == "22-02-2021 – 28-02-2021"
    assert names(weeks[1].items) == ["Jens Hansen"]


def test_month_grid_places_a_deadline_in_its_day_cell():
    selection = select_calendar(deadlines([jens_hansen()]), date(2021, 2, 1), date(2021, 2, 28))
    (february,) = month_grids(selection)
    assert february.title == "Februar 2021"
    # February 2021 runs from Monday 01-02 to Sunday 28-02: exactly weeks 5-8.
    assert [week for week, _ in february.weeks] == [5, 6, 7, 8]
    week_8 = february.weeks[3][1]
    # Legal date Sunday 28-02-2021: the entry stands on Friday 26-02-2021, the day to act.
    assert week_8[4].day == date(2021, 2, 26)
    assert names(week_8[4].items) == ["Jens Hansen"]
    assert week_8[6].items == ()
    assert february.count == 1
    assert sum(len(cell.items) for _, cells in february.weeks for cell in cells if cell) == 1


def test_month_grid_puts_a_deadline_on_its_practical_day_in_the_period():
    # Due Saturday 01-05-2021, in practice Thursday 29-04-2021 (30-04 is store bededag in 2021):
    # in April's calendar and grid, on the Thursday.
    selection = select_calendar(deadlines([may_day_case()]), date(2021, 4, 1), date(2021, 4, 30))
    grids = month_grids(selection)
    assert [g.title for g in grids] == ["April 2021"]
    (last_week_of_april,) = [cells for week, cells in grids[0].weeks if week == 17]
    assert last_week_of_april[3].day == date(2021, 4, 29)
    assert names(last_week_of_april[3].items) == ["Åse Maj"]


def test_case_plan_shows_the_next_deadlines_if_each_is_met_in_practice():
    plan = case_plan(jens_hansen(), load_catalog()["T08"], TODAY)
    got = [(e.deadline.legal_due, e.deadline.practical_due, e.expected, e.assumes) for e in plan.entries]
    assert got == [
        (date(2021, 2, 28), date(2021, 2, 26), False, None),
        # Held Friday 26-02-2021: 30 months later is Saturday 26-08-2023.
        (date(2023, 8, 26), date(2023, 8, 25), True, date(2021, 2, 26)),
        # Held 25-08-2023: the trial ends 31-12-2025, and the ordinary 12 months had passed by then,
        # so the deadline is the day after; 01-01-2026 and 31-12-2025 are days off.
        (date(2026, 1, 1), date(2025, 12, 30), True, date(2023, 8, 25)),
    ]
    assert plan.entries[2].deadline.governed_by == "ordinary"


def test_case_plan_counts_from_today_when_the_deadline_is_already_overdue():
    # On Monday 30-11-2026 the first follow-up (28-02-2021, in practice 26-02-2021) was missed.
    # It cannot be met on 26-02-2021 any more, so the plan assumes it is held today: the trial
    # ended 31-12-2025, so the ordinary rule counts 12 months from 30-11-2026 (Tuesday
    # 30-11-2027), then 12 months from that (Thursday 30-11-2028; 2028 is a leap year).
    today = date(2026, 11, 30)
    plan = case_plan(jens_hansen(), load_catalog()["T08"], today)
    got = [(e.deadline.legal_due, e.deadline.practical_due, e.expected, e.assumes, e.late) for e in plan.entries]
    assert got == [
        (date(2021, 2, 28), date(2021, 2, 26), False, None, False),
        (date(2027, 11, 30), date(2027, 11, 30), True, date(2026, 11, 30), True),
        (date(2028, 11, 30), date(2028, 11, 30), True, date(2027, 11, 30), False),
    ]
    assert [e.deadline.governed_by for e in plan.entries] == ["trial", "ordinary", "ordinary"]
    assert all(e.deadline.legal_due > today for e in plan.entries if e.expected)  # never expected in the past


def test_case_plan_on_a_weekend_before_the_deadline_counts_from_today_without_calling_it_overdue():
    # Saturday 27-02-2021: the deadline Sunday 28-02-2021 (in practice Friday 26-02-2021) is not
    # overdue, but its practical day has passed; the follow-up is assumed held today, so the next
    # is 27-08-2023 (a Sunday; in practice Friday 25-08-2023), and it is not called late.
    plan = case_plan(jens_hansen(), load_catalog()["T08"], date(2021, 2, 27))
    got = [(e.deadline.legal_due, e.deadline.practical_due, e.expected, e.assumes, e.late) for e in plan.entries]
    assert got[:2] == [
        (date(2021, 2, 28), date(2021, 2, 26), False, None, False),
        (date(2023, 8, 27), date(2023, 8, 25), True, date(2021, 2, 27), False),
    ]


def test_case_plan_promises_no_date_when_one_talk_more_still_leaves_the_count_short():
    # T05: at least 4 talks within 12 months of the visitation 01-09-2018. Three were held
    # 03-, 04- and 05-09-2018, so the fourth was due by 31-08-2019 (a Saturday; in practice Friday
    # 30-08-2019). On 01-10-2019 a talk held today makes four, but the oldest of them (03-09-2018)
    # fell out of its 12 months on 03-09-2019, already passed: no expected date can be printed.
    talks = tuple(Event(date(2018, 9, day), "talk") for day in (3, 4, 5))
    case = jens_hansen()._replace(trial_id="T05", dates={"visitation": date(2018, 9, 1)}, events=talks)
    plan = case_plan(case, load_catalog()["T05"], date(2019, 10, 1))
    got = [(e.deadline.legal_due, e.deadline.practical_due, e.expected) for e in plan.entries]
    assert got == [(date(2019, 8, 31), date(2019, 8, 30), False)]


def test_a_t07_plan_shows_the_earlier_date_that_not_adjusting_the_plan_leads_to():
    # T07: ressourceforløb from 31-01-2021, plan not adjusted 03-05-2021; the trial ends 31-12-2021.
    # Next decision: 6 months later, Wednesday 03-11-2021 (trial rule). Adjusted that day, the next is
    # 03-05-2022 (after the trial's end the ordinary rule counts 6 months from the adjustment). Not
    # adjusted, the ordinary rule counts from the visitation (31-07-2021, passed), so it is due the day
    # after the trial's end: Saturday 01-01-2022, nytårsdag; 31-12 is a day off, so in practice
    # Thursday 30-12-2021. The plan shows that earlier date. From there only adjusting the plan meets
    # the ordinary rule: 6 months after 30-12-2021 is Thursday 30-06-2022.
    case = jens_hansen()._replace(
        trial_id="T07",
        dates={"visitation": date(2021, 1, 31)},
        events=(Event(date(2021, 5, 3), "plan_not_adjusted"),),
    )
    plan = case_plan(case, load_catalog()["T07"], date(2021, 6, 1))
    got = [(e.deadline.legal_due, e.deadline.practical_due, e.assumes, e.event, e.later_if) for e in plan.entries]
    assert got == [
        (date(2021, 11, 3), date(2021, 11, 3), None, None, ()),
        (
            date(2022, 1, 1),
            date(2021, 12, 30),
            date(2021, 11, 3),
            "plan_not_adjusted",
            (("plan_adjusted", date(2022, 5, 3)),),
        ),
        (date(2022, 6, 30), date(2022, 6, 30), date(2021, 12, 30), "plan_adjusted", ()),
    ]
    # Well inside the trial both events give the same dates: no choice is named. Visitation
    # 31-01-2019: 31-07-2019, then 31-01-2020 and 31-07-2020 (all Wednesday/Friday working days).
    early = case._replace(dates={"visitation": date(2019, 1, 31)}, events=())
    plan = case_plan(early, load_catalog()["T07"], date(2019, 6, 1))
    got = [(e.deadline.legal_due, e.event, e.later_if) for e in plan.entries]
    assert got == [(date(2019, 7, 31), None, ()), (date(2020, 1, 31), None, ()), (date(2020, 7, 31), None, ())]


def test_case_plan_can_stop_at_a_date_and_a_one_off_rule_has_no_expected_dates():
    plan = case_plan(jens_hansen(), load_catalog()["T08"], TODAY, until=date(2025, 12, 31))
    assert [e.deadline.legal_due for e in plan.entries] == [date(2021, 2, 28), date(2023, 8, 26)]
    praktik = jens_hansen()._replace(trial_id="T09", dates={"praktik_start": date(2021, 3, 1)})
    plan = case_plan(praktik, load_catalog()["T09"], TODAY)
    assert [e.expected for e in plan.entries] == [False]


def test_caseworker_filter_prints_unassigned_cases_as_the_window_shows_them():
    # The window's "mine" (core.selection.belongs_to) shows a case with no caseworker to everyone;
    # the printed calendar must hold the same cases, and say why the unassigned one is there.
    unassigned = new_year_case()._replace(caseworker="")
    items = deadlines([jens_hansen(), unassigned], TODAY)
    start, end = date(2020, 12, 1), date(2021, 3, 31)
    mine = select_calendar(items, start, end, caseworker="Anne Jensen")
    assert names(mine.items) == ["Søren Nytår", "Jens Hansen"]  # by legal date
    assert mine.filter_text == "Alle forsøg, sagsbehandler Anne Jensen og sager uden sagsbehandler"
    colleague = select_calendar(items, start, end, caseworker="Bo Lund")
    assert names(colleague.items) == ["Søren Nytår"]


def test_month_grid_marks_the_days_outside_the_period():
    # The week 07-12 – 13-12-2026 in December's grid: 1-6 and 14-31 December are outside it.
    selection = select_calendar([], date(2026, 12, 7), date(2026, 12, 13))
    (december,) = month_grids(selection)
    inside = [cell.day.day for _, cells in december.weeks for cell in cells if cell and cell.in_period]
    outside = [cell.day.day for _, cells in december.weeks for cell in cells if cell and not cell.in_period]
    assert inside == [7, 8, 9, 10, 11, 12, 13]
    assert outside == [1, 2, 3, 4, 5, 6, *range(14, 32)]


def test_a_deadline_whose_practical_day_is_before_the_period_is_printed_on_that_day():
    # Hired 24-11-2018: due Monday 24-05-2021, Whit Monday (2. pinsedag), so in practice Friday
    # 21-05-2021, three days before the period 24-05 – 30-05-2021: its cell is the period's.
    pentecost = jens_hansen()._replace(id=4, citizen="Per Pinse", dates={"hire": date(2018, 11, 24)})
    selection = select_calendar(deadlines([pentecost]), date(2021, 5, 24), date(2021, 5, 30))
    assert names(selection.items) == ["Per Pinse"]
    (may,) = month_grids(selection)
    [friday] = [cell for _, cells in may.weeks for cell in cells if cell and cell.day == date(2021, 5, 21)]
    assert (names(friday.items), friday.in_period) == (["Per Pinse"], True)
    # Hired 05-10-2018: due Monday 05-04-2021, Easter Monday; 01-04 and 02-04 are Skærtorsdag and
    # Langfredag, so in practice Wednesday 31-03-2021, in March: March's grid is printed too.
    easter = jens_hansen()._replace(id=5, citizen="Ea Påske", dates={"hire": date(2018, 10, 5)})
    selection = select_calendar(deadlines([easter]), date(2021, 4, 5), date(2021, 4, 11))
    grids = month_grids(selection)
    assert [(g.title, g.count) for g in grids] == [("Marts 2021", 1), ("April 2021", 0)]


def test_deadlines_of_one_day_are_printed_in_danish_name_order():
    # The tester's names (tests/name_order.py), all due Sunday 28-02-2021 as Jens Hansen, given in
    # the order they were created: the calendar lists them a-z, then æ, ø, å (Aage as Åge).
    cases = [jens_hansen()._replace(id=i, citizen=name) for i, name in enumerate(CREATED, start=1)]
    items = deadlines(cases)
    selection = select_calendar(items, date(2021, 2, 1), date(2021, 2, 28))
    assert names(selection.items) == DANISH_ORDER
    [week] = group_by_week(reversed(items))
    assert names(week.items) == DANISH_ORDER
