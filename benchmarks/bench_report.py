"""Benchmark (not a test): the evaluation report for 10,000 T08 cases over two years. Target < 2 s.

Counts everything the report shows (citizens, activity, the deadlines replayed through the
engine, the follow-ups the ordinary rule demanded) from case records as the store returns them.
"""

from __future__ import annotations

import random
import time
from datetime import date, timedelta
from types import MappingProxyType

from caseworker_app.core.cases import ACTIVE, CLOSED, CaseRecord
from caseworker_app.core.catalog_load import load_catalog
from caseworker_app.core.evaluation import evaluate
from caseworker_app.core.evaluation_figures import Period
from caseworker_app.core.event import Event

CASES = 10_000
PERIOD = Period(date(2022, 1, 1), date(2023, 12, 31))
TODAY = date(2024, 3, 1)


def generate_cases(count: int, seed: int = 1) -> list[CaseRecord]:
    """T08 cases hired 2016-2023, 0-3 follow-ups, now and then a contact; a fifth closed."""
    rng = random.Random(seed)
    cases = []
    for i in range(count):
        hire = date(2016, 1, 1) + timedelta(days=rng.randrange(2900))
        dates = {"hire": hire}
        events, day = [], hire
        for _ in range(rng.randrange(4)):
            day += timedelta(days=rng.randrange(200, 900))
            if day < TODAY:
                events.append(Event(day, "followup"))
        if rng.random() < 0.3:
            contact = hire + timedelta(days=rng.randrange(1500))
            if contact < TODAY:
                events.append(Event(contact, "contact", full_followup=rng.random() < 0.2))
        events.sort(key=lambda e: e.day)
        closed = rng.random() < 0.2
        closed_on = min(TODAY, hire + timedelta(days=rng.randrange(300, 2500))) if closed else None
        cases.append(
            CaseRecord(
                id=i + 1,
                citizen="",
                case_ref=f"2020-{i:05d}",
                trial_id="T08",
                dates=MappingProxyType(dates),
                events=tuple(events),
                status=CLOSED if closed else ACTIVE,
                end_reason="fastholdt i løntilskudsjob" if closed else "",
                extra=MappingProxyType({"closed_on": closed_on}),
            )
        )
    return cases


def main() -> None:
    catalog = load_catalog()
    cases = generate_cases(CASES)
    timings = []
    for _ in range(3):
        start = time.perf_counter()
        report = evaluate(cases, {}, catalog, PERIOD, TODAY, trials=["T08"])
        timings.append(time.perf_counter() - start)
    t08 = report.trials[0]
    print(
        f"{CASES} cases, period {PERIOD.text}: {t08.counts['citizens']} citizens, "
        f"{t08.counts['due']} deadlines due, {t08.counts['saved']} follow-ups saved; "
        f"best {min(timings):.3f} s, runs {[round(t, 3) for t in timings]}"
    )


if __name__ == "__main__":
    main()
