"""The trial's conditions the case's dates cannot show (decision 15): a check box each, ticked by the
caseworker once checked; the note then says "bekræftet af sagsbehandleren", or for an assessment
the caseworker makes, "sagsbehandlerens vurdering"."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QLabel, QVBoxLayout, QWidget

from ...core.catalog import Trial
from ...core.note_conditions import confirmable_conditions
from ...core.schedule import resolve_dates
from ..colours import hint_style


class ConditionsPanel(QWidget):
    """A check box per condition to confirm (boxes, by condition name), and what ticking one means."""

    def __init__(self, trial: Trial | None, case_dates: dict, events=(), parent: QWidget | None = None):
        super().__init__(parent)
        self.boxes: dict[str, QCheckBox] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        dates = resolve_dates(trial, case_dates)[0] if trial else {}
        conditions = confirmable_conditions(trial, dates, events) if trial else []
        for condition in conditions:
            box = QCheckBox(condition.text + (" (din vurdering)" if condition.assessment else ""))
            box.setObjectName(f"confirm_{condition.name}")
            self.boxes[condition.name] = box
            layout.addWidget(box)
        hint = QLabel(confirm_hint({c.assessment for c in conditions}))
        hint.setWordWrap(True)
        hint.setStyleSheet(hint_style())
        layout.addWidget(hint)

    def confirmed(self) -> tuple[str, ...]:
        """The names of the conditions ticked, in the trial's order."""
        return tuple(name for name, box in self.boxes.items() if box.isChecked())


def confirm_hint(assessments: set[bool]) -> str:
    """What ticking a box means, for the kinds of condition shown (True: an assessment)."""
    if assessments == {True}:
        return "Sæt kun hak, når det er din vurdering; notatet skriver »sagsbehandlerens vurdering«."
    if assessments == {True, False}:
        return (
            "Sæt kun hak, når du har kontrolleret det, eller når det er din vurdering; notatet skriver "
            "»bekræftet af sagsbehandleren« eller »sagsbehandlerens vurdering«."
        )
    return "Sæt kun hak, når du har kontrolleret det; notatet skriver »bekræftet af sagsbehandleren«."
