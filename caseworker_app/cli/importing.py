"""`import`: read a caseworker's own case list (.xlsx or .csv) into the database, list the imports,
and undo one (`import --fortryd NR`).

Exit codes: 0 imported (or, with --dry-run, the list can be imported as it is; or every row was
there already); 2 bad input, nothing saved (a file that cannot be read, a wrong --mapping, rows
with faults: each named by row and column on stderr; also with --kun-gyldige when the valid rows
were all there already); 3 with --kun-gyldige, the valid rows were saved and the faulty ones left
out (named on stderr); 1 the database cannot be used, it changed
while importing, or an import cannot be undone.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from .common import (
    EXIT_USAGE,
    LOST_AT_RESTORE,
    CommandFailed,
    UsageError,
    add_db_option,
    date_arg,
    print_error,
    refuse_damaged,
    run_reporting,
)

if TYPE_CHECKING:  # a type only: no import of the store when this module loads
    from ..store.case_store import CaseStore

EXIT_PARTIAL = 3
PREVIEW_ROWS = 20  # rows shown before saving; every fault is shown
_DUPLICATES = {"spring-over": "skip", "opdater": "update"}


def _positive(text: str, what: str = "et rækkenummer (et helt tal fra 1)") -> int:
    # ASCII digits only ('²' and '١' are digits to str.isdigit), and a number SQLite can hold.
    if not (text.isascii() and text.isdigit()) or not 1 <= int(text) < 2**63:
        raise argparse.ArgumentTypeError(f"'{text}' er ikke {what}")
    return int(text)


def _import_number(text: str) -> int:
    return _positive(text, "et importnummer (et helt tal fra 1; se importerne med --list)")


def add_import_command(commands: argparse._SubParsersAction) -> None:
    """Add `import` to the program's subcommands."""
    command = commands.add_parser(
        "import", help="importér din egen sagsliste (.xlsx eller .csv fra Excel); fortryd en import"
    )
    add_db_option(command, help="databasefil (standard: i brugerens datamappe; oprettes, hvis den ikke findes)")
    command.add_argument("file", nargs="?", metavar="FIL", help="sagslisten: .xlsx eller .csv")
    command.add_argument(
        "--mapping",
        action="append",
        default=[],
        metavar="KOLONNE=FELT",
        help="hvilket felt en kolonne er, fx 'Startdato=hire' eller 'Telefon=ingen' (kolonnens overskrift "
        "eller bogstav; se felterne med --felter); kan gentages",
    )
    command.add_argument("--trial", metavar="FORSØG", help="forsøget for rækker uden forsøg, fx T08")
    command.add_argument("--sheet", metavar="ARK", help="arket i en .xlsx-fil (standard: det aktive ark)")
    command.add_argument(
        "--header-row",
        type=_positive,
        metavar="NR",
        help="rækken med overskrifterne (standard: findes blandt de første rækker); en overskrift over to "
        "rækker (fx flettede celler) læses som én",
    )
    command.add_argument("--dry-run", action="store_true", help="vis kun, hvad der ville blive gemt")
    command.add_argument(
        "--alle-rækker",
        "--alle",
        dest="all_rows",
        action="store_true",
        help=f"vis hver række i forhåndsvisningen (standard: de første {PREVIEW_ROWS}; alle fejl vises altid)",
    )
    command.add_argument(
        "--uden-skjulte",
        action="store_true",
        help="spring de rækker over, der er skjult i Excel (fx af et filter); standard: de importeres med en advarsel",
    )
    command.add_argument(
        "--kun-gyldige", action="store_true", help="gem de gyldige rækker, selv om andre rækker har fejl"
    )
    command.add_argument(
        "--dubletter",
        choices=tuple(_DUPLICATES),
        default="spring-over",
        help="sager, der allerede findes (samme FASIT-sagsnummer og forsøg): spring over "
        "(standard) eller opdatér med listens værdier",
    )
    command.add_argument(
        "--overskriv-nyere",
        action="store_true",
        help="med --dubletter opdater: overskriv også værdier, der er ændret i programmet efter filen blev "
        "gemt (standard: de beholdes)",
    )
    command.add_argument("--today", type=date_arg, default=None, metavar="DATO", help="regn som på denne dag")
    other = command.add_mutually_exclusive_group()
    other.add_argument("--fortryd", type=_import_number, metavar="NR", help="fortryd import nr. NR som helhed")
    other.add_argument("--list", action="store_true", help="vis importerne i databasen")
    other.add_argument("--felter", action="store_true", help="vis de felter, en kolonne kan være")


