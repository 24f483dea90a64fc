"""Commands that take deadlines out: `calendar` and `plan` (PDF), `export-ics` and `export`.

Each reads the deadline list through store.deadlines (the window's function) and writes its file
whole or not at all. Bad input: a Danish message and exit code 2; a database or a file that cannot
be used: a Danish message and exit code 1.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

from ..core.text import count_text
from .common import (
    EXIT_FAILURE,
    add_case_option,
    add_db_option,
    date_arg,
    existing_db_path,
    print_error,
    refuse_damaged,
    resolve_case,
    run_reporting,
)

if TYPE_CHECKING:  # a type only: no import of the store when this module loads
    from ..store.case_store import CaseStore


def _add_today(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--today", type=date_arg, default=None, metavar="DATO", help="beregn som på denne dag")


def _add_caseworker(parser: argparse.ArgumentParser, noun: str) -> None:
    # As the window's exports choose (core.selection.select): a case without a caseworker is with them.
    parser.add_argument(
        "--caseworker",
        default="",
        metavar="NAVN",
        help=f"kun denne sagsbehandlers {noun} (og {noun} uden sagsbehandler)",
    )


def add_export_commands(commands: argparse._SubParsersAction) -> None:
    """Add `calendar`, `plan`, `export-ics` and `export` to the program's subcommands."""
    calendar = commands.add_parser(
        "calendar", help="skriv opfølgningskalenderen for en periode som PDF, som vinduet gør"
    )
    add_db_option(calendar)
    calendar.add_argument(
        "--from", dest="start", type=date_arg, required=True, metavar="DATO", help="periodens første dag, fx 01-02-2021"
    )
    calendar.add_argument(
        "--to", dest="end", type=date_arg, required=True, metavar="DATO", help="periodens sidste dag, fx 31-03-2021"
    )
    calendar.add_argument("--trial", metavar="FORSØG", help="kun dette forsøg, fx T08")
    _add_caseworker(calendar, "sager")
    calendar.add_argument("--only-overdue", action="store_true", help="kun overskredne frister")
    calendar.add_argument(
        "--without-overdue-before",
        action="store_true",
        help="uden de overskredne frister fra før perioden (og frister uden aftalt dato); siden siger hvor mange",
    )
    calendar.add_argument(
        "--layout", choices=("uger", "måneder"), default="uger", help="liste pr. uge (standard) eller månedsoversigt"
    )
    _add_today(calendar)
    calendar.add_argument("--pdf", required=True, metavar="FIL.pdf", help="PDF-filen, der skrives")

    plan = commands.add_parser("plan", help="skriv én borgers opfølgningsplan som PDF")
    add_db_option(plan)
    add_case_option(plan)
    plan.add_argument("--for-citizen", action="store_true", help="udgaven til borgeren (uden regeltekster)")
    _add_today(plan)
    plan.add_argument("--pdf", required=True, metavar="FIL.pdf", help="PDF-filen, der skrives")

    ics = commands.add_parser("export-ics", help="eksportér fristerne til Outlook (.ics)")
    add_db_option(ics)
    ics.add_argument("out", metavar="FIL.ics", help=".ics-filen, der skrives")
    ics.add_argument(
        "--from", dest="start", type=date_arg, default=None, metavar="DATO", help="kun frister fra denne dag"
    )
    ics.add_argument(
        "--to", dest="end", type=date_arg, default=None, metavar="DATO", help="kun frister til og med denne dag"
    )
    _add_caseworker(ics, "frister")
    _add_today(ics)

    sheet = commands.add_parser("export", help="eksportér fristerne eller sagerne til regneark")
    add_db_option(sheet)
    sheet.add_argument("out", metavar="FIL", help="regnearket, der skrives: .xlsx eller .csv")
    sheet.add_argument("--cases", action="store_true", help="sagslisten (alle sager) i stedet for fristerne")
    _add_caseworker(sheet, "frister eller sager")
    _add_today(sheet)


