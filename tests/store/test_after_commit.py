"""What a batch says it did (after_commit: a log line that a write was saved) is said only when SQLite
committed it (reviewer): never for a transaction SQLite rolled back inside a part whose error the
caller swallowed, never queued by a read for some later batch, and a failing step after the commit does
not turn a saved change into 'Intet er gemt'."""

from __future__ import annotations

import logging
import sqlite3

import pytest

from caseworker_app.store import StoreError
from caseworker_app.store.connection import StoreConnection


@pytest.fixture
def db(tmp_path):
    connection = StoreConnection(tmp_path / "sager.db", read_only=False)
    connection.connection().execute("CREATE TABLE notes (text TEXT)")
    yield connection
    connection.close()


def texts(db) -> list[str]:
    with db.read() as conn:
        return [row[0] for row in conn.execute("SELECT text FROM notes ORDER BY rowid")]


def test_a_part_whose_error_ended_the_whole_transaction_leaves_the_batch_unsaved_and_unsaid(db):
    said: list[str] = []
    with pytest.raises(StoreError) as exc, db.batch():
        db.connection().execute("INSERT INTO notes VALUES ('første')")
        db.after_commit(lambda: said.append("første gemt"))
        try:
            with db.batch():
                db.connection().execute("INSERT INTO notes VALUES ('anden')")
                db.connection().execute("ROLLBACK")  # as SQLite does on a full disk (SQLITE_FULL)
                raise sqlite3.OperationalError("database or disk is full")
        except StoreError:
            pass  # the caller goes on, as if only the part were undone
        db.connection().execute("INSERT INTO notes VALUES ('tredje')")

    assert said == []
    assert texts(db) == []  # 'første' went with the rollback, 'tredje' is not committed alone
    assert "Intet er gemt" in str(exc.value) and exc.value.says_nothing_saved


def test_after_a_lost_batch_the_next_one_saves_and_says_so(db):
    with pytest.raises(StoreError), db.batch():
        try:
            with db.batch():
                db.connection().execute("ROLLBACK")
                raise sqlite3.OperationalError("disk I/O error")
        except StoreError:
            pass
    said: list[str] = []
    with db.batch():
        db.connection().execute("INSERT INTO notes VALUES ('igen')")
        db.after_commit(lambda: said.append("gemt"))
    assert said == ["gemt"]
    assert texts(db) == ["igen"]


def test_after_commit_in_a_read_runs_at_once_not_after_a_later_batch(db):
    said: list[str] = []
    with db.read():
        db.after_commit(lambda: said.append("læst"))
    assert said == ["læst"]
    with db.batch():
        db.connection().execute("INSERT INTO notes VALUES ('senere')")
    assert said == ["læst"]


def test_a_failing_step_after_the_commit_is_logged_and_the_save_stands(db, caplog):
    said: list[str] = []

    def failing() -> None:
        raise RuntimeError("a log line failed")

    with caplog.at_level(logging.ERROR), db.batch():
        db.connection().execute("INSERT INTO notes VALUES ('gemt')")
        db.after_commit(failing)
        db.after_commit(lambda: said.append("næste"))

    assert texts(db) == ["gemt"]
    assert said == ["næste"]
    [record] = [r for r in caplog.records if r.exc_info and r.exc_info[0] is RuntimeError]
    assert record.getMessage() == "a step after a saved change failed"
