"""Backups of the case database: consistent copies made with SQLite's backup API, checked, rotated,
listed and restored.

Copies live in a `sikkerhedskopier` folder beside the database, named <stem>-<åååå-mm-dd>T<hhmmss>.db
(a copy kept before a restore ends in -foer-gendannelse.db). Every copy is written to a temporary
file, checked with PRAGMA integrity_check, flushed to disk and only then renamed into place, so a
copy that is there is a whole one. The live database is only ever read through SQLite (never copied
as a file: a WAL database's recent writes are in its -wal file), so copies and restores work while
the window is open in another process.
"""

from __future__ import annotations

import contextlib
import errno
import glob
import logging
import os
import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from ..core.atomic import fsync_folder, remove_stale_temporaries, replace_file
from .connection import delete_case_rows
from .errors import StoreError
from .opening import BUSY_TIMEOUT_MS, SQLITE_HEADER, connect_read_only, store_error
from .versions import MIGRATION_NAMES, MIGRATION_SET, MIGRATIONS_TABLE

_log = logging.getLogger(__name__)

BACKUP_DIR_NAME = "sikkerhedskopier"
BEFORE_RESTORE_TAG = "foer-gendannelse"
DEFAULT_ROTATION = (7, 4, 12)  # daily, weekly, monthly copies kept
# A copy is written and checked in seconds; a temporary copy this old was left by a killed backup.
STALE_COPY_SECONDS = 600.0
_NAME = re.compile(
    r"^(?P<stem>.+)-(?P<day>\d{4}-\d{2}-\d{2})T(?P<time>\d{6})(?:-(?P<n>\d+))?(?:-(?P<tag>[a-z-]+))?\.db$"
)


@dataclass(frozen=True)
class BackupInfo:
    """A backup file as the list shows it: when, how big, how many cases (None: unreadable)."""

    path: Path
    taken: datetime
    size: int
    cases: int | None
    before_restore: bool = False

    @property
    def usable(self) -> bool:
        return self.cases is not None


def when_text(info: BackupInfo) -> str:
    """'23-11-2026 kl. 14.05': when a copy was made, as the window and `backup --list` show it."""
    from ..core.workdays import fmt

    return f"{fmt(info.taken.date())} kl. {info.taken:%H.%M}"


def size_text(size: int) -> str:
    """'1,4 MB', '12 kB'."""
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB".replace(".", ",")
    return f"{max(1, round(size / 1024))} kB"


def cases_text(count: int | None) -> str:
    """'3 sager', or that the copy cannot be read (BackupInfo.cases is None)."""
    from ..core.text import count_text

    return "kan ikke læses" if count is None else count_text(count, "sag", "sager")


def backup_folder(db_path: Path | str) -> Path:
    """The folder of a database's automatic copies: 'sikkerhedskopier' beside it."""
    return Path(db_path).parent / BACKUP_DIR_NAME


def is_backup_path(path: Path | str) -> bool:
    """True for a file that is a copy, not a live database: in a backup folder or a .bak-N file."""
    path = Path(path)
    return path.parent.name == BACKUP_DIR_NAME or ".bak-" in path.name


def remove_stale_temporaries_of(db_path: Path | str, *, now: float | None = None) -> int:
    """Remove the hidden temporary copies ('.<name>.tmp' and its -journal/-wal/-shm) that a backup killed
    mid-write left in the database's backup folder, once they are STALE_COPY_SECONDS old."""
    folder, stem = backup_folder(db_path), glob.escape(Path(db_path).stem)
    if not folder.is_dir():
        return 0
    removed = 0
    for pattern in (f".{stem}-*.db.tmp", f".{stem}-*.db.tmp-journal", f".{stem}-*.db.tmp-wal", f".{stem}-*.db.tmp-shm"):
        removed += remove_stale_temporaries(folder, pattern, older_than=STALE_COPY_SECONDS, now=now)
    if removed:
        _log.info("removed %d stale temporary backup file(s)", removed)
    return removed


def _stamp(now: datetime) -> str:
    return now.strftime("%Y-%m-%dT%H%M%S")


def _count_cases(conn: sqlite3.Connection) -> int:
    return conn.execute("SELECT count(*) FROM cases").fetchone()[0]


