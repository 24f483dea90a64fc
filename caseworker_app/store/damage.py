"""Whether a database file is damaged, said in one wording whichever check or page found it.

SQLite's checks word the same damage differently: the full check counts more faults than the quick
one ('7 fejl' against '1 fejl'), and a check that meets the damaged page before it can count stops
with "database disk image is malformed". A caseworker told one thing by `note` and another by the
window would think there were two faults; so the Danish sentence is the same for the same file
(file_damage, Damage.text), and what SQLite said goes to the log for IT (Damage.detail). Used by
the command line's refusal (cli/common.py refuse_damaged) and the window's start check
(ui/backup_dialog.py, ui/restore_offers.py).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from .copies import is_backup_path
from .errors import StoreError
from .opening import connect_read_only, has_sqlite_header


@dataclass(frozen=True)
class Damage:
    """What is wrong with the file at path: not an SQLite file at all, or an SQLite file with faults."""

    path: Path
    not_sqlite: bool = False
    detail: str = ""  # what SQLite said ('7 fejl', 'database disk image is malformed'): the log's, for IT

    @property
    def text(self) -> str:
        """The one Danish sentence for this file, in the window and on the command line alike."""
        return damage_text(self.path, not_sqlite=self.not_sqlite)


def damage_text(path: Path, *, not_sqlite: bool = False) -> str:
    """'Databasen … er beskadiget: SQLite fandt fejl i filen.' (or that it is no SQLite file at all)."""
    if not_sqlite:
        return f"Filen {path} er ikke en SQLite-database, så den kan ikke være en sagsdatabase."
    return f"Databasen {path} er beskadiget: SQLite fandt fejl i filen."


def file_damage(path: Path, *, quick: bool = False) -> Damage | None:
    """The damage SQLite's check finds in the file, or None when it is whole or cannot be read for
    another reason (missing, locked, no permission: not damage). quick: SQLite's quicker check
    (store/backup/checking.py integrity_problem), for a start that makes no copy and for a command."""
    from .backup.checking import integrity_problem  # here: the backup package costs a start ~10 ms

    try:
        if not has_sqlite_header(path):
            return Damage(path, not_sqlite=True, detail="no SQLite header")
        conn = connect_read_only(path, immutable=is_backup_path(path))  # a copy: no -wal or -shm beside it
    except (OSError, StoreError):
        return None
    try:
        problem = integrity_problem(conn, quick=quick)
        return Damage(path, detail=problem) if problem else None
    except sqlite3.OperationalError:  # locked, out of memory: not a sign of damage
        return None
    except sqlite3.DatabaseError as exc:  # "database disk image is malformed"
        return Damage(path, detail=str(exc))
    finally:
        conn.close()
