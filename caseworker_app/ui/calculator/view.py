"""The "Fristberegner" tab: `caseworker-app schedule` in the window; nothing is saved.

The form (calculator/form.py) on the left, the deadlines (calculator/result.py) on the right; here
the two are joined: the typed case checked and calculated as the command does (services/calculator.py),
each message at its field.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from ...core.catalog import Trial
from ...core.workdays import fmt
from ...services.calculator import calculate, trial_status_text
from .form import CalculatorForm
from .result import ResultView

FIX_FIELDS = "Ret de markerede felter for at se fristerne."


class CalculatorView(QWidget):
    """Pick a trial, type its dates and events, see the engine's deadlines; nothing is saved."""

    def __init__(self, catalog_provider: Callable[[], Mapping[str, Trial]], *, today: Callable[[], date]):
        super().__init__()
        self.form = CalculatorForm(catalog_provider, today=today())
        self.result = ResultView()
        self.splitter = splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.form)
        splitter.addWidget(self.result)
        splitter.setStretchFactor(1, 1)
        # Neither pane is dragged out of sight: each keeps at least its least width (the form's
        # fields, the result's title and table), which together fit 1366×768 at 150 % with 150 % text.
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([360, 840])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self.form.calculate_button.clicked.connect(self.calculate)
        self.form.changed.connect(self.calculate)
        self.form.reload_catalog()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        # An override made in the "Forsøg" tab must show here too.
        if self.form.catalog_changed():
            self.form.reload_catalog()
        super().showEvent(event)

    def set_trial(self, trial_id: str) -> None:
        """Choose a trial by its id."""
        self.form.set_trial(trial_id)

    def set_date(self, name: str, text: str) -> None:
        """Type text into the case date called name (for tests and callers that prefill)."""
        self.form.set_date(name, text)

    def detail_text(self) -> str:
        """The full text of the chosen deadline, as shown under the table."""
        return self.result.detail_text()

    def calculate(self) -> None:
        """Check the fields and show the deadlines; messages go to the fields, nothing is saved."""
        form, result = self.form, self.result
        trial = form.trial()
        result.clear()
        if trial is None:
            return
        dates, today, trial_end, errors = form.typed_dates(trial)
        boxes = form.boxes()
        for name, box in boxes.items():
            box.set_error(errors.get(name))

        result.set_title(f"{trial.id} – {trial.title}")
        if not trial.has_deadlines:
            result.set_note(
                "Forsøget har ingen beregnelig frist. Betingelser:\n" + "\n".join(f"• {c}" for c in trial.conditions)
            )
            return
        if errors:
            only_missing = form.only_dates_missing(errors)
            result.set_note("Skriv sagens datoer for at se fristerne." if only_missing else FIX_FIELDS)
            if only_missing:
                for box in form.date_boxes.values():
                    box.set_error(None)
            return
        assert today is not None  # a missing date is in errors, and errors returned above
        # The same checks and engine call as `caseworker-app schedule` (services/calculator.py).
        events_box = form.events_box
        calculation = calculate(trial, dates, events_box.events, today, trial_end=trial_end)
        events_box.date_box.set_error(None)
        for name, message in calculation.errors.items():
            if name in boxes:
                boxes[name].set_error(message)
        if calculation.event_errors:
            events_box.date_box.set_error(
                " ".join(f"Hændelsen {fmt(e.day)}: {message}" for e, message in calculation.event_errors)
            )
        if not calculation.ok:
            result.set_note(FIX_FIELDS)
            return
        result.set_title(
            f"{trial.id} – {trial.title}\nBeregnet pr. {fmt(today)}\n"
            f"Forsøgets status: {trial_status_text(trial, today, trial_end)}"
        )
        result.show_deadlines(calculation.deadlines)
