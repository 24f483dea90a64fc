"""Running the selftest: the list of named checks in order, each one's result, the one-line Danish
summary and the exit code (0 when all is well; with CASEWORKER_SELFTEST_STRICT=1 a skipped check
counts as a failure)."""

from __future__ import annotations

import logging
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from .context import FAILED, OK, SKIPPED, Context, Result, Skip
from .domain_checks import check_all_deadlines, check_catalog, check_database, check_engine, check_note
from .platform_checks import check_logging, check_qprinter_pdf, check_qt, check_translation
from .window_checks import check_main_window, check_print_pdf

log = logging.getLogger(__name__)

STRICT_ENV = "CASEWORKER_SELFTEST_STRICT"

CHECKS: list[tuple[str, Callable[[Context], str]]] = [
    ("logning", check_logging),
    ("forsøgskatalog", check_catalog),
    ("fristmotor", check_engine),
    ("Qt-vindue", check_qt),
    ("dansk Qt-oversættelse", check_translation),
    ("PDF med QPrinter", check_qprinter_pdf),
    ("database med demodata", check_database),
    ("alle frister", check_all_deadlines),
    ("hovedvindue", check_main_window),
    ("journalnotat", check_note),
    ("udskrift som PDF", check_print_pdf),
]


def use_offscreen_qt() -> None:
    """Render Qt offscreen unless told otherwise: the selftest never needs a visible window."""
    if not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


def run_checks(ctx: Context, checks: list[tuple[str, Callable[[Context], str]]] | None = None) -> list[Result]:
    """Run each check in order; one that fails does not stop the rest."""
    results = []
    for name, check in checks if checks is not None else CHECKS:
        started = time.perf_counter()
        try:
            status, detail = OK, check(ctx)
        except Skip as exc:
            status, detail = SKIPPED, f"springes over: {exc}"
        except Exception as exc:  # a failing check is reported, never a traceback on screen
            status, detail = FAILED, str(exc) or type(exc).__name__
            log.warning("Selvtest: %s fejlede", name, exc_info=True)
        seconds = time.perf_counter() - started
        log.info(
            "Selvtest: %s: %s (%.2f s)",
            name,
            detail if status == SKIPPED else f"{status}, {detail}",
            seconds,
        )
        results.append(Result(name, status, detail, seconds))
    return results


def summary(results: list[Result], seconds: float, strict: bool = False) -> tuple[int, str]:
    """The exit code and the one-line Danish summary."""
    failed = [r for r in results if r.status == FAILED or strict and r.status == SKIPPED]
    passed = sum(r.status == OK for r in results)
    skipped = [r.name for r in results if r.status == SKIPPED]
    took = f"{seconds:.1f}".replace(".", ",")
    if failed:
        names = ", ".join(r.name for r in failed)
        return (
            1,
            f"Selvtest fejlede: {names} ({passed} af {len(results)} kontroller i orden, {took} s)",
        )
    line = f"Selvtest i orden: {passed} af {len(results)} kontroller bestået"
    if skipped:
        line += f", {len(skipped)} sprunget over ({', '.join(skipped)})"
    return 0, f"{line} – {took} s"


def _attach_windows_console() -> None:
    """The windowed Windows bundle has no stdout; borrow the console it was started from, if any."""
    if sys.platform != "win32" or sys.stdout is not None:
        return
    try:
        import ctypes

        if ctypes.windll.kernel32.AttachConsole(-1):  # ATTACH_PARENT_PROCESS
            sys.stdout = open("CONOUT$", "w", encoding="utf-8")  # noqa: SIM115 - for the process
            sys.stderr = sys.stdout
    except (OSError, AttributeError):
        pass


def run_selftest() -> int:
    """Run every check, print a line per problem and a one-line summary; 0 when all is well."""
    use_offscreen_qt()
    _attach_windows_console()
    from ...logs import current_log_file, setup_logging

    if not any(isinstance(h, logging.FileHandler) for h in logging.getLogger().handlers):
        setup_logging()
    strict = os.environ.get(STRICT_ENV) == "1"
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="opfoelgning-selvtest-", ignore_cleanup_errors=True) as tmp:
        ctx = Context(Path(tmp))
        try:
            results = run_checks(ctx)
        finally:
            for cleanup in reversed(ctx.cleanups):
                try:
                    cleanup()
                except Exception:
                    log.warning("Selvtest: oprydning fejlede", exc_info=True)
    code, line = summary(results, time.perf_counter() - started, strict)
    out = sys.stdout
    for r in results:
        if r.status == FAILED or strict and r.status == SKIPPED:
            print(f"  {r.name}: {r.detail}", file=sys.stderr or out)
    if code:
        print(f"  Se logfilen: {current_log_file()}", file=sys.stderr or out)
    print(line, file=out)
    log.info("%s", line)
    return code
