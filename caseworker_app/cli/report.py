"""`report`: the evaluation report for a period (PDF, .xlsx or a coordinator's counts file), and
`report --merge`: several caseworkers' counts files summed into one report for the municipality.

Bad input (a period, trial, caseworker or counts file that cannot be used): a Danish message and
exit code 2. A database or a file that cannot be read or written: exit code 1. A file is written
whole or not at all.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from typing import TYPE_CHECKING

from .common import (
    EXIT_FAILURE,
    EXIT_USAGE,
    UsageError,
    add_db_option,
    date_arg,
    existing_db_path,
    print_error,
    refuse_damaged,
    run_reporting,
)

if TYPE_CHECKING:  # a type only: no import of the store when this module loads
    from ..store.case_store import CaseStore


def _minutes(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' er ikke et antal minutter (et helt tal, fx 45)") from None
    if not 1 <= value <= 24 * 60:
        raise argparse.ArgumentTypeError(f"minutter pr. opfølgning skal være mellem 1 og {24 * 60}")
    return value


def add_report_command(commands: argparse._SubParsersAction) -> None:
    """Add `report` to the program's subcommands."""
    report = commands.add_parser(
        "report",
        help="evalueringsrapporten for en periode (PDF, regneark eller tal-fil), eller læg tal-filer sammen",
    )
    add_db_option(report)
    report.add_argument(
        "--from", dest="start", type=date_arg, metavar="DATO", help="periodens første dag, fx 01-01-2020"
    )
    report.add_argument(
        "--to", dest="end", type=date_arg, metavar="DATO", help="periodens sidste dag, fx 31-12-2021 (højst i dag)"
    )
    report.add_argument(
        "--trial",
        action="append",
        metavar="FORSØG",
        help="kun dette forsøg (kan gentages); standard: forsøg med sager i perioden",
    )
    who = report.add_mutually_exclusive_group()
    who.add_argument(
        "--caseworker",
        metavar="NAVN",
        help="kun denne sagsbehandlers sager (standard: navnet under Indstillinger); sager uden "
        "sagsbehandler tælles kun med --all",
    )
    who.add_argument("--all", action="store_true", help="alle sager i databasen, også sager uden sagsbehandler")
    report.add_argument(
        "--minutes",
        type=_minutes,
        default=None,
        metavar="MINUTTER",
        help="minutter pr. opfølgning for frigjorte timer (standard: gemt, ellers 60)",
    )
    report.add_argument(
        "--merge",
        nargs="+",
        metavar="FIL.json",
        help="læg sagsbehandlernes tal-filer sammen (periode og forsøg står i filerne); fra samme database "
        "enten én fil for alle sagsbehandlere eller én pr. sagsbehandler",
    )
    out = report.add_mutually_exclusive_group(required=True)
    out.add_argument("--pdf", metavar="FIL.pdf", help="skriv rapporten som PDF")
    out.add_argument("--xlsx", metavar="FIL.xlsx", help="skriv rapporten som regneark")
    out.add_argument(
        "--json",
        nargs="?",
        const="-",
        metavar="FIL.json",
        help="skriv tallene alene (til koordinatoren); uden filnavn på skærmen",
    )
    report.add_argument("--today", type=date_arg, default=None, metavar="DATO", help="regn som på denne dag")


def run_report_command(args: argparse.Namespace) -> int:
    """Run `report`; see the module docstring for exit codes."""
    from ..core.atomic import WriteError
    from ..core.evaluation_figures import EvaluationError
    from ..services.exporting import ExportError, write_failure_text
    from ..store import StoreError

    try:
        return run_reporting(lambda: _run(args), usage=(EvaluationError, ExportError), failure=(StoreError, WriteError))
    except OSError as exc:
        print_error(write_failure_text(args.pdf or args.xlsx or args.json or "", exc))
        return EXIT_FAILURE


def _run(args: argparse.Namespace) -> int:
    today = args.today or date.today()
    if args.merge:
        return _merge(args, today)
    if args.start is None or args.end is None:
        raise UsageError("angiv periodens første og sidste dag med --from og --to (eller --merge).")
    from ..services.evaluation import build_evaluation, counts_bytes, report_rows
    from ..store import CaseStore
    from ..store.evaluation_queries import load_report_settings

    path = existing_db_path(args)
    refuse_damaged(args, path, "Evalueringen")  # figures the municipality reports on
    with CaseStore(path, read_only=True) as store:  # a report only reads
        targets = _targets(args, store)
        caseworker = "" if args.all else (args.caseworker or store.settings().caseworker_name)
        evaluation = build_evaluation(
            store,
            start=args.start,
            end=args.end,
            today=today,
            trials=args.trial,
            caseworker=caseworker,
            minutes=args.minutes,
        )
        if args.json is not None:
            return _write_json(args.json, counts_bytes(store, evaluation), targets)
        rows = report_rows(evaluation, store.catalog())
        texts = load_report_settings(store).texts
        user = store.settings().caseworker_name
    return _write_report(args, evaluation, rows, texts, today, user, targets)


