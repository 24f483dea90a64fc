"""Errors the store raises; every message is Danish and says what to do."""

from __future__ import annotations

from dataclasses import dataclass


class StoreError(Exception):
    """The database cannot be used: the message names the file and what to do.

    str() is the command line's text; window_text() the window's, where the advice differs (a menu
    rather than an option such as --db) and the system's own words (often English SQLite text,
    the detail) come last as a technical line.

    fault: the database or its disk failed (store_error's errors, damage), told in the window as a
    database fault; else a refusal or a program's error (a case gone, a closed store).
    says_nothing_saved: the message itself says nothing was saved ("Intet er gemt").
    """

    fault = False

    def __init__(
        self,
        message: str,
        *,
        in_window: str | None = None,
        detail: str | None = None,
        fault: bool | None = None,
        says_nothing_saved: bool = False,
    ):
        super().__init__(message)
        self.in_window = in_window
        self.detail = detail
        if fault is not None:
            self.fault = fault
        self.says_nothing_saved = says_nothing_saved

    def window_text(self) -> str:
        """The message as the window shows it."""
        text = self.in_window or str(self)
        return f"{text}\n\nTeknisk oplysning til IT: {self.detail}" if self.detail else text


class DamagedDatabaseError(StoreError):
    """The file is not a case database or is damaged; a backup may be restored in its place."""

    fault = True


class CopyRefusedError(StoreError):
    """The copy chosen for a restore cannot be restored (missing, not a case database, damaged, made by
    a newer version, or the database itself); nothing changed. The command line's wrong file: exit 2."""


class CaseNotFoundError(StoreError):
    """No case with that id (it may have been removed by another copy of the program).

    case_id: the id asked for (None when no case can have it); the window closes what it has open
    of that case (ui/store_errors.py)."""

    def __init__(self, message: str, *, case_id: int | None = None):
        super().__init__(message)
        self.case_id = case_id


class ValidationError(Exception):
    """Input that cannot be saved (nothing was): errors maps field name -> Danish message."""

    def __init__(self, errors: dict[str, str]):
        self.errors = dict(errors)
        super().__init__("; ".join(self.errors.values()))


@dataclass(frozen=True)
class WriteRefusal:
    """Why an open database refuses every write before anything is written: it was found damaged and
    is kept in use (the caseworker chose 'Ikke nu', or there is no good copy to restore) until a
    good copy is restored (CaseStore.reopen(restored=True)). Its message: sqlite_errors.py
    damaged_read_only_error."""

    good_copy: bool  # a good copy can be restored (Filer › Sikkerhedskopier); else IT must help
