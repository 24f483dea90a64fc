"""Backups of the case database: consistent copies made with SQLite's backup API, checked, rotated,
listed and restored, each job in its own module:

    naming.py     where copies live (`sikkerhedskopier` beside the database) and their names
    checking.py   whether a file is a whole case database (check_backup)
    listing.py    BackupInfo and its texts, list_backups, newest_good_backup
    identity.py   which database a copy is of (a copy of another one is restored only when asked)
    writing.py    make_backup: a checked copy, whole or not at all
    rotation.py   auto_backup (today's copy, again at closing after changes), rotate_backups, rotation_of
    sameness.py   holds_database: whether a copy still holds the database as it is now
    restoring.py  restore_backup: the current database kept first, then the copy written into it
    outlook_state.py  what the database gave out (Outlook's events, case ids) survives a restore
    purging.py    purge_copies: the retention purge in every copy

The live database is only ever read through SQLite (never copied as a file: a WAL database's
recent writes are in its -wal file), so copies and restores work while the window is open in
another process.
"""

from __future__ import annotations

from ..copies import backup_folder, is_backup_path
from .checking import check_backup
from .identity import OtherDatabaseError, another_database_text, of_another_database
from .listing import (
    BackupInfo,
    backup_info,
    cases_text,
    list_backups,
    newest_good_backup,
    remark_text,
    size_text,
    when_text,
    when_texts,
)
from .naming import STALE_COPY_SECONDS
from .purging import purge_copies, retention_last_day
from .restoring import restore_backup
from .rotation import auto_backup, kept_by_rotation, rotate_backups, rotation_of
from .writing import make_backup

__all__ = [
    "STALE_COPY_SECONDS",
    "BackupInfo",
    "OtherDatabaseError",
    "another_database_text",
    "auto_backup",
    "backup_info",
    "backup_folder",
    "cases_text",
    "check_backup",
    "is_backup_path",
    "kept_by_rotation",
    "list_backups",
    "make_backup",
    "newest_good_backup",
    "of_another_database",
    "purge_copies",
    "remark_text",
    "restore_backup",
    "retention_last_day",
    "rotate_backups",
    "rotation_of",
    "size_text",
    "when_text",
    "when_texts",
]
