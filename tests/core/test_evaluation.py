"""The evaluation report on the hand-built list (tests/evaluation_cases.py): every figure by hand.

Period 01-01-2020 - 31-12-2021. T08: trial rule hire + 30 months, then every 30 months; ordinary
rule offer (= hire) + 6 months, then every 12 months. T09: a praktik ends at the latest on
start + 4 weeks - 1 day, and on the trial's last day 31-12-2021 at the latest.
"""

from __future__ import annotations

import pytest

from caseworker_app.core.evaluation_figures import EvaluationError
from caseworker_app.services.evaluation import build_evaluation, report_rows
from tests.evaluation_cases import ANNE, END, START, TODAY, build


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    store = build(tmp_path_factory.mktemp("evaluation") / "sager.db")
    yield store
    store.close()


@pytest.fixture(scope="module")
def report(store):
    evaluation = build_evaluation(store, start=START, end=END, today=TODAY, minutes=45)
    return {f.trial_id: f for f in evaluation.trials}, evaluation


def _rows(store, report, trial_id):
    return next(rows for trial, rows in report_rows(report[1], store.catalog()) if trial.id == trial_id)


def test_t08_citizens_and_end_reasons(report):
    t08 = report[0]["T08"]
    # A-G are all in the trial in the period; C (hired 2017) ended 30-09-2020, inside it.
    assert t08.counts["citizens"] == 7
    # Started in the period: D (hire 01-03-2020) and F (hire 01-06-2021).
    assert t08.counts["started"] == 2
    # Ended: C (ordinær beskæftigelse 30-09-2020) and D (fastholdt 30-06-2021); A B E F G go on.
    assert t08.counts["ended"] == 2
    assert t08.counts["ongoing_end"] == 5
    assert t08.counts["end_reason:overgået til ordinær beskæftigelse"] == 1
    assert t08.counts["end_reason:fastholdt i løntilskudsjob"] == 1


def test_t08_activity_counts_corrections_once_and_withdrawn_not_at_all(report):
    t08 = report[0]["T08"]
    # Follow-ups in the period: A 15-07-2021, B 10-03-2021 (the corrected 01-02-2021 once, as
    # corrected), E 15-02-2021 (the withdrawn 01-12-2020 not at all); C's 01-12-2019 is before.
    assert t08.counts["event:followup"] == 3
    assert sorted(t08.cases["event:followup"]) == [
        ("2018-0002", "10-03-2021"),
        ("2018-0005", "15-02-2021"),
        ("2019-0001", "15-07-2021"),
    ]
    # Contacts: B 05-05-2020 and 20-11-2020 (marked full), F 01-09-2021.
    assert t08.counts["event:contact"] == 3
    assert t08.counts["contacts_full"] == 1
    # Journal notes: E's (opfølgning) and F's (henvendelse).
    assert t08.counts["notes"] == 2
    assert "markings" in t08.not_countable  # T08 has no FASIT marking


def test_t08_saved_worked_out_by_hand(report):
    t08 = report[0]["T08"]
    rows = {ref: (held, demanded, saved, dates) for ref, held, demanded, saved, dates in t08.saved_rows}
    # A, offer = hire 15-01-2019: ordinary 15-07-2019 (before the period, assumed held), then
    #   15-07-2020 (none held: assumed), then 15-07-2021 met by the real follow-up that day.
    #   Demanded 2 in the period, held 1, saved 1.
    assert rows["2019-0001"] == (1, 2, 1, "15-07-2020")
    # B, offer 01-08-2018: 01-02-2019 (before), 01-02-2020 (assumed, in the period), then
    #   01-02-2021 met by the full contact 20-11-2020, whose next 20-11-2021 is met by the
    #   follow-up 10-03-2021. Held 2 (the full contact and the follow-up), demanded 3, saved 1.
    assert rows["2018-0002"] == (2, 3, 1, "01-02-2020")
    # E, offer = hire 01-07-2018: 01-01-2019 (before), 01-01-2020 and 01-01-2021 (assumed; the
    #   withdrawn 01-12-2020 does not count), then 01-01-2022 met by 15-02-2021. Saved 2.
    assert rows["2018-0005"] == (1, 3, 2, "01-01-2020, 01-01-2021")
    # G, hire 15-10-2018, nothing held: 15-04-2020 and 15-04-2021 in the period.
    assert rows["2018-0007"] == (0, 2, 2, "15-04-2020, 15-04-2021")
    # D, hire 01-03-2020: 01-09-2020; the next, 01-09-2021, is after its closing 30-06-2021.
    assert rows["2020-0004"] == (0, 1, 1, "01-09-2020")
    # F, hire 01-06-2021: 01-12-2021.
    assert rows["2021-0006"] == (0, 1, 1, "01-12-2021")
    # C: 01-12-2020 would be next, after its closing 30-09-2020: nothing in the period.
    assert "2017-0003" not in rows
    # Totals: demanded 2+3+3+2+1+1 = 12, held 1+2+1 = 4, saved 12 - 4 = 8.
    assert (t08.counts["demanded"], t08.counts["held"], t08.counts["saved"]) == (12, 4, 8)