def run_import_command(args: argparse.Namespace) -> int:
    """Run `import`; see the module docstring for exit codes."""
    from ..core.import_table import ImportFileError
    from ..services.importing import ImportConflictError, ImportRefusedError, ImportUndoError
    from ..store import StoreError

    return run_reporting(
        lambda: _run(args),
        usage=(ImportFileError, ImportRefusedError),
        failure=(StoreError, ImportConflictError, ImportUndoError),
    )


def _db_path(args: argparse.Namespace) -> Path:
    from ..paths import default_db_path

    return Path(args.db) if getattr(args, "db", None) else default_db_path()


def _run(args: argparse.Namespace) -> int:
    from ..store import CaseStore

    if args.felter:
        return _print_fields()
    today = args.today or date.today()
    path = _db_path(args)
    if path.is_dir() or (path.is_symlink() and not path.exists()):
        # Not a file, nor a path a new database can be made at: said before the list is read.
        what = "en mappe" if path.is_dir() else "en genvej til en fil, der ikke findes"
        raise UsageError(f"--db {path} er {what}, ikke en databasefil. Angiv databasens filnavn, fx sager.db.")
    if args.fortryd is not None or args.list:
        if args.file:
            raise UsageError("angiv ikke en fil sammen med --fortryd eller --list")
        if not path.is_file():
            raise CommandFailed(f"databasen {path} findes ikke.")
        if args.list:
            refuse_damaged(args, path, "Listen over importerne")
        else:
            refuse_damaged(args, path, "Fortrydelsen", LOST_AT_RESTORE)
        with CaseStore(path, clock=lambda: today, read_only=args.list) as store:
            return _undo(store, args.fortryd) if args.fortryd is not None else _list(store)
    if not args.file:
        raise UsageError("angiv sagslisten, fx 'caseworker-app import --db sager.db sagsliste.xlsx'")
    from ..services.importing import read_source

    table = read_source(args.file, sheet=args.sheet, header_row=args.header_row)
    if path.is_file():
        refuse_damaged(args, path, "Importen", LOST_AT_RESTORE)
        # A dry run never writes: the database is opened read-only.
        with CaseStore(path, clock=lambda: today, read_only=args.dry_run) as store:
            preview, code = _preview(store, table, args, today)
            return code if code is not None else _save(store, preview, args)
    import tempfile

    # No database yet: the preview is made against an empty one, and the file is made only to save.
    print(
        f"Databasen {path} findes ikke endnu; "
        + ("forhåndsvisningen regner med en tom database." if args.dry_run else "den oprettes, når listen gemmes.")
    )
    with tempfile.TemporaryDirectory() as folder, CaseStore(Path(folder) / "tom.db", clock=lambda: today) as empty:
        _, code = _preview(empty, table, args, today)
    if code is not None:
        return code
    from ..store.new_file import written_beside

    # Written beside and moved in once saved: a failed or interrupted import leaves no file at path.
    exists = f"databasen {path} blev oprettet af et andet program under importen. Intet er gemt; importér igen."
    with written_beside(path, exists_text=exists) as new:
        with CaseStore(new.temporary, clock=lambda: today) as store:
            preview, _ = _preview(store, table, args, today, quiet=True)
            result = _store_import(store, preview, args)
        new.keep = result.batch_id is not None  # nothing saved: no database either
    return _report(result, preview, args, path)


def _default_trial(text: str, store: CaseStore) -> str:
    """--trial read as a trial cell is (id, name or short name), with the same message when unknown."""
    from ..core.import_parse import CellError, parse_trial_cell

    try:
        trial = parse_trial_cell(text, store.catalog())
    except CellError as exc:
        raise UsageError(f"--trial: {exc}") from None
    if trial is None:
        raise UsageError("--trial: skriv forsøgets id, fx --trial T08")
    return trial


