"""The main window's item models: the Frister tree (deadlines by group) and the Sager list (cases)."""

from __future__ import annotations

import operator
from bisect import bisect_left, bisect_right
from collections.abc import Collection, Mapping, Sequence
from dataclasses import replace
from datetime import date

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt, Signal

from ..core.cases import CaseDeadline, CaseRecord, group_of, group_titles
from ..core.cpr import mask_cpr
from ..core.schedule import DEFAULT_WARNING_DAYS, OVERDUE, Deadline
from ..core.selection import Selection, reselect, search_needle, search_text, select
from ..store.case_list import order_key
from .case_deadlines_model import marked_due_text, practical_text
from .colours import overdue_brush
from .model_base import BOLD, ROOT, ColumnTableModel, Index, column_title

ITEM_ROLE = Qt.ItemDataRole.UserRole  # the CaseDeadline / CaseRecord behind a row

# Roles as plain ints: data() runs for every role of every visible cell on each paint, and an
# enum comparison costs several times an int's (benchmarks/bench_window.py, bench_startup.py).
DISPLAY, TOOLTIP = int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.ToolTipRole)
FOREGROUND, FONT = int(Qt.ItemDataRole.ForegroundRole), int(Qt.ItemDataRole.FontRole)
ITEM = int(ITEM_ROLE)
SHOWN_ROLES = frozenset({DISPLAY, TOOLTIP, FOREGROUND, FONT, ITEM})  # the rest are left to Qt

# The order of the deadline list (services.deadline_book): by legal date, name, case id; a case's own
# deadlines on one date in their order. Each group keeps it, so a row is found and placed by bisection.
_DEADLINE_ORDER = operator.attrgetter("deadline.legal_due", "case.citizen", "case.id")


def _narrows(old: str, new: str) -> bool:
    """True when every text holding needle new also holds old (the search text only grew)."""
    return old in new


class DeadlineColumn:
    """The Frister tree's columns, in DeadlineTreeModel.COLUMNS order."""

    DUE, PRACTICAL, CITIZEN, CASE_REF, TRIAL, CASEWORKER, WHAT, REASON = range(8)


class CaseColumn:
    """The Sager list's columns, in CaseTableModel.COLUMNS order."""

    CITIZEN, CASE_REF, CPR, TRIAL, CASEWORKER, STATUS, NEXT_DUE, WHAT = range(8)


_MARKED_WHEN_OVERDUE = (DeadlineColumn.DUE, DeadlineColumn.PRACTICAL)  # bold and red, beside the "!"


