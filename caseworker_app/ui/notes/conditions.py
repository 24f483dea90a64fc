"""The trial's conditions the case's dates cannot show (decision 15): a check box each, ticked by the
caseworker once checked; the note then says "bekræftet af sagsbehandleren", or for an assessment
the caseworker makes, "sagsbehandlerens vurdering"."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QMouseEvent, QPainter
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QStyle, QStyleOptionFocusRect, QVBoxLayout, QWidget

from ...core.catalog import Trial
from ...core.confirmations import Confirmable
from ...core.note_conditions import DEADLINE_CHECK, DEADLINE_CHECK_TEXT, confirmable_conditions
from ...core.schedule import resolve_dates
from ..colours import hint_style


class ToggleLabel(QLabel):
    """A check box's text as a word-wrapped label beside it: a QCheckBox never wraps, and a long
    condition (T09's "formaal") was cut off on a small screen. A click on the text toggles the box,
    as a click on a check box's own text does."""

    def __init__(self, text: str, box: QCheckBox):
        super().__init__(text)
        self.box = box
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setBuddy(box)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        # A narrow row wraps the text more, never makes the fields scroll sideways.
        self.setMinimumWidth(box.fontMetrics().averageCharWidth() * 20)
        box.installEventFilter(self)  # the box's focus is shown around this text, where a box shows it

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() in (QEvent.Type.FocusIn, QEvent.Type.FocusOut):
            self.update()
        return super().eventFilter(watched, event)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().paintEvent(event)
        if self.box.hasFocus():
            option = QStyleOptionFocusRect()
            option.initFrom(self)
            option.state |= QStyle.StateFlag.State_HasFocus
            flags = int(self.alignment()) | Qt.TextFlag.TextWordWrap
            option.rect = self.fontMetrics().boundingRect(self.contentsRect(), flags, self.text()).adjusted(-1, 0, 1, 0)
            painter = QPainter(self)
            self.style().drawPrimitive(QStyle.PrimitiveElement.PE_FrameFocusRect, option, painter, self)
            painter.end()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(event.position().toPoint()):
            self.box.setFocus(Qt.FocusReason.MouseFocusReason)
            self.box.toggle()
        super().mouseReleaseEvent(event)


class ConditionsPanel(QWidget):
    """A check box per condition to confirm (boxes, by condition name), its text wrapped beside it
    (labels, by condition name), and what ticking one means."""

    def __init__(self, trial: Trial | None, case_dates: dict, events=(), parent: QWidget | None = None):
        super().__init__(parent)
        self.boxes: dict[str, QCheckBox] = {}
        self.labels: dict[str, ToggleLabel] = {}
        self._ticked_for: dict[str, Confirmable] = {}  # what each ticked box confirmed when ticked
        self.notices: dict[str, str] = {}  # why a tick was taken away, until the box is ticked again
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        dates = resolve_dates(trial, case_dates)[0] if trial else {}
        conditions = confirmable_conditions(trial, dates, events) if trial else []
        for condition in conditions:
            text = condition.text + (" (din vurdering)" if condition.assessment else "")
            box = QCheckBox()
            box.setObjectName(f"confirm_{condition.name}")
            box.setAccessibleName(text)  # the box has no text of its own: its label shows it
            label = ToggleLabel(text, box)
            row = QHBoxLayout()
            row.addWidget(box, 0, Qt.AlignmentFlag.AlignTop)
            row.addWidget(label, 1)
            layout.addLayout(row)
            self.boxes[condition.name] = box
            self.labels[condition.name] = label
        self.hint = QLabel(confirm_hint({c.assessment for c in conditions}))
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(hint_style())
        layout.addWidget(self.hint)
        # Decisions 13 and 15: the deadline the note states is under the reform caution; shown only then.
        self.deadline_box = QCheckBox()
        self.deadline_box.setObjectName(f"confirm_{DEADLINE_CHECK}")
        self.deadline_box.setAccessibleName(DEADLINE_CHECK_TEXT)
        self.deadline_label = ToggleLabel(DEADLINE_CHECK_TEXT, self.deadline_box)
        self.deadline_hint = QLabel(
            "Sæt kun hak, når du har kontrolleret fristen; notatet skriver »Fristen er kontrolleret af "
            "sagsbehandleren efter de gældende regler.«"
        )
        self.deadline_hint.setWordWrap(True)
        self.deadline_hint.setStyleSheet(hint_style())
        row = QHBoxLayout()
        row.addWidget(self.deadline_box, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.deadline_label, 1)
        layout.addLayout(row)
        layout.addWidget(self.deadline_hint)
        self.show_parts(conditions=bool(self.boxes), deadline=False)

    def show_parts(self, *, conditions: bool, deadline: bool) -> None:
        """Show the conditions' boxes, the deadline's check, or both."""
        for name, box in self.boxes.items():
            box.setVisible(conditions)
            self.labels[name].setVisible(conditions)
        self.hint.setVisible(conditions)
        for widget in (self.deadline_box, self.deadline_label, self.deadline_hint):
            widget.setVisible(deadline)

    def follow(
        self,
        facts: Mapping[str, Confirmable],
        notice: Callable[[str, Confirmable, Confirmable | None], str],
    ) -> None:
        """Keep each tick with what it confirmed (core/confirmations.py): a box ticked for other facts
        than facts now gives is unticked, and notices[name] says why (notice(name, was, now))."""
        for name, box in {**self.boxes, DEADLINE_CHECK: self.deadline_box}.items():
            now = facts.get(name)
            if not box.isChecked():
                self._ticked_for.pop(name, None)
                if now is None:  # no longer asked for: nothing to tick again
                    self.notices.pop(name, None)
                continue
            self.notices.pop(name, None)
            was = self._ticked_for.get(name)
            if was is None:
                if now is not None:
                    self._ticked_for[name] = now  # ticked for what the window shows now
            elif now != was:
                box.blockSignals(True)  # the caller fills the note in with the box as it leaves it
                box.setChecked(False)
                box.blockSignals(False)
                del self._ticked_for[name]
                if text := notice(name, was, now):
                    self.notices[name] = text

    def confirmed(self) -> tuple[str, ...]:
        """The names of the conditions ticked, in the trial's order, and DEADLINE_CHECK when the
        deadline's check is ticked (a note whose deadline needs none does not read it)."""
        ticked = tuple(name for name, box in self.boxes.items() if box.isChecked())
        return (*ticked, DEADLINE_CHECK) if self.deadline_box.isChecked() else ticked


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
