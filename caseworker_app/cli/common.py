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


def resolve_case(store: CaseStore, text: str, args: argparse.Namespace):
    """The case named by its number in the database or its FASIT case number, as the window shows it.

    UsageError when the text fits several cases (each listed by number, trial and FASIT number) or
    none (with a command that lists the cases, on the same --db).
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
            f"ingen sag har nr. eller FASIT-sagsnummer '{text}' i databasen. Se sagerne i vinduet, eller skriv "
            f"sagslisten med FASIT-sagsnumrene til et regneark med 'caseworker-app export{db_words(args)} "
            "sagsnumre.csv --cases'."
        )
    listed = "; ".join(f"nr. {c.id} ({c.trial_id}, {c.case_ref}, {c.status})" for c in found.values())
    raise UsageError(f"'{text}' passer på flere sager: {listed}. Brug sagens nr. i databasen.")


EMPTY_DB = "ingen fil angivet. Skriv databasefilens navn efter --db, fx --db sager.db"


def db_arg(text: str) -> str:
    """An argparse type, of every --db (the window's and each command's): an empty or blank name is
    refused (exit 2), never read as 'no --db', which would open the default database unasked."""
    if not text.strip():
        raise argparse.ArgumentTypeError(EMPTY_DB)
    return text


def add_db_option(parser: argparse.ArgumentParser, help: str = "databasefil (standard: i brugerens datamappe)") -> None:
    """Add --db to a subcommand."""
    # default=SUPPRESS: `caseworker-app --db X <command> …` keeps the main parser's --db.
    parser.add_argument("--db", type=db_arg, default=argparse.SUPPRESS, metavar="FIL", help=help)


def add_case_option(parser: argparse.ArgumentParser) -> None:
    """Add --case (required): the case by its number in the database or its FASIT case number."""
    parser.add_argument(
        "--case",
        type=case_id_arg,
        required=True,
        metavar="NR",
        help="sagens nr. i databasen eller dens FASIT-sagsnummer, fx 2024-0414",
    )


def db_path(args: argparse.Namespace) -> Path:
    """The database from --db or the default, whether or not it exists."""
    from ..paths import default_db_path

    return Path(args.db) if getattr(args, "db", None) else default_db_path()


def db_words(args: argparse.Namespace) -> str:
    """' --db "sti/sager.db"' for a suggested command when --db was given, else '' (the default)."""
    from ..core.command_line import command_arg  # the path quoted: a folder with spaces or æøå

    return f" --db {command_arg(args.db)}" if getattr(args, "db", None) else ""


def existing_db_path(args: argparse.Namespace, *, how_to_create: bool = True) -> Path:
    """The database from --db or the default; CommandFailed when there is no such file or it is empty,
    saying what to do: restore the newest copy with cases where there is one (never a demo on the
    real path: invented citizens would take the real database's place)."""
    path = db_path(args)
    if path.is_file() and path.stat().st_size == 0:
        # A command that only reads must not turn an empty file into a database.
        raise CommandFailed(
            f"{path} er en tom fil, ikke en sagsdatabase. Filen er ikke ændret. "
            + missing_db_advice(args, path, how_to_create=False, empty=True)
        )
    if path.exists():
        return path
    raise CommandFailed(f"databasen {path} findes ikke. " + missing_db_advice(args, path, how_to_create=how_to_create))


# Why a damaged database is refused: what is made from it, and what is saved into it (import, undo).
CARRIES_WRONG_FACTS = "for det kunne bære forkerte oplysninger videre"
LOST_AT_RESTORE = "for det, der gemmes i en beskadiget database, går tabt, når en sikkerhedskopi gendannes"


def refuse_damaged(args: argparse.Namespace, path: Path, what: str, because: str = CARRIES_WRONG_FACTS) -> None:
    """CommandFailed (exit 1, nothing written) when SQLite's quick check finds the database damaged, in
    the words the window's start uses for the same file (store/damage.py file_damage): a note pasted
    into FASIT or a calendar or spreadsheet made from it may carry wrong facts. what: what is not made
    ("Notatet"); because: why not. Says which file, and the newest good copy to restore with
    `caseworker-app restore` (or IT)."""
    from ..core.command_line import command_arg
    from ..store.backup import backup_folder, cases_text, newest_good_backup, when_text
    from ..store.damage import file_damage

    damage = file_damage(path, quick=True)
    if damage is None or damage.not_sqlite:
        return  # no SQLite file at all: the opening refuses it in its own words ("ikke en sagsdatabase")
    said = f"{damage.text} Sager kan mangle eller være forkerte. {what} er ikke lavet, {because}. "
    info = newest_good_backup(path)
    if info is None:
        raise CommandFailed(
            said + f"Der er ingen god sikkerhedskopi at gendanne i mappen {backup_folder(path)}: kontakt IT."
        )
    raise CommandFailed(
        said + f"Den nyeste gode sikkerhedskopi er fra {when_text(info)} ({cases_text(info.cases)}): {info.path}. "
        f"Gendan den med 'caseworker-app restore --db {command_arg(path)} {command_arg(info.path)}' "
        f"(se alle kopierne med 'caseworker-app backup{db_words(args)} --list'), og prøv igen."
    )


def missing_db_advice(
    args: argparse.Namespace, path: Path, *, how_to_create: bool, listed: bool = False, empty: bool = False
) -> str:
    """What to do about a database that is missing or empty: restore the newest copy with cases (as
    the window offers at start); with copies but none worth restoring, see them and ask IT; without
    copies, give the right file, or (how_to_create) make invented demo cases in a new file. listed:
    below `backup --list`, which need not suggest itself. empty: the file is there but empty (the
    database is elsewhere, not moved away)."""
    from ..core.command_line import command_arg
    from ..store.backup import backup_folder, cases_text, list_backups, when_text
    from ..store.copy_guard import newest_copy_with_cases

    listing = f"caseworker-app backup{db_words(args)} --list"
    elsewhere = "hvis databasen ligger et andet sted" if empty else "hvis databasen er flyttet"
    info = newest_copy_with_cases(path)
    if info is not None:
        return (
            f"Den nyeste gode sikkerhedskopi er fra {when_text(info)} ({cases_text(info.cases)}): {info.path}. "
            f"Gendan den med 'caseworker-app restore --db {command_arg(path)} {command_arg(info.path)}'"
            + ("" if listed else f" (se alle kopierne med '{listing}')")
            + f", eller angiv den rigtige fil med --db, {elsewhere}."
        )
    folder = backup_folder(path)
    if list_backups(path):
        return (
            f"Ingen af sikkerhedskopierne i mappen {folder} har sager, der kan gendannes"
            + ("." if listed else f" (se dem med '{listing}').")
            + f" Angiv den rigtige fil med --db, {elsewhere}, eller kontakt IT."
        )
    advice = f"Der er ingen sikkerhedskopier af den i mappen {folder}. Angiv den rigtige fil med --db, " + (
        "hvis databasen ligger et andet sted" if empty else "hvis den er flyttet"
    )
    if not how_to_create:
        return advice + ", eller kontakt IT."
    demo = (path.parent if path.parent.is_dir() else Path()) / "demo.db"
    return (
        f"{advice}. Vil du prøve programmet med opdigtede sager, så lav en demo-database i en ny fil med: "
        f"caseworker-app demo --db {command_arg(demo)} – eller åbn programmet og opret sager."
    )


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
