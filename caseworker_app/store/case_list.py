"""The store's kept list of every case, in the database's order, patched case by case."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Mapping

from ..core.cases import CaseRecord

# SQLite's NOCASE folds only the 26 ASCII capitals; comparing the folded text code point by code
# point is comparing its UTF-8 bytes, as SQLite does: the same order as ORDER BY below.
_NOCASE = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
ORDER_BY = "ORDER BY citizen COLLATE NOCASE, id"


def order_key(case: CaseRecord) -> tuple[str, int]:
    """The case's place in ORDER_BY (TypeError for a name that is not text)."""
    return case.citizen.translate(_NOCASE), case.id


class CaseList:
    """Every case, sorted as ORDER_BY sorts them, with an index by id."""

    def __init__(self, records: Iterable[CaseRecord] = ()) -> None:
        self.records: list[CaseRecord] = list(records)  # as read with ORDER_BY
        self.by_id: dict[int, CaseRecord] = {c.id: c for c in self.records}

    def patch(self, case_ids: Iterable[int], current: Mapping[int, CaseRecord]) -> bool:
        """Replace the cases case_ids by their current records (absent there: deleted).

        Each is found and placed by bisection on its ORDER_BY key (no copy of the keys is kept:
        memory). False when that does not find a case where the list has it (a name that is not
        text, an order SQLite and Python see differently): the caller then reads every case.
        """
        records = self.records
        try:
            ids = [i for i in case_ids if i in self.by_id or i in current]
            new = {i: (current[i], order_key(current[i])) for i in ids if i in current}
            for i in ids:
                old = self.by_id.pop(i, None)
                if old is not None:
                    at = bisect_left(records, order_key(old), key=order_key)
                    if at == len(records) or records[at].id != i:
                        return False
                    del records[at]
            for i, (case, key) in new.items():
                records.insert(bisect_left(records, key, key=order_key), case)
                self.by_id[i] = case
        except (TypeError, AttributeError):
            return False
        return True
