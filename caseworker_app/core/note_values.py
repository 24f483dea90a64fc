"""The text of every field a journal note may use, for one case, situation and day."""

from __future__ import annotations

import re
from collections.abc import Collection
from datetime import date

from .cases import CLOSED, CaseRecord
from .catalog import NoteTemplate, Trial
from .deadline import OVERDUE, Deadline, practical_sentence
from .note_conditions import (
    DEADLINE_CHECK,
    DEADLINE_CHECKED,
    DEADLINE_UNCHECKED,
    EXTENSION_CHECK,
    EXTENSION_CHECKED,
    EXTENSION_UNCHECKED,
    condition_lines,
)
from .note_deadline import governing_deadline
from .note_fields import FORMER_LONG, NOTE_FIELDS, STATED_DEADLINE
from .note_situations import applied_day, default_event_date
from .participation import (
    PARTICIPATION_CHECK,
    PARTICIPATION_CHECKED,
    PARTICIPATION_UNCHECKED,
    participation_check_needed,
)
from .schedule import resolve_dates
from .schedule_text import told_on
from .terms import DATE_NAMES
from .text import and_list
from .trial_period import Extension, Lapse
from .workdays import fmt

NO_DATE = "ingen"


def note_values(
    trial: Trial,
    case: CaseRecord,
    situation: str,
    *,
    note_date: date,
    caseworker: str,
    municipality: str,
    free_text: str = "",
    reason: str = "",
    event_date: date | None = None,
    confirmed: Collection[str] = (),
    with_conditions: bool = True,
    states_deadline: bool = True,
) -> tuple[dict[str, str | None], dict[str, str]]:
    """Every field's text for a note (None where there is none) and, for some, why it is missing.

    With with_conditions, NoteError when a condition the note would assert ($conditions) does not
    hold on the case's dates. states_deadline: the note states its next deadline ($next_due), so
    its citation is that deadline's when the trial governs it at a later day (decision 14).
    """
    why: dict[str, str] = {}
    if event_date is None:
        event_date = default_event_date(trial, case, situation, note_date)
    dates, _ = resolve_dates(trial, case.dates)
    # The basis of the day the note records, not of the day it is written: a note written after the
    # trial's end about a follow-up inside it names the extension that covered the follow-up.
    applied = applied_day(event_date, note_date)
    values: dict[str, str | None] = {
        "citizen": case.citizen.strip(),
        "case_ref": case.case_ref.strip(),
        "trial_id": trial.id,
        "trial_title": trial.title,
        "citation": trial.citation_text_on(applied),  # or the stated deadline's (below)
        "marking": trial.fasit_marking,
        # Where the sources only say a marking is set (T03, T04, T06), the municipality writes it
        # (decision 9); the note carries it as T07 and T09 carry theirs, once it is there. Until then
        # the line is missing (None), not left out: the sources require it.
        "marking_line": f"FASIT-markering: {trial.fasit_marking}"
        if trial.fasit_marking
        else (None if trial.missing_marking else ""),
        "caseworker": caseworker.strip(),
        "municipality": municipality.strip(),
        "free_text": unix_newlines(free_text).strip(),
        "reason": unix_newlines(reason).strip(),
        **_date_texts("trial_end", trial.period.effective_end),
        # A note written after the trial's end tells of it in the past tense (about a day under it).
        "trial_applies": "gjaldt" if note_date > trial.period.effective_end else "gælder",
        **_date_texts("note_date", note_date),
        **_date_texts("event_date", event_date),
    }
    if not trial.fasit_marking:
        why["marking"] = (
            f"FASIT-markeringen ({trial.missing_marking or 'kommunen skriver den i forsøgets oplysninger'})"
        )
        if trial.missing_marking:
            why["marking_line"] = why["marking"]
    for name in DATE_NAMES:
        values.update(_date_texts(f"{name}_date", dates.get(name)))

    deadline, missing_next = stated_deadline(trial, case, situation, event_date, note_date)
    if deadline is None:
        for name in ("next_due", "next_due_long", "next_due_reason"):
            why[name] = missing_next
        values.update(_date_texts("next_due", None))
        values.update({"next_due_reason": None, "next_due_remarks": ""})
        values.update(_date_texts("ordinary_due", None, none=NO_DATE))
        values["ordinary_due_reference"] = NO_DATE
    else:
        values.update(_date_texts("next_due", deadline.legal_due))
        reason_text = deadline.reason
        values["next_due_reason"] = reason_text[:1].lower() + reason_text[1:]
        # The practical date first (decision 7: the window shows it beside the legal date), then
        # the trial rule's own date and a reform caution.
        # A date the ordinary rule governs (after the trial's end) names that rule's basis, as the
        # window and the prints do for the same deadline: the note's Hjemmel is the order's. (A
        # period's last day that only the trial's end gives is the trial's: decision 12, schedule.)
        ordinary = deadline.governed_by == "ordinary"
        cited = deadline.citation.strip()
        basis = f"Hjemmel for fristen: {cited}{'' if cited.endswith('.') else '.'}" if ordinary and cited else ""
        # A deadline already passed on the note's day is said to be, as the list shows it (Overskredet).
        overdue = "Fristen er overskredet." if deadline.status == OVERDUE and not deadline.undated else ""
        # The window's caution is no fact for FASIT: the note states the check the caseworker confirmed,
        # and is not written before (decisions 13 and 15; notes.py asks for the confirmation).
        checked = ""
        if deadline.caution:
            if DEADLINE_CHECK in confirmed:
                checked = DEADLINE_CHECKED
            else:
                why[DEADLINE_CHECK] = DEADLINE_UNCHECKED
        remarks = " ".join(
            filter(
                None,
                (
                    practical_sentence(deadline),
                    overdue,
                    deadline.trial_due_text_on(note_date),
                    basis,
                    checked,
                ),
            )
        )
        values["next_due_remarks"] = f" {remarks}" if remarks else ""
        values.update(_date_texts("ordinary_due", deadline.ordinary_due, none=NO_DATE))
        reference = deadline.ordinary_reference.strip()
        values["ordinary_due_reference"] = reference if deadline.ordinary_due and reference else NO_DATE
        if (
            states_deadline
            and deadline.governed_by == "trial"
            and deadline.legal_due > applied
            and trial.citation_on(min(deadline.legal_due, deadline.trial_end)) is trial.citation_on(applied)
        ):
            # The note states a later deadline the trial governs under the same order: its basis is
            # the one the window, the calendar and `schedule` cite for that very deadline – the
            # order with the extension that reaches it (decisions 14 and 15). Under another order
            # (T12: the law of 2017, the order of 2018) the note cites what held on the day it records.
            values["citation"] = deadline.citation
    if values["citation"] and trial.period.unconfirmed_lapse_on(applied) is not None:
        # The basis rests on an extension that may bridge a lapse (decision 4): cited once the caseworker
        # confirms having checked it, and the note says so beside it (decision 15; notes.py asks for it).
        if EXTENSION_CHECK in confirmed:
            values["citation"] = with_statement(values["citation"], EXTENSION_CHECKED)
        else:
            why[EXTENSION_CHECK] = EXTENSION_UNCHECKED
    if participation_check_needed(trial, municipality):
        # The municipality is not among the trial's (decision 17): the note applies the trial once the
        # caseworker confirms having checked it takes part, and says so beside the basis (notes.py asks).
        if PARTICIPATION_CHECK not in confirmed:
            why[PARTICIPATION_CHECK] = PARTICIPATION_UNCHECKED
        elif values["citation"]:
            values["citation"] = with_statement(values["citation"], PARTICIPATION_CHECKED)
    values["contact_counts"] = contact_counts_text(case, event_date)
    values["contact_from"] = contact_from_text(case, event_date)
    values["conditions"], missing_conditions = (
        condition_lines(trial, dates, confirmed, case.events) if with_conditions else (None, "")
    )
    if missing_conditions:
        why["conditions"] = missing_conditions
    return values, why


