"""Errors the store raises; every message is Danish and says what to do."""

from __future__ import annotations


class StoreError(Exception):
    """The database cannot be used: the message names the file and what to do."""


class DamagedDatabaseError(StoreError):
    """The file is not a case database or is damaged; a backup may be restored in its place."""


class CaseNotFoundError(StoreError):
    """No case with that id (it may have been removed by another copy of the program)."""


class ValidationError(Exception):
    """Input that cannot be saved (nothing was): errors maps field name -> Danish message."""

    def __init__(self, errors: dict[str, str]):
        self.errors = dict(errors)
        super().__init__("; ".join(self.errors.values()))
