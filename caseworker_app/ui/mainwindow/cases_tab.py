"""The Sager tab: every case with its next deadline, searched and filtered by trial, status and
caseworker."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...core.terms import ACTIVE, CLOSED
from ..caseworker_filter import SAGER, CaseworkerChoice, ScopeLine
from ..search_keys import SearchLeadsToList, tab_order
from ..wrap_row import WrappingRow
from .part import WindowPart
from .tabs import TAB_TITLES, Tab

if TYPE_CHECKING:
    from ...services.book_counts import FilterChoices
    from ...services.deadline_book import BookUpdate


class CasesTab(WindowPart):
    """Part of MainWindow: builds the Sager tab and fills its filters."""

    def _build_cases_tab(self) -> None:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.search_box = QLineEdit()
        self.search_box.setPlaceholderText("Søg på navn, sagsnummer eller CPR")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setAccessibleName("Søg i sager")
        self.trial_filter = QComboBox()
        self.trial_filter.setAccessibleName("Forsøg")
        self.status_filter = QComboBox()
        self.status_filter.setAccessibleName("Status")
        self.status_filter.addItem("Aktive sager", ACTIVE)
        self.status_filter.addItem("Afsluttede sager", CLOSED)
        self.status_filter.addItem("Alle sager", "")
        self.caseworker_filter = CaseworkerChoice(self._qsettings, SAGER)
        self.case_scope = ScopeLine(self.caseworker_filter, "sager")
        # Alt-letters as on Frister (S&øg, Sags&behandler); none taken by the menus or the tabs.
        pairs = []
        for text, field, stretch in (
            ("S&øg:", self.search_box, 2),
            ("F&orsøg:", self.trial_filter, 0),
            ("S&tatus:", self.status_filter, 0),
            ("Sags&behandler:", self.caseworker_filter, 0),
        ):
            label = QLabel(text)
            label.setBuddy(field)
            pairs.append((label, field, stretch))
        self.case_filters = WrappingRow(pairs)  # two rows on a narrow screen, not a window past it
        layout.addWidget(self.case_filters)
        layout.addWidget(self.case_scope)

        self.case_view = QTableView()
        self.case_view.setAccessibleName("Sager")
        self.case_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.case_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.case_view.setAlternatingRowColors(True)
        self.case_view.setTabKeyNavigation(False)  # Tab leaves the list (a table walks its cells)
        self.case_view.verticalHeader().hide()
        self.case_view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.case_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.case_view.horizontalHeader().setStretchLastSection(True)
        self.case_view.activated.connect(self._open_from_case_list)
        layout.addWidget(self.case_view)
        # Tab as the screen reads: the search and the filters beside it, the line under them, the list.
        tab_order(
            (
                self.search_box,
                self.trial_filter,
                self.status_filter,
                self.caseworker_filter,
                self.case_scope.toggle_button,
                self.case_view,
            )
        )
        self.tabs.addTab(page, TAB_TITLES[Tab.CASES])

    def _attach_case_model(self) -> None:
        """The list's model (with the store, after the first paint); the list shows it, sorted and
        its columns fitted, when it is first filled (_show_case_model)."""
        from ..overview import CaseTableModel

        self.case_model = CaseTableModel(self, self.search_texts)
        self.case_model.shown_changed.connect(lambda: self.case_scope.show_selection(self.case_model.selection))
        self.case_model.set_search(self.search_box.text())  # typed while the cases were read
        self.search_box.textChanged.connect(self.case_model.set_search)
        SearchLeadsToList(self.search_box, self.case_view, lambda: self.case_model.index(0, 0))
        for combo in (self.trial_filter, self.status_filter, self.caseworker_filter):
            combo.currentIndexChanged.connect(self._apply_filters)
        self.tabs.currentChanged.connect(lambda index: index == Tab.CASES and self._fill_case_list())

    def _show_case_model(self) -> None:
        """The list shows its model, sorted by the next deadline (a click on a title sorts by another
        column), its columns fitted: done when it is first filled, not with the model. Given a
        model, a table asks it for its titles at once, and sorting hands it a Qt.SortOrder: either
        builds Qt's `Qt` namespace (~25 ms), which the start of an empty database, its welcome on
        Frister, does without (ui/model_base.py DISPLAY_ROLE)."""
        if self.case_view.model() is self.case_model:
            return
        from PySide6.QtCore import Qt

        from ..column_fit import Column, ColumnFit
        from ..overview import CaseColumn
        from ..text_size import text_scale

        self.case_view.setModel(self.case_model)
        self.case_view.setSortingEnabled(True)
        self.case_view.sortByColumn(CaseColumn.NEXT_DUE, Qt.SortOrder.AscendingOrder)
        # In CaseColumn order, as on Frister (ui/column_fit.py): the case number, the CPR number and the
        # next deadline's date shown whole, the names and the status shortened first; at most so wide
        # at 100 % text. The last column, what the next deadline is, stretches over the rest.
        columns = (
            Column(180),  # Borger
            Column(90, whole=True),  # Sagsnr.
            Column(110, whole=True),  # CPR
            Column(60, whole=True),  # Forsøg
            Column(130, least_chars=6),  # Sagsbehandler
            Column(100, least_chars=5),  # Status
            Column(270, whole=True),  # Næste frist: the date whole, "(i praksis …)" may be shortened
        )
        self.case_columns = ColumnFit(self.case_view, columns, last_room=120, scale=text_scale)

    def _show_cases(self, change: BookUpdate) -> None:
        """The Sager list after a refresh. New content is filled at once when the list is the tab
        shown, else just after the next paint: the Frister tab is on screen first (the list took a
        fifth of the start with 10,000 cases). A change of some cases patches their rows alone."""
        if change.full:
            self._case_list_stale = True
            if self.tabs.currentIndex() == Tab.CASES:
                self._fill_case_list()
            from ..after_paint import FIRST_PAINT_FALLBACK_MS, AfterPaint

            if self._after_paint is None:  # one wait, however many refreshes come before the paint
                self._after_paint = AfterPaint(self, self._after_cases_painted, FIRST_PAINT_FALLBACK_MS)
            else:
                self._after_paint.again(FIRST_PAINT_FALLBACK_MS)
        else:
            self.search_texts.forget(change.removed)
            if not self._case_list_stale:
                self._patch_cases(change)

    def case_list_current(self) -> bool:
        """False while the Sager list waits for the paint of new content (_show_cases)."""
        return not self._case_list_stale

    def _after_cases_painted(self) -> None:
        """The Sager list and every case's search text, made while the caseworker reads Frister; the
        right-click menus (once: they build Qt's `Qt` namespace, which an empty database's welcome
        is painted without, and there is no row to click before)."""
        self._attach_row_menus()
        self._fill_case_list()
        book = self._book
        if book is not None:
            self.search_texts.warm(book.cases)  # the first keystroke finds them made
            self.case_model.warm_search()  # and lined up with the rows each list searches
            self.deadline_model.warm_search()

    def _fill_case_list(self) -> None:
        """The Sager list from the book, if it is behind (see _show_cases)."""
        book = self._book
        if not self._case_list_stale or book is None:
            return
        self._case_list_stale = False
        self._show_case_model()
        # The caseworker's place in the list as it was before the new content (kept while stale)
        index = self.case_view.currentIndex()
        chosen = self.case_model.case_at(index).id if index.isValid() else None
        scroll = self.case_view.verticalScrollBar().value()
        # with the filters as chosen now (their choices may have come with this content)
        self.case_model.set_cases(book.cases, book.deadlines, **self._chosen_filters())
        if chosen is not None:
            index = self.case_model.index_of_case(chosen)
            if index.isValid():
                self.case_view.setCurrentIndex(index)
        self.case_view.verticalScrollBar().setValue(scroll)

    def _patch_cases(self, change: BookUpdate) -> None:
        """The Sager list: the changed cases' rows alone, with their next deadline."""
        if not change.case_ids:
            return
        records = self._store_in_use().cases_by_id(change.case_ids)
        next_due = {}
        for case_id, items in self._changed_deadlines(change).items():
            next_due[case_id] = items[0].deadline if items else None  # the book's order: earliest first
        self.case_model.patch_cases({case_id: records.get(case_id) for case_id in change.case_ids}, next_due)

    def _fill_filter_choices(self, choices: FilterChoices, own: str = "") -> None:
        """The filters' choices from the cases' values (kept by the book); Frister's caseworker
        choice is filled here too."""

        def refill(combo: QComboBox, everything: str, values: list[str]) -> None:
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everything, "")
            for value in values:
                combo.addItem(value, value)
            found = combo.findData(current)
            combo.setCurrentIndex(found if found >= 0 else 0)
            combo.blockSignals(False)

        refill(self.trial_filter, "Alle forsøg", choices.trial_ids())
        # "Mine": the caseworker's own name (Indstillinger) first; "Alle sagsbehandlere"; colleagues.
        self.caseworker_filter.set_names(choices.caseworkers(), own)
        self.deadline_caseworker.set_names(choices.active_caseworkers(), own)
        self._apply_filters()

    def _chosen_filters(self) -> dict[str, str]:
        return {
            "trial": self.trial_filter.currentData() or "",
            "status": self.status_filter.currentData() or "",
            "caseworker": self.caseworker_filter.caseworker(),
        }

    def _apply_filters(self) -> None:
        if self._case_list_stale:
            return  # set when the list is filled (_fill_case_list)
        self.case_model.set_filters(**self._chosen_filters())

    def _open_from_case_list(self, index: QModelIndex) -> None:
        self.open_case(self.case_model.case_at(index).id)
