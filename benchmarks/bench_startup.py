"""Benchmark (not a test): from process start to the main window on screen, with 1,000 cases.

Three contenders in one run: a bare PySide6 window (the floor), the program from source and the
PyInstaller bundle (if built). Target: the program within 1.5x the floor.

Two moments are timed for the program: "window" – the main window painted (menus, tabs, an empty
list saying "Henter sager …") – and "cases" – the 1,000 cases' deadlines painted in it. The
program paints its window first and reads the database right after (caseworker_app/ui/app.py).

Run: uv run python benchmarks/bench_startup.py [--cases 1000] [--runs 7] [--bundle PATH]
     (build the bundle first with `uv run --group build pyinstaller --noconfirm build.spec`)

How a moment is signalled: with CASEWORKER_EXIT_WHEN_SHOWN=1 in its environment the program
prints "window" on the event-loop turn after the window's first paint, "shown" likewise after the
deadline list's paint, and quits. The bare window prints "shown" after its first paint the same
way, so all are timed alike: wall clock from Popen to the line. Qt renders offscreen unless
QT_QPA_PLATFORM says otherwise (e.g. `QT_QPA_PLATFORM=xcb xvfb-run -a ...`).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_BUNDLE = REPO / "dist" / "Opfoelgningsfrister" / (
    "Opfoelgningsfrister.exe" if os.name == "nt" else "Opfoelgningsfrister"
)
TIMEOUT = 120

FLOOR = """
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
app = QApplication(sys.argv)
window = QMainWindow()
window.setWindowTitle("Opfølgningsfrister")
window.setCentralWidget(QLabel("Frister"))
window.resize(1100, 700)
def shown():
    print("shown", flush=True)
    app.quit()
class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            window.removeEventFilter(self)
            QTimer.singleShot(0, shown)
        return False
first_paint = FirstPaint()
window.installEventFilter(first_paint)
window.show()
app.exec()
"""


def time_until_shown(command: list[str], env: dict[str, str]) -> dict[str, float]:
    """Seconds from starting command to its "window" and "shown" lines; RuntimeError if no "shown"."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               env=env, cwd=REPO)
    moments: dict[str, float] = {}
    try:
        for line in process.stdout:
            word = line.strip()
            if word in ("window", "shown"):
                moments[word] = time.perf_counter() - started
            if word == "shown":
                moments.setdefault("window", moments["shown"])  # the bare window has one moment
                process.wait(timeout=TIMEOUT)
                return moments
        process.wait(timeout=TIMEOUT)
    finally:
        if process.poll() is None:
            process.kill()
    raise RuntimeError(f"{command[0]} ended (code {process.returncode}) without showing a window:\n"
                       f"{process.stderr.read()[-2000:]}")


def make_database(path: Path, cases: int) -> str | None:
    """A database with cases through the store API (benchmarks/bench_store.py); None if no store."""
    if importlib.util.find_spec("caseworker_app.store.case_store") is None:
        return "caseworker_app.store findes endnu ikke"
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from bench_store import generate

    seconds = generate(path, cases)
    size = path.stat().st_size / 1e6
    print(f"database: {cases} cases generated in {seconds:.1f} s ({size:.1f} MB)")
    return None


def main() -> int:
    """Time the floor, the source and the bundle, interleaved, and print the medians."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=7, help="timed runs each, after a warm-up")
    parser.add_argument("--bundle", type=Path, default=DEFAULT_BUNDLE)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="bench-startup-") as folder:
        folder = Path(folder)
        env = {**os.environ, "CASEWORKER_EXIT_WHEN_SHOWN": "1",
               # settings, logs and data of these runs stay in the temporary folder
               "XDG_CONFIG_HOME": str(folder / "config"), "XDG_STATE_HOME": str(folder / "state"),
               "XDG_DATA_HOME": str(folder / "data")}
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        # Time a start as a user's machine sees it: with Python's compiled .pyc files, which the
        # warm-up round writes (an environment that forbids writing them compiles on every start).
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        db = folder / "sager.db"
        floor_name = "floor (bare PySide6 window)"
        contenders: dict[str, list[str]] = {floor_name: [sys.executable, "-c", FLOOR]}
        missing = []
        if importlib.util.find_spec("caseworker_app.ui.main_window") is None:
            missing.append("program: caseworker_app.ui.main_window findes endnu ikke")
        else:
            problem = make_database(db, args.cases)
            if problem:
                missing.append(f"program: {problem}")
            else:
                contenders["source (uv run / python -m caseworker_app)"] = [
                    sys.executable, "-m", "caseworker_app", "--db", str(db)]
                if args.bundle.is_file():
                    bundle = [str(args.bundle), "--db", str(db)]
                    contenders["bundle (PyInstaller one-folder)"] = bundle
                else:
                    missing.append(f"bundle: {args.bundle} is not built")

        print(f"platform {env['QT_QPA_PLATFORM']}, {args.runs} runs each after one warm-up, "
              f"interleaved; {args.cases} cases")
        for name, command in list(contenders.items()):  # warm-up round: fills the disk cache
            try:
                time_until_shown(command, env)
            except RuntimeError as exc:
                del contenders[name]
                log = folder / "state" / "Opfoelgningsfrister" / "log" / "opfoelgningsfrister.log"
                tail = log.read_text(encoding="utf-8")[-1500:] if log.exists() else ""
                missing.append(f"{name}: failed: {str(exc).strip()}\n{tail}")
        timings: dict[str, list[dict[str, float]]] = {name: [] for name in contenders}
        for _ in range(args.runs):
            for name, command in contenders.items():
                timings[name].append(time_until_shown(command, env))

    floor = statistics.median(run["shown"] for run in timings[floor_name])
    print(f"  {floor_name:<44} median {floor:.3f} s")
    for name, runs in timings.items():
        if name == floor_name:
            continue
        for moment, label in (("window", "window painted"), ("shown", f"{args.cases} cases painted")):
            values = [run[moment] for run in runs]
            median = statistics.median(values)
            print(f"  {name:<44} {label:<19} median {median:.3f} s  best {min(values):.3f} s"
                  f"  {median / floor:.2f}x floor")
    if args.bundle.is_file():
        folder = args.bundle.parent
        size = sum(f.lstat().st_size for f in folder.rglob("*") if not f.is_dir() or f.is_symlink()) / 1e6
        print(f"  bundle size: {size:.1f} MB in {folder} (target under 150 MB)")
    for line in missing:
        print(f"  skipped: {line}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
