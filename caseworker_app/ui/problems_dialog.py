"""The cases whose deadlines cannot be computed, a row each (the main window's "… – vis")."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QWidget

from ..core.cases import CaseProblem, problems_heading
from .table_dialog import ReadOnlyTableDialog

PROBLEM_COLUMNS = ("Sagsnr. (FASIT)", "Borger", "Forsøg", "Årsag")
PROBLEMS_TITLE = "Sager, der ikke kan beregnes"
PROBLEMS_HELP = (
    "Disse sager står ikke i fristlisten, fordi deres frister ikke kan beregnes. Ret sagens datoer "
    "i sagsvinduet, eller bed IT kontrollere forsøgskataloget og databasen."
)


def problem_row(problem: CaseProblem) -> tuple[str, str, str, str]:
    """FASIT case number, citizen, trial and reason, as the dialog shows them (no CPR)."""
    case = problem.case
    return case.case_ref, case.citizen, case.trial_id, problem.reason


class ProblemsDialog(ReadOnlyTableDialog):
    """A read-only table of the cases that cannot be computed, with why."""

    def __init__(self, problems: Sequence[CaseProblem], parent: QWidget | None = None):
        problems = list(problems)
        super().__init__(
            title=PROBLEMS_TITLE,
            heading=problems_heading(len(problems)),
            explanation=PROBLEMS_HELP,
            columns=PROBLEM_COLUMNS,
            rows=[problem_row(x) for x in problems],
            size=(900, 420),
            parent=parent,
        )
        self.problems = problems
