"""The Fristberegner's left side: the trial, its dates, the day to calculate for, the trial's end
and the events (calculator/events.py), with "Beregn" under them."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.catalog import Trial
from ...core.event import Event
from ...core.terms import IMPORTED_EVENTS
from ...core.validation import missing_date_message, missing_dates
from ...core.workdays import fmt
from ..field_scroll import FieldScrollArea
from ..fields import DateLineEdit, FieldBox, add_label_above, buddy_label, set_tab_order
from ..trial_texts import date_label, default_hint, keep_default_hint, trial_choice_text
from .events import EventsBox

# What the form's dates are: the case dates by name, the day to calculate for, the trial's end,
# and a message per field that cannot be read (by the same names, "today" and "trial_end").
TypedDates = tuple[dict[str, date], date | None, date | None, dict[str, str]]


class CalculatorForm(QWidget):
    """The case as typed; changed when a date is typed or an event added or taken off."""

    changed = Signal()

    def __init__(self, catalog_provider: Callable[[], Mapping[str, Trial]], *, today: date):
        super().__init__()
        self._catalog_provider = catalog_provider
        self._catalog: dict[str, Trial] = {}
        self.date_boxes: dict[str, FieldBox[DateLineEdit]] = {}

        self.trial_combo = QComboBox()
        self.trial_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.trial_combo.setMinimumContentsLength(28)
        self.trial_box = FieldBox(self.trial_combo)
        self.today_edit = DateLineEdit(today)
        self.today_box = FieldBox(self.today_edit)
        self.trial_end_edit = DateLineEdit()
        self.trial_end_box = FieldBox(self.trial_end_edit)

        case_group = QGroupBox("Sagen")
        case_form = QVBoxLayout(case_group)
        # Each label above its field, wrapped: the column is never wider than its fields need (Tekststørrelse 150 %).
        add_label_above(case_form, buddy_label("Fors&øg:", self.trial_combo), self.trial_box)
        self.case_form = case_form
        self.date_labels: list[QLabel] = []  # the trial's dates' labels, each above its box
        add_label_above(case_form, buddy_label("Beregn &pr.:", self.today_edit), self.today_box)
        add_label_above(
            case_form, buddy_label("Forsøgets s&lutdato (valgfri):", self.trial_end_edit), self.trial_end_box
        )

        self.events_box = EventsBox()
        self.calculate_button = QPushButton("&Beregn")
        fields = QWidget()
        fields_layout = QVBoxLayout(fields)
        fields_layout.addWidget(case_group)
        fields_layout.addWidget(self.events_box, 1)
        scroll = FieldScrollArea(fields, "Sagens datoer og hændelser")  # the form may be taller than a small screen
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.calculate_button)

        self.trial_combo.currentIndexChanged.connect(self._trial_changed)
        self.events_box.changed.connect(self.changed)
        for edit in (self.today_edit, self.trial_end_edit):
            edit.editingFinished.connect(self.changed)

    @property
    def events(self) -> list[Event]:
        """The events typed in, in date order."""
        return self.events_box.events

    # ------------------------------------------------------------ catalog and trial

    def reload_catalog(self) -> None:
        """Read the catalog again (after an override) and keep the chosen trial."""
        current = self.trial_combo.currentData()
        self._catalog = dict(self._catalog_provider())
        self.trial_combo.blockSignals(True)
        self.trial_combo.clear()
        for trial in self._catalog.values():
            self.trial_combo.addItem(trial_choice_text(trial), trial.id)
        found = self.trial_combo.findData(current or "T08")
        if found < 0:
            found = next(
                (
                    i
                    for i in range(self.trial_combo.count())
                    if self._catalog[self.trial_combo.itemData(i)].has_deadlines
                ),
                0,
            )
        self.trial_combo.setCurrentIndex(found)
        self.trial_combo.blockSignals(False)
        self._trial_changed()

    def catalog_changed(self) -> bool:
        """True when the catalog read last is no longer the catalog (an override made since)."""
        return bool(self._catalog) and dict(self._catalog_provider()) != self._catalog

    def trial(self) -> Trial | None:
        return self._catalog.get(self.trial_combo.currentData())

    def set_trial(self, trial_id: str) -> None:
        """Choose a trial by its id."""
        self.trial_combo.setCurrentIndex(self.trial_combo.findData(trial_id))

    def _trial_changed(self) -> None:
        trial = self.trial()
        self.trial_combo.setToolTip(f"{trial.id} – {trial.title}" if trial else "")
        old = {name: box.editor.text() for name, box in self.date_boxes.items()}
        for row in (*self.date_boxes.values(), *self.date_labels):
            self.case_form.removeWidget(row)
            row.setParent(None)  # out of the window at once (a search for its labels finds it no more)
            row.deleteLater()
        self.date_boxes = {}
        self.date_labels = []
        if trial is None:
            self.events_box.set_kinds(None)
            return
        for case_date in trial.dates:
            edit = DateLineEdit()
            edit.setText(old.get(case_date.name, ""))
            edit.editingFinished.connect(self.changed)
            box = FieldBox(edit, default_hint(trial, case_date, edit.text()))
            keep_default_hint(box, trial, case_date)
            label = buddy_label(date_label(case_date) + ":", edit)
            add_label_above(self.case_form, label, box, index=2 * (len(self.date_boxes) + 1))  # after the trial's
            self.date_boxes[case_date.name] = box
            self.date_labels.append(label)
        set_tab_order(
            [
                self.trial_combo,
                *(b.editor for b in self.date_boxes.values()),
                self.today_edit,
                self.trial_end_edit,
                self.events_box.kind_combo,
            ]
        )
        self.trial_end_box.set_hint(f"Tom: katalogets slutdato {fmt(trial.period.effective_end)}")
        # as Registrer hændelse: never a kind only an import registers (a decision of unknown outcome)
        self.events_box.set_kinds(
            tuple(kind for kind in trial.events if kind not in IMPORTED_EVENTS), forms_count=trial.counts_talk_forms
        )
        self.changed.emit()

    def set_date(self, name: str, text: str) -> None:
        """Type text into the case date called name (for tests and callers that prefill)."""
        self.date_boxes[name].editor.setText(text)

    # ------------------------------------------------------------ reading the fields

    def boxes(self) -> dict[str, FieldBox[DateLineEdit]]:
        """Every date field by name: the trial's dates, "today" and "trial_end"."""
        return {**self.date_boxes, "today": self.today_box, "trial_end": self.trial_end_box}

    def typed_dates(self, trial: Trial) -> TypedDates:
        """The dates as typed, and a message for each that is wrong or required and missing."""
        errors: dict[str, str] = {}
        dates: dict[str, date] = {}
        for case_date in trial.dates:
            try:
                value = self.date_boxes[case_date.name].editor.date_value()
            except ValueError as exc:
                errors[case_date.name] = str(exc)
                continue
            if value is not None:
                dates[case_date.name] = value
        for lacking in missing_dates(trial, {*dates, *errors}):
            errors.setdefault(lacking[0].name, missing_date_message(lacking))
        today = _optional_date(self.today_edit, "today", errors)
        if today is None and "today" not in errors:
            errors["today"] = "Skriv datoen, fristerne skal beregnes pr."
        trial_end = _optional_date(self.trial_end_edit, "trial_end", errors)
        return dates, today, trial_end, errors

    def only_dates_missing(self, errors: Mapping[str, str]) -> bool:
        """True when every fault is a case date not typed yet (nothing to point at)."""
        return all(name in self.date_boxes and not self.date_boxes[name].editor.text().strip() for name in errors)


def _optional_date(edit: DateLineEdit, name: str, errors: dict[str, str]) -> date | None:
    try:
        return edit.date_value()
    except ValueError as exc:
        errors[name] = str(exc)
        return None
