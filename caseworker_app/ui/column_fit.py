"""Column widths that fit the list they are in: on a laptop at 1366×768 with 150 % scaling the
main window is about 910 pixels wide, and the columns' wished-for widths add up to more. Rather than
hide the last columns behind a horizontal scroll bar, the columns give way by priority:

- a column shown whole (a date, a case number, a CPR number) never gives up its text; only an
  explanation in brackets after it ("fre 22-01-2021 (fristen 23-01-2021 er en lørdag)", also in the
  row's tooltip) gives way, first, and in a column of dates the words of a deadline with none
  ("dato ikke aftalt – aftal og registrér den") down to a few characters, whole in the tooltip;
- then a free text (a name, what a deadline is), down to a few characters (measured in its own
  texts: the widest of their first few characters and "…"), its text shortened with "…" (the whole
  text in its tooltip, ui/elided_tips.py);
- then the title of a column shown whole, where it is wider than the column's texts ("Forsøg" over
  "T08"), shortened with "…" (the whole title in its tooltip);
- when that is not enough, the free texts go below their few characters, to half at most.

A title measures as Qt draws it: with room for the sort indicator only in the sorted column.

No column is wider than its widest text (header or cell): the last column stretches over the rest.
A column the caseworker drags to another width is theirs: the list is not fitted again.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QModelIndex, QObject, QTimer
from PySide6.QtGui import QFont, QFontMetricsF, QGuiApplication
from PySide6.QtWidgets import QHeaderView, QTableView, QTreeView

from .elided_tips import ElidedHeaderTips, ElidedTextTips, header_text_width, text_margin, text_width
from .model_base import DISPLAY_ROLE, FONT_ROLE

FREE, WHOLE = 0, 1  # priorities: a whole column gives way first, but only its brackets; then a free text
SAMPLE_ROWS = 48  # rows measured for a column's widest text: the first ones and some spread over the rest
# After the first measuring, new texts (a search typed, a case saved) are measured this long after the
# last change, once: a key typed costs nothing, and the columns only ever widen, never jump back.
REMEASURE_MS = 400
_DISPLAY, _FONT = DISPLAY_ROLE, FONT_ROLE


@dataclass(frozen=True)
class Column:
    """How a column is fitted. most: the widest it is given, in pixels at 100 % text (a longer text
    is shortened); least_chars: a free text's least width, in characters of its texts."""

    most: int
    whole: bool = False
    least_chars: int = 8
    # A whole column of dates (Frist): a text without a date (an undated deadline's words, core/deadline.py
    # due_text) is kept only to least_chars characters, as a free text, and gives way with the brackets.
    dated: bool = False


_DATE = re.compile(r"\d{2}-\d{2}-\d{4}")


def fitted_widths(
    preferred: Sequence[int],
    minimum: Sequence[int],
    room: int,
    priority: Sequence[int] | None = None,
    titled: Sequence[int] | None = None,
) -> list[int]:
    """The preferred widths when they fit in room. Else the columns give way towards their minimums
    by priority, the WHOLE ones first (their minimum: the text before the brackets, or their title
    when wider), then the FREE ones: each of a priority by the same share of what it could give.
    Then the WHOLE columns' titles give way, down to their texts (titled: a WHOLE column's least
    width, its title shortened; the minimum when not given). When even that does not fit, the
    FREE columns that may be shortened at all (minimum below preferred) go below their minimums in
    proportion to them, to half at most; a WHOLE column, or one never shortened (minimum ==
    preferred), keeps its least width."""
    priority = list(priority) if priority is not None else [FREE] * len(preferred)
    least = [
        min(low, title) if p == WHOLE else low
        for low, title, p in zip(minimum, titled if titled is not None else minimum, priority, strict=True)
    ]
    widths = list(preferred)
    for stage, floors in ((WHOLE, minimum), (FREE, minimum), (WHOLE, least)):
        excess = sum(widths) - room
        if excess <= 0:
            return widths
        slack = [max(0, w - low) if p == stage else 0 for w, low, p in zip(widths, floors, priority, strict=True)]
        available = sum(slack)
        if available:
            share = min(1.0, excess / available)
            widths = [w - math.ceil(give * share) for w, give in zip(widths, slack, strict=True)]
    if sum(widths) <= room:
        return widths
    return _below_minimums(preferred, minimum, least, priority, room)