def _check_case_database(path: Path, conn: sqlite3.Connection) -> None:
    """StoreError unless conn holds a case database this program can read."""
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "cases" not in tables or MIGRATIONS_TABLE not in tables:
        raise StoreError(f"Filen {path} er ikke en sagsdatabase. Intet er ændret.")
    applied = {
        r[0] for r in conn.execute(f"SELECT name FROM {MIGRATIONS_TABLE} WHERE migration_set = ?", (MIGRATION_SET,))
    }
    if applied - set(MIGRATION_NAMES):
        raise StoreError(
            f"Filen {path} er lavet af en nyere version af programmet. Intet er ændret. "
            "Opdatér programmet for at bruge den."
        )


def _integrity_problem(conn: sqlite3.Connection) -> str | None:
    rows = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
    return None if rows == ["ok"] else f"{len(rows)} fejl"


def copy_not_written(target: Path, exc: OSError) -> StoreError:
    """The Danish message for a copy that could not be written (the database is untouched)."""
    if isinstance(exc, PermissionError):
        # Windows refuses to replace a file another program holds open.
        why = f"filen er åben i et andet program, eller du har ikke lov at skrive i mappen {target.parent}"
    elif exc.errno == errno.ENOSPC:
        why = "disken er fuld"
    else:
        why = f"filen kunne ikke skrives ({exc.strerror or exc})"
    kept = " En tidligere fil med samme navn er uændret." if target.exists() else ""
    return StoreError(f"Sikkerhedskopien {target} kunne ikke gemmes: {why}. Databasen er ikke ændret.{kept}")


def _remove_quietly(path: Path) -> None:
    """Remove path if it is there; one Windows will not let go of now is left for later."""
    with contextlib.suppress(OSError):
        path.unlink()


def _write_copy(source: sqlite3.Connection, target: Path, what: Path) -> int:
    """Copy source into target (whole or not at all) and check it; returns its number of cases."""
    folder = target.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise copy_not_written(target, exc) from exc
    temporary = folder / f".{target.name}.tmp"
    _remove_quietly(temporary)
    copy = None
    try:
        copy = sqlite3.connect(str(temporary))
        source.backup(copy)  # one step: a consistent snapshot even while others write
        copy.execute("PRAGMA journal_mode = DELETE")  # a copy is one plain file, no -wal
        problem = _integrity_problem(copy)
        if problem:
            raise StoreError(
                f"Databasen {what} er beskadiget ({problem} ved kontrollen); der er ikke lavet en "
                "sikkerhedskopi. Gendan en tidligere kopi under Filer › Sikkerhedskopier."
            )
        cases = _count_cases(copy)
        copy.close()
        copy = None
        with open(temporary, "rb+") as handle:
            os.fsync(handle.fileno())
        replace_file(temporary, target)
        fsync_folder(folder)
        return cases
    except sqlite3.Error as exc:
        raise store_error(what, exc) from exc
    except OSError as exc:
        raise copy_not_written(target, exc) from exc
    finally:
        if copy is not None:
            copy.close()
        for suffix in ("", "-journal", "-wal", "-shm"):
            _remove_quietly(Path(str(temporary) + suffix))


def make_backup(db_path: Path | str, target: Path | str | None = None, *, now: datetime | None = None) -> BackupInfo:
    """A checked copy of the database (in its backup folder unless target is given).

    The database is opened read-only: it is never migrated or changed by a backup.
    """
    db_path = Path(db_path)
    now = now or datetime.now()
    remove_stale_temporaries_of(db_path)
    target = Path(target) if target is not None else _free_name(db_path, now)
    if target.exists() and target.resolve() == db_path.resolve():
        raise StoreError(f"Sikkerhedskopien kan ikke skrives oven i selve databasen {db_path}.")
    source = connect_read_only(db_path, immutable=is_backup_path(db_path))
    try:
        try:
            _check_case_database(db_path, source)
        except sqlite3.Error as exc:
            raise store_error(db_path, exc) from exc
        cases = _write_copy(source, target, db_path)
    finally:
        source.close()
    _log.info("backup written (%d cases)", cases)
    return BackupInfo(target, now, target.stat().st_size, cases)


def _free_name(db_path: Path, now: datetime, tag: str = "") -> Path:
    """A copy's name that is not taken yet (two copies in one second get -2, -3 …)."""
    folder, base, tag = backup_folder(db_path), f"{db_path.stem}-{_stamp(now)}", f"-{tag}" if tag else ""
    target, number = folder / f"{base}{tag}.db", 2
    while target.exists():
        target, number = folder / f"{base}-{number}{tag}.db", number + 1
    return target