def run_export_command(args: argparse.Namespace) -> int:
    """Run one of the export commands; see the module docstring for exit codes."""
    from ..core.atomic import WriteError
    from ..services.exporting import ExportError, write_failure_text
    from ..store import CaseNotFoundError, StoreError

    try:
        return run_reporting(
            lambda: _run(args),
            usage=(ExportError, CaseNotFoundError),
            failure=(StoreError, WriteError),
        )
    except OSError as exc:
        target = getattr(args, "pdf", None) or getattr(args, "out", "")
        print_error(write_failure_text(target, exc))
        return EXIT_FAILURE


# What each command makes, as a damaged database's refusal names it (common.py refuse_damaged).
_MADE = {
    "calendar": "Opfølgningskalenderen",
    "plan": "Opfølgningsplanen",
    "export-ics": "Eksporten til Outlook",
    "export": "Regnearket",
}


def _run(args: argparse.Namespace) -> int:
    from ..store import CaseStore

    today = args.today or date.today()
    path = existing_db_path(args)
    refuse_damaged(args, path, _MADE[args.command])  # before opening: export-ics opens it for writing
    # Only export-ics writes to the database (what it exported); the others only read it.
    with CaseStore(path, read_only=args.command != "export-ics") as store:
        if args.command == "calendar":
            return _calendar(store, args, today)
        if args.command == "plan":
            return _plan(store, args, today)
        if args.command == "export-ics":
            return _ics(store, args, today)
        return _sheet(store, args, today)


def _caseworker(store: CaseStore, typed: str | None, also: Iterable[str] = ()) -> str:
    """The caseworker named on the command line, spelt as on the cases ('' for everyone).

    Compared as the filter compares names (core.selection.belongs_to: case, and spaces a reader
    cannot tell apart, aside). A name no case has is refused: a typo would otherwise export only the cases without
    a caseworker, and say it was someone's list. Names in also (compared by name_key) are known too: the
    caseworkers an .ics export was made for, whose handed-over cases must still be cancelled."""
    from ..core.collation import sorted_names
    from ..core.selection import belongs_to
    from ..core.text import known_spelling, name_key
    from ..services.exporting import ExportError

    wanted = (typed or "").strip()
    if not wanted:
        return ""
    names = sorted_names({case.caseworker.strip() for case in store.list_cases(include_closed=True)} - {""})
    spellings = [name for name in names if belongs_to(name, wanted)]  # never empty names: this caseworker's
    if spellings:
        # As under Indstillinger, else as typed on a case, else as the window's filter shows it: a
        # colleague's "METTE SØRENSEN" on a case must not head Mette Sørensen's printed calendar, nor
        # an "anne jensen" imported as typed Anne Jensen's (testers). The import's rule (one truth).
        return known_spelling(wanted, store.settings().caseworker_name, spellings)
    if name_key(wanted) in {name_key(name) for name in also}:
        return wanted
    known = f" Sagsbehandlerne på sagerne er: {', '.join(names)}." if names else " Ingen sag har en sagsbehandler."
    raise ExportError(f"Ingen sag har sagsbehandleren '{wanted}'.{known}")


def _qt_for_pdf() -> None:
    """A QApplication for painting pages; offscreen unless a platform is chosen (no window)."""
    if not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is None:
        QApplication([sys.argv[0] if sys.argv and sys.argv[0] else "caseworker-app"])


