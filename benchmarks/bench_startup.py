"""Benchmark (not a test): from process start to the main window on screen, and its peak memory.

Contenders, timed in one run and interleaved round by round:
- the floor: a bare PySide6 window that prints "shown" after its first paint;
- `uv run caseworker-app` (the README's way: uv checks the environment, then starts Python);
- the console script `caseworker-app` of the environment (what `uv run` ends up starting);
- the PyInstaller bundle, if built (dist/Opfoelgningsfrister);
- the console script on an empty database and on 10,000 and 100,000 cases.

Two moments are timed for the program: "window" – the main window painted (menus, tabs, an empty
list saying "Henter sager …") – and "shown" – the cases' deadlines painted in it. With
CASEWORKER_EXIT_WHEN_SHOWN=1 the program prints "window" on the event-loop turn after the
window's first paint, "shown" likewise after the deadline list's paint, and quits
(caseworker_app/ui/app.py). The bare window prints "shown" after its first paint the same way,
so all are timed alike: wall clock from Popen to the line. The peak memory is the process's
maximum resident set (wait4; Unix only). Qt renders offscreen unless QT_QPA_PLATFORM says
otherwise (e.g. `QT_QPA_PLATFORM=xcb xvfb-run -a ...`).

Run: uv run python -m benchmarks.bench_startup [--runs 9] [--sizes 0 1000 10000 100000] [--json]
     uv run python -m benchmarks.bench_startup --importtime   (where the start's imports go)
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a file: import the package beside this folder
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

REPO = Path(__file__).resolve().parents[1]
DEFAULT_BUNDLE = Path(
    os.environ.get("BENCH_BUNDLE")
    or REPO / "dist" / "Opfoelgningsfrister" / ("Opfoelgningsfrister.exe" if os.name == "nt" else "Opfoelgningsfrister")
)
TIMEOUT = 120
FLOOR = "floor"

FLOOR_SCRIPT = """
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


def console_script() -> Path:
    """The environment's `caseworker-app` (beside this Python)."""
    folder = Path(sys.executable).parent
    return folder / ("caseworker-app.exe" if os.name == "nt" else "caseworker-app")


def real_uv() -> str | None:
    """The uv binary a user starts. On a machine where uv is reached through a pyenv shim (a bash
    script that runs `pyenv exec`, 60-70 ms before uv itself starts), the binary behind it: users
    install uv as a program of its own, and that is the start the README's command costs them."""
    found = shutil.which("uv")
    if found and "shims" in Path(found).parts and shutil.which("pyenv"):
        behind = subprocess.run(["pyenv", "which", "uv"], capture_output=True, text=True)
        if behind.returncode == 0 and behind.stdout.strip():
            return behind.stdout.strip()
    return found


def time_until_shown(command: list[str], env: dict[str, str], log: Path) -> dict[str, float]:
    """Seconds from starting command to its "window" and "shown" lines, and its peak memory (MB)."""
    started = time.perf_counter()
    with log.open("w", encoding="utf-8") as errors:
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=errors, text=True, env=env, cwd=REPO)
        moments: dict[str, float] = {}
        # A start that never paints (a message box waiting offscreen, e.g. an old bundle refusing a
        # newer database) is ended, so that it fails instead of hanging the whole run.
        watchdog = threading.Timer(TIMEOUT, process.kill)
        watchdog.start()
        try:
            for line in process.stdout:
                word = line.strip()
                if word in ("window", "shown"):
                    moments[word] = time.perf_counter() - started
                if word == "shown":
                    break
            if hasattr(os, "wait4"):
                _, status, usage = os.wait4(process.pid, 0)
                process.returncode = os.waitstatus_to_exitcode(status)
                moments["peak_mb"] = usage.ru_maxrss / 1024  # KB on Linux
            else:
                process.wait(timeout=TIMEOUT)
        finally:
            watchdog.cancel()
            if process.returncode is None and process.poll() is None:
                process.kill()
                process.wait()
    if "shown" not in moments:
        raise RuntimeError(
            f"{command[0]} ended (code {process.returncode}) without showing a window:\n"
            f"{log.read_text(encoding='utf-8', errors='replace')[-2000:]}"
        )
    moments.setdefault("window", moments["shown"])  # the bare window has one moment
    return moments


def contenders(folder: Path, sizes: list[int], bundle: Path) -> tuple[dict[str, list[str]], list[str]]:
    """The commands to time, by name, and the ones left out (with why)."""
    from benchmarks.bench_store import copy_of

    commands: dict[str, list[str]] = {FLOOR: [sys.executable, "-c", FLOOR_SCRIPT]}
    missing: list[str] = []
    script = console_script()
    for size in sorted(set(sizes) | {1000}):
        db = copy_of(size, folder, f"sager-{size}.db")
        commands[f"script {size}"] = [str(script), "--db", str(db)]
        if size == 1000:
            uv = real_uv()
            project = os.environ.get("BENCH_UV_PROJECT", str(REPO))
            if uv:
                commands["uv run 1000"] = [uv, "run", "--project", project, "caseworker-app", "--db", str(db)]
            else:
                missing.append("uv run: uv is not on PATH")
            if bundle.is_file():
                commands["bundle 1000"] = [str(bundle), "--db", str(db)]
            else:
                missing.append(f"bundle: {bundle} is not built")
    return commands, missing


