"""Window sizes that fit the screen a window opens on: a laptop at 1366×768 with 150 % scaling
leaves about 910×470 pixels (the taskbar off), so a preferred size is a wish, never a fixed number."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractScrollArea, QLayout, QWidget

# Room for the title bar the window manager puts above a window (Windows: about 31 px at any scaling).
TITLE_BAR = 32


def work_area(widget: QWidget) -> QRect:
    """Where a window may lie on the screen it opens on (its parent's, else the primary): the
    screen's available geometry (no taskbar) less the title bar's height at the top."""
    parent = widget.parentWidget()
    screen = (parent.window().screen() if parent is not None else None) or widget.screen()
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry().adjusted(0, TITLE_BAR, 0, 0)


def fitting_size(widget: QWidget, width: int, height: int) -> QSize:
    """width×height, or as much of it as the work area allows."""
    return QSize(width, height).boundedTo(work_area(widget).size())


def resize_to_fit(widget: QWidget, width: int, height: int) -> None:
    """Resize a window to its preferred size, made smaller on a small screen (dialogs: Qt centres
    them over their parent and keeps them on the screen when shown)."""
    widget.resize(fitting_size(widget, width, height))


def keep_on_screen(widget: QWidget) -> None:
    """Shrink and move a top-level window (a remembered geometry, say) so it lies in the work area."""
    area = work_area(widget)
    rect = QRect(widget.geometry())
    rect.setSize(rect.size().boundedTo(area.size()))
    rect.moveLeft(max(area.left(), min(rect.left(), area.right() - rect.width() + 1)))
    rect.moveTop(max(area.top(), min(rect.top(), area.bottom() - rect.height() + 1)))
    if rect != widget.geometry():
        widget.setGeometry(rect)


def centre_on_screen(widget: QWidget, width: int, height: int) -> None:
    """A top-level window's first opening: its preferred size (as the screen allows), centred."""
    area = work_area(widget)
    rect = QRect(0, 0, 0, 0)
    rect.setSize(QSize(width, height).boundedTo(area.size()))
    rect.moveCenter(area.center())
    widget.setGeometry(rect)


def grow_to_content(window: QWidget) -> None:
    """A dialog shown: grow it to the height its wrapped texts need at its width (Qt opens a window
    at most 2/3 of the screen high), as far as the work area allows, and keep it on the screen. Its
    fields in a scroll area (a message shown at a field) get their height first: else the window kept
    its height and the fields were squeezed (the event dialog's text box lost its lines)."""
    from .field_scroll import FieldScrollArea

    for area in window.findChildren(FieldScrollArea):
        fields = area.widget()
        fields_layout = fields.layout() if fields is not None else None
        if area.window() is window and fields_layout is not None:
            grow_to_fields(window, fields_layout, area)
    layout = window.layout()
    if layout is None or not layout.hasHeightForWidth():
        return
    needed = layout.totalHeightForWidth(window.width())
    if needed > window.height():
        window.resize(window.width(), min(needed, work_area(window).height()))
        keep_on_screen(window)


def grow_to_fields(window: QWidget, fields: QLayout, scroll_area: QAbstractScrollArea, *, exact: bool = False) -> None:
    """A dialog whose fields scroll, shown: Qt opens a window at most 2/3 of the screen high; grow it
    to the height the fields need, as far as the work area allows (beyond that they scroll). exact:
    shrink it to that height too."""
    needed = fields.totalHeightForWidth(scroll_area.viewport().width())
    extra = window.height() - scroll_area.viewport().height()
    if needed + extra > window.height() or (exact and needed + extra < window.height()):
        window.resize(window.width(), min(needed + extra, work_area(window).height()))
        keep_on_screen(window)  # grown after Qt placed it: the lower edge stays on the screen
