"""The evaluation of trials whose next date the caseworker agrees (T04, T12, T15, T16), every figure by hand.

The case list keeps only the date agreed now, which moves at every talk; the earlier ones are in the
case's history. Each date agreed is a deadline in the period it falls in, met on time by a talk held
on or before it (or on its practical date), late by a talk after it. The case starts at its first
agreed date or talk (T16: at første fraværsdag).

Calendar: 01-04-2021 is Skærtorsdag, so its practical date is 31-03-2021; 01-02-2021, 12-04-2021,
15-03-2021, 03-03-2014, 14-04-2014 are Mondays; 22-04-2014 is a Tuesday.
"""

from __future__ import annotations

from datetime import date

import pytest

from caseworker_app.services.evaluation import build_evaluation, report_rows
from caseworker_app.store import CaseStore

START, END, TODAY = date(2021, 1, 1), date(2021, 5, 31), date(2021, 6, 1)


def _backfilled(store, ref, trial_id, talks, agreed, kind="talk", **dates):
    """A case entered on one day with its whole history: each talk held, and the date agreed after it."""
    case_id = store.create_case(
        citizen=f"Borger {ref}", case_ref=ref, trial_id=trial_id, dates={**dates, "agreed": agreed[0]}
    )
    for day, next_date in zip(talks, agreed[1:], strict=True):
        store.add_event(case_id, day=day, kind=kind)
        store.update_case(case_id, dates={**dates, "agreed": next_date})
    return case_id


def _figures(store, start, end, today):
    evaluation = build_evaluation(store, start=start, end=end, today=today, caseworker="")
    return {f.trial_id: f for f in evaluation.trials}, evaluation


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    path = tmp_path_factory.mktemp("agreed") / "sager.db"
    store = CaseStore(path, clock=lambda: TODAY)  # every case entered on 01-06-2021, after the period
    two_talks = (date(2021, 2, 1), date(2021, 4, 1))
    # The tester's two T15 cases: identical talks, held on their agreed dates; only the date agreed now differs.
    _backfilled(store, "2021-0001", "T15", two_talks, (date(2021, 2, 1), date(2021, 4, 1), date(2021, 7, 1)))
    _backfilled(store, "2021-0002", "T15", two_talks, (date(2021, 2, 1), date(2021, 4, 1), date(2021, 5, 20)))
    # A late talk: agreed 01-04-2021, held 12-04-2021.
    late = (date(2021, 2, 1), date(2021, 4, 12))
    _backfilled(store, "2021-0003", "T15", late, (date(2021, 2, 1), date(2021, 4, 1), date(2021, 7, 1)))
    # T04: the exemption reviewed by a follow-up on the agreed day, the next review agreed after the period.
    _backfilled(store, "2021-0020", "T04", (date(2021, 3, 15),), (date(2021, 3, 15), date(2021, 9, 15)), "followup")
    figures, evaluation = _figures(store, START, END, TODAY)
    yield figures, evaluation, store
    store.close()


def test_both_t15_cases_counted_with_every_agreed_date_they_were_held_against(report):
    t15 = report[0]["T15"]
    assert t15.counts["citizens"] == 3
    assert sorted(t15.cases["citizens"]) == [
        ("2021-0001", "start 01-02-2021"),
        ("2021-0002", "start 01-02-2021"),
        ("2021-0003", "start 01-02-2021"),
    ]
    assert t15.counts["started"] == 3
    assert t15.counts["event:talk"] == 6
    # 0001 and 0002: 01-02 and 01-04 met on the day; 0002's 20-05 passed with no talk by 31-05.
    # 0003: 01-02 met on the day, 01-04 met 11 days late.
    assert t15.counts["due"] == 7
    assert t15.counts["on_time"] == 5
    assert sorted(t15.cases["on_time"]) == [
        ("2021-0001", "frist 01-02-2021, holdt 01-02-2021"),
        ("2021-0001", "frist 01-04-2021, holdt 01-04-2021"),
        ("2021-0002", "frist 01-02-2021, holdt 01-02-2021"),
        ("2021-0002", "frist 01-04-2021, holdt 01-04-2021"),
        ("2021-0003", "frist 01-02-2021, holdt 01-02-2021"),
    ]
    assert t15.cases["missed"] == [("2021-0002", "frist 20-05-2021")]
    assert sorted(t15.cases["open_end"]) == [
        ("2021-0001", "Næste aftalte samtale 01-07-2021"),
        ("2021-0003", "Næste aftalte samtale 01-07-2021"),
    ]