def _parse_name(db_path: Path, path: Path) -> tuple[datetime, bool] | None:
    match = _NAME.match(path.name)
    if not match or match["stem"] != db_path.stem:
        return None
    try:
        taken = datetime.strptime(f"{match['day']}T{match['time']}", "%Y-%m-%dT%H%M%S")
        taken += timedelta(microseconds=int(match["n"] or 1) - 1)  # keeps copies of one second apart
    except ValueError:
        return None
    return taken, match["tag"] == BEFORE_RESTORE_TAG


def backup_cases(path: Path) -> int | None:
    """The number of cases in a copy, or None when it cannot be read as a case database."""
    try:
        with path.open("rb") as handle:
            if handle.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
                return None
        conn = connect_read_only(path, immutable=True)
    except (OSError, StoreError):
        return None
    try:
        _check_case_database(path, conn)
        return _count_cases(conn)
    except (sqlite3.Error, StoreError):
        return None
    finally:
        conn.close()


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
        parsed = _parse_name(db_path, path)
        if parsed is None or not path.is_file():
            continue
        try:
            size = path.stat().st_size
        except OSError:
            continue
        found.append(BackupInfo(path, parsed[0], size, backup_cases(path), parsed[1]))
    found.sort(key=lambda info: info.taken, reverse=True)
    return found


def newest_good_backup(db_path: Path | str) -> BackupInfo | None:
    """The newest copy that passes PRAGMA integrity_check, or None."""
    for info in list_backups(db_path):
        if info.usable and check_backup(info.path) is None:
            return info
    return None


def check_backup(path: Path | str) -> str | None:
    """Why a file cannot be restored (Danish), or None when it is a whole case database."""
    path = Path(path)
    if not path.is_file():
        return f"Filen {path} findes ikke."
    try:
        with path.open("rb") as handle:
            if handle.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
                return f"Filen {path} er ikke en sagsdatabase."
        conn = connect_read_only(path, immutable=is_backup_path(path))
    except (OSError, StoreError):
        return f"Filen {path} kan ikke læses."
    try:
        _check_case_database(path, conn)
        problem = _integrity_problem(conn)
        return f"Filen {path} er beskadiget ({problem} ved kontrollen)." if problem else None
    except StoreError as exc:
        return str(exc)
    except sqlite3.Error:
        return f"Filen {path} er ikke en sagsdatabase, eller den er beskadiget."
    finally:
        conn.close()


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
    """Delete the copies rotation does not keep; returns how many went."""
    backups = list_backups(db_path)
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
) -> BackupInfo | None:
    """Make today's copy unless one is already there, then rotate; None when none was needed."""
    now = now or datetime.now()
    if any(b.taken.date() == now.date() and not b.before_restore and b.usable for b in list_backups(db_path)):
        return None
    info = make_backup(db_path, now=now)
    rotate_backups(db_path, rotation)
    return info


