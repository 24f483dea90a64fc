"""The case form ("Sagen"): citizen, FASIT number, CPR (masked until asked for), trial, the dates
that trial needs (rebuilt when the trial changes), caseworker and remark; a closed case's status
above them. The window around it loads, validates and saves; the form shows and reads."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...core.cases import CLOSED
from ...core.catalog import Trial
from ...core.cpr import format_cpr, mask_cpr
from ...core.note_conditions import condition_problems
from ...core.participation import participation_warning
from ...core.text import clean_line
from ...core.validation import future_date_hints, parse_case_dates
from ...core.workdays import fmt
from ..fields import DateLineEdit, FieldBox, buddy_label, set_tab_order, text_box, with_alt_letters
from ..trial_texts import date_label, default_hint, keep_default_hint, trial_choice_text

if TYPE_CHECKING:  # a type only: no import of the store when this module loads
    from ...store.case_store import CaseStore

# The Alt-letters the case window's other fields and buttons use, in any state (Vis/Skjul, Afslut/Genåbn,
# Registrer opfølgning/hændelse): a trial's date fields take other letters, the same whatever the state.
CASE_WINDOW_LETTERS = set("bsrfdmvk" + "ohtjuaåegl")


# The trial field of a new case until one is chosen (saving asks for one: "Vælg et forsøg").
CHOOSE_TRIAL = "Vælg forsøg …"


class DateLabel(QLabel):
    """A date's label above its field: one line when it fits the field's width (its maximum width,
    set by the form), else wrapped to that width. QFormLayout lays a label above its field out at
    the label's preferred width: "Forlængelsens start (uden forelæggelse for
    rehabiliteringsteamet):" made the form 640 px of the 911 px case window (1366×768, 150 % with
    150 % text), the deadlines beside it 240 px, scrolled sideways."""

    def __init__(self, text: str):
        super().__init__(text)
        self.setWordWrap(True)

    def sizeHint(self) -> QSize:  # noqa: D102 - Qt override
        margins = self.contentsMargins()
        line = self.fontMetrics().horizontalAdvance(self.text().replace("&", "")) + margins.left() + margins.right()
        width = min(line + 1, self.maximumWidth())
        return QSize(width, self.heightForWidth(width))


class CaseForm(QGroupBox):
    """The case's fields, labels above them; boxes and date_boxes by field name (for messages)."""

    def __init__(self, store: CaseStore, *, today: Callable[[], date], parent: QWidget):
        super().__init__("Sagen", parent)
        self.store = store
        self._today = today
        self.date_boxes: dict[str, FieldBox[DateLineEdit]] = {}
        self._date_labels: list[QLabel] = []
        self._cpr: str | None = None

        self.citizen_edit = QLineEdit()
        self.case_ref_edit = QLineEdit()
        self.cpr_edit = QLineEdit()
        self.cpr_edit.setPlaceholderText("ddmmåå-xxxx")
        self.cpr_edit.setMaxLength(11)
        self.cpr_button = QToolButton()
        self.cpr_button.setText("&Vis")
        self.cpr_button.setCheckable(True)
        self.cpr_button.setToolTip("Vis hele CPR-nummeret for at se eller rette det")
        self.cpr_button.toggled.connect(self._cpr_toggled)
        cpr_row = QWidget()
        cpr_layout = QHBoxLayout(cpr_row)
        cpr_layout.setContentsMargins(0, 0, 0, 0)
        cpr_layout.addWidget(self.cpr_edit, 1)
        cpr_layout.addWidget(self.cpr_button)
        self.trial_combo = QComboBox()
        self.trial_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.trial_combo.setMinimumContentsLength(24)
        self.caseworker_edit = QLineEdit()
        self.note_edit = text_box()
        self.note_edit.setFixedHeight(parent.fontMetrics().lineSpacing() * 4 + 12)
        self.trial_status = QLabel()
        self.trial_status.setWordWrap(True)

        self.boxes: dict[str, FieldBox] = {
            "citizen": FieldBox(self.citizen_edit),
            "case_ref": FieldBox(self.case_ref_edit),
            "cpr": FieldBox(cpr_row),
            "trial_id": FieldBox(self.trial_combo),
            "caseworker": FieldBox(self.caseworker_edit),
            "note": FieldBox(self.note_edit),
        }
        self.boxes["cpr"].editor = self.cpr_edit  # focus and messages go to the line edit itself

        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.hide()

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)  # labels above: full-width fields
        form.addRow(buddy_label("&Borger:", self.citizen_edit), self.boxes["citizen"])
        form.addRow(buddy_label("FASIT-&sagsnummer:", self.case_ref_edit), self.boxes["case_ref"])
        form.addRow(buddy_label("CP&R-nummer (valgfrit):", self.cpr_edit), self.boxes["cpr"])
        form.addRow(buddy_label("&Forsøg:", self.trial_combo), self.boxes["trial_id"])
        form.addRow(self.trial_status)
        self.dates_first_row = form.rowCount()
        form.addRow(buddy_label("Sagsbehan&dler:", self.caseworker_edit), self.boxes["caseworker"])
        form.addRow(buddy_label("Be&mærkning:", self.note_edit), self.boxes["note"])
        self.form = form

        group_layout = QVBoxLayout(self)
        group_layout.addWidget(self.status_label)
        group_layout.addLayout(form)
        group_layout.addStretch(1)
        self.trial_combo.currentIndexChanged.connect(self._trial_changed)

    # ------------------------------------------------------------ filling

    def fill(self, case, settings) -> None:
        """Show the saved case (None: an empty form for a new case, the caseworker's own name)."""
        self.trial_combo.blockSignals(True)
        self.trial_combo.clear()
        # Trials without deadlines last ("(ingen frister)"): their cases are kept for the journal
        # notes that cite the order (Forsøget anvendt), as the import keeps them.
        trials = sorted(self.store.catalog().values(), key=lambda trial: not trial.has_deadlines)
        for trial in trials:
            self.trial_combo.addItem(trial_choice_text(trial), trial.id)
        if case is not None and self.trial_combo.findData(case.trial_id) < 0:
            self.trial_combo.addItem(f"{case.trial_id} (findes ikke i kataloget)", case.trial_id)
        if case is None:
            # A new case's trial is chosen, never assumed: one left as it came got that trial's
            # deadlines (a tester: every new case started in T08, which ended 31-12-2025).
            self.trial_combo.insertItem(0, CHOOSE_TRIAL, "")
        self.trial_combo.setCurrentIndex(max(0, self.trial_combo.findData(case.trial_id if case else "")))
        self.trial_combo.blockSignals(False)

        if case is None:
            self.citizen_edit.clear()
            self.case_ref_edit.clear()
            self.caseworker_edit.setText(settings.caseworker_name)
            self.note_edit.clear()
            self._cpr = None
        else:
            self.citizen_edit.setText(case.citizen)
            self.case_ref_edit.setText(case.case_ref)
            self.caseworker_edit.setText(case.caseworker)
            self.note_edit.setPlainText(case.note)
            self._cpr = case.cpr
        self.cpr_button.blockSignals(True)
        self.cpr_button.setChecked(False)
        self.cpr_button.blockSignals(False)
        self._show_cpr()
        self._trial_changed(keep_typed=False)
        if case is not None:
            for name, day in case.dates.items():
                if name in self.date_boxes:
                    self.date_boxes[name].editor.set_date(day)

    def trial(self) -> Trial | None:
        """The trial chosen in the form (not necessarily the saved one)."""
        return self.store.catalog().get(self.trial_combo.currentData())

    def _trial_changed(self, *args, keep_typed: bool = True) -> None:
        trial = self.trial()
        self.trial_combo.setToolTip(f"{trial.id} – {trial.title}" if trial else "")
        status = trial.status_text(self._today()) if trial else ""
        # Decision 17: a trial the settings' municipality is not named in warns; the case is saved all the same.
        warning = participation_warning(trial, self.store.settings().municipality) if trial else ""
        self.trial_status.setText(f"{status}\n⚠ {warning}" if warning else status)
        names = [d.name for d in trial.dates] if trial else []
        if trial is not None and names == list(self.date_boxes):
            # Same dates: keep the fields (and what is typed in them) rather than rebuild them.
            for case_date in trial.dates:
                box = self.date_boxes[case_date.name]
                if not keep_typed:
                    box.editor.clear()
                box.set_hint(default_hint(trial, case_date, box.editor.text()))
            return
        typed = {name: box.editor.text() for name, box in self.date_boxes.items()} if keep_typed else {}
        for box in self.date_boxes.values():
            self.form.removeRow(box)
        self.date_boxes, self._date_labels = {}, []
        if trial is None:
            return
        labels = with_alt_letters([date_label(d) + ":" for d in trial.dates], CASE_WINDOW_LETTERS)
        for row, (case_date, label) in enumerate(zip(trial.dates, labels, strict=True)):
            edit = DateLineEdit()
            edit.setText(typed.get(case_date.name, ""))
            box = FieldBox(edit, default_hint(trial, case_date, edit.text()))
            keep_default_hint(box, trial, case_date)
            edit.editingFinished.connect(self.show_condition_hints)
            self.date_boxes[case_date.name] = box
            title = DateLabel(label)
            buddy_label(label, edit, title)
            self._date_labels.append(title)
            self.form.insertRow(self.dates_first_row + row, title, box)
        self._wrap_date_labels()
        # Tab goes down the form as it is shown, the new date fields in their place.
        set_tab_order(
            [
                self.citizen_edit,
                self.case_ref_edit,
                self.cpr_edit,
                self.cpr_button,
                self.trial_combo,
                *(b.editor for b in self.date_boxes.values()),
                self.caseworker_edit,
                self.note_edit,
            ]
        )

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._wrap_date_labels()

    def _wrap_date_labels(self) -> None:
        """A date's label wraps to the width of the fields under it (DateLabel)."""
        width = self.boxes["citizen"].width()
        if width > 0:
            for label in self._date_labels:
                label.setMaximumWidth(width)

    def show_condition_hints(self) -> None:
        """Say at the date field when the dates show a trial condition does not hold (decision 15),
        or when a date lies in the future (a warning: the case can still be saved)."""
        trial = self.trial()
        if trial is None:
            return
        dates, _ = parse_case_dates(self.typed_dates())
        problems = future_date_hints(dates, self._today())
        if trial.note_conditions:
            problems.update(condition_problems(trial, dates))
        for case_date in trial.dates:
            box = self.date_boxes.get(case_date.name)
            if box is not None:
                problem = problems.get(case_date.name)
                box.set_hint(f"⚠ {problem}" if problem else default_hint(trial, case_date, box.editor.text()))

    def show_status(self, case) -> None:
        """A closed case says so above its fields: when and why."""
        if case is None or case.status != CLOSED:
            self.status_label.hide()
            return
        closed_on = case.extra.get("closed_on")
        end_text = case.extra.get("end_text")
        text = f"Sagen er afsluttet {fmt(closed_on)}: {case.end_reason}" + (f" – {end_text}" if end_text else "")
        self.status_label.setText("■ " + text)
        self.status_label.show()

    # ------------------------------------------------------------ CPR

    def _show_cpr(self) -> None:
        revealed = self.cpr_button.isChecked() or not self._cpr
        self.cpr_edit.setReadOnly(not revealed)
        self.cpr_edit.setText(format_cpr(self._cpr) if revealed and self._cpr else mask_cpr(self._cpr))
        self.cpr_button.setText("S&kjul" if self.cpr_button.isChecked() else "&Vis")
        self.cpr_button.setEnabled(bool(self._cpr))

    def _cpr_toggled(self, revealed: bool) -> None:
        if not revealed:
            self._cpr = self.typed_cpr()
        self._show_cpr()

    def typed_cpr(self) -> str | None:
        """The CPR number as typed; the saved one while it is shown masked."""
        if self.cpr_edit.isReadOnly():
            return self._cpr
        return self.cpr_edit.text().strip() or None

    # ------------------------------------------------------------ reading

    def typed_dates(self) -> dict[str, str]:
        """The trial's dates as typed, by name (not yet checked)."""
        return {name: box.editor.text().strip() for name, box in self.date_boxes.items()}

    def state(self) -> tuple:
        """What the form holds, to compare with what was loaded (unsaved changes)."""
        cpr = "".join(ch for ch in (self.typed_cpr() or "") if ch.isdigit())
        return (
            clean_line(self.citizen_edit.text()),
            clean_line(self.case_ref_edit.text()),
            cpr,
            self.trial_combo.currentData(),
            clean_line(self.caseworker_edit.text()),
            self.note_edit.toPlainText(),
            tuple(sorted((n, b.editor.text().strip()) for n, b in self.date_boxes.items())),
        )
