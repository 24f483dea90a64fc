"""The case database's connection: opening, transactions (batch, reads, declared writes) and the
change log that tells a reader what was written since (the connection part of CaseStore)."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path

from .changes import CaseChanges, ChangeLog, ChangeToken
from .errors import StoreError, WriteRefusal
from .opening import open_database, store_error

_log = logging.getLogger(__name__)


def utc_now() -> str:
    """The moment of a write as stored in created_at/updated_at columns."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def delete_case_rows(conn: sqlite3.Connection, case_id: int) -> None:
    """Remove a case and everything that holds it (purge, deletion, an undone import, a copy's purge).

    One statement per table: the events' self-references are checked per statement.
    """
    for table in ("case_dates", "events", "case_changes"):
        conn.execute(f"DELETE FROM {table} WHERE case_id = ?", (case_id,))
    conn.execute("DELETE FROM cases WHERE id = ?", (case_id,))


class StoreConnection:
    """One open SQLite connection and its transactions; a backup copy is opened read-only."""

    def __init__(self, path: Path, *, read_only: bool):
        from .copies import is_backup_path

        self.path = path
        # A copy (sikkerhedskopier/, .bak-N) is never written: restore it instead.
        self.read_only = read_only or is_backup_path(path)
        self.writes = ChangeLog()  # this store's write transactions and the cases each wrote
        self.conn: sqlite3.Connection | None = self._open()
        self._db_wrapper = None
        self._savepoints = 0
        self._after_commit: list[Callable[[], None]] = []  # run once the outermost batch is committed
        self._depth = 0  # batches open now (1: the outermost; more: savepoints inside it)
        self._lost: BaseException | None = None  # a part's error that ended the whole transaction
        self.refusal: WriteRefusal | None = None  # found damaged and kept in use: every write refused

    def _open(self) -> sqlite3.Connection:
        from .copies import is_backup_path

        return open_database(self.path, read_only=self.read_only, immutable=is_backup_path(self.path))

    def close(self) -> None:
        """Close the database (idempotent)."""
        if self.conn is not None:
            self.conn.close()
            self.conn = None

    def reopen(self) -> None:
        """Open the file again (after a restore put an older copy in place), migrated."""
        conn = self._open()
        self.close()
        self.conn, self._db_wrapper = conn, None
        self.writes.reopened()

    def connection(self) -> sqlite3.Connection:
        if self.conn is None:
            raise StoreError(f"Databasen {self.path} er lukket.")
        return self.conn

    @contextmanager
    def guard(self) -> Iterator[None]:
        """SQLite's errors as a StoreError with a Danish message naming the file."""
        try:
            yield
        except sqlite3.Error as exc:
            raise store_error(self.path, exc) from exc

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Group several changes into one transaction: all are saved or none. Every write comes here,
        so a database found damaged and kept in use (refusal) is refused here, before anything is written."""
        if self.refusal is not None:
            from .sqlite_errors import damaged_read_only_error

            raise damaged_read_only_error(self.path, good_copy=self.refusal.good_copy)
        conn = self.connection()
        with self.guard():
            if self._depth:
                yield from self._part_of_batch(conn)
            else:
                yield from self._whole_batch(conn)

    def _part_of_batch(self, conn: sqlite3.Connection) -> Iterator[None]:
        """Inside another batch: a savepoint, so that a failing part undoes only itself."""
        if self._lost is not None:  # the transaction is gone: nothing more can be part of it
            raise self._lost_error()
        self._savepoints += 1
        savepoint = f"batch_{self._savepoints}"
        conn.execute(f"SAVEPOINT {savepoint}")
        waiting = len(self._after_commit)
        self._depth += 1
        try:
            yield
        except BaseException as exc:
            del self._after_commit[waiting:]  # what this part said it did is undone with it
            if conn.in_transaction:
                conn.execute(f"ROLLBACK TO SAVEPOINT {savepoint}")
                conn.execute(f"RELEASE SAVEPOINT {savepoint}")
            else:  # SQLite rolled the whole transaction back (a full disk, an I/O error): all is lost
                self._after_commit.clear()
                self._lost = exc
            raise
        finally:
            self._depth -= 1
        conn.execute(f"RELEASE SAVEPOINT {savepoint}")

    def _whole_batch(self, conn: sqlite3.Connection) -> Iterator[None]:
        # Take the write lock at once: waits for another copy (busy timeout), no deadlock.
        conn.execute("BEGIN IMMEDIATE")
        self.writes.begin(conn.total_changes)
        self._lost = None
        self._depth = 1
        committed = False
        try:
            yield
            if self._lost is not None:  # a part's error, caught by the caller, ended the transaction
                raise self._lost_error()
            conn.commit()  # may fail (a full disk): then nothing is saved, and said so
            committed = True
        except BaseException:
            self._after_commit.clear()
            if conn.in_transaction:
                conn.rollback()
            raise
        finally:
            self._depth = 0
            self._lost = None
            self.writes.end(committed, conn.total_changes)
        done, self._after_commit = self._after_commit, []
        for then in done:
            try:
                then()
            except Exception:  # what is saved stays saved: a failing log line is only logged
                _log.exception("a step after a saved change failed")

    def _lost_error(self) -> StoreError:
        """The error for a batch whose transaction SQLite rolled back inside it: nothing is saved."""
        lost = self._lost
        cause = lost if isinstance(lost, sqlite3.Error) else getattr(lost, "__cause__", None)
        if isinstance(cause, sqlite3.Error):
            return store_error(self.path, cause)
        return StoreError(
            f"Databasen {self.path} afbrød ændringen undervejs. Intet er gemt. Prøv igen.",
            in_window=f"Databasen {self.path} afbrød ændringen undervejs. Intet er gemt. Prøv igen; sker det "
            "igen, så kontakt IT.",
            detail=f"{type(lost).__name__} i en del af ændringen",
            fault=True,
            says_nothing_saved=True,
        )

    def after_commit(self, then: Callable[[], None]) -> None:
        """Call then once what is written now is committed (at once outside a batch); never if it
        is rolled back: a log line saying a write was saved is true only after the commit."""
        if self._depth:
            self._after_commit.append(then)
        else:
            then()

    @contextmanager
    def writing(self, *case_ids: int) -> Iterator[set[int]]:
        """A write method's transaction (batch), declaring the cases it writes (changes_since);
        add to the set it yields what is known only later (a new case's id)."""
        with self.batch(), self.writes.claim(self.connection(), case_ids) as written:
            yield written

    @contextmanager
    def read(self) -> Iterator[sqlite3.Connection]:
        """One snapshot for the several queries of a read (inside a batch: the batch's own)."""
        conn = self.connection()
        with self.guard():
            if conn.in_transaction:
                yield conn
            else:
                conn.execute("BEGIN")
                try:
                    yield conn
                finally:
                    conn.commit()

    def insert(self, table: str, record: dict) -> int:
        """Insert one row; its id. Plain SQL: a save never imports sqlite-utils (start-up time)."""
        columns = ", ".join(f'"{name}"' for name in record)
        marks = ", ".join("?" * len(record))
        row_id = (
            self.connection()
            .execute(f'INSERT INTO "{table}" ({columns}) VALUES ({marks})', tuple(record.values()))
            .lastrowid
        )
        assert row_id is not None  # sqlite3 sets it after every INSERT
        return row_id

    @property
    def db(self):
        """sqlite-utils' view of the connection (tests of the schema); the store writes plain SQL."""
        if self._db_wrapper is None:
            from sqlite_utils import Database

            self._db_wrapper = Database(self.connection(), execute_plugins=False)
        return self._db_wrapper

    # ------------------------------------------------------------ what changed

    def change_token(self) -> ChangeToken:
        """This moment: compare with a later token, or pass it to changes_since (one PRAGMA)."""
        with self.guard():
            version = self.connection().execute("PRAGMA data_version").fetchone()[0]
        return ChangeToken(version, self.writes.writes)

    def changes_since(self, token: ChangeToken | None) -> CaseChanges | None:
        """None when nothing was written since token; else the cases written, or "anything".

        Anything: another program wrote (which cases is not known), the file was restored, or
        a write of this store declared no cases. Take the token before reading what it guards:
        a write landing between the two is then reported, never missed.
        """
        current = self.change_token()
        if current == token:
            return None
        if token is None or token.data_version != current.data_version:
            return CaseChanges(current, None)
        return CaseChanges(current, self.writes.since(token.writes))


class StoreClock:
    """'Today' as the writing parts ask it; one holder, so that setting store.clock reaches them all."""

    def __init__(self, today: Callable[[], date]):
        self.today = today

    def __call__(self) -> date:
        return self.today()