def restore_backup(
    db_path: Path | str, source: Path | str, *, now: datetime | None = None
) -> tuple[BackupInfo | None, int]:
    """Replace the database's contents with the copy at source, after keeping the current file.

    Returns the copy of the current database kept first (None when there was none) and the
    number of cases restored. The contents are written through SQLite (backup API, one
    transaction), so another program with the database open sees the restored data.
    """
    db_path, source = Path(db_path), Path(source)
    now = now or datetime.now()
    problem = check_backup(source)
    if problem:
        raise StoreError(f"{problem} Databasen er ikke ændret.")
    if db_path.exists() and source.resolve() == db_path.resolve():
        raise StoreError(f"{source} er selve databasen. Vælg en sikkerhedskopi.")
    kept = None
    kept_path = _free_name(db_path, now, BEFORE_RESTORE_TAG)
    if db_path.exists():
        try:
            kept = make_backup(db_path, kept_path, now=now)
        except StoreError:
            if check_backup(db_path) is None:
                raise  # a readable database that could not be copied: restore nothing
            kept = _set_aside_damaged(db_path, kept_path, now)
    source_conn = connect_read_only(source, immutable=is_backup_path(source))
    try:
        target = sqlite3.connect(str(db_path), timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            target.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            source_conn.backup(target)  # one transaction: the database is old or new, never mixed
            problem = _integrity_problem(target)
            cases = _count_cases(target)
        finally:
            target.close()
    except sqlite3.Error as exc:
        raise store_error(db_path, exc) from exc
    finally:
        source_conn.close()
    if problem:
        raise StoreError(
            f"Databasen {db_path} fejlede kontrollen efter gendannelsen ({problem}). "
            f"Den tidligere database er gemt som {kept.path if kept else '–'}."
        )
    _log.info("backup restored (%d cases)", cases)
    return kept, cases


def _set_aside_damaged(db_path: Path, kept_path: Path, now: datetime) -> BackupInfo:
    """Move a damaged database and its -wal, -shm and -journal aside, all or none, so a copy can be
    restored in its place (a -wal left behind would be replayed into the restored database)."""
    damaged = kept_path.with_name(kept_path.name.replace(".db", "-beskadiget.db"))
    moves = [(db_path, damaged)] + [
        (Path(str(db_path) + suffix), Path(str(damaged) + suffix))
        for suffix in ("-wal", "-shm", "-journal")
        if Path(str(db_path) + suffix).exists()
    ]
    done: list[tuple[Path, Path]] = []
    try:
        damaged.parent.mkdir(parents=True, exist_ok=True)
        for source, target in moves:
            replace_file(source, target)
            done.append((source, target))
    except OSError as exc:
        stuck = []
        for source, target in reversed(done):  # put back what was moved: nothing half done
            try:
                replace_file(target, source)
            except OSError:
                stuck.append(target.name)
        outcome = (
            f"Filerne {', '.join(stuck)} ligger i {damaged.parent}; flyt dem tilbage, eller kontakt IT."
            if stuck
            else "Intet er ændret."
        )
        if isinstance(exc, PermissionError):
            raise StoreError(
                f"Databasen {db_path} er beskadiget og skal flyttes til side, før kopien kan gendannes, "
                "men den er åben i et andet program (fx Opfølgningsfrister i et andet vindue). "
                f"Luk programmet, og prøv igen. {outcome}"
            ) from exc
        raise store_error(db_path, exc) from exc
    return BackupInfo(damaged, now, damaged.stat().st_size, None)


# ------------------------------------------------------------ the retention purge reaches copies


def copies_of(db_path: Path | str) -> list[Path]:
    """Every copy of the database on disk: the backup folder's and the .bak-N copies beside it."""
    db_path = Path(db_path)
    found = [info.path for info in list_backups(db_path)]
    with contextlib.suppress(OSError):
        found += sorted(p for p in db_path.parent.glob(f"{db_path.name}.bak-*") if p.is_file())
    return found


def purge_copies(db_path: Path | str, last_closed_day: date) -> tuple[int, list[Path]]:
    """Delete from every copy the closed cases closed on or before last_closed_day, as the
    retention purge did in the database (secure_delete and VACUUM: no trace in free pages).

    Returns how many cases went from the copies and the copies that could not be cleaned
    (damaged: they are deleted, since they may hold data past its retention).
    """
    removed, failed = 0, []
    for path in copies_of(db_path):
        try:
            removed += _purge_one(path, last_closed_day)
        except (sqlite3.Error, OSError):
            _log.warning("a backup copy could not be purged and was deleted")
            failed.append(path)
            with contextlib.suppress(OSError):
                path.unlink()
    return removed, failed


def _purge_one(path: Path, last_closed_day: date) -> int:
    conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        conn.execute("PRAGMA secure_delete = ON")
        ids = [
            r[0]
            for r in conn.execute(
                "SELECT id FROM cases WHERE status = 'afsluttet' AND closed_on IS NOT NULL AND closed_on <= ?",
                (last_closed_day.isoformat(),),
            )
        ]
        if not ids:
            return 0
        with conn:
            for case_id in ids:
                delete_case_rows(conn, case_id)
        conn.execute("VACUUM")
        if _integrity_problem(conn):
            raise sqlite3.DatabaseError("integrity")
        return len(ids)
    finally:
        conn.close()


def retention_last_day(today: date, retention_days: int) -> date:
    """The last closing day a case may have to be purged today."""
    return today - timedelta(days=retention_days)


def rotation_of(db_path: Path | str) -> tuple[int, int, int]:
    """The rotation the database's settings ask for (the defaults when they cannot be read)."""
    from ..core.settings import Settings, settings_errors

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
