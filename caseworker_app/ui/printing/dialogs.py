"""Print dialogs: the follow-up calendar and a citizen's plan, previewed, printed or saved as PDF.

Every page is built by printing.jobs (as `caseworker-app calendar` and `plan` build theirs); the
buttons that preview, print or save it are printing.job_dialog's.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ...core.calendar_selection import select_calendar
from ...core.periods import CUSTOM, PERIOD_LABELS_DA, preset_period
from ...core.workdays import fmt
from ...services.exporting import ExportError
from ...store import CaseNotFoundError, StoreError
from ..caseworker_filter import PRINT, CaseworkerChoice
from ..field_scroll import FieldScrollArea
from ..fields import DateLineEdit, FieldBox, buddy_label
from ..screen_fit import grow_to_content, grow_to_fields, resize_to_fit
from ..store_errors import error_text
from .document import LAYOUT_MONTHS, LAYOUT_WEEKS, PrintJob
from .job_dialog import PrintJobDialog
from .jobs import calendar_print_job, plan_print_job
from .save_paths import safe_file_name

if TYPE_CHECKING:  # a type only: no import of the store when this module loads
    from ...store.case_store import CaseStore


class CalendarPrintDialog(PrintJobDialog):
    """Print the follow-up calendar: period, filter and layout, then preview, print or PDF."""

    doc_title = "Opfølgningskalender"

    def __init__(
        self,
        store: CaseStore,
        *,
        today: Callable[[], date] = date.today,
        parent: QWidget | None = None,
        remember_in: QSettings | None = None,
    ):
        """remember_in: where the caseworker filter is remembered (the window's, as on its tabs);
        without it the dialog starts at "Alle sagsbehandlere"."""
        super().__init__(store, today, parent)
        self.setWindowTitle("Udskriv opfølgningskalender")
        self.items = store.deadlines(self.today())
        active = store.list_cases(include_closed=False)
        catalog = store.catalog()

        self.period_combo = QComboBox()
        for key, label in PERIOD_LABELS_DA.items():
            self.period_combo.addItem(label + (" …" if key == CUSTOM else ""), key)
        self.from_field = DateLineEdit()
        self.to_field = DateLineEdit()
        self.from_box = FieldBox(self.from_field)
        self.to_box = FieldBox(self.to_field)
        dates = QHBoxLayout()
        dates.addWidget(buddy_label("Fr&a:", self.from_field))
        dates.addWidget(self.from_box)
        dates.addWidget(buddy_label("&Til:", self.to_field))
        dates.addWidget(self.to_box)
        dates.addStretch(1)

        self.trial_combo = QComboBox()
        self.trial_combo.addItem("Alle forsøg", "")
        for trial_id in sorted({c.trial_id for c in active}):
            trial = catalog.get(trial_id)
            title = f"{trial_id} – {trial.short_title}" if trial else trial_id
            self.trial_combo.addItem(title, trial_id)
        # The Frister tab's choice: "Anne Jensen (mig)" first, and the choice of own or everyone's kept.
        self.caseworker_combo = CaseworkerChoice(remember_in, PRINT)
        self.caseworker_combo.set_names((c.caseworker for c in active), store.settings().caseworker_name)
        self.overdue_check = QCheckBox("Ku&n overskredne frister")  # K is "Luk"'s
        # On by default: a covering colleague must see what is late. Off, the page says how many are left out.
        self.before_check = QCheckBox("Medtag &overskredne frister fra før perioden")
        self.before_check.setChecked(True)

        self.weeks_radio = QRadioButton("&Liste pr. uge (stående)")
        self.months_radio = QRadioButton("&Månedsoversigt (liggende)")
        self.weeks_radio.setChecked(True)
        self.layout_group = QButtonGroup(self)
        self.layout_group.addButton(self.weeks_radio)
        self.layout_group.addButton(self.months_radio)

        period_box = QGroupBox("Periode")
        period_form = QFormLayout(period_box)
        period_form.addRow("&Periode:", self.period_combo)
        period_form.addRow(dates)
        filter_box = QGroupBox("Udvalg")
        filter_form = QFormLayout(filter_box)
        filter_form.addRow("&Forsøg:", self.trial_combo)
        filter_form.addRow("&Sagsbehandler:", self.caseworker_combo)
        filter_form.addRow(self.overdue_check)
        filter_form.addRow(self.before_check)
        layout_box = QGroupBox("Udseende")
        layout_column = QHBoxLayout(layout_box)  # side by side: the dialog fits a low screen
        layout_column.addWidget(self.weeks_radio)
        layout_column.addWidget(self.months_radio)
        layout_column.addStretch(1)
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)

        # The choices scroll when the screen is lower than they are (1366×768 at 150 % with 150 %
        # text: 485 px on 472); the buttons stay in view below them.
        fields = QWidget()
        self._fields_layout = QVBoxLayout(fields)
        self._fields_layout.setContentsMargins(0, 0, 0, 0)
        for part in (period_box, filter_box, layout_box, self.summary_label):
            self._fields_layout.addWidget(part)
        self.scroll_area = FieldScrollArea(fields, "Kalenderens valg")
        column = QVBoxLayout(self)
        column.addWidget(self.scroll_area, 1)
        column.addWidget(self.status_label)
        column.addLayout(self._button_row())

        self.period_combo.currentIndexChanged.connect(self._period_chosen)
        for field in (self.from_field, self.to_field):
            field.textChanged.connect(self._update_summary)
            field.editingFinished.connect(self.period)  # a wrong date is named at its field at once
        for combo in (self.trial_combo, self.caseworker_combo):
            combo.currentIndexChanged.connect(self._update_summary)
        for check in (self.overdue_check, self.before_check):
            check.toggled.connect(self._update_summary)
        self._period_chosen()
        resize_to_fit(self, 520, self.sizeHint().height())

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        grow_to_fields(self, self._fields_layout, self.scroll_area)

    # ------------------------------------------------------------ choices

    def _period_chosen(self) -> None:
        key = self.period_combo.currentData()
        custom = key == CUSTOM
        for field in (self.from_field, self.to_field):
            field.setReadOnly(not custom)
            field.setEnabled(custom)
        if not custom:
            start, end = preset_period(key, self.today())
            self.from_field.set_date(start)
            self.to_field.set_date(end)
        elif not self.from_field.text():
            self.from_field.setFocus()
        self._update_summary()

    def period(self) -> tuple[date, date] | None:
        """The chosen period; None (the message at the field) when a date is missing or wrong."""
        return self._read_period(show_errors=True)

    def _read_period(self, *, show_errors: bool) -> tuple[date, date] | None:
        """The period in the two fields; None when a date is missing or wrong, with the message at
        its field if show_errors (else nothing is said: the summary line while typing)."""
        values = []
        for box, name in ((self.from_box, "første"), (self.to_box, "sidste")):
            try:
                value = box.editor.date_value()
            except ValueError as exc:
                return self._period_error(box, str(exc), show_errors)
            if value is None:
                return self._period_error(box, f"Skriv periodens {name} dag som dd-mm-åååå.", show_errors)
            if show_errors:
                box.set_error(None)
            values.append(value)
        start, end = values
        if end < start:
            message = f"Perioden slutter {fmt(end)}, før den begynder {fmt(start)}."
            return self._period_error(self.to_box, message, show_errors)
        return start, end

    def _period_error(self, box: FieldBox, message: str, show: bool) -> None:
        if show:
            box.set_error(message)
            grow_to_content(self)  # the message's lines get their room (a window does not grow itself)

    def choices(self) -> dict:
        """The filter and layout as calendar_print_job takes them."""
        return {
            "trial": self.trial_combo.currentData() or None,
            "caseworker": self.caseworker_combo.caseworker() or None,
            "only_overdue": self.overdue_check.isChecked(),
            "include_overdue_before": self.before_check.isChecked(),
            "layout": LAYOUT_MONTHS if self.months_radio.isChecked() else LAYOUT_WEEKS,
        }

    def _update_summary(self) -> None:
        self.status_label.clear()  # "Gemt som …" was about the choices before this change
        period = self._read_period(show_errors=False)
        if period is None:
            self.summary_label.setText("Skriv periodens første og sidste dag som dd-mm-åååå.")
            return
        choices = self.choices()
        selection = select_calendar(
            self.items,
            *period,
            trial=choices["trial"],
            caseworker=choices["caseworker"],
            only_overdue=choices["only_overdue"],
            include_overdue_before=choices["include_overdue_before"],
        )
        text = selection.count_text  # the printed page's overview line says the same
        if selection.left_out_text:
            text += f" {selection.left_out_text}"
        self.summary_label.setText(text)

    # ------------------------------------------------------------ the job

    def job(self) -> PrintJob | None:
        period = self.period()
        if period is None:
            return None
        start, end = period
        return calendar_print_job(self.store, self.today(), start=start, end=end, **self.choices())

    def pdf_name(self) -> str:
        period = self._read_period(show_errors=False)
        span = f" {fmt(period[0])} til {fmt(period[1])}" if period else ""
        return f"Opfølgningskalender{span}.pdf"


class PlanPrintDialog(PrintJobDialog):
    """Print one citizen's plan, for the file (with rules) or to hand to the citizen."""

    doc_title = "Opfølgningsplan"

    def __init__(
        self,
        store: CaseStore,
        case_id: int,
        *,
        today: Callable[[], date] = date.today,
        parent: QWidget | None = None,
    ):
        super().__init__(store, today, parent)
        self.case_id = case_id
        self.case = store.get_case(case_id)
        self.setWindowTitle(f"Udskriv plan – {self.case.citizen} ({self.case.case_ref})")
        self.file_radio = QRadioButton("Til &sagen (med regler og almindelig regel)")
        self.citizen_radio = QRadioButton("Til &borgeren (kort forklaring, uden regeltekster)")
        self.file_radio.setChecked(True)
        self.audience_group = QButtonGroup(self)
        self.audience_group.addButton(self.file_radio)
        self.audience_group.addButton(self.citizen_radio)
        box = QGroupBox("Udgave")
        box_column = QVBoxLayout(box)
        box_column.addWidget(self.file_radio)
        box_column.addWidget(self.citizen_radio)
        who = QLabel(f"{self.case.citizen} – sag {self.case.case_ref}, forsøg {self.case.trial_id}")
        who.setTextFormat(Qt.TextFormat.PlainText)
        font = who.font()
        font.setBold(True)
        who.setFont(font)
        intro = QLabel(
            f"Sagens kommende frister med begrundelse, beregnet pr. {fmt(self.today())}. "
            "Ved tilbagevendende frister vises også de næste, hvis fristen overholdes."
        )
        intro.setWordWrap(True)
        column = QVBoxLayout(self)
        column.addWidget(who)
        column.addWidget(intro)
        column.addWidget(box)
        column.addWidget(self.status_label)
        column.addLayout(self._button_row())

    def job(self) -> PrintJob | None:
        return plan_print_job(self.store, self.case_id, self.today(), for_citizen=self.citizen_radio.isChecked())

    def pdf_name(self) -> str:
        return safe_file_name(f"Opfølgningsplan {self.case.citizen} {fmt(self.today())}") + ".pdf"


def print_case_plan(
    store: CaseStore, case_id: int, parent: QWidget | None = None, *, today: Callable[[], date] | None = None
) -> int:
    """Open the plan print dialog for one case (the case window's "Udskriv plan …")."""
    clock = today or getattr(store, "clock", date.today)
    try:
        dialog = PlanPrintDialog(store, case_id, today=clock, parent=parent)
        dialog.job()  # a closed case is explained before the dialog opens
    except CaseNotFoundError:
        raise  # deleted meanwhile: said by the window's handler (ui/store_errors.py case_gone)
    except (ExportError, StoreError) as exc:
        QMessageBox.warning(parent, "Udskriv plan", error_text(exc))
        return 0
    return dialog.exec()


def print_calendar(
    store: CaseStore, parent: QWidget | None = None, *, today: Callable[[], date], remember_in: QSettings | None = None
) -> int:
    """Open the calendar print dialog (the main window's Udskriv › Opfølgningskalender …)."""
    return CalendarPrintDialog(store, today=today, parent=parent, remember_in=remember_in).exec()


__all__ = ["CalendarPrintDialog", "PlanPrintDialog", "print_calendar", "print_case_plan"]
