"""All the speed figures of issue 13 in one run, against their floors and targets, as one table.

Run: uv run python -m benchmarks            (about 10 minutes; the first run also generates the
                                              databases, kept in ~/.cache/caseworker-bench)
     uv run python -m benchmarks --runs 3  (quicker, noisier)
     uv run python -m benchmarks --save after.json --compare before.json   (a before/after table)
     BENCH_BUNDLE=path/to/Opfoelgningsfrister ...  (the bundle to time; default dist/, skipped if absent)
     BENCH_UV_PROJECT=/path ...  (the project `uv run` uses, e.g. when timing an older checkout
                                  with PYTHONPATH pointing at it)

Each part runs in processes of its own (bench_startup, bench_window, bench_engine, bench_create,
bench_stale_notes),
so one part's memory and caches do not help or hurt another. Figures relative to a floor (a bare
PySide6 window that exits after its first paint) use the floor measured in the same run,
interleaved with the program's starts; the machine may be shared, so medians are used throughout.
"""

from __future__ import annotations

import argparse
import json
import platform
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

if __package__ in (None, ""):  # run as a file: import the package beside this folder
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

REPO = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Row:
    figure: str
    now: str  # as shown
    target: str
    ratio: float  # now ÷ the target's base (the floor, or the target itself)
    ratio_of: str  # "floor" or "target"
    limit: float  # the ratio the target allows

    @property
    def passed(self) -> bool:
        return self.ratio <= self.limit


