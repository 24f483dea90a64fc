"""The small fixed set of cases the .ics and printed-calendar reference files are made from.

Chosen to cover an ordinary weekday, a Sunday, the New Year days, Easter and store bededag (a
holiday up to and including 2023); each case's dates are worked out by hand in its comment
(30 calendar months after the hire for T08, decision 6; practical date = the last working day
on or before the legal date, decision 7).
"""

from __future__ import annotations

from datetime import date

from caseworker_app.core.cases import CaseDeadline, CaseRecord
from tests.export_samples import deadlines

TODAY = date(2021, 2, 15)  # Monday, ISO week 7 of 2021: the day the calendar is printed


def _case(case_id: int, citizen: str, case_ref: str, trial_id: str, dates: dict[str, date]) -> CaseRecord:
    return CaseRecord(
        id=case_id, citizen=citizen, case_ref=case_ref, trial_id=trial_id, dates=dates,
        caseworker="Anne Jensen", cpr=f"01020{case_id}-123{case_id}",
    )  # fmt: skip


REFERENCE_CASES = (
    # hire 31-08-2018 + 30 months = 28-02-2021 (no 31 February: the month's last day), a Sunday:
    # in practice Friday 26-02-2021.
    _case(1, "Jens Hansen", "FASIT-2018-0001", "T08", {"hire": date(2018, 8, 31)}),
    # hire 05-10-2018 + 30 months = Monday 05-04-2021, Anden påskedag; 04-04 påskedag, 03-04 a
    # Saturday, 02-04 langfredag, 01-04 skærtorsdag: in practice Wednesday 31-03-2021.
    _case(2, "Mette Nielsen", "FASIT-2018-0002", "T08", {"hire": date(2018, 10, 5)}),
    # hire 15-08-2018 + 30 months = Monday 15-02-2021, a working day: the same day.
    _case(3, "Søren Østergård", "FASIT-2018-0003", "T08", {"hire": date(2018, 8, 15)}),
    # hire 30-10-2018 + 30 months = Friday 30-04-2021, store bededag (still a holiday in 2021):
    # in practice Thursday 29-04-2021.
    _case(4, "Bente Kjær", "FASIT-2018-0004", "T08", {"hire": date(2018, 10, 30)}),
    # hire 03-07-2018 + 30 months = Sunday 03-01-2021; 02-01 a Saturday, 01-01 nytårsdag, 31-12
    # nytårsaftensdag: in practice Wednesday 30-12-2020. Overdue on 15-02-2021.
    _case(5, "Karen Madsen", "FASIT-2018-0005", "T08", {"hire": date(2018, 7, 3)}),
    # T07: visitation 10-09-2020 + 6 months = Wednesday 10-03-2021, a working day; the trial
    # (to 31-12-2021) governs.
    _case(6, "Bo Kristensen", "FASIT-2020-0006", "T07", {"visitation": date(2020, 9, 10)}),
)


def reference_deadlines() -> list[CaseDeadline]:
    """The deadlines of REFERENCE_CASES on TODAY, through the function the window and CLI use."""
    return deadlines(list(REFERENCE_CASES), TODAY)
