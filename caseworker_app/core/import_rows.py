"""One row of an imported case list as the case it will be saved as, with its faults in Danish.

The cells are read by import_parse; the case is then checked by validation.case_errors and the last
follow-up by validation.event_errors, the same checks the case window makes before saving.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from types import MappingProxyType

from .catalog import Trial
from .cpr import is_masked_cpr
from .event import Event
from .import_date_order import MonthFirst, parse_ordered_date_cell
from .import_mapping import (
    DATE_FIELDS,
    EVENT_FIELDS,
    FIELD_LABELS,
    LAST_DECISION,
    LAST_FOLLOWUP,
    ColumnMapping,
)
from .import_parse import CellError, check_readable, parse_cpr_cell, parse_date_cell, parse_text_cell, read_trial_cell
from .import_remarks import row_text
from .import_table import SourceRow
from .redact import redact_cpr
from .terms import DATE_NAMES
from .validation import DATE_ORDER, case_errors, event_errors


@dataclass(frozen=True)
class CaseDraft:
    """A case as an import row gives it; given names the fields the row has a value for."""

    citizen: str = ""
    case_ref: str = ""
    trial_id: str = ""
    cpr: str | None = None
    caseworker: str = ""
    note: str = ""
    dates: Mapping[str, date] = field(default_factory=dict[str, date])
    last_followup: date | None = None
    last_decision: date | None = None  # the latest decision on the plan (T07), outcome not given
    given: frozenset[str] = frozenset()
    # "'Førtidspension i løntilskud' er læst som T08 – …; kontrollér": the trial read by its words
    trial_read: str = ""

    def last_events(self) -> dict[str, date]:
        """The events the row registers: import field → day (EVENT_FIELDS gives each field's kind)."""
        days = {LAST_FOLLOWUP: self.last_followup, LAST_DECISION: self.last_decision}
        return {name: day for name, day in days.items() if day is not None}


@dataclass(frozen=True, slots=True)
class RowError:
    """A fault of one row: its spreadsheet row, the column's header (None: no column gives the
    field), the field, and the Danish message (what is wrong and what to do)."""

    row: int
    column: str | None
    field: str
    message: str

    @property
    def text(self) -> str:
        """'Række 7, kolonne "Ansat": '31-11-2026': den dag findes ikke – november 2026 har 30 dage'."""
        if self.column is None:
            where = f"Række {self.row} (ingen kolonne er valgt som '{FIELD_LABELS.get(self.field, self.field)}')"
        else:
            where = f"Række {self.row}, kolonne '{self.column}'"
        return redact_cpr(f"{where}: {self.message}")  # a CPR number quoted from a cell stays masked


_TEXT_FIELDS = {"citizen": False, "case_ref": False, "caseworker": False, "note": True}


def _hint(field: str, message: str) -> str:
    """What to do, where the shared check's message says only what is wrong."""
    if field in DATE_NAMES and "bruger ikke datoen" in message:
        return f"{message}. Lad cellen være tom, eller ret forsøget"
    if any(field == earlier for earlier, _ in DATE_ORDER) and "kan ikke ligge efter" in message:
        return f"{message}. Ret en af datoerne"
    if field in EVENT_FIELDS and "bruger ikke" in message:
        return f"{message}. Lad cellen være tom for sager i dette forsøg"
    return message


def draft_row(
    row: SourceRow,
    mapping: ColumnMapping,
    catalog: Mapping[str, Trial],
    today: date,
    month_first: Mapping[int, MonthFirst] = MappingProxyType({}),
) -> tuple[CaseDraft, list[RowError], list[RowError]]:
    """The case a row gives, the faults of its cells (a value that cannot be read), and what else
    keeps it from being saved as a new case (a name or date missing, dates out of order ...).

    Both lists empty: it can be saved as a new case. A row that repeats an existing case is an
    update of it, where an empty cell changes nothing: only its cells' faults count then
    (services/importing/preview.py checks the case as updated). A masked CPR number (ddmmåå-xxxx,
    from an export of the case list) is no value either: it changes nothing, and a new case is
    refused for it, since it can never be stored as a CPR number. month_first: the date columns
    written month first (core.import_date_order), whose cells that read either way are refused."""
    texts: dict[str, str] = {}
    days: dict[str, date] = {}
    failed: dict[str, str] = {}
    masked: str | None = None  # a CPR cell as this program's export writes it
    trial_read = ""  # the trial cell read by its words (import_parse.read_trial_cell)
    for column, name in enumerate(mapping.fields):
        if name is None:
            continue
        cell = row.cells[column] if column < len(row.cells) else None
        day: date | None = None
        text: str | None = None
        try:
            check_readable(cell)
            if name in DATE_FIELDS:
                order = month_first.get(column)
                day = parse_date_cell(cell) if order is None else parse_ordered_date_cell(cell, order)
            elif name == "cpr" and is_masked_cpr(cell):
                masked = str(cell).strip()  # no CPR number: changes none, and a new case needs one typed
            elif name == "cpr":
                text = parse_cpr_cell(cell, today)
            elif name == "trial_id":
                text, trial_read = read_trial_cell(cell, catalog)
            else:
                text = parse_text_cell(cell, multiline=_TEXT_FIELDS[name])
        except CellError as exc:
            failed[name] = str(exc)
            continue
        if day is not None:
            days[name] = day
        if text is not None:
            texts[name] = text
    if "trial_id" not in texts and "trial_id" not in failed and mapping.default_trial:
        texts["trial_id"] = mapping.default_trial
    dates = {name: days[name] for name in DATE_NAMES if name in days}
    draft = CaseDraft(
        citizen=texts.get("citizen", ""),
        case_ref=texts.get("case_ref", ""),
        trial_id=texts.get("trial_id", ""),
        cpr=texts.get("cpr"),
        caseworker=texts.get("caseworker", ""),
        note=texts.get("note", ""),
        dates=MappingProxyType(dates),
        last_followup=days.get(LAST_FOLLOWUP),
        last_decision=days.get(LAST_DECISION),
        given=frozenset(texts) | frozenset(days),
        trial_read=trial_read,
    )
    as_new = {name: message for name, message in draft_errors(draft, catalog, today).items() if name not in failed}
    if masked is not None:
        as_new["cpr"] = masked_cpr_text(masked)
    if as_new:
        # A value missing: quote what the row holds, so the caseworker finds it without Excel.
        holds = row_text(row)
        quote = {name for name in as_new if name not in draft.given and not (name == "cpr" and masked)}
        as_new = {
            name: f"{message} (rækken har {holds})" if name in quote else message for name, message in as_new.items()
        }
    trial = catalog.get(draft.trial_id)
    return (
        draft,
        [_row_error(row.number, mapping, name, message) for name, message in failed.items()],
        [_row_error(row.number, mapping, name, message, trial) for name, message in as_new.items()],
    )


def masked_cpr_text(cell: str) -> str:
    """Why a new case cannot have the masked CPR number of an export, and what to do."""
    return (
        f"'{cell}' er et skjult CPR-nummer, som programmet skriver det i en eksport, og kan ikke gemmes. "
        "Skriv hele CPR-nummeret, eller lad cellen være tom"
    )


def draft_errors(
    draft: CaseDraft, catalog: Mapping[str, Trial], today: date, events: Iterable[Event] = ()
) -> dict[str, str]:
    """The shared checks of a case (validation.case_errors) and of its last follow-up, by field."""
    errors = case_errors(
        catalog,
        citizen=draft.citizen,
        case_ref=draft.case_ref,
        trial_id=draft.trial_id,
        dates=draft.dates,
        cpr=draft.cpr,
        today=today,
        events=events,
    )
    if not draft.trial_id and "trial_id" in errors:
        errors["trial_id"] = "Skriv forsøget (fx T08), eller vælg ét forsøg til alle rækker"
    trial = catalog.get(draft.trial_id)
    other: dict[str, str] = {}  # the import field the trial has instead, where the event is not its
    if trial is not None:
        for name, day in draft.last_events().items():
            found = event_errors(trial, draft.dates, day=day, kind=EVENT_FIELDS[name], today=today)
            if found:
                errors[name] = "; ".join(found.values())
                if "kind" in found and (instead := _other_event_field(trial, name)):
                    other[name] = f"{errors[name]}. {instead}"
    return {name: other.get(name) or _hint(name, message) for name, message in errors.items()}


def _other_event_field(trial: Trial, field: str) -> str:
    """'Er datoen seneste stillingtagen til indsatsplanen, så vælg det felt …' when the trial registers
    another import field's event instead ('' when it registers none): a T07 list's latest decision
    chosen as its latest follow-up."""
    others = [name for name, kind in EVENT_FIELDS.items() if name != field and kind in trial.events]
    if not others:
        return ""
    label = FIELD_LABELS[others[0]]
    return (
        f"Er datoen {label[:1].lower()}{label[1:]}, så vælg feltet '{label}' til kolonnen; "
        "ellers lad cellen være tom for sager i dette forsøg"
    )


def _row_error(number: int, mapping: ColumnMapping, name: str, message: str, trial: Trial | None = None) -> RowError:
    column = mapping.header_of(name)
    if column is None and name == "trial_id" and mapping.default_trial:
        column = f"forsøg for alle rækker: {mapping.default_trial}"
    if column is None and name in DATE_NAMES and trial is not None and message.startswith("Skriv datoen"):
        # No column gives the date: say which field to choose it as, under the name the error
        # begins with ('Visitation'), where the trial calls the date otherwise ('Start på ressourceforløb').
        label = trial.date_label(name)
        message = f"Forsøg {trial.id} skal have datoen »{label}«. Vælg kolonnen med den som '{FIELD_LABELS[name]}'"
    return RowError(number, column, name, message)
