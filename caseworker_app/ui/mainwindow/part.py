"""What the main window's parts (tabs, banners, actions) use of the window and of each other.

MainWindow is made of these parts (see window.py); each part reaches the others' widgets and
methods through self. WindowPart declares them for the type checker only: at run time it adds
nothing but _store_in_use.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QLabel, QLineEdit, QMainWindow, QTableView, QTabWidget, QTreeView

    from ...core.cases import CaseDeadline, CaseProblem, CaseRecord
    from ...core.selection import SearchTexts
    from ...services.deadline_book import BookUpdate, DeadlineBook
    from ...store.case_store import CaseStore
    from ..after_paint import AfterPaint
    from ..caseworker_filter import CaseworkerChoice
    from ..column_fit import ColumnFit
    from ..overview import CaseTableModel, DeadlineTreeModel

    _Window = QMainWindow  # each part is a piece of the one QMainWindow
else:
    _Window = object


class WindowPart(_Window):
    """A part of MainWindow."""

    if TYPE_CHECKING:
        # Built by the window (window.py)
        store: CaseStore | None  # None until open_store
        _book: DeadlineBook | None  # likewise
        tabs: QTabWidget
        status_counts: QLabel
        damage_banner: QLabel
        problems_banner: QLabel
        duplicates_banner: QLabel
        _today: Callable[[], date]
        _qsettings: QSettings
        _store_actions: list[QAction]
        _last_opened: date | None
        deadline_items: Sequence[CaseDeadline]
        problems: Sequence[CaseProblem]
        search_texts: SearchTexts  # from open_store on, shared by both lists
        _case_list_stale: bool
        _after_paint: AfterPaint | None

        def _changed_deadlines(self, change: BookUpdate) -> dict: ...

        def today(self) -> date: ...
        def refresh(self) -> None: ...
        def _catalog_changed(self) -> None: ...
        def selected_case_id(self) -> int | None: ...
        def selected_case(self) -> CaseRecord | None: ...
        def open_case(self, case_id: int | None) -> object: ...

        # by the Frister tab (deadlines_tab.py)
        deadline_view: QTreeView
        deadline_model: DeadlineTreeModel  # from open_store on (_attach_deadline_model)
        deadline_columns: ColumnFit  # once the list is shown (_show_deadline_model)
        deadline_search: QLineEdit
        deadline_caseworker: CaseworkerChoice
        missed_banner: QLabel
        trial_end_banner: QLabel

        def welcome_shown(self) -> bool: ...

        # by the Sager tab (cases_tab.py)
        case_view: QTableView
        case_model: CaseTableModel  # from open_store on (_attach_case_model)
        case_columns: ColumnFit  # once the list is first filled (_show_case_model)
        search_box: QLineEdit

        # by the menus (actions.py)
        def _attach_row_menus(self) -> None: ...

        # by the banners (banners.py)
        def _update_missed_banner(self) -> None: ...
        def _update_trial_end_banner(self, horizon: int) -> None: ...

    def _book_in_use(self) -> DeadlineBook:
        """The cases and deadlines shown (services/deadline_book.py), from open_store on."""
        book = self._book
        assert book is not None
        return book

    def _store_in_use(self) -> CaseStore:
        """The database shown: the commands that use it are enabled only once one is open."""
        assert self.store is not None
        return self.store
