"""Opens every window on one simulated screen and reports what does not fit (run by test_screen_fit).

Usage: python -m tests.ui.screen_fit_driver REPORT.json SCREENSHOT_FOLDER
The screen comes from the environment: QT_QPA_PLATFORM=offscreen:configfile=… (its size in device
pixels, the taskbar already taken off) and QT_SCALE_FACTOR. Writes a JSON report: the windows
opened, their sizes, and per window the controls that lie outside the screen or are clipped.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QScrollArea,
    QStatusBar,
    QTreeView,
    QWidget,
)

# What a real window manager adds above the window (Windows 10/11: about 31 px at any scaling).
TITLE_BAR = 32
CONTROLS = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QAbstractScrollArea, QStatusBar)


def _describe(widget: QWidget) -> str:
    text = ""
    if isinstance(widget, QAbstractButton | QLineEdit):
        text = widget.text()
    name = widget.accessibleName() or widget.objectName()
    return f"{type(widget).__name__}({text or name!r})"


def _window_rect(widget: QWidget, window: QWidget) -> QRect:
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


def _visible_area(widget: QWidget, window: QWidget) -> tuple[QRect, bool]:
    """The part of the window widget may be seen in (its ancestors' rects), and whether it lies in
    a scroll area (beyond the area shown it is reached by scrolling)."""
    area = window.rect()
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        owner = parent.parentWidget()
        if isinstance(owner, QAbstractScrollArea) and owner.viewport() is parent:
            return area.intersected(_window_rect(parent, window)), True
        area = area.intersected(_window_rect(parent, window))
        parent = owner
    return area, False


def problems_of(window: QWidget) -> list[str]:
    """What does not fit: the window on the screen, and each visible control in the window."""
    problems = []
    screen = window.screen().availableGeometry()
    geometry = window.geometry()
    if geometry.width() > screen.width() or geometry.height() + TITLE_BAR > screen.height():
        problems.append(
            f"vinduet er {geometry.width()}×{geometry.height()} (+{TITLE_BAR} titellinje), "
            f"skærmen {screen.width()}×{screen.height()}"
        )
    if not screen.contains(geometry):
        problems.append(f"vinduet ligger uden for skærmen: {geometry.getRect()} på {screen.getRect()}")
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, CONTROLS) or not widget.isVisible() or widget.window() is not window:
            continue
        rect = _window_rect(widget, window)
        area, scrolled = _visible_area(widget, window)
        if scrolled:
            continue  # in a scroll area: reached by scrolling (the scroll area itself is checked)
        if not area.contains(rect):
            problems.append(f"{_describe(widget)} er skåret: {rect.getRect()} uden for {area.getRect()}")
        hint = widget.minimumSizeHint()
        if isinstance(widget, QAbstractButton) and (
            widget.width() < hint.width() - 1 or widget.height() < hint.height() - 1
        ):
            size = f"{widget.width()}×{widget.height()} < {hint.width()}×{hint.height()}"
            problems.append(f"{_describe(widget)} er klemt: {size}")
    # A list with rows shows at least its first row whole: a wrapped row taller than the list
    # (the Fristberegner's result at 1366×768, 150 %) showed an empty bar.
    for view in window.findChildren(QAbstractItemView):
        if not view.isVisible() or view.window() is not window or view.model() is None:
            continue
        if view.model().rowCount() and view.visualRect(view.model().index(0, 0)).height() > view.viewport().height():
            problems.append(f"{_describe(view)}: første række er højere end listen og ses ikke hel")
    # The main window's two lists show each column but the last (which takes what is left) whole,
    # without scrolling sideways (ui/column_fit.py): on a small screen "Hvad" would go unseen.
    for name in ("deadline_view", "case_view"):
        view = getattr(window, name, None)
        if not isinstance(view, QAbstractItemView) or not view.isVisible():
            continue
        header = view.header() if isinstance(view, QTreeView) else view.horizontalHeader()  # type: ignore[attr-defined]
        room = view.viewport().width()
        for column in range(header.count() - 1):
            if header.sectionPosition(column) + header.sectionSize(column) > room:
                title = view.model().headerData(column, Qt.Orientation.Horizontal)
                problems.append(f"{_describe(view)}: kolonnen '{title}' ses kun ved at rulle til siden")
    return problems


def sideways_scrolling(window: QWidget) -> list[str]:
    """Fields in a scroll area scroll down, never sideways: a check box's text that did not wrap made
    the note window's fields 990 wide in 853 at 1366×768, 150 % (their right edges out of view)."""
    return [
        f"{_describe(area)} skal rulles til siden: {area.horizontalScrollBar().maximum()} px"
        for area in window.findChildren(QScrollArea)
        if area.isVisible() and area.window() is window and area.horizontalScrollBar().maximum() > 0
    ]


def main(report_path: str, shots: str) -> int:
    from caseworker_app.ui.app import make_application
    from tests.ui.windows import demo_store, walk

    app = make_application(["screen-fit"])
    if os.environ.get("CASEWORKER_TEXT_SIZE"):  # Indstillinger › Tekststørrelse, as if chosen
        from caseworker_app.ui.text_size import apply_text_size

        apply_text_size(int(os.environ["CASEWORKER_TEXT_SIZE"]))
    screen = app.primaryScreen().availableGeometry()
    folder = Path(shots)
    folder.mkdir(parents=True, exist_ok=True)
    report = {"screen": [screen.width(), screen.height()], "font": app.font().toString(), "sizes": {}, "problems": {}}

    def visit(name: str, window: QWidget) -> None:
        report["sizes"][name] = [window.width(), window.height()]
        found = problems_of(window) + sideways_scrolling(window)
        if found:
            report["problems"][name] = found
        window.grab().save(str(folder / f"{name}.png"))

    with tempfile.TemporaryDirectory() as tmp:
        store = demo_store(Path(tmp))
        try:
            report["names"] = walk(store, Path(tmp), visit)
        finally:
            store.close()
    Path(report_path).write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
