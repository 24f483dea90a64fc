"""What the command-line modules share: argument types, --db, the database path and error output."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # a type only: no import of the store when this module loads
    from ..store.case_store import CaseStore

EXIT_USAGE = 2
EXIT_FAILURE = 1

Errors = tuple[type[BaseException], ...]


class UsageError(Exception):
    """Bad command-line input; the message is Danish and the exit code 2."""


class CommandFailed(Exception):
    """A command that cannot be carried out (no database, say); Danish message, exit code 1."""


def print_error(message: str) -> None:
    """Print a Danish error message on stderr, as every command does; anything shaped like a CPR
    number masked (a case looked up by CPR, a name with one in it): stderr ends up in job logs."""
    from ..core.redact import redact_cpr

    print(f"caseworker-app: fejl: {redact_cpr(message)}", file=sys.stderr)


def date_arg(text: str) -> date:
    """An argparse type: dd-mm-åååå (or ISO and the other forms parse_date reads)."""
    from ..core.workdays import parse_date  # here, not at the top: the window opens without it

    try:
        return parse_date(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def case_id_arg(text: str) -> str:
    """An argparse type: a case's number in the database or its FASIT case number (resolve_case)."""
    text = text.strip()
    if not text:
        raise argparse.ArgumentTypeError("skriv sagens nummer i databasen eller dens FASIT-sagsnummer")
    return text


def resolve_case(store: CaseStore, text: str):
    """The case named by its number in the database or its FASIT case number, as the window shows it.

    UsageError when the text fits several cases (each listed by number, trial and FASIT number) or
    none.
    """
    wanted = text.strip().casefold()
    cases = store.list_cases(include_closed=True)
    by_ref = [c for c in cases if c.case_ref.strip().casefold() == wanted]
    by_id = [c for c in cases if wanted.isascii() and wanted.isdigit() and c.id == int(wanted)]
    found = {c.id: c for c in by_ref + by_id}
    if len(found) == 1:
        return store.get_case(next(iter(found)))  # with its events
    if not found:
        raise UsageError(
            f"ingen sag har nr. eller FASIT-sagsnummer '{text}' i databasen (se sagerne med "
            "'caseworker-app export --cases' eller i vinduet)"
        )
    listed = "; ".join(f"nr. {c.id} ({c.trial_id}, {c.case_ref}, {c.status})" for c in found.values())
    raise UsageError(f"'{text}' passer på flere sager: {listed}. Brug sagens nr. i databasen.")


def add_db_option(parser: argparse.ArgumentParser, help: str = "databasefil (standard: i brugerens datamappe)") -> None:
    """Add --db to a subcommand."""
    # default=SUPPRESS: `caseworker-app --db X <command> …` keeps the main parser's --db.
    parser.add_argument("--db", default=argparse.SUPPRESS, metavar="FIL", help=help)


def add_case_option(parser: argparse.ArgumentParser) -> None:
    """Add --case (required): the case by its number in the database or its FASIT case number."""
    parser.add_argument(
        "--case",
        type=case_id_arg,
        required=True,
        metavar="NR",
        help="sagens nr. i databasen eller dens FASIT-sagsnummer, fx 2024-0414",
    )


def existing_db_path(args: argparse.Namespace, *, how_to_create: bool = True) -> Path:
    """The database from --db or the default; CommandFailed when there is no such file."""
    from ..paths import default_db_path

    path = Path(args.db) if getattr(args, "db", None) else default_db_path()
    if path.is_file() and path.stat().st_size == 0:
        # A command that only reads must not turn an empty file into a database.
        raise CommandFailed(f"{path} er en tom fil, ikke en sagsdatabase. Filen er ikke ændret.")
    if path.exists():
        return path
    message = f"databasen {path} findes ikke."
    if how_to_create:
        from ..core.command_line import command_arg  # the path quoted: a folder with spaces or æøå

        message += (
            f" Opret en demo-database med: caseworker-app demo --db {command_arg(path)} – eller åbn programmet "
            "og opret sager."
        )
    raise CommandFailed(message)


def run_reporting(run: Callable[[], int], *, usage: Errors = (), failure: Errors = ()) -> int:
    """Run a command; an expected error is printed in Danish: exit 2 for bad input, else 1."""
    try:
        return run()
    except (UsageError, *usage) as exc:
        print_error(str(exc))
        return EXIT_USAGE
    except (CommandFailed, *failure) as exc:
        print_error(str(exc))
        return EXIT_FAILURE
