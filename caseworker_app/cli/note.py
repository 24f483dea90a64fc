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
    from ..core.confirmations import asked_confirmations
    from ..core.note_conditions import DEADLINE_CHECK, DEADLINE_UNCHECKED, EXTENSION_CHECK, EXTENSION_UNCHECKED
    from ..core.note_deadline import event_to_register, unregistered_problem
    from ..core.note_errors import MissingFieldError, NoteError
    from ..core.note_situations import event_kind
    from ..core.note_subject import crossed_out_problem
    from ..core.notes import render_note
    from ..core.participation import PARTICIPATION_CHECK, PARTICIPATION_UNCHECKED
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
            _list_notes(store, case, trial, args.today or date.today())
            return 0
        # A corrected or cancelled event: the note would bring its date back to FASIT (as the window).
        crossed_out = crossed_out_problem(store.history(case.id), event_kind(trial, args.situation), args.date)
        if crossed_out:
            raise UsageError(crossed_out)
        checks = {DEADLINE_CHECK, EXTENSION_CHECK, PARTICIPATION_CHECK}
        longer = {c.longer_name for c in trial.note_conditions if c.longer_name}  # decision 19
        unknown = sorted(set(args.bekraeft) - {c.name for c in trial.note_conditions} - checks - longer)
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
            # The checks' texts as the note window's boxes show them (decisions 4, 15 and 17).
            template = store.note_template(trial.id, args.situation)
            asked = asked_confirmations(
                trial, case, args.situation, args.date, note_day, template, settings.municipality
            )
            for check, label in (
                (EXTENSION_CHECK, EXTENSION_UNCHECKED),
                (PARTICIPATION_CHECK, PARTICIPATION_UNCHECKED),
            ):
                if label in exc.labels and check in asked:
                    checked = asked[check].shown.removeprefix("Jeg har kontrolleret, ")
                    hints[f"brug --bekraeft {check}, når du har kontrolleret, {checked}"] = None
            raise UsageError(str(exc) + (f" ({'; '.join(hints)})" if hints else "")) from None
        except NoteError as exc:
            raise UsageError(str(exc)) from None
        event = event_to_register(trial, case, args.situation, args.date)
        if event is not None:  # its next deadline counts an event the lists do not have: as the window
            raise UsageError(unregistered_problem(event, note_day, case))
    print(note)
    return 0


def _list_notes(store, case, trial, note_day: date) -> None:
    """Print the trial's notes for the case, marked as the window marks them on note_day (a refused one
    says why: decision 15), then what each note asks the caseworker to confirm: the boxes the note
    window shows for it (core/confirmations.py asked_confirmations), by --bekraeft name."""
    from ..core.confirmations import asked_confirmations
    from ..core.note_conditions import DEADLINE_CHECK, DEADLINE_CHECK_TEXT, EXTENSION_CHECK, condition_boxes
    from ..core.note_errors import NoteError
    from ..core.note_refusals import offered_situations
    from ..core.participation import PARTICIPATION_CHECK
    from ..core.redact import redact_cpr
    from ..core.text_table import column_widths, table_lines

    print(redact_cpr(f"Journalnotater for sag nr. {case.id}: {case.citizen} ({case.case_ref}), forsøg {trial.id}"))
    municipality = store.settings().municipality
    lines: list[str | tuple[str, str]] = []  # a heading, or a row of a name and its text
    asked = {}
    for name, title, refusal in offered_situations(trial, case, note_day):
        template = store.note_template(trial.id, name)
        lines.append((name, title + (" (kommunens egen skabelon)" if template is not None else "")))
        if refusal:
            lines.append(("", refusal))
            continue
        try:
            asked[name] = asked_confirmations(trial, case, name, None, note_day, template, municipality)
        except NoteError:  # the note itself says why when it is written
            continue

    def notes(wanted) -> str:
        return ", ".join(name for name, boxes in asked.items() if wanted(boxes))

    conditions = [c for c in condition_boxes(trial) if any(c.name in boxes for boxes in asked.values())]
    if conditions:
        done = "kontrolleret eller vurderet" if any(c.assessment for c in conditions) else "kontrolleret"
        lines.append(
            f"Betingelser, du skal bekræfte (--bekraeft NAVN), når du har {done} dem, i notaterne "
            f"{notes(lambda boxes: any(c.name in boxes for c in conditions))}:"
        )
        lines += [(c.name, c.text + (" (din vurdering)" if c.assessment else "")) for c in conditions]
    if any(DEADLINE_CHECK in boxes for boxes in asked.values()):
        lines.append(
            f"Fristen skal du bekræfte (--bekraeft {DEADLINE_CHECK}), når du har kontrolleret den, i notaterne "
            f"{notes(lambda boxes: DEADLINE_CHECK in boxes)}:"
        )
        lines.append((DEADLINE_CHECK, DEADLINE_CHECK_TEXT))
    # One extension's check per extension the notes' bases rest on (its text names it).
    for text in dict.fromkeys(boxes[EXTENSION_CHECK].shown for boxes in asked.values() if EXTENSION_CHECK in boxes):
        lines.append(
            f"Forlængelsen skal du bekræfte (--bekraeft {EXTENSION_CHECK}), når du har kontrolleret den, i notaterne "
            f"{notes(lambda boxes: EXTENSION_CHECK in boxes and boxes[EXTENSION_CHECK].shown == text)}:"  # noqa: B023
        )
        lines.append((EXTENSION_CHECK, text))
    participation = next((b[PARTICIPATION_CHECK].shown for b in asked.values() if PARTICIPATION_CHECK in b), "")
    if participation:  # decision 17
        lines.append(
            f"Kommunens deltagelse skal du bekræfte (--bekraeft {PARTICIPATION_CHECK}), når du har kontrolleret "
            f"den, i notaterne {notes(lambda boxes: PARTICIPATION_CHECK in boxes)}:"
        )
        lines.append((PARTICIPATION_CHECK, participation))
    rows = [line for line in lines if isinstance(line, tuple)]
    widths = column_widths(("", ""), rows, least=(22,))  # the names in one column, however long
    for line in lines:
        print(line if isinstance(line, str) else "\n".join(table_lines(line, widths)))