def measure(runs: int, sizes: list[int], bundle: Path = DEFAULT_BUNDLE) -> dict:
    """Medians of each contender's moments and peak memory, from runs interleaved rounds."""
    with tempfile.TemporaryDirectory(prefix="bench-startup-") as name:
        folder = Path(name)
        env = {
            **os.environ,
            "CASEWORKER_EXIT_WHEN_SHOWN": "1",
            # settings, logs and data of these runs stay in the temporary folder
            "XDG_CONFIG_HOME": str(folder / "config"),
            "XDG_STATE_HOME": str(folder / "state"),
            "XDG_DATA_HOME": str(folder / "data"),
            "XDG_CACHE_HOME": str(folder / "cache"),  # the catalog's parses: kept by the warm-up round
            # the code beside these benchmarks, also through uv and the console script
            "PYTHONPATH": str(REPO),
        }
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        # Time a start as a user's machine sees it: with Python's compiled .pyc files, which the
        # warm-up round writes (an environment that forbids writing them compiles on every start).
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        commands, missing = contenders(folder, sizes, bundle)
        log = folder / "stderr.txt"
        for name_, command in list(commands.items()):  # warm-up round: fills the disk cache
            try:
                time_until_shown(command, env, log)
            except RuntimeError as exc:
                del commands[name_]
                missing.append(f"{name_}: failed: {str(exc).strip()[-800:]}")
        timings: dict[str, list[dict[str, float]]] = {name_: [] for name_ in commands}
        for _ in range(runs):
            for name_, command in commands.items():
                timings[name_].append(time_until_shown(command, env, log))

    result: dict = {"runs": runs, "platform": env["QT_QPA_PLATFORM"], "missing": missing, "contenders": {}}
    for name_, values in timings.items():
        entry = {moment: statistics.median(v[moment] for v in values) for moment in ("window", "shown")}
        if all("peak_mb" in v for v in values):
            entry["peak_mb"] = statistics.median(v["peak_mb"] for v in values)
        entry["shown_runs"] = [round(v["shown"], 3) for v in values]
        result["contenders"][name_] = entry
    if bundle.is_file():
        size = sum(f.lstat().st_size for f in bundle.parent.rglob("*") if not f.is_dir() or f.is_symlink())
        result["bundle_mb"] = round(size / 1e6, 1)
    return result


def importtime(cases: int = 1000) -> str:
    """The start's heaviest imports (python -X importtime), cumulative microseconds, as text."""
    from benchmarks.bench_store import copy_of

    with tempfile.TemporaryDirectory(prefix="bench-importtime-") as name:
        folder = Path(name)
        db = copy_of(cases, folder)
        env = {
            **os.environ,
            "CASEWORKER_EXIT_WHEN_SHOWN": "1",
            "PYTHONPATH": str(REPO),
            "XDG_CONFIG_HOME": str(folder / "config"),
            "XDG_STATE_HOME": str(folder / "state"),
            "XDG_DATA_HOME": str(folder / "data"),
        }
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        command = [sys.executable, "-X", "importtime", "-m", "caseworker_app", "--db", str(db)]
        subprocess.run(command, env=env, cwd=REPO, capture_output=True)  # writes the .pyc files
        run = subprocess.run(command, env=env, cwd=REPO, capture_output=True, text=True)
        err = run.stderr
    rows = []
    for line in err.splitlines():
        match = re.match(r"import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)", line)
        if match:
            rows.append((int(match[2]), len(match[3]) // 2, match[4]))
    total = sum(cumulative for cumulative, depth, _ in rows if depth == 0)
    lines = [
        f"all imports: {total / 1000:.0f} ms (cumulative, top level)"
        + ("" if run.returncode == 0 else f"; the program ended with code {run.returncode}")
    ]
    for cumulative, _, module in sorted((r for r in rows if r[1] <= 1), reverse=True)[:25]:
        lines.append(f"  {cumulative / 1000:7.1f} ms  {module}")
    watched = ("sqlite_utils", "click", "pluggy", "tomllib", "openpyxl", "icalendar", "holidays")
    loaded = sorted({module for _, _, module in rows if module.split(".")[0] in watched})
    lines.append("  watched packages imported: " + (", ".join(loaded) or "none"))
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9, help="timed rounds, after a warm-up round")
    parser.add_argument("--sizes", type=int, nargs="+", default=[0, 1000, 10_000, 100_000])
    parser.add_argument("--bundle", type=Path, default=DEFAULT_BUNDLE)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--importtime", action="store_true", help="profile the start's imports instead")
    args = parser.parse_args()
    if args.importtime:
        print(importtime())
        return 0
    result = measure(args.runs, args.sizes, args.bundle)
    if args.json:
        print(json.dumps(result))
        return 0
    floor = result["contenders"][FLOOR]
    print(f"platform {result['platform']}, {args.runs} rounds after one warm-up, interleaved")
    print(f"  {'floor (bare PySide6 window)':<28} {floor['shown']:.3f} s  {floor.get('peak_mb', 0):.0f} MB")
    for name, entry in result["contenders"].items():
        if name == FLOOR:
            continue
        memory = f"{entry['peak_mb']:.0f} MB" if "peak_mb" in entry else ""
        print(
            f"  {name:<28} window {entry['window']:.3f} s ({entry['window'] / floor['shown']:.2f}x)"
            f"  cases {entry['shown']:.3f} s ({entry['shown'] / floor['shown']:.2f}x)  {memory}"
        )
    if "bundle_mb" in result:
        print(f"  bundle size: {result['bundle_mb']} MB")
    for line in result["missing"]:
        print(f"  skipped: {line}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