def _calendar(store: CaseStore, args: argparse.Namespace, today: date) -> int:
    from ..core.workdays import fmt
    from ..services.exporting import PDF_ENDINGS, check_target

    target = check_target(store, args.pdf, PDF_ENDINGS)
    _qt_for_pdf()
    from ..ui.printing.document import pages_text, write_pdf
    from ..ui.printing.jobs import calendar_print_job

    job = calendar_print_job(
        store,
        today,
        start=args.start,
        end=args.end,
        trial=args.trial,
        caseworker=_caseworker(store, args.caseworker),
        only_overdue=args.only_overdue,
        include_overdue_before=not args.without_overdue_before,
        layout=args.layout,
    )
    pages = write_pdf(job, target)
    selection = job.selection
    chosen = f". {selection.chosen_text}" if selection and selection.chosen_text else ""
    print(f"Opfølgningskalender {fmt(args.start)} – {fmt(args.end)} gemt som {target} ({pages_text(pages)}){chosen}")
    if selection and selection.problems:
        from ..core.cases import problems_heading

        _warn(f"{problems_heading(len(selection.problems))}; de står sidst i kalenderen med årsagen.")
        return EXIT_UNCOMPUTABLE
    return 0


def _plan(store: CaseStore, args: argparse.Namespace, today: date) -> int:
    from ..services.exporting import PDF_ENDINGS, check_target

    target = check_target(store, args.pdf, PDF_ENDINGS)
    _qt_for_pdf()
    from ..ui.printing.document import pages_text, write_pdf
    from ..ui.printing.jobs import plan_print_job

    case = resolve_case(store, args.case, args)
    job = plan_print_job(store, case.id, today, for_citizen=args.for_citizen)
    pages = write_pdf(job, target)
    from ..core.redact import redact_cpr

    print(redact_cpr(f"Opfølgningsplan for {case.citizen} ({case.case_ref}) gemt som {target} ({pages_text(pages)})"))
    return 0


def _ics(store: CaseStore, args: argparse.Namespace, today: date) -> int:
    from ..services.exporting import (
        changes_text,
        export_ics,
        left_out_before_text,
        no_ics_deadlines_text,
        omitted_text,
        overdue_text,
    )

    # A caseworker whose last case was handed over may still export: to cancel it in Outlook.
    caseworker = _caseworker(store, args.caseworker, also=store.ics_sent_for().values())
    result = export_ics(store, args.out, today, start=args.start, end=args.end, caseworker=caseworker)
    count = count_text(result.count, "frist", "frister")
    moved = f"; {result.moved} med ny dato siden sidste eksport" if result.moved else ""
    chosen = f" {result.chosen_text()}" if result.chosen else ""
    them = "den" if result.count == 1 else "dem"
    print(f"{count} skrevet til {result.path}{moved}.{chosen} Åbn filen i Outlook for at få {them} i kalenderen.")
    for text in (changes_text(result), left_out_before_text(result), overdue_text(result)):
        if text:
            print(text)
    if not result.count and not result.moved_out:  # kept, for what it cancels in Outlook: said
        _warn(no_ics_deadlines_text(result.chosen, period=args.start is not None or args.end is not None))
    omitted = omitted_text(result)
    if omitted:
        _warn(omitted)
    return EXIT_UNCOMPUTABLE if result.uncomputable else 0


def _sheet(store: CaseStore, args: argparse.Namespace, today: date) -> int:
    from ..services.exporting import export_case_sheet, export_deadline_sheet

    caseworker = _caseworker(store, args.caseworker)
    if args.cases:
        result = export_case_sheet(store, args.out, caseworker=caseworker)
        what = count_text(result.count, "sag", "sager")
    else:
        result = export_deadline_sheet(store, args.out, today, caseworker=caseworker)
        what = count_text(result.count, "frist", "frister")
    print(f"{what} skrevet til {result.path}" + (f". {result.chosen_text()}" if result.chosen else ""))
    if result.uncomputable:
        from ..core.cases import problems_heading

        _warn(f"{problems_heading(result.uncomputable)}; de står nederst i regnearket med årsagen.")
        return EXIT_UNCOMPUTABLE
    return 0


# The file is written, but some cases could not be computed (named on stderr), as `deadlines` says
# it: a nightly job sees that a case is missing from Outlook or the list.
EXIT_UNCOMPUTABLE = 3


def _warn(text: str) -> None:
    """What the file lacks, on stderr after the line that says where it was written."""
    sys.stdout.flush()
    print(text, file=sys.stderr)
