"""Deadlines as an iCalendar (.ics) file for Outlook: one all-day event per deadline.

The event lies on the PRACTICAL date: the last working day on or before the legal date, the day
the caseworker must act (issue 15: a deadline on a Sunday shows up on the Friday in a working-week
view). The legal date, the deadline the rule gives and the notes state, is written in the
DESCRIPTION ("Senest i praksis: fre 26-02-2021 (fristen 28-02-2021 er en søndag)", "Frist:
28-02-2021"). The UID does not depend on the date, so a deadline moved by a follow-up or by a
holiday keeps its event: SEQUENCE rises and Outlook moves it.

The SUMMARY is the deadline's label and the citizen ('Opfølgning: Jens Hansen (T08)'), the same
whatever the day of export: an event lives on in Outlook after the export, so a status word in its
title would be wrong on the day the deadline became overdue after the export, or was met. An
overdue deadline keeps its date (the deadline the window shows), so its event lies before today;
its DESCRIPTION begins with the status on the day of export, dated ("Overskredet pr. 01-03-2021, da
kalenderen blev eksporteret"), which stays true however long the event stands, and the export's
message counts them. A deadline that has become overdue since the last export raises SEQUENCE once,
as a moved date does, so Outlook takes the new description.

A deadline without an agreed date (Deadline.undated) has no day to lie on and is left out; so is a
case whose deadlines cannot be computed. The export says how many (services.exporting.omitted_text).

No CPR number is ever written: the case record's CPR field is not read, and every text is passed
through redact_cpr in case a CPR number was typed into a name or reference field.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping
from datetime import UTC, date, datetime, timedelta

from icalendar import Calendar, Component, Event

from .cases import GROUP_OVERDUE, GROUP_TITLES_DA, CaseDeadline
from .deadline import OVERDUE, practical_day_text, remark_lines
from .redact import redact_cpr
from .workdays import fmt

PRODID = "-//Opfølgningsfrister//caseworker-app//DA"
UID_DOMAIN = "opfoelgningsfrister.local"
CALENDAR_NAME = "Opfølgningsfrister"

# State kept between exports: UID -> (date of the event last exported, its SEQUENCE, what the event
# said besides the citizen's name (title_key): the trial and whether it was overdue). No name and
# no hash of one is kept: the state outlives a deleted or purged case, and a hash of a name can be
# found again from a list of names. The key is '' for a cancelled event and in a state saved before
# it was kept.
# A deadline that no longer exists (its case closed or purged, its rule met) is sent once as
# cancelled and then kept under CANCELLED_PREFIX + UID, so that if it comes back its SEQUENCE goes
# on rising.
ExportState = dict[str, tuple[date, int, str]]
CANCELLED_PREFIX = "aflyst:"
CANCELLED_SUMMARY = "Aflyst: fristen findes ikke længere"
OVERDUE_WORD = GROUP_TITLES_DA[GROUP_OVERDUE]  # the word the window's Frister tab heads them with

_DANISH_LETTERS = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "é": "e", "ü": "u", "ö": "oe", "ä": "ae"})


def _slug(text: str) -> str:
    ascii_text = text.lower().translate(_DANISH_LETTERS)
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-") or "frist"


def case_key(case_id: int, created_at: str | None = None) -> str:
    """What names a case in its UIDs: its id ('17'), or, for a case whose id SQLite gave again
    after a case was deleted, the id with the moment it was created ('17n20260301101500'), so the
    new citizen never takes over the deleted citizen's events. Existing cases keep their UIDs."""
    if created_at is None:
        return str(case_id)
    return f"{case_id}n{re.sub(r'[^0-9]', '', created_at)[:14]}"


