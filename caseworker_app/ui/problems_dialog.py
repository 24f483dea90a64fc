"""The cases whose deadlines cannot be computed, a row each (the main window's "… – vis")."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.cases import CaseProblem, problems_heading

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


class ProblemsDialog(QDialog):
    """A read-only table of the cases that cannot be computed, with why."""

    def __init__(self, problems: Sequence[CaseProblem], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(PROBLEMS_TITLE)
        self.problems = list(problems)
        heading = QLabel(f"<b>{problems_heading(len(self.problems))}</b>")
        explanation = QLabel(PROBLEMS_HELP)
        explanation.setWordWrap(True)

        self.table = QTableWidget(len(self.problems), len(PROBLEM_COLUMNS))
        self.table.setHorizontalHeaderLabels(PROBLEM_COLUMNS)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        for row, problem in enumerate(self.problems):
            for column, value in enumerate(problem_row(problem)):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                self.table.setItem(row, column, item)
        header = self.table.horizontalHeader()
        for column in range(len(PROBLEM_COLUMNS) - 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(PROBLEM_COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("Luk")
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(explanation)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(900, 420)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.table.resizeRowsToContents()  # now that the reason column has its width

    def rows(self) -> list[tuple[str, ...]]:
        """The table's text, row by row, as the caseworker reads it."""
        return [
            tuple(self.table.item(row, column).text() for column in range(self.table.columnCount()))
            for row in range(self.table.rowCount())
        ]
