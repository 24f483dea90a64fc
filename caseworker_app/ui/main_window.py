"""The main window: deadlines overview, case list, trial catalog and calculator in tabs.

Start-up time: this module imports Qt widgets only, so the window is on screen at once. The
engine, the store and the item models (the first use of Qt's `Qt` namespace builds a hundred
Python enums) are imported by open_store, after the first paint (ui/app.py run_window).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QEvent, QModelIndex, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ..core.terms import ACTIVE, CLOSED
from .caseworker_filter import FRISTER, SAGER, CaseworkerChoice, ScopeLine
from .colours import banner_style

_log = logging.getLogger(__name__)

TICK_MS = 60_000  # check once a minute whether the date has changed (no long timers)


class MainWindow(QMainWindow):
    """What the caseworker sees first: what is overdue, due this week, and coming."""

    refreshed = Signal()

    def __init__(
        self,
        store=None,
        *,
        today: Callable[[], date] = date.today,
        settings: QSettings | None = None,
        demo: bool = False,
    ):
        """Without a store the window is built empty, to be shown at once; open_store() fills it."""
        super().__init__()
        self.store = None
        self.deadline_model = None  # the item models come with the store (open_store)
        self.case_model = None
        self._store_actions: list[QAction] = []  # disabled until there is a database
        self.demo = demo  # the title says DEMODATA, so demo data is never mistaken for real cases
        self._today = today
        self._day = today()
        self._qsettings = settings or QSettings()
        self.deadline_items = []
        self.problems = []  # cases whose deadlines cannot be computed (core.cases.CaseProblem)
        self._case_windows: dict = {}  # case id (or a key for a new case) -> its open window
        self.last_refresh_seconds = 0.0

        self.tabs = QTabWidget()
        self._build_central()
        self._build_deadlines_tab()
        self._build_cases_tab()
        self._build_other_tabs()
        self._build_menus()
        self.status_counts = QLabel()
        self.status_path = QLabel()
        self.statusBar().addWidget(self.status_counts)
        self.statusBar().addPermanentWidget(self.status_path)

        self._tick = QTimer(self)
        self._tick.setInterval(TICK_MS)
        self._tick.timeout.connect(self._on_tick)

        self.missed_items = []
        self.missed_banner.hide()  # the banners show once there is something to say
        self.trial_end_banner.hide()
        self.problems_banner.hide()
        self.duplicate_groups = []
        self.duplicates_banner.hide()
        self.setWindowTitle("Opfølgningsfrister" + (" – DEMODATA" if demo else ""))
        self._restore_layout()
        if store is not None:
            self.open_store(store)
        else:
            self.status_counts.setText("Henter sager og beregner frister …")

    def open_store(self, store) -> None:
        """Show the cases in store: compute their deadlines, say what fell due since last time."""
        self.store = store
        self.status_path.setText(f"Data: {store.path}")
        if self.case_model is None:
            self._attach_models()
        self._last_opened = store.settings().last_opened
        self.refresh()
        self._show_missed_since_last_time()
        self._remember_opened()
        self.ensure_tab_built(self.tabs.currentIndex())  # a catalog tab remembered from last time
        self._tick.start()
        for action in self._store_actions:  # only once everything above worked
            action.setEnabled(True)
        # The keyboard starts in the list: arrows and Enter open a case at once (not on the tabs).
        view = {0: self.deadline_view, 1: self.case_view}.get(self.tabs.currentIndex())
        if view is not None:
            view.setFocus()

    # ------------------------------------------------------------ building

    def _build_central(self) -> None:
        """The tabs under a line that names cases that cannot be computed (seen on every tab)."""
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.problems_banner = QLabel()
        self.problems_banner.setWordWrap(True)
        self.problems_banner.setObjectName("problemsBanner")
        self.problems_banner.setStyleSheet(banner_style("problemsBanner", "problem", "4px 6px 2px 6px"))
        self.problems_banner.linkActivated.connect(lambda _link: self.show_problems())
        layout.addWidget(self.problems_banner)
        # Open cases sharing a FASIT number in a trial, saved before the database refused that (m006).
        self.duplicates_banner = QLabel()
        self.duplicates_banner.setWordWrap(True)
        self.duplicates_banner.setObjectName("duplicatesBanner")
        self.duplicates_banner.setStyleSheet(banner_style("duplicatesBanner", "problem", "2px 6px 2px 6px"))
        self.duplicates_banner.linkActivated.connect(lambda _link: self.show_duplicates())
        layout.addWidget(self.duplicates_banner)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)

    def _build_deadlines_tab(self) -> None:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.missed_banner = QLabel()
        self.missed_banner.setWordWrap(True)
        self.missed_banner.setObjectName("missedBanner")
        self.missed_banner.setStyleSheet(banner_style("missedBanner", "warning"))
        self.trial_end_banner = QLabel()
        self.trial_end_banner.setWordWrap(True)
        self.trial_end_banner.setObjectName("trialEndBanner")
        self.trial_end_banner.setStyleSheet(banner_style("trialEndBanner", "problem"))
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
        # With no cases at all a welcome stands here instead of four empty groups (ui/welcome.py).
        self.deadline_stack = QStackedWidget()
        self.deadline_stack.addWidget(list_page)
        self.welcome = None
        layout.addWidget(self.missed_banner)
        layout.addWidget(self.deadline_stack, 1)
        layout.addWidget(self.trial_end_banner)
        self.tabs.addTab(page, "Frister")

    def _build_cases_tab(self) -> None:
        page = QWidget()
        layout = QVBoxLayout(page)
        row = QHBoxLayout()
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
        row.addWidget(QLabel("Søg:"))
        row.addWidget(self.search_box, 2)
        row.addWidget(QLabel("Forsøg:"))
        row.addWidget(self.trial_filter)
        row.addWidget(QLabel("Status:"))
        row.addWidget(self.status_filter)
        row.addWidget(QLabel("Sagsbehandler:"))
        row.addWidget(self.caseworker_filter)
        layout.addLayout(row)
        layout.addWidget(self.case_scope)

        self.case_view = QTableView()
        self.case_view.setAccessibleName("Sager")
        self.case_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.case_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.case_view.setAlternatingRowColors(True)
        self.case_view.verticalHeader().hide()
        self.case_view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.case_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.case_view.horizontalHeader().setStretchLastSection(True)
        self.case_view.activated.connect(self._open_from_case_list)
        layout.addWidget(self.case_view)
        self.tabs.addTab(page, "Sager")

    def _attach_models(self) -> None:
        """The deadline tree and the case list get their models, column widths and sorting."""
        from PySide6.QtCore import Qt

        from .models import CaseTableModel, DeadlineTreeModel
        from .text_size import text_scale

        self.deadline_model = DeadlineTreeModel(self)
        self.deadline_view.setModel(self.deadline_model)
        scale = text_scale()  # Indstillinger › Tekststørrelse: wider columns for larger text
        for column, width in enumerate((150, 215, 170, 90, 60, 140, 190)):
            self.deadline_view.header().resizeSection(column, round(width * scale))
        self.deadline_model.modelReset.connect(self._layout_deadline_groups)
        self.deadline_model.shown_changed.connect(self._deadlines_shown)
        self.deadline_model.set_search(self.deadline_search.text())  # typed while the cases were read
        self.deadline_search.textChanged.connect(self.deadline_model.set_search)
        self.deadline_caseworker.currentIndexChanged.connect(
            lambda _index: self.deadline_model.set_caseworker(self.deadline_caseworker.caseworker())
        )
        self.case_model = CaseTableModel(self)
        self.case_view.setModel(self.case_model)
        self.case_view.setSortingEnabled(True)
        self.case_view.sortByColumn(6, Qt.SortOrder.AscendingOrder)
        for column, width in enumerate((180, 90, 110, 60, 130, 150, 110)):
            self.case_view.setColumnWidth(column, round(width * scale))
        self.case_model.shown_changed.connect(lambda: self.case_scope.show_selection(self.case_model.selection))
        self.case_model.set_search(self.search_box.text())  # typed while the cases were read
        self.search_box.textChanged.connect(self.case_model.set_search)
        for combo in (self.trial_filter, self.status_filter, self.caseworker_filter):
            combo.currentIndexChanged.connect(self._apply_filters)

    def _build_other_tabs(self) -> None:
        # Built when first opened: the catalog views are not needed to see today's deadlines,
        # and building them took a sixth of the start-up time.
        self.trials_view = None
        self.calculator_view = None
        self._lazy_pages = {}
        for title in ("Forsøg", "Fristberegner"):
            page = QWidget()
            QVBoxLayout(page).setContentsMargins(0, 0, 0, 0)
            self._lazy_pages[self.tabs.addTab(page, title)] = page
        self.tabs.currentChanged.connect(self.ensure_tab_built)

    def ensure_tab_built(self, index: int) -> None:
        """Build the trial catalog or calculator tab the first time it is shown."""
        if self.store is None:
            return  # open_store builds it
        page = self._lazy_pages.pop(index, None)
        if page is None:
            return
        if self.tabs.tabText(index) == "Forsøg":
            from .trials_view import TrialsView

            self.trials_view = TrialsView(self.store, today=self._today)
            self.trials_view.changed.connect(self.refresh)
            page.layout().addWidget(self.trials_view)
            self.trials_view.show()  # a child added to a visible widget must be shown explicitly
        else:
            from .calculator_view import CalculatorView

            self.calculator_view = CalculatorView(self.store.catalog, today=self._today)
            page.layout().addWidget(self.calculator_view)
            self.calculator_view.show()

    def _build_menus(self) -> None:
        bar = self.menuBar()
        files = bar.addMenu("&Filer")
        self.new_case_action = self._action(
            files, "&Ny sag …", QKeySequence.StandardKey.New, self.new_case
        )
        files.addSeparator()
        self.export_ics_action = self._action(
            files, "Eksportér til &Outlook (.ics) …", None, self.export_ics
        )
        self.export_deadlines_action = self._action(
            files, "Eksportér &frister til regneark …", None, self.export_deadlines
        )
        self.export_cases_action = self._action(
            files, "Eksportér &sagsliste til regneark …", None, self.export_cases
        )
        self.import_action = self._action(
            files, "&Importér sager …", QKeySequence("Ctrl+I"), self.import_cases
        )
        self.undo_import_action = self._action(files, "Fo&rtryd import …", None, self.undo_import)
        files.addSeparator()
        self.settings_action = self._action(files, "&Indstillinger …", None, self.edit_settings)
        self.backups_action = self._action(files, "Sikkerheds&kopier …", None, self.show_backups)
        files.addSeparator()
        quit_action = self._action(files, "&Afslut", QKeySequence.StandardKey.Quit, self.close, needs_store=False)
        quit_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)  # from a case window too

        case = bar.addMenu("&Sag")
        self.open_action = self._action(case, "Å&bn sag", None, self.open_selected)
        self.register_action = self._action(
            case, "&Registrer opfølgning …", QKeySequence("Ctrl+R"), self.register_followup
        )
        self.close_case_action = self._action(case, "A&fslut sag …", None, self.close_selected_case)

        view = bar.addMenu("&Vis")
        self._action(view, "&Frister", QKeySequence("Ctrl+1"), lambda: self.tabs.setCurrentIndex(0), needs_store=False)
        self._action(view, "&Sager", QKeySequence("Ctrl+2"), lambda: self.tabs.setCurrentIndex(1), needs_store=False)
        self._action(view, "F&orsøg", QKeySequence("Ctrl+3"), lambda: self.tabs.setCurrentIndex(2), needs_store=False)
        self._action(
            view, "Fristbe&regner", QKeySequence("Ctrl+4"), lambda: self.tabs.setCurrentIndex(3), needs_store=False
        )
        view.addSeparator()
        self._action(view, "&Opdater", QKeySequence.StandardKey.Refresh, self.refresh)
        self.search_action = self._action(
            view, "&Søg …", QKeySequence.StandardKey.Find, self.focus_search, needs_store=False
        )

        self.print_menu = bar.addMenu("&Udskriv")
        self.print_calendar_action = self._action(
            self.print_menu, "&Opfølgningskalender …", QKeySequence("Ctrl+P"), self.print_calendar
        )
        self.print_plan_action = self._action(
            self.print_menu, "&Plan for valgt borger …", None, self.print_selected_plan
        )
        self.print_evaluation_action = self._action(
            self.print_menu, "&Evaluering …", None, self.print_evaluation
        )
        # Right-click on a row: the case commands for that row (see row_menu).
        for view in (self.deadline_view, self.case_view):
            view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            view.customContextMenuRequested.connect(
                lambda pos, v=view: self._show_row_menu(v, pos)
            )
        self.help_menu = bar.addMenu("&Hjælp")
        self.guide_action = self._action(
            self.help_menu, "&Kom i gang …", QKeySequence.StandardKey.HelpContents, self.show_guide,
            needs_store=False,
        )
        self._action(self.help_menu, "&Tastaturgenveje …", None, self.show_shortcuts, needs_store=False)
        self._action(self.help_menu, "&Om programmet", None, self._about, needs_store=False)

    def _action(self, menu, text, shortcut, slot, needs_store: bool = True) -> QAction:
        action = QAction(text, self)
        if needs_store:
            action.setEnabled(self.store is not None)
            self._store_actions.append(action)
        if shortcut is not None:
            # setShortcuts with a list rather than setShortcut: resolving setShortcut's overloads
            # builds all of Qt's key enums, a sixth of the time to the first paint. Same key.
            if isinstance(shortcut, QKeySequence.StandardKey):
                action.setShortcuts(QKeySequence.keyBindings(shortcut)[:1])
            else:
                action.setShortcuts([shortcut])
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    # ------------------------------------------------------------ state

    def today(self) -> date:
        return self._today()

    def refresh(self) -> None:
        """Recompute every deadline from the database and show it (start, changes, a new day)."""
        from ..core.cases import deadlines_and_problems

        started = time.perf_counter()
        place = self._remember_place()
        today = self.today()
        self._day = today
        settings = self.store.settings()
        cases = self.store.list_cases(include_closed=True)
        catalog = self.store.catalog()
        # The function `caseworker-app deadlines` uses (store.deadlines), fed the list already read,
        # and in the same pass the cases it could not compute (store.uncomputable).
        self.deadline_items, self.problems = deadlines_and_problems(
            cases, catalog, today, warning_days=settings.warning_days
        )
        self.case_model.set_cases(cases, self.deadline_items)
        self._fill_filter_choices(cases, settings.caseworker_name)
        # Shown as the caseworker filter and the search choose (models.DeadlineTreeModel); the
        # groups are laid out and counted on the model's reset (_layout_deadline_groups, _deadlines_shown).
        self.deadline_model.set_deadlines(
            self.deadline_items, today, settings.warning_days, caseworker=self.deadline_caseworker.caseworker()
        )
        self._show_welcome(not cases, settings)
        self._restore_place(place)
        self._update_trial_end_banner(today, settings.trial_end_horizon_days)
        self._update_problems_banner()
        self._update_duplicates_banner()
        title = "Opfølgningsfrister"
        if settings.municipality:
            title += f" – {settings.municipality}"
        if settings.caseworker_name:
            title += f" – {settings.caseworker_name}"
        if self.demo:
            title += " – DEMODATA"
        self.setWindowTitle(title)
        self.last_refresh_seconds = time.perf_counter() - started
        self.refreshed.emit()

    def _layout_deadline_groups(self) -> None:
        """After each reset of the deadline model: group titles span the row; big 'Senere' folded."""
        for row in range(self.deadline_model.rowCount()):
            # Group titles ("Overskredet (3)") span the whole row rather than squeeze into a column.
            self.deadline_view.setFirstColumnSpanned(row, QModelIndex(), True)
            group = self.deadline_model.index(row, 0)
            expanded = (
                self.deadline_model.group_key(row) != "later"
                or self.deadline_model.rowCount(group) < 50
            )
            self.deadline_view.setExpanded(group, expanded)

    def _deadlines_shown(self) -> None:
        """What the Frister tab shows changed: say whose and how many, and count the groups."""
        self.deadline_scope.show_selection(self.deadline_model.selection)
        self._update_status_bar()
        self._update_missed_banner()

    def _show_welcome(self, empty: bool, settings) -> None:
        """No cases at all: a welcome that says how to begin, instead of four empty groups."""
        if empty:
            if self.welcome is None:
                from .welcome import Welcome

                self.welcome = Welcome(self)
                self.deadline_stack.addWidget(self.welcome)
            self.welcome.show_settings(settings.caseworker_name, settings.municipality)
            self.deadline_stack.setCurrentWidget(self.welcome)
        else:
            self.deadline_stack.setCurrentIndex(0)

    def welcome_shown(self) -> bool:
        return self.welcome is not None and self.deadline_stack.currentWidget() is self.welcome

    def _fill_filter_choices(self, cases, own: str = "") -> None:
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

        refill(self.trial_filter, "Alle forsøg", sorted({c.trial_id for c in cases}))
        # "Mine": the caseworker's own name (Indstillinger) first; "Alle sagsbehandlere"; colleagues.
        self.caseworker_filter.set_names((c.caseworker for c in cases), own)
        self.deadline_caseworker.set_names((c.caseworker for c in cases if c.status == ACTIVE), own)
        self._apply_filters()

    def _apply_filters(self) -> None:
        self.case_model.set_filters(
            trial=self.trial_filter.currentData() or "",
            status=self.status_filter.currentData() or "",
            caseworker=self.caseworker_filter.caseworker(),
        )

    def _update_status_bar(self) -> None:
        """The Frister tab's overdue and this-week counts: the numbers its group titles show."""
        from ..core.cases import GROUP_OVERDUE, GROUP_THIS_WEEK

        groups = self.deadline_model.group_sizes()
        self.status_counts.setText(
            f"{groups.get(GROUP_OVERDUE, 0)} overskredet · {groups.get(GROUP_THIS_WEEK, 0)} denne uge"
        )

    def _update_trial_end_banner(self, today: date, horizon: int) -> None:
        from ..core.cases import trial_end_notices

        lines = trial_end_notices(self.deadline_items, today, horizon)
        if not lines:
            self.trial_end_banner.hide()
            return
        self.trial_end_banner.setText("⚠ " + "\n⚠ ".join(lines))
        self.trial_end_banner.show()

    def _update_problems_banner(self) -> None:
        from ..core.cases import problems_heading

        if not self.problems:
            self.problems_banner.hide()
            return
        _log.warning(
            "%d cases cannot be computed (ids %s)",
            len(self.problems),
            ", ".join(str(p.case.id) for p in self.problems),
        )
        self.problems_banner.setText(
            f'⚠ {problems_heading(len(self.problems))} – <a href="vis">vis</a>'
        )
        self.problems_banner.show()

    def _update_duplicates_banner(self) -> None:
        from .duplicates_dialog import duplicates_heading

        self.duplicate_groups = self.store.duplicate_open_case_ids()
        if not self.duplicate_groups:
            self.duplicates_banner.hide()
            return
        # Ids only: a FASIT number may be personal data.
        _log.warning(
            "open cases share a FASIT number in a trial (ids %s)",
            "; ".join(", ".join(map(str, ids)) for _trial, _ref, ids in self.duplicate_groups),
        )
        self.duplicates_banner.setText(
            f'⚠ {duplicates_heading(self.duplicate_groups)} – <a href="vis">vis</a>'
        )
        self.duplicates_banner.show()

    def show_duplicates(self) -> None:
        """The duplicates banner's "vis": FASIT number, trial and the cases' database ids."""
        from .duplicates_dialog import DuplicatesDialog

        DuplicatesDialog(self.duplicate_groups, parent=self).exec()

    def show_problems(self) -> None:
        """The banner's "vis": the cases that cannot be computed, with FASIT number and reason."""
        from .problems_dialog import ProblemsDialog

        ProblemsDialog(self.problems, parent=self).exec()

    def _show_missed_since_last_time(self) -> None:
        from ..core.cases import became_due_since

        self.missed_items = became_due_since(self.deadline_items, self._last_opened, self.today())
        self._update_missed_banner()

    def _update_missed_banner(self) -> None:
        """The deadlines fallen due since last time, of the caseworker Frister shows (the rest counted)."""
        from ..core.selection import possessive, select
        from ..core.workdays import fmt

        if not self.missed_items:
            self.missed_banner.hide()
            return
        caseworker = self.deadline_caseworker.caseworker()
        missed = select(self.missed_items, caseworker=caseworker).items
        others = len(self.missed_items) - len(missed)
        since = f"⚠ Forfaldet siden sidst du åbnede programmet ({fmt(self._last_opened)}): "
        elsewhere = f"{others} hos andre sagsbehandlere"
        if not missed:
            whose = "dine" if caseworker == self.deadline_caseworker.own else possessive(caseworker)
            self.missed_banner.setText(since + f"ingen af {whose} – {elsewhere}")
        else:
            names = ", ".join(f"{i.case.citizen} ({fmt(i.deadline.legal_due)})" for i in missed[:5])
            more = f" og {len(missed) - 5} mere" if len(missed) > 5 else ""
            self.missed_banner.setText(
                since + f"{len(missed)} – {names}{more}" + (f" (og {elsewhere})" if others else "")
            )
        self.missed_banner.show()

    def _remember_opened(self) -> None:
        settings = self.store.settings()
        settings.last_opened = self.today()
        self.store.save_settings(settings)

    def _on_tick(self) -> None:
        if self.today() != self._day:
            self.refresh()

    # ------------------------------------------------------------ actions

    def focus_search(self) -> None:
        """Ctrl+F: the search of the tab in front (Frister or Sager); from the other tabs, Sager's."""
        if self.tabs.currentIndex() == 0 and not self.welcome_shown():
            box = self.deadline_search
        else:
            self.tabs.setCurrentIndex(1)
            box = self.search_box
        box.setFocus()
        box.selectAll()

    def _remember_place(self) -> tuple:
        """The chosen case (and deadline kind) and the lists' scroll positions, kept over a refresh."""
        item = self.deadline_model.item(self.deadline_view.currentIndex())
        case_index = self.case_view.currentIndex()
        case_id = self.case_model.case_at(case_index).id if case_index.isValid() else None
        return (
            (item.case.id, item.deadline.kind) if item else None,
            case_id,
            self.deadline_view.verticalScrollBar().value(),
            self.case_view.verticalScrollBar().value(),
        )

    def _restore_place(self, place: tuple) -> None:
        """Select the same case again where it still is, and scroll back: the caseworker's place."""
        deadline, case_id, deadline_scroll, case_scroll = place
        if deadline is not None:
            index = self.deadline_model.index_of_case(*deadline)
            if index.isValid():
                self.deadline_view.setCurrentIndex(index)
        if case_id is not None:
            index = self.case_model.index_of_case(case_id)
            if index.isValid():
                self.case_view.setCurrentIndex(index)
        self.deadline_view.verticalScrollBar().setValue(deadline_scroll)
        self.case_view.verticalScrollBar().setValue(case_scroll)

    def selected_case_id(self) -> int | None:
        if self.tabs.currentIndex() == 0:
            item = self.deadline_model.item(self.deadline_view.currentIndex())
            return item.case.id if item else None
        index = self.case_view.currentIndex()
        if index.isValid():
            return self.case_model.case_at(index).id
        return None

    def _open_from_deadline(self, index: QModelIndex) -> None:
        item = self.deadline_model.item(index)
        if item is not None:
            self.open_case(item.case.id)

    def _open_from_case_list(self, index: QModelIndex) -> None:
        self.open_case(self.case_model.case_at(index).id)

    def open_selected(self) -> None:
        case_id = self.selected_case_id()
        if case_id is not None:
            self.open_case(case_id)

    def open_case(self, case_id: int | None):
        """Open the case in a window of its own beside the lists (not modal; one per case)."""
        from .case_window import CaseWindow

        if case_id is not None and case_id in self._case_windows:
            window = self._case_windows[case_id]
            window.raise_()
            window.activateWindow()
            return window
        window = CaseWindow(self.store, case_id, today=self._today, parent=self)
        window.setModal(False)
        window.changed.connect(self.refresh)
        key = case_id if case_id is not None else ("ny", id(window))
        self._case_windows[key] = window
        window.finished.connect(lambda _result, k=key: self._case_windows.pop(k, None))
        window.show()
        return window

    def row_menu(self, view, pos) -> QMenu | None:
        """The menu for a right-click at pos: the row under it is chosen, then its commands."""
        index = view.indexAt(pos)
        if not index.isValid():
            return None
        view.setCurrentIndex(index)
        if self.selected_case_id() is None:  # a group heading on Frister
            return None
        menu = QMenu(self)
        for action in (self.open_action, self.register_action, self.print_plan_action, self.close_case_action):
            menu.addAction(action)
        return menu

    def _show_row_menu(self, view, pos) -> None:
        menu = self.row_menu(view, pos)
        if menu is not None:
            menu.exec(view.viewport().mapToGlobal(pos))

    def case_windows(self) -> list:
        """The case windows open now, oldest first."""
        return list(self._case_windows.values())

    def new_case(self) -> None:
        self.open_case(None)

    def register_followup(self) -> None:
        case_id = self.selected_case_id()
        if case_id is None:
            QMessageBox.information(self, "Registrer opfølgning", "Vælg først en sag i listen.")
            return
        from .event_dialog import EventDialog

        dialog = EventDialog(self.store, case_id, today=self._today, parent=self)
        if dialog.exec():
            self.refresh()

    def close_selected_case(self) -> None:
        case_id = self.selected_case_id()
        if case_id is None:
            QMessageBox.information(self, "Afslut sag", "Vælg først en sag i listen.")
            return
        from .case_window import CloseCaseDialog

        dialog = CloseCaseDialog(self.store, case_id, today=self._today, parent=self)
        if dialog.exec():
            self.refresh()

    def print_calendar(self) -> None:
        """Udskriv › Opfølgningskalender: period, filter and layout, then preview, print or PDF.

        The caseworker filter starts at the caseworker's own name, or as last chosen (remembered)."""
        from .print_dialogs import print_calendar

        print_calendar(self.store, self, today=self._today, remember_in=self._qsettings)

    def print_selected_plan(self) -> None:
        """Udskriv › Plan for valgt borger: the selected case's coming deadlines."""
        case_id = self.selected_case_id()
        if case_id is None:
            QMessageBox.information(self, "Plan for valgt borger", "Vælg først en sag i listen.")
            return
        from .print_dialogs import print_case_plan

        print_case_plan(self.store, case_id, self, today=self._today)

    def print_evaluation(self) -> None:
        """Udskriv › Evaluering: the figures the municipality reports, with the cases behind them."""
        from .evaluation_dialog import show_evaluation_dialog

        show_evaluation_dialog(self.store, self, today=self._today)

    def _export_caseworker(self, place: str, title: str, noun: str) -> str | None:
        """Only mine (the default) or everyone's, asked before an export; None when cancelled."""
        from .caseworker_filter import ask_export_caseworker

        return ask_export_caseworker(self, self.store, self._qsettings, place, title, noun)

    def export_ics(self) -> None:
        """Filer › Eksportér til Outlook (.ics)."""
        from .caseworker_filter import ICS
        from .print_dialogs import export_ics_dialog

        caseworker = self._export_caseworker(ICS, "Eksportér til Outlook", "frister")
        if caseworker is not None:
            export_ics_dialog(self.store, self, today=self._today, caseworker=caseworker)

    def export_deadlines(self) -> None:
        """Filer › Eksportér frister til regneark."""
        from .caseworker_filter import DEADLINE_SHEET
        from .print_dialogs import export_deadlines_dialog

        caseworker = self._export_caseworker(DEADLINE_SHEET, "Eksportér frister til regneark", "frister")
        if caseworker is not None:
            export_deadlines_dialog(self.store, self, today=self._today, caseworker=caseworker)

    def export_cases(self) -> None:
        """Filer › Eksportér sagsliste til regneark."""
        from .caseworker_filter import CASE_SHEET
        from .print_dialogs import export_cases_dialog

        caseworker = self._export_caseworker(CASE_SHEET, "Eksportér sagsliste til regneark", "sager")
        if caseworker is not None:
            export_cases_dialog(self.store, self, today=self._today, caseworker=caseworker)

    def import_cases(self) -> None:
        """Filer › Importér sager … (Ctrl+I): a case list from Excel or CSV (ui/import_dialog.py)."""
        from .import_dialog import import_case_list

        import_case_list(self.store, self, today=self._today, on_saved=self.refresh)

    def undo_import(self) -> None:
        """Filer › Fortryd import …: an import undone as a whole (ui/import_undo_dialog.py)."""
        from .import_undo_dialog import UndoImportDialog

        def undone(result) -> None:
            self.refresh()
            self.statusBar().showMessage(result.summary, 20_000)

        UndoImportDialog(self.store, on_undone=undone, parent=self).exec()

    def open_demo(self) -> bool:
        """Start the demo (`caseworker-app --demo`) beside this window: its own example database."""
        from .welcome import start_demo

        if start_demo():
            return True
        QMessageBox.warning(self, "Åbn demo", "Demoen kunne ikke startes.")
        return False

    def offer_first_start(self):
        """The first start: no name or municipality yet. Ask for them, without blocking the window.

        Called by ui/app.py run_window (never for the demo); returns the dialog, or None."""
        from .first_start_dialog import FirstStartDialog, needs_first_start

        if self.store is None or not needs_first_start(self.store.settings()):
            return None
        dialog = FirstStartDialog(self.store, parent=self)
        dialog.accepted.connect(self.refresh)
        dialog.open()  # window-modal, no nested event loop
        return dialog

    def edit_settings(self) -> None:
        from .settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.store, today=self._today, parent=self)
        if dialog.exec() or dialog.purged:
            self.refresh()

    def show_backups(self) -> None:
        """Filer › Sikkerhedskopier …: list, make and restore copies (ui/backup_dialog.py)."""
        from .backup_dialog import BackupDialog

        def restored() -> None:
            self.store.reopen()
            self.refresh()

        BackupDialog(self.store.path, on_restored=restored, parent=self).exec()

    def show_guide(self):
        """Hjælp › Kom i gang (F1), at the section of the tab in front."""
        from .help_window import open_guide  # here: help is rarely opened, start-up stays quick

        self._help = open_guide(self, self.tabs.currentIndex())
        return self._help

    def show_shortcuts(self):
        """Hjælp › Tastaturgenveje, read off the menus."""
        from .help_window import open_shortcuts

        self._help = open_shortcuts(self)
        return self._help

    def _about(self) -> None:
        from .. import __version__

        QMessageBox.about(
            self,
            "Om Opfølgningsfrister",
            f"Opfølgningsfrister {__version__}\n\nBeregner opfølgningsfrister i frikommuneforsøg.\n"
            f"Data: {self.store.path if self.store else 'åbnes …'}\nProgrammet bruger ikke netværket.",
        )

    # ------------------------------------------------------------ layout memory

    def _restore_layout(self) -> None:
        from .screen_fit import centre_on_screen, keep_on_screen

        geometry = self._qsettings.value("main_window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
            keep_on_screen(self)  # saved on a larger screen, or at a larger scaling
        else:
            centre_on_screen(self, 1200, 760)
        state = self._qsettings.value("main_window/state")
        if state is not None:
            self.restoreState(state)
        tab = self._qsettings.value("main_window/tab")
        if tab is not None:
            self.tabs.setCurrentIndex(int(tab))

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt override
        # Indstillinger › Tekststørrelse: rows and columns grow with the text, at once.
        if event.type() == QEvent.Type.FontChange and hasattr(self, "case_view"):
            old = self.case_view.verticalHeader().defaultSectionSize() - 8
            new = self.fontMetrics().height()
            self.case_view.verticalHeader().setDefaultSectionSize(new + 8)
            for header in (self.case_view.horizontalHeader(), self.deadline_view.header()):
                for column in range(header.count()):
                    header.resizeSection(column, round(header.sectionSize(column) * new / max(old, 1)))
        super().changeEvent(event)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        # Each open case window asks about its unsaved changes; "Annuller" keeps everything open.
        for window in self.case_windows():
            window.close()
            if window.isVisible():
                event.ignore()
                return
        self._qsettings.setValue("main_window/geometry", self.saveGeometry())
        self._qsettings.setValue("main_window/state", self.saveState())
        self._qsettings.setValue("main_window/tab", self.tabs.currentIndex())
        self._qsettings.sync()
        super().closeEvent(event)