def deadline_uid(item: CaseDeadline, calendar_id: str = "", key: str = "") -> str:
    """The UID from case key (case_key; the id when not given), rule kind and the catalog rule's label
    (not the label shown, which the ordinary rule may change), not the date:
    'sag-17-followup-opfoelgning@…'."""
    d = item.deadline
    local = f"sag-{key or item.case.id}-{_slug(d.kind)}-{_slug(d.rule_label or d.label)}"
    if calendar_id:
        local += f"-{_slug(calendar_id)}"
    return f"{local}@{UID_DOMAIN}"


def uids_of_cases(uids: Iterable[str], case_keys: Iterable[int | str]) -> set[str]:
    """The UIDs (from an export's state) that belong to these cases (ids or case_key), cancelled
    ones included.

    A case that cannot be computed now keeps its events as they were: it is not closed, so
    its deadlines must not be sent to Outlook as cancelled.
    """
    prefixes = tuple(f"sag-{key}-" for key in case_keys)
    if not prefixes:
        return set()
    return {uid for uid in uids if uid.removeprefix(CANCELLED_PREFIX).startswith(prefixes)}


def _add(component: Component, name: str, value: object) -> None:
    # icalendar leaves add()'s value unannotated (it takes any value its property types accept).
    component.add(name, value)  # pyright: ignore[reportUnknownMemberType]


def summary_text(item: CaseDeadline) -> str:
    """'Opfølgning: Jens Hansen (T08)': the label and the citizen, with no status (it would age in
    Outlook after the export; the description says it with its date)."""
    return redact_cpr(f"{item.deadline.label}: {item.case.citizen} ({item.case.trial_id})")


def title_key(item: CaseDeadline, *, overdue: bool | None = None) -> str:
    """What the event says besides the name ('T08', 'T08 overskredet'; the label is in the UID): a
    change raises SEQUENCE, so Outlook takes the new event. A corrected name does not (no name is
    kept); it reaches Outlook with the next change of date or status. An event exported while the
    title said 'OVERSKREDET' (kept as 'OVERSKREDET T08') differs, so Outlook takes the plain title."""
    if overdue is None:
        overdue = item.deadline.status == OVERDUE
    return f"{item.case.trial_id} overskredet" if overdue else item.case.trial_id


def status_line(item: CaseDeadline, exported_on: date) -> str:
    """'Overskredet pr. 01-03-2021, da kalenderen blev eksporteret' for a deadline overdue on the day
    of export; '' otherwise."""
    if item.deadline.status != OVERDUE:
        return ""
    return f"{OVERDUE_WORD} pr. {fmt(exported_on)}, da kalenderen blev eksporteret"


def description_text(item: CaseDeadline, exported_on: date) -> str:
    """The description: the status on the day of export (when overdue), practical date (when
    earlier), reason, rule, citation, case reference."""
    d = item.deadline
    lines: list[str] = [line for line in (status_line(item, exported_on),) if line]
    if d.practical_due != d.legal_due:
        lines.append(f"Senest i praksis: {practical_day_text(d)}")
    lines.append(f"Frist: {fmt(d.legal_due)}")
    lines.append(f"Hvorfor: {d.reason}")
    lines += remark_lines(d)
    lines.append(d.rule)
    lines.append(f"Henvisning: {d.citation}")
    if item.case.case_ref:
        lines.append(f"Sag: {item.case.case_ref}")
    return redact_cpr("\n".join(lines))


