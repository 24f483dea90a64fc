"""The main window's item models: the Frister tree (deadlines by group) and the Sager list (cases)."""

from __future__ import annotations

import operator
from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt, Signal

from ..core.cases import CaseDeadline, CaseRecord, group_of, group_titles
from ..core.cpr import mask_cpr
from ..core.schedule import DEFAULT_WARNING_DAYS, OVERDUE, Deadline
from ..core.selection import Selection, search_needle, search_text, select
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
        "Frist", "Senest i praksis", "Borger", "Sagsnr.", "Forsøg", "Sagsbehandler", "Hvad", "Hvorfor",
    )

    shown_changed = Signal()  # after every change of content, caseworker or search

    def __init__(self, parent=None):
        super().__init__(parent)
        self._groups: list[tuple[str, list[CaseDeadline]]] = []
        self._titles = group_titles()
        self._all: list[CaseDeadline] = []
        self._texts: dict[int, str] = {}  # case id -> search text, made once per content
        self._today = None
        self._caseworker = ""
        self._needle = ""
        self.selection: Selection[CaseDeadline] = Selection((), 0)

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
        self._regroup(content_changed=True)

    def set_caseworker(self, name: str) -> None:
        """Show only the deadlines of name's cases (and of cases with no caseworker); '' = all."""
        if name != self._caseworker:
            self._caseworker = name
            self._regroup()

    def set_search(self, text: str) -> None:
        """Show only deadlines whose case's name, FASIT number or CPR holds text (dashes ignored)."""
        needle = search_needle(text)
        if needle != self._needle:
            self._needle = needle
            self._regroup()

    def group_sizes(self) -> dict[str, int]:
        """How many deadlines each group shows now (the numbers in the group titles)."""
        return {key: len(items) for key, items in self._groups}

    def _regroup(self, *, content_changed: bool = False) -> None:
        texts = self._texts
        before = self.selection.items
        self.selection = select(
            self._all, caseworker=self._caseworker, needle=self._needle, text_of=lambda i: texts[i.case.id]
        )
        items = self.selection.items
        if not content_changed and len(items) == len(before) and all(map(operator.is_, items, before)):
            # A key that keeps the same rows ("2026-" after "2026"): no reset, the view keeps its
            # layout (laying out thousands of expanded rows is most of a keystroke's time).
            self.shown_changed.emit()
            return
        buckets: dict[str, list[CaseDeadline]] = {key: [] for key in self._titles}
        if self._today is not None:
            for item in self.selection.items:
                buckets[group_of(item.deadline, self._today)].append(item)
        self.beginResetModel()
        self._groups = list(buckets.items())
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

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):
        return column_title(self.COLUMNS, section, orientation, role)

    def item(self, index: Index) -> CaseDeadline | None:
        if not index.isValid() or index.internalId() == 0:
            return None
        return self._groups[index.internalId() - 1][1][index.row()]

    def index_of_case(self, case_id: int, kind: str | None = None) -> QModelIndex:
        """The row of the case's deadline (of that kind, if it still has one), else invalid."""
        fallback = QModelIndex()
        for group, (_, items) in enumerate(self._groups):
            for row, item in enumerate(items):
                if item.case.id == case_id:
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
        self._cases: list[CaseRecord] = []  # every case, in sort order
        self._search: list[str] = []  # lower-cased name, case reference and CPR per case
        self._rows: list[int] = []  # positions in _cases of the rows shown
        self._next: dict[int, Deadline] = {}
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._needle = ""
        self._filters = {"trial_id": "", "status": "", "caseworker": ""}
        self.selection: Selection[int] = Selection((), 0)  # positions in _cases of the rows shown

    # -- content, order and filter
    def set_cases(self, cases: Sequence[CaseRecord], deadlines: Sequence[CaseDeadline]) -> None:
        next_due: dict[int, Deadline] = {}
        for item in deadlines:  # sorted earliest first, so the first seen is the next one
            next_due.setdefault(item.case.id, item.deadline)
        self.beginResetModel()
        self._cases = list(cases)
        self._next = next_due
        self._order_cases()
        self._rows = self._matching_rows()
        self.endResetModel()
        self.shown_changed.emit()

    def set_search(self, text: str) -> None:
        """Show only cases whose name, case reference or CPR contains text (dashes ignored)."""
        self._needle = search_needle(text)
        self._refilter()

    def set_filters(self, *, trial: str = "", status: str = "", caseworker: str = "") -> None:
        """Trial and status as chosen; caseworker: name's cases and those with none ('' = all)."""
        filters = {"trial_id": trial, "status": status, "caseworker": caseworker}
        if filters != self._filters:  # refresh() sets the same filters again after set_cases
            self._filters = filters
            self._refilter()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        shown_before = [self._cases[i] for i in self._rows]
        self._sort_column, self._sort_order = column, order
        self._order_cases()
        self._rows = self._matching_rows()
        new_row = {id(self._cases[i]): row for row, i in enumerate(self._rows)}
        old = self.persistentIndexList()
        self.changePersistentIndexList(
            old, [self.index(new_row[id(shown_before[i.row()])], i.column()) for i in old]
        )
        self.layoutChanged.emit()

    def _refilter(self) -> None:
        rows = self._matching_rows()
        if rows != self._rows:
            self.beginResetModel()
            self._rows = rows
            self.endResetModel()
        self.shown_changed.emit()

    def _order_cases(self) -> None:
        if self._sort_column >= 0:
            reverse = self._sort_order == Qt.SortOrder.DescendingOrder
            column = self._sort_column
            self._cases.sort(key=lambda c: self._sort_key(c, column), reverse=reverse)
        self._search = [search_text(c) for c in self._cases]

    def _matching_rows(self) -> list[int]:
        """The rows of the chosen trial and status, then (core.selection.select) of the chosen
        caseworker and search; `selection` counts them against the trial and status rows."""
        trial, status = self._filters["trial_id"], self._filters["status"]
        cases, texts = self._cases, self._search
        base = [
            i
            for i, case in enumerate(cases)
            if (not trial or case.trial_id == trial) and (not status or case.status == status)
        ]
        self.selection = select(
            base,
            caseworker=self._filters["caseworker"],
            needle=self._needle,
            case_of=cases.__getitem__,
            text_of=texts.__getitem__,
        )
        return list(self.selection.items)

    def _sort_key(self, case: CaseRecord, column: int):
        deadline = self._next.get(case.id)
        if column == CaseColumn.NEXT_DUE:
            return (deadline.legal_due.toordinal() if deadline else 10**7, case.citizen.lower())
        return ((self._display(case, deadline, column) or "").lower(), case.citizen.lower())

    def case_at(self, index: Index) -> CaseRecord:
        """The case shown in index's row."""
        return self._cases[self._rows[index.row()]]

    def index_of_case(self, case_id: int) -> QModelIndex:
        """The row showing the case, or an invalid index when it is filtered out or gone."""
        for row, i in enumerate(self._rows):
            if self._cases[i].id == case_id:
                return self.index(row, 0)
        return QModelIndex()

    # -- Qt model interface
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if role not in SHOWN_ROLES or not index.isValid():
            return None
        case = self._cases[self._rows[index.row()]]
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
