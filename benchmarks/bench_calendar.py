"""Benchmark (not a test): a year's follow-up calendar for 10,000 generated cases, written as a PDF.

Run: uv run python benchmarks/bench_calendar.py [--layout måneder] [--cases N] [--out F]
Reports the time of each step, the page count and the file size.
"""

from __future__ import annotations

import argparse
import os
import random
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtWidgets import QApplication

from caseworker_app.core.cases import CaseRecord, deadlines_for_cases
from caseworker_app.core.catalog_load import load_catalog
from caseworker_app.core.event import Event
from caseworker_app.ui.printing.document import LAYOUT_MONTHS, LAYOUT_WEEKS, calendar_job, write_pdf

CASES = 10_000
YEAR_START, YEAR_END = date(2021, 1, 1), date(2021, 12, 31)
TODAY = date(2021, 1, 4)
FIRST = ("Jens", "Søren", "Åse", "Bjørn", "Mette", "Hanne", "Øjvind", "Karen", "Lærke", "Jørgen")
LAST = ("Hansen", "Sørensen", "Østergård", "Jæger", "Nielsen", "Bækgaard", "Kjær", "Løkke")


def generate_cases(count: int, seed: int = 1) -> list[CaseRecord]:
    """T08 cases whose next follow-up falls in 2021 or a little around it; a few with follow-ups."""
    rng = random.Random(seed)
    cases = []
    for i in range(count):
        hire = date(2018, 6, 1) + timedelta(days=rng.randrange(450))
        events = ()
        if rng.random() < 0.2:
            events = (Event(hire + timedelta(days=rng.randrange(30, 300)), "followup"),)
        cases.append(
            CaseRecord(
                id=i + 1,
                citizen=f"{rng.choice(FIRST)} {rng.choice(LAST)}",
                case_ref=f"FASIT-{2018_00000 + i}",
                trial_id="T08",
                dates={"hire": hire},
                events=events,
                caseworker=rng.choice(("Anne Jensen", "Bo Østergaard", "Carl Ærø")),
                cpr=None,
            )
        )
    return cases


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--layout", choices=(LAYOUT_WEEKS, LAYOUT_MONTHS), default=LAYOUT_WEEKS)
    parser.add_argument("--cases", type=int, default=CASES)
    parser.add_argument("--out", type=Path, default=None, help="keep the PDF here")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication.instance() or QApplication([])  # noqa: F841 - fonts need an application

    t0 = time.perf_counter()
    cases = generate_cases(args.cases)
    items = deadlines_for_cases(cases, load_catalog(), TODAY)
    t1 = time.perf_counter()
    job = calendar_job(
        items,
        start=YEAR_START,
        end=YEAR_END,
        layout=args.layout,
        user="Anne Jensen",
        municipality="Vesthimmerlands Kommune",
        printed_on=TODAY,
    )
    t2 = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        path = args.out or Path(folder) / "kalender.pdf"
        pages = write_pdf(job, path)
        t3 = time.perf_counter()
        size = path.stat().st_size
    in_year = sum(1 for i in items if YEAR_START <= i.deadline.legal_due <= YEAR_END)
    print(f"{args.cases} cases, {len(items)} deadlines, {in_year} with a legal date in 2021, layout '{args.layout}'")
    print(f"  deadlines {t1 - t0:6.2f} s")
    print(f"  HTML      {t2 - t1:6.2f} s ({len(job.html) / 1e6:.1f} MB)")
    print(f"  PDF       {t3 - t2:6.2f} s (layout, pagination, painting)")
    print(f"  total     {t3 - t0:6.2f} s: {pages} pages, {size / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
