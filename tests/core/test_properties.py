"""Properties every deadline must keep, whatever the dates (hypothesis)."""

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from caseworker_app.core.catalog_load import load_catalog
from caseworker_app.core.event import Event
from caseworker_app.core.schedule import compute_deadlines
from caseworker_app.core.workdays import (
    Duration,
    add,
    is_working_day,
    last_working_day_on_or_before,
)

CATALOG = load_catalog()
T08 = CATALOG["T08"]
days = st.dates(min_value=date(2015, 1, 1), max_value=date(2035, 12, 31))


@given(days)
def test_practical_date_is_a_working_day_never_after_the_legal_date(legal):
    practical = last_working_day_on_or_before(legal)
    assert is_working_day(practical)
    assert practical <= legal
    # The longest run of days off in Denmark is Easter: skærtorsdag to 2. påskedag plus a weekend.
    assert legal - practical <= timedelta(days=6)
    assert all(not is_working_day(practical + timedelta(days=i)) for i in range(1, (legal - practical).days + 1))


@given(days, st.integers(min_value=1, max_value=60))
def test_adding_months_lands_in_the_right_month_and_never_overshoots(anchor, months):
    due = add(anchor, Duration(months=months))
    assert (due.year * 12 + due.month) - (anchor.year * 12 + anchor.month) == months
    assert due.day == anchor.day or (due.day < anchor.day and (due + timedelta(days=1)).day == 1)


@given(
    hire=days,
    gaps=st.lists(st.integers(min_value=0, max_value=1200), max_size=6),
    today_offset=st.integers(min_value=0, max_value=4000),
)
@settings(max_examples=300)
def test_next_follow_up_is_after_the_last_one_held(hire, gaps, today_offset):
    held, day = [], hire
    for gap in gaps:
        day += timedelta(days=gap)
        held.append(day)
    events = [Event(d, "followup") for d in held]
    today = hire + timedelta(days=today_offset)
    (deadline,) = compute_deadlines(T08, {"hire": hire}, events, today)
    held = [d for d in held if d <= today]  # as on today: later events have not happened yet
    last = held[-1] if held else hire
    assert deadline.legal_due > last
    assert deadline.practical_due <= deadline.legal_due
    assert is_working_day(deadline.practical_due)
    if deadline.governed_by == "trial":
        assert deadline.legal_due <= T08.period.effective_end
        assert deadline.legal_due == add(last, Duration(months=30))
    # The ordinary rule is never more lenient than the trial rule.
    assert deadline.ordinary_due <= add(last, Duration(months=30))


@given(hire=days, extra=st.integers(min_value=1, max_value=400))
def test_a_later_follow_up_never_gives_an_earlier_deadline(hire, extra):
    first = hire + timedelta(days=extra)
    later = first + timedelta(days=extra)
    (a,) = compute_deadlines(T08, {"hire": hire}, [Event(first, "followup")], first)
    (b,) = compute_deadlines(T08, {"hire": hire}, [Event(later, "followup")], later)
    assert b.legal_due >= a.legal_due


@given(
    trial_id=st.sampled_from(["T05", "T07", "T08", "T16"]),
    anchor=days,
    held=st.lists(st.integers(min_value=1, max_value=900), max_size=3),
    today=days,
)
@settings(max_examples=200)
def test_a_plans_expected_dates_lie_after_the_day_it_is_made_and_after_the_deadline_before(
    trial_id, anchor, held, today
):
    from caseworker_app.core.calendar_selection import case_plan
    from caseworker_app.core.cases import CaseRecord

    trial = CATALOG[trial_id]
    names = {d.name for d in trial.dates if d.default_from is None}
    events, day = [], anchor
    for gap in held:
        day += timedelta(days=gap)
        events.append(Event(day, trial.rules[0].events[0]))
    case = CaseRecord(1, "Test", "X-1", trial_id, dates=dict.fromkeys(names, anchor), events=tuple(events))
    plan = case_plan(case, trial, today)
    for entry in plan.entries:
        if entry.expected:
            # An expected date counts from a day the duty can still be done: today or later.
            assert entry.assumes is not None and entry.assumes >= today
            # On that day at the earliest (a count of talks may need another the same day).
            assert entry.deadline.legal_due >= entry.assumes


TRIALS_WITH_RULES = [t for t in CATALOG.values() if t.rules]


@given(
    trial=st.sampled_from(TRIALS_WITH_RULES),
    anchor=days,
    events=st.lists(st.tuples(days, st.sampled_from(["personligt", "telefon"])), max_size=4),
    today=days,
)
@settings(max_examples=400)
def test_a_reason_has_no_brackets_of_its_own(trial, anchor, events, today):
    # A journal note puts the reason in brackets ("senest 1. marts 2026 ($next_due_reason)"):
    # brackets inside it would nest.
    dates = {d.name: anchor for d in trial.dates if d.name not in ("offer", "unemployed_since")}
    kinds = trial.events or ("followup",)
    history = [Event(day, kinds[i % len(kinds)], False, form) for i, (day, form) in enumerate(events)]
    for deadline in compute_deadlines(trial, dates, history, today):
        assert "(" not in deadline.reason and ")" not in deadline.reason, deadline.reason


T07 = CATALOG["T07"]
near_t07_end = st.dates(min_value=date(2020, 1, 1), max_value=date(2022, 6, 30))


@given(
    visitation=near_t07_end,
    held=st.lists(st.tuples(st.integers(min_value=1, max_value=200), st.sampled_from(T07.rules[0].events)), max_size=3),
    today=near_t07_end,
)
@settings(max_examples=200)
def test_no_expected_date_of_a_t07_plan_is_later_than_either_decision_on_the_day_would_give(visitation, held, today):
    # The plan handed to the citizen says "senest": whether the caseworker adjusts the plan or not
    # on the assumed day, the real next deadline is never earlier than the one printed.
    from caseworker_app.core.calendar_selection import case_plan
    from caseworker_app.core.cases import CaseRecord

    events, day = [], visitation
    for gap, kind in held:
        day += timedelta(days=gap)
        events.append(Event(day, kind))
    case = CaseRecord(1, "Test", "X-1", "T07", dates={"visitation": visitation}, events=tuple(events))
    plan = case_plan(case, T07, today)
    assumed, previous = list(events), None
    for entry in plan.entries:
        if not entry.expected:
            previous = entry.deadline.legal_due
            continue
        assert previous is not None and entry.assumes is not None
        for kind in T07.rules[0].events:
            (real,) = compute_deadlines(T07, case.dates, [*assumed, Event(entry.assumes, kind)], entry.assumes)
            # This decision meets the deadline before: it moves it on, and not to a day already past
            # (not adjusting after the trial's end leaves the ordinary rule's deadline passed).
            if real.legal_due > previous and real.legal_due >= entry.assumes:
                assert entry.deadline.legal_due <= real.legal_due
        assumed.append(Event(entry.assumes, entry.event or T07.rules[0].events[0]))
        previous = entry.deadline.legal_due
