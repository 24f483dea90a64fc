"""A hand-built case list for the evaluation report: 11 cases in T08 and T09, two caseworkers.

Every figure the tests expect is worked out by hand in tests/core/test_evaluation.py from the
dates below. The period is 01-01-2020 - 31-12-2021; the database's 'today' is 01-03-2022.
Names and case numbers are invented.
"""

from __future__ import annotations

from datetime import date

from caseworker_app.store import CaseStore

TODAY = date(2022, 3, 1)
START, END = date(2020, 1, 1), date(2021, 12, 31)
ANNE, MADS = "Anne Jensen", "Mads Kristensen"
T09_MARKING = "Frikommuneforsøg – Ly under 18 mdr."


def build(path) -> CaseStore:
    """The database with the 11 cases (see the comments for each)."""
    store = CaseStore(path, clock=lambda: TODAY)

    def case(ref, trial, dates, who, citizen="Opdigtet Borger"):
        return store.create_case(citizen=f"{citizen} {ref}", case_ref=ref, trial_id=trial, dates=dates, caseworker=who)

    def ev(case_id, day, kind="followup", **kw):
        return store.add_event(case_id, day=day, kind=kind, **kw)

    # ---- T08: trial rule hire + 30 months, then 30 months after the last follow-up;
    #      ordinary rule offer (= hire if unknown) + 6 months, then 12 months after the last.
    # A: hire 15-01-2019, follow-up on the trial deadline 15-07-2021.
    a = case("2019-0001", "T08", {"hire": date(2019, 1, 15)}, ANNE)
    ev(a, date(2021, 7, 15))
    # B: hire 10-09-2018, offer 01-08-2018; a contact (not full), a contact marked full, and a
    #    follow-up first registered on 01-02-2021, then corrected to 10-03-2021.
    b = case("2018-0002", "T08", {"hire": date(2018, 9, 10), "offer": date(2018, 8, 1)}, ANNE)
    ev(b, date(2020, 5, 5), "contact", initiated_by="borger")
    ev(b, date(2020, 11, 20), "contact", initiated_by="arbejdsgiver", full_followup=True)
    wrong = ev(b, date(2021, 2, 1))
    ev(b, date(2021, 3, 10), replaces=wrong)
    # C: hire 01-06-2017 (before the trial), follow-up 01-12-2019, closed 30-09-2020.
    c = case("2017-0003", "T08", {"hire": date(2017, 6, 1)}, ANNE)
    ev(c, date(2019, 12, 1))
    store.close_case(c, reason="overgået til ordinær beskæftigelse", day=date(2020, 9, 30))
    # D: hire 01-03-2020, no follow-up, closed 30-06-2021 still in the job.
    d = case("2020-0004", "T08", {"hire": date(2020, 3, 1)}, ANNE)
    store.close_case(d, reason="fastholdt i løntilskudsjob", day=date(2021, 6, 30))
    # E: hire 01-07-2018; a follow-up on 01-12-2020 registered by mistake and withdrawn; the
    #    follow-up held 15-02-2021 with its journal note.
    e = case("2018-0005", "T08", {"hire": date(2018, 7, 1)}, ANNE)
    mistake = ev(e, date(2020, 12, 1))
    store.cancel_event(e, mistake, text="registreret på forkert sag")
    ev(e, date(2021, 2, 15))
    store.add_journal_note(e, situation="opfoelgning", text="Opfølgning afholdt.", day=date(2021, 2, 15))
    # F: hire 01-06-2021, a contact 01-09-2021 with its journal note.
    f = case("2021-0006", "T08", {"hire": date(2021, 6, 1)}, MADS)
    ev(f, date(2021, 9, 1), "contact", initiated_by="borger")
    store.add_journal_note(f, situation="henvendelse", text="Henvendelse.", day=date(2021, 9, 1))
    # G: hire 15-10-2018, no follow-up at all.
    case("2018-0007", "T08", {"hire": date(2018, 10, 15)}, MADS)

    # ---- T09: a praktik lasts at most 4 weeks (last day = start + 4 weeks - 1 day); the trial
    #      ends 31-12-2021, and a praktik running then ends on that day at the latest.
    # H: praktik 02-03-2020 - 27-03-2020 (last day 29-03-2020), fleksjob 15-05-2020.
    h = case("2020-0101", "T09", {"praktik_start": date(2020, 3, 2)}, ANNE)
    store.add_journal_note(
        h,
        situation="praktik_start",
        text=f"Praktik oprettet. FASIT-markering: {T09_MARKING}",
        day=date(2020, 3, 2),
    )
    ev(h, date(2020, 3, 27), "praktik_end")
    store.close_case(h, reason="overgået til fleksjob", day=date(2020, 5, 15))
    # I: praktik 03-05-2021 (last day 30-05-2021) ended 10-06-2021; no fleksjob.
    i = case("2021-0102", "T09", {"praktik_start": date(2021, 5, 3)}, ANNE)
    ev(i, date(2021, 6, 10), "praktik_end")
    store.add_journal_note(i, situation="praktik_uden_fleksjob", text="Ingen fleksjob.", day=date(2021, 6, 10))
    store.close_case(i, reason="overgået til anden ydelse", day=date(2021, 8, 1))
    # J: praktik from 13-12-2021, still running when the trial ends 31-12-2021, no end registered.
    case("2021-0103", "T09", {"praktik_start": date(2021, 12, 13)}, MADS)
    # K: praktik 04-11-2019 - 29-11-2019 (before the period), fleksjob 10-01-2020.
    k = case("2019-0104", "T09", {"praktik_start": date(2019, 11, 4)}, MADS)
    ev(k, date(2019, 11, 29), "praktik_end")
    store.close_case(k, reason="overgået til fleksjob", day=date(2020, 1, 10))
    return store
