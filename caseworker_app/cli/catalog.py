"""The `schedule` and `trials` commands: the engine and the catalog, without a database."""

from __future__ import annotations

import argparse
import json
from datetime import date

from ..core.catalog import Trial
from ..core.catalog_load import load_catalog
from ..core.deadline import STATUS_DA, Deadline, due_text, ordinary_beside_text, practical_date, practical_day_text
from ..core.participation import participation_warning
from ..core.workdays import fmt
from ..services.catalog_texts import end_change_line, marking_text, names_line, ordinary_rule_lines, period_lines
from .common import UsageError


def run_catalog_command(args: argparse.Namespace) -> int:
    """`caseworker-app schedule …` or `caseworker-app trials …`."""
    return _schedule(args) if args.command == "schedule" else _trials(args)


def _catalog(args: argparse.Namespace) -> tuple[dict[str, Trial], str]:
    """The shipped catalog, or with --db that database's extensions and changed rules too."""
    if not getattr(args, "db", None):
        return load_catalog(), "som leveret med programmet (brug --db for kommunens ændringer)"
    from ..store import CaseStore
    from .common import existing_db_path, refuse_damaged

    path = existing_db_path(args)
    # The municipality's extensions and changed rules come from the file: not from a damaged one.
    refuse_damaged(args, path, "Fristberegningen" if args.command == "schedule" else "Oversigten over forsøgene")
    with CaseStore(path, read_only=True) as store:
        return store.catalog(), f"som leveret, med ændringerne i {path}"


def _municipality(args: argparse.Namespace) -> str:
    """The municipality in the database's settings ('' without --db: the shipped catalog has none)."""
    if not getattr(args, "db", None):
        return ""
    from ..store import CaseStore
    from .common import existing_db_path

    with CaseStore(existing_db_path(args), read_only=True) as store:
        return store.settings().municipality


def _catalog_trial(catalog: dict[str, Trial], trial_id: str) -> Trial:
    trial = catalog.get(trial_id.upper())
    if trial is None:
        raise UsageError(f"ukendt forsøg '{trial_id}' (kendte: {', '.join(catalog)})")
    return trial


def _schedule(args: argparse.Namespace) -> int:
    from ..store import StoreError
    from .common import CommandFailed, run_reporting

    return run_reporting(lambda: _schedule_checked(args), failure=(StoreError, CommandFailed))


