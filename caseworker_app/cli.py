"""The command line: `caseworker-app` with no arguments opens the window; subcommands print or export."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from datetime import date

from .cli_common import EXIT_USAGE, UsageError, date_arg, print_error
from .core.catalog import DATE_NAMES, EVENT_NAMES, FORMS, CatalogError, Trial, load_catalog
from .core.schedule import STATUS_DA, Deadline, Event, compute_deadlines
from .core.workdays import fmt, fmt_weekday

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

    trials = commands.add_parser("trials", help="vis forsøgskataloget")
    trials.add_argument("--json", action="store_true", help="skriv JSON")

    from .cli_store import add_store_commands

    add_store_commands(commands)
    from .cli_note import add_note_command

    add_note_command(commands)
    from .cli_export import add_export_commands

    add_export_commands(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script `caseworker-app`."""
    parser = build_parser()
    args = parser.parse_args(argv)
    restore_excepthook = _start_logging()
    try:
        if args.selftest:
            from .selftest import run_selftest

            return run_selftest()
        if args.command == "schedule":
            return _schedule(args)
        if args.command == "trials":
            return _trials(args)
        if args.command in ("demo", "deadlines"):
            from .cli_store import run_store_command

            return run_store_command(args)
        if args.command == "note":
            from .cli_note import run_note_command

            return run_note_command(args)
        if args.command in ("calendar", "plan", "export-ics", "export"):
            from .cli_export import run_export_command

            return run_export_command(args)
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


def _start_logging():
    """Log to the user's log folder and catch unexpected errors (also in Qt slots); returns an undo."""
    from .logs import install_excepthook, setup_logging

    try:
        setup_logging()
    except OSError as exc:  # no writable log folder: the program still works, without a log file
        print(f"caseworker-app: logfilen kan ikke skrives ({exc})", file=sys.stderr)
    return install_excepthook(_show_unexpected_error)


def _show_unexpected_error(text: str) -> None:
    """A Qt message box when there is a window (or no console), else a line on stderr."""
    from .ui.errors import show_error_message

    show_error_message(text)


def _catalog_trial(trial_id: str) -> Trial:
    catalog = load_catalog()
    trial = catalog.get(trial_id.upper())
    if trial is None:
        raise UsageError(f"ukendt forsøg '{trial_id}' (kendte: {', '.join(catalog)})")
    return trial


def _schedule(args: argparse.Namespace) -> int:
    trial = _catalog_trial(args.trial)
    dates = dict(args.date)
    allowed_dates = {d.name for d in trial.dates}
    unknown = sorted(set(dates) - allowed_dates)
    if unknown:
        raise UsageError(
            f"forsøg {trial.id} bruger ikke datoen {', '.join(unknown)} "
            f"(det bruger: {', '.join(sorted(allowed_dates)) or 'ingen datoer'})"
        )
    missing = [d.name for d in trial.dates if d.required and d.name not in dates]
    if missing:
        raise UsageError(
            f"forsøg {trial.id} kræver datoen {', '.join(missing)} (brug --date {missing[0]}=dd-mm-åååå)"
        )
    unknown_events = sorted({e.kind for e in args.event} - set(trial.events))
    if unknown_events:
        raise UsageError(
            f"forsøg {trial.id} bruger ikke hændelsen {', '.join(unknown_events)} "
            f"(det bruger: {', '.join(trial.events) or 'ingen hændelser'})"
        )
    today = args.today or date.today()
    _check_like_the_window(trial, dates, args.event, today)
    deadlines = compute_deadlines(trial, dates, args.event, today, trial_end=args.trial_end)
    if args.json:
        print(
            json.dumps(
                {"deadlines": [d.to_json() for d in deadlines]}, ensure_ascii=False, indent=2
            )
        )
    else:
        print(_deadline_table(trial, deadlines, today))
    return 0


def _check_like_the_window(trial: Trial, dates: dict[str, date], events: list[Event], today: date) -> None:
    """The same checks as the case window: date order and range, no event before its case date or after today."""
    from .core.validation import case_errors, event_errors

    problems = case_errors({trial.id: trial}, citizen="-", case_ref="-", trial_id=trial.id, dates=dates, today=today)
    for name, message in problems.items():
        raise UsageError(f"--date {name}: {message}")
    for event in events:
        problems = event_errors(
            trial, dates, day=event.day, kind=event.kind, form=event.form,
            full_followup=event.full_followup, today=today,
        )
        if problems:
            raise UsageError(f"--event {event.kind}={fmt(event.day)}: {'; '.join(problems.values())}")


def _deadline_table(trial: Trial, deadlines: list[Deadline], today: date) -> str:
    lines = [f"{trial.id} – {trial.title}", f"Beregnet pr. {fmt(today)}", ""]
    if not trial.has_deadlines:
        lines.append("Forsøget har ingen beregnelig frist. Betingelser:")
        lines += [f"  - {c}" for c in trial.conditions]
        return "\n".join(lines)
    if not deadlines:
        lines.append("Ingen kommende frister.")
        return "\n".join(lines)
    for d in deadlines:
        lines.append(
            f"{d.label}: frist {fmt(d.legal_due)} – senest i praksis {fmt_weekday(d.practical_due)}"
            + (f" ({d.day_off})" if d.day_off else "")
            + f" – {STATUS_DA[d.status]}"
        )
        lines.append(f"  Hvorfor: {d.reason}")
        lines.append(f"  {d.rule}")
        lines.append(f"  Henvisning: {d.citation}")
        lines.append(f"  Almindelig regel ville give: {fmt(d.ordinary_due) or 'ingen frist'}")
        lines.append("")
    return "\n".join(lines).rstrip()


def _trials(args: argparse.Namespace) -> int:
    catalog = load_catalog()
    today = date.today()
    if args.json:
        print(
            json.dumps(
                {"trials": [_trial_json(t) for t in catalog.values()]}, ensure_ascii=False, indent=2
            )
        )
        return 0
    for trial in catalog.values():
        print(f"{trial.id}  {trial.short_title}")
        print(f"     {trial.status_text(today)}")
        if trial.dates:
            print(
                f"     datoer: {', '.join(d.name for d in trial.dates)}; hændelser: {', '.join(trial.events)}"
            )
    return 0


def _trial_json(trial: Trial) -> dict:
    return {
        "id": trial.id,
        "title": trial.title,
        "short_title": trial.short_title,
        "start": trial.period.start.isoformat(),
        "end": trial.period.effective_end.isoformat(),
        "has_deadlines": trial.has_deadlines,
        "dates": [{"name": d.name, "label": d.label, "required": d.required} for d in trial.dates],
        "events": list(trial.events),
        "rule_kinds": [r.kind for r in trial.rules],
        "fasit_marking": trial.fasit_marking,
    }


def _open_window(args: argparse.Namespace) -> int:
    from pathlib import Path

    from .ui.app import run_window

    if args.demo:
        import tempfile

        from .store.demo import create_demo_database

        # A fresh demo database every time, outside the user's data folder: demo never touches real data.
        path = Path(tempfile.mkdtemp(prefix="opfoelgningsfrister-demo-")) / "demo.db"
        create_demo_database(path, date.today())
        return run_window(path, demo=True)
    from .store.paths import default_db_path

    path = Path(args.db) if args.db else default_db_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    return run_window(path)


if __name__ == "__main__":
    sys.exit(main())
