"""The evaluation report as a print job (the window's "Gem som PDF …" and `report --pdf`)."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from datetime import date

from ...core.catalog import Trial
from ...core.evaluation_figures import Evaluation
from ...services.evaluation import whose_text
from ...services.evaluation_output import REPORT_TITLE, report_html
from ...services.evaluation_rows import Row
from .document import PrintJob, write_pdf


def evaluation_print_job(
    evaluation: Evaluation,
    trial_rows: Sequence[tuple[Trial, Sequence[Row]]],
    texts: Mapping[str, str],
    *,
    printed_on: date,
    user: str = "",
) -> PrintJob:
    return PrintJob(
        html=report_html(evaluation, trial_rows, texts, printed_on=printed_on, user=user),
        header_left=" · ".join(p for p in (REPORT_TITLE, whose_text(evaluation), evaluation.municipality) if p),
        header_right=f"Periode {evaluation.period.text}",
        printed_on=printed_on,
    )


def write_evaluation_pdf(path: str | os.PathLike[str], job: PrintJob) -> int:
    """Write the PDF whole or not at all; returns the number of pages."""
    return write_pdf(job, path)