def test_a_talk_after_the_agreed_date_counts_late_by_its_days(report):
    t15 = report[0]["T15"]
    assert t15.cases["late"] == [("2021-0003", "frist 01-04-2021, holdt 12-04-2021 (11 dage for sent)")]
    assert dict(t15.hists["late_days"]) == {11: 1}


def test_t04_review_dates_are_counted_the_same_way(report):
    t04 = report[0]["T04"]
    assert t04.cases["citizens"] == [("2021-0020", "start 15-03-2021")]
    assert t04.cases["on_time"] == [("2021-0020", "frist 15-03-2021, holdt 15-03-2021")]
    assert t04.counts["due"] == 1
    assert t04.cases["open_end"] == [("2021-0020", "Fritagelsen vurderes igen 15-09-2021")]


def test_the_rows_the_window_and_the_report_show(report):
    """The dialog, the PDF and `report` show these rows (services.evaluation.report_rows)."""
    _, evaluation, store = report
    rows = next(rows for trial, rows in report_rows(evaluation, store.catalog()) if trial.id == "T15")
    shown = {row.label: row.value for row in rows}
    assert shown["Borgere i forsøget i perioden"] == "3"
    assert shown["Frister, der faldt i perioden"] == "7"
    assert shown["overholdt til tiden"] == "5"
    assert shown["overholdt for sent"] == "1"
    assert shown["ikke overholdt ved periodens slutning"] == "1"


def test_dates_agreed_as_time_went_by_an_early_talk_and_a_moved_date(tmp_path):
    """Entered as it happened (the store's clock moves): an early talk meets the date agreed at the
    time; a date moved before it fell due, with no talk, is no deadline; a case is in the trial from
    the day it was entered when that comes before its first date or talk."""
    today = [date(2021, 2, 1)]
    with CaseStore(tmp_path / "sager.db", clock=lambda: today[0]) as store:
        # Talk 01-02 (entered as history), next talk agreed for 01-04, moved on 25-03 to 15-04, held then.
        moved = store.create_case(
            citizen="Ane", case_ref="2021-0011", trial_id="T12", dates={"agreed": date(2021, 4, 1)}
        )
        store.add_event(moved, day=date(2021, 2, 1), kind="talk")
        today[0] = date(2021, 2, 15)
        early = store.create_case(
            citizen="Bo", case_ref="2021-0010", trial_id="T12", dates={"agreed": date(2021, 4, 1)}
        )
        today[0] = date(2021, 3, 20)  # held early, on 20-03; the next talk agreed for 01-06
        store.add_event(early, day=date(2021, 3, 20), kind="talk")
        store.update_case(early, dates={"agreed": date(2021, 6, 1)})
        today[0] = date(2021, 3, 25)
        store.update_case(moved, dates={"agreed": date(2021, 4, 15)})
        today[0] = date(2021, 4, 15)
        store.add_event(moved, day=date(2021, 4, 15), kind="talk")
        store.update_case(moved, dates={"agreed": date(2021, 7, 1)})
        today[0] = date(2021, 5, 17)  # taken in on 17-05, the first talk agreed for 15-06
        store.create_case(citizen="Cy", case_ref="2021-0012", trial_id="T12", dates={"agreed": date(2021, 6, 15)})
        t12 = _figures(store, START, END, TODAY)[0]["T12"]
    assert sorted(t12.cases["citizens"]) == [
        ("2021-0010", "start 15-02-2021"),
        ("2021-0011", "start 01-02-2021"),
        ("2021-0012", "start 17-05-2021"),
    ]
    assert t12.counts["due"] == 2
    assert sorted(t12.cases["on_time"]) == [
        ("2021-0010", "frist 01-04-2021, holdt 20-03-2021"),
        ("2021-0011", "frist 15-04-2021, holdt 15-04-2021"),
    ]
    assert "missed" not in t12.counts
    assert sorted(t12.cases["open_end"]) == [
        ("2021-0010", "Næste aftalte samtale 01-06-2021"),
        ("2021-0011", "Næste aftalte samtale 01-07-2021"),
        ("2021-0012", "Næste aftalte samtale 15-06-2021"),
    ]


