"""The command line: `caseworker-app` with no arguments opens the window; subcommands print or export."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from .cli_common import EXIT_USAGE, UsageError, date_arg, print_error
from .core.terms import DATE_NAMES, EVENT_NAMES, FORMS, CatalogError

if TYPE_CHECKING:
    from .core.schedule import Event

# The engine and the catalog are imported by the commands that use them: opening the window should
# not wait for them (start-up time, benchmarks/bench_startup.py).

# argparse speaks English; users read Danish.
_ARGPARSE_DA = (
    ("the following arguments are required", "disse argumenter mangler"),
    ("unrecognized arguments", "ukendte argumenter"),
    ("invalid choice", "ugyldigt valg"),
    ("choose from", "vælg mellem"),
    ("expected one argument", "forventer én værdi"),
    ("argument", "argument"),
    ("not allowed with argument", "kan ikke bruges sammen med"),
)


class DanishHelpFormatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):  # noqa: D102 - argparse override
        super().add_usage(usage, actions, groups, "brug: " if prefix is None else prefix)


class DanishArgumentParser(argparse.ArgumentParser):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", DanishHelpFormatter)
        kwargs.setdefault("add_help", False)
        super().__init__(*args, **kwargs)
        self._positionals.title = "argumenter"
        self._optionals.title = "tilvalg"
        self.add_argument("-h", "--help", action="help", help="vis denne hjælp og afslut")

    def error(self, message: str) -> None:  # noqa: D102 - argparse override
        for english, danish in _ARGPARSE_DA:
            message = message.replace(english, danish)
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: fejl: {message}\n")


def _named_date(text: str) -> tuple[str, date]:
    name, sep, value = text.partition("=")
    if not sep:
        raise argparse.ArgumentTypeError(f"'{text}' skal skrives som navn=dato, fx hire=2018-08-31")
    if name not in DATE_NAMES:
        raise argparse.ArgumentTypeError(f"ukendt dato '{name}' (kendte: {', '.join(DATE_NAMES)})")
    return name, date_arg(value)


def _event(text: str) -> Event:
    """followup=2021-01-10, contact=2021-03-01:fuld (counts as a follow-up), talk=2021-02-01:telefon."""
    kind, sep, rest = text.partition("=")
    if not sep:
        raise argparse.ArgumentTypeError(
            f"'{text}' skal skrives som hændelse=dato, fx followup=2021-01-10"
        )
    if kind not in EVENT_NAMES:
        raise argparse.ArgumentTypeError(
            f"ukendt hændelse '{kind}' (kendte: {', '.join(EVENT_NAMES)})"
        )
    from .core.schedule import Event

    value, *flags = rest.split(":")
    full, form = False, None
    for flag in flags:
        if flag == "fuld":
            full = True
        elif flag in FORMS:
            form = flag
        else:
            raise argparse.ArgumentTypeError(
                f"ukendt tilføjelse ':{flag}' (brug :fuld eller {', '.join(FORMS)})"
            )
    return Event(date_arg(value), kind, full_followup=full, form=form)


def build_parser() -> argparse.ArgumentParser:
    parser = DanishArgumentParser(
        prog="caseworker-app",
        description="Opfølgningsfrister i frikommuneforsøg. Uden kommando åbnes programmets vindue.",
    )
    parser.add_argument("--demo", action="store_true", help="åbn programmet på en ny demo-database")
    parser.add_argument("--db", help="databasefil (standard: i brugerens datamappe)")
    parser.add_argument(
        "--selftest",
        action="store_true",
        help="kontrollér at programmet virker (demodata, vindue, frister, notat, PDF) og afslut",
    )
    commands = parser.add_subparsers(
        dest="command", metavar="kommando", parser_class=DanishArgumentParser
    )

    schedule = commands.add_parser("schedule", help="beregn fristerne for én sag uden at gemme den")
    schedule.add_argument("--trial", required=True, help="forsøgets id, fx T08")
    schedule.add_argument(
        "--date",
        action="append",
        default=[],
        type=_named_date,
        metavar="NAVN=DATO",
        help=f"en af sagens datoer ({', '.join(DATE_NAMES)})",
    )
    schedule.add_argument(
        "--event",
        action="append",
        default=[],
        type=_event,
        metavar="HÆNDELSE=DATO",
        help=f"en hændelse ({', '.join(EVENT_NAMES)}); ':fuld' tæller en henvendelse som opfølgning",
    )
    schedule.add_argument("--today", type=date_arg, default=None, help="beregn som på denne dag")
    schedule.add_argument(
        "--trial-end",
        type=date_arg,
        default=None,
        help="forsøgets slutdato, hvis den afviger fra kataloget",
    )
    schedule.add_argument("--json", action="store_true", help="skriv JSON")
    from .cli_common import add_db_option

    add_db_option(schedule, help="brug denne databases forsøgskatalog (kommunens forlængelser og ændringer)")

    trials = commands.add_parser("trials", help="vis forsøgskataloget")
    trials.add_argument("--json", action="store_true", help="skriv JSON")
    add_db_option(trials, help="vis kataloget med denne databases forlængelser og ændringer")

    from .cli_store import add_store_commands

    add_store_commands(commands)
    from .cli_note import add_note_command

    add_note_command(commands)
    from .cli_export import add_export_commands

    add_export_commands(commands)
    from .cli_report import add_report_command

    add_report_command(commands)
    from .cli_backup import add_backup_commands

    add_backup_commands(commands)
    from .cli_import import add_import_command

    add_import_command(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script `caseworker-app`."""
    _printable_output()
    parser = build_parser()
    args = parser.parse_args(argv)
    opens_window = args.command is None and not args.selftest
    restore_excepthook = _start_logging(log_file=not opens_window)
    try:
        if args.selftest:
            from .selftest import run_selftest

            return run_selftest()
        if args.command in ("schedule", "trials"):
            from .cli_catalog import run_catalog_command

            return run_catalog_command(args)
        if args.command in ("demo", "deadlines"):
            from .cli_store import run_store_command

            return run_store_command(args)
        if args.command == "note":
            from .cli_note import run_note_command

            return run_note_command(args)
        if args.command in ("backup", "restore"):
            from .cli_backup import run_backup_command

            return run_backup_command(args)
        if args.command in ("calendar", "plan", "export-ics", "export"):
            from .cli_export import run_export_command

            return run_export_command(args)
        if args.command == "report":
            from .cli_report import run_report_command

            return run_report_command(args)
        if args.command == "import":
            from .cli_import import run_import_command

            return run_import_command(args)
        return _open_window(args)
    except UsageError as exc:
        print_error(str(exc))
        return EXIT_USAGE
    except CatalogError as exc:
        print(f"caseworker-app: fejl i forsøgskataloget: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        # The reader stopped early (e.g. `| head`): not an error; keep Python from complaining at exit.
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115
        return 0
    except (
        Exception
    ) as exc:  # unexpected: log it and tell the user where the log is, never just vanish
        from .logs import report_unexpected

        report_unexpected(type(exc), exc, exc.__traceback__, _show_unexpected_error)
        return 1
    finally:
        restore_excepthook()
        from .logs import teardown_logging

        teardown_logging()


def _printable_output() -> None:
    """Text that cannot be encoded (a lone surrogate from a mangled file name) prints as '?'."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(errors="replace")
        except (AttributeError, ValueError, OSError):  # not a text stream we may change
            pass


def _start_logging(*, log_file: bool = True):
    """Catch unexpected errors (also in Qt slots) and log to the user's log folder; returns an undo.

    The window opens its log file itself right after its first paint (start-up time).
    """
    from .logs import install_excepthook, start_log_file

    if log_file:
        start_log_file()
    return install_excepthook(_show_unexpected_error)


def _show_unexpected_error(text: str) -> None:
    """A Qt message box when there is a window (or no console), else a line on stderr."""
    from .ui.errors import show_error_message

    show_error_message(text)


def _open_window(args: argparse.Namespace) -> int:
    from pathlib import Path

    from .ui.app import run_window

    if args.demo:
        import tempfile

        # A fresh demo database every time, outside the user's data folder: demo never touches real data.
        path = Path(tempfile.mkdtemp(prefix="opfoelgningsfrister-demo-")) / "demo.db"

        def create_demo() -> None:  # after the window's first paint, like reading the cases
            from .store.demo import create_demo_database

            create_demo_database(path, date.today())

        return run_window(path, demo=True, prepare=create_demo)
    from .paths import default_db_path

    path = Path(args.db) if args.db else default_db_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    return run_window(path)


if __name__ == "__main__":
    sys.exit(main())
