"""`backup` and `restore`: checked copies of the case database, and putting one back.

Both work while the window has the database open in another process (SQLite's backup API, never a
file copy). Bad input: a Danish message and exit code 2, also a copy named for `restore` that cannot be
restored (missing, the database itself, not a case database, damaged: the README's wrong file name); a
database that cannot be used or written: 1.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .common import (
    CommandFailed,
    UsageError,
    add_db_option,
    db_path,
    db_words,
    existing_db_path,
    missing_db_advice,
    refuse_damaged,
    run_reporting,
)


def add_backup_commands(commands: argparse._SubParsersAction) -> None:
    """Add `backup` and `restore` to the program's subcommands."""
    backup = commands.add_parser(
        "backup", help="lav en kontrolleret sikkerhedskopi af databasen (også mens vinduet er åbent)"
    )
    add_db_option(backup)
    backup.add_argument(
        "--to",
        metavar="FIL/MAPPE",
        default=None,
        help="kopiens nye filnavn (skal ende på .db), eller en mappe, der findes, hvor kopien får samme navn "
        "som i 'sikkerhedskopier' (standard: i mappen 'sikkerhedskopier' ved siden af databasen)",
    )
    backup.add_argument("--list", action="store_true", help="vis sikkerhedskopierne i stedet")

    restore = commands.add_parser(
        "restore", help="gendan databasen fra en sikkerhedskopi (den nuværende gemmes først som kopi)"
    )
    add_db_option(restore)
    restore.add_argument("copy", metavar="KOPI", help="sikkerhedskopien, der gendannes")
    restore.add_argument(
        "--anden-database",
        action="store_true",
        help="gendan også en kopi af en anden database (ellers spørger programmet, eller afviser uden terminal)",
    )


def run_backup_command(args: argparse.Namespace) -> int:
    """Run `backup` or `restore`; see the module docstring for exit codes."""
    from ..store import StoreError
    from ..store.errors import CopyRefusedError

    run = _backup if args.command == "backup" else _restore
    # A copy that cannot be restored is a wrong file name (exit 2), as the README promises.
    return run_reporting(lambda: run(args), usage=(CopyRefusedError,), failure=(StoreError,))


def _backup(args: argparse.Namespace) -> int:
    from ..store.backup import (
        cases_text,
        make_backup,
        rotate_backups,
        rotation_of,
        size_text,
    )

    if args.list:
        if args.to is not None:
            raise UsageError(
                "--list viser kopierne i mappen 'sikkerhedskopier' ved siden af databasen og bruges ikke med --to. "
                "Brug --list alene, eller --to alene for at lave en kopi."
            )
        return _list(args)
    path = existing_db_path(args)
    refuse_damaged(args, path, "Sikkerhedskopien", "for en kopi af en beskadiget database kan ikke gendannes")
    if args.to is not None:
        info = make_backup(path, _target(args.to))
    else:
        info = make_backup(path)
        rotate_backups(path, rotation_of(path))
    print(f"Sikkerhedskopi gemt og kontrolleret: {info.path} ({cases_text(info.cases)}, {size_text(info.size)})")
    return 0


def _list(args: argparse.Namespace) -> int:
    """The database's copies, newest first; also when the database is missing or empty, when IT needs
    them most (with the command that restores the newest copy with cases)."""
    from ..store.backup import backup_folder, cases_text, check_backup, list_backups, remark_text, size_text, when_texts

    path = db_path(args)
    if path.is_dir():
        raise UsageError(f"{path} er en mappe, ikke en databasefil.")
    missing = not path.exists()
    empty = not missing and path.is_file() and path.stat().st_size == 0
    backups = list_backups(path)
    if not backups:
        if missing:
            raise CommandFailed(f"databasen {path} findes ikke. " + missing_db_advice(args, path, how_to_create=True))
        print(f"Ingen sikkerhedskopier endnu i mappen {backup_folder(path.resolve())}.")
        return 0
    if missing or empty:
        print(f"Databasen {path} {'findes ikke' if missing else 'er en tom fil (0 byte)'}.")
    print(f"Sikkerhedskopier af {path} (nyeste først):")
    whens = when_texts(backups)
    width = max(len(when) for when in whens)
    for info, when in zip(backups, whens, strict=True):
        remark = remark_text(info)
        tag = f" ({remark})" if remark else ""
        print(f"  {when:<{width}} {size_text(info.size):>8}  {cases_text(info.cases):<14} {info.path}{tag}")
        if info.cases is None and not info.set_aside:
            # Why it cannot be read, in restore's words ('lavet af en nyere version af programmet').
            print(f"  {'':<{width}} {'':>8}  {check_backup(info.path) or ''}")
    if missing or empty:
        print(missing_db_advice(args, path, how_to_create=False, listed=True, empty=empty))
    return 0


