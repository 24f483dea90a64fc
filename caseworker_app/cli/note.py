"""`caseworker-app note`: print a case's journal note for FASIT, or list the situations it has."""

from __future__ import annotations

import argparse
from datetime import date

from .common import (
    UsageError,
    add_case_option,
    add_db_option,
    date_arg,
    existing_db_path,
    refuse_damaged,
    resolve_case,
    run_reporting,
)

# Where a caseworker gives each field the note may be missing.
_HOW_TO_GIVE = {
    "reason": 'brug --reason "…"',
    "free_text": 'brug --text "…"',
    "event_date": "brug --date DATO",
    "event_date_long": "brug --date DATO",
    "conditions": "brug --bekraeft NAVN for hver betingelse, du har kontrolleret eller vurderet; se navnene med --list",
    "caseworker": "skriv dit navn under Indstillinger i programmet",
    "municipality": "skriv kommunens navn under Indstillinger i programmet",
}

_CHECK_HINT = (
    "brug --bekraeft frist_kontrolleret, når du har kontrolleret fristen efter de regler, der gælder i dag: "
    "den almindelige regel kan være ændret, siden kataloget sidst kontrollerede den"
)


def add_note_command(commands: argparse._SubParsersAction) -> None:
    """Add `note` to the program's subcommands."""
    note = commands.add_parser(
        "note",
        help="skriv et journalnotat til FASIT for en sag",
        description=(
            "Skriver notatet på standard-output, klar til at sætte ind i FASIT. Notatet gemmes ikke i sagens "
            "historik og tælles derfor ikke i evalueringens 'Journalnotater skrevet': kopiér det fra vinduet "
            "(Journalnotat …), hvis det skal tælle med."
        ),
    )
    add_db_option(note)
    add_case_option(note)
    note.add_argument("--situation", metavar="NAVN", help="fx opfoelgning, henvendelse, plan_ikke_justeret (se --list)")
    note.add_argument("--list", action="store_true", help="vis de situationer, sagens forsøg har journalnotater til")
    note.add_argument("--text", default="", metavar="TEKST", help="din egen tekst, fx et resumé af samtalen")
    note.add_argument(
        "--reason", default="", metavar="BEGRUNDELSE", help="begrundelsen, fx hvorfor indsatsplanen ikke justeres"
    )
    note.add_argument(
        "--date",
        type=date_arg,
        default=None,
        metavar="DATO",
        help="dato for hændelsen, fx opfølgningen (standard: seneste registrerede)",
    )
    note.add_argument("--today", type=date_arg, default=None, metavar="DATO", help="notatets dato (standard: i dag)")
    note.add_argument(
        "--bekraeft",
        action="append",
        default=[],
        metavar="NAVN",
        help="bekræft en betingelse, som sagens datoer ikke kan vise, eller frist_kontrolleret: at du har "
        "kontrolleret fristen efter de regler, der gælder i dag, eller deltagelse_kontrolleret: at kommunen "
        "deltager i forsøget, når den ikke er nævnt blandt forsøgets kommuner (se --list)",
    )


def run_note_command(args: argparse.Namespace) -> int:
    """Print the note or the list; Danish message and exit 2 for bad input, 1 for the database."""
    from ..store import CaseNotFoundError, StoreError

    return run_reporting(lambda: _note(args), usage=(CaseNotFoundError,), failure=(StoreError,))


