"""The operating system's and SQLite's reasons, said in Danish in the messages a caseworker reads."""

from __future__ import annotations

import errno
import sqlite3

import pytest

from caseworker_app.core.os_text import reason_text


@pytest.mark.parametrize(
    ("exc", "said"),
    [
        (OSError(errno.ENOSPC, "No space left on device"), "disken er fuld"),
        (OSError(errno.EROFS, "Read-only file system"), "disken eller mappen er skrivebeskyttet"),
        (IsADirectoryError(errno.EISDIR, "Is a directory"), "det er en mappe, ikke en fil"),
        (FileExistsError(errno.EEXIST, "File exists"), "den findes allerede"),
        (sqlite3.OperationalError("disk I/O error"), "fejl ved læsning eller skrivning på disken"),
        (sqlite3.OperationalError("attempt to write a readonly database"), "databasen er skrivebeskyttet"),
        (sqlite3.OperationalError("database or disk is full"), "databasen eller disken er fuld"),
    ],
)
def test_the_reasons_a_caseworker_meets_are_danish(exc, said):
    assert reason_text(exc) == said


def test_a_reason_not_known_is_given_as_it_came():
    assert reason_text(OSError(errno.ECONNRESET, "Connection reset by peer")) == "Connection reset by peer"
