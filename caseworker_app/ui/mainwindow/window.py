"""MainWindow: the tabs, the store behind them, refresh, and the caseworker's place in the lists.

Start-up time: this module and its parts import Qt widgets only, so the window is on screen at
once. The engine, the store and the item models (the first use of Qt's `Qt` namespace builds a
hundred Python enums) are imported by open_store, after the first paint (ui/app.py run_window).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSettings, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMainWindow, QTabWidget, QVBoxLayout, QWidget

from .actions import MainWindowActions
from .banners import BannerLabel, Banners
from .cases_tab import CasesTab
from .deadlines_tab import DeadlinesTab
from .tabs import CatalogTabs, Tab

if TYPE_CHECKING:  # types only: no import of the store or the engine when this module loads
    from ...core.cases import CaseRecord
    from ...services.deadline_book import BookUpdate, DeadlineBook
    from ...store.case_store import CaseStore

TICK_MS = 60_000  # check once a minute whether the date has changed (no long timers)


class MainWindow(DeadlinesTab, CasesTab, CatalogTabs, Banners, MainWindowActions, QMainWindow):
    """What the caseworker sees first: what is overdue, due this week, and coming.

    Its parts, one module each: the Frister and Sager tabs (deadlines_tab, cases_tab), the catalog
    tabs built when first opened (tabs), the banners (banners), the menus and their commands
    (actions). This class builds them and keeps them filled from the store.
    """

    refreshed = Signal()

    def __init__(
        self,
        store: CaseStore | None = None,
        *,
        today: Callable[[], date] = date.today,
        settings: QSettings | None = None,
        demo: bool = False,
    ):
        """Without a store the window is built empty, to be shown at once; open_store() fills it."""
        super().__init__()
        self.store = None
        self._book: DeadlineBook | None = None  # the cases and deadlines shown, kept current (refresh)
        self._models_attached = False  # the item models come with the store (open_store)
        self._case_list_stale = False  # the Sager list waits for the paint of new content (_show_cases)
        self._after_paint = None  # ui/after_paint.AfterPaint: the Sager list's wait for a paint
        self._store_actions: list[QAction] = []  # disabled until there is a database
        self.demo = demo  # the title says DEMODATA, so demo data is never mistaken for real cases
        self._today = today
        self._day = today()
        self._qsettings = settings or QSettings()
        self.deadline_items = []
        self.problems = []  # cases whose deadlines cannot be computed (core.cases.CaseProblem)
        self._case_windows: dict = {}  # case id (or a key for a new case) -> its open window
        self.last_refresh_seconds = 0.0
        self._activation_failed = False  # a refresh on activation could not read the database (changeEvent)
        self._changed_for: BookUpdate | None = None  # _changed_deadlines' last answer, and its question
        self._changed_items: dict = {}

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
        self.damage_banner.hide()
        self.duplicate_groups = []
        self.duplicates_banner.hide()
        self.setWindowTitle("Opfølgningsfrister" + (" – DEMODATA" if demo else ""))
        self._restore_layout()
        if store is not None:
            self.open_store(store)
        else:
            self.status_counts.setText("Henter sager og beregner frister …")

    def open_store(self, store: CaseStore) -> None:
        """Show the cases in store: compute their deadlines, say what fell due since last time."""
        from ...services.deadline_book import DeadlineBook

        self.store = store
        self._book = DeadlineBook(store)  # a new database (the demo, a restore): everything is read
        self.status_path.setText(f"Data: {store.path}")
        if not self._models_attached:
            self._attach_models()
            self._models_attached = True
        self._last_opened = store.settings().last_opened
        self.refresh()
        self._show_missed_since_last_time()
        self._remember_opened()
        self.ensure_tab_built(self.tabs.currentIndex())  # a catalog tab remembered from last time
        self._tick.start()
        for action in self._store_actions:  # only once everything above worked
            action.setEnabled(True)
        # The keyboard starts in the list: arrows and Enter open a case at once (not on the tabs).
        view = {Tab.DEADLINES: self.deadline_view, Tab.CASES: self.case_view}.get(self.tabs.currentIndex())
        if view is not None:
            view.setFocus()

    def _build_central(self) -> None:
        """The tabs under a line that names cases that cannot be computed (seen on every tab)."""
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        # The database was found damaged and not restored: read-only until it is (banners.py).
        self.damage_banner = BannerLabel("damageBanner", "problem", "4px 6px 2px 6px")
        self.damage_banner.linkActivated.connect(lambda _link: self.show_backups())
        layout.addWidget(self.damage_banner)
        self.problems_banner = BannerLabel("problemsBanner", "problem", "4px 6px 2px 6px")
        self.problems_banner.linkActivated.connect(lambda _link: self.show_problems())
        layout.addWidget(self.problems_banner)
        # Open cases sharing a FASIT number in a trial, saved before the database refused that (m006).
        self.duplicates_banner = BannerLabel("duplicatesBanner", "problem", "2px 6px 2px 6px")
        self.duplicates_banner.linkActivated.connect(lambda _link: self.show_duplicates())
        layout.addWidget(self.duplicates_banner)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)

    def _attach_models(self) -> None:
        """The deadline tree and the case list get their models (their columns and sorting when shown)."""
        from ...core.selection import SearchTexts

        self.search_texts = SearchTexts()  # one search text per case, for both lists
        self._attach_deadline_model()  # their columns fit the list, wider for larger text (column_fit)
        self._attach_case_model()  # the right-click menus come after the paint (_after_cases_painted)

    # ------------------------------------------------------------ state

    def today(self) -> date:
        return self._today()

    def refresh(self) -> None:
        """Show the database as it is now (start, changes, a new day): nothing is done when nothing
        was written and the day is the same; a change this window made (a follow-up, a case saved,
        closed or deleted) recomputes and patches that case's rows alone; anything else, every row."""
        started = time.perf_counter()
        today = self.today()
        book = self._book
        assert book is not None, "refresh before open_store"
        change = book.update(today)  # services.deadline_book: the cases written since the last look
        self._activation_failed = False  # read: the next activation may look again
        self.show_damage_banner()  # read-only for damage until a restore lifts it (store.write_refusal)
        if change is None:
            return
        place = self._remember_place()
        self._day = today
        settings = book.settings
        assert settings is not None
        # The function `caseworker-app deadlines` uses (core.cases.deadlines_and_problems), kept by the
        # book; and in the same pass the cases it could not compute.
        self.deadline_items, self.problems = book.deadlines, book.problems
        cases = book.cases
        if change.full:
            self.search_texts.clear()  # the old records' texts: made again after the paint
        self._show_cases(change)
        self._fill_filter_choices(book.choices, settings.caseworker_name)
        # As the caseworker filter and search choose; laid out and counted on reset (_layout_deadline_groups).
        caseworker = self.deadline_caseworker.caseworker()
        self._show_welcome(not cases, settings)  # first: a list behind it gets its model when shown
        if change.full:
            self.deadline_model.set_deadlines(self.deadline_items, today, settings.warning_days, caseworker=caseworker)
        else:
            self.deadline_model.set_caseworker(caseworker)  # its choices may have changed with the cases
            self._patch_deadlines(change)
        self._restore_place(place)
        for window in self.case_windows():  # a case changed from here or elsewhere: its open window follows
            if change.full or window.case_id in change.case_ids:
                window.follow_database()
        self._update_trial_end_banner(settings.trial_end_horizon_days)
        self._update_problems_banner()
        self._update_duplicates_banner(patched=not change.full)
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

    def _patch_deadlines(self, change: BookUpdate) -> None:
        """The Frister tree: the changed cases' rows alone, and the counts in the group titles."""
        if not change.case_ids:
            return
        old_items = [item for items in change.previous.values() for item in items]
        new_items = [item for items in self._changed_deadlines(change).values() for item in items]
        self.deadline_model.patch_deadlines(self.deadline_items, old_items, new_items)

    def _changed_deadlines(self, change: BookUpdate) -> dict:
        """The book's deadlines of the changed cases, by case id (asked once per change)."""
        book = self._book
        assert book is not None
        if self._changed_for is not change:
            self._changed_for, self._changed_items = change, book.deadlines_of(change.case_ids)
        return self._changed_items

    def _remember_opened(self) -> None:
        store = self._store_in_use()
        settings = store.settings()
        settings.last_opened = self.today()
        store.save_settings(settings)

    def _on_tick(self) -> None:
        if self.today() != self._day:
            self.refresh()

    def offer_first_start(self):
        """The first start: no name or municipality yet. Ask for them, without blocking the window.

        Called by ui/app.py run_window (never for the demo); returns the dialog, or None."""
        from ...core.settings import needs_first_start

        if self.store is None or not needs_first_start(self.store.settings()):
            return None
        from ..first_start_dialog import FirstStartDialog  # its module only when it is shown

        dialog = FirstStartDialog(self.store, parent=self)
        dialog.accepted.connect(self.refresh)
        dialog.open()  # window-modal, no nested event loop
        return dialog

    # ------------------------------------------------------------ the chosen case

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
            index = self.deadline_index(*deadline)
            if index.isValid():
                self.deadline_view.setCurrentIndex(index)
        if case_id is not None:
            index = self.case_model.index_of_case(case_id)
            if index.isValid():
                self.case_view.setCurrentIndex(index)
        self.deadline_view.verticalScrollBar().setValue(deadline_scroll)
        self.case_view.verticalScrollBar().setValue(case_scroll)

    def selected_case_id(self) -> int | None:
        case = self.selected_case()
        return case.id if case is not None else None

    def selected_case(self) -> CaseRecord | None:
        """The case chosen in the list in front, as the list holds it (no database read)."""
        if self.tabs.currentIndex() == Tab.DEADLINES:
            item = self.deadline_model.item(self.deadline_view.currentIndex())
            return item.case if item else None
        index = self.case_view.currentIndex()
        return self.case_model.case_at(index) if index.isValid() else None

    def open_case(self, case_id: int | None):
        """Open the case in a window of its own beside the lists (not modal; one per case); None when the
        case is gone (deleted elsewhere): said, and the lists read anew."""
        from ..case import CaseWindow

        self._attach_row_menus()  # F1 and Ctrl+Q reach into it, also before the cases' paint is done
        if case_id is not None and case_id in self._case_windows:
            window = self._case_windows[case_id]
            window.raise_()
            window.activateWindow()
            return window
        from ...store.errors import CaseNotFoundError

        try:
            window = CaseWindow(self._store_in_use(), case_id, today=self._today, parent=self)
        except CaseNotFoundError:  # deleted elsewhere since the list was read: said, and the list made anew
            from ..store_errors import tell_case_gone  # here: the window is painted without QMessageBox

            self.refresh()
            tell_case_gone(self)
            return None
        window.setModal(False)
        window.changed.connect(self.refresh)
        key = case_id if case_id is not None else ("ny", id(window))
        self._case_windows[key] = window
        window.finished.connect(lambda _result, k=key: self._case_windows.pop(k, None))
        window.show()
        return window

    def case_windows(self) -> list:
        """The case windows open now, oldest first."""
        return list(self._case_windows.values())

    def _catalog_changed(self) -> None:
        """A trial changed in the Forsøg tab (an extension, an end, a rule): the lists, and the
        deadlines of every open case window (what is typed in their forms is kept)."""
        self.refresh()
        for window in self.case_windows():
            window.show_deadlines()

    # ------------------------------------------------------------ layout memory

    def _restore_layout(self) -> None:
        from ..screen_fit import centre_on_screen, keep_on_screen

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

    def _refresh_on_activation(self) -> None:
        """refresh(), told in the status bar if the database cannot be read (a network drive gone):
        a message box would make the window active again when closed, and so on without end. Not
        tried again on activation until Vis › Opdater (F5) has read the database again."""
        from ...store import StoreError

        try:
            self.refresh()
        except StoreError as exc:
            self._activation_failed = True
            self.statusBar().showMessage(
                "Databasen kunne ikke læses, da vinduet kom frem igen – vælg Vis › Opdater (F5) for at prøve "
                f"igen. {exc.window_text()}"
            )

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt override
        # Back in front (from another program, or another copy of this one on the same database):
        # show what was saved meanwhile. Nothing written since: one PRAGMA, nothing done (refresh).
        if (
            event.type() == QEvent.Type.ActivationChange
            and self.isActiveWindow()
            and self._book is not None
            and self.store is not None
            and self.store.is_open  # not while a restore replaces the file (ui/restore_offers.py)
            and not self._activation_failed
        ):
            self._refresh_on_activation()
        # Indstillinger › Tekststørrelse: rows and columns grow with the text, at once.
        if event.type() == QEvent.Type.FontChange and hasattr(self, "case_view"):
            old = self.case_view.verticalHeader().defaultSectionSize() - 8
            new = self.fontMetrics().height()
            self.case_view.verticalHeader().setDefaultSectionSize(new + 8)
            for header, fit in (
                (self.case_view.horizontalHeader(), getattr(self, "case_columns", None)),
                (self.deadline_view.header(), getattr(self, "deadline_columns", None)),
            ):
                if fit is not None and not fit.user_sized:
                    fit.fit()  # the widths for the new text size, fitted to the list
                    continue
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