def _preview(store: CaseStore, table, args: argparse.Namespace, today: date, *, quiet: bool = False):
    """The preview, printed; and the exit code when it is not to be saved (None: save it)."""
    from ..services import importing

    mapping = importing.guess_mapping(table.headers, importing.remembered_mapping(store), hidden=table.hidden_columns)
    mapping = _apply_mapping_args(mapping, args.mapping)
    if args.trial:
        mapping = mapping.with_default_trial(_default_trial(args.trial, store))
    duplicates = _DUPLICATES[args.dubletter]
    preview = importing.build_preview(
        store, table, mapping, today, overwrite_newer=args.overskriv_nyere, skip_hidden=args.uden_skjulte
    )
    if quiet:
        return preview, None
    _print_preview(preview, duplicates, store.catalog(), all_rows=args.all_rows)
    if preview.mapping_errors:
        for message in preview.mapping_errors:
            print_error(message)
        print_error(
            "vælg kolonnerne med --mapping KOLONNE=FELT (se felterne med --felter) og forsøget for rækker "
            "uden forsøg med --trial, fx --trial T08. Intet er gemt."
        )
        return preview, EXIT_USAGE
    errors = preview.errors(duplicates)
    for text in preview.fault_texts(duplicates):  # one sentence of many rows once, with its rows
        print(f"caseworker-app: fejl: {text}", file=sys.stderr)
    if args.dry_run:
        print("Prøvekørsel (--dry-run): intet er gemt.")
        return preview, EXIT_USAGE if errors else 0
    if errors and not args.kun_gyldige:
        count = len(preview.invalid_rows(duplicates))
        print_error(
            f"{'1 række har' if count == 1 else f'{count} rækker har'} fejl, så intet er gemt. Ret dem i "
            "regnearket, eller gem kun de gyldige rækker med --kun-gyldige."
        )
        return preview, EXIT_USAGE
    return preview, None


def _save(store: CaseStore, preview, args: argparse.Namespace) -> int:
    return _report(_store_import(store, preview, args), preview, args, store.path)


def _store_import(store: CaseStore, preview, args: argparse.Namespace):
    from ..services import importing

    result = importing.save_import(store, preview, only_valid=args.kun_gyldige, duplicates=_DUPLICATES[args.dubletter])
    importing.remember_mapping(store, preview.mapping)
    return result


def _report(result, preview, args: argparse.Namespace, path: Path) -> int:
    """What was saved, and how to undo it; the exit code."""
    from ..core.command_line import command_arg

    duplicates = _DUPLICATES[args.dubletter]
    print(result.summary)
    if result.batch_id is not None:
        print(f"Fortryd hele importen med: caseworker-app import --db {command_arg(path)} --fortryd {result.batch_id}")
    if preview.errors(duplicates):
        # 3 only when something was saved beside the faulty rows; nothing saved, with faults, is 2.
        return EXIT_PARTIAL if result.batch_id is not None else EXIT_USAGE
    return 0


def _apply_mapping_args(mapping, pairs: list[str]):
    from ..core.import_mapping import FIELD_LABELS, fold_header
    from ..core.import_table import column_letter

    by_name = {name: name for name in FIELD_LABELS} | {fold_header(label): name for name, label in FIELD_LABELS.items()}
    for pair in pairs:
        column, sep, field = pair.rpartition("=")
        if not sep or not column.strip():
            raise UsageError(f"'{pair}' skal skrives som KOLONNE=FELT, fx 'Startdato=hire'")
        wanted = fold_header(column)
        found = [i for i, header in enumerate(mapping.headers) if fold_header(header) == wanted]
        if not found:
            found = [i for i in range(len(mapping.headers)) if column_letter(i) == column.strip().upper()]
        if not found:
            raise UsageError(f"der er ingen kolonne '{column}' i filen (kolonnerne: {', '.join(mapping.headers)})")
        key = field.strip()
        if fold_header(key) in ("ingen", "ignorer", ""):
            target = None
        elif key in by_name or fold_header(key) in by_name:
            target = by_name.get(key) or by_name[fold_header(key)]
        else:
            raise UsageError(f"ukendt felt '{field}' (se felterne med --felter)")
        mapping = mapping.with_field(found[0], target)
    return mapping


def _print_fields() -> int:
    from ..core.import_mapping import FIELD_LABELS

    print("Felter, en kolonne kan være (--mapping KOLONNE=FELT; 'ingen' springer kolonnen over):")
    for name, label in FIELD_LABELS.items():
        print(f"  {name:<18} {label}")
    return 0


