"""The faults of an import list as the Fejl tab and `import --dry-run` say them: one sentence said
once, with every row it holds for. A tester's list had the same sentence 56 times, one per row,
and the other faults were lost among them. docs/import.md, 'Kontrol og gemning'."""

from __future__ import annotations

from collections.abc import Iterable

from .import_mapping import FIELD_LABELS
from .import_rows import RowError
from .redact import redact_cpr


def fault_texts(errors: Iterable[RowError]) -> list[str]:
    """Each fault once, in the order its first row comes: 'Række 7, kolonne 'Ansat': …' for one row,
    "15 rækker (4, 5, 9, … og 60), kolonne 'Forsøg': …" for the same sentence in the same column of
    several. Every row is named, so each can be found in Excel."""
    groups: dict[tuple[str | None, str, str], list[RowError]] = {}
    for error in errors:
        groups.setdefault((error.column, error.field, error.message), []).append(error)
    lines: list[str] = []
    for (column, field, message), found in groups.items():
        rows = sorted({error.row for error in found})
        if len(rows) == 1:
            lines.extend(error.text for error in found[:1])
            continue
        numbers = ", ".join(str(row) for row in rows[:-1]) + f" og {rows[-1]}"
        if column is None:
            where = f"{len(rows)} rækker ({numbers}; ingen kolonne er valgt som '{FIELD_LABELS.get(field, field)}')"
        else:
            where = f"{len(rows)} rækker ({numbers}), kolonne '{column}'"
        lines.append(redact_cpr(f"{where}: {message}"))
    return lines
