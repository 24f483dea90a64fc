"""Where a database's copies live and what they are called: the `sikkerhedskopier` folder beside
it, <stem>-<åååå-mm-dd>T<hhmmss>.db (-2, -3 … for two in one second; a copy kept before a restore
ends in -foer-gendannelse.db, a damaged database moved aside by a restore in
-foer-gendannelse-beskadiget.db), and the hidden temporary files a killed backup leaves there."""

from __future__ import annotations

import glob
import logging
import re
from datetime import datetime, timedelta
from pathlib import Path

from ...core.atomic import remove_stale_temporaries
from ..copies import backup_folder

_log = logging.getLogger(__name__)

BEFORE_RESTORE_TAG = "foer-gendannelse"
# A damaged database moved aside by a restore: <stem>-<time>-foer-gendannelse-beskadiget.db.
SET_ASIDE_TAG = f"{BEFORE_RESTORE_TAG}-beskadiget"
# A copy is written and checked in seconds; a temporary copy this old was left by a killed backup.
STALE_COPY_SECONDS = 600.0
_NAME = re.compile(
    r"^(?P<stem>.+)-(?P<day>\d{4}-\d{2}-\d{2})T(?P<time>\d{6})(?:-(?P<n>\d+))?(?:-(?P<tag>[a-z-]+))?\.db$"
)


def remove_stale_temporaries_of(db_path: Path | str, *, now: float | None = None) -> int:
    """Remove the hidden temporary copies ('.<name>.<random>.tmp' and its -journal/-wal/-shm) that a backup killed
    mid-write left in the database's backup folder, once they are STALE_COPY_SECONDS old."""
    folder, stem = backup_folder(db_path), glob.escape(Path(db_path).stem)
    if not folder.is_dir():
        return 0
    removed = 0
    # '.<copy>.<random>.tmp' (each copy its own: writing.py), and '.<copy>.tmp' of older versions
    for name in (f".{stem}-*.db.*.tmp", f".{stem}-*.db.tmp"):
        for suffix in ("", "-journal", "-wal", "-shm"):
            removed += remove_stale_temporaries(folder, name + suffix, older_than=STALE_COPY_SECONDS, now=now)
    if removed:
        _log.info("removed %d stale temporary backup file(s)", removed)
    return removed


def free_name(db_path: Path, now: datetime, tag: str = "", *, folder: Path | None = None) -> Path:
    """A copy's name that is not taken yet (two copies in one second get -2, -3 …), in folder
    (standard: the database's backup folder)."""
    stamp = now.strftime("%Y-%m-%dT%H%M%S")
    folder = backup_folder(db_path) if folder is None else folder
    base, tag = f"{db_path.stem}-{stamp}", f"-{tag}" if tag else ""
    target, number = folder / f"{base}{tag}.db", 2
    while target.exists():
        target, number = folder / f"{base}-{number}{tag}.db", number + 1
    return target


def parse_name(db_path: Path, path: Path) -> tuple[datetime, str] | None:
    """When the copy at path was taken and its tag ('' for a plain copy, BEFORE_RESTORE_TAG, or
    SET_ASIDE_TAG for a damaged database a restore moved aside); None when path is not a copy of
    this database."""
    parsed = _parse(path)
    if parsed is None or parsed[0] != db_path.stem:
        return None
    return parsed[1:]


def taken_by_name(path: Path) -> datetime | None:
    """When a copy of any database was taken, as its name says (None: not a copy's name)."""
    parsed = _parse(path)
    return parsed[1] if parsed else None


def _parse(path: Path) -> tuple[str, datetime, str] | None:
    match = _NAME.match(path.name)
    if not match:
        return None
    try:
        taken = datetime.strptime(f"{match['day']}T{match['time']}", "%Y-%m-%dT%H%M%S")
        taken += timedelta(microseconds=int(match["n"] or 1) - 1)  # keeps copies of one second apart
    except ValueError:
        return None
    return match["stem"], taken, match["tag"] or ""
