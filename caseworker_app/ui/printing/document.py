"""Printing with Qt's own machinery: a QTextDocument painted page by page onto a QPrinter.

QTextDocument has no page header or footer, so each page is painted by hand: the document's
slice for that page, then a running header (title, whose list, period) and a footer with the print
date and "side 1 af N". The same painting serves the print preview (QPrintPreviewDialog's
paintRequested), "Udskriv" (a QPrinter from QPrintDialog) and "Gem som PDF" (write_pdf).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFont,
    QPageLayout,
    QPageSize,
    QPainter,
    QPen,
    QTextDocument,
)
from PySide6.QtPrintSupport import QPrinter

from ...core.atomic import WriteError, atomic_path
from ...core.calendar_selection import CalendarSelection, CasePlan, select_calendar
from ...core.cases import CaseDeadline, CaseProblem
from ...core.redact import redact_cpr
from ...core.text import count_text
from ...core.workdays import fmt
from .layouts import (
    CALENDAR_TITLE,
    STYLE,
    PrintHeader,
    month_grid_html,
    week_list_html,
)
from .pagination import paginate
from .plan_layout import PLAN_TITLE_CITIZEN, PLAN_TITLE_FILE, plan_html

LAYOUT_WEEKS, LAYOUT_MONTHS = "uger", "måneder"
MARGINS_MM = QMarginsF(15, 12, 15, 12)
FONT_FAMILIES = ["Segoe UI", "Arial", "DejaVu Sans", "Liberation Sans"]
_BODY_POINTS = 9
_BAND_POINTS = 20  # height of the running header and of the footer band


@dataclass(frozen=True)
class PrintJob:
    """Something to print: the body as HTML, running header and footer texts, orientation."""

    html: str
    header_left: str
    header_right: str = ""
    printed_on: date | None = None
    landscape: bool = False
    selection: CalendarSelection | None = None  # a calendar's: what `calendar` says beside the file

    def document(self) -> QTextDocument:
        """The body as a QTextDocument; paint_job lays it out for the printer and cuts the pages."""
        doc = QTextDocument()
        doc.setDefaultFont(_font(_BODY_POINTS))
        doc.setDefaultStyleSheet(STYLE)
        doc.setDocumentMargin(0)
        doc.setHtml(self.html)
        return doc


def calendar_job(
    items: Iterable[CaseDeadline],
    *,
    start: date,
    end: date,
    trial: str | None = None,
    caseworker: str | None = None,
    only_overdue: bool = False,
    include_overdue_before: bool = True,
    layout: str = LAYOUT_WEEKS,
    user: str = "",
    municipality: str = "",
    printed_on: date | None = None,
    problems: Iterable[CaseProblem] = (),
) -> PrintJob:
    """The follow-up calendar for a period and filter, as a week list or as month grids.

    problems, the cases that cannot be computed, are named in a section at the end.
    """
    if layout not in (LAYOUT_WEEKS, LAYOUT_MONTHS):
        raise ValueError(f"Ukendt udskriftsform '{layout}' (brug '{LAYOUT_WEEKS}' eller '{LAYOUT_MONTHS}').")
    printed_on = printed_on or date.today()
    selection = select_calendar(
        items,
        start,
        end,
        trial=trial,
        caseworker=caseworker,
        only_overdue=only_overdue,
        include_overdue_before=include_overdue_before,
        problems=problems,
    )
    header = PrintHeader(caseworker=user, municipality=municipality, printed_on=printed_on)
    build = week_list_html if layout == LAYOUT_WEEKS else month_grid_html
    whose = selection.caseworker or "alle sagsbehandlere"
    return PrintJob(
        html=build(selection, header),
        header_left=" · ".join(p for p in (CALENDAR_TITLE, whose, municipality) if p),
        header_right=f"Periode {selection.period_text}",
        printed_on=printed_on,
        landscape=layout == LAYOUT_MONTHS,
        selection=selection,
    )


def plan_job(
    plan: CasePlan,
    *,
    for_citizen: bool = False,
    user: str = "",
    municipality: str = "",
    printed_on: date | None = None,
) -> PrintJob:
    """A one-citizen plan (core.calendar_selection.case_plan) for the file or to hand to the citizen."""
    printed_on = printed_on or date.today()
    header = PrintHeader(caseworker=user, municipality=municipality, printed_on=printed_on)
    title = PLAN_TITLE_CITIZEN if for_citizen else PLAN_TITLE_FILE
    return PrintJob(
        html=plan_html(plan, header, for_citizen=for_citizen),
        header_left=f"{title} · {plan.case.citizen}",
        header_right=" · ".join(p for p in (plan.case.case_ref, municipality) if p),
        printed_on=printed_on,
    )


def setup_printer(printer: QPrinter, job: PrintJob) -> None:
    """A4 with the job's orientation and the house margins."""
    orientation = QPageLayout.Orientation.Landscape if job.landscape else QPageLayout.Orientation.Portrait
    printer.setPageLayout(
        QPageLayout(QPageSize(QPageSize.PageSizeId.A4), orientation, MARGINS_MM, QPageLayout.Unit.Millimeter)
    )


