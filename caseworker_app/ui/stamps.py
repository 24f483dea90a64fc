"""When and by whom something was stored, as the caseworker reads it (local time, dd-mm-åååå).

Shared by the case history, the note template tab and the Forsøg tab; here rather than in any one
of them so that none of them loads another window's package to show a time."""

from __future__ import annotations

from datetime import datetime

from ..core.workdays import fmt


def stamp_text(created_at: str, created_by: str = "") -> str:
    """'23-11-2026 kl. 15.08, Anne Jensen': a stored UTC timestamp in local time, and who."""
    when = ""
    if created_at:
        try:
            stamp = datetime.fromisoformat(created_at).astimezone()
            when = f"{fmt(stamp.date())} kl. {stamp:%H.%M}"
        except ValueError:
            when = created_at
    return ", ".join(part for part in (when, created_by) if part)
