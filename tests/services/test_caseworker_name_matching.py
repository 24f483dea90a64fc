"""Every place that matches a caseworker's name does it by the program's one rule (core/text.py name_key:
case, NFC and spaces a reader cannot see aside): the evaluation report, the trial-end counts of "mine
frister", the .ics export's handed-over cases and a merged report's fingerprint. "anne  jensen" (two
spaces, as pasted) is Anne Jensen everywhere; the evaluation once said no case had her."""

from __future__ import annotations

from datetime import date

from caseworker_app.core.evaluation_merge import source_fingerprint
from caseworker_app.services.evaluation import build_evaluation
from caseworker_app.services.exporting import export_ics
from caseworker_app.store import CaseStore

TODAY = date(2021, 3, 1)


def anne_store(tmp_path) -> tuple[CaseStore, int]:
    store = CaseStore(tmp_path / "sager.db", clock=lambda: TODAY)
    case_id = store.create_case(
        citizen="Jens Hansen",
        case_ref="2021-0108",
        trial_id="T08",
        caseworker="Anne Jensen",
        dates={"hire": date(2018, 8, 31)},
    )
    store.create_case(
        citizen="Mette Nielsen",
        case_ref="2021-0109",
        trial_id="T08",
        caseworker="Bo Berg",
        dates={"hire": date(2018, 8, 31)},
    )
    return store, case_id


def test_the_evaluation_of_anne__jensen_counts_anne_jensens_case(tmp_path):
    store, _ = anne_store(tmp_path)
    with store:
        report = build_evaluation(
            store, start=date(2021, 1, 1), end=date(2021, 2, 28), today=TODAY, caseworker="anne  jensen"
        )
    [t08] = report.trials
    assert t08.counts["citizens"] == 1  # Jens Hansen's case, not Bo Berg's


def test_a_merged_reports_fingerprint_is_the_same_for_both_spellings():
    assert source_fingerprint("db-1", "anne  jensen") == source_fingerprint("db-1", "Anne Jensen")


def test_a_case_handed_over_is_cancelled_in_anne__jensens_next_ics(tmp_path):
    # Anne Jensen's export sends her case; it is then Bo Berg's, and her next export (her name typed
    # with two spaces) cancels it in her Outlook, as it does for "Anne Jensen".
    store, case_id = anne_store(tmp_path)
    with store:
        export_ics(store, tmp_path / "1.ics", TODAY, caseworker="Anne Jensen")
        store.update_case(case_id, caseworker="Bo Berg")
        export_ics(store, tmp_path / "2.ics", TODAY, caseworker="anne  jensen")
    second = (tmp_path / "2.ics").read_text(encoding="utf-8")
    assert second.count("STATUS:CANCELLED") == 1  # Jens Hansen's deadline, now Bo Berg's