class DeadlineTreeModel(QAbstractItemModel):
    """Deadlines grouped overdue / this week / next 30 days / later; groups are top-level rows.

    It shows the deadlines of one caseworker (or all) that match the search: core.selection.select
    chooses them, and `selection` keeps what it chose for the line that counts them.
    """

    COLUMNS = (
        "Frist",
        "Senest i praksis",
        "Borger",
        "Sagsnr.",
        "Forsøg",
        "Sagsbehandler",
        "Hvad",
        "Hvorfor",
    )

    shown_changed = Signal()  # after every change of content, caseworker or search

    def __init__(self, parent=None):
        super().__init__(parent)
        self._groups: list[tuple[str, list[CaseDeadline]]] = []
        self._titles = group_titles()
        self._all: Sequence[CaseDeadline] = []
        self._of_case: dict[int, list[CaseDeadline]] = {}  # case id -> its items, in the list's order
        self._texts: dict[int, str] = {}  # case id -> search text, made once per content
        self._today: date | None = None
        self._caseworker = ""
        self._needle = ""
        self.selection: Selection[CaseDeadline] = Selection((), 0)
        # What an empty search shows (selection, groups), kept while content and caseworker stay:
        # clearing the search box then lays out rows without choosing and grouping them again.
        self._unsearched: tuple[Selection[CaseDeadline], list[tuple[str, list[CaseDeadline]]]] | None = None

    def set_deadlines(
        self,
        items: Sequence[CaseDeadline],
        today: date,
        soon_days: int = DEFAULT_WARNING_DAYS,
        *,
        caseworker: str | None = None,
    ) -> None:
        """Replace the content (every caseworker's; caseworker, if given, chooses whose are shown);
        items keep their order inside each group."""
        if caseworker is not None:
            self._caseworker = caseworker
        self._titles = group_titles(soon_days)
        self._today = today
        self._all = list(items)
        self._texts = {item.case.id: search_text(item.case) for item in self._all}
        of_case: dict[int, list[CaseDeadline]] = {}
        for item in self._all:
            of_case.setdefault(item.case.id, []).append(item)
        self._of_case = of_case
        self._regroup(content_changed=True)

    def patch_deadlines(
        self, items: Sequence[CaseDeadline], case_ids: Collection[int], new_items: Sequence[CaseDeadline]
    ) -> None:
        """The deadlines of case_ids changed (or the cases went): items is the new whole content (in
        set_deadlines' order, the same day and settings), new_items those of case_ids among them.
        Only these cases' rows are removed and inserted (or changed in place), group titles updated;
        nothing here passes over every row (core.selection.reselect counts from the changed ones)."""
        changed = frozenset(case_ids)
        today = self._today
        if today is None:
            return
        texts, of_case = self._texts, self._of_case
        old_items = [item for case_id in changed for item in of_case.pop(case_id, ())]
        old_shown = self._choose(old_items).items  # chosen as the rows shown were
        for case_id in changed:
            texts.pop(case_id, None)
        for item in new_items:
            texts[item.case.id] = search_text(item.case)
            of_case.setdefault(item.case.id, []).append(item)
        new_shown = self._choose(new_items).items  # the same filter (select), on these rows only
        self._all = items  # the book's list, patched in place by the book: no copy of every row
        self._unsearched = None
        plans = []
        for group, (key, rows) in enumerate(self._groups):
            gone = [item for item in old_shown if group_of(item.deadline, today) == key]
            come = [item for item in new_shown if group_of(item.deadline, today) == key]
            if not gone and not come:
                continue
            at = [_find(rows, item) for item in gone]
            if any(row < 0 for row in at):  # not where the order says: lay everything out again
                self._regroup(content_changed=True)
                return
            plans.append((group, rows, sorted(at), come))
        texts_of = texts.__getitem__
        selection = reselect(
            self.selection,
            old_items,
            new_items,
            find=_find,
            place=_place,
            caseworker=self._caseworker,
            needle=self._needle,
            text_of=lambda i: texts_of(i.case.id),
        )
        self.selection = selection if selection is not None else self._choose(self._all)
        for group, rows, gone_rows, come in plans:
            self._patch_group(group, rows, gone_rows, come)
        self.shown_changed.emit()

    def _patch_group(self, group: int, rows: list[CaseDeadline], gone: list[int], come: list[CaseDeadline]) -> None:
        """Remove the rows at gone and place come by the list's order, as few signals as it takes."""
        final = list(rows)  # copied and cut in C: a group may hold most of 100,000 rows
        for row in reversed(gone):
            del final[row]
        for item in come:
            final.insert(_place(final, item), item)
        placed = sorted(_find(final, item) for item in come)
        parent = self.index(group, 0)
        if placed == gone:  # the same rows, new content: the view keeps its selection there
            rows[:] = final
            for row in placed:
                self.dataChanged.emit(self.index(row, 0, parent), self.index(row, len(self.COLUMNS) - 1, parent))
        else:
            for row in reversed(gone):
                self.beginRemoveRows(parent, row, row)
                del rows[row]
                self.endRemoveRows()
            for row in placed:
                self.beginInsertRows(parent, row, row)
                rows.insert(row, final[row])
                self.endInsertRows()
        self.dataChanged.emit(parent, parent)  # the title's count

    def set_caseworker(self, name: str) -> None:
        """Show only the deadlines of name's cases (and of cases with no caseworker); '' = all."""
        if name != self._caseworker:
            self._caseworker = name
            self._unsearched = None
            self._regroup()

    def set_search(self, text: str) -> None:
        """Show only deadlines whose case's name, FASIT number or CPR holds text (dashes ignored)."""
        needle = search_needle(text)
        if needle != self._needle:
            old = self._needle
            self._needle = needle
            self._regroup(narrowing=_narrows(old, needle))

    def group_sizes(self) -> dict[str, int]:
        """How many deadlines each group shows now (the numbers in the group titles)."""
        return {key: len(items) for key, items in self._groups}

    def _choose(self, rows: Sequence[CaseDeadline]) -> Selection[CaseDeadline]:
        texts = self._texts
        return select(rows, caseworker=self._caseworker, needle=self._needle, text_of=lambda i: texts[i.case.id])

    def _regroup(self, *, content_changed: bool = False, narrowing: bool = False) -> None:
        if content_changed:
            self._unsearched = None
        before = self.selection
        if not self._needle and self._unsearched is not None:
            self.selection, groups = self._unsearched
            groups = [(key, list(items)) for key, items in groups]
        else:
            if narrowing and not content_changed:
                # The text only grew: the rows it shows are among those shown (the same count of all)
                self.selection = replace(self._choose(before.items), total=before.total)
            else:
                self.selection = self._choose(self._all)
            items = self.selection.items
            if not content_changed and len(items) == len(before.items) and all(map(operator.is_, items, before.items)):
                # A key that keeps the same rows ("2026-" after "2026"): no reset, the view keeps its
                # layout (laying out thousands of expanded rows is most of a keystroke's time).
                self.shown_changed.emit()
                return
            buckets: dict[str, list[CaseDeadline]] = {key: [] for key in self._titles}
            if self._today is not None:
                today = self._today
                for item in items:
                    buckets[group_of(item.deadline, today)].append(item)
            groups = list(buckets.items())
            if not self._needle:
                self._unsearched = (self.selection, [(key, list(rows)) for key, rows in groups])
        self.beginResetModel()
        self._groups = groups
        self.endResetModel()
        self.shown_changed.emit()

    def group_key(self, row: int) -> str:
        return self._groups[row][0]

    # -- structure
    def index(self, row: int, column: int, parent: Index = ROOT) -> QModelIndex:
        # Checked here rather than with hasIndex(), which calls back into rowCount/columnCount:
        # the view asks for every child index when a group of thousands is expanded.
        if not 0 <= column < len(self.COLUMNS) or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0) if row < len(self._groups) else QModelIndex()
        if parent.internalId() != 0 or parent.column() != 0:
            return QModelIndex()
        group = parent.row()
        if row < len(self._groups[group][1]):
            return self.createIndex(row, column, group + 1)
        return QModelIndex()

    def parent(self, index: Index = ROOT) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: Index = ROOT) -> int:
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self._groups[parent.row()][1])
        return 0

    def columnCount(self, parent: Index = ROOT) -> int:
        return len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        return column_title(self.COLUMNS, section, orientation, role)

    def item(self, index: Index) -> CaseDeadline | None:
        if not index.isValid() or index.internalId() == 0:
            return None
        return self._groups[index.internalId() - 1][1][index.row()]

    def index_of_case(self, case_id: int, kind: str | None = None) -> QModelIndex:
        """The row of the case's deadline (of that kind, if it still has one), else invalid."""
        if self._today is None:
            return QModelIndex()
        titles = list(self._titles)
        fallback = QModelIndex()
        for item in list(self._of_case.get(case_id, ())):  # in list order, as shown
            group = titles.index(group_of(item.deadline, self._today))
            row = _find(self._groups[group][1], item)
            if row < 0:
                continue  # not shown (another caseworker's, or not matching the search)
            if kind is None or item.deadline.kind == kind:
                return self.createIndex(row, 0, group + 1)
            if not fallback.isValid():
                fallback = self.createIndex(row, 0, group + 1)
        return fallback

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if role not in SHOWN_ROLES or not index.isValid():
            return None
        group = index.internalId()
        if group == 0:
            key, items = self._groups[index.row()]
            if role == DISPLAY and index.column() == 0:
                return f"{self._titles[key]} ({len(items)})"
            if role == FONT:
                return BOLD
            return None
        item = self._groups[group - 1][1][index.row()]
        column = index.column()
        if role == DISPLAY:
            return _deadline_cell(item, column)
        if role == ITEM:
            return item
        deadline = item.deadline
        if role == TOOLTIP:
            return f"{deadline.reason}\n{deadline.rule}\nHenvisning: {deadline.citation}"
        if deadline.status == OVERDUE and column in _MARKED_WHEN_OVERDUE:
            return overdue_brush() if role == FOREGROUND else BOLD
        return None