def test_t08_hours_freed_at_the_minutes_set(store, report):
    rows = _rows(store, report, "T08")
    hours = next(r for r in rows if r.key == "hours")
    # 8 saved follow-ups at 45 minutes = 360 minutes = 6 hours, the assumption stated.
    assert hours.value == "6 timer (8 opfølgninger à 45 minutter – antagelse, kan ændres)"
    saved = next(r for r in rows if r.key == "saved")
    assert saved.value == "8"


def test_t08_deadlines_met_late_missed_open(report):
    t08 = report[0]["T08"]
    # Trial deadlines due in the period: A 15-07-2021 (held that day: on time), B 10-03-2021
    # (met by the full contact 20-11-2020: on time), E 01-01-2021 (held 15-02-2021: 31 + 14 = 45
    # days late), G 15-04-2021 (never held: missed). C, D and F have none due in the period.
    assert (t08.counts["due"], t08.counts["on_time"], t08.counts["late"], t08.counts["missed"]) == (
        4,
        2,
        1,
        1,
    )
    assert dict(t08.hists["late_days"]) == {45: 1}
    # Open at the end, not yet due: A 15-01-2024, B 10-09-2023 (30 months after 10-03-2021),
    # E 15-08-2023, F 01-12-2023. G's is overdue, C and D are closed.
    assert sorted(t08.cases["open_end"]) == [
        ("2018-0002", "Opfølgning 10-09-2023"),
        ("2018-0005", "Opfølgning 15-08-2023"),
        ("2019-0001", "Opfølgning 15-01-2024"),
        ("2021-0006", "Opfølgning 01-12-2023"),
    ]


def test_t08_success_criterion(store, report):
    t08 = report[0]["T08"]
    # Still in the job: the 5 ongoing cases and D (closed 'fastholdt'): 6 of 7 = 85,7 %.
    assert t08.counts["in_job_end"] == 6
    assert t08.counts["left"] == 1  # C, to ordinary employment
    t08_rows = _rows(store, report, "T08")
    assert next(r for r in t08_rows if r.key == "in_job_end").value == "6 af 7 (85,7 %)"


def test_t09_figures(store, report):
    t09 = report[0]["T09"]
    # H, I, J started in the period; K (praktik 2019) ended 10-01-2020, inside it.
    assert (t09.counts["citizens"], t09.counts["started"], t09.counts["praktik_started"]) == (4, 3, 3)
    assert (t09.counts["ended"], t09.counts["ongoing_end"]) == (3, 1)
    assert t09.counts["end_reason:overgået til fleksjob"] == 2  # H and K
    # Praktik lengths, both days counted: H 02-03..27-03-2020 = 26 days; I 03-05..10-06-2021 =
    # 29 days in May + 10 in June = 39 days.
    assert dict(t09.hists["praktik_days"]) == {26: 1, 39: 1}
    # Time to fleksjob: H 02-03 -> 15-05-2020 = 29 + 30 + 15 = 74 days; K 04-11-2019 ->
    # 10-01-2020 = 26 + 31 + 10 = 67 days.
    assert dict(t09.hists["flexjob_days"]) == {67: 1, 74: 1}
    # Deadlines: H's last day 29-03-2020 met 27-03 (on time); I's 30-05-2021 met 10-06 (11 days
    # late); J's runs past the trial's end, so it ends 31-12-2021 at the latest: missed.
    assert (t09.counts["due"], t09.counts["on_time"], t09.counts["late"], t09.counts["missed"]) == (
        3,
        1,
        1,
        1,
    )
    assert t09.counts["open_end"] == 0
    # The marking is in H's praktik note only; notes: H's and I's.
    assert (t09.counts["markings"], t09.counts["notes"]) == (1, 2)
    # T09 has no ordinary follow-up rule: saved cannot be counted, and says so.
    rows = _rows(store, report, "T09")
    assert next(r for r in rows if r.key == "saved").value == "kan ikke opgøres fra sagslisten"
    flex = next(r for r in rows if r.key == "flexjob")
    assert flex.note.startswith("mindst 67, median 70,5, højst 74 dage")