def _run_json(module: str, *args: str) -> object:
    out = subprocess.run(
        [sys.executable, "-m", f"benchmarks.{module}", *args, "--json"],
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    if out.returncode != 0:
        raise RuntimeError(f"{module} failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def measure(runs: int, large: int) -> dict:
    """Every part's raw figures (JSON-able)."""
    from benchmarks import bench_engine
    from benchmarks.bench_store import database

    for size in (0, 1000, 10_000, large):  # generated before any timing (once per cache)
        database(size)
    started = time.perf_counter()
    results: dict = {"python": sys.version.split()[0], "machine": platform.platform(), "large": large}
    results["startup"] = _run_json("bench_startup", "--runs", str(runs), "--sizes", "0", "1000", "10000", str(large))
    results["window"] = {str(n): _run_json("bench_window", "--cases", str(n)) for n in (10_000, large)}
    results["engine"] = bench_engine.runs(large, max(3, runs // 2 + 1))
    results["create"] = _run_json("bench_create", "--stored", "1000", str(large))
    results["stale_notes"] = _run_json("bench_stale_notes", "--runs", str(max(3, runs // 2 + 1)))
    results["seconds"] = round(time.perf_counter() - started)
    return results


def _s(seconds: float) -> str:
    return f"{seconds:.2f} s" if seconds >= 1 else f"{seconds * 1000:.0f} ms"


def rows(results: dict) -> list[Row]:
    """The issue's table from raw figures."""
    import statistics

    large = results["large"]
    big = f"{large:,}"
    start = results["startup"]["contenders"]
    floor = start["floor"]["shown"]
    table = []

    def vs_floor(figure: str, seconds: float, limit: float) -> None:
        table.append(
            Row(
                figure,
                f"{_s(seconds)} = {seconds / floor:.2f}× floor",
                f"≤ {limit}× floor",
                seconds / floor,
                "floor",
                limit,
            )
        )

    def vs_target(figure: str, now: float, target: float, unit: str, shown: str | None = None) -> None:
        text = shown or (f"{now:.1f} {unit}" if unit == "ms" else f"{now:.2f} {unit}")
        table.append(Row(figure, text, f"≤ {target:g} {unit}", now / target, "target", 1.0))

    for name, label in (
        ("uv run 1000", "`uv run caseworker-app`"),
        ("script 1000", "console script"),
        ("bundle 1000", "bundle"),
    ):
        if name in start:
            vs_floor(f"window painted: {label}", start[name]["window"], 1.2)
    for size, limit in ((0, 1.5), (1000, 1.6), (10_000, 2.0), (large, 5.0)):
        name = f"script {size}"
        if name in start:
            label = "empty database" if size == 0 else f"{size:,} cases"
            vs_floor(f"cases painted: {label}", start[name]["shown"], limit)
    windows = results["window"]
    for size, target in ((10_000, 50), (large, 100)):
        w = windows[str(size)]
        vs_target(
            f"register a follow-up in the window, {size:,} cases (Gem → repainted; median)",
            w["followup_median_ms"],
            target,
            "ms",
            f"{w['followup_median_ms']:.1f} ms (worst {w['followup_worst_ms']:.1f})",
        )
    w = windows["10000"]
    vs_target("refresh with nothing changed, 10,000 cases (median)", w["refresh_median_ms"], 20, "ms")
    for size, target in ((10_000, 16), (large, 50)):
        w = windows[str(size)]
        vs_target(
            f"search keystroke incl. clearing the box, {size:,} cases (worst)",
            w["key_worst_ms"],
            target,
            "ms",
            f"worst {w['key_worst_ms']:.1f} ms (median {w['key_median_ms']:.1f})",
        )
    first = statistics.median(r["first_pass_s"] for r in results["engine"])
    read = statistics.median(r["read_s"] for r in results["engine"])
    vs_target(
        f"deadlines for {big} cases, first pass in a new process (median)",
        first,
        0.6,
        "s",
        f"{first:.2f} s (reading them {read:.2f} s)",
    )
    peak = start.get(f"script {large}", {}).get("peak_mb")
    if peak is not None:
        vs_target(
            f"peak memory at {big} cases (window with its cases painted)",
            peak,
            150,
            "MB",
            f"{peak:.0f} MB = {peak / start['floor']['peak_mb']:.1f}× the bare window",
        )
    creates = {c["stored"]: c for c in results["create"]}
    vs_target(
        f"creating cases one by one, at {big} cases stored (median)",
        creates[large]["median_ms"],
        2,
        "ms",
        f"{creates[large]['median_ms']:.2f} ms (at 1,000: {creates[1000]['median_ms']:.2f} ms)",
    )
    stale = results.get("stale_notes")  # absent from a run saved before it was measured
    if stale is not None:
        table.append(
            Row(
                f"copied notes gone stale, {stale['cases']:,} cases with a copied note (the box's check)",
                f"{_s(stale['check_s'])} = {stale['ratio']:.2f}× drafting each note once",
                f"≤ {stale['limit']}× floor",
                stale["ratio"],
                "floor",
                stale["limit"],
            )
        )
    return table


def render(results: dict, before: dict | None = None) -> str:
    """Markdown: figure, (before,) now, target, ratio, pass/fail."""
    current = rows(results)
    old = {row.figure: row for row in rows(before)} if before else {}
    floor = results["startup"]["contenders"]["floor"]
    head = ["Figure"] + (["Before"] if before else []) + ["Now", "Target", "Ratio", "Pass"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for row in current:
        cells = [row.figure]
        if before:
            previous = old.get(row.figure)
            cells.append(previous.now if previous else "–")
        cells += [row.now, row.target, f"{row.ratio:.2f}× {row.ratio_of}", "pass" if row.passed else "FAIL"]
        lines.append("| " + " | ".join(cells) + " |")
    startup = results["startup"]
    lines.append("")
    lines.append(
        f"Floor (bare PySide6 window, first paint): {_s(floor['shown'])}, "
        f"{floor.get('peak_mb', 0):.0f} MB; {startup['runs']} interleaved rounds, medians; "
        f"platform {startup['platform']}; Python {results['python']}; {results['machine']}; "
        f"the whole run took {results['seconds']} s."
    )
    fetched = [r["raw_fetch_s"] for r in results["engine"] if "raw_fetch_s" in r]
    if fetched:
        import statistics

        seconds = statistics.median(fetched)
        lines.append(
            f"Fetching the rows of {results['large']:,} cases alone (plain sqlite3, nothing made of them): "
            f"{_s(seconds)} = {seconds / floor['shown']:.2f}× floor – no start that shows every case is faster."
        )
    if "bundle_mb" in startup:
        lines.append(f"Bundle: {startup['bundle_mb']} MB.")
    for line in startup["missing"]:
        lines.append(f"Skipped: {line}")
    passed = sum(row.passed for row in current)
    lines.append(f"{passed} of {len(current)} figures meet their target.")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9, help="interleaved start-up rounds (median of these)")
    parser.add_argument("--large", type=int, default=100_000, help="the large database's number of cases")
    parser.add_argument("--save", type=Path, help="keep the raw figures in this JSON file")
    parser.add_argument("--load", type=Path, help="print the table of figures saved earlier, measure nothing")
    parser.add_argument("--compare", type=Path, help="a saved earlier run: add its figures as 'Before'")
    args = parser.parse_args()
    if args.load:
        results = json.loads(args.load.read_text(encoding="utf-8"))
    else:
        results = measure(args.runs, args.large)
    if args.save:
        args.save.write_text(json.dumps(results, indent=1), encoding="utf-8")
    before = json.loads(args.compare.read_text(encoding="utf-8")) if args.compare else None
    print(render(results, before))
    return 0 if all(row.passed for row in rows(results)) else 1


if __name__ == "__main__":
    raise SystemExit(main())
