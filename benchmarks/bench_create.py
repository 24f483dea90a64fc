"""Benchmark (not a test): creating cases one by one in a database that already holds many.

Run: uv run python -m benchmarks.bench_create [--stored 1000 100000] [--cases 40]

Each new case is saved as the case window saves it: CaseStore.create_case, its own transaction
(validated, checked against the FASIT numbers already stored, written, committed). Timed per
case on a fresh copy of the generated database; the median is the figure. Target: flat, 2 ms.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

if __package__ in (None, ""):  # run as a file: import the package beside this folder
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.bench_store import TODAY, copy_of  # noqa: E402
from caseworker_app.store import CaseStore  # noqa: E402


def measure(stored: int, cases: int) -> dict:
    """Milliseconds per create_case with `stored` cases already in the database."""
    with tempfile.TemporaryDirectory(prefix="bench-create-") as folder:
        db = copy_of(stored, Path(folder))
        timings = []
        with CaseStore(db, clock=lambda: TODAY) as store:
            store.settings()  # the first write reads the settings once, as the window has
            for number in range(cases):
                t0 = time.perf_counter()
                store.create_case(
                    citizen=f"Ny Borger {number}",
                    case_ref=f"2027-{number:05d}",
                    trial_id="T08",
                    dates={"hire": TODAY - timedelta(days=30 + number)},
                    caseworker="Anne Jensen",
                )
                timings.append(time.perf_counter() - t0)
    return {
        "stored": stored,
        "median_ms": round(statistics.median(timings) * 1000, 3),
        "worst_ms": round(max(timings) * 1000, 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stored", type=int, nargs="+", default=[1000, 100_000])
    parser.add_argument("--cases", type=int, default=40)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    results = [measure(n, args.cases) for n in args.stored]
    if args.json:
        print(json.dumps(results))
        return
    for r in results:
        print(f"  {r['stored']:>7} stored: median {r['median_ms']:.2f} ms, worst {r['worst_ms']:.2f} ms per case")


if __name__ == "__main__":
    main()