def deadlines_to_ics(
    items: Iterable[CaseDeadline],
    *,
    previous: Mapping[str, tuple[date, int, str]] | None = None,
    calendar_id: str = "",
    stamp: datetime | None = None,
    still_current: Collection[str] | None = None,
    case_keys: Mapping[int, str] | None = None,
    exported_on: date | None = None,
) -> tuple[bytes, ExportState]:
    """The .ics file for items and the state to keep for the next export (see ExportState).

    SEQUENCE is 0 the first time a UID is exported and is raised by one each time its date or its
    SUMMARY has changed since the previous export, so Outlook updates the event instead of adding a
    second one (or keeping the old title).
    The returned state holds every UID of previous too (a later export of another period must not
    forget them); the caller stores it. calendar_id (e.g. a random id kept in the database) keeps
    two databases' UIDs apart when both are imported into one calendar.

    still_current, the UIDs of every deadline that exists now (whatever the period exported),
    lets an event whose deadline is gone be sent as cancelled (STATUS:CANCELLED, SEQUENCE raised),
    so Outlook does not keep a deadline for a closed case. It names no citizen.
    case_keys gives the case_key of a case whose id was given again after a deletion.
    exported_on: the day the items' status was computed for, said with it in the description (None:
    the local day of stamp).
    """
    previous = previous or {}
    case_keys = case_keys or {}
    state: ExportState = dict(previous)
    stamp = (stamp or datetime.now(UTC)).astimezone(UTC)
    exported_on = exported_on or stamp.astimezone().date()

    cal = Calendar()
    _add(cal, "prodid", PRODID)
    _add(cal, "version", "2.0")
    _add(cal, "calscale", "GREGORIAN")
    _add(cal, "method", "PUBLISH")
    _add(cal, "x-wr-calname", CALENDAR_NAME)

    seen: set[str] = set()
    for item in items:
        d = item.deadline
        if d.undated:
            continue  # no agreed date: an event on an invented day would mislead (see exporting)
        uid = deadline_uid(item, calendar_id, case_keys.get(item.case.id, ""))
        if uid in seen:
            # The engine gives one deadline per rule and case; a repeat is a caller's mistake.
            raise ValueError(f"two deadlines with the same UID {uid}")
        seen.add(uid)
        # The event stands on the practical date, the day to act; a legal date on a day off is
        # said in the description ("fristen 28-02-2021 er en søndag").
        day = d.practical_due
        summary = summary_text(item)
        key = title_key(item)
        if uid in previous:
            last_day, last_sequence, last_key = previous[uid]
            # A state saved before titles were kept: its events bore the title without the mark.
            last_key = last_key or title_key(item, overdue=False)
            changed = last_day != day or last_key != key
            sequence = last_sequence + 1 if changed else last_sequence
        elif CANCELLED_PREFIX + uid in previous:  # back after being cancelled (a case reopened)
            sequence = previous[CANCELLED_PREFIX + uid][1] + 1
            del state[CANCELLED_PREFIX + uid]
        else:
            sequence = 0
        state[uid] = (day, sequence, key)

        event = Event()
        _add(event, "uid", uid)
        _add(event, "dtstamp", stamp)
        _add(event, "sequence", sequence)
        _add(event, "dtstart", day)
        _add(event, "dtend", day + timedelta(days=1))
        _add(event, "summary", summary)
        _add(event, "description", description_text(item, exported_on))
        _add(event, "categories", ["Opfølgningsfrist"])
        _add(event, "transp", "TRANSPARENT")
        _add(event, "x-microsoft-cdo-busystatus", "FREE")
        _add(event, "x-microsoft-cdo-alldayevent", "TRUE")
        cal.add_component(event)
    if still_current is not None:
        current = set(still_current)
        for uid, (day, sequence, _) in sorted(previous.items()):
            if uid.startswith(CANCELLED_PREFIX) or uid in current or uid in seen:
                continue
            cal.add_component(_cancelled_event(uid, day, sequence + 1, stamp))
            del state[uid]
            state[CANCELLED_PREFIX + uid] = (day, sequence + 1, "")
    return cal.to_ical(), state


def _cancelled_event(uid: str, day: date, sequence: int, stamp: datetime) -> Event:
    event = Event()
    _add(event, "uid", uid)
    _add(event, "dtstamp", stamp)
    _add(event, "sequence", sequence)
    _add(event, "status", "CANCELLED")
    _add(event, "dtstart", day)
    _add(event, "dtend", day + timedelta(days=1))
    _add(event, "summary", CANCELLED_SUMMARY)
    _add(event, "description", "Sagen er afsluttet, eller fristen er overholdt eller bortfaldet.")
    _add(event, "transp", "TRANSPARENT")
    return event
