"""When and by whom something was stored, as the caseworker reads it: local time, dd-mm-åååå.

The store keeps UTC timestamps; a caseworker's day is the local one (an entry at 00.30 in Denmark
is 23.30 UTC the day before). Shared by the case history, the note template tab, the Forsøg tab
and the notes the catalog's changes carry (core/overrides.py, core/ordinary_entries.py)."""

from __future__ import annotations

from datetime import date, datetime

from .workdays import fmt


def local_stamp(created_at: str) -> datetime | None:
    """A stored UTC timestamp in local time; None when there is none or it cannot be read."""
    if not created_at:
        return None
    try:
        return datetime.fromisoformat(created_at).astimezone()
    except ValueError:
        return None


def local_day(created_at: str) -> date | None:
    """The local day a row was stored on (None when not known)."""
    stamp = local_stamp(created_at)
    return stamp.date() if stamp is not None else None


def stamp_text(created_at: str, created_by: str = "") -> str:
    """'23-11-2026 kl. 15.08, Anne Jensen': a stored UTC timestamp in local time, and who."""
    stamp = local_stamp(created_at)
    when = f"{fmt(stamp.date())} kl. {stamp:%H.%M}" if stamp is not None else created_at
    return ", ".join(part for part in (when, created_by) if part)
