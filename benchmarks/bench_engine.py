"""Benchmark (not a test): every deadline of 100,000 cases, the first pass in a new process.

Run: uv run python -m benchmarks.bench_engine [--cases 100000] [--runs 5]

Each run is a new process, so every cache is cold (holiday tables, texts, the deadline cache):
the cases are read from the generated database as the window reads them, then the deadlines and
the cases that cannot be computed are computed once, as the window's first refresh does (with
the garbage collector as the window has it while it opens: ui/app.py). The figure is that first
pass; the median over the runs is printed. Target: 0.6 s for 100,000.

Beside it, "raw_fetch_s": the same rows fetched by plain sqlite3 and nothing made of them (no
record, no deadline, no window). No start that shows every case can be faster than that: it is
the lower bound the "cases painted" figures are measured against in the closing notes.
"""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

if __package__ in (None, ""):  # run as a file: import the package beside this folder
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

REPO = Path(__file__).resolve().parents[1]


def _window_pass():
    """The function the window's refresh computes its deadlines with (with or without a cache)."""
    try:
        from caseworker_app.services.deadline_cache import DeadlineCache
    except ImportError:  # before the deadline cache: the one pass of core.cases
        from caseworker_app.core.cases import deadlines_and_problems

        return deadlines_and_problems
    return DeadlineCache().deadlines_and_problems


@contextmanager
def _as_the_window_opens():
    """As ui/app.py opens the database: the collector paused, then everything made frozen."""
    try:
        from caseworker_app.core.collector import collector_paused
    except ImportError:  # before that: the collector ran as it would
        yield
        return
    with collector_paused():
        yield
        gc.freeze()


def raw_fetch(path: Path) -> float:
    """Seconds to fetch every row the window reads of the cases (store/case_reads.py load), as
    Python tuples, and nothing more: a fresh connection, the same three SELECTs."""
    import sqlite3

    from caseworker_app.store.case_list import READ_ORDER
    from caseworker_app.store.case_reading import CASE_COLUMNS, EVENT_COLUMNS

    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        started = time.perf_counter()
        conn.execute(f"SELECT {CASE_COLUMNS} FROM cases {READ_ORDER}").fetchall()
        conn.execute("SELECT case_id, name, day FROM case_dates").fetchall()
        conn.execute(f"SELECT {EVENT_COLUMNS} FROM events ORDER BY case_id, day, id").fetchall()
        return time.perf_counter() - started
    finally:
        conn.close()


def once(cases: int) -> dict:
    """Read the cases and compute their deadlines once, in this (new) process."""
    from benchmarks.bench_store import TODAY, database
    from caseworker_app.store import CaseStore

    path = database(cases)
    store = CaseStore(path, read_only=True)
    catalog, settings = store.catalog(), store.settings()
    compute = _window_pass()
    with _as_the_window_opens():
        t0 = time.perf_counter()
        records = store.list_cases()
        t1 = time.perf_counter()
        found, problems = compute(records, catalog, TODAY, warning_days=settings.warning_days)
        t2 = time.perf_counter()
    store.close()
    fetched = raw_fetch(path)  # after the timed pass: it warms nothing that pass used
    return {
        "cases": len(records),
        "deadlines": len(found),
        "problems": len(problems),
        "read_s": round(t1 - t0, 4),
        "first_pass_s": round(t2 - t1, 4),
        "raw_fetch_s": round(fetched, 4),
    }


def runs(cases: int, count: int) -> list[dict]:
    """count new processes, one first pass each."""
    results = []
    for _ in range(count):
        out = subprocess.run(
            [sys.executable, "-m", "benchmarks.bench_engine", "--once", "--cases", str(cases)],
            capture_output=True,
            text=True,
            cwd=REPO,
            check=True,
        ).stdout
        results.append(json.loads(out.strip().splitlines()[-1]))
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--once", action="store_true", help="one first pass in this process, as JSON")
    args = parser.parse_args()
    if args.once:
        print(json.dumps(once(args.cases)))
        return
    results = runs(args.cases, args.runs)
    first = [r["first_pass_s"] for r in results]
    read = [r["read_s"] for r in results]
    print(
        f"{results[0]['cases']} cases, {results[0]['deadlines']} deadlines, "
        f"{results[0]['problems']} cannot be computed; {args.runs} new processes"
    )
    print(f"  first pass: median {statistics.median(first):.3f} s, runs {first}")
    print(f"  reading the cases: median {statistics.median(read):.3f} s")
    fetched = [r["raw_fetch_s"] for r in results]
    print(f"  fetching their rows alone (plain sqlite3, nothing made): median {statistics.median(fetched):.3f} s")


if __name__ == "__main__":
    main()
