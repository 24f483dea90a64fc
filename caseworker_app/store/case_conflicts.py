"""Saving a form over a case someone else changed meanwhile (another window, another copy).

The form hands over the case as it loaded it. What the form changed is what differs from that;
what the other one changed is what differs between that and the case as stored now. A field
changed by both (to different values) is a conflict: nothing is saved until the caseworker
chooses to keep theirs or write mine. Everything else is merged: the form writes only what it
changed, so a field only the other one changed keeps their value.

A field is a case field (citizen, caseworker, ...) or one of the case's dates by its name.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from ..core.cpr import mask_cpr
from ..core.terms import DATE_NAMES
from ..core.text import clean_line, normalize_text
from ..core.validation import parse_case_dates
from ..core.workdays import fmt
from .history_texts import FIELD_LABELS_DA

if TYPE_CHECKING:
    from ..core.cases import CaseRecord

CASE_VALUES = ("citizen", "case_ref", "trial_id", "caseworker", "cpr", "note")
MINE, THEIRS = "mine", "theirs"


def case_values(case: CaseRecord) -> dict[str, object]:
    """The case's own fields and dates as one mapping: field or date name -> value."""
    return {**{name: getattr(case, name) for name in CASE_VALUES}, **case.dates}


def _as_stored(name: str, value: object) -> object:
    """A value as given to update_case, in the form the store keeps it (to compare)."""
    if not isinstance(value, str):
        return value
    value = normalize_text(value)
    if name == "note":
        return value
    if name == "cpr":
        digits = re.sub(r"\D", "", value, flags=re.ASCII)
        return digits if len(digits) == 10 else value.strip() or None  # a wrong one fails validation
    return clean_line(value)


def form_edits(loaded: CaseRecord, fields: Mapping[str, object]) -> dict[str, object]:
    """What a form changed from the case it loaded: field or date name -> new value
    (None: a date removed; an unreadable date is kept as given, for validation to name)."""
    edits = {
        name: fields[name]
        for name in CASE_VALUES
        if name in fields and _as_stored(name, fields[name]) != getattr(loaded, name)
    }
    if "dates" in fields:
        raw = fields["dates"]
        assert isinstance(raw, Mapping)
        parsed, unreadable = parse_case_dates(raw)
        for name in sorted(set(loaded.dates) | set(parsed) | set(unreadable)):
            value = raw[name] if name in unreadable else parsed.get(name)
            if value != loaded.dates.get(name):
                edits[name] = value
    return edits


@dataclass(frozen=True)
class FieldConflict:
    """A field changed both by this form and, since the form loaded the case, by someone else."""

    name: str
    loaded: object  # as the form loaded it
    theirs: object  # as the other one saved it
    mine: object  # as this form would save it


def conflicts(loaded: CaseRecord, stored: CaseRecord, edits: Mapping[str, object]) -> list[FieldConflict]:
    """The fields both changed, to different values (the same new value is no conflict)."""
    before, now = case_values(loaded), case_values(stored)
    found = []
    for name, value in edits.items():
        mine = _as_stored(name, value)
        if now.get(name) != before.get(name) and now.get(name) != mine:
            found.append(FieldConflict(name, before.get(name), now.get(name), mine))
    return found


def merged_fields(stored: CaseRecord, edits: Mapping[str, object]) -> dict[str, object]:
    """update_case's fields for the form's edits laid over the case as stored now."""
    fields = {name: value for name, value in edits.items() if name in CASE_VALUES}
    dates = {name: value for name, value in edits.items() if name not in CASE_VALUES}
    if dates:
        merged: dict[str, object] = {**stored.dates, **dates}
        fields["dates"] = {name: value for name, value in merged.items() if value is not None}
    return fields


@dataclass(frozen=True)
class ConflictChoice:
    """The caseworker's answer to a CaseConflictError: valid only for the case as it was shown."""

    keep: str  # MINE or THEIRS
    seen: Mapping[str, object]  # case_values of the stored case the question showed


class CaseConflictError(Exception):
    """The case was changed by someone else in fields this form changed too; nothing is saved."""

    def __init__(self, found: list[FieldConflict], stored: CaseRecord):
        self.conflicts = found
        self._seen = case_values(stored)
        super().__init__(conflict_text(found))

    def choose(self, keep: str) -> ConflictChoice:
        """The answer to pass to update_case(choice=...): MINE or THEIRS for these conflicts."""
        if keep not in (MINE, THEIRS):
            raise ValueError(f"keep must be {MINE!r} or {THEIRS!r}")
        return ConflictChoice(keep, self._seen)

    @property
    def text(self) -> str:
        return str(self)


def _shown(name: str, value: object) -> str:
    """A value as the message shows it: dates dd-mm-åååå, CPR masked, long notes cut, none: 'tom'."""
    if value is None or value == "":
        return "tom"
    if isinstance(value, date):
        return fmt(value)
    text = str(value)
    if name == "cpr":
        return mask_cpr(text) or text
    text = " / ".join(line.strip() for line in text.splitlines() if line.strip())
    return f"»{text[:60]}…«" if len(text) > 60 else f"»{text}«"


def _saved(name: str, value: object, who: str) -> str:
    """'en anden har gemt »Mads Kristensen«', 'du har fjernet datoen', 'du har tømt feltet'."""
    if value is None or value == "":
        return f"{who} har fjernet datoen" if name in DATE_NAMES else f"{who} har tømt feltet"
    return f"{who} har {'gemt' if who == 'en anden' else 'skrevet'} {_shown(name, value)}"


def conflict_text(found: list[FieldConflict]) -> str:
    """The Danish message: each field with its value before, theirs and mine."""
    lines = []
    for conflict in found:
        label = FIELD_LABELS_DA.get(conflict.name, conflict.name)
        lines.append(
            f"• {label[0].upper()}{label[1:]}: {_saved(conflict.name, conflict.theirs, 'en anden')}; "
            f"{_saved(conflict.name, conflict.mine, 'du')} (før: {_shown(conflict.name, conflict.loaded)})."
        )
    theirs, mine = ("værdi", "din værdi") if len(found) == 1 else ("værdier", "dine værdier")
    return (
        "Mens sagen var åben her, har en anden gemt en ændring af det, du også har ændret:\n\n"
        + "\n".join(lines)
        + f"\n\nBehold deres: den andens {theirs} bliver stående, og dine øvrige ændringer gemmes."
        f"\nGem mine: {mine} skrives over den andens."
        "\nAnnuller: intet gemmes endnu."
    )
