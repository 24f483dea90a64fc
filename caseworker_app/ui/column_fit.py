"""Column widths that fit the list they are in: on a laptop at 1366×768 with 150 % scaling the
main window is about 910 pixels wide, and the columns' preferred widths add up to more. Rather than
hide the last columns behind a horizontal scroll bar, every column gives up part of what it has
over its minimum (a long text is then shortened with "…", its tooltip still whole), in proportion.

A column the caseworker drags to another width is theirs: the list is not fitted again.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QHeaderView, QTableView, QTreeView


def fitted_widths(preferred: Sequence[int], minimum: Sequence[int], room: int) -> list[int]:
    """The preferred widths when they fit in room; else each narrowed towards its minimum by the
    same share of what it could give, so that together they fit. When even the minimums do not
    fit (1366×768 at 150 % with 150 % text), the columns that may be shortened at all (minimum
    below preferred) go below their minimums in proportion to them, to half at most; a column
    never shortened (the deadline's date) keeps its width."""
    if sum(preferred) <= room:
        return list(preferred)
    if sum(minimum) > room:
        return _below_minimums(preferred, minimum, room)
    slack = [max(0, want - least) for want, least in zip(preferred, minimum, strict=True)]
    available = sum(slack)
    if available == 0:
        return list(preferred)
    share = min(1.0, (sum(preferred) - room) / available)
    return [want - math.ceil(give * share) for want, give in zip(preferred, slack, strict=True)]


def _below_minimums(preferred: Sequence[int], minimum: Sequence[int], room: int) -> list[int]:
    kept = sum(want for want, least in zip(preferred, minimum, strict=True) if least >= want)
    shortened = sum(least for want, least in zip(preferred, minimum, strict=True) if least < want)
    share = max(0.0, room - kept) / shortened if shortened else 1.0
    return [
        want if least >= want else max(least // 2, math.floor(least * share))
        for want, least in zip(preferred, minimum, strict=True)
    ]


class ColumnFit(QObject):
    """Keeps the first len(preferred) columns of view fitted to its width, the last column
    stretching over what is left (at least last_room pixels of it kept free for that column).

    Widths are given at 100 % text and multiplied by scale() (Indstillinger › Tekststørrelse)."""

    def __init__(
        self,
        view: QTableView | QTreeView,
        preferred: Sequence[int],
        minimum: Sequence[int],
        *,
        last_room: int,
        scale: Callable[[], float],
    ):
        super().__init__(view)
        self._view = view
        self._preferred, self._minimum, self._last_room = tuple(preferred), tuple(minimum), last_room
        self._scale = scale
        self._fitting = False
        self.user_sized = False  # a column was dragged: the widths are the caseworker's from then on
        self._header().sectionResized.connect(self._section_resized)
        # The list's own resizes and its scroll bar coming and going change the room; no viewport()
        # is asked for: the first one a program asks for made PySide build ~70 Python enums (~8 ms,
        # before the cases are painted at start).
        view.installEventFilter(self)
        view.verticalScrollBar().installEventFilter(self)
        self.fit()

    def _header(self) -> QHeaderView:
        view = self._view
        return view.horizontalHeader() if isinstance(view, QTableView) else view.header()

    def fit(self) -> None:
        """Fit the columns to the list's width now (nothing once the caseworker sized one)."""
        if self.user_sized:
            return
        scale = self._scale()
        header = self._header()
        # Squeezed, the stretching last column keeps the header's default width (Qt), so no less.
        last = max(round(self._last_room * scale), header.defaultSectionSize())
        room = self._room() - last
        widths = fitted_widths(
            [round(w * scale) for w in self._preferred], [round(w * scale) for w in self._minimum], room
        )
        self._fitting = True
        try:
            for column, width in enumerate(widths):
                if header.sectionSize(column) != width:
                    header.resizeSection(column, width)
        finally:
            self._fitting = False

    def _room(self) -> int:
        """The width the columns are shown in: the list's inside, less its scroll bar when shown."""
        view = self._view
        bar = view.verticalScrollBar()
        return view.maximumViewportSize().width() - (bar.width() if bar.isVisible() else 0)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Show, QEvent.Type.Hide):
            self.fit()
        return False

    def _section_resized(self, column: int, _old: int, _new: int) -> None:
        # A fitted column resized with a mouse button held: the caseworker drags its edge. Not the
        # last column, which Qt stretches itself, also while the window's border is dragged (on
        # Windows the button then reads as held).
        if (
            not self._fitting
            and column < len(self._preferred)
            and QGuiApplication.mouseButtons() != Qt.MouseButton.NoButton
        ):
            self.user_sized = True