def with_statement(citation: str, statement: str) -> str:
    """The citation with a sentence the caseworker's check makes beside it ('… frikommunenetværk.
    Kommunens deltagelse i forsøget er kontrolleret af sagsbehandleren'), without the last full stop:
    the template's '$citation.' ends it, as it ends the citation alone."""
    return f"{citation.rstrip('.')}. {statement.rstrip('.')}"


def stated_deadline(
    trial: Trial, case: CaseRecord, situation: str, event_date: date | None, note_date: date
) -> tuple[Deadline | None, str]:
    """The deadline a note about the situation states (read on the note's day), and why there is
    none (Danish). event_date: the day the note records (None: the situation's default)."""
    if case.status == CLOSED:  # the lists have no deadline for it (notes.py says so in its place)
        return None, "næste frist (sagen er afsluttet og har ingen frister)"
    if event_date is None:
        event_date = default_event_date(trial, case, situation, note_date)
    applied = applied_day(event_date, note_date)
    deadline, missing = governing_deadline(trial, case, situation, applied, event_date, note_date)
    # computed as on the event's day, read on the note's
    return (told_on(deadline, note_date) if deadline is not None else None), missing


def deadline_check_needed(
    trial: Trial,
    case: CaseRecord,
    situation: str,
    event_date: date | None,
    note_date: date,
    template: NoteTemplate | None = None,
) -> bool:
    """True when the deadline the note states carries the reform caution, so the caseworker must
    confirm it is checked (DEADLINE_CHECK) before the note can be written. template: the one used
    (None: the trial's); a note that states no deadline needs no check."""
    template = template or trial.notes.get(situation)
    if template is None or not {*STATED_DEADLINE, "next_due_remarks"} & set(template.fields):
        return False
    deadline, _ = stated_deadline(trial, case, situation, event_date, note_date)
    return deadline is not None and bool(deadline.caution)


