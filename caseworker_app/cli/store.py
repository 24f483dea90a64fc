"""Commands on a case database: `demo` writes demo data, `deadlines` prints the deadlines."""

from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from .common import (
    UsageError,
    add_db_option,
    date_arg,
    existing_db_path,
    refuse_damaged,
    run_reporting,
)

if TYPE_CHECKING:
    from ..core.cases import CaseDeadline, CaseProblem

# The columns of `deadlines`; a citizen's name wraps at this width, nothing is cut (core/text_table.py).
DEADLINE_COLUMNS = ("Frist", "Senest i praksis", "Borger", "Sagsnr.", "Forsøg", "Hvad")
DEADLINE_WIDTHS = (11, 17, 22, 10, 7)  # as wide as they always were: a wider cell widens its column
NAME_WIDTH = 22

# `deadlines`: every deadline was printed, but some cases could not be computed (named on stderr).
EXIT_UNCOMPUTABLE = 3


def add_store_commands(commands: argparse._SubParsersAction) -> None:
    """Add `demo` and `deadlines` to the program's subcommands."""
    demo = commands.add_parser("demo", help="skriv en ny demo-database med ca. 40 opdigtede sager")
    add_db_option(demo, help="den nye databasefil (må ikke findes)")
    demo.add_argument("--today", type=date_arg, default=None, metavar="DATO", help="lav demodata som på denne dag")

    deadlines = commands.add_parser("deadlines", help="vis alle frister i databasen, som vinduet viser dem")
    add_db_option(deadlines)
    deadlines.add_argument("--today", type=date_arg, default=None, metavar="DATO", help="beregn som på denne dag")
    deadlines.add_argument("--json", action="store_true", help="skriv JSON")


def run_store_command(args: argparse.Namespace) -> int:
    """Run `demo` or `deadlines`; an unusable database: a Danish message and exit code 1."""
    from ..store import StoreError

    try:
        run = _demo if args.command == "demo" else _deadlines
        return run_reporting(lambda: run(args), failure=(StoreError,))
    except BrokenPipeError:
        # The reader stopped early (`... | head`): not an error; silence the flush at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _demo(args: argparse.Namespace) -> int:
    from ..core.command_line import command_arg
    from ..core.workdays import fmt
    from ..store.demo import create_demo_database

    if not args.db:
        raise UsageError("angiv den nye databasefil med --db, fx --db demo.db")
    path = Path(args.db)
    if path.exists():
        raise UsageError(
            f"filen {path} findes allerede. Demodata skrives kun i en ny fil; vælg et andet navn eller slet filen selv."
        )
    today = args.today or date.today()
    create_demo_database(path, today)
    print(f"Demo-database skrevet: {path} (opdigtede sager, datoer regnet fra {fmt(today)})")
    print(f"Se fristerne: caseworker-app deadlines --db {command_arg(path)}")
    return 0


def _deadlines(args: argparse.Namespace) -> int:
    from ..store import CaseStore

    path = existing_db_path(args)
    refuse_damaged(args, path, "Listen over fristerne")  # the deadlines the window would show, not a damaged file's
    today = args.today or date.today()
    with CaseStore(path, read_only=True) as store:  # a read command never writes the file
        items = store.deadlines(today)
        problems = store.uncomputable()
        settings = store.settings()
        active = len(store.list_cases(include_closed=False))
    if args.json:
        data = {
            "deadlines": [cd.to_json() for cd in items],
            "cannot_compute": [p.to_json() for p in problems],
        }
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        print(
            deadline_report(
                items,
                today,
                path=path,
                municipality=settings.municipality,
                active_cases=active,
                horizon_days=settings.trial_end_horizon_days,
                uncomputable=len(problems),
                soon_days=settings.warning_days,
            )
        )
    if not problems:
        return 0
    sys.stdout.flush()  # the deadlines first, then what is missing from them
    print(problems_text(problems), file=sys.stderr)
    return EXIT_UNCOMPUTABLE


def problems_text(problems: list[CaseProblem]) -> str:
    """'2 sager kan ikke beregnes:' and a line per case (FASIT number and id, never a name)."""
    from ..core.cases import problems_heading

    return "\n".join([f"{problems_heading(len(problems))}:", *(f"  {p.line}" for p in problems)])


def deadline_report(
    items: list[CaseDeadline],
    today: date,
    *,
    path: Path | None = None,
    municipality: str = "",
    active_cases: int | None = None,
    horizon_days: int = 90,
    uncomputable: int = 0,
    soon_days: int = 30,
) -> str:
    """The deadline list as Danish text, grouped overdue / this week / the 'snart' days / later."""
    # Imported here, like the other commands' modules: the parser is built before the window opens.
    from ..core.cases import group_of, group_titles, problems_heading
    from ..core.deadline import due_text, practical_weekday_text
    from ..core.deadline_notices import ended_trial_counts, ended_trial_lines, trial_end_counts, trial_end_lines
    from ..core.redact import redact_cpr
    from ..core.text import count_text, number_text, printable
    from ..core.text_table import column_widths, table_lines
    from ..core.workdays import fmt

    title = f"Frister pr. {fmt(today)}" + (f" – {municipality}" if municipality else "")
    lines = [title]
    if active_cases is not None:
        count = (
            f"{count_text(len(items), 'frist', 'frister')} i {count_text(active_cases, 'aktiv sag', 'aktive sager')}"
        )
        if uncomputable:
            count += f"; {problems_heading(uncomputable)}"
        lines.append(count)
    if path is not None:
        lines.append(f"Database: {path}")
    titles = group_titles(soon_days)
    groups: dict[str, list[CaseDeadline]] = {key: [] for key in titles}
    rows: dict[int, list[str]] = {}
    for item in items:
        groups[group_of(item.deadline, today)].append(item)
        d, case = item.deadline, item.case
        # An undated deadline's text is longer than the date column: it gets a line of its own.
        rows[id(item)] = [
            "" if d.undated else due_text(d),
            practical_weekday_text(d),
            printable(redact_cpr(case.citizen)),
            printable(redact_cpr(case.case_ref)),
            case.trial_id,
            d.label,
        ]
    # One set of widths for every group, so they line up; the FASIT number is never cut, a name wraps.
    widths = column_widths(DEADLINE_COLUMNS, rows.values(), wrap={2: NAME_WIDTH}, least=DEADLINE_WIDTHS)
    under = f"  {'':<{widths[0]}} "  # the lines below a deadline start under its second column
    for key, title in titles.items():
        lines += ["", f"{title} ({number_text(len(groups[key]))})"]
        if not groups[key]:
            lines.append("  Ingen.")
            continue
        lines += table_lines(DEADLINE_COLUMNS, widths)
        for item in groups[key]:
            d = item.deadline
            lines += table_lines(rows[id(item)], widths)
            if d.undated:
                lines.append(f"{under}Frist: {due_text(d)}")
            lines.append(f"{under}Hvorfor: {d.reason}")
            lines += [f"{under}{'':<8} {more}" for more in d.remarks]
    # The lines trial_end_notices joins, each under a heading that fits: ended, then ending soon.
    deadlines = [item.deadline for item in items]
    for heading, notices in (
        ("Forsøg, der er slut", ended_trial_lines(ended_trial_counts(deadlines, today))),
        ("Forsøg, der snart slutter", trial_end_lines(trial_end_counts(deadlines, today, horizon_days))),
    ):
        if notices:
            lines += ["", heading, *(f"  ! {notice}" for notice in notices)]
    return "\n".join(lines)
