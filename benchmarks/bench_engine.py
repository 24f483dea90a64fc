"""Benchmark (not a test): deadlines for 100,000 generated T08 cases. Target: under 1.5 s."""

from __future__ import annotations

import random
import time
from datetime import date, timedelta

from caseworker_app.core.catalog import load_catalog
from caseworker_app.core.schedule import Event, compute_deadlines

CASES = 100_000


def generate_cases(count: int, seed: int = 1) -> list[tuple[dict, list[Event]]]:
    """Realistic T08 cases: hire 2016-2025, 0-3 follow-ups, now and then a contact."""
    rng = random.Random(seed)
    cases = []
    for _ in range(count):
        hire = date(2016, 1, 1) + timedelta(days=rng.randrange(3650))
        dates = {"hire": hire}
        if rng.random() < 0.7:
            dates["offer"] = hire - timedelta(days=rng.randrange(60))
        events, day = [], hire
        for _ in range(rng.randrange(4)):
            day += timedelta(days=rng.randrange(200, 900))
            events.append(Event(day, "followup"))
        if rng.random() < 0.3:
            events.append(Event(hire + timedelta(days=rng.randrange(1000)), "contact"))
        cases.append((dates, events))
    return cases


def main() -> None:
    trial = load_catalog()["T08"]
    today = date(2025, 11, 23)
    cases = generate_cases(CASES)
    compute_deadlines(trial, cases[0][0], cases[0][1], today)  # build the holiday tables once
    timings = []
    for _ in range(3):
        start = time.perf_counter()
        total = sum(len(compute_deadlines(trial, d, e, today)) for d, e in cases)
        timings.append(time.perf_counter() - start)
    print(
        f"{CASES} cases, {total} deadlines: best {min(timings):.3f} s, runs {[round(t, 3) for t in timings]}"
    )


if __name__ == "__main__":
    main()
