"""Benchmark (not a test): 10,000 cases in a temporary database; open, list_cases, deadlines.

Run: uv run python -m benchmarks.bench_store [--cases N]

Also the generator every other benchmark uses: generate() writes cases through the store API,
and database() keeps one generated file per size in a cache folder, so the 100,000-case database
is made once (about two minutes), not on every run. The cache key is the generator's own source
and the schema's migration names: a changed generator or schema makes a new file.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

if __package__ in (None, ""):  # run as a file: import the package beside this folder
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dateutil.relativedelta import relativedelta  # noqa: E402

from caseworker_app.store import CaseStore  # noqa: E402

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
            events.append({"day": day, "kind": "talk", "form": rng.choice(("personligt", "telefon"))})
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


_GENERATOR_INDEX = "bench_generate_case_ref"


def generate(path: Path, count: int, seed: int = 1) -> float:
    """Fill a new database with count cases through the store API; returns the seconds taken.

    While generating, an index on (trial, FASIT number) keeps the store's duplicate check from
    scanning every case (else 100,000 cases take a quarter of an hour); it is dropped after, so
    the file has exactly the program's schema.
    """
    rng = random.Random(seed)
    started = time.perf_counter()
    with CaseStore(path, clock=lambda: TODAY) as store:
        store._connection().execute(f"CREATE INDEX IF NOT EXISTS {_GENERATOR_INDEX} ON cases (trial_id, case_ref)")
        settings = store.settings()  # a database in use: the first start's questions are answered
        settings.caseworker_name, settings.municipality = "Anne Jensen", "Vesthimmerlands Kommune"
        store.save_settings(settings)
        with store.batch():
            for number in range(count):
                record, events = _case(rng, number)
                case_id = store.create_case(**record)
                for event in sorted(events, key=lambda e: e["day"]):
                    store.add_event(case_id, **event)
    seconds = time.perf_counter() - started
    conn = sqlite3.connect(path)
    try:
        conn.execute(f"DROP INDEX IF EXISTS {_GENERATOR_INDEX}")
        conn.commit()
    finally:
        conn.close()
    return seconds


def cache_folder() -> Path:
    """Where generated databases are kept between runs (BENCH_CACHE or ~/.cache/...)."""
    folder = (
        os.environ.get("BENCH_CACHE")
        or Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "caseworker-bench"
    )
    return Path(folder)


def database(count: int, seed: int = 1) -> Path:
    """A generated database of count cases, made once and kept (read it through a copy)."""
    from caseworker_app.store.versions import MIGRATION_NAMES

    key = hashlib.sha256((Path(__file__).read_text(encoding="utf-8") + repr(MIGRATION_NAMES)).encode()).hexdigest()[:12]
    path = cache_folder() / f"cases-{count}-{seed}-{key}.db"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(path.name + f".{os.getpid()}.tmp")
        temporary.unlink(missing_ok=True)
        seconds = generate(temporary, count, seed)
        for suffix in ("-wal", "-shm"):
            Path(str(temporary) + suffix).unlink(missing_ok=True)
        os.replace(temporary, path)
        print(f"(generated {count} cases in {seconds:.0f} s: {path})", file=sys.stderr)
    return path


def copy_of(count: int, folder: Path, name: str = "sager.db") -> Path:
    """A fresh copy of the generated database in folder, for a run that may write to it."""
    target = Path(folder) / name
    shutil.copyfile(database(count), target)
    return target


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