def _targets(args: argparse.Namespace, store: CaseStore | None = None):
    """The output path checked (ending, not a folder, not the database); None for stdout."""
    from pathlib import Path

    from ..services.exporting import PDF_ENDINGS, ExportError, check_target

    if args.pdf:
        return check_target(store, args.pdf, PDF_ENDINGS) if store else _check_plain(args.pdf, PDF_ENDINGS)
    if args.xlsx:
        return check_target(store, args.xlsx, (".xlsx",)) if store else _check_plain(args.xlsx, (".xlsx",))
    if args.json == "-":
        return None
    path = Path(args.json)
    if path.suffix.lower() != ".json":
        raise ExportError(f"Kan ikke gemme {path}: filnavnet skal ende på .json.")
    return check_target(store, path, (".json",)) if store else _check_plain(path, (".json",))


def _check_plain(path, endings):
    from pathlib import Path

    from ..services.exporting import ExportError

    target = Path(path)
    if target.is_dir():
        raise ExportError(f"Kan ikke gemme {target}: det er en mappe. Angiv et filnavn.")
    if target.suffix.lower() not in endings:
        raise ExportError(f"Kan ikke gemme {target}: filnavnet skal ende på {' eller '.join(endings)}.")
    return target


def _write_json(_: str, data: bytes, target) -> int:
    from ..core.atomic import atomic_write_bytes

    if target is None:
        sys.stdout.write(data.decode("utf-8"))
        return 0
    atomic_write_bytes(target, data)
    print(f"Tallene (uden navne, CPR- og sagsnumre) er gemt i {target}")
    return 0


def _write_report(args, evaluation, rows, texts, today, user, target) -> int:
    if args.pdf:
        from .export import _qt_for_pdf

        _qt_for_pdf()
        from ..ui.printing.document import pages_text
        from ..ui.printing.evaluation import evaluation_print_job, write_evaluation_pdf

        job = evaluation_print_job(evaluation, rows, texts, printed_on=today, user=user)
        pages = write_evaluation_pdf(target, job)
        print(f"Evaluering {evaluation.period.text} gemt som {target} ({pages_text(pages)})")
        return 0
    from ..services.evaluation_output import report_workbook, write_report_xlsx

    write_report_xlsx(target, report_workbook(evaluation, rows, texts, printed_on=today, user=user))
    print(f"Evaluering {evaluation.period.text} gemt som {target}")
    return 0


def _merge(args: argparse.Namespace, today: date) -> int:
    if args.start or args.end or args.trial or args.caseworker or args.all:
        raise UsageError(
            "--merge tager periode og forsøg fra filerne: brug ikke --from, --to, --trial, "
            "--caseworker eller --all sammen med --merge."
        )
    from ..core.evaluation_figures import DEFAULT_MINUTES
    from ..core.evaluation_merge import counts_json
    from ..services.evaluation import merge_files, report_rows

    target = _targets(args)
    texts: dict[str, str] = {}
    minutes = args.minutes
    if getattr(args, "db", None):
        from ..store import CaseStore
        from ..store.evaluation_queries import load_report_settings

        with CaseStore(existing_db_path(args), read_only=True) as store:  # a report only reads
            catalog = store.catalog()
            texts = load_report_settings(store).texts
            if minutes is None:
                minutes = load_report_settings(store).minutes
    else:
        from ..store.overrides_store import shipped_catalog

        catalog = shipped_catalog()
    evaluation = merge_files(args.merge, minutes or DEFAULT_MINUTES, catalog)
    if args.json is not None:
        merged = {
            "merged_from": evaluation.merged_from,
            "period": {"from": evaluation.period.start.isoformat(), "to": evaluation.period.end.isoformat()},
            "municipality": evaluation.municipality,
            "trials": {
                f.trial_id: {
                    "counts": dict(sorted(f.counts.items())),
                    "hists": {k: {str(d): n for d, n in sorted(h.items())} for k, h in f.hists.items()},
                    "unassigned": f.unassigned,
                }
                for f in evaluation.trials
            },
        }
        return _write_json(args.json, counts_json(merged), target)
    rows = report_rows(evaluation, catalog)
    return _write_report(args, evaluation, rows, texts, today, "", target)


__all__ = ["EXIT_USAGE", "add_report_command", "run_report_command"]
