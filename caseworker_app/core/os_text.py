"""Why a file or the database could not be used, in Danish: the operating system's and SQLite's own
texts are English ("Read-only file system", "disk I/O error"), and a caseworker reads the message."""

from __future__ import annotations

import errno

# By errno: the reasons a caseworker meets (a USB key pulled out, a full or read-only disk, a file
# held by Excel, a folder where a file was meant).
_BY_ERRNO = {
    errno.ENOSPC: "disken er fuld",
    errno.EROFS: "disken eller mappen er skrivebeskyttet",
    errno.EACCES: "du har ikke adgang til den",
    errno.EPERM: "du har ikke lov til det",
    errno.ENOENT: "den findes ikke",
    errno.EISDIR: "det er en mappe, ikke en fil",
    errno.ENOTDIR: "en del af stien er en fil, ikke en mappe",
    errno.EEXIST: "den findes allerede",
    errno.EBUSY: "den er i brug af et andet program",
    errno.EIO: "fejl ved læsning eller skrivning på disken",
    errno.ENAMETOOLONG: "navnet er for langt",
    errno.EINVAL: "navnet kan ikke bruges",
}
# By SQLite's message (sqlite3 gives no errno for these).
_BY_SQLITE_TEXT = {
    "database or disk is full": "databasen eller disken er fuld",
    "disk i/o error": "fejl ved læsning eller skrivning på disken",
    "attempt to write a readonly database": "databasen er skrivebeskyttet",
    "unable to open database file": "databasefilen kan ikke åbnes",
    "database is locked": "databasen er optaget af et andet program",
    "file is not a database": "filen er ikke en database",
    "database disk image is malformed": "databasen er beskadiget",
}


def reason_text(exc: BaseException) -> str:
    """The reason in Danish; the original text (in parentheses after it) when it is not one of these."""
    number = getattr(exc, "errno", None)
    if isinstance(number, int) and number in _BY_ERRNO:
        return _BY_ERRNO[number]
    text = (getattr(exc, "strerror", None) or str(exc)).strip()
    return _BY_SQLITE_TEXT.get(text.casefold(), text)