def paint_job(job: PrintJob | QTextDocument, printer: QPrinter) -> int:
    """Paint every page onto printer (preview, printer or PDF); returns the number of pages."""
    job = _as_job(job)
    doc = job.document()
    painter = QPainter()
    if not painter.begin(printer):
        raise WriteError("Printeren eller PDF-filen kunne ikke åbnes.")
    try:
        page = printer.pageRect(QPrinter.Unit.DevicePixel)
        dpi = printer.resolution()
        band = _BAND_POINTS * dpi / 72
        body = QRectF(0, band, page.width(), page.height() - 2 * band)
        # Lay the text out for the printer's resolution, so point sizes come out as points on paper.
        doc.documentLayout().setPaintDevice(printer)
        doc.setTextWidth(body.width())
        title_font = _font(_BODY_POINTS, bold=True)
        title_height = _BODY_POINTS * 1.9 * dpi / 72
        pages = paginate(doc, body.height(), title_height)
        small = _font(7.5)
        for number, slice_ in enumerate(pages):
            if number:
                printer.newPage()
            y = body.top()
            if slice_.repeat and slice_.repeat.title:
                painter.save()
                painter.setFont(title_font)
                # One line: a long title (an evaluation's trial) is shortened with "…", never cut.
                metrics, tail = painter.fontMetrics(), " (fortsat)"
                room = max(0, int(body.width() - metrics.horizontalAdvance(tail)))
                title = metrics.elidedText(slice_.repeat.title, Qt.TextElideMode.ElideRight, room) + tail
                painter.drawText(
                    QRectF(0, y, body.width(), title_height),
                    Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                    title,
                )
                painter.restore()
                y += title_height
            if slice_.repeat:
                _paint_slice(painter, doc, y, body.width(), slice_.repeat.top, slice_.repeat.bottom)
                y += slice_.repeat.height
            _paint_slice(painter, doc, y, body.width(), slice_.top, slice_.bottom)
            _paint_bands(painter, job, page.width(), page.height(), band, number + 1, len(pages), small)
    finally:
        painter.end()
        # Qt takes nullptr here (back to the default device); the stubs do not say so.
        doc.documentLayout().setPaintDevice(None)  # pyright: ignore[reportArgumentType]
    return len(pages)


def _as_job(job: PrintJob | QTextDocument) -> PrintJob:
    """A plain document as a job without a running header."""
    if isinstance(job, QTextDocument):
        return PrintJob(html=job.toHtml(), header_left="")
    return job


def _font(points: float, bold: bool = False) -> QFont:
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPointSizeF(points)
    font.setBold(bold)
    # No ligatures: a PDF reader must find and copy "fleksjob" as typed, not "ﬂeksjob".
    for tag in ("liga", "clig", "dlig"):
        font.setFeature(QFont.Tag(tag), 0)
    return font


# Qt draws every block that touches the band, also one that starts right at its foot (the next
# page's heading) or ends right at its top (the last row of the page before). Clipped away, it is
# unseen, but its text is still in the PDF: a search or a copy finds it twice. Only blocks that
# reach this far into the band are drawn (document units; far less than a line).
_EDGE = 0.5


def _paint_slice(painter: QPainter, doc: QTextDocument, y: float, width: float, top: float, bottom: float) -> None:
    """Paint the document's band top–bottom with its top at y on the page (QTextDocument.drawContents,
    with the blocks that only touch the band's edges left out)."""
    painter.save()
    painter.translate(0, y - top)
    band = QRectF(0, top, width, bottom - top)
    painter.setClipRect(band)
    context = QAbstractTextDocumentLayout.PaintContext()
    context.clip = band.adjusted(0, _EDGE, 0, -_EDGE)
    doc.documentLayout().draw(painter, context)
    painter.restore()


def _paint_bands(
    painter: QPainter,
    job: PrintJob,
    width: float,
    height: float,
    band: float,
    number: int,
    pages: int,
    font: QFont,
) -> None:
    painter.save()
    painter.setFont(font)
    painter.setPen(QPen(Qt.GlobalColor.black, max(1.0, band / 60)))
    top = QRectF(0, 0, width, band * 0.7)
    metrics = painter.fontMetrics()
    right = redact_cpr(job.header_right)
    # The left part (a citizen's name can be long) is shortened with "…" so it never runs into
    # the right part or off the page.
    room = width - metrics.horizontalAdvance(right) - metrics.horizontalAdvance("    ")
    left = metrics.elidedText(redact_cpr(job.header_left), Qt.TextElideMode.ElideRight, max(0, int(room)))
    painter.drawText(top, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, left)
    painter.drawText(top, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, right)
    painter.drawLine(QPointF(0, band * 0.75), QPointF(width, band * 0.75))
    foot = QRectF(0, height - band * 0.7, width, band * 0.7)
    painter.drawLine(QPointF(0, height - band * 0.75), QPointF(width, height - band * 0.75))
    if job.printed_on:
        painter.drawText(
            foot,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            f"Udskrevet {fmt(job.printed_on)}",
        )
    painter.drawText(
        foot,
        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
        f"side {number} af {pages}",
    )
    painter.restore()


def pages_text(count: int) -> str:
    """'1 side', '3 sider'."""
    return count_text(count, "side", "sider")


def new_pdf_printer(path: str | os.PathLike[str], job: PrintJob) -> QPrinter:
    """A QPrinter that writes a PDF to path, set up for the job (A4, orientation, margins)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(os.fspath(path))
    printer.setCreator("Opfølgningsfrister")
    printer.setDocName(redact_cpr(job.header_left) or CALENDAR_TITLE)
    setup_printer(printer, job)
    return printer


def write_pdf(job: PrintJob | QTextDocument, path: str | os.PathLike[str]) -> int:
    """Write the job as a PDF file without a dialog, whole or not at all; returns the page count."""
    job = _as_job(job)
    # Painted in a scratch folder outside the user's folder; only the finished PDF is written there.
    with atomic_path(path) as tmp:
        printer = new_pdf_printer(tmp, job)
        pages = paint_job(job, printer)
        del printer  # the PDF is finished when the printer is gone
    return pages


__all__ = [
    "LAYOUT_MONTHS",
    "LAYOUT_WEEKS",
    "PrintJob",
    "calendar_job",
    "new_pdf_printer",
    "pages_text",
    "paint_job",
    "plan_job",
    "setup_printer",
    "write_pdf",
]