def _find(rows: Sequence[CaseDeadline], item: CaseDeadline) -> int:
    """The row of item in rows (sorted by _DEADLINE_ORDER), found by bisection; -1 if absent."""
    key = _DEADLINE_ORDER(item)
    at = bisect_left(rows, key, key=_DEADLINE_ORDER)
    while at < len(rows) and _DEADLINE_ORDER(rows[at]) == key:
        if rows[at] is item:
            return at
        at += 1
    return -1


def _itself(case: CaseRecord) -> CaseRecord:
    return case


def _place(rows: Sequence[CaseDeadline], item: CaseDeadline) -> int:
    """Where item goes in rows (sorted by _DEADLINE_ORDER): after its equals, as the book inserts."""
    return bisect_right(rows, _DEADLINE_ORDER(item), key=_DEADLINE_ORDER)


def _deadline_cell(item: CaseDeadline, column: int) -> str:
    deadline = item.deadline
    if column == DeadlineColumn.DUE:
        return marked_due_text(deadline)
    if column == DeadlineColumn.PRACTICAL:
        return practical_text(deadline)
    if column == DeadlineColumn.CITIZEN:
        return item.case.citizen
    if column == DeadlineColumn.CASE_REF:
        return item.case.case_ref
    if column == DeadlineColumn.TRIAL:
        return item.case.trial_id
    if column == DeadlineColumn.CASEWORKER:
        return item.case.caseworker
    if column == DeadlineColumn.WHAT:
        return deadline.label
    return deadline.reason


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

    def __init__(self, parent=None):
        super().__init__(parent)
        self._cases: list[CaseRecord] = []  # every case, in sort order (ties: the store's order)
        self._texts: dict[int, str] = {}  # case id -> lower-cased name, case reference and CPR
        self._rows: list[CaseRecord] = []  # the cases shown, one per row
        self._by_id: dict[int, CaseRecord] = {}
        self._next: dict[int, Deadline] = {}
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._needle = ""
        self._filters = {"trial_id": "", "status": "", "caseworker": ""}
        self.selection: Selection[CaseRecord] = Selection((), 0)  # the rows shown, in _cases' order
        self._unsearched: Selection[CaseRecord] | None = None  # the selection of an empty search, while valid

    # -- content, order and filter
    def set_cases(self, cases: Sequence[CaseRecord], deadlines: Sequence[CaseDeadline]) -> None:
        """Every case (in the store's order, store.list_cases) and every deadline (earliest first)."""
        next_due: dict[int, Deadline] = {}
        for item in deadlines:  # sorted earliest first, so the first seen is the next one
            next_due.setdefault(item.case.id, item.deadline)
        self.beginResetModel()
        self._cases = list(cases)
        self._by_id = {case.id: case for case in self._cases}
        self._next = next_due
        self._order_cases()
        self._unsearched = None
        self._rows = self._matching_rows()
        self.endResetModel()
        self.shown_changed.emit()

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
                self._texts.pop(case_id, None)
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
                self._texts[case_id] = search_text(case)
                self._by_id[case_id] = case
                new_cases.append(case)
        self._unsearched = None
        texts = self._texts
        selection = reselect(
            self.selection,
            [case for case in old_cases if self._in_base(case)],
            [case for case in new_cases if self._in_base(case)],
            find=lambda _rows, case: shown_at.get(id(case), -1),
            place=lambda rows, case: self._bisect(case, rows),
            caseworker=self._filters["caseworker"],
            needle=self._needle,
            case_of=_itself,
            text_of=lambda case: texts[case.id],
        )
        if selection is None:  # a row shown was not where its order says: choose again
            self._full_patch(cases, next_due)
            return
        self.selection = selection
        if not self._needle:
            self._unsearched = selection
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
        by_id = {case.id: case for case in self._cases}
        for case_id, case in cases.items():
            by_id.pop(case_id, None)
            if case is not None:
                by_id[case_id] = case
            deadline = next_due.get(case_id)
            if deadline is None:
                self._next.pop(case_id, None)
            else:
                self._next[case_id] = deadline
        self.beginResetModel()
        self._cases = sorted(by_id.values(), key=order_key)
        self._by_id = by_id
        self._order_cases()
        self._unsearched = None
        self._rows = self._matching_rows()
        self.endResetModel()
        self.shown_changed.emit()

    def set_search(self, text: str) -> None:
        """Show only cases whose name, case reference or CPR contains text (dashes ignored)."""
        needle = search_needle(text)
        if needle == self._needle:
            return
        narrowing = _narrows(self._needle, needle)
        self._needle = needle
        self._refilter(narrowing=narrowing)

    def set_filters(self, *, trial: str = "", status: str = "", caseworker: str = "") -> None:
        """Trial and status as chosen; caseworker: name's cases and those with none ('' = all)."""
        filters = {"trial_id": trial, "status": status, "caseworker": caseworker}
        if filters != self._filters:  # refresh() sets the same filters again after set_cases
            self._filters = filters
            self._unsearched = None
            self._refilter()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        shown_before = self._rows
        self._sort_column, self._sort_order = column, order
        self._cases.sort(key=order_key)  # ties in the store's order, whatever was sorted before
        self._order_cases()
        self._unsearched = None
        self._rows = self._matching_rows()
        new_row = {id(case): row for row, case in enumerate(self._rows)}
        old = self.persistentIndexList()
        self.changePersistentIndexList(old, [self.index(new_row[id(shown_before[i.row()])], i.column()) for i in old])
        self.layoutChanged.emit()

    def _refilter(self, *, narrowing: bool = False) -> None:
        rows = self._matching_rows(narrowing=narrowing)
        if len(rows) != len(self._rows) or any(map(operator.is_not, rows, self._rows)):
            self.beginResetModel()
            self._rows = rows
            self.endResetModel()
        self.shown_changed.emit()

    def _order_cases(self) -> None:
        if self._sort_column >= 0:
            reverse = self._sort_order == Qt.SortOrder.DescendingOrder
            column = self._sort_column
            self._cases.sort(key=lambda c: self._sort_key(c, column), reverse=reverse)
        self._texts = {c.id: search_text(c) for c in self._cases}

    def _bisect(self, case: CaseRecord, within: Sequence[CaseRecord] | None = None) -> int:
        """Where case is, or goes, in _cases (or within, rows in its order): the sort column's
        order, ties in the store's order."""
        cases, column = self._cases if within is None else within, self._sort_column
        reverse = self._sort_order == Qt.SortOrder.DescendingOrder
        key = self._sort_key(case, column) if column >= 0 else None
        tie = order_key(case)
        low, high = 0, len(cases)
        while low < high:
            middle = (low + high) // 2
            other = cases[middle]
            if key is not None and (other_key := self._sort_key(other, column)) != key:
                before = other_key > key if reverse else other_key < key
            else:
                before = order_key(other) < tie
            if before:
                low = middle + 1
            else:
                high = middle
        return low

    def _matching_rows(self, *, narrowing: bool = False) -> list[CaseRecord]:
        """The rows of the chosen trial and status, then (core.selection.select) of the chosen
        caseworker and search; `selection` counts them against the trial and status rows."""
        cases, texts = self._cases, self._texts
        previous = self.selection
        if not self._needle and self._unsearched is not None:
            self.selection = self._unsearched
        elif narrowing:  # the text only grew: the rows it shows are among those shown
            narrowed = select(
                previous.items,
                caseworker=self._filters["caseworker"],
                needle=self._needle,
                case_of=_itself,
                text_of=lambda case: texts[case.id],
            )
            self.selection = replace(narrowed, total=previous.total)  # of the same trial and status rows
        else:
            trial, status = self._filters["trial_id"], self._filters["status"]
            base = (
                cases
                if not trial and not status
                else [
                    case
                    for case in cases
                    if (not trial or case.trial_id == trial) and (not status or case.status == status)
                ]
            )
            self.selection = select(
                base,
                caseworker=self._filters["caseworker"],
                needle=self._needle,
                case_of=_itself,
                text_of=lambda case: texts[case.id],
            )
        if not self._needle:
            self._unsearched = self.selection
        return list(self.selection.items)

    def _sort_key(self, case: CaseRecord, column: int):
        deadline = self._next.get(case.id)
        if column == CaseColumn.NEXT_DUE:
            return (deadline.legal_due.toordinal() if deadline else 10**7, case.citizen.lower())
        return ((self._display(case, deadline, column) or "").lower(), case.citizen.lower())

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
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
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
            return marked_due_text(deadline)
        return deadline.label
