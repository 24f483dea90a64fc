"""Cut a laid-out QTextDocument into pages between table rows, repeating a table's header row.

Qt's own pagination splits a table row line by line across a page break, so a deadline could
start at the foot of one page and end at the top of the next. Instead the document is laid out
once without pages, and the pages are chosen here: a page ends between two table rows or two
paragraphs, never right after a heading, a table's header row or a row that titles a section of a
table, and a page that begins inside a table gets that table's title ("Uge 7 – 2021 (fortsat)")
and header row again. Only a row taller than a whole page is cut, and then between two lines of text.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QTextBlock, QTextCursor, QTextDocument, QTextFormat, QTextTable

_ALWAYS_BEFORE = QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore


@dataclass(frozen=True)
class Repeat:
    """A table's header row to paint again at the top of a page, under its continued title."""

    top: float
    bottom: float
    title: str

    @property
    def height(self) -> float:
        return self.bottom - self.top


@dataclass(frozen=True)
class Page:
    """The slice top–bottom of the document (document coordinates) that one page shows."""

    top: float
    bottom: float
    repeat: Repeat | None = None


@dataclass
class _Unit:
    top: float
    bottom: float
    keep_with_next: bool = False
    break_before: bool = False
    blocks: tuple[QTextBlock, ...] = ()
    rows: tuple[QTextTable, int, int] | None = None  # table rows first–last, cut between lines
    repeat: Repeat | None = None  # the header to repeat when a page starts at or inside this unit


def _block_rect(doc: QTextDocument, block: QTextBlock):
    return doc.documentLayout().blockBoundingRect(block)


def _cell_blocks(table: QTextTable, row: int, column: int) -> list[QTextBlock]:
    cell = table.cellAt(row, column)
    first = cell.firstCursorPosition().block()
    last = cell.lastCursorPosition().block()
    blocks = [first]
    while blocks[-1] != last and blocks[-1].isValid():
        blocks.append(blocks[-1].next())
    return blocks


def _row_blocks(table: QTextTable, first: int, last: int) -> list[QTextBlock]:
    """Every block of the cells that begin in rows first–last."""
    blocks = []
    for r in range(first, last + 1):
        for c in range(table.columns()):
            cell = table.cellAt(r, c)
            if cell.row() == r and cell.column() == c:
                blocks.extend(_cell_blocks(table, r, c))
    return blocks


def _row_bottom(doc: QTextDocument, table: QTextTable, row: int) -> float:
    return max(_block_rect(doc, b).bottom() for b in _row_blocks(table, row, row))


def _heading_title(block: QTextBlock) -> str:
    """The first run of text of a heading ('Uge 7 – 2021'), without its smaller subtitle."""
    it = block.begin()
    return it.fragment().text().strip() if not it.atEnd() else block.text().strip()


def _table_units(doc: QTextDocument, table: QTextTable, title: str) -> list[_Unit]:
    """A unit per row, or per group of rows joined by a cell that spans them (rowspan)."""
    rows, columns = table.rows(), table.columns()
    tops, bound, titles = [], [], []
    for r in range(rows):
        first_cell = table.cellAt(r, 0)
        # A row of one cell across the table is a section's title (the evaluation's "Borgere i
        # forsøget"): like a heading, it never ends a page.
        titles.append(columns > 1 and first_cell.row() == r and first_cell.columnSpan() == columns)
        top, joined = None, False
        for c in range(columns):
            cell = table.cellAt(r, c)
            if cell.row() + cell.rowSpan() - 1 > r:
                joined = True  # a cell reaches into the next row: never break between them
            if top is None and cell.row() == r and cell.column() == c:
                # Every cell of a row starts at the row's top, so one cell tells where the row is.
                top = _block_rect(doc, cell.firstCursorPosition().block()).top()
        if top is None:
            return []  # a row made only of spanning cells: the table is cut like running text
        tops.append(top)
        bound.append(joined)
    if not rows:
        return []
    # Half the space between two rows' text (padding and border) puts a cut on the rule.
    half = (tops[1] - _row_bottom(doc, table, 0)) / 2 if rows > 1 else 0.0
    half = max(half, 0.0)
    edges = [top - half for top in tops] + [_row_bottom(doc, table, rows - 1) + half]
    header_rows = min(table.format().headerRowCount(), rows - 1)
    repeat = Repeat(edges[0], edges[header_rows], title) if header_rows else None
    units, first = [], 0
    for r in range(rows):
        if bound[r] and r + 1 < rows:
            continue
        units.append(
            _Unit(
                top=edges[first],
                bottom=edges[r + 1],
                keep_with_next=r < header_rows or titles[r],
                rows=(table, first, r),
                repeat=repeat if first >= header_rows else None,
            )
        )
        first = r + 1
    return units


