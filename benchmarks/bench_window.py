"""Benchmark (not a test): the main window on a generated database, in one process.

Run: uv run python -m benchmarks.bench_window [--cases 10000] [--json]

Measures what a caseworker meets once the window is open (process start-up is bench_startup's):
- shown: open the database, build and show the window until the deadline list is painted;
- follow-up: register a follow-up as the toolbar's "Registrer opfølgning" does – the event
  dialog opened on a selected case, "Gem" clicked – timed from the click until the window is
  repainted with the new deadline (a different case each time; a real write to the database);
- refresh, nothing changed: the window's refresh (F5, the minute tick) when nothing was written;
- search: typing into the case list's search box one key at a time, each key timed until the
  list is repainted, with the box cleared between a name and a FASIT number (digits); then the
  same keys in the Frister tab's search box (its tree lays out every row of an expanded group).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a file: import the package beside this folder
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from benchmarks.bench_store import TODAY, copy_of  # noqa: E402
from caseworker_app.store import CaseStore  # noqa: E402

try:
    from caseworker_app.ui.mainwindow import MainWindow
except ImportError:  # before the main window became a package
    from caseworker_app.ui.main_window import MainWindow

# A name typed and extended, the box cleared, then a FASIT number (bench_store: 2026-NNNNN).
KEYS = (
    "h",
    "ha",
    "han",
    "hans",
    "hanse",
    "hansen",
    "",
    "2",
    "20",
    "202",
    "2026",
    "2026-",
    "2026-0",
    "2026-00",
    "2026-001",
    "",
    "s",
    "sø",
    "sør",
    "søre",
    "søren",
    "",
)
FOLLOWUPS = 7
REFRESHES = 9


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 2)


def _register_followup(app: QApplication, window: MainWindow, case_id: int) -> float:
    """Seconds from clicking "Gem" in the event dialog until the window is repainted."""
    window.tabs.setCurrentIndex(1)
    index = window.case_model.index_of_case(case_id)
    if not index.isValid():
        raise RuntimeError(f"sag nr. {case_id} vises ikke i sagslisten")
    window.case_view.setCurrentIndex(index)
    clicked: list[float] = []

    def click_save() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(1, click_save)  # not shown yet
            return
        if not hasattr(dialog, "save_button"):  # a message instead of the event dialog
            dialog.close()
            return
        clicked.append(time.perf_counter())
        dialog.save_button.click()
        if dialog.isVisible():  # refused: leave the dialog rather than hang the benchmark
            dialog.reject()
            clicked.append(float("nan"))

    QTimer.singleShot(0, click_save)
    window.register_followup()  # runs the dialog (its own event loop) and what follows Gem
    app.processEvents()  # the repaint, as the event loop would deliver it
    done = time.perf_counter()
    if len(clicked) != 1:
        raise RuntimeError(f"sag nr. {case_id}: opfølgningen blev ikke gemt")
    return done - clicked[0]


def _open(window: MainWindow, store: CaseStore) -> None:
    try:
        from caseworker_app.core.collector import collector_paused
    except ImportError:  # before the collector was paused and frozen around the first reading
        window.open_store(store)
        return
    import gc

    with collector_paused():
        window.open_store(store)
        gc.freeze()


def _settle(app: QApplication, window: MainWindow) -> None:
    """Let the work queued after the first paint run (the Sager list, the search texts), as it
    does before a caseworker's first click; a tree from before that work was queued has none."""
    ready = getattr(window, "case_list_current", lambda: True)
    deadline = time.perf_counter() + 30
    while not ready() and time.perf_counter() < deadline:
        app.processEvents()
        time.sleep(0.001)
    app.processEvents()  # the search texts, queued with the list


def _type_keys(app: QApplication, box) -> tuple[list[float], list[float]]:
    """Seconds per text of KEYS set in box, each until its list is repainted: on the clock, and the
    main thread's processor time (what a busy machine's other work leaves out)."""
    box.setText("")
    app.processEvents()
    per_key, per_key_cpu = [], []
    for text in KEYS:
        t0, c0 = time.perf_counter(), time.thread_time()
        box.setText(text)
        app.processEvents()  # delivers the view's relayout and paints it, as the event loop would
        per_key.append(time.perf_counter() - t0)
        per_key_cpu.append(time.thread_time() - c0)
    return per_key, per_key_cpu


