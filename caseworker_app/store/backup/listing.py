"""The copies of a database as the window and `backup --list` show them: when, how big, how many
cases (BackupInfo and its texts), newest first, and the newest one that can be restored."""

from __future__ import annotations

import contextlib
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from .checking import backup_cases, check_backup
from .naming import (
    BEFORE_RESTORE_TAG,
    SET_ASIDE_TAG,
    backup_folder,
    parse_name,
    remove_stale_temporaries_of,
    taken_by_name,
)


@dataclass(frozen=True)
class BackupInfo:
    """A backup file as the list shows it: when, how big, how many cases (None: unreadable).

    before_restore: kept by a restore (the database it replaced: the way back, so rotation never
    counts or deletes it); set_aside: that database was
    damaged and moved aside whole, for IT to look at. It is no backup: never offered for restore,
    and neither today's copy nor one that rotation counts or deletes."""

    path: Path
    taken: datetime
    size: int
    cases: int | None
    before_restore: bool = False
    set_aside: bool = False

    @property
    def usable(self) -> bool:
        """True for a copy that can be offered for restore."""
        return self.cases is not None and not self.set_aside


def when_text(info: BackupInfo, *, seconds: bool = False) -> str:
    """'23-11-2026 kl. 14.05' ('kl. 14.05.09' with seconds): when a copy was made."""
    from ...core.workdays import fmt

    return f"{fmt(info.taken.date())} kl. {info.taken:{'%H.%M.%S' if seconds else '%H.%M'}}"


def when_texts(backups: list[BackupInfo]) -> list[str]:
    """when_text of each copy as a list shows them (the window's and `backup --list`): with seconds
    for copies made in the same minute as another, and '(2)', '(3)' … after those made in the same
    second (sager-…T164115-2.db), so no two rows read alike."""
    minutes = Counter(info.taken.replace(second=0, microsecond=0) for info in backups)
    seconds = Counter(info.taken.replace(microsecond=0) for info in backups)
    texts = []
    for info in backups:
        text = when_text(info, seconds=minutes[info.taken.replace(second=0, microsecond=0)] > 1)
        if seconds[info.taken.replace(microsecond=0)] > 1 and info.taken.microsecond:
            text += f" ({info.taken.microsecond + 1})"  # naming.py: the -2, -3 … of one second
        texts.append(text)
    return texts


def remark_text(info: BackupInfo) -> str:
    """What the list says beside a copy that is not a plain one ('' for a plain one)."""
    if info.set_aside:
        return "beskadiget, sat til side ved gendannelse – kan ikke gendannes"
    return "gemt før gendannelse – slettes ikke automatisk" if info.before_restore else ""


def size_text(size: int) -> str:
    """'61,5 GB', '1,4 MB', '12 kB' (decimal comma, thousands separator as core.text.number_text)."""
    if size >= 1024**3:
        return f"{_decimal_text(size / 1024**3)} GB"
    if size >= 1024 * 1024:
        return f"{_decimal_text(size / (1024 * 1024))} MB"
    return f"{max(1, round(size / 1024))} kB"


def _decimal_text(value: float) -> str:
    """'1.023,9': one decimal, Danish comma and thousands point."""
    return f"{value:,.1f}".replace(",", "_").replace(".", ",").replace("_", ".")


def cases_text(count: int | None) -> str:
    """'1 sag', '20.040 sager', or that the copy cannot be read (BackupInfo.cases is None)."""
    from ...core.text import count_text

    if count is None:
        return "kan ikke læses"
    return count_text(count, "sag", "sager")


def list_backups(db_path: Path | str) -> list[BackupInfo]:
    """The database's copies in its backup folder, newest first."""
    db_path = Path(db_path)
    folder = backup_folder(db_path)
    with contextlib.suppress(OSError):
        remove_stale_temporaries_of(db_path)
    found = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    for path in entries:
        parsed = parse_name(db_path, path)
        if parsed is None or not path.is_file():
            continue
        try:
            size = path.stat().st_size
        except OSError:
            continue
        taken, tag = parsed
        found.append(
            BackupInfo(
                path,
                taken,
                size,
                backup_cases(path),
                before_restore=tag in (BEFORE_RESTORE_TAG, SET_ASIDE_TAG),
                set_aside=tag == SET_ASIDE_TAG,
            )
        )
    found.sort(key=lambda info: info.taken, reverse=True)
    return found


def backup_info(path: Path) -> BackupInfo:
    """A copy chosen anywhere (not necessarily in the backup folder), as the list would show it:
    taken when its name says, else when the file was last written."""
    stat = path.stat()
    taken = taken_by_name(path) or datetime.fromtimestamp(stat.st_mtime).replace(microsecond=0)
    return BackupInfo(path, taken, stat.st_size, backup_cases(path))


def newest_good_backup(db_path: Path | str) -> BackupInfo | None:
    """The newest copy that passes PRAGMA integrity_check, or None."""
    for info in list_backups(db_path):
        if info.usable and check_backup(info.path) is None:
            return info
    return None
