"""A trial's figures count only what happened under the trial: the report's period cut to the trial's.

T07 (Indsatsplan uden 6-måneders justering) runs 01-07-2018 - 31-12-2021. Its trial rule: a decision
on the plan at the latest 6 months after the visitation or the last decision (adjusted, or not adjusted
with a note); the ordinary rule: adjusted at the latest 6 months after the visitation or the last
adjustment (a decision not to adjust does not count). From 01-01-2022 the ordinary rule governs
(decision 3).

Every expected figure below is worked out by hand from the dates in the docstrings.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from caseworker_app.core.cases import ACTIVE, CLOSED, CaseRecord
from caseworker_app.core.catalog_load import load_catalog
from caseworker_app.core.evaluation import evaluate
from caseworker_app.core.evaluation_figures import EvaluationError, NoteRecord, Period
from caseworker_app.core.evaluation_scope import default_period, scope_note, trial_scope
from caseworker_app.core.event import Event
from caseworker_app.services.evaluation import build_evaluation, report_rows
from caseworker_app.store import CaseStore

TODAY = date(2022, 7, 1)
EVALUATED_ON = date(2028, 1, 1)  # the property test's day: after every drawn trial and period
STRADDLE = Period(date(2021, 7, 1), date(2022, 6, 30))  # half inside T07, half after its end
T07_MARKING = "Frikommuneforsøg –indsatsplan ikke justeret for 6 mdr."
CATALOG = load_catalog()


@pytest.fixture(scope="module")
def straddle(tmp_path_factory):
    """Three T07 cases, counted over 01-07-2021 - 30-06-2022 (today 01-07-2022).

    P 2021-0701: visitation 15-03-2021. Trial deadline 15-09-2021, met 10-09-2021 by a decision not to
      adjust (its note carries the FASIT marking). The trial's next date, 10-03-2022, lies after the
      trial; the ordinary rule (not met by 'not adjusted') then gives 15-09-2021, passed, so the
      engine's deadline is 01-01-2022, governed by the ordinary rule. Adjusted 20-01-2022 (after).
    Q 2022-0702: visitation 01-02-2022, after the trial's end: an ordinary-rule case. Adjusted
      01-06-2022, with a note carrying the marking.
    R 2021-0703: visitation 01-05-2021. Trial deadline 01-11-2021, nothing held until an adjustment
      15-01-2022 (after the trial), with a note carrying the marking.
    """
    store = CaseStore(tmp_path_factory.mktemp("straddle") / "sager.db", clock=lambda: TODAY)

    def case(ref, visitation):
        return store.create_case(
            citizen=f"Opdigtet Borger {ref}", case_ref=ref, trial_id="T07", dates={"visitation": visitation}
        )

    p = case("2021-0701", date(2021, 3, 15))
    store.add_event(p, day=date(2021, 9, 10), kind="plan_not_adjusted")
    store.add_journal_note(
        p, situation="plan_ikke_justeret", text=f"Ikke justeret. {T07_MARKING}", day=date(2021, 9, 10)
    )
    store.add_event(p, day=date(2022, 1, 20), kind="plan_adjusted")
    q = case("2022-0702", date(2022, 2, 1))
    store.add_event(q, day=date(2022, 6, 1), kind="plan_adjusted")
    store.add_journal_note(q, situation="plan_ikke_justeret", text=f"Notat. {T07_MARKING}", day=date(2022, 6, 1))
    r = case("2021-0703", date(2021, 5, 1))
    store.add_event(r, day=date(2022, 1, 15), kind="plan_adjusted")
    store.add_journal_note(r, situation="plan_ikke_justeret", text=f"Notat. {T07_MARKING}", day=date(2022, 1, 15))
    yield store
    store.close()


def _t07(store, period=STRADDLE):
    evaluation = build_evaluation(store, start=period.start, end=period.end, today=TODAY, trials=["T07"])
    [t07] = evaluation.trials
    return t07, evaluation


def test_a_period_straddling_the_trials_end_counts_only_the_part_inside_the_trial(straddle):
    t07, _ = _t07(straddle)
    # Counted over 01-07-2021 - 31-12-2021. P and R were in the trial then; Q began after it ended.
    # Neither started in the counted part (15-03-2021 and 01-05-2021 are before it); both go on.
    assert sorted(t07.cases["citizens"]) == [("2021-0701", "start 15-03-2021"), ("2021-0703", "start 01-05-2021")]
    assert (t07.value("citizens"), t07.value("started"), t07.value("ongoing_end"), t07.value("ended")) == (2, 0, 2, 0)
    # Activity: P's decision not to adjust 10-09-2021 and its note with the marking. The adjustments
    # of 20-01-2022, 15-01-2022 and 01-06-2022, and the notes of 2022, fall under the ordinary rule.
    assert t07.cases["event:plan_not_adjusted"] == [("2021-0701", "10-09-2021")]
    assert t07.value("event:plan_adjusted") == 0
    assert (t07.value("notes"), t07.value("markings")) == (1, 1)


def test_deadlines_are_those_the_trial_rule_governed_inside_the_trial(straddle):
    t07, _ = _t07(straddle)
    # P's 15-09-2021, met 10-09-2021; R's 01-11-2021, not met by 31-12-2021 (its adjustment came
    # 15-01-2022, under the ordinary rule: not 'late' here). P's next deadline, 01-01-2022, is the
    # ordinary rule's: not an open trial deadline.
    assert sorted(t07.cases["due"]) == [
        ("2021-0701", "Stillingtagen til indsatsplanen 15-09-2021"),
        ("2021-0703", "Stillingtagen til indsatsplanen 01-11-2021"),
    ]
    assert t07.cases["on_time"] == [("2021-0701", "frist 15-09-2021, holdt 10-09-2021")]
    assert t07.cases["missed"] == [("2021-0703", "frist 01-11-2021")]
    assert (t07.value("late"), t07.value("open_end")) == (0, 0)


def test_saved_counts_the_ordinary_rules_demands_inside_the_trial(straddle):
    t07, _ = _t07(straddle)
    # The ordinary rule demanded an adjustment by 15-09-2021 (P: 'not adjusted' does not meet it) and
    # by 01-11-2021 (R); none was held inside the trial. Their next ordinary dates, 15-03-2022 and
    # 01-05-2022, lie after it.
    assert sorted(t07.saved_rows) == [("2021-0701", 0, 1, 1, "15-09-2021"), ("2021-0703", 0, 1, 1, "01-11-2021")]
    assert (t07.value("demanded"), t07.value("held"), t07.value("saved")) == (2, 0, 2)


def test_the_report_says_the_period_was_cut_to_the_trials(straddle):
    _, evaluation = _t07(straddle)
    [(_, rows)] = report_rows(evaluation, straddle.catalog())
    scope = rows[0]
    assert (scope.section, scope.label, scope.value) == (
        "Periode",
        "Periode talt for forsøget",
        "01-07-2021 – 31-12-2021",
    )
    assert scope.note == (
        "Perioden er afgrænset til forsøgets periode 01-07-2018 – 31-12-2021: tallene gælder "
        "01-07-2021 – 31-12-2021. Fra 01-01-2022 gælder den almindelige regel; det, der skete derefter, "
        "tælles ikke med her."
    )


def test_a_period_inside_the_trial_is_not_cut_and_says_so(straddle):
    _, evaluation = _t07(straddle, Period(date(2021, 1, 1), date(2021, 12, 31)))
    [(_, rows)] = report_rows(evaluation, straddle.catalog())
    assert (rows[0].value, rows[0].note) == (
        "01-01-2021 – 31-12-2021",
        "Hele perioden ligger i forsøgets periode 01-07-2018 – 31-12-2021.",
    )


def test_a_period_beginning_before_the_trial_is_cut_at_its_start():
    t07 = CATALOG["T07"]
    period = Period(date(2018, 1, 1), date(2018, 12, 31))
    assert trial_scope(t07, period) == Period(date(2018, 7, 1), date(2018, 12, 31))
    assert scope_note(t07, period) == (
        "Perioden er afgrænset til forsøgets periode 01-07-2018 – 31-12-2021: tallene gælder "
        "01-07-2018 – 31-12-2018. Før 01-07-2018 gjaldt forsøget ikke."
    )


def test_one_day_of_overlap_no_longer_lets_later_cases_in(straddle):
    # 31-12-2021 - 30-06-2022: one day inside T07. Q began after it, and P's and R's events of 2022
    # are outside it; R's trial deadline 01-11-2021 lay before the day: nothing to count but the two
    # citizens in the trial that day.
    t07, _ = _t07(straddle, Period(date(2021, 12, 31), date(2022, 6, 30)))
    assert dict(t07.counts) == {"citizens": 2, "ongoing_end": 2}
    # The day after: refused, as before.
    with pytest.raises(EvaluationError, match=r"ligger efter forsøg T07 sluttede \(31-12-2021\)"):
        _t07(straddle, Period(date(2022, 1, 1), date(2022, 6, 30)))


def test_several_trials_outside_the_period_are_named_in_one_message(straddle):
    with pytest.raises(EvaluationError) as exc:
        build_evaluation(
            straddle, start=date(2022, 1, 1), end=date(2022, 6, 30), today=TODAY, trials=["T07", "T09", "T08"]
        )
    assert str(exc.value) == (
        "Perioden 01-01-2022 – 30-06-2022 ligger uden for forsøgsperioden for T07 (01-07-2018 – 31-12-2021) "
        "og T09 (01-07-2018 – 31-12-2021); uden for et forsøgs periode gælder den almindelige regel. Vælg en "
        "periode i forsøgsperioden, fjern forsøgene, eller indtast kommunens forlængelse under Forsøg."
    )


def _case(case_id: int, trial: str, dates: dict[str, date], closed: date | None = None, events=()) -> CaseRecord:
    return CaseRecord(
        case_id,
        "Opdigtet",
        f"2000-{case_id:04d}",
        trial,
        dates,
        tuple(events),
        status=CLOSED if closed else ACTIVE,
        end_reason="andet" if closed else "",
        extra={"closed_on": closed} if closed else {},
    )


def test_default_period_is_last_year_or_the_last_year_a_trial_with_cases_ran():
    today = date(2026, 11, 30)
    # T08 runs to 31-12-2025: last year.
    assert default_period(CATALOG, [_case(1, "T08", {"hire": date(2024, 1, 1)})], today) == Period(
        date(2025, 1, 1), date(2025, 12, 31)
    )
    # Only T07 (ended 31-12-2021) and T16 (ended 31-12-2015) have cases: 2021, T07's last year.
    cases = [_case(1, "T07", {"visitation": date(2021, 1, 1)}), _case(2, "T16", {"agreed": date(2015, 1, 1)})]
    assert default_period(CATALOG, cases, today) == Period(date(2021, 1, 1), date(2021, 12, 31))
    # No cases: last year.
    assert default_period(CATALOG, [], today) == Period(date(2025, 1, 1), date(2025, 12, 31))


# ---------------------------------------------------------------- property

_DATE = re.compile(r"\d{2}-\d{2}-\d{4}")
_TRIALS = {
    "T05": ("visitation", "talk"),
    "T07": ("visitation", "plan_adjusted"),
    "T08": ("hire", "followup"),
    "T09": ("praktik_start", "praktik_end"),
}


def _dates(detail: str) -> list[date]:
    return [date(int(t[6:]), int(t[3:5]), int(t[:2])) for t in _DATE.findall(detail)]


@st.composite
def _case_lists(draw):
    """One trial's cases, notes and a period, dated around the trial's own period (before, inside,
    across its start or its end, after)."""
    trial_id = draw(st.sampled_from(sorted(_TRIALS)))
    anchor, _ = _TRIALS[trial_id]
    trial = CATALOG[trial_id]
    own = trial.period
    length = (own.effective_end - own.start).days

    def near_trial():
        return own.start + timedelta(days=draw(st.integers(-500, length + 300)))

    def after(day, most):
        return day + timedelta(days=draw(st.integers(0, most)))

    cases, notes = [], {}
    for case_id in range(1, draw(st.integers(1, 3)) + 1):
        begun = near_trial()
        events = [Event(after(begun, 900), draw(st.sampled_from(trial.events))) for _ in range(draw(st.integers(0, 4)))]
        closed = after(begun, 1500) if draw(st.booleans()) else None
        cases.append(_case(case_id, trial_id, {anchor: begun}, closed, sorted(events, key=lambda e: e.day)))
        marking = trial.fasit_marking or "x"
        notes[case_id] = [
            NoteRecord(case_id, after(begun, 900), "opfoelgning", marking) for _ in range(draw(st.integers(0, 2)))
        ]
    first = near_trial()
    # A report's period ends on its day at the latest (the evaluation refuses a period in the future).
    return trial_id, cases, notes, Period(first, min(after(first, 1500), EVALUATED_ON))


@given(_case_lists())
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_no_figure_counts_what_happened_outside_the_trial(drawn):
    """Every event, note, closing and deadline a figure counts is dated inside the trial's period and
    the report's; an open deadline lies after the period but not after the trial's end."""
    trial_id, cases, notes, period = drawn
    trial = CATALOG[trial_id]
    scope = trial_scope(trial, period)
    try:
        evaluation = evaluate(cases, notes, CATALOG, period, EVALUATED_ON, trials=[trial_id])
    except EvaluationError:
        assert scope is None  # refused only when the period lies wholly outside the trial
        return
    assert scope is not None
    start, end = trial.period.start, trial.period.effective_end
    [figures] = evaluation.trials
    for key, listed in figures.cases.items():
        for _, detail in listed:
            days = _dates(detail)
            if key == "citizens":  # the day the case entered: it may be before the trial began
                assert days[0] <= scope.end
            elif key == "outside_condition":  # says why the trial does not apply: counts nothing
                assert "ligger før forsøgets start" in detail or "er ikke opfyldt" in detail
            elif key == "open_end":
                assert all(scope.end < d <= end for d in days), (key, detail)
            elif key == "praktik_ended":  # 'start – end (n dage)': the end is what was counted
                assert scope.start <= days[-1] <= scope.end, (key, detail)
            elif key == "flexjob":  # the praktik's start is said beside the closing day
                closing = _dates(detail.split("fleksjob ", 1)[1])[0]
                assert scope.start <= closing <= scope.end, (key, detail)
            else:
                assert all(scope.start <= d <= scope.end for d in days), (key, detail)
                assert all(start <= d <= end for d in days), (key, detail)
