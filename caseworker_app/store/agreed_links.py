"""Which change of the agreed date a talk made (core.agreed_at_event), read from the history.

A talk registered with the next agreed date writes its event row and the date's change row in one
transaction; the change row names the talk in its event_id (m009), and a cancellation that
restores the date names the cancellation. Changes written otherwise (the case window, an import)
name no event.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from ..core.agreed_at_event import AgreedAtEvent
from ..core.history import CANCELLED, CASE_CHANGED
from .case_reading import stored_day

if TYPE_CHECKING:
    import sqlite3

    from ..core.catalog import Trial

AGREED = "agreed"


def talk_kinds(trial: Trial | None) -> frozenset[str]:
    """The events at which the agreed date is agreed and met (the caseworker_set rule's events)."""
    if trial is None:
        return frozenset()
    return frozenset(
        kind for rule in trial.rules if rule.kind == "caseworker_set" and rule.anchor == AGREED for kind in rule.events
    )


def agreed_at_event(
    conn: sqlite3.Connection,
    case_id: int,
    trial: Trial | None,
    current: date | None,
    replaces: int | None,
) -> AgreedAtEvent:
    """The agreed date seen from a talk registered on the case (replaces: the one corrected or cancelled)."""
    events = conn.execute("SELECT id, day, kind, replaces FROM events WHERE case_id = ?", (case_id,)).fetchall()
    by_id = {row[0]: row for row in events}
    replaced = {row[3] for row in events if row[3] is not None}
    chain: list[tuple] = []  # the talk corrected, and the rows it corrected, newest first
    at = replaces
    while at is not None and at in by_id and len(chain) <= len(events):
        chain.append(by_id[at])
        at = by_id[at][3]
    chain_ids = {row[0] for row in chain}
    kinds = talk_kinds(trial)
    talk_days = [
        day
        for row in events
        if row[0] not in replaced and row[0] not in chain_ids and row[2] != CANCELLED and row[2] in kinds
        for day in [stored_day(row[1])]
        if day is not None
    ]
    latest_talk = max(talk_days, default=None)
    links: list[tuple[int, str | None, str | None]] = []
    for row in chain:
        links += conn.execute(
            "SELECT id, old_value, new_value FROM case_changes "
            "WHERE case_id = ? AND action = ? AND field = ? AND event_id = ?",
            (case_id, CASE_CHANGED, AGREED, row[0]),
        ).fetchall()
    if not links:
        return AgreedAtEvent(current=current, latest_talk=latest_talk)
    links.sort()
    set_to = stored_day(links[-1][2])
    return AgreedAtEvent(
        current=current,
        latest_talk=latest_talk,
        linked=True,
        before=stored_day(links[0][1]),
        set_to=set_to,
        # Changed since when the date is no longer the one the talk set (a later change undone,
        # e.g. a later talk cancelled, puts the talk's date back: then it is still the talk's).
        changed_since=current != set_to,
    )
