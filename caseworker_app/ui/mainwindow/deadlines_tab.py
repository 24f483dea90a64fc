"""The Frister tab: every deadline grouped overdue / this week / next 30 days / later, with search,
"mine frister" and a welcome instead of empty groups when there are no cases."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ..caseworker_filter import FRISTER, CaseworkerChoice, ScopeLine
from ..search_keys import SearchLeadsToList, tab_order
from .banners import BannerLabel
from .part import WindowPart
from .tabs import TAB_TITLES, Tab

BIG_GROUP = 50  # a 'Senere' group this long starts folded: laying out its rows is slow, and it is far off


class DeadlinesTab(WindowPart):
    """Part of MainWindow: builds the Frister tab and keeps its lines and counts up to date."""

    def _build_deadlines_tab(self) -> None:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.missed_banner = BannerLabel("missedBanner", "warning")
        self.trial_end_banner = BannerLabel("trialEndBanner", "problem")
        self.deadline_view = QTreeView()
        self.deadline_view.setAccessibleName("Frister, grupperet efter hvornår de forfalder")
        self.deadline_view.setAlternatingRowColors(True)
        self.deadline_view.setUniformRowHeights(True)
        self.deadline_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.deadline_view.activated.connect(self._open_from_deadline)
        self.deadline_view.header().setStretchLastSection(True)
        # Search and "mine frister" (ui/caseworker_filter.py), and a line saying what is shown.
        self.deadline_search = QLineEdit()
        self.deadline_search.setPlaceholderText("Søg på navn, sagsnummer eller CPR")
        self.deadline_search.setClearButtonEnabled(True)
        self.deadline_search.setAccessibleName("Søg i frister")
        self.deadline_caseworker = CaseworkerChoice(self._qsettings, FRISTER)
        self.deadline_scope = ScopeLine(self.deadline_caseworker, "frister")
        row = QHBoxLayout()
        search_label = QLabel("S&øg:")
        search_label.setBuddy(self.deadline_search)
        worker_label = QLabel("Sags&behandler:")
        worker_label.setBuddy(self.deadline_caseworker)
        row.addWidget(search_label)
        row.addWidget(self.deadline_search, 3)
        row.addWidget(worker_label)
        row.addWidget(self.deadline_caseworker)
        row.addStretch(1)
        list_page = QWidget()
        list_layout = QVBoxLayout(list_page)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.addLayout(row)
        list_layout.addWidget(self.deadline_scope)
        list_layout.addWidget(self.deadline_view)
        # Tab as the screen reads: the row above the list, then the line under it, then the list (the
        # list was made first and came second, before the Sagsbehandler beside Søg).
        tab_order(
            (self.deadline_search, self.deadline_caseworker, self.deadline_scope.toggle_button, self.deadline_view)
        )
        # With no cases at all a welcome stands here instead of four empty groups (ui/welcome.py).
        self.deadline_stack = QStackedWidget()
        self.deadline_stack.addWidget(list_page)
        self.welcome = None
        layout.addWidget(self.missed_banner)
        layout.addWidget(self.deadline_stack, 1)
        layout.addWidget(self.trial_end_banner)
        self.tabs.addTab(page, TAB_TITLES[Tab.DEADLINES])

    def _attach_deadline_model(self) -> None:
        """The tree's model (with the store, after the first paint); the tree shows it, its columns
        fitted, once the list is shown (_show_deadline_model)."""
        from ..overview import DeadlineTreeModel

        self.deadline_model = DeadlineTreeModel(self, self.search_texts)
        self.deadline_model.shown_changed.connect(self._deadlines_shown)
        self.deadline_model.set_search(self.deadline_search.text())  # typed while the cases were read
        self.deadline_search.textChanged.connect(self.deadline_model.set_search)
        SearchLeadsToList(self.deadline_search, self.deadline_view, self.deadline_model.first_item_index)
        self.deadline_caseworker.currentIndexChanged.connect(lambda _index: self._deadline_caseworker_chosen())

    def _show_deadline_model(self) -> None:
        """The tree shows its model, its columns fitted and its groups laid out: when the list is
        shown (_show_welcome), not behind an empty database's welcome. A tree with a model is
        asked for its titles whenever Qt lays out what holds it (the welcome put in front of it),
        and its groups' layout asks for their flags: either builds Qt's `Qt` namespace (~25 ms),
        which the welcome is painted without (ui/model_base.py DISPLAY_ROLE)."""
        if self.deadline_view.model() is self.deadline_model:
            return
        from ..column_fit import Column, ColumnFit
        from ..text_size import text_scale

        self.deadline_view.setModel(self.deadline_model)
        # In DeadlineColumn order (ui/column_fit.py): the dates and the case number shown whole, the
        # names and what the deadline is shortened first; at most so wide at 100 % text. The last
        # column, the reason, stretches over the rest.
        columns = (
            Column(
                150, whole=True, dated=True, least_chars=14
            ),  # Frist: "! mangler dato" whole, longer words shortened
            Column(215, whole=True),  # Senest i praksis: the date whole, its explanation may be shortened
            Column(170),  # Borger
            Column(90, whole=True),  # Sagsnr.
            Column(60, whole=True),  # Forsøg
            Column(140, least_chars=6),  # Sagsbehandler
            Column(190),  # Hvad
        )
        self.deadline_columns = ColumnFit(self.deadline_view, columns, last_room=40, scale=text_scale)
        self.deadline_model.modelReset.connect(self._layout_deadline_groups)
        self._layout_deadline_groups()  # the groups of content set while the welcome was in front

    def _deadline_caseworker_chosen(self) -> None:
        """The list and the trial-end banner show the chosen caseworker's deadlines."""
        self.deadline_model.set_caseworker(self.deadline_caseworker.caseworker())
        book = self._book
        if book is not None and book.settings is not None:
            self._update_trial_end_banner(book.settings.trial_end_horizon_days)

    def _layout_deadline_groups(self) -> None:
        """After each reset of the deadline model: group titles span the row; big 'Senere' folded.

        The groups are expanded while the reset's layout is still pending (Qt only notes them),
        then laid out once, then their titles set to span: a tree with spanning rows asks the
        model for each row's index once more while it lays them out (QTreeView
        isFirstColumnSpanned), and an expanded group may hold most of 100,000 rows."""
        model, view = self.deadline_model, self.deadline_view
        groups = range(model.rowCount())
        for row in groups:
            group = model.index(row, 0)
            expanded = model.group_key(row) != "later" or model.rowCount(group) < BIG_GROUP
            view.setExpanded(group, expanded)
        view.doItemsLayout()
        for row in groups:
            # Group titles ("Overskredet (3)") span the whole row rather than squeeze into a column.
            view.setFirstColumnSpanned(row, QModelIndex(), True)

    def _deadlines_shown(self) -> None:
        """What the Frister tab shows changed: say whose and how many, and count the groups."""
        self.deadline_scope.show_selection(self.deadline_model.selection)
        self._update_status_bar()
        self._update_missed_banner()

    def _update_status_bar(self) -> None:
        """The Frister tab's overdue and this-week counts for the caseworker chosen: the numbers its
        group titles show when nothing is searched for (a search looks for a case; it does not
        make a deadline less overdue)."""
        from ...core.cases import GROUP_OVERDUE, GROUP_THIS_WEEK
        from ...core.text import number_text

        groups = self.deadline_model.unsearched_group_sizes()
        overdue, this_week = (number_text(groups.get(key, 0)) for key in (GROUP_OVERDUE, GROUP_THIS_WEEK))
        self.status_counts.setText(f"{overdue} overskredet · {this_week} denne uge")

    def _show_welcome(self, empty: bool, settings) -> None:
        """No cases at all: a welcome that says how to begin, instead of four empty groups."""
        if empty:
            if self.welcome is None:
                from ..welcome import Welcome

                self.welcome = Welcome(self)
                self.deadline_stack.addWidget(self.welcome)
            self.welcome.show_settings(settings.caseworker_name, settings.municipality)
            self.deadline_stack.setCurrentWidget(self.welcome)
        else:
            self.deadline_stack.setCurrentIndex(0)  # the list
            self._show_deadline_model()

    def welcome_shown(self) -> bool:
        return self.welcome is not None and self.deadline_stack.currentWidget() is self.welcome

    def deadline_index(self, case_id: int, kind: str | None = None) -> QModelIndex:
        """The Frister row of the case's deadline (of that kind, if it still has one); invalid when
        none of its deadlines is shown (another caseworker's, not matching the search, none)."""
        items = self._book_in_use().deadlines_of([case_id])[case_id]
        return self.deadline_model.index_of_items(items, kind)

    def _open_from_deadline(self, index: QModelIndex) -> None:
        item = self.deadline_model.item(index)
        if item is not None:
            self.open_case(item.case.id)
