"""Which field each column of a case list is: guessed from its header, or as the user chose it for
that header at an earlier import in the same database (remembered there)."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from typing import TYPE_CHECKING

from ...core.import_mapping import ColumnMapping
from ...core.import_mapping import guess_mapping as _guess_mapping

if TYPE_CHECKING:  # a type only: no import of the store when this module loads
    from ...store.case_store import CaseStore


def guess_mapping(
    headers: Iterable[object], remembered: Mapping | None = None, *, hidden: Collection[int] = ()
) -> ColumnMapping:
    """The field of each column: remembered for its header (remembered_mapping), else guessed; a
    column hidden in Excel (hidden: SourceTable.hidden_columns) only when no visible one has the field."""
    remembered = remembered or {}
    columns = remembered.get("columns")
    return _guess_mapping(
        headers,
        columns if isinstance(columns, Mapping) else None,
        remembered.get("default_trial") if isinstance(remembered.get("default_trial"), str) else None,
        hidden=hidden,
    )


def remembered_mapping(store: CaseStore) -> dict:
    """The mapping kept by remember_mapping: {'columns': {folded header: field}, 'default_trial'}."""
    return store.remembered_import_mapping()


def remember_mapping(store: CaseStore, mapping: ColumnMapping) -> None:
    """Keep the mapping for the next import (headers seen before keep theirs unless changed)."""
    earlier = remembered_mapping(store)
    columns = dict(earlier["columns"]) if isinstance(earlier.get("columns"), Mapping) else {}
    for header in mapping.recognised_headers():  # as guessed: nothing to keep (a stale 'ignore' goes)
        columns.pop(header, None)
    columns.update(mapping.remembered())
    value = {"columns": columns, "default_trial": mapping.default_trial}
    if value != earlier:  # an import of a known list writes nothing more
        store.remember_import_mapping(value)
