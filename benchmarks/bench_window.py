"""Benchmark (not a test): the main window on 10,000 cases. Targets: deadline list shown < 1 s,
search < 50 ms per keystroke.

Run: uv run python benchmarks/bench_window.py [--cases 10000]
Measures in one process: opening the database and building + showing the main window until the
deadline list is painted, then typing a name into the search box one key at a time (each
keystroke timed until the filtered list is repainted). Process start-up itself is measured by
bench_startup.py.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_store import TODAY, generate  # noqa: E402
from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from caseworker_app.store import CaseStore  # noqa: E402
from caseworker_app.ui.main_window import MainWindow  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=10_000)
    args = parser.parse_args()
    app = QApplication(sys.argv[:1])
    folder = Path(tempfile.mkdtemp(prefix="bench-window-"))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    db = folder / "sager.db"
    generate(db, args.cases)

    # Warm the holiday table and imports once, as a second start of the program would have them.
    started = time.perf_counter()
    store = CaseStore(db)
    window = MainWindow(store, today=lambda: TODAY, settings=QSettings(str(folder / "w.ini"),
                                                                       QSettings.Format.IniFormat))
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    shown = time.perf_counter() - started
    deadlines = len(window.deadline_items)

    window.tabs.setCurrentIndex(1)
    app.processEvents()
    per_key = []
    for text in ("h", "ha", "han", "hans", "hanse", "hansen", "hanse", "hans"):
        t0 = time.perf_counter()
        window.search_box.setText(text)
        app.processEvents()  # delivers the view's relayout and paints it, as the event loop would
        per_key.append(time.perf_counter() - t0)
    t0 = time.perf_counter()
    window.refresh()
    app.processEvents()
    refresh = time.perf_counter() - t0
    print(f"{args.cases} cases, {deadlines} deadlines on {TODAY:%d-%m-%Y}")
    print(f"  open database + build and show the main window: {shown:.3f} s")
    print(f"  recompute after a change (refresh): {refresh:.3f} s")
    print(f"  search per keystroke: median {statistics.median(per_key) * 1000:.1f} ms, "
          f"max {max(per_key) * 1000:.1f} ms, rows left {window.case_model.rowCount()}")
    store.close()
    window.close()


if __name__ == "__main__":
    main()
