"""The main window, one job per module (as Picard's ui/mainwindow/):

    window.py         MainWindow: builds the parts below, opens the store, refresh, the chosen case
    tabs.py           the tabs by name (Tab, Ctrl+1–4) and the catalog tabs built when first opened
    deadlines_tab.py  Frister: deadlines grouped by when they fall due, search, "mine frister", welcome
    cases_tab.py      Sager: the case list with its filters
    banners.py        the lines above the lists: cannot be computed, duplicates, missed, trial ends
    actions.py        the menus, shortcuts and right-click menu, and the commands they run
    part.py           WindowPart: what the parts use of the window and of each other (for the type checker)

Each part is a mixin of MainWindow over the window's widgets; only window.py puts them together.
Importing this package loads Qt widgets only (see window.py): the window is on screen at once.
"""

from __future__ import annotations

from .tabs import TAB_TITLES, Tab
from .window import MainWindow

__all__ = ["TAB_TITLES", "MainWindow", "Tab"]
