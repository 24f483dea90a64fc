"""save_import: the preview's rows saved in one transaction, or nothing saved and a Danish reason."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from ...core.import_mapping import EVENT_FIELDS
from ...core.terms import DATE_NAMES
from ...core.text import count_text
from ...store.import_batches import CaseUpdate, ImportConflictError, NewCase
from .duplicates import UPDATABLE, changed_since
from .rows import DUPLICATE_CHOICES, SKIP, ImportPreview, ImportRow, rows_text

if TYPE_CHECKING:  # a type only: no import of the store when this module loads
    from ...store.case_store import CaseStore


class ImportRefusedError(Exception):
    """save_import would save part of a list, or nothing can be imported; Danish message."""


@dataclass(frozen=True)
class ImportResult:
    """What save_import did."""

    batch_id: int | None  # None: nothing was saved (every row skipped)
    created: int = 0
    updated: int = 0
    skipped_duplicates: int = 0  # found in the database and left as they are
    skipped_invalid: int = 0  # rows with faults, left out because only_valid was chosen

    @property
    def summary(self) -> str:
        """'Import nr. 3: 12 sager oprettet, 0 opdateret.' or 'Intet er gemt: 5 fandtes allerede …'."""
        parts = []
        if self.batch_id is not None:
            parts = [count_text(self.created, "sag oprettet", "sager oprettet"), f"{self.updated} opdateret"]
        if self.skipped_duplicates:
            parts.append(f"{self.skipped_duplicates} fandtes allerede og blev sprunget over")
        if self.skipped_invalid:
            parts.append(f"{rows_text(self.skipped_invalid)} med fejl blev ikke importeret")
        if self.batch_id is None:
            return "Intet er gemt: " + (", ".join(parts) or "listen har ingen nye sager") + "."
        return f"Import nr. {self.batch_id}: " + ", ".join(parts) + "."


def save_import(
    store: CaseStore, preview: ImportPreview, *, only_valid: bool = False, duplicates: str = SKIP
) -> ImportResult:
    """Save the preview's rows in one transaction (see the package docstring)."""
    if duplicates not in DUPLICATE_CHOICES:
        raise ValueError(f"duplicates must be one of {DUPLICATE_CHOICES}")
    if preview.mapping_errors:
        raise ImportRefusedError(" ".join(preview.mapping_errors))
    invalid = preview.invalid_rows(duplicates)
    if invalid and not only_valid:
        raise ImportRefusedError(
            f"{rows_text(len(invalid))} har fejl, så intet er gemt. Ret fejlene i regnearket og læs det igen, "
            "eller vælg at importere kun de gyldige rækker."
        )
    if not preview.rows:
        raise ImportRefusedError(preview.nothing_text())
    new_cases = [
        NewCase(
            citizen=row.draft.citizen,
            case_ref=row.draft.case_ref,
            trial_id=row.draft.trial_id,
            dates=row.draft.dates,
            caseworker=row.draft.caseworker,
            cpr=row.draft.cpr,
            note=row.draft.note,
            last_followup=event[1] if (event := _event(row)) else None,
            last_event_kind=event[0] if event else "followup",
        )
        for row in preview.new_rows
    ]
    to_update = [r for r in preview.duplicate_rows if r.saved_with(duplicates)]
    skipped_duplicates = sum(1 for r in preview.duplicate_rows if r.ok and not r.saved_with(duplicates))
    if not new_cases and not to_update:
        return ImportResult(None, skipped_duplicates=skipped_duplicates, skipped_invalid=len(invalid))
    with store.batch():  # one transaction: the checks below see what is saved
        updates = [_update(store, row) for row in to_update]
        batch_id = store.save_import_batch(
            file_name=preview.table.file_name,
            sheet=preview.table.sheet,
            rows_read=len(preview.rows),
            skipped=skipped_duplicates,
            invalid=len(invalid),
            new_cases=new_cases,
            updates=updates,
        )
    return ImportResult(batch_id, len(new_cases), len(updates), skipped_duplicates, len(invalid))


def _update(store: CaseStore, row: ImportRow) -> CaseUpdate:
    """The update the preview showed; ImportConflictError if the case changed since it was read."""
    found = row.duplicate
    assert found is not None and found.updated is not None  # saved_with: an open duplicate to update
    if changed_since(found, store.get_case(found.case.id), row.draft):
        what = f"Sag nr. {found.case.id} er ændret, siden listen blev læst. Intet er gemt."
        raise ImportConflictError(
            f"{what} Importér filen igen.",
            in_window=f"{what} Forhåndsvisningen er lavet igen; se den, og tryk Importér.",  # the dialog reads again
        )
    names = {c.field for c in found.changes}
    fields: dict[str, object] = {name: getattr(found.updated, name) for name in UPDATABLE if name in names}
    if names & set(DATE_NAMES):
        fields["dates"] = dict(found.updated.dates)
    return CaseUpdate(found.case.id, fields, found.followup, found.event_kind)


def _event(row: ImportRow) -> tuple[str, date] | None:
    """The kind and day of the event a new case's row registers (its latest follow-up or decision)."""
    for name, day in row.draft.last_events().items():  # one: no trial has both events
        return EVENT_FIELDS[name], day
    return None