def measure(cases: int) -> dict:
    """The window's figures on a fresh copy of the generated database of `cases` cases."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    folder = Path(tempfile.mkdtemp(prefix="bench-window-"))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    db = copy_of(cases, folder)

    started = time.perf_counter()
    store = CaseStore(db)
    window = MainWindow(today=lambda: TODAY, settings=QSettings(str(folder / "w.ini"), QSettings.Format.IniFormat))
    window.resize(1280, 800)
    window.show()
    _open(window, store)  # as the program opens its database (ui/app.py)
    app.processEvents()
    shown = time.perf_counter() - started
    deadlines = len(window.deadline_items)
    _settle(app, window)

    # A follow-up on a different active T08 case each time, spread over the list.
    t08 = [c.id for c in store.list_cases(include_closed=False) if c.trial_id == "T08"]
    spread = t08[:: max(1, len(t08) // (4 * FOLLOWUPS))]
    # Shown in the list (a filter may hide some); index_of_case may scan every row: ask few.
    chosen = [i for i in spread if window.case_model.index_of_case(i).isValid()][:FOLLOWUPS]
    followups = [_register_followup(app, window, case_id) for case_id in chosen]

    refreshes = []
    window.refresh()  # after the follow-ups: from here on nothing is written
    app.processEvents()
    for _ in range(REFRESHES):
        t0 = time.perf_counter()
        window.refresh()
        app.processEvents()
        refreshes.append(time.perf_counter() - t0)

    window.tabs.setCurrentIndex(1)
    per_key, per_key_cpu = _type_keys(app, window.search_box)
    window.tabs.setCurrentIndex(0)
    per_deadline_key, per_deadline_key_cpu = _type_keys(app, window.deadline_search)
    store.close()
    window.close()
    return {
        "cases": cases,
        "deadlines": deadlines,
        "shown_s": round(shown, 3),
        "followup_ms": [_ms(s) for s in followups],
        "followup_median_ms": _ms(statistics.median(followups)),
        "followup_worst_ms": _ms(max(followups)),
        "refresh_ms": [_ms(s) for s in refreshes],
        "refresh_median_ms": _ms(statistics.median(refreshes)),
        "key_ms": [_ms(s) for s in per_key],
        "key_median_ms": _ms(statistics.median(per_key)),
        "key_worst_ms": _ms(max(per_key)),
        "key_cpu_ms": [_ms(s) for s in per_key_cpu],
        "key_cpu_median_ms": _ms(statistics.median(per_key_cpu)),
        "key_cpu_worst_ms": _ms(max(per_key_cpu)),
        "deadline_key_ms": [_ms(s) for s in per_deadline_key],
        "deadline_key_median_ms": _ms(statistics.median(per_deadline_key)),
        "deadline_key_worst_ms": _ms(max(per_deadline_key)),
        "deadline_key_cpu_ms": [_ms(s) for s in per_deadline_key_cpu],
        "deadline_key_cpu_median_ms": _ms(statistics.median(per_deadline_key_cpu)),
        "deadline_key_cpu_worst_ms": _ms(max(per_deadline_key_cpu)),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON line")
    args = parser.parse_args()
    result = measure(args.cases)
    if args.json:
        print(json.dumps(result))
        return
    print(f"{args.cases} cases, {result['deadlines']} deadlines on {TODAY:%d-%m-%Y}")
    print(f"  open database + build and show the main window: {result['shown_s']:.3f} s")
    print(
        f"  register a follow-up (Gem -> repainted): median {result['followup_median_ms']:.1f} ms, "
        f"worst {result['followup_worst_ms']:.1f} ms"
    )
    print(f"  refresh with nothing changed: median {result['refresh_median_ms']:.1f} ms")
    print(
        f"  search per keystroke (clearing and digits too): median {result['key_median_ms']:.1f} ms, "
        f"worst {result['key_worst_ms']:.1f} ms (main thread's processor time: median "
        f"{result['key_cpu_median_ms']:.1f} ms, worst {result['key_cpu_worst_ms']:.1f} ms)"
    )
    print(
        f"  Frister search, the same keys: median {result['deadline_key_median_ms']:.1f} ms, "
        f"worst {result['deadline_key_worst_ms']:.1f} ms (processor time: median "
        f"{result['deadline_key_cpu_median_ms']:.1f} ms, worst {result['deadline_key_cpu_worst_ms']:.1f} ms)"
    )


if __name__ == "__main__":
    main()
