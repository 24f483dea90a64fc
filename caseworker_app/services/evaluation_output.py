"""The evaluation report as pages (Qt rich-text HTML, painted by ui/printing) and as a workbook.

Both follow the evaluation form (seed 000, points 6-10): the results in figures first, then the
municipality's own text for points 6-10, then an appendix listing the cases behind each figure by
FASIT case number, so a coordinator can check every count against FASIT. No name or CPR number is
ever written; a coordinator's merged report has no case numbers either.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from datetime import date
from html import escape

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from .. import __version__
from ..core.atomic import atomic_write
from ..core.catalog import Trial
from ..core.evaluation_figures import NOT_COUNTABLE, Evaluation
from ..core.redact import redact_cpr
from ..core.spreadsheet import keep_as_text, xlsx_cell
from ..core.workdays import fmt
from ..store.evaluation_queries import FORM_POINTS
from .evaluation import no_cases_text, unassigned_text, whose_text
from .evaluation_rows import Row

REPORT_TITLE = "Evaluering af frikommuneforsøg"
EMPTY_POINT = "(udfyldes af kommunen)"
MERGED_APPENDIX = (
    "Rapporten er lagt sammen af sagsbehandlernes tal-filer, som kun indeholder tal. Sagerne bag "
    "hvert tal står i bilaget til hver sagsbehandlers egen rapport."
)
METHOD_TEXT = (
    "Tallene er talt direkte fra sagslisten i Opfølgningsfrister: hver registreret opfølgning, "
    "henvendelse, journalnotat og afslutningsårsag. En rettet hændelse tæller én gang (som rettet), "
    "en annulleret hændelse tæller ikke. Fristerne er beregnet af programmets fristberegner på hver "
    "sags egen historik. Hvor et tal ikke kan opgøres fra sagslisten, står der det."
)
_SHEET_MAX_WIDTH = 70


def _t(value: str) -> str:
    return escape(redact_cpr(value))


def meta_rows(evaluation: Evaluation, trials: Sequence[Trial], printed_on: date, user: str) -> list[tuple[str, str]]:
    return [
        ("Kommune:", evaluation.municipality or "(ikke angivet under Indstillinger)"),
        ("Periode:", evaluation.period.text),
        ("Forsøg:", ", ".join(f"{t.id} {t.short_title}" for t in trials)),
        ("Ingen sager i:", no_cases_text(evaluation)),
        ("Sager:", whose_text(evaluation)),
        ("Uden sagsbehandler:", unassigned_text(evaluation)),
        ("Minutter pr. opfølgning:", f"{evaluation.minutes} (antagelse, kan ændres)"),
        ("Program:", f"Opfølgningsfrister {__version__}"),
        ("Udskrevet:", fmt(printed_on)),
        ("Udskrevet af:", user),
    ]


def _rows_table(rows: Sequence[Row]) -> str:
    parts = [
        '<table class="list" width="100%" border="1" cellspacing="0" cellpadding="3">'
        '<thead><tr><th width="44%">Tal</th><th width="22%">Værdi</th>'
        '<th width="34%">Forklaring</th></tr></thead>'
    ]
    section = None
    for row in rows:
        if row.section != section:
            section = row.section
            parts.append(f'<tr><td colspan="3" bgcolor="#f2f2f2"><b>{_t(section)}</b></td></tr>')
        indent = "&nbsp;&nbsp;&nbsp;&nbsp;" * row.level
        value = f"<b>{_t(row.value)}</b>" if row.value != NOT_COUNTABLE else f"<i>{_t(row.value)}</i>"
        parts.append(f"<tr><td>{indent}{_t(row.label)}</td><td>{value}</td><td class=detail>{_t(row.note)}</td></tr>")
    parts.append("</table>")
    return "".join(parts)


def _appendix(trial: Trial, rows: Sequence[Row], saved_rows) -> str:
    parts = [f"<h2>Bilag {_t(trial.id)}: sagerne bag tallene</h2>"]
    listed = [r for r in rows if r.cases]
    if not listed:
        parts.append("<p>Ingen sager bag tallene i perioden.</p>")
    else:
        parts.append(
            '<table class="list" width="100%" border="1" cellspacing="0" cellpadding="2">'
            '<thead><tr><th width="34%">Tal</th><th width="8%">Antal</th>'
            '<th width="58%">Sagsnr. (FASIT) og hvad der er talt</th></tr></thead>'
        )
        for row in listed:
            cases = "; ".join(f"{_t(ref)}{' (' + _t(detail) + ')' if detail else ''}" for ref, detail in row.cases)
            parts.append(
                f"<tr><td>{_t(row.label)}</td><td>{_t(row.value.split(' ')[0])}</td><td class=detail>{cases}</td></tr>"
            )
        parts.append("</table>")
    if saved_rows:
        parts.append(
            f"<h2>Bilag {_t(trial.id)}: sparede opfølgninger pr. sag</h2>"
            '<table class="list" width="100%" border="1" cellspacing="0" cellpadding="2">'
            '<thead><tr><th width="18%">Sagsnr. (FASIT)</th><th width="10%">Holdt</th>'
            '<th width="14%">Krævet efter almindelig regel</th><th width="10%">Sparet</th>'
            '<th width="48%">Almindelige frister, ingen holdt opfølgning nåede</th></tr></thead>'
        )
        for ref, held, demanded, saved, dates in sorted(saved_rows):
            parts.append(
                f"<tr><td>{_t(ref)}</td><td>{held}</td><td>{demanded}</td><td>{saved}</td>"
                f"<td class=detail>{_t(dates)}</td></tr>"
            )
        parts.append("</table>")
    return "".join(parts)


def report_html(
    evaluation: Evaluation,
    trial_rows: Sequence[tuple[Trial, Sequence[Row]]],
    texts: Mapping[str, str],
    *,
    printed_on: date,
    user: str = "",
) -> str:
    """The whole report as HTML for QTextDocument: figures, points 6-10, appendix."""
    trials = [t for t, _ in trial_rows]
    meta = "".join(
        f"<tr><td>{escape(k)}</td><td><b>{_t(v)}</b></td></tr>"
        for k, v in meta_rows(evaluation, trials, printed_on, user)
        if v
    )
    parts = [
        f"<h1>{REPORT_TITLE}</h1>",
        f'<table class="meta" cellspacing="0" cellpadding="1">{meta}</table>',
        f"<p class=note>{_t(METHOD_TEXT)}</p>",
        "<h2>7. Forsøgets resultater – i tal</h2>",
    ]
    for trial, rows in trial_rows:
        parts.append(f"<h2>{_t(trial.id)} – {_t(trial.title)}</h2>")
        parts.append(_rows_table(rows))
    parts.append("<h2>Kommunens vurdering (evalueringsskemaet, punkt 6–10)</h2>")
    for number, title in FORM_POINTS.items():
        body = (texts.get(number) or "").strip()
        shown = "<br>".join(_t(line) for line in body.splitlines()) if body else f"<i>{EMPTY_POINT}</i><br><br>"
        parts.append(f"<p><b>{number}. {escape(title)}</b><br>{shown}</p>")
    if evaluation.merged_from:
        parts.append(f"<h2>Bilag</h2><p>{_t(MERGED_APPENDIX)}</p>")
    else:
        by_id = {f.trial_id: f for f in evaluation.trials}
        for trial, rows in trial_rows:
            parts.append(_appendix(trial, rows, by_id[trial.id].saved_rows))
    return "<html><body>" + "".join(parts) + "</body></html>"


# ---------------------------------------------------------------- workbook


def _cell(value: str):
    """A figure that is a whole number becomes a number cell (Excel can sum it)."""
    stripped = value.strip()
    if stripped.lstrip("-").isdigit():
        return int(stripped)
    return xlsx_cell(value)


def report_workbook(
    evaluation: Evaluation,
    trial_rows: Sequence[tuple[Trial, Sequence[Row]]],
    texts: Mapping[str, str],
    *,
    printed_on: date,
    user: str = "",
) -> Workbook:
    """Sheets: Tal (every figure), Bilag (the cases behind each), Sparet pr. sag, Punkt 6-10, Om rapporten."""
    book = Workbook()
    figures = book.active
    assert isinstance(figures, Worksheet)  # a new workbook opens with one ordinary sheet, active
    figures.title = "Tal"
    _fill(
        figures,
        ("Forsøg", "Afsnit", "Tal", "Værdi", "Forklaring"),
        [
            (trial.id, row.section, ("    " * row.level) + row.label, _cell(row.value), xlsx_cell(row.note))
            for trial, rows in trial_rows
            for row in rows
        ],
    )
    appendix = book.create_sheet("Bilag")
    if evaluation.merged_from:
        _fill(appendix, ("Bemærkning",), [(MERGED_APPENDIX,)])
    else:
        _fill(
            appendix,
            ("Forsøg", "Tal", "Sagsnr. (FASIT)", "Hvad der er talt"),
            [
                (trial.id, row.label, xlsx_cell(ref), xlsx_cell(detail))
                for trial, rows in trial_rows
                for row in rows
                for ref, detail in row.cases
            ],
        )
        saved = book.create_sheet("Sparet pr. sag")
        by_id = {f.trial_id: f for f in evaluation.trials}
        _fill(
            saved,
            (
                "Forsøg",
                "Sagsnr. (FASIT)",
                "Holdt",
                "Krævet efter almindelig regel",
                "Sparet",
                "Almindelige frister, ingen holdt opfølgning nåede",
            ),
            [
                (trial.id, xlsx_cell(ref), held, demanded, count, dates)
                for trial, _ in trial_rows
                for ref, held, demanded, count, dates in sorted(by_id[trial.id].saved_rows)
            ],
        )
    points = book.create_sheet("Punkt 6-10")
    _fill(
        points,
        ("Punkt", "Overskrift", "Kommunens tekst"),
        [(int(n), title, xlsx_cell((texts.get(n) or "").strip())) for n, title in FORM_POINTS.items()],
    )
    about = book.create_sheet("Om rapporten")
    trials = [t for t, _ in trial_rows]
    _fill(
        about,
        ("Felt", "Værdi"),
        [(k.rstrip(":"), xlsx_cell(v)) for k, v in meta_rows(evaluation, trials, printed_on, user) if v]
        + [("Metode", METHOD_TEXT)],
    )
    return book


def _fill(sheet, headers: Sequence[str], rows: Sequence[Sequence]) -> None:
    sheet.append(list(headers))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    widths = [len(h) for h in headers]
    for row in rows:
        sheet.append(list(row))
        for cell in sheet[sheet.max_row]:
            keep_as_text(cell)  # a bulleted text ('- Færre samtaler …') as typed, never a formula
        for col, value in enumerate(row):
            widths[col] = max(widths[col], len(str(value)) if value is not None else 0)
    for col, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(col)].width = min(width, _SHEET_MAX_WIDTH) + 2
        if width > _SHEET_MAX_WIDTH:
            for (cell,) in sheet.iter_rows(min_row=2, min_col=col, max_col=col):
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"


def write_report_xlsx(path: str | os.PathLike[str], book: Workbook) -> None:
    """Write the workbook whole or not at all."""
    atomic_write(path, book.save)
