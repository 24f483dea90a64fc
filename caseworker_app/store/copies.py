"""Telling a copy of a database from the live one: copies live in `sikkerhedskopier` beside it
(or end in .bak-N). Apart from store/backup/ because every opening asks it (connection.py), and
the backup package need not load for that."""

from __future__ import annotations

from pathlib import Path

BACKUP_DIR_NAME = "sikkerhedskopier"


def backup_folder(db_path: Path | str) -> Path:
    """The folder of a database's automatic copies: 'sikkerhedskopier' beside it."""
    return Path(db_path).parent / BACKUP_DIR_NAME


def is_backup_path(path: Path | str) -> bool:
    """True for a file that is a copy, not a live database: in a backup folder or a .bak-N file."""
    path = Path(path)
    return path.parent.name == BACKUP_DIR_NAME or ".bak-" in path.name
