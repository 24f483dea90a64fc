"""The changed ordinary rules a municipality entered for a trial, as its history tells them: which
entry replaced which (the same first day entered again: a correction) and which were withdrawn.

Nothing is ever deleted (decision 4): a correction and a withdrawal are new override rows. The
engine sees only the versions that count (core/overrides.py `_apply_ordinary` applies the same
rules, one row at a time); this module says the same for the Forsøg tab and its history.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date

from .overrides import WITHDRAW, TrialOverride
from .stamps import local_day, local_stamp
from .workdays import fmt


@dataclass(frozen=True)
class OrdinaryEntry:
    """One entered version of a trial's ordinary rule and what later rows did to it."""

    entry: TrialOverride
    applies_from: date
    replaces: TrialOverride | None = None  # the earlier entry for the same first day it corrected
    replaced_by: TrialOverride | None = None
    withdrawn_by: TrialOverride | None = None

    @property
    def counts(self) -> bool:
        """Whether the deadlines follow it (neither replaced nor withdrawn)."""
        return self.replaced_by is None and self.withdrawn_by is None


def ordinary_entries(overrides: Iterable[TrialOverride], trial_id: str) -> list[OrdinaryEntry]:
    """The trial's entered ordinary rules in the order entered (withdrawals are not entries)."""
    entries: list[OrdinaryEntry] = []
    counting: dict[date, int] = {}  # first day -> index in entries of the entry that counts
    for override in overrides:
        if override.trial_id != trial_id or override.field != "ordinary":
            continue
        change = json.loads(override.value)
        if WITHDRAW in change:
            index = counting.pop(date.fromisoformat(change[WITHDRAW]), None)
            if index is not None:
                entries[index] = replace(entries[index], withdrawn_by=override)
            continue
        day = date.fromisoformat(change["from"])
        earlier = counting.get(day)
        replaced = None
        if earlier is not None:
            entries[earlier] = replace(entries[earlier], replaced_by=override)
            replaced = entries[earlier].entry
        counting[day] = len(entries)
        entries.append(OrdinaryEntry(override, day, replaces=replaced))
    return entries


def entered_day(override: TrialOverride) -> str:
    """'30-11-2026 kl. 22.16': when a row was stored, in local time (two entries of one day told apart)."""
    stamp = local_stamp(override.created_at)
    return f"{fmt(stamp.date())} kl. {stamp:%H.%M}" if stamp is not None else "ukendt tidspunkt"


def entry_notes(entry: OrdinaryEntry) -> list[str]:
    """What became of an entry, in Danish: 'erstatter registreringen af 01-11-2026',
    'tilbagekaldt 30-11-2026 af Anne Jensen: indtastet ved en fejl'."""
    notes: list[str] = []
    if entry.replaces is not None:
        notes.append(f"erstatter registreringen af {entered_day(entry.replaces)}")
    if entry.replaced_by is not None:
        notes.append(f"erstattet af registreringen af {entered_day(entry.replaced_by)}")
    if (withdrawal := entry.withdrawn_by) is not None:
        notes.append(withdrawn_text(withdrawal))
    return notes


def withdrawn_text(withdrawal: TrialOverride) -> str:
    """'tilbagekaldt 30-11-2026 af Anne Jensen: indtastet ved en fejl'."""
    who = f" af {withdrawal.created_by}" if withdrawal.created_by else ""
    day = local_day(withdrawal.created_at)
    return f"tilbagekaldt {fmt(day) if day else 'på en ukendt dato'}{who}: {withdrawal.source}"
