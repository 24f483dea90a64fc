"""CaseStore's methods for imports (ImportsPart, ImportUndoPart): thin delegations, as in case_store.py."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .import_batches import CaseUpdate, ImportBatch, NewCase
    from .store_parts import StoreParts


class ImportMethods:
    """Part of CaseStore: saving, listing and undoing imports, and the remembered column mapping."""

    _parts: StoreParts

    def save_import_batch(
        self,
        *,
        file_name: str,
        sheet: str | None,
        rows_read: int,
        skipped: int,
        invalid: int,
        new_cases: Sequence[NewCase],
        updates: Sequence[CaseUpdate],
    ) -> int:
        """Save an import in one transaction and return its batch number (ImportConflictError:
        nothing saved, a new case's FASIT number and trial is in the database already)."""
        return self._parts.imports.save_import_batch(
            file_name=file_name,
            sheet=sheet,
            rows_read=rows_read,
            skipped=skipped,
            invalid=invalid,
            new_cases=new_cases,
            updates=updates,
        )

    def import_batches(self) -> list[ImportBatch]:
        """Every import, newest first."""
        return self._parts.imports.import_batches()

    def undo_import_problem(self, batch_id: int) -> str | None:
        """Why the import cannot be undone (Danish), or None when it can."""
        return self._parts.import_undo.undo_import_problem(batch_id)

    def undo_import(self, batch_id: int) -> tuple[int, int]:
        """Undo an import as a whole; (cases deleted, cases restored), or ImportUndoError."""
        return self._parts.import_undo.undo_import(batch_id)

    def remembered_import_mapping(self) -> dict:
        """The column mapping the last import used ({} when none or unreadable)."""
        return self._parts.imports.remembered_import_mapping()

    def remember_import_mapping(self, value: Mapping) -> None:
        """Keep a column mapping (JSON-able) for the next import."""
        self._parts.imports.remember_import_mapping(value)