def _note(args: argparse.Namespace) -> int:
    from ..core.note_conditions import (
        DEADLINE_CHECK,
        DEADLINE_CHECK_TEXT,
        DEADLINE_UNCHECKED,
        EXTENSION_CHECK,
        EXTENSION_UNCHECKED,
        confirmable_conditions,
        extension_check_text,
    )
    from ..core.note_deadline import event_to_register, unregistered_problem
    from ..core.note_errors import MissingFieldError, NoteError
    from ..core.note_refusals import offered_situations
    from ..core.note_situations import event_kind
    from ..core.note_subject import crossed_out_problem
    from ..core.note_values import deadline_check_needed, extension_check_needed
    from ..core.notes import render_note
    from ..core.participation import (
        PARTICIPATION_CHECK,
        PARTICIPATION_UNCHECKED,
        participation_check_needed,
        participation_check_text,
    )
    from ..core.schedule import resolve_dates
    from ..store import CaseStore

    if not args.list and not args.situation:
        raise UsageError("angiv --situation NAVN, eller se sagens situationer med --list")
    path = existing_db_path(args, how_to_create=False)
    refuse_damaged(args, path, "Listen over sagens journalnotater" if args.list else "Notatet")
    with CaseStore(path, read_only=True) as store:
        case = resolve_case(store, args.case, args)
        trial = store.catalog().get(case.trial_id)
        if trial is None:
            raise UsageError(f"sag nr. {case.id} hører til forsøg {case.trial_id}, som ikke findes i kataloget")
        if args.list:
            from ..core.redact import redact_cpr

            print(
                redact_cpr(f"Journalnotater for sag nr. {case.id}: {case.citizen} ({case.case_ref}), forsøg {trial.id}")
            )
            note_day = args.today or date.today()
            # Marked as the window marks them that day: a note refused is said so, and why (decision 15).
            offered = offered_situations(trial, case, note_day)
            for name, title, refusal in offered:
                own = store.note_template(trial.id, name) is not None
                print(f"  {name:<22} {title}" + (" (kommunens egen skabelon)" if own else ""))
                if refusal:
                    print(f"  {'':<22} {refusal}")
            confirmable = confirmable_conditions(trial, resolve_dates(trial, case.dates)[0], case.events)
            if confirmable:
                judged = any(c.assessment for c in confirmable)
                done = "kontrolleret eller vurderet" if judged else "kontrolleret"
                print(f"Betingelser, du skal bekræfte (--bekraeft NAVN), når du har {done} dem:")
                for condition in confirmable:
                    mine = " (din vurdering)" if condition.assessment else ""
                    print(f"  {condition.name:<22} {condition.text}{mine}")
            checks = [
                name
                for name, _, refusal in offered
                if not refusal
                and deadline_check_needed(trial, case, name, None, note_day, store.note_template(trial.id, name))
            ]
            if checks:
                print(
                    f"Fristen skal du bekræfte (--bekraeft {DEADLINE_CHECK}), når du har kontrolleret den, "
                    f"i notaterne {', '.join(checks)}:"
                )
                print(f"  {DEADLINE_CHECK:<22} {DEADLINE_CHECK_TEXT}")
            lapsed = {
                name: found
                for name, _, refusal in offered
                if not refusal
                and (
                    found := extension_check_needed(
                        trial, case, name, None, note_day, store.note_template(trial.id, name)
                    )
                )
            }
            for extension, lapse in dict.fromkeys(lapsed.values()):
                print(
                    f"Forlængelsen skal du bekræfte (--bekraeft {EXTENSION_CHECK}), når du har kontrolleret den, "
                    f"i notaterne {', '.join(n for n, found in lapsed.items() if found == (extension, lapse))}:"
                )
                print(f"  {EXTENSION_CHECK:<22} {extension_check_text(extension.end, lapse.ended)}")
            municipality = store.settings().municipality
            applying = [name for name, _, refusal in offered if not refusal]
            if applying and participation_check_needed(trial, municipality):  # decision 17
                print(
                    f"Kommunens deltagelse skal du bekræfte (--bekraeft {PARTICIPATION_CHECK}), når du har "
                    f"kontrolleret den, i notaterne {', '.join(applying)}:"
                )
                print(f"  {PARTICIPATION_CHECK:<22} {participation_check_text(trial, municipality)}")
            return 0
        # A corrected or cancelled event: the note would bring its date back to FASIT (as the window).
        crossed_out = crossed_out_problem(store.history(case.id), event_kind(trial, args.situation), args.date)
        if crossed_out:
            raise UsageError(crossed_out)
        checks = {DEADLINE_CHECK, EXTENSION_CHECK, PARTICIPATION_CHECK}
        unknown = sorted(set(args.bekraeft) - {c.name for c in trial.note_conditions} - checks)
        if unknown:  # a typo would only say the right one is missing (a tester)
            names = ", ".join(c.name for c in trial.note_conditions) or "ingen"
            raise UsageError(
                f"forsøg {trial.id} har ingen betingelse ved navn {', '.join(unknown)}; dets betingelser er: {names} "
                f"(se dem med --list; en frist, du har kontrolleret, bekræftes med --bekraeft {DEADLINE_CHECK})"
            )
        note_day = args.today or date.today()
        settings = store.settings()
        try:
            note = render_note(
                trial,
                case,
                args.situation,
                note_date=note_day,
                caseworker=settings.caseworker_name,
                municipality=settings.municipality,
                free_text=args.text,
                reason=args.reason,
                event_date=args.date,
                template=store.note_template(trial.id, args.situation),
                confirmed=tuple(args.bekraeft),
            )
        except MissingFieldError as exc:
            hints = dict.fromkeys(_HOW_TO_GIVE[n] for n in exc.fields if n in _HOW_TO_GIVE)
            if DEADLINE_UNCHECKED in exc.labels:  # decisions 13 and 15: the reform caution is confirmed
                hints[_CHECK_HINT] = None
            template = store.note_template(trial.id, args.situation)
            lapsed = extension_check_needed(trial, case, args.situation, args.date, note_day, template)
            if EXTENSION_UNCHECKED in exc.labels and lapsed is not None:  # decisions 4 and 15
                text = extension_check_text(lapsed[0].end, lapsed[1].ended)
                checked = text.removeprefix("Jeg har kontrolleret, ")
                hints[f"brug --bekraeft {EXTENSION_CHECK}, når du har kontrolleret, {checked}"] = None
            if PARTICIPATION_UNCHECKED in exc.labels:  # decision 17
                text = participation_check_text(trial, settings.municipality).removeprefix("Jeg har kontrolleret, ")
                hints[f"brug --bekraeft {PARTICIPATION_CHECK}, når du har kontrolleret, {text}"] = None
            raise UsageError(str(exc) + (f" ({'; '.join(hints)})" if hints else "")) from None
        except NoteError as exc:
            raise UsageError(str(exc)) from None
        event = event_to_register(trial, case, args.situation, args.date)
        if event is not None:  # its next deadline counts an event the lists do not have: as the window
            raise UsageError(unregistered_problem(event, note_day, case))
    print(note)
    return 0