def test_t16_starts_at_the_first_day_of_absence(tmp_path):
    """T16 has a date of its own: the case starts at første fraværsdag, and its agreed follow-ups
    are counted as T15's talks."""
    with CaseStore(tmp_path / "sager.db", clock=lambda: date(2014, 6, 1)) as store:
        _backfilled(
            store,
            "2014-0001",
            "T16",
            (date(2014, 3, 3), date(2014, 4, 22)),
            (date(2014, 3, 3), date(2014, 4, 14), date(2014, 6, 2)),
            "followup",
            absence_start=date(2014, 1, 6),
        )
        t16 = _figures(store, date(2014, 1, 1), date(2014, 5, 31), date(2014, 6, 1))[0]["T16"]
    assert t16.cases["citizens"] == [("2014-0001", "start 06-01-2014")]
    assert t16.cases["started"] == [("2014-0001", "06-01-2014")]
    assert t16.counts["due"] == 2
    assert t16.cases["on_time"] == [("2014-0001", "frist 03-03-2014, holdt 03-03-2014")]
    assert t16.cases["late"] == [("2014-0001", "frist 14-04-2014, holdt 22-04-2014 (8 dage for sent)")]
    assert t16.cases["open_end"] == [("2014-0001", "Næste opfølgning 02-06-2014")]


def _day_by_day(tmp_path, steps):
    """A T12 case (agreed 01-03-2021 when entered on 01-02-2021), then steps on their own days:
    (day, 'talk', held, next date) or (day, 'correct', held, next date) of the last talk, or
    (day, 'cancel') of the last talk."""
    now = [date(2021, 2, 1)]
    store = CaseStore(tmp_path / "dag.db", clock=lambda: now[0])
    case_id = store.create_case(citizen="Erik Ås", case_ref="R1", trial_id="T12", dates={"agreed": date(2021, 3, 1)})
    last = None
    for day, action, *rest in steps:
        now[0] = day
        if action == "cancel":
            store.cancel_event(case_id, last, text="registreret ved en fejl")
            continue
        held, next_date = rest
        last = store.add_event(
            case_id,
            day=held,
            kind="talk",
            sets_agreed=True,
            next_agreed=next_date,
            replaces=last if action == "correct" else None,
        )
    figures, _ = _figures(store, date(2021, 2, 1), date(2021, 5, 31), date(2021, 6, 15))
    store.close()
    return figures["T12"]


def test_a_date_set_by_a_talk_later_cancelled_was_never_agreed(tmp_path):
    """Found in review: agreed 01-03; a talk on 01-03 set 15-04, but it was registered by mistake
    and cancelled on 20-04 (the date put back to 01-03). One deadline, 01-03, not met: not three
    (01-03, 15-04 and 01-03 again)."""
    t12 = _day_by_day(
        tmp_path, [(date(2021, 3, 1), "talk", date(2021, 3, 1), date(2021, 4, 15)), (date(2021, 4, 20), "cancel")]
    )
    assert (t12.counts["due"], t12.counts.get("on_time", 0)) == (1, 0)
    assert t12.cases["missed"] == [("R1", "frist 01-03-2021")]


def test_a_date_mistyped_at_a_talk_and_corrected_is_not_a_deadline(tmp_path):
    """Found in review: a talk on 01-03 set 01-04 by a typo; on 12-04 the talk is corrected to the
    03-05 agreed (a Monday), and that talk is held on 03-05, agreeing 01-07. Deadlines: 01-03 and
    03-05, both met on the day; 01-04 was never agreed."""
    t12 = _day_by_day(
        tmp_path,
        [
            (date(2021, 3, 1), "talk", date(2021, 3, 1), date(2021, 4, 1)),
            (date(2021, 4, 12), "correct", date(2021, 3, 1), date(2021, 5, 3)),
            (date(2021, 5, 3), "talk", date(2021, 5, 3), date(2021, 7, 1)),
        ],
    )
    assert (t12.counts["due"], t12.counts["on_time"]) == (2, 2)
    assert sorted(t12.cases["on_time"]) == [
        ("R1", "frist 01-03-2021, holdt 01-03-2021"),
        ("R1", "frist 03-05-2021, holdt 03-05-2021"),
    ]
    assert not t12.cases.get("missed")


@pytest.mark.parametrize(
    ("kind", "held", "demanded", "saved", "unknown"),
    [
        # Visitation 03-08-2020; the ordinary rule asks for an adjusted plan every 6 months: 03-02-2021.
        ("plan_adjusted", 1, 1, 0, 0),  # held on 01-02: nothing saved
        ("plan_not_adjusted", 0, 1, 1, 0),  # the trial used: one adjustment saved (03-02-2021)
        ("plan_decision", 0, 0, 0, 1),  # imported, outcome not known: named apart, not counted as saved
    ],
)
def test_an_imported_t07_decision_of_unknown_outcome_is_not_counted_as_saved(
    tmp_path, kind, held, demanded, saved, unknown
):
    """Found in review: a decision an import registered without its outcome counted as a saved
    adjustment, as if the plan had not been adjusted."""
    with CaseStore(tmp_path / "t07.db", clock=lambda: date(2021, 7, 1)) as store:
        case_id = store.create_case(
            citizen="A B", case_ref="R1", trial_id="T07", dates={"visitation": date(2020, 8, 3)}
        )
        store.add_event(case_id, day=date(2021, 2, 1), kind=kind)
        figures, evaluation = _figures(store, date(2021, 1, 1), date(2021, 6, 30), date(2021, 7, 1))
        catalog = store.catalog()
    t07 = figures["T07"]
    assert [t07.value(key) for key in ("held", "demanded", "saved", "saved_unknown")] == [
        held,
        demanded,
        saved,
        unknown,
    ]
    [(_trial, shown)] = report_rows(evaluation, catalog)
    rows = {row.key: row for row in shown if row.section == "Sparede opfølgninger og frigjorte timer"}
    if unknown:
        assert rows["saved_unknown"].label == (
            "Sager med en stillingtagen uden oplyst udfald (importeret; ikke med i Sparet)"
        )
        assert rows["saved_unknown"].value == "1"
    else:
        assert "saved_unknown" not in rows


