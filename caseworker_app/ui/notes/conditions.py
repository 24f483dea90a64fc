"""The trial's conditions the case's dates cannot show (decision 15): a check box each, ticked by the
caseworker once checked; the note then says "bekræftet af sagsbehandleren", or for an assessment
the caseworker makes, "sagsbehandlerens vurdering"."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QMouseEvent, QPainter
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QStyle, QStyleOptionFocusRect, QVBoxLayout, QWidget

from ...core.catalog import Trial
from ...core.confirmations import Confirmable
from ...core.note_conditions import DEADLINE_CHECK, DEADLINE_CHECK_TEXT, EXTENSION_CHECK, condition_boxes
from ...core.participation import PARTICIPATION_CHECK
from ..colours import hint_style

DEADLINE_CHECK_HINT = (
    "Sæt kun hak, når du har kontrolleret fristen; notatet skriver »Fristen er kontrolleret af "
    "sagsbehandleren efter de gældende regler.«"
)
PARTICIPATION_CHECK_HINT = (
    "Kommunens navn under Indstillinger er ikke nævnt blandt forsøgets kommuner (se Forsøg). Sæt kun hak, når du "
    "har kontrolleret, at kommunen deltager; notatet skriver »Kommunens deltagelse i forsøget er kontrolleret af "
    "sagsbehandleren.« ved hjemlen."
)
EXTENSION_CHECK_HINT = (
    "Forlængelsen er indtastet, efter at forsøget sluttede, uden beslutningsdato (se Forsøg › Forsøgsperiode). "
    "Sæt kun hak, når du har kontrolleret afgørelsen; notatet skriver »Forlængelsen er kontrolleret af "
    "sagsbehandleren.« ved hjemlen."
)


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

    def __init__(self, trial: Trial | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.boxes: dict[str, QCheckBox] = {}
        self.labels: dict[str, ToggleLabel] = {}
        self._ticked_for: dict[str, Confirmable] = {}  # what each ticked box confirmed when ticked
        self.notices: dict[str, str] = {}  # why a tick was taken away, until the box is ticked again
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # A box for each of the trial's conditions, shown when the note asks for it on the case as read
        # now (show_parts): another copy may enter or take away a date that shows one.
        self._assessments: dict[str, bool] = {}
        for condition in condition_boxes(trial) if trial else ():  # with a lengthening's box (decision 19)
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
            self._assessments[condition.name] = condition.assessment
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(hint_style())
        layout.addWidget(self.hint)
        # Decisions 4, 13 and 15: what the note states that the caseworker must confirm having checked (the
        # deadline under the reform caution, a basis resting on an extension that may bridge a lapse); each
        # shown only when the note needs it, with the text of what it confirms (show_parts).
        self.checks: dict[str, tuple[QCheckBox, ToggleLabel, QLabel]] = {}
        for name, text, hint in (
            (DEADLINE_CHECK, DEADLINE_CHECK_TEXT, DEADLINE_CHECK_HINT),
            (EXTENSION_CHECK, "", EXTENSION_CHECK_HINT),
            (PARTICIPATION_CHECK, "", PARTICIPATION_CHECK_HINT),  # decision 17
        ):
            box = QCheckBox()
            box.setObjectName(f"confirm_{name}")
            box.setAccessibleName(text)
            label = ToggleLabel(text, box)
            shown = QLabel(hint)
            shown.setWordWrap(True)
            shown.setStyleSheet(hint_style())
            row = QHBoxLayout()
            row.addWidget(box, 0, Qt.AlignmentFlag.AlignTop)
            row.addWidget(label, 1)
            layout.addLayout(row)
            layout.addWidget(shown)
            self.checks[name] = (box, label, shown)
        self.deadline_box, self.deadline_label, self.deadline_hint = self.checks[DEADLINE_CHECK]
        self.extension_box, self.extension_label, _ = self.checks[EXTENSION_CHECK]
        self.show_parts(conditions=())

    def show_parts(self, *, conditions: Collection[str], checks: Mapping[str, str] | None = None) -> None:
        """Show the boxes of the conditions named in conditions, and of the checks named in checks, each
        with its text there ('' keeps the text it has)."""
        checks = checks or {}
        for name, box in self.boxes.items():
            box.setVisible(name in conditions)
            self.labels[name].setVisible(name in conditions)
        shown = {self._assessments[name] for name in conditions if name in self._assessments}
        self.hint.setText(confirm_hint(shown))
        self.hint.setVisible(bool(shown))
        for name, (box, label, hint) in self.checks.items():
            if checks.get(name):
                label.setText(checks[name])
                box.setAccessibleName(checks[name])
            for widget in (box, label, hint):
                widget.setVisible(name in checks)

    def _every_box(self) -> dict[str, QCheckBox]:
        """Every box by name, in the order they stand: the conditions', then the checks'."""
        return {**self.boxes, **{name: check[0] for name, check in self.checks.items()}}

    def first_unticked(self, within: QWidget) -> QCheckBox | None:
        """The first box shown within (the fields, hidden or not) and not ticked, in the order they stand."""
        return next((b for b in self._every_box().values() if b.isVisibleTo(within) and not b.isChecked()), None)

    def follow(
        self,
        facts: Mapping[str, Confirmable],
        notice: Callable[[str, Confirmable, Confirmable | None], str],
    ) -> None:
        """Keep each tick with what it confirmed (core/confirmations.py): a box ticked for other facts
        than facts now gives is unticked, and notices[name] says why (notice(name, was, now))."""
        for name, box in self._every_box().items():
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
        """The names of the conditions ticked and shown, in the trial's order (a hidden one is not asked
        for: the case's dates show it now), then of the checks ticked (DEADLINE_CHECK, EXTENSION_CHECK,
        PARTICIPATION_CHECK; a note that needs none does not read them)."""
        ticked = tuple(name for name, box in self.boxes.items() if box.isChecked() and not box.isHidden())
        return (*ticked, *(name for name, (box, _, _) in self.checks.items() if box.isChecked()))

    def first_shown_box(self) -> QCheckBox | None:
        """The first box shown (for the Bekræft label's buddy)."""
        return next((box for box in self._every_box().values() if not box.isHidden()), None)


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