def _print_preview(preview, duplicates: str, catalog, *, all_rows: bool = False) -> None:
    from ..core.import_mapping import FIELD_LABELS
    from ..core.trial_match import trial_named
    from ..services.importing.rows import rows_text

    print(preview.summary(duplicates))
    for note in (*preview.notes, *preview.table.notes):
        print(note)
    if preview.hidden_rows and not preview.hidden_skipped:
        print("Spring de skjulte rækker over med --uden-skjulte.")
    mapping = preview.mapping
    hidden = preview.table.hidden_columns
    names = [h + (" (skjult i Excel)" if i in hidden else "") for i, h in enumerate(mapping.headers)]
    used = [f"{n} → {FIELD_LABELS[f]}" for n, f in zip(names, mapping.fields, strict=True) if f]
    ignored = [n for n, f in zip(names, mapping.fields, strict=True) if not f]
    print("Kolonner: " + ("; ".join(used) or "ingen"))
    if ignored:
        print("Springes over: " + "; ".join(ignored))
    if mapping.default_trial:
        trial = catalog.get(mapping.default_trial)  # named: '--trial uddannelseshjælp' may have found T04
        print(f"Forsøg for rækker uden forsøg: {trial_named(trial) if trial else mapping.default_trial}")
    if not preview.rows and not preview.mapping_errors:
        print(preview.nothing_text())
    shown = preview.rows if all_rows else preview.rows[:PREVIEW_ROWS]
    for row in shown:
        print(_row_line(row, duplicates))
    if len(preview.rows) > len(shown):
        more = len(preview.rows) - len(shown)
        print(f"… og {rows_text(more)} mere. Se {'den' if more == 1 else 'dem alle'} med --alle-rækker.")


def _row_line(row, duplicates: str) -> str:
    from ..core.deadline import OVERDUE, STATUS_DA, due_text, practical_day_text
    from ..core.redact import redact_cpr

    draft = row.draft
    head = (
        f"Række {row.number}: {draft.citizen or '(intet navn)'} ({draft.case_ref or 'intet sagsnr.'}), "
        f"{draft.trial_id or 'intet forsøg'}"
    )
    if row.errors:
        return redact_cpr(f"{head} – har fejl (se nedenfor)")
    # A date in the future, on a row that is saved (a new case, or an update): saved all the same.
    warned = "".join(f" – ⚠ {warning}" for warning in row.notices) if row.saved_with(duplicates) else ""
    if row.duplicate_of is not None:
        if row.duplicate_closed:
            state = f"findes som afsluttet sag nr. {row.duplicate_of}; springes over"
        elif duplicates == "update" and row.changes:
            state = f"findes som sag nr. {row.duplicate_of}; opdateres: " + "; ".join(
                f"{c.label.lower()} {c.old} → {c.new}" for c in row.changes
            )
        else:
            state = f"findes som sag nr. {row.duplicate_of}; " + (
                "springes over" if duplicates == "skip" else "intet opdateres" if row.kept_values else "intet nyt"
            )
        if duplicates == "update" and not row.duplicate_closed and row.duplicate.note:
            state += f" ({row.duplicate.note})"
        if duplicates == "update" and row.duplicate.newer:  # the service's one rule: kept, or overwritten
            state += " – " + "; ".join(newer.text for newer in row.duplicate.newer)
        return redact_cpr(f"{head} – {state}{warned}")
    dates = row.dates_text  # 'start på ressourceforløb 01-03-2021, seneste stillingtagen til …'
    deadline = row.first_deadline
    if deadline is None:
        due = "ingen frister i dette forsøg"
    else:
        # The window's and `schedule`'s text: 'fre 27-11-2026 (fristen 28-11-2026 er en lørdag)'.
        due = f"næste frist {due_text(deadline)}"
        if not deadline.undated and deadline.practical_due != deadline.legal_due:
            due += f", senest i praksis {practical_day_text(deadline)}"
        if deadline.status == OVERDUE:  # as the window's preview marks it ("! 15-11-2026", a tester)
            due += f" – {STATUS_DA[OVERDUE]}"
    return redact_cpr(f"{head}; {dates} – {due}{warned}")


def _undo(store: CaseStore, batch_id: int) -> int:
    from ..services.importing import undo_import

    print(undo_import(store, batch_id).summary)
    return 0


def _list(store: CaseStore) -> int:
    from datetime import datetime

    from ..core.workdays import fmt
    from ..services.importing import import_batches

    batches = import_batches(store)
    if not batches:
        print("Der er ingen importer i databasen.")
        return 0
    for batch in batches:
        line = (
            f"{batch.title} – {batch.created} oprettet, {batch.updated} opdateret, "
            f"{batch.skipped} sprunget over, {batch.invalid} med fejl"
        )
        if batch.undone_at:
            line += f" (fortrudt {fmt(datetime.fromisoformat(batch.undone_at).astimezone().date())})"
        print(line)
    return 0