def test_a_talk_corrected_with_its_next_date_kept_keeps_that_date_as_a_deadline(tmp_path):
    """Found by a tester: agreed 01-03 (a Monday); a talk on 26-02 agreed 01-04; its day corrected to
    25-02 with 01-04 kept (no new change of the date is written); a talk on 06-04 agreed 03-05.
    01-03 was met on time by the talk of 25-02, at which 01-04 was agreed; 01-04 (Skærtorsdag,
    practical 31-03) was met on 06-04, 5 days late; 03-05 had no talk by 31-05. The kept 01-04 was
    lost (the corrected talk's change taken for undone), and 01-03 counted 01-04's talk."""
    t12 = _day_by_day(
        tmp_path,
        [
            (date(2021, 2, 26), "talk", date(2021, 2, 26), date(2021, 4, 1)),
            (date(2021, 2, 27), "correct", date(2021, 2, 25), date(2021, 4, 1)),
            (date(2021, 4, 6), "talk", date(2021, 4, 6), date(2021, 5, 3)),
        ],
    )
    assert (t12.counts["due"], t12.counts["on_time"], t12.counts["late"]) == (3, 1, 1)
    assert t12.cases["on_time"] == [("R1", "frist 01-03-2021, holdt 25-02-2021")]
    assert t12.cases["late"] == [("R1", "frist 01-04-2021, holdt 06-04-2021 (5 dage for sent)")]
    assert t12.cases["missed"] == [("R1", "frist 03-05-2021")]


def test_an_early_talk_typed_in_afterwards_meets_its_date_as_one_registered_live(tmp_path):
    """A tester's T12 case, entered on 01-06-2021 with its history; its twin registered as it
    happened. First date 20-03-2021; the talk 19-03 agreed 20-05-2021; the talk 18-05 (two days
    early) agreed 20-08-2021. Each talk keeps its day (m009 links the date to it), so in both the
    dates 20-03 and 20-05 are met on time, by 19-03 and 18-05, and 20-08 is open at the end."""
    clock = [date(2021, 6, 1)]
    with CaseStore(tmp_path / "sager.db", clock=lambda: clock[0]) as store:
        typed = store.create_case(citizen="F", case_ref="F", trial_id="T12", dates={"agreed": date(2021, 3, 20)})
        store.add_event(typed, day=date(2021, 3, 19), kind="talk", sets_agreed=True, next_agreed=date(2021, 5, 20))
        store.add_event(typed, day=date(2021, 5, 18), kind="talk", sets_agreed=True, next_agreed=date(2021, 8, 20))
        clock[0] = date(2021, 3, 1)
        live = store.create_case(citizen="G", case_ref="G", trial_id="T12", dates={"agreed": date(2021, 3, 20)})
        for day, agreed in ((date(2021, 3, 19), date(2021, 5, 20)), (date(2021, 5, 18), date(2021, 8, 20))):
            clock[0] = day
            store.add_event(live, day=day, kind="talk", sets_agreed=True, next_agreed=agreed)
        t12 = _figures(store, START, END, TODAY)[0]["T12"]
    assert sorted(t12.cases["on_time"]) == [
        ("F", "frist 20-03-2021, holdt 19-03-2021"),
        ("F", "frist 20-05-2021, holdt 18-05-2021"),
        ("G", "frist 20-03-2021, holdt 19-03-2021"),
        ("G", "frist 20-05-2021, holdt 18-05-2021"),
    ]
    assert "missed" not in t12.counts
    assert sorted(t12.cases["open_end"]) == [
        ("F", "Næste aftalte samtale 20-08-2021"),
        ("G", "Næste aftalte samtale 20-08-2021"),
    ]
