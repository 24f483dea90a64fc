"""Benchmark (not a test): 10,000 cases in a temporary database; open, list_cases, deadlines.

Run: uv run python benchmarks/bench_store.py [--cases N]
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from dateutil.relativedelta import relativedelta

from caseworker_app.store import CaseStore

TODAY = date(2026, 11, 23)
FIRST_NAMES = (
    "Jens",
    "Mette",
    "Lars",
    "Hanne",
    "Bo",
    "Karen",
    "Søren",
    "Birgitte",
    "Ahmad",
    "Fatima",
)
LAST_NAMES = (
    "Hansen",
    "Nielsen",
    "Pedersen",
    "Sørensen",
    "Rasmussen",
    "Jørgensen",
    "Madsen",
    "Larsen",
)
CASEWORKERS = ("Anne Jensen", "Mads Kristensen", "Louise Holm", "Peter Nielsen")


def _case(rng: random.Random, number: int) -> tuple[dict, list[dict]]:
    """One realistic case: mostly T08 (2-6 years of history), the rest spread over other trials."""
    pick = rng.random()
    ago = lambda days: TODAY - timedelta(days=days)  # noqa: E731
    events: list[dict] = []
    if pick < 0.6:
        hire = ago(rng.randrange(60, 2200))
        trial, dates = "T08", {"hire": hire}
        if rng.random() < 0.5:
            dates["offer"] = hire - timedelta(days=rng.randrange(1, 60))
        day = hire
        for _ in range(rng.randrange(4)):
            day += timedelta(days=rng.randrange(200, 900))
            if day <= TODAY:
                events.append({"day": day, "kind": "followup", "form": "personligt"})
        if rng.random() < 0.3:
            contact = hire + timedelta(days=rng.randrange((TODAY - hire).days + 1))
            events.append(
                {
                    "day": contact,
                    "kind": "contact",
                    "initiated_by": "arbejdsgiver",
                    "full_followup": rng.random() < 0.3,
                }
            )
    elif pick < 0.75:
        start = ago(rng.randrange(10, 300))
        trial, dates = "T16", {"absence_start": start}
        day = start + timedelta(days=rng.randrange(20, 55))
        while day <= TODAY and rng.random() < 0.7:
            events.append({"day": day, "kind": "followup"})
            day += timedelta(days=28)
    elif pick < 0.85:
        visitation = ago(rng.randrange(30, 700))
        trial, dates = "T07", {"visitation": visitation}
        day = visitation + relativedelta(months=6)
        while day <= TODAY:
            events.append({"day": day, "kind": rng.choice(("plan_adjusted", "plan_not_adjusted"))})
            day += relativedelta(months=6)
    elif pick < 0.93:
        visitation = ago(rng.randrange(30, 500))
        trial, dates = "T05", {"visitation": visitation}
        day = visitation
        while (day := day + timedelta(days=rng.randrange(40, 120))) <= TODAY:
            events.append(
                {"day": day, "kind": "talk", "form": rng.choice(("personligt", "telefon"))}
            )
    else:
        trial, dates = "T12", {"agreed": TODAY + timedelta(days=rng.randrange(-30, 90))}
    name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)} {number}"
    record = {
        "citizen": name,
        "case_ref": f"2026-{number:05d}",
        "trial_id": trial,
        "dates": dates,
        "caseworker": rng.choice(CASEWORKERS),
    }
    return record, events


def generate(path: Path, count: int, seed: int = 1) -> float:
    """Fill a new database with count cases through the store API; returns the seconds taken."""
    rng = random.Random(seed)
    started = time.perf_counter()
    with CaseStore(path, clock=lambda: TODAY) as store, store.batch():
        for number in range(count):
            record, events = _case(rng, number)
            case_id = store.create_case(**record)
            for event in sorted(events, key=lambda e: e["day"]):
                store.add_event(case_id, **event)
    return time.perf_counter() - started


def measure(path: Path) -> dict[str, float]:
    """Seconds to open the database, load every case and compute every deadline."""
    t0 = time.perf_counter()
    store = CaseStore(path)
    t1 = time.perf_counter()
    cases = store.list_cases()
    t2 = time.perf_counter()
    deadlines = store.deadlines(TODAY)
    t3 = time.perf_counter()
    store.close()
    return {
        "open": t1 - t0,
        "list_cases": t2 - t1,
        "deadlines": t3 - t2,
        "total": t3 - t0,
        "cases": len(cases),
        "found": len(deadlines),
    }


COLD = """
import time; t0 = time.perf_counter()
from datetime import date
from caseworker_app.store import CaseStore
store = CaseStore({path!r}); n = len(store.deadlines(date(2026, 11, 23)))
print(f"{{time.perf_counter() - t0:.3f}} {{n}}")
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.db"
        seconds = generate(path, args.cases)
        size = path.stat().st_size / 1e6
        print(f"generated {args.cases} cases through CaseStore in {seconds:.1f} s ({size:.1f} MB)")
        runs = [measure(path) for _ in range(3)]
        first = runs[0]
        print(f"{first['cases']} cases, {first['found']} deadlines (active cases only)")
        for key in ("open", "list_cases", "deadlines", "total"):
            values = [r[key] for r in runs]
            print(f"  {key:<11} best {min(values):.3f} s  runs {[round(v, 3) for v in values]}")
        cold = subprocess.run(
            [sys.executable, "-c", COLD.format(path=str(path))],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()
        print(f"  new process: import + open + deadlines {cold[0]} s ({cold[1]} deadlines)")


if __name__ == "__main__":
    main()
