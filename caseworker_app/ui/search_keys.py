"""A search box that leads into the list it searches: Down or Enter goes to the list's first row (a
caseworker who has typed a name goes on to the row found). Tab follows the screen: the filters beside
the search first, then the list (the tabs set that order)."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable

from PySide6.QtCore import QEvent, QModelIndex, QObject
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QWidget

# Qt's `Qt` namespace is imported in the methods, not here: its first import builds a hundred
# Python enums (~19 ms), and this module loads before the window's first paint (ui/app.py).


def tab_order(widgets: Iterable[QWidget]) -> None:
    """Tab goes through widgets in the order given (as ui.fields.set_tab_order, without loading the
    forms' module before the first paint)."""
    for first, second in itertools.pairwise(widgets):
        QWidget.setTabOrder(first, second)


class SearchLeadsToList(QObject):
    """Installed on search (its child): Down or Enter makes first_row()
    (when there is one) the list's current, selected row and gives the list the focus."""

    def __init__(self, search: QLineEdit, view: QAbstractItemView, first_row: Callable[[], QModelIndex]):
        super().__init__(search)
        self._view = view
        self._first_row = first_row
        search.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        if event.type() != QEvent.Type.KeyPress:
            return super().eventFilter(watched, event)
        from PySide6.QtCore import Qt

        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
            event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            index = self._first_row()
            if index.isValid():
                self._view.setCurrentIndex(index)
                self._view.scrollTo(index)
                self._view.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
        return super().eventFilter(watched, event)
