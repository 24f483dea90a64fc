"""The store's kept list of every case, in name order, patched case by case."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Mapping

from ..core.cases import CaseRecord
from ..core.collation import case_order, danish_key
from ..core.id_map import IdMap

# Rows are read by id and sorted by name here, in Python (docs/ARCHITECTURE.md, "Alphabetical
# order"): SQLite's NOCASE knows neither æ, ø, å nor case beyond ASCII, and a Python collation
# in ORDER BY would call Python for each comparison.
READ_ORDER = "ORDER BY id"


def _ID(case: CaseRecord) -> int:  # noqa: N802 - a key function, as operator.attrgetter("id")
    return case.id


def _name(case: CaseRecord) -> str:
    return danish_key(case.citizen)


def in_name_order(records: list[CaseRecord]) -> list[CaseRecord]:
    """records read in READ_ORDER, sorted in place by core.collation.case_order (name, then id:
    the sort is stable, so equal names keep the id order they were read in) and returned."""
    records.sort(key=_name)
    return records


class CaseList:
    """Every case, sorted by core.collation.case_order, with an index by id."""

    def __init__(self, records: Iterable[CaseRecord] = ()) -> None:
        self.records: list[CaseRecord] = list(records)  # in case_order (as CaseReads.load gives them)
        self.by_id: IdMap[CaseRecord] = IdMap.of(self.records, _ID)  # a list by id: 0.8 MB, a dict 5 MB

    def patch(self, case_ids: Iterable[int], current: Mapping[int, CaseRecord]) -> bool:
        """Replace the cases case_ids by their current records (absent there: deleted).

        Each is found and placed by bisection on its case_order key (no copy of the keys is kept:
        memory). False when that does not find a case where the list has it (a list not in that
        order): the caller then reads every case.
        """
        records = self.records
        try:
            ids = [i for i in case_ids if i in self.by_id or i in current]
            new = {i: (current[i], case_order(current[i])) for i in ids if i in current}
            for i in ids:
                old = self.by_id.pop(i, None)
                if old is not None:
                    at = bisect_left(records, case_order(old), key=case_order)
                    if at == len(records) or records[at].id != i:
                        return False
                    del records[at]
            for i, (case, key) in new.items():
                records.insert(bisect_left(records, key, key=case_order), case)
                self.by_id[i] = case
        except (TypeError, AttributeError):
            return False
        return True
