"""The command line's arguments: a Danish argparse parser with every subcommand and its argument types."""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, NoReturn

from ..core.terms import DATE_NAMES, EVENT_NAMES, FORMS
from .common import EXIT_USAGE, date_arg, db_arg

if TYPE_CHECKING:
    from ..core.event import Event

# The engine and the catalog are imported by the commands that use them: opening the window should
# not wait for them (start-up time, benchmarks/bench_startup.py).

# argparse speaks English; users read Danish.
_ARGPARSE_DA = (
    ("the following arguments are required", "disse argumenter mangler"),
    ("unrecognized arguments", "ukendte argumenter"),
    ("invalid choice", "ugyldigt valg"),
    ("choose from", "vælg mellem"),
    ("expected at least one argument", "forventer mindst én værdi"),
    ("expected one argument", "forventer én værdi"),
    ("not allowed with argument", "kan ikke bruges sammen med"),
    ("ambiguous option", "tvetydigt tilvalg"),
    ("could match", "kan være"),
    ("ignored explicit argument", "tager ingen værdi, men fik"),
    ("one of the arguments", "et af tilvalgene"),
    ("is required", "skal angives"),
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


_ENDS_WITH_HOUR = re.compile(r".*\S\s+\d{1,2}", re.ASCII | re.DOTALL)  # '01-07-2024 10' (of '01-07-2024 10:30')


def _event(text: str) -> Event:
    """followup=2021-01-10, contact=2021-03-01:fuld (counts as a follow-up), talk=2021-02-01:telefon."""
    kind, sep, rest = text.partition("=")
    if not sep:
        raise argparse.ArgumentTypeError(f"'{text}' skal skrives som hændelse=dato, fx followup=2021-01-10")
    if kind not in EVENT_NAMES:
        raise argparse.ArgumentTypeError(f"ukendt hændelse '{kind}' (kendte: {', '.join(EVENT_NAMES)})")
    from ..core.event import Event

    value, *flags = rest.split(":")
    full, form = False, None
    for flag in flags:
        if flag == "fuld":
            full = True
        elif flag in FORMS:
            form = flag
        elif flag.isascii() and flag.isdigit() and _ENDS_WITH_HOUR.fullmatch(value):
            # '01-07-2024 10:30': a clock time, split at its ':' like a flag; an event has a day only.
            raise argparse.ArgumentTypeError(
                f"'{text}': en hændelse har en dato, intet klokkeslæt. Skriv fx {kind}={value.rsplit(None, 1)[0]}"
            )
        else:
            raise argparse.ArgumentTypeError(
                f"'{text}': ukendt tilføjelse ':{flag}' (brug :fuld eller {', '.join(FORMS)})"
            )
    return Event(date_arg(value), kind, full_followup=full, form=form)


def parse_arguments(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """The command line's arguments; the window's own (`--db FIL`, `--demo`, `--selftest`) without
    building the subcommands, whose modules and argparse's work cost a start ~10 ms (bench_startup).
    Anything the short parser cannot answer alone (a command, help, an error) goes to the full one."""
    words = list(sys.argv[1:] if argv is None else argv)
    if not {"-h", "--help"} & set(words):
        try:
            args, rest = build_parser(with_commands=False).parse_known_args(words)
        except _FullParserNeeded:
            pass  # a wrong argument: the full parser says so, with the commands in its usage line
        else:
            if not rest and not _ignored_by_selftest(args):  # no command, nothing unknown: as the full parser
                args.command = None
                return args
    parser = build_parser()
    args = parser.parse_args(words)
    ignored = _ignored_by_selftest(args)
    if ignored:
        # '--selftest --db beskadiget.db' said "Selvtest i orden" of a file it never looked at (a tester).
        parser.error(
            f"--selftest kontrollerer programmet på sin egen demo-database og bruges ikke med {ignored}. "
            "Kør 'caseworker-app --selftest' alene. En database kontrolleres med 'caseworker-app backup --db FIL': "
            "den siger, om databasen er beskadiget, og gemmer ellers en kontrolleret kopi"
        )
    if args.command is not None and getattr(args, "demo", False):
        # '--demo deadlines' read the real database without a word: the option is the window's.
        parser.error(
            f"--demo åbner vinduet på en demo-database og bruges ikke med '{args.command}'; lav en demo-database "
            "med 'caseworker-app demo --db FIL', og brug den med --db FIL"
        )
    return args


def _ignored_by_selftest(args: argparse.Namespace) -> str:
    """What --selftest would pass over without a word ('--db', '--demo', "'deadlines'"), or ''."""
    if not args.selftest:
        return ""
    if getattr(args, "command", None):
        return f"'{args.command}'"
    return "--db" if args.db is not None else "--demo" if args.demo else ""


class _FullParserNeeded(Exception):
    """The window's short parser met something only the full parser explains."""


class _WindowArgumentParser(DanishArgumentParser):
    def error(self, message: str) -> NoReturn:  # noqa: D102 - argparse override
        raise _FullParserNeeded(message)

    def print_help(self, file=None) -> NoReturn:  # noqa: D102 - argparse override
        raise _FullParserNeeded("help")  # also --he, --hel: argparse takes any unique prefix


def build_parser(*, with_commands: bool = True) -> argparse.ArgumentParser:
    """The parser of `caseworker-app`; with_commands=False: the options that open the window only."""
    parser = (DanishArgumentParser if with_commands else _WindowArgumentParser)(
        prog="caseworker-app",
        description="Opfølgningsfrister i frikommuneforsøg. Uden kommando åbnes programmets vindue.",
    )
    parser.add_argument("--demo", action="store_true", help="åbn programmet på en ny demo-database")
    parser.add_argument("--db", type=db_arg, help="databasefil (standard: i brugerens datamappe)")
    parser.add_argument(
        "--selftest",
        action="store_true",
        help="kontrollér at programmet virker (demodata, vindue, frister, notat, PDF) og afslut",
    )
    if not with_commands:
        return parser
    commands = parser.add_subparsers(dest="command", metavar="kommando", parser_class=DanishArgumentParser)

    schedule = commands.add_parser("schedule", help="beregn fristerne for én sag uden at gemme den")
    schedule.add_argument("--trial", required=True, metavar="FORSØG", help="forsøgets id, fx T08")
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
    schedule.add_argument("--today", type=date_arg, default=None, metavar="DATO", help="beregn som på denne dag")
    schedule.add_argument(
        "--trial-end",
        type=date_arg,
        default=None,
        metavar="DATO",
        help="forsøgets slutdato, hvis den afviger fra kataloget (året med fire cifre)",
    )
    schedule.add_argument("--json", action="store_true", help="skriv JSON")
    from .common import add_db_option

    add_db_option(schedule, help="brug denne databases forsøgskatalog (kommunens forlængelser og ændringer)")

    trials = commands.add_parser("trials", help="vis forsøgskataloget")
    trials.add_argument(
        "--trial",
        metavar="ID",
        help="vis kun dette forsøg (fx T08) med dets periode: forlængelser, rettede slutdatoer og den hjemmel, "
        "journalnotater skriver – som boksen Forsøgsperiode i fanen Forsøg",
    )
    trials.add_argument("--json", action="store_true", help="skriv JSON")
    add_db_option(trials, help="vis kataloget med denne databases forlængelser og ændringer")

    from .store import add_store_commands

    add_store_commands(commands)
    from .note import add_note_command

    add_note_command(commands)
    from .export import add_export_commands

    add_export_commands(commands)
    from .report import add_report_command

    add_report_command(commands)
    from .backup import add_backup_commands

    add_backup_commands(commands)
    from .importing import add_import_command

    add_import_command(commands)
    return parser
