"""The item models answer Qt's roles by number (ui/model_base.py): the numbers are Qt's own."""

from __future__ import annotations

from PySide6.QtCore import Qt

from caseworker_app.ui.model_base import DISPLAY_ROLE, FONT_ROLE, FOREGROUND_ROLE, TOOLTIP_ROLE, USER_ROLE
from caseworker_app.ui.overview import ITEM_ROLE


def test_the_roles_the_lists_answer_are_qts():
    assert (DISPLAY_ROLE, TOOLTIP_ROLE, FONT_ROLE, FOREGROUND_ROLE, USER_ROLE) == (
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.FontRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.UserRole,
    )
    assert ITEM_ROLE == Qt.ItemDataRole.UserRole  # what a row's record is asked by (tests, the views)