def extension_check_needed(
    trial: Trial,
    case: CaseRecord,
    situation: str,
    event_date: date | None,
    note_date: date,
    template: NoteTemplate | None = None,
) -> tuple[Extension, Lapse] | None:
    """The extension the note's basis rests on for the day it records, and its Lapse, when it may
    bridge a lapse unconfirmed (Period.unconfirmed_lapse_on): the caseworker must confirm having checked
    it (EXTENSION_CHECK) before the note can be written. template: the one used (None: the trial's);
    a note that cites no basis needs no check."""
    template = template or trial.notes.get(situation)
    if template is None or "citation" not in template.fields:
        return None
    if event_date is None:
        event_date = default_event_date(trial, case, situation, note_date)
    return trial.period.unconfirmed_lapse_on(applied_day(event_date, note_date))


def contact_counts_text(case: CaseRecord, event_date: date | None) -> str:
    """Whether the contact registered on event_date restarts the clock (decision 2), as the case
    says: a reader in FASIT sees why the next deadline counts from it, or not; '' for no contact."""
    contacts = [e for e in case.events if e.kind == "contact" and e.day == event_date]
    if not contacts or event_date is None:
        return ""
    if any(e.full_followup for e in contacts):
        # A follow-up (or full contact) registered after it counts from then: the note says so,
        # as its next deadline does (the window's, on the note's day).
        later = [e.day for e in case.events if e.day > event_date and (e.kind == "followup" or e.full_followup)]
        if later:
            return (
                " Henvendelsen er markeret som fuld opfølgning; næste faste opfølgning regnes fra den seneste "
                f"opfølgning {fmt(max(later))}."
            )
        return " Henvendelsen er markeret som fuld opfølgning, så næste faste opfølgning regnes fra den."
    return " Henvendelsen er ikke markeret som fuld opfølgning, så den ændrer ikke fristen for næste faste opfølgning."


# Who a contact came from, as the note says it after "Henvendelse <dato>" (core.history.INITIATORS).
_FROM = {"borger": "borgeren", "arbejdsgiver": "arbejdsgiveren", "kommune": "kommunen"}


def contact_from_text(case: CaseRecord, event_date: date | None) -> str:
    """' fra borgeren' (or whoever the contact on event_date is registered as coming from), so the
    note states who, not 'borger eller arbejdsgiver'; '' when nobody is registered: the note then
    says nothing it does not know (decision 15)."""
    who = [
        _FROM.get(e.initiated_by, e.initiated_by)
        for e in case.events
        if e.kind == "contact" and e.day == event_date and e.initiated_by
    ]
    who = list(dict.fromkeys(who))
    if not who:
        return ""
    return " fra " + and_list(who)


def _date_texts(name: str, day: date | None, none: str | None = None) -> dict[str, str | None]:
    """A date field as dd-mm-åååå ('15-02-2021'), and its former _long name, which writes the same
    (core/note_fields.py FORMER_LONG); none for no date."""
    text = fmt(day) if day else none
    return {name: text, f"{name}_long": text}


_FORMAT_SUFFIX = re.compile(r" \(dd-mm-åååå\)$")


def field_description(name: str) -> str:
    """A field's description without its format, for saying what is missing."""
    return _FORMAT_SUFFIX.sub("", NOTE_FIELDS[FORMER_LONG.get(name, name)])


def unix_newlines(text: str) -> str:
    """Text typed or pasted on any system with '\\n' line breaks only."""
    return text.replace("\r\n", "\n").replace("\r", "\n")
