"""Benchmark (not a test): importing a case list of 10,000 rows, as .xlsx and as .csv.

Run: uv run python -m benchmarks.bench_import [--rows 10000] [--runs 3] [--json]

Each run reads the file (services.importing.read_source), builds the preview (every row checked,
duplicates looked up, each case's first deadline computed) and saves it into a new database in
one transaction. Target: preview and save under 3 s, the file's reading included. The floor, timed
in the same runs, is the least any import must do: the file's cells read by openpyxl (read-only)
or the csv module, and the rows inserted by executemany into a bare SQLite table.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

if __package__ in (None, ""):  # run as a file: import the package beside this folder
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from caseworker_app.services import importing  # noqa: E402
from caseworker_app.store import CaseStore  # noqa: E402

TODAY = date(2026, 11, 30)
TARGET_SECONDS = 3.0
HEADERS = (
    "Borger",
    "CPR-nr.",
    "FASIT-sagsnr.",
    "Forsøg",
    "Ansat",
    "Tilbud givet",
    "Seneste opfølgning",
    "Sagsbehandler",
    "Bemærkning",
)
NAMES = (
    "Jens Hansen",
    "Mette Nielsen",
    "Lars Pedersen",
    "Hanne Sørensen",
    "Ahmad Khalil",
    "Fatima Ali",
    "Søren Østergaard",
    "Karen Mortensen",
)
CASEWORKERS = ("Anne Jensen", "Mads Kristensen", "Louise Holm", "Peter Nielsen")


def _rows(count: int, seed: int = 1) -> list[tuple]:
    """Invented T08 cases over six years: hire dates, a third with an offer date, half followed up."""
    rng = random.Random(seed)
    rows = []
    for number in range(count):
        hire = TODAY - timedelta(days=rng.randrange(60, 2200))
        offer = hire - timedelta(days=rng.randrange(1, 60)) if rng.random() < 0.3 else None
        followup = hire + timedelta(days=rng.randrange(30, (TODAY - hire).days)) if rng.random() < 0.5 else None
        cpr = f"{rng.randrange(1, 29):02d}{rng.randrange(1, 13):02d}{rng.randrange(50, 99)}-0000"
        rows.append(
            (
                f"{rng.choice(NAMES)} {number}",
                cpr if rng.random() < 0.5 else None,
                f"2026-{number:05d}",
                "T08",
                hire,
                offer,
                followup,
                rng.choice(CASEWORKERS),
                "Løntilskud" if number % 7 else None,
            )
        )
    return rows


def write_files(folder: Path, count: int) -> tuple[Path, Path]:
    from openpyxl import Workbook

    rows = _rows(count)
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Sager")
    sheet.append(["Sagsliste til import"])
    sheet.append([])
    sheet.append(HEADERS)
    for row in rows:
        sheet.append(row)
    xlsx = folder / f"sager-{count}.xlsx"
    workbook.save(xlsx)
    lines = [";".join(HEADERS)]
    for row in rows:
        lines.append(
            ";".join("" if v is None else v.strftime("%d-%m-%Y") if isinstance(v, date) else str(v) for v in row)
        )
    path = folder / f"sager-{count}.csv"
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))
    return xlsx, path


def import_once(path: Path, folder: Path) -> dict[str, float]:
    """Seconds to read, preview and save one file into a new database."""
    db = folder / f"import-{time.perf_counter_ns()}.db"
    with CaseStore(db, clock=lambda: TODAY) as store:
        store.catalog(), store.settings()  # as an open window has them
        t0 = time.perf_counter()
        table = importing.read_source(path)
        t1 = time.perf_counter()
        mapping = importing.guess_mapping(table.headers)
        preview = importing.build_preview(store, table, mapping, TODAY)
        t2 = time.perf_counter()
        result = importing.save_import(store, preview)
        t3 = time.perf_counter()
    assert result.created == len(table.rows), preview.errors()[:3]
    return {"read": t1 - t0, "preview": t2 - t1, "save": t3 - t2, "total": t3 - t0}


def floor_once(path: Path, folder: Path) -> float:
    """Seconds to read the file's cells and insert them as rows into a bare table."""
    t0 = time.perf_counter()
    if path.suffix == ".xlsx":
        from openpyxl import load_workbook

        workbook = load_workbook(path, read_only=True, data_only=True)
        rows = [tuple(r) for r in workbook.active.iter_rows(min_row=4, values_only=True)]
        workbook.close()
    else:
        rows = [tuple(r) for r in csv.reader(path.read_text(encoding="cp1252").splitlines()[1:], delimiter=";")]
    width = len(HEADERS)
    values = [tuple(None if v is None else str(v) for v in (*r, *[None] * width)[:width]) for r in rows]
    conn = sqlite3.connect(folder / f"floor-{time.perf_counter_ns()}.db")
    conn.execute(f"CREATE TABLE rows ({', '.join(f'c{i}' for i in range(width))})")
    with conn:
        conn.executemany(f"INSERT INTO rows VALUES ({', '.join('?' * width)})", values)
    conn.close()
    return time.perf_counter() - t0


def measure(count: int, runs: int) -> dict:
    with tempfile.TemporaryDirectory(prefix="bench-import-") as name:
        folder = Path(name)
        files = write_files(folder, count)
        results = {"rows": count, "target_s": TARGET_SECONDS}
        for path in files:
            kind = path.suffix[1:]
            timings, floors = [], []
            for _ in range(runs):  # interleaved: the machine may be shared
                floors.append(floor_once(path, folder))
                timings.append(import_once(path, folder))
            median = {key: statistics.median(t[key] for t in timings) for key in timings[0]}
            floor = statistics.median(floors)
            results[kind] = {
                **{k: round(v, 3) for k, v in median.items()},
                "floor": round(floor, 3),
                "ratio": round(median["total"] / floor, 1),
            }
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    results = measure(args.rows, args.runs)
    if args.json:
        print(json.dumps(results))
        return
    print(f"{args.rows} rows, median of {args.runs} runs; target: read + preview + save under {TARGET_SECONDS:.0f} s")
    for kind in ("xlsx", "csv"):
        r = results[kind]
        verdict = "ok" if r["total"] < TARGET_SECONDS else "OVER TARGET"
        print(
            f"  {kind:<4} read {r['read']:.2f} s, preview {r['preview']:.2f} s, save {r['save']:.2f} s = "
            f"{r['total']:.2f} s ({verdict}); floor {r['floor']:.2f} s, {r['ratio']:.1f}× the floor"
        )


if __name__ == "__main__":
    main()