def _below_minimums(
    preferred: Sequence[int], minimum: Sequence[int], kept_at: Sequence[int], priority: Sequence[int], room: int
) -> list[int]:
    shortens = [p == FREE and least < want for want, least, p in zip(preferred, minimum, priority, strict=True)]
    kept = sum(least for least, short in zip(kept_at, shortens, strict=True) if not short)
    shortened = sum(least for least, short in zip(minimum, shortens, strict=True) if short)
    share = max(0.0, room - kept) / shortened if shortened else 1.0
    return [
        max(least // 2, math.floor(least * share)) if short else kept_width
        for least, kept_width, short in zip(minimum, kept_at, shortens, strict=True)
    ]


def shown_least(text: str, chars: int) -> str:
    """The least of a free text a column shows: its first chars characters and "…" (or all of it)."""
    return text if len(text) <= chars else text[:chars].rstrip() + "…"


def shown_kept(spec: Column, text: str) -> str:
    """What of a column's text is kept when the columns give way (the rest shortened with "…")."""
    if spec.whole and not (spec.dated and _DATE.search(text) is None):
        return shown_whole(text)
    return shown_least(text, spec.least_chars)


def shown_whole(text: str) -> str:
    """What of a WHOLE column's text is never shortened: all but an explanation in brackets, and
    room for the "…" Qt puts where the brackets are cut (else it cuts into the date to make room)."""
    head, brackets, _rest = text.partition(" (")
    return head + " …" if brackets else head


class ColumnFit(QObject):
    """Keeps the first len(columns) columns of view fitted to its width, the last column
    stretching over what is left (at least last_room pixels of it kept free for that column).

    Pixel widths are given at 100 % text and multiplied by scale() (Indstillinger › Tekststørrelse);
    the texts are measured in the list's font."""

    def __init__(
        self,
        view: QTableView | QTreeView,
        columns: Sequence[Column],
        *,
        last_room: int,
        scale: Callable[[], float],
    ):
        super().__init__(view)
        self._view = view
        self._columns, self._last_room = tuple(columns), last_room
        self._scale = scale
        self._fitting = False
        # (widest text, widest whole part) of the cells, and the titles' widths (_measure)
        self._measured: tuple[list[int], list[int], list[int]] | None = None
        self._headers_only: tuple[list[int], list[int], list[int]] | None = None  # measured with no rows yet
        self.user_sized = False  # a column was dragged: the widths are the caseworker's from then on
        header = self._header()
        header.sectionResized.connect(self._section_resized)
        header.sortIndicatorChanged.connect(self._sorted)  # the sorted title has an arrow beside it
        view.setItemDelegate(ElidedTextTips(view))  # a shortened text's tooltip holds it whole
        # A cell is one line, shortened with "…" at the column's edge: a table wraps its texts by
        # default, and a wrapped name was cut after its first word ("Mette …" in 114 px at 150 % text).
        view.setWordWrap(False)
        self.title_tips: ElidedHeaderTips | None = None  # a shortened title's "…" and tooltip: at the first fit
        # The list's own resizes and its scroll bar coming and going change the room; no viewport()
        # is asked for: the first one a program asks for made PySide build ~70 Python enums (~8 ms,
        # before the cases are painted at start).
        view.installEventFilter(self)
        view.verticalScrollBar().installEventFilter(self)
        self._later = QTimer(self)
        self._later.setSingleShot(True)
        self._later.setInterval(REMEASURE_MS)
        self._later.timeout.connect(self._widen)
        model = view.model()
        if model is not None:
            for signal in (model.modelReset, model.layoutChanged, model.rowsInserted, model.dataChanged):
                signal.connect(self.texts_changed)
        # An empty model (the window's lists, given their rows by a reset) is fitted with its rows.
        if model is not None and model.rowCount():
            self.fit()

    def _header(self) -> QHeaderView:
        view = self._view
        return view.horizontalHeader() if isinstance(view, QTableView) else view.header()

    def texts_changed(self, *_args) -> None:
        """The list's texts changed: the first ones are measured at once, later ones a moment after
        the last change (REMEASURE_MS)."""
        if self._measured is None or self._measured == self._headers_only:
            self._measured = None
            self.fit()
        else:
            self._later.start()

    def _widen(self) -> None:
        """New texts measured: a column too narrow for them widens (none narrows)."""
        if self._measured is None:
            return
        new = self._measure()
        self._measured = (
            [max(a, b) for a, b in zip(self._measured[0], new[0], strict=True)],
            [max(a, b) for a, b in zip(self._measured[1], new[1], strict=True)],
            new[2],
        )
        self.fit()

    def _sorted(self, *_args) -> None:
        """Another column sorted: the titles are measured again (the arrow's room moves), the texts kept."""
        if self._measured is not None:
            titles = self._titles()
            if self._measured == self._headers_only:
                self._headers_only = (self._measured[0], self._measured[1], titles)
            self._measured = (self._measured[0], self._measured[1], titles)
        self.fit()

    def fit(self) -> None:
        """Fit the columns to the list's width now (nothing once the caseworker sized one). A list
        not on screen is fitted when it is shown (eventFilter): the Sager list behind Frister, the
        Frister list behind an empty database's welcome. Measuring titles and texts asks the model
        for its titles and the style for its margins, which builds Qt's `Qt` namespace and the
        style's enums (~35 ms of an empty database's start, none of it for what is painted)."""
        if self.user_sized or not self._view.isVisible():
            return
        header = self._header()
        if self.title_tips is None:
            self.title_tips = ElidedHeaderTips(header)
        scale = self._scale()
        # Squeezed, the stretching last column keeps the header's default width (Qt), so no less.
        last = max(round(self._last_room * scale), header.defaultSectionSize())
        room = self._room() - last
        if self._measured is None:
            self._measured = self._measure()
        widest, kept, titles = self._measured
        average = self._view.fontMetrics().averageCharWidth()
        preferred, minimum, titled = [], [], []
        for spec, text, part, title in zip(self._columns, widest, kept, titles, strict=False):
            most = round(spec.most * scale)
            if spec.whole:
                preferred.append(max(part, title, min(text, most)))
                minimum.append(max(part, title))
                titled.append(part or title)  # the texts whole, the title shortened (none: the title)
            else:
                want = min(max(text, title), most)
                preferred.append(want)
                least = part or average * spec.least_chars + text_margin(self._view)  # no rows: an estimate
                minimum.append(min(want, least))
                titled.append(minimum[-1])
        priority = [WHOLE if spec.whole else FREE for spec in self._columns]
        widths = fitted_widths(preferred, minimum, room, priority, titled)
        self._fitting = True
        try:
            for column, width in enumerate(widths):
                if header.sectionSize(column) != width:
                    header.resizeSection(column, width)
        finally:
            self._fitting = False

    def _titles(self) -> list[int]:
        header = self._header()
        return [header_text_width(header, column) for column in range(len(self._columns))]

    def _measure(self) -> tuple[list[int], list[int], list[int]]:
        """Per column the width of its widest cell text and of the widest part of them it keeps (a
        WHOLE column's text before its brackets, a free text's first least_chars characters and
        "…"), margins and a tree's indentation included (the cells of SAMPLE_ROWS rows are
        measured), and of its title."""
        view = self._view
        count = len(self._columns)
        titles = self._titles()
        widest, kept = [0] * count, [0] * count
        model = view.model()
        sample = _sample(model, SAMPLE_ROWS, isinstance(view, QTreeView)) if model is not None else []
        if not sample:
            self._headers_only = (widest, kept, titles)
            return self._headers_only
        margin, base = text_margin(view), view.font()
        base_metrics = QFontMetricsF(base)
        metrics: dict[str, QFontMetricsF] = {}
        # A text measured once per font: many cells hold the same ("T08", a caseworker, "Opfølgning"),
        # and most keep all of their text (a date without brackets, a short name).
        widths: dict[tuple[int, str], int] = {}

        def width_of(fm: QFontMetricsF, text: str) -> int:
            key = (id(fm), text)
            width = widths.get(key)
            if width is None:
                width = widths[key] = text_width(fm, text)
            return width

        # The model asked directly, not through each index (Qt's QModelIndex.data and siblingAtColumn
        # call back into Python: three crossings a cell, most of this measuring's time).
        index_of, data = model.index, model.data
        indents: dict[int, int] = {}
        for parent, row, depth in sample:
            indent = indents.get(depth)
            if indent is None:
                indent = indents[depth] = _indent(view, depth)
            for column in range(count):
                cell = index_of(row, column, parent)
                text = data(cell, _DISPLAY)
                if not text:
                    continue
                font = data(cell, _FONT)  # as elided_tips.cell_font: the model's font over the list's
                if isinstance(font, QFont):
                    font = font.resolve(base)
                    fm = metrics.get(font.key())
                    if fm is None:
                        fm = metrics[font.key()] = QFontMetricsF(font)
                else:
                    fm = base_metrics
                extra = margin + (indent if column == 0 else 0)
                widest[column] = max(widest[column], width_of(fm, text) + extra)
                part = shown_kept(self._columns[column], text)
                kept[column] = max(kept[column], width_of(fm, part) + extra)
        return widest, kept, titles

    def _room(self) -> int:
        """The width the columns are shown in: the list's inside, less its scroll bar when shown."""
        view = self._view
        bar = view.verticalScrollBar()
        return view.maximumViewportSize().width() - (bar.width() if bar.isVisible() else 0)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        kind = event.type()
        if kind == QEvent.Type.FontChange:
            self._measured = None
        if kind in (QEvent.Type.Resize, QEvent.Type.Show, QEvent.Type.Hide, QEvent.Type.FontChange):
            self.fit()
        return False

    def _section_resized(self, column: int, _old: int, _new: int) -> None:
        # A fitted column resized with a mouse button held: the caseworker drags its edge. Not the
        # last column, which Qt stretches itself, also while the window's border is dragged (on
        # Windows the button then reads as held).
        if self._fitting or column >= len(self._columns):
            return
        from PySide6.QtCore import Qt  # a section resized: the list is on screen, `Qt` built

        if QGuiApplication.mouseButtons() != Qt.MouseButton.NoButton:
            self.user_sized = True


def _indent(view: QTableView | QTreeView, depth: int) -> int:
    """How far a tree indents its first column's text at depth (0: a top-level row)."""
    if not isinstance(view, QTreeView):
        return 0
    return view.indentation() * (depth + (1 if view.rootIsDecorated() else 0))


def _sample(model, limit: int, tree: bool) -> list[tuple[QModelIndex, int, int]]:
    """(parent, row, depth) of up to limit rows that hold cells (not a group's title): of a flat
    list its rows, of a tree the rows of its groups (one level down), each group an equal share; of
    each share half from the top and the rest spread evenly over the others."""
    if tree:
        tops = (model.index(row, 0) for row in range(model.rowCount()))
        groups = [(top, 1) for top in tops if model.rowCount(top)]
    else:
        groups = [(QModelIndex(), 0)] if model.rowCount() else []
    found = []
    for parent, depth in groups:
        rows = model.rowCount(parent)
        share = max(1, limit // len(groups))
        head = min(rows, share // 2)
        chosen = list(range(head))
        if rows > head:
            step = max(1, (rows - head) // max(1, share - head))
            chosen += list(range(head, rows, step))[: share - head]
        found += [(parent, row, depth) for row in chosen]
    return found
