"""Benchmark (not a test): which copied journal notes a change of a trial made stale, for 1,000 cases.

Run: uv run python -m benchmarks.bench_stale_notes [--cases 1000] [--runs 5]

A temporary database holds `cases` T08 cases, each with a follow-up and the follow-up note copied
to FASIT (kept with what it stated, m011). Then the trial's ordinary rule is corrected, which moves
some of the notes' deadlines, and CaseStore.stale_notes("T08") is timed: what the box "Ret
journalnotater i FASIT" waits for (after such a change, and at the start after a shipped catalog
changed). The floor, measured in the same run, is the least that check can cost: the same cases
read and each case's note drafted once, as the note window drafts it (core/notes.py draft_note).
Times are the process's CPU time (the check and its floor read and compute in this process; a
shared machine's other work is left out). The figure is the median over the rounds of the check ÷
the floor of the same round. Target: at most 1.5× (each copied note computed once, beside
reading the cases' histories; computed twice, as before, it was 1.85×).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

if __package__ in (None, ""):  # run as a file: import the package beside this folder
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from caseworker_app.core.notes import draft_note, render_note  # noqa: E402
from caseworker_app.store import CaseStore  # noqa: E402

TODAY = date(2026, 12, 1)
ORDINARY = {"from": "01-01-2027", "text": "hver 24. måned", "reference": "§ X (TEST)", "first": "6 måneder"}
LIMIT = 1.5


def _generate(path: Path, cases: int) -> list[int]:
    """cases T08 cases with a follow-up each and its note copied; the ordinary rule then corrected."""
    ids = []
    with CaseStore(path, clock=lambda: TODAY) as store:
        store.add_override("T08", "extension", {"end": "31-12-2026", "decided": "15-12-2025"}, "Testbrev (TEST)")
        store.add_override("T08", "ordinary", {**ORDINARY, "every": "24 måneder"}, "Testkilde")
        trial = store.catalog()["T08"]
        for number in range(cases):
            case_id = store.create_case(
                citizen=f"Borger {number}",
                case_ref=f"L-{number:05d}",
                trial_id="T08",
                dates={"hire": date(2024, 1, 1)},
                caseworker="Test",
            )
            store.add_event(case_id, day=date(2024, 6, 1) + timedelta(days=number % 600), kind="followup")
            case = store.get_case(case_id)
            text = render_note(
                trial, case, "opfoelgning", note_date=TODAY, caseworker="Test", municipality="Kommune", free_text="."
            )
            store.add_journal_note(case_id, situation="opfoelgning", text=text, day=TODAY)
            ids.append(case_id)
        # Every 12 months from the same first day: some deadlines move, some stay.
        store.add_override("T08", "ordinary", {**ORDINARY, "every": "12 måneder"}, "Rettelse")
    return ids


def _floor(store: CaseStore, ids: list[int]) -> float:
    """The cases read and each one's note drafted once (the least a check of their notes costs)."""
    t0 = time.process_time()
    trial = store.catalog()["T08"]
    for case in store.cases_by_id(ids).values():
        draft_note(trial, case, "opfoelgning", note_date=TODAY, caseworker="-", municipality="-")
    return time.process_time() - t0


def measure(cases: int, runs: int) -> dict:
    with tempfile.TemporaryDirectory(prefix="bench-stale-") as folder:
        path = Path(folder) / "sager.db"
        ids = _generate(path, cases)
        floors, checks = [], []
        with CaseStore(path, clock=lambda: TODAY) as store:
            stale = len(store.stale_notes("T08"))  # warm: the catalog and the modules loaded
            for _ in range(runs):  # interleaved, so a busy machine weighs on both alike
                floors.append(_floor(store, ids))
                t0 = time.process_time()
                store.stale_notes("T08")
                checks.append(time.process_time() - t0)
    ratio = statistics.median(c / f for c, f in zip(checks, floors, strict=True))  # a busy machine: by round
    return {
        "cases": cases,
        "stale": stale,
        "floor_s": round(statistics.median(floors), 4),
        "check_s": round(statistics.median(checks), 4),
        "ratio": round(ratio, 2),
        "limit": LIMIT,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    result = measure(args.cases, args.runs)
    if args.json:
        print(json.dumps(result))
    else:
        print(
            f"  {result['cases']} cases with a copied note ({result['stale']} stale): stale_notes "
            f"{result['check_s']:.2f} s = {result['ratio']:.2f}× the floor {result['floor_s']:.2f} s "
            f"(reading the cases, drafting each note once); target ≤ {LIMIT}×"
        )
    return 0 if result["ratio"] <= LIMIT else 1


if __name__ == "__main__":
    raise SystemExit(main())