def test_one_caseworker(store):
    evaluation = build_evaluation(store, start=START, end=END, today=TODAY, caseworker=ANNE)
    t08 = next(f for f in evaluation.trials if f.trial_id == "T08")
    assert t08.counts["citizens"] == 5  # A-E; F and G are Mads's


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"start": END, "end": START}, "Perioden er tom: den slutter 01-01-2020, før den begynder 31-12-2021."),
        ({"start": START, "end": TODAY.replace(year=2023)}, "efter i dag (01-03-2022)"),
        ({"start": START, "end": END, "trials": ["T09"], "today": TODAY}, None),
        (
            {"start": START.replace(year=2016), "end": END.replace(year=2017), "trials": ["T08"]},
            "ligger før forsøg T08 begyndte (01-07-2018)",
        ),
        (
            {"start": START.replace(year=2022), "end": TODAY, "trials": ["T09"]},
            "ligger efter forsøg T09 sluttede (31-12-2021)",
        ),
        ({"start": START, "end": END, "trials": ["T01"]}, "Forsøg T01 har ingen fristregler"),
        ({"start": START, "end": END, "trials": ["T99"]}, "Ukendt forsøg 'T99'"),
        ({"start": START, "end": END, "caseworker": "Ukendt Person"}, "Ingen sager har sagsbehandleren"),
    ],
)
def test_bad_input(store, kwargs, message):
    kwargs = {"today": TODAY, **kwargs}
    if message is None:
        assert [f.trial_id for f in build_evaluation(store, **kwargs).trials] == ["T09"]
        return
    with pytest.raises(EvaluationError) as exc:
        build_evaluation(store, **kwargs)
    assert message in str(exc.value)


def test_fleksjob_before_the_praktik_began_counts_but_has_no_days_since_praktik_start(tmp_path):
    """A T09 case (ledig siden 04-01-2021, praktik from 01-03-2021) closed 15-02-2021 as
    'overgået til fleksjob': it went to fleksjob in the period, but not after its praktik, so it
    adds nothing to the distribution of days from praktik start (there would be -14). Its
    municipality's counts file must still be readable by the merge (a negative day was refused)."""
    from datetime import date

    from caseworker_app.core.evaluation_figures import FLEXJOB
    from caseworker_app.core.evaluation_merge import counts_json, read_counts, source_fingerprint, to_counts
    from caseworker_app.store import CaseStore

    with CaseStore(tmp_path / "sager.db", clock=lambda: date(2021, 6, 1)) as store:
        case_id = store.create_case(
            citizen="Lis Holm",
            case_ref="2021-0900",
            trial_id="T09",
            dates={"praktik_start": date(2021, 3, 1), "unemployed_since": date(2021, 1, 4)},
        )
        store.close_case(case_id, reason=FLEXJOB, day=date(2021, 2, 15))
        evaluation = build_evaluation(store, start=date(2021, 1, 1), end=date(2021, 5, 31), today=date(2021, 6, 1))
        [t09] = [f for f in evaluation.trials if f.trial_id == "T09"]
        assert t09.counts["flexjob"] == 1
        assert t09.cases["flexjob"] == [("2021-0900", "fleksjob 15-02-2021, før praktikstart 01-03-2021")]
        assert not t09.hists.get("flexjob_days")
        content = to_counts(
            evaluation, store.catalog(), source=source_fingerprint("db", ""), database="0" * 16, program_version="1"
        )
        back = read_counts(counts_json(content), "aalborg.json", "1")  # was refused: day "-14"
        assert back["trials"]["T09"]["counts"]["flexjob"] == 1
