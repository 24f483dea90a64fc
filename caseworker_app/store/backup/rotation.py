"""Which copies are kept: today's automatic copy, and rotation (every copy of the newest days, the
newest copy of each of the newest weeks and months), as the database's settings ask. A copy kept
before a restore is outside the rotation: it is the way back from a restore (the restore question
promises it), and may hold the only copy of the work the restore removed."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterable
from datetime import date, datetime
from pathlib import Path

from ..copies import is_backup_path
from ..errors import StoreError
from ..opening import connect_read_only
from .listing import BackupInfo, list_backups
from .sameness import holds_database
from .writing import make_backup

_log = logging.getLogger(__name__)

DEFAULT_ROTATION = (7, 4, 12)  # daily, weekly, monthly copies kept


def kept_by_rotation(taken: Iterable[datetime], daily: int, weekly: int, monthly: int) -> set[datetime]:
    """The copies rotation keeps: every copy of the newest `daily` days, the newest copy of each
    of the newest `weekly` weeks and `monthly` months."""
    newest_first = sorted(set(taken), reverse=True)
    keep: set[datetime] = set()
    days: list[date] = []
    for moment in newest_first:
        if moment.date() not in days:
            days.append(moment.date())
        if len(days) <= daily:
            keep.add(moment)
    for key, count in ((lambda m: m.isocalendar()[:2], weekly), (lambda m: (m.year, m.month), monthly)):
        seen: list[tuple] = []
        for moment in newest_first:
            period = key(moment)
            if period in seen:
                continue
            seen.append(period)
            if len(seen) > count:
                break
            keep.add(moment)  # the newest copy of this week or month
    return keep


def rotate_backups(db_path: Path | str, rotation: tuple[int, int, int] = DEFAULT_ROTATION) -> int:
    """Delete the copies rotation does not keep; returns how many went. What a restore kept (the
    database before it, or a damaged one it moved aside) takes no place in the rotation and is
    never deleted by it: the way back from a restore, or a file for IT."""
    backups = [b for b in list_backups(db_path) if not b.before_restore]
    keep = kept_by_rotation((b.taken for b in backups), *rotation)
    removed, held = 0, 0
    for info in backups:
        if info.taken not in keep:
            try:
                info.path.unlink()
                removed += 1
            except FileNotFoundError:
                continue
            except OSError:  # open in another program (Windows): the next rotation removes it
                held += 1
    if held:
        _log.warning("%d backup copies could not be deleted now", held)
    return removed


def auto_backup(
    db_path: Path | str,
    *,
    rotation: tuple[int, int, int] = DEFAULT_ROTATION,
    now: datetime | None = None,
    again_if_changed: bool = False,
) -> BackupInfo | None:
    """Make today's copy unless one is already there (again_if_changed, at closing: unless the newest
    of today's copies holds the database as it is now), then rotate; None when none was needed.

    The first start of a day copies the database as the day begins; the closing (ui/app.py) copies it
    again if the day's work changed it, so that work is in a copy the same day, not only at the next
    start (a database found damaged then would otherwise lose the whole day). The morning's copy is
    kept beside it, not replaced: it is the way back to how the day began (a wrong import, cases
    deleted by mistake), and a copy that is there is never removed for a newer one of unknown worth.
    Rotation keeps every copy of the newest days and, for older weeks and months, the newest copy:
    the day's last state. A day without changes makes no second copy (store/backup/sameness.py).
    A damaged database is never copied (make_backup checks it): today's good copy stays as it is.
    A later start the same day makes none (its quick check looks for damage instead: ui/backup_dialog.py)."""
    now = now or datetime.now()
    today = [b for b in list_backups(db_path) if b.taken.date() == now.date() and not b.before_restore and b.usable]
    if today and (not again_if_changed or holds_database(today[0].path, Path(db_path))):  # today[0]: the newest
        return None
    info = make_backup(db_path, now=now)
    rotate_backups(db_path, rotation)
    return info


def rotation_of(db_path: Path | str) -> tuple[int, int, int]:
    """The rotation the database's settings ask for (the defaults when they cannot be read)."""
    from ...core.settings import Settings, settings_errors

    db_path = Path(db_path)
    try:
        conn = connect_read_only(db_path, immutable=is_backup_path(db_path))
    except StoreError:
        return DEFAULT_ROTATION
    try:
        settings = Settings.from_strings(dict(conn.execute("SELECT key, value FROM settings").fetchall()))
    except sqlite3.Error:
        return DEFAULT_ROTATION
    finally:
        conn.close()
    if any(name.startswith("backup_") for name in settings_errors(settings)):
        return DEFAULT_ROTATION
    return settings.backup_rotation