def _schedule_checked(args: argparse.Namespace) -> int:
    from ..core.validation import missing_dates
    from ..services.calculator import calculate, trial_status_text

    catalog, catalog_text = _catalog(args)
    trial = _catalog_trial(catalog, args.trial)
    dates = dict(args.date)
    allowed_dates = {d.name for d in trial.dates}
    unknown = sorted(set(dates) - allowed_dates)
    if unknown:
        raise UsageError(
            f"forsøg {trial.id} bruger ikke datoen {', '.join(unknown)} "
            f"(det bruger: {', '.join(sorted(allowed_dates)) or 'ingen datoer'})"
        )
    missing = missing_dates(trial, dates)
    if missing:
        wanted = " eller ".join(f"»{d.label}« (--date {d.name}=DATO)" for d in missing[0])
        raise UsageError(f"forsøg {trial.id} kræver datoen {wanted}")
    unknown_events = sorted({e.kind for e in args.event} - set(trial.events))
    if unknown_events:
        raise UsageError(
            f"forsøg {trial.id} bruger ikke hændelsen {', '.join(unknown_events)} "
            f"(det bruger: {', '.join(trial.events) or 'ingen hændelser'})"
        )
    today = args.today or date.today()
    # The same checks and the same engine call as the Fristberegner tab (services/calculator.py).
    result = calculate(trial, dates, args.event, today, trial_end=args.trial_end)
    for name, message in result.errors.items():
        option = "--trial-end" if name == "trial_end" else f"--date {name}"
        raise UsageError(f"{option}: {message}")
    for event, message in result.event_errors:
        raise UsageError(f"--event {event.kind}={fmt(event.day)}: {message}")
    status = trial_status_text(trial, today, args.trial_end)
    if args.json:
        print(
            json.dumps(
                {"deadlines": [d.to_json() for d in result.deadlines], "trial_status": status},
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        print(_deadline_table(trial, result.deadlines, today, status, catalog_text))
    return 0


def _deadline_table(trial: Trial, deadlines: list[Deadline], today: date, status: str, catalog_text: str) -> str:
    lines = [
        f"{trial.id} – {trial.title}",
        f"Beregnet pr. {fmt(today)}; forsøgskatalog {catalog_text}",
        f"Forsøgets status: {status}",
        "",
    ]
    if not trial.has_deadlines:
        lines.append("Forsøget har ingen beregnelig frist. Betingelser:")
        lines += [f"  - {c}" for c in trial.conditions]
        return "\n".join(lines)
    if not deadlines:
        lines.append("Ingen kommende frister.")
        return "\n".join(lines)
    for d in deadlines:
        if d.undated:
            lines.append(f"{d.label}: {due_text(d)} – {STATUS_DA[d.status]}")
        elif practical_date(d) is None:  # a period's last day: no practical date (decision 7)
            lines.append(f"{d.label}: frist {fmt(d.legal_due)} – {STATUS_DA[d.status]}")
        else:
            lines.append(
                f"{d.label}: frist {fmt(d.legal_due)} – senest i praksis {practical_day_text(d)}"
                f" – {STATUS_DA[d.status]}"
            )
        lines.append(f"  Hvorfor: {d.reason}")
        lines += [f"  ! {remark}" for remark in d.remarks]
        lines.append(f"  {d.rule}")
        lines.append(f"  Henvisning: {d.citation}")
        if beside := ordinary_beside_text(d):  # as the case window and the plan
            lines.append(f"  Almindelig regel ville give: {beside}")
        lines.append("")
    return "\n".join(lines).rstrip()


def _trials(args: argparse.Namespace) -> int:
    from ..store import StoreError
    from .common import CommandFailed, run_reporting

    return run_reporting(lambda: _trials_checked(args), failure=(StoreError, CommandFailed))


def _trials_checked(args: argparse.Namespace) -> int:
    catalog, catalog_text = _catalog(args)
    municipality = _municipality(args) if args.trial else ""
    today = date.today()
    trials = [_catalog_trial(catalog, args.trial)] if args.trial else list(catalog.values())
    if args.json:
        print(
            json.dumps(
                {"trials": [_trial_json(t, today) for t in trials]},
                ensure_ascii=False,
                indent=2,
            )
        )
        return 0
    print(f"Forsøgskatalog {catalog_text}\n")
    shipped = load_catalog() if getattr(args, "db", None) else catalog
    for trial in trials:
        print(f"{trial.id}  {trial.short_title}")
        print(f"     {trial.status_text(today)}")
        changed = end_change_line(trial, shipped.get(trial.id))
        if changed:
            print(f"     {changed}")
        if trial.dates:
            print(f"     {names_line(trial)}")
        for line in ordinary_rule_lines(trial, today):
            print(f"     {line}")
        if args.trial:  # the trial's municipalities and the Forsøgsperiode box, as the Forsøg tab shows them
            print(f"     Kommuner: {', '.join(trial.municipalities) or 'ikke nævnt i kilderne'}")
            if warning := participation_warning(trial, municipality):  # decision 17
                print(f"     ⚠ {warning}")
            # decision 9: a marking the sources require, and whether the municipality has written it
            print(f"     {'⚠ ' if trial.missing_marking else ''}FASIT-markering: {marking_text(trial)}")
            print("     Forsøgsperiode:")
            for line in period_lines(trial):
                print(f"       {line}")
    return 0


def _trial_json(trial: Trial, today: date) -> dict:
    return {
        "id": trial.id,
        "title": trial.title,
        "short_title": trial.short_title,
        "start": trial.period.start.isoformat(),
        "end": trial.period.effective_end.isoformat(),
        "status": trial.status_text(today),
        "has_deadlines": trial.has_deadlines,
        "dates": [{"name": d.name, "label": d.label, "required": d.required} for d in trial.dates],
        "events": list(trial.events),
        "rule_kinds": [r.kind for r in trial.rules],
        "ordinary_rules": ordinary_rule_lines(trial, today),
        "period_lines": period_lines(trial),
        "fasit_marking": trial.fasit_marking,
    }
