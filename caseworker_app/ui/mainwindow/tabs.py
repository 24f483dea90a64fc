"""The main window's tabs by name, and the two catalog tabs built the first time they are shown."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from .part import WindowPart


class Tab:
    """The tabs' positions, in the order they are added; Ctrl+1–4 choose them (Vis menu)."""

    DEADLINES, CASES, TRIALS, CALCULATOR = range(4)


TAB_TITLES = {Tab.DEADLINES: "Frister", Tab.CASES: "Sager", Tab.TRIALS: "Forsøg", Tab.CALCULATOR: "Fristberegner"}


class CatalogTabs(WindowPart):
    """Part of MainWindow: the Forsøg and Fristberegner tabs, empty pages until first opened."""

    def _build_other_tabs(self) -> None:
        # Built when first opened: the catalog views are not needed to see today's deadlines,
        # and building them took a sixth of the start-up time.
        self.trials_view = None
        self.calculator_view = None
        self._lazy_pages = {}
        for tab in (Tab.TRIALS, Tab.CALCULATOR):
            page = QWidget()
            QVBoxLayout(page).setContentsMargins(0, 0, 0, 0)
            self._lazy_pages[self.tabs.addTab(page, TAB_TITLES[tab])] = page
        self.tabs.currentChanged.connect(self.ensure_tab_built)

    def ensure_tab_built(self, index: int) -> None:
        """Build the trial catalog or calculator tab the first time it is shown."""
        if self.store is None:
            return  # open_store builds it
        page = self._lazy_pages.pop(index, None)
        if page is None:
            return
        if index == Tab.TRIALS:
            from ..trials_view import TrialsView

            self.trials_view = TrialsView(self.store, today=self._today)
            self.trials_view.changed.connect(self._catalog_changed)
            page.layout().addWidget(self.trials_view)
            self.trials_view.show()  # a child added to a visible widget must be shown explicitly
        else:
            from ..calculator.view import CalculatorView

            self.calculator_view = CalculatorView(self.store.catalog, today=self._today)
            page.layout().addWidget(self.calculator_view)
            self.calculator_view.show()