def _units(doc: QTextDocument) -> list[_Unit]:
    units: list[_Unit] = []
    tables = {}
    for frame in doc.rootFrame().childFrames():
        if isinstance(frame, QTextTable):
            tables[frame.firstPosition()] = frame
    last_heading = ""
    block = doc.begin()
    done_tables: set[int] = set()
    while block.isValid():
        table = QTextCursor(block).currentTable()
        if table is not None:
            key = table.firstPosition()
            if key not in done_tables and key in tables:
                done_tables.add(key)
                units.extend(_table_units(doc, table, last_heading))
            block = table.lastCursorPosition().block().next()
            continue
        if block.text().strip():
            fmt = block.blockFormat()
            rect = _block_rect(doc, block)
            heading = fmt.headingLevel() > 0
            if heading:
                last_heading = _heading_title(block)
            units.append(
                _Unit(
                    top=rect.top(),
                    bottom=rect.bottom(),
                    keep_with_next=heading,
                    break_before=bool(fmt.pageBreakPolicy() & _ALWAYS_BEFORE),
                    blocks=(block,),
                )
            )
        block = block.next()
    units.sort(key=lambda u: u.top)
    return units


def _line_cut(doc: QTextDocument, unit: _Unit, start: float, limit: float) -> float:
    """The lowest point in start–limit that passes between lines of every cell of unit."""
    lines = []
    blocks = list(unit.blocks) if unit.rows is None else _row_blocks(*unit.rows)
    for block in blocks:
        rect = _block_rect(doc, block)
        layout = block.layout()
        for n in range(layout.lineCount()):
            line = layout.lineAt(n)
            top = rect.top() + line.y()
            lines.append((top, top + line.height()))
    candidates = sorted({bottom for _, bottom in lines if start < bottom <= limit}, reverse=True)
    for cut in candidates:
        if not any(top < cut < bottom for top, bottom in lines):
            return cut
    return limit


def _repeat_height(repeat: Repeat, title_height: float) -> float:
    return repeat.height + (title_height if repeat.title else 0.0)


def paginate(doc: QTextDocument, page_height: float, title_height: float) -> list[Page]:
    """The pages of a document laid out without pages (setTextWidth only), each page_height high."""
    end = doc.documentLayout().documentSize().height()
    units = _units(doc)
    pages: list[Page] = []
    start, i, repeat = 0.0, 0, None
    while True:
        limit = start + page_height - (_repeat_height(repeat, title_height) if repeat else 0.0)
        k, forced = i, None
        while k < len(units):
            unit = units[k]
            if unit.break_before and k > i and unit.top > start:
                forced = k
                break
            if unit.bottom > limit:
                break
            k += 1
        if k == len(units) and forced is None:
            pages.append(Page(start, max(end, start), repeat))
            return pages
        if forced is not None:
            m = forced
        else:
            # Break before the last unit that fits, but never right after a heading or header row.
            allowed = (m for m in range(k, i, -1) if not units[m - 1].keep_with_next)
            m = next((m for m in allowed if units[m].top > start), None)
        if m is not None:
            cut, i = units[m].top, m
        else:
            cut = _line_cut(doc, units[k], start, limit)  # one unit taller than a page
            if cut <= start:
                cut = limit
            i = k
        pages.append(Page(start, cut, repeat))
        repeat = units[i].repeat
        start = cut
