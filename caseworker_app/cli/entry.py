"""`caseworker-app`: with no arguments it opens the window; a subcommand prints or exports."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from datetime import date

from ..core.terms import CatalogError
from .common import EXIT_USAGE, UsageError, print_error
from .parser import parse_arguments


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script `caseworker-app`."""
    _printable_output()
    args = parse_arguments(argv)
    opens_window = args.command is None and not args.selftest
    restore_excepthook = _start_logging(log_file=not opens_window)
    restore_terminate = _interrupt_on_terminate() if not opens_window else None
    try:
        if args.selftest:
            from .selftest import run_selftest

            return run_selftest()
        if args.command in ("schedule", "trials"):
            from .catalog import run_catalog_command

            return run_catalog_command(args)
        if args.command in ("demo", "deadlines"):
            from .store import run_store_command

            return run_store_command(args)
        if args.command == "note":
            from .note import run_note_command

            return run_note_command(args)
        if args.command in ("backup", "restore"):
            from .backup import run_backup_command

            return run_backup_command(args)
        if args.command in ("calendar", "plan", "export-ics", "export"):
            from .export import run_export_command

            return run_export_command(args)
        if args.command == "report":
            from .report import run_report_command

            return run_report_command(args)
        if args.command == "import":
            from .importing import run_import_command

            return run_import_command(args)
        return _open_window(args)
    except UsageError as exc:
        print_error(str(exc))
        return EXIT_USAGE
    except CatalogError as exc:
        print(f"caseworker-app: fejl i forsøgskataloget: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        # Ctrl+C, or SIGTERM (a stopped job): what was under way has cleaned up after itself (a
        # transaction rolled back, a copy's temporary file removed) before this is reached.
        print_error(
            "afbrudt. Intet er gemt halvt: det, der var i gang, er enten gemt helt eller slet ikke "
            "(se efter med den samme kommando, fx 'deadlines' eller 'backup --list')."
        )
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader stopped early (e.g. `| head`): not an error; keep Python from complaining at exit.
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115
        return 0
    except Exception as exc:  # unexpected: log it and tell the user where the log is, never just vanish
        from ..logs import report_unexpected

        report_unexpected(type(exc), exc, exc.__traceback__, _show_unexpected_error)
        return 1
    finally:
        if restore_terminate is not None:
            restore_terminate()
        restore_excepthook()
        from ..logs import teardown_logging

        teardown_logging()


# The shells' convention for a command stopped by Ctrl+C (128 + SIGINT).
EXIT_INTERRUPTED = 130


def _interrupt_on_terminate():
    """SIGTERM (a scheduler stopping a job) ends a command as Ctrl+C does, so its cleanup runs: by
    default Python dies at once, and a backup's temporary copy (every CPR number in it) was left.
    Returns the undo (None when it cannot be set: not the main thread)."""
    import signal

    def terminate(_signum, _frame) -> None:
        raise KeyboardInterrupt

    try:
        previous = signal.signal(signal.SIGTERM, terminate)
    except (ValueError, OSError):
        return None
    return lambda: signal.signal(signal.SIGTERM, previous)


def _printable_output() -> None:
    """Text that cannot be encoded (a lone surrogate from a mangled file name) prints as '?'."""
    for stream in (sys.stdout, sys.stderr):
        try:
            # typeshed's TextIO has no reconfigure(); a stream without it is passed over below.
            stream.reconfigure(errors="replace")  # pyright: ignore[reportAttributeAccessIssue]
        except (AttributeError, ValueError, OSError):  # not a text stream we may change
            pass


def _start_logging(*, log_file: bool = True):
    """Catch unexpected errors (also in Qt slots) and log to the user's log folder; returns an undo.

    The window opens its log file itself right after its first paint (start-up time).
    """
    from ..excepthook import install_excepthook

    if log_file:
        from ..logs import start_log_file

        start_log_file()
    return install_excepthook(_show_unexpected_error)


def _show_unexpected_error(text: str) -> None:
    """A Qt message box when there is a window (or no console), else a line on stderr."""
    from ..ui.errors import show_error_message

    show_error_message(text)


def _open_window(args: argparse.Namespace) -> int:
    from ..core.collector import pause_for_start, resume_after_start

    # Qt's and the window's modules, the window, then the cases: no collector passes over them
    # until the cases are read (ui/app.py run_window resumes it then; here if it never got so far).
    pause_for_start()
    try:
        return _start_window(args)
    finally:
        resume_after_start()


def _start_window(args: argparse.Namespace) -> int:
    from pathlib import Path

    from ..ui.app import run_window

    if args.demo:
        import tempfile

        # A fresh demo database every time, outside the user's data folder: demo never touches real data.
        path = Path(tempfile.mkdtemp(prefix="opfoelgningsfrister-demo-")) / "demo.db"

        def create_demo() -> None:  # after the window's first paint, like reading the cases
            from ..store.demo import create_demo_database

            create_demo_database(path, date.today())

        return run_window(path, demo=True, prepare=create_demo)
    from ..paths import default_db_path

    path = Path(args.db) if args.db else default_db_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    return run_window(path)
