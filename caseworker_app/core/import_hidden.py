"""Columns and rows a workbook hides (.xlsx): a caseworker hides an old column instead of deleting
it, and a filter hides a colleague's rows. Neither is seen in Excel, so the import must not use one
unseen: the guess prefers a visible column (import_mapping.guess_mapping), and every hidden column
or row that is read is named (hidden_column_notes, hidden_rows_note).

openpyxl's read-only sheet does not read which columns and rows are hidden, so the sheet's XML is
searched, as for merged cells (import_merged).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import BinaryIO

from .import_mapping import FIELD_LABELS, ColumnMapping, recognized_field
from .import_table import SourceTable, column_letter
from .xml_scan import sheet_matches

# <col min="5" max="5" hidden="1" …/> and <row r="7" hidden="1" …> (prefixed by some writers); only
# the tags with hidden true are matched, so a sheet without hidden parts costs one search per chunk.
_HIDDEN_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(row|col)\s([^>]*?\bhidden\s*=\s*[\"'](?:1|true)[\"'][^>]*)>")
_ATTRIBUTE = re.compile(rb"\b(r|min|max)\s*=\s*[\"'](\d+)[\"']")
_OVERLAP = 1024  # longer than a row or col tag: one cut by a chunk's end is found in the next
_LISTED = 10  # rows named in a note; more are counted


@dataclass(frozen=True)
class HiddenParts:
    """The hidden columns (0-based) and rows (as Excel numbers them) of a sheet."""

    columns: frozenset[int] = frozenset()
    rows: frozenset[int] = frozenset()


def hidden_parts(stream: BinaryIO) -> HiddenParts:
    """The columns and rows a worksheet's XML hides, read in chunks (never held whole)."""
    columns: set[int] = set()
    rows: set[int] = set()
    for match in sheet_matches(stream, b"hidden", _HIDDEN_TAG, _OVERLAP):
        kind, attributes = match.groups()
        found = {name: int(value) for name, value in _ATTRIBUTE.findall(attributes)}
        if kind == b"row" and b"r" in found:
            rows.add(found[b"r"])
        elif kind == b"col" and b"min" in found:
            last = min(found.get(b"max", found[b"min"]), found[b"min"] + 16_384)
            columns.update(range(found[b"min"] - 1, last))
    return HiddenParts(frozenset(columns), frozenset(rows))


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def column_name(table: SourceTable, column: int) -> str:
    """ "kolonne E 'Sidste opfølgning'"."""
    return f"kolonne {column_letter(column)} '{table.headers[column]}'"


def hidden_column_notes(table: SourceTable, mapping: ColumnMapping) -> tuple[str, ...]:
    """'⚠ Kolonne E … er skjult i Excel, men bruges som …' for each hidden column that is imported,
    naming a visible column whose header names the same field; and, for a hidden column left out
    because a visible one has its field, which column that is."""
    notes: list[str] = []
    for column in sorted(table.hidden_columns):
        if column >= len(mapping.fields):
            continue
        field = mapping.fields[column]
        name = column_name(table, column)
        if field is not None:
            label = FIELD_LABELS[field]
            note = (
                f"⚠ {_upper_first(name)} er skjult i Excel, men bruges som '{label}'. En skjult kolonne "
                "er tit en gammel: kontrollér, at det er den rigtige, eller vælg et andet felt til den."
            )
            others = [
                c
                for c, header in enumerate(table.headers)
                if c != column and c not in table.hidden_columns and recognized_field(header) == field
            ]
            if others:
                note += f" {_upper_first(column_name(table, others[0]))} er synlig og kan også være '{label}'."
            notes.append(note)
            continue
        named = recognized_field(table.headers[column])
        owner = mapping.column_of(named) if named is not None else None
        if named is not None and owner is not None:
            notes.append(
                f"{_upper_first(name)} er skjult i Excel og bruges ikke: '{FIELD_LABELS[named]}' læses fra "
                f"{column_name(table, owner)}"
                + (", der også er skjult." if owner in table.hidden_columns else ", der er synlig.")
            )
    return tuple(notes)


def rows_listed(numbers: list[int]) -> str:
    """'række 7', 'rækkerne 7, 9 og 12', 'rækkerne 7, 9, … og 5 rækker mere'."""
    if len(numbers) == 1:
        return f"række {numbers[0]}"
    shown = [str(n) for n in numbers[:_LISTED]]
    if len(numbers) > _LISTED:
        return f"rækkerne {', '.join(shown)} og {len(numbers) - _LISTED} rækker mere"
    return f"rækkerne {', '.join(shown[:-1])} og {shown[-1]}"


def hidden_data_rows(table: SourceTable) -> list[int]:
    """The rows of data (not empty, under the header) that Excel hides, in order."""
    return [row.number for row in table.rows if row.number in table.hidden_rows]


def hidden_rows_note(numbers: list[int], *, left_out: bool) -> str:
    """What the preview says of the hidden rows: imported (⚠) or left out as the user chose."""
    if not numbers:
        return ""
    which = rows_listed(numbers)
    if left_out:
        return f"{_upper_first(which)} er skjult i Excel (fx af et filter) og springes over, som du har valgt."
    return (
        f"⚠ {_upper_first(which)} er skjult i Excel (fx af et filter), men importeres som de andre. "
        "Er det fx en kollegas sager, så vælg at springe skjulte rækker over."
    )
