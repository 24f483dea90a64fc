"""The `schedule` and `trials` commands: the engine and the catalog, without a database."""

from __future__ import annotations

import argparse
import json
from datetime import date

from .cli_common import UsageError
from .core.catalog import Trial, load_catalog
from .core.schedule import STATUS_DA, Deadline, Event, compute_deadlines
from .core.workdays import fmt, fmt_weekday


def run_catalog_command(args: argparse.Namespace) -> int:
    """`caseworker-app schedule …` or `caseworker-app trials …`."""
    return _schedule(args) if args.command == "schedule" else _trials(args)


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
