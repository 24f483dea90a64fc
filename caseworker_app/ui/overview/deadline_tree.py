"""The Frister tab's model: deadlines grouped by when they fall due, with counts in the titles."""

from __future__ import annotations

import operator
from collections.abc import Sequence
from datetime import date
from operator import attrgetter
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Signal

from ...core.cases import CaseDeadline, group_of, group_titles
from ...core.deadline import DEFAULT_WARNING_DAYS, OVERDUE, Deadline, practical_day_text, remark_lines
from ...core.search_narrowing import NarrowingSearch
from ...core.selection import SearchTexts, Selection, reselect, search_needle, select
from ...core.text import number_text
from ..colours import overdue_brush
from ..model_base import BOLD, ROOT, Index, column_title
from .common import (
    _MARKED_WHEN_OVERDUE,
    DISPLAY,
    FONT,
    FOREGROUND,
    ITEM,
    SHOWN_ROLES,
    TOOLTIP,
    _deadline_cell,
    _find,
    _place,
)

if TYPE_CHECKING:
    from PySide6.QtCore import Qt


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

    def __init__(self, parent=None, texts: SearchTexts | None = None):
        super().__init__(parent)
        self._groups: list[tuple[str, list[CaseDeadline]]] = []
        self._titles = group_titles()
        self._all: Sequence[CaseDeadline] = []
        self._texts = texts if texts is not None else SearchTexts()  # made when a search first needs them
        self._today: date | None = None
        self._caseworker = ""
        self._needle = ""
        self.selection: Selection[CaseDeadline] = Selection((), 0)
        # What an empty search shows (its rows and groups) and the last searches, kept while content
        # and caseworker stay: a keystroke searches the groups' rows, it does not choose and group again.
        self._first_cells: list[list[QModelIndex]] = [[] for _ in self._titles]  # see index()
        self._search: NarrowingSearch[CaseDeadline] = NarrowingSearch(self._texts.of, attrgetter("case"))

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
        self._regroup(content_changed=True)

    def patch_deadlines(
        self, items: Sequence[CaseDeadline], old_items: Sequence[CaseDeadline], new_items: Sequence[CaseDeadline]
    ) -> None:
        """Some cases' deadlines changed (or the cases went): items is the new whole content (in
        set_deadlines' order, the same day and settings), old_items the rows these cases had in the
        content before (services.deadline_book.BookUpdate.previous), new_items those they have now.
        Only these cases' rows are removed and inserted (or changed in place), group titles updated;
        nothing here passes over every row (core.selection.reselect counts from the changed ones)."""
        today = self._today
        if today is None:
            return
        old_shown = self._choose(old_items).items  # chosen as the rows shown were
        new_shown = self._choose(new_items).items  # the same filter (select), on these rows only
        self._all = items  # the book's list, patched in place by the book: no copy of every row
        self._search.stop()
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
        text_of = self._texts.of
        selection = reselect(
            self.selection,
            old_items,
            new_items,
            find=_find,
            place=_place,
            caseworker=self._caseworker,
            needle=self._needle,
            text_of=lambda i: text_of(i.case),
        )
        self.selection = selection if selection is not None else self._choose(self._all)
        for group, rows, gone_rows, come in plans:
            self._patch_group(group, rows, gone_rows, come)
        if not self._needle:  # the rows shown are an empty search's: the next keystroke's start
            self._search.start(self.selection, [rows for _key, rows in self._groups])
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
            self._search.stop()
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

    def unsearched_group_sizes(self) -> dict[str, int]:
        """How many deadlines each group holds for the caseworker chosen, whatever the search (the
        status bar's counts): the groups the list shows when the search box is empty."""
        if not self._needle:
            return self.group_sizes()
        self._start_search()
        return {key: len(rows) for key, rows in zip(self._titles, self._search.unsearched_parts, strict=True)}

    def unsearched_selection(self) -> Selection[CaseDeadline] | None:
        """What core.selection.select chose for the caseworker shown over every row, whatever the
        search (the trial-end banner counts those: services/book_counts.py); None when not at hand."""
        return self._search.unsearched

    def warm_search(self) -> None:
        """Make the search texts of the rows shown with no search, so the first keystroke finds
        them ready (after the paint: ui/mainwindow/cases_tab.py)."""
        if self._today is not None:
            self._start_search()
            self._search.warm()

    def _start_search(self) -> None:
        """The rows an empty search shows, grouped, for the searches to come (kept until content or
        caseworker change)."""
        if self._search.unsearched is None:
            selection = self._choose(self._all, needle="")
            self._search.start(selection, [rows for _key, rows in self._grouped(selection.items)])

    def _choose(self, rows: Sequence[CaseDeadline], needle: str | None = None) -> Selection[CaseDeadline]:
        text_of = self._texts.of
        needle = self._needle if needle is None else needle
        return select(rows, caseworker=self._caseworker, needle=needle, text_of=lambda i: text_of(i.case))

    def _grouped(self, items: Sequence[CaseDeadline]) -> list[tuple[str, list[CaseDeadline]]]:
        """items in the groups, by when they fall due (core.cases.group_of); their order kept in each."""
        buckets: dict[str, list[CaseDeadline]] = {key: [] for key in self._titles}
        if self._today is not None:
            today = self._today
            for item in items:
                buckets[group_of(item.deadline, today)].append(item)
        return list(buckets.items())

    def _regroup(self, *, content_changed: bool = False) -> None:
        if content_changed:
            self._search.stop()
        before = self.selection
        self._start_search()
        self.selection, parts = self._search.search(self._needle)
        items = self.selection.items
        same = items is before.items or (
            len(items) == len(before.items) and all(map(operator.is_, items, before.items))
        )
        if same and not content_changed:
            # A key that keeps the same rows ("2026-" after "2026"): no reset, the view keeps its
            # layout (laying out thousands of expanded rows is most of a keystroke's time).
            self.shown_changed.emit()
            return
        self.beginResetModel()
        self._groups = [(key, list(rows)) for key, rows in zip(self._titles, parts, strict=True)]
        self.endResetModel()
        self.shown_changed.emit()

    def group_key(self, row: int) -> str:
        return self._groups[row][0]

    # -- structure
    def index(self, row: int, column: int, parent: Index = ROOT) -> QModelIndex:
        # Checked here rather than with hasIndex(), which calls back into rowCount/columnCount.
        # The tree asks for the first cell of every row, in order, each time it lays out an
        # expanded group, at every keystroke of a search: those are made once and handed out again
        # (an index is a value: row, column and group, whatever the rows hold), not made at each
        # call. They are made as the rows are asked for in order, in doubling runs: a row asked out
        # of order (the column fit's sample of a folded group) is made alone, not every row before it.
        if not 0 <= column < _COLUMN_COUNT or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0) if row < len(self._groups) else QModelIndex()
        if parent.internalId() or parent.column():
            return QModelIndex()
        group = parent.row()
        rows = len(self._groups[group][1])
        if row >= rows:
            return QModelIndex()
        if column:
            return self.createIndex(row, column, group + 1)
        made = self._first_cells[group]
        if row >= len(made):
            if row > len(made):
                return self.createIndex(row, 0, group + 1)
            create = self.createIndex
            made += [create(at, 0, group + 1) for at in range(row, min(rows, 2 * row + _FIRST_RUN))]
        return made[row]

    def parent(self, index: Index = ROOT) -> QModelIndex:  # type: ignore[override]
        group = index.internalId()
        if not group or not index.isValid():
            return QModelIndex()
        return self.createIndex(group - 1, 0, 0)

    def rowCount(self, parent: Index = ROOT) -> int:
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self._groups[parent.row()][1])
        return 0

    def columnCount(self, parent: Index = ROOT) -> int:
        return len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY):
        return column_title(self.COLUMNS, section, orientation, role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        # Asked for every deadline row each time the tree lays out a group (every search): a
        # constant, and one that spares the tree asking whether the row has rows under it.
        group, deadline, nothing = _FLAGS or _make_flags()
        if index.internalId():
            return deadline
        # An empty group's title ("Denne uge (0)") is not a place to stop: the arrow keys pass it.
        if not index.isValid() or not self._groups[index.row()][1]:
            return nothing
        return group

    def first_item_index(self) -> QModelIndex:
        """The first deadline shown (under the first group that has one); invalid when none is."""
        for group, (_key, items) in enumerate(self._groups):
            if items:
                return self.createIndex(0, 0, group + 1)
        return QModelIndex()

    def item(self, index: Index) -> CaseDeadline | None:
        if not index.isValid() or index.internalId() == 0:
            return None
        return self._groups[index.internalId() - 1][1][index.row()]

    def index_of_items(self, items: Sequence[CaseDeadline], kind: str | None = None) -> QModelIndex:
        """The row of the first of one case's items (services.deadline_book.DeadlineBook.deadlines_of)
        that is shown, of that kind if one is; invalid when none is shown."""
        if self._today is None:
            return QModelIndex()
        titles = list(self._titles)
        fallback = QModelIndex()
        for item in items:  # in the list's order
            group = titles.index(group_of(item.deadline, self._today))
            row = _find(self._groups[group][1], item)
            if row < 0:
                continue  # not shown (another caseworker's, or not matching the search)
            if kind is None or item.deadline.kind == kind:
                return self.createIndex(row, 0, group + 1)
            if not fallback.isValid():
                fallback = self.createIndex(row, 0, group + 1)
        return fallback

    def data(self, index: Index, role: int = DISPLAY):
        if role not in SHOWN_ROLES or not index.isValid():
            return None
        group = index.internalId()
        if group == 0:
            key, items = self._groups[index.row()]
            if role == DISPLAY and index.column() == 0:
                return f"{self._titles[key]} ({number_text(len(items))})"
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
            return _tooltip(deadline)
        if deadline.status == OVERDUE and column in _MARKED_WHEN_OVERDUE:
            return overdue_brush() if role == FOREGROUND else BOLD
        return None


_FIRST_RUN = 64  # first cells made at once when a group's first row is asked for (see index())
_COLUMN_COUNT = len(DeadlineTreeModel.COLUMNS)  # asked at every index(): a global is quicker to read
_FLAGS: list[Qt.ItemFlag] = []  # a group title's, a deadline row's, an empty group title's (_make_flags)


def _make_flags() -> list[Qt.ItemFlag]:
    """The rows' flags, made when the tree first asks (it has built Qt's `Qt` namespace by then:
    an empty database's start paints its welcome without it, ui/model_base.py DISPLAY_ROLE)."""
    from PySide6.QtCore import Qt

    group = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled  # QAbstractItemModel's own
    _FLAGS[:] = [group, group | Qt.ItemFlag.ItemNeverHasChildren, Qt.ItemFlag.NoItemFlags]
    return _FLAGS


def _tooltip(deadline: Deadline) -> str:
    """A row's whole story, for columns too narrow to show it: why this date, the practical date
    and why it is earlier, what else the caseworker must know, the rule and where it is written."""
    lines = [deadline.reason]
    if deadline.day_off:
        lines.append(f"Senest i praksis: {practical_day_text(deadline)}")
    lines += remark_lines(deadline)
    lines += [deadline.rule, f"Henvisning: {deadline.citation}"]
    return "\n".join(lines)
