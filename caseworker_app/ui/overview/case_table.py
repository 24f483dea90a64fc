"""The Sager tab's model: one row per case with its next deadline, CPR masked; sorts and filters itself."""

from __future__ import annotations

import operator
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Signal

from ...core.cases import CaseDeadline, CaseRecord
from ...core.collation import case_order, danish_key
from ...core.cpr import mask_cpr
from ...core.deadline import OVERDUE, Deadline
from ...core.id_map import IdMap
from ...core.search_narrowing import NarrowingSearch
from ...core.selection import SearchTexts, Selection, reselect, search_needle, select
from ..case_deadlines_model import next_due_cell_text
from ..colours import overdue_brush
from ..model_base import BOLD, ROOT, ColumnTableModel, Index
from .common import (
    DISPLAY,
    FONT,
    FOREGROUND,
    ITEM,
    SHOWN_ROLES,
    TOOLTIP,
    CaseColumn,
    _itself,
)

if TYPE_CHECKING:
    from PySide6.QtCore import Qt


def _case_id(case: CaseRecord) -> int:
    return case.id


class CaseTableModel(ColumnTableModel):
    """The case list: one row per case with its next deadline, CPR masked; sorts and filters itself.

    Sorting and filtering are plain Python over precomputed keys: a QSortFilterProxyModel asked
    data() twice per comparison and called filterAcceptsRow once per row per keystroke, which
    made searching 10,000 cases slower than the 50 ms a keystroke may take.
    """

    COLUMNS = (
        "Borger",
        "Sagsnr.",
        "CPR",
        "Forsøg",
        "Sagsbehandler",
        "Status",
        "Næste frist",
        "Hvad",
    )

    shown_changed = Signal()  # after every change of content or filter

    def __init__(self, parent=None, texts: SearchTexts | None = None):
        super().__init__(parent)
        self._cases: list[CaseRecord] = []  # every case, in sort order (ties: the store's order)
        self._texts = texts if texts is not None else SearchTexts()  # made when a search first needs them
        self._rows: list[CaseRecord] = []  # the cases shown, one per row
        # By case id (core/id_map.py: at 100,000 cases 0.8 MB each, a dict 5 MB).
        self._by_id: IdMap[CaseRecord] = IdMap()
        self._next: IdMap[Deadline] = IdMap()  # each case's next deadline
        self._sort_column = -1
        self._descending = False  # the sort order (Qt's `Qt` namespace is built only once the list sorts)
        self._needle = ""
        self._filters = {"trial_id": "", "status": "", "caseworker": ""}
        self.selection: Selection[CaseRecord] = Selection((), 0)  # the rows shown, in _cases' order
        # The rows of an empty search and of the last searches, while content, order and filters hold.
        self._search: NarrowingSearch[CaseRecord] = NarrowingSearch(self._texts.of)

    # -- content, order and filter
    def set_cases(
        self,
        cases: Sequence[CaseRecord],
        deadlines: Sequence[CaseDeadline],
        *,
        trial: str | None = None,
        status: str | None = None,
        caseworker: str | None = None,
    ) -> None:
        """Every case (in the store's order, store.list_cases) and every deadline (earliest first);
        filters given here apply to the new content (as set_filters; None keeps the filter)."""
        for key, value in (("trial_id", trial), ("status", status), ("caseworker", caseworker)):
            if value is not None:
                self._filters[key] = value
        # The deadlines are sorted earliest first, so the first of a case is its next one.
        self._next = IdMap.pairs(
            [item.case.id for item in deadlines], [item.deadline for item in deadlines], first=True
        )
        cases = list(cases)
        self._reset(cases, IdMap.of(cases, _case_id))

    def patch_cases(self, cases: Mapping[int, CaseRecord | None], next_due: Mapping[int, Deadline | None]) -> None:
        """These cases changed (None: deleted; next_due: each one's next deadline, None: none): their
        rows alone are removed and inserted where the order puts them, or changed in place; the count
        comes from core.selection.reselect over these cases only (no pass over every case)."""
        shown_before = self._rows
        old_cases: list[CaseRecord] = []
        shown_at: dict[int, int] = {}  # id() of an old record shown -> its row, found with its old key
        for case_id in cases:  # out at their old places (found with their old keys)
            old = self._by_id.pop(case_id, None)
            if old is not None:
                at = self._bisect(old)
                if at == len(self._cases) or self._cases[at] is not old:  # not where the order says
                    self._full_patch(cases, next_due)
                    return
                del self._cases[at]
                old_cases.append(old)
                row = self._bisect(old, shown_before)
                if row < len(shown_before) and shown_before[row] is old:
                    shown_at[id(old)] = row
        new_cases: list[CaseRecord] = []
        for case_id, case in cases.items():
            deadline = next_due.get(case_id)
            if deadline is None:
                self._next.pop(case_id, None)
            else:
                self._next[case_id] = deadline
            if case is not None:
                self._cases.insert(self._bisect(case), case)
                self._by_id[case_id] = case
                new_cases.append(case)
        self._search.stop()
        text_of = self._texts.of
        selection = reselect(
            self.selection,
            [case for case in old_cases if self._in_base(case)],
            [case for case in new_cases if self._in_base(case)],
            find=lambda _rows, case: shown_at.get(id(case), -1),
            place=lambda rows, case: self._bisect(case, rows),
            caseworker=self._filters["caseworker"],
            needle=self._needle,
            case_of=_itself,
            text_of=text_of,
        )
        if selection is None:  # a row shown was not where its order says: choose again
            self._full_patch(cases, next_due)
            return
        self.selection = selection
        if not self._needle:
            self._search.start(selection)
        rows = list(selection.items)
        gone = sorted(shown_at[id(case)] for case in old_cases if id(case) in shown_at)
        come = sorted(row for case in new_cases if (row := self._row_of(case, rows)) >= 0)
        if gone == come:  # in the same rows: the view keeps its selection there
            self._rows = rows
            for row in come:
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))
        else:
            self._rows = list(shown_before)
            for row in reversed(gone):
                self.beginRemoveRows(ROOT, row, row)
                del self._rows[row]
                self.endRemoveRows()
            for row in come:
                self.beginInsertRows(ROOT, row, row)
                self._rows.insert(row, rows[row])
                self.endInsertRows()
        self.shown_changed.emit()

    def _in_base(self, case: CaseRecord) -> bool:
        """Of the chosen trial and status (the rows the count is "of")."""
        trial, status = self._filters["trial_id"], self._filters["status"]
        return (not trial or case.trial_id == trial) and (not status or case.status == status)

    def _row_of(self, case: CaseRecord, rows: Sequence[CaseRecord]) -> int:
        """The place of case in rows (in _cases' order), found by bisection; -1 if absent."""
        at = self._bisect(case, rows)
        return at if at < len(rows) and rows[at] is case else -1

    def _full_patch(self, cases: Mapping[int, CaseRecord | None], next_due: Mapping[int, Deadline | None]) -> None:
        """The fallback of patch_cases: every case laid out again."""
        by_id = IdMap.of(self._cases, _case_id)
        for case_id, case in cases.items():
            by_id.pop(case_id, None)
            if case is not None:
                by_id[case_id] = case
            deadline = next_due.get(case_id)
            if deadline is None:
                self._next.pop(case_id, None)
            else:
                self._next[case_id] = deadline
        self._reset(sorted(by_id.values(), key=case_order), by_id)

    def _reset(self, cases: list[CaseRecord], by_id: IdMap[CaseRecord]) -> None:
        """New content (cases in the store's order): sorted, indexed for search, filtered, shown."""
        self.beginResetModel()
        self._cases, self._by_id = cases, by_id
        self._order_cases()
        self._search.stop()
        self._rows = self._matching_rows()
        self.endResetModel()
        self.shown_changed.emit()

    def set_search(self, text: str) -> None:
        """Show only cases whose name, case reference or CPR contains text (dashes ignored)."""
        needle = search_needle(text)
        if needle == self._needle:
            return
        self._needle = needle
        self._refilter()

    def set_filters(self, *, trial: str = "", status: str = "", caseworker: str = "") -> None:
        """Trial and status as chosen; caseworker: name's cases and those with none ('' = all)."""
        filters = {"trial_id": trial, "status": status, "caseworker": caseworker}
        if filters != self._filters:  # refresh() sets the same filters again after set_cases
            self._filters = filters
            self._search.stop()
            self._refilter()

    def sort(self, column: int, order: Qt.SortOrder | None = None) -> None:
        from PySide6.QtCore import Qt  # built by now: PySide passed the order in (or a caller made it)

        self.layoutAboutToBeChanged.emit()
        shown_before = self._rows
        self._sort_column, self._descending = column, order == Qt.SortOrder.DescendingOrder
        self._cases.sort(key=case_order)  # ties in the store's order, whatever was sorted before
        self._order_cases()
        self._search.stop()
        self._rows = self._matching_rows()
        new_row = {id(case): row for row, case in enumerate(self._rows)}
        old = self.persistentIndexList()
        self.changePersistentIndexList(old, [self.index(new_row[id(shown_before[i.row()])], i.column()) for i in old])
        self.layoutChanged.emit()

    def _refilter(self) -> None:
        before = self.selection.items
        self._matching_rows()
        items = self.selection.items
        # The same rows ("2026" after "2", both in every case number): no reset, no copy, no repaint.
        if items is not before and (len(items) != len(self._rows) or any(map(operator.is_not, items, self._rows))):
            self.beginResetModel()
            self._rows = list(items)
            self.endResetModel()
        self.shown_changed.emit()

    def _order_cases(self) -> None:
        if self._sort_column >= 0:
            reverse = self._descending
            column = self._sort_column
            self._cases.sort(key=lambda c: self._sort_key(c, column), reverse=reverse)

    def _bisect(self, case: CaseRecord, within: Sequence[CaseRecord] | None = None) -> int:
        """Where case is, or goes, in _cases (or within, rows in its order): the sort column's
        order, ties in the store's order."""
        cases, column = self._cases if within is None else within, self._sort_column
        reverse = self._descending
        key = self._sort_key(case, column) if column >= 0 else None
        tie = case_order(case)
        low, high = 0, len(cases)
        while low < high:
            middle = (low + high) // 2
            other = cases[middle]
            if key is not None and (other_key := self._sort_key(other, column)) != key:
                before = other_key > key if reverse else other_key < key
            else:
                before = case_order(other) < tie
            if before:
                low = middle + 1
            else:
                high = middle
        return low

    def _matching_rows(self) -> list[CaseRecord]:
        """The rows of the chosen trial and status, then (core.selection.select) of the chosen
        caseworker and search; `selection` counts them against the trial and status rows. The
        search looks among the rows of an earlier one (core.search_narrowing), kept until the
        content, the order or a filter changes."""
        search = self._search
        if search.unsearched is None:
            trial, status = self._filters["trial_id"], self._filters["status"]
            cases = self._cases
            base = (
                cases
                if not trial and not status
                else [
                    case
                    for case in cases
                    if (not trial or case.trial_id == trial) and (not status or case.status == status)
                ]
            )
            search.start(select(base, caseworker=self._filters["caseworker"], case_of=_itself))
        self.selection, _parts = search.search(self._needle)
        return list(self.selection.items)

    def warm_search(self) -> None:
        """Make the search texts of the rows shown with no search, so the first keystroke finds
        them ready (after the paint: ui/mainwindow/cases_tab.py)."""
        if self._search.unsearched is not None:
            self._search.warm()

    def _sort_key(self, case: CaseRecord, column: int) -> tuple[int, str]:
        """The column's value to sort by (a date as a number, a text by core.collation); equal
        values keep the store's order (case_order: by name, then id), as _order_cases sorts
        stably and _bisect breaks ties so."""
        deadline = self._next.get(case.id)
        if column == CaseColumn.NEXT_DUE:
            return (deadline.legal_due.toordinal() if deadline else 10**7), ""
        return 0, danish_key(self._display(case, deadline, column) or "")

    def case_at(self, index: Index) -> CaseRecord:
        """The case shown in index's row."""
        return self._rows[index.row()]

    def index_of_case(self, case_id: int) -> QModelIndex:
        """The row showing the case, or an invalid index when it is filtered out or gone."""
        case = self._by_id.get(case_id)
        if case is None:
            return QModelIndex()
        row = self._row_of(case, self._rows)
        return self.index(row, 0) if row >= 0 else QModelIndex()

    # -- Qt model interface
    def data(self, index: Index, role: int = DISPLAY):
        if role not in SHOWN_ROLES or not index.isValid():
            return None
        case = self._rows[index.row()]
        column = index.column()
        deadline = self._next.get(case.id)
        if role == DISPLAY:
            return self._display(case, deadline, column)
        if role == ITEM:
            return case
        if role == TOOLTIP and deadline is not None:
            return deadline.reason
        overdue = deadline is not None and deadline.status == OVERDUE
        if column == CaseColumn.NEXT_DUE and overdue:  # marked as on Frister: "!", bold and red (not colour alone)
            return BOLD if role == FONT else overdue_brush() if role == FOREGROUND else None
        return None

    @staticmethod
    def _display(case: CaseRecord, deadline: Deadline | None, column: int) -> str:
        if column == CaseColumn.CITIZEN:
            return case.citizen
        if column == CaseColumn.CASE_REF:
            return case.case_ref
        if column == CaseColumn.CPR:
            return mask_cpr(case.cpr) if case.cpr else ""
        if column == CaseColumn.TRIAL:
            return case.trial_id
        if column == CaseColumn.CASEWORKER:
            return case.caseworker
        if column == CaseColumn.STATUS:
            return case.status + (f" ({case.end_reason})" if case.end_reason else "")
        if deadline is None:
            return ""
        if column == CaseColumn.NEXT_DUE:
            return next_due_cell_text(deadline)
        return deadline.label
