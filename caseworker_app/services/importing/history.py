"""The imports in a database, newest first, and undoing one as a whole ("Fortryd import")."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ...core.text import count_text
from ...store.import_batches import ImportBatch

if TYPE_CHECKING:  # a type only: no import of the store when this module loads
    from ...store.case_store import CaseStore


@dataclass(frozen=True)
class UndoResult:
    batch_id: int
    deleted: int  # new cases of the import, deleted
    restored: int  # updated cases given their earlier values back

    @property
    def summary(self) -> str:
        return (
            f"Import nr. {self.batch_id} er fortrudt: {count_text(self.deleted, 'sag slettet', 'sager slettet')}, "
            f"{count_text(self.restored, 'sag ført tilbage', 'sager ført tilbage')}."
        )


def import_batches(store: CaseStore) -> list[ImportBatch]:
    """Every import into the database, newest first (no personal data)."""
    return store.import_batches()


def undo_problem(store: CaseStore, batch_id: int) -> str | None:
    """Why the import cannot be undone now (Danish), or None when "Fortryd import" can."""
    return store.undo_import_problem(batch_id)


def undo_import(store: CaseStore, batch_id: int) -> UndoResult:
    """Undo an import as a whole, in one transaction; ImportUndoError (nothing changed) if refused."""
    deleted, restored = store.undo_import(batch_id)
    return UndoResult(batch_id, deleted, restored)