def _target(text: str) -> Path:
    """--to: a folder (the copy gets the name it would get in the backup folder) or a new file."""
    if not text.strip():
        raise UsageError("angiv en fil eller en mappe efter --to, fx --to kopi.db")
    target = Path(text)
    if target.is_dir():
        return target
    if target.exists():
        raise UsageError(f"filen {target} findes allerede. Vælg et nyt filnavn eller en mappe; intet er skrevet.")
    # 'kopier/' names a folder: one that is not there is not made into a file called 'kopier'.
    folder = target if text.endswith(("/", os.sep)) else target.parent
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"{folder} er en fil, ikke en mappe. Vælg en mappe, der findes; intet er skrevet.")
    if not folder.is_dir():  # first: a name suggested in a folder that is not there fails again
        raise UsageError(f"mappen {folder} findes ikke. Opret den først, eller vælg en anden mappe; intet er skrevet.")
    if folder != target and target.suffix.casefold() != ".db":
        # 'USB nøgle/ny' meant as a new folder became a file 'ny'; 'kopi.txt' is no copy anyone finds
        # again (the window's 'Vælg en anden fil …' shows .db files): refused rather than guessed.
        # 'Kopier 2026.12' has no ending but a number in its name: '.db' is added, not put in its place.
        if not target.suffix or target.suffix[1:].isdigit():
            raise UsageError(
                f"mappen {target} findes ikke, og et nyt filnavn til kopien skal ende på .db (fx "
                f"{target.parent / (target.name + '.db')}). Skal kopien i en ny mappe, så opret mappen først; "
                "intet er skrevet."
            )
        raise UsageError(
            f"kopiens filnavn {target.name} skal ende på .db (fx {target.with_suffix('.db')}), så kopien kan "
            "findes og gendannes igen; intet er skrevet."
        )
    return target


def _restore(args: argparse.Namespace) -> int:
    from ..store.backup import OtherDatabaseError, another_database_text, cases_text, restore_backup
    from ..store.backup.checking import backup_cases

    # The database may be missing (deleted, or moved aside): restoring then creates it.
    path = db_path(args)
    if path.is_dir():
        raise UsageError(f"{path} er en mappe, ikke en databasefil.")
    copy = Path(args.copy)
    # The list of this database's copies: with its --db when one was given.
    listing = f"caseworker-app backup{db_words(args)} --list"
    if copy.is_dir():
        raise UsageError(
            f"{copy} er en mappe, ikke en sikkerhedskopi. Angiv en af kopierne i mappen; se dem med '{listing}'."
        )
    if not copy.is_file():
        raise UsageError(f"sikkerhedskopien {copy} findes ikke. Se kopierne med '{listing}'.")
    try:
        kept, cases = restore_backup(path, copy, other_database=args.anden_database)
    except OtherDatabaseError:
        if not _asked_yes(f"{another_database_text(path, copy)} Kopien har {cases_text(backup_cases(copy))}."):
            raise CommandFailed(
                f"{another_database_text(path, copy)} Databasen er ikke ændret. Skal kopien alligevel gendannes, så "
                "tilføj --anden-database."
            ) from None
        kept, cases = restore_backup(path, copy, other_database=True)
    print(f"Databasen {path} er gendannet fra {copy} ({cases_text(cases)}).")
    if kept is not None:
        print(f"Den hidtidige database er gemt som {kept.path}.")
    return 0


def _asked_yes(text: str) -> bool:
    """Ask on the terminal (j/n); without one (a script, a scheduled task) the answer is no."""
    if not sys.stdin.isatty():
        return False
    print(text)
    try:
        answer = input("Vil du gendanne den alligevel? (j/n) ")
    except EOFError:
        return False
    return answer.strip().casefold() in ("j", "ja")
