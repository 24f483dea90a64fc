"""What a user does in a window, for the window tests: type into a field, click a button."""

from __future__ import annotations

from PySide6.QtCore import Qt


def type_into(qtbot, edit, text: str) -> None:
    """Replace the field's text by typing text key by key."""
    edit.clear()
    qtbot.keyClicks(edit, text)


def click(qtbot, button) -> None:
    """Click an enabled button (a disabled one fails the test with its tooltip)."""
    assert button.isEnabled(), button.toolTip()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
