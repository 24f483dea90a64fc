"""What happened on a case: the events the deadline engine counts from."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class Event:
    """Something that happened on a case; a contact counts as a follow-up only when marked so."""

    day: date
    kind: str
    full_followup: bool = False
    form: str | None = None
    # Who started it as registered (core.history.INITIATORS), for the note about it: not counted.
    initiated_by: str | None = None
