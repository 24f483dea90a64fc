"""Udskriv › Evaluering …: the evaluation report for a period and trials, with a drill-down.

The figures are the ones the PDF, the spreadsheet and `report` show (services.evaluation); each
figure opens to the cases behind it by FASIT case number. The municipality's own texts for the
evaluation form's points 6-10 and the minutes per follow-up are saved with the report settings.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QTabWidget,
    QTreeWidget,
    QVBoxLayout,
    QWidget,
)

from ..core.collation import sorted_names
from ..core.evaluation_figures import Evaluation, EvaluationError, Period
from ..core.evaluation_scope import default_period, outside_trial, scope_note, trial_period
from ..core.workdays import fmt
from ..services.evaluation import (
    build_evaluation,
    counts_bytes,
    report_rows,
)
from ..store.evaluation_queries import (
    MAX_MINUTES,
    ReportSettings,
    load_report_settings,
    save_report_settings,
)
from .evaluation_figures_view import fill_figures, points_tab, summary_text
from .fields import DateLineEdit, FieldBox, buddy_label, name_control, set_tab_order
from .screen_fit import resize_to_fit
from .text_size import text_scale

if TYPE_CHECKING:  # a type only: no import of the store when this module loads
    from ..store.case_store import CaseStore

ALL_CASEWORKERS = "Alle sagsbehandlere"
JSON_FILTER = "Tal til koordinatoren (*.json)"
PROMPT = "Vælg periode og forsøg, og tryk Beregn."


class EvaluationDialog(QDialog):
    """Period, trials, caseworker and minutes; the figures with their cases; save as PDF/xlsx/json."""

    def __init__(self, store: CaseStore, *, today: Callable[[], date] = date.today, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self._today = today
        self.evaluation = None
        self.rows = []
        self.setWindowTitle("Evaluering")
        settings = load_report_settings(store)
        cases = store.list_cases(include_closed=True)
        self._catalog = store.catalog()
        opening = default_period(self._catalog, cases, today())

        # Typed dates are read by workdays.parse_date, as in every other date field (a QDateEdit read
        # '01-07-2020' typed over 01-01-2020 as 01-01-2020, and '010724' as 01-07-2021, silently).
        self.start = DateLineEdit(opening.start)
        self.end = DateLineEdit(opening.end)
        self.start_box = FieldBox(self.start)
        self.end_box = FieldBox(self.end)
        for box, name in ((self.start_box, "Periode fra"), (self.end_box, "Periode til")):
            name_control(box.editor, name)
            # A date's width for the field (not the form's); its message wraps in a box of its own width.
            box.editor.setMaximumWidth(round(box.editor.minimumWidth() * 1.6))
            box.setMaximumWidth(box.fontMetrics().averageCharWidth() * 45)
            # "til" just beside the first field; a message under it may widen its box.
            box.editor.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.caseworker = QComboBox()
        names = sorted_names({c.caseworker for c in cases if c.caseworker})
        self.caseworker.addItems([ALL_CASEWORKERS, *names])
        self.caseworker.setToolTip(
            "Sager uden sagsbehandler tælles kun under »Alle sagsbehandlere«, så ingen sag tælles to gange, "
            "når koordinatoren lægger filerne sammen."
        )
        own = store.settings().caseworker_name
        if own in names:
            self.caseworker.setCurrentText(own)
        self.minutes = QSpinBox()
        self.minutes.setRange(1, MAX_MINUTES)
        self.minutes.setValue(settings.minutes)
        self.minutes.setSuffix(" minutter pr. opfølgning")
        self.minutes.setToolTip("En antagelse til de frigjorte timer; den står altid ved tallet (standard 60).")
        # Each trial with rules, with its own period. The ticks follow the period (_follow_period):
        # a trial whose period lies outside it cannot be ticked, and one that comes inside it is
        # ticked when it has cases, so Beregn works at once.
        self.trials = QListWidget()
        self.trials.setAccessibleName("Forsøg")
        self._used = {c.trial_id for c in cases}
        self._inside: dict[str, bool] = {}
        for trial in self._catalog.values():
            if not trial.rules:
                continue
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, trial.id)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.trials.addItem(item)
        self._follow_period()
        for box in (self.start_box, self.end_box):
            box.editor.textChanged.connect(self._follow_period)
            # A wrong date is named under its field when the field is left, before Beregn.
            box.editor.editingFinished.connect(lambda box=box: self._date_left(box))

        # The choices have a tab of their own, so the figures get the window's height (a laptop at
        # 1366×768 with 150 % showed five rows of them under the choices); Beregn opens the figures.
        choices = QWidget()
        form = QFormLayout(choices)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        period = QHBoxLayout()
        period.addWidget(self.start_box, 0, Qt.AlignmentFlag.AlignTop)
        until = buddy_label("t&il", self.end)  # Alt+I: straight to the period's end
        until.setMinimumHeight(self.start.sizeHint().height())  # level with the fields' text
        period.addWidget(until, 0, Qt.AlignmentFlag.AlignTop)
        period.addWidget(self.end_box, 0, Qt.AlignmentFlag.AlignTop)
        period.addStretch()
        form.addRow(buddy_label("P&eriode fra:", self.start), period)
        form.addRow("&Sagsbehandler:", self.caseworker)
        form.addRow("&Frigjorte timer:", self.minutes)
        form.addRow("F&orsøg:", self.trials)
        self.compute_button = QPushButton("&Beregn")
        self.compute_button.clicked.connect(self.compute)
        self.summary = QLabel(PROMPT)
        self.summary.setWordWrap(True)

        self.tree = QTreeWidget()
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels(["Tal (åbn for sagerne bag)", "Værdi", "Forklaring"])
        self.tree.setAccessibleName("Tal og sager")
        self.tree.setColumnWidth(0, round(430 * text_scale()))
        self.tree.setColumnWidth(1, round(260 * text_scale()))
        points_scroll, self.texts = points_tab(settings.texts)
        self.tabs = QTabWidget()
        self.tabs.addTab(choices, "&Valg")
        self.tabs.addTab(self.tree, "T&al og sager")
        self.tabs.addTab(points_scroll, "&Kommunens tekst (punkt 6–10)")
        # Tab goes from field to field, not to the tab bar (Enter stays on Beregn); the tabs are
        # chosen with Alt+letter or Ctrl+Tab.
        self.tabs.tabBar().setFocusPolicy(Qt.FocusPolicy.NoFocus)

        self.pdf_button = QPushButton("Gem som &PDF …")
        self.xlsx_button = QPushButton("Gem som &regneark …")
        self.json_button = QPushButton("Gem &tal til koordinator …")
        self.pdf_button.clicked.connect(self.save_pdf)
        self.xlsx_button.clicked.connect(self.save_xlsx)
        self.json_button.clicked.connect(self.save_json)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("&Luk")
        buttons.rejected.connect(self.reject)
        for button in (self.compute_button, self.pdf_button, self.xlsx_button, self.json_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        # Enter computes (not "Luk"); Tab takes the buttons in the order they stand.
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setAutoDefault(False)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        # In the dialog before setDefault: only then is Beregn the default Enter goes back to when the
        # focus leaves another button (else Qt takes the first button after the focus at opening).
        self.compute_button.setDefault(True)
        set_tab_order(  # once the buttons are in the window
            [self.tree, self.compute_button, self.pdf_button, self.xlsx_button, self.json_button, close]
        )
        resize_to_fit(self, 1100, 700)
        self.start.selectAll()  # the window opens in "Periode fra": a date typed at once replaces the one shown

    # ------------------------------------------------------------ the figures

    def _read_date(self, box: FieldBox[DateLineEdit]) -> date | None:
        """The date in box's field; None with the Danish message under it when it is missing or wrong."""
        try:
            value = box.editor.date_value()
        except ValueError as exc:
            box.set_error(str(exc))
            return None
        first = box is self.start_box
        box.set_error(None if value else f"Skriv periodens {'første' if first else 'sidste'} dag som dd-mm-åååå.")
        return value

    def _date_left(self, box: FieldBox[DateLineEdit]) -> None:
        """A date field left: its message if wrong; a refusal above the tabs goes once both are right."""
        self._read_date(box)
        if self.evaluation is None and not (self.start_box.error() or self.end_box.error()):
            self.summary.setText(PROMPT)

    def _typed_period(self) -> tuple[date, date] | None:
        """The two dates as typed now, without a word (None while one is missing or not yet a date)."""
        try:
            start, end = self.start.date_value(), self.end.date_value()
        except ValueError:
            return None
        return (start, end) if start and end else None

    def _follow_period(self) -> None:
        """Let only trials whose period overlaps the chosen one be ticked; tick those that came inside
        it and have cases (a trial that stays inside keeps the user's choice)."""
        typed = self._typed_period()
        if typed is None:
            return  # a date half typed or wrong: the ticks wait for a real one
        start, end = typed
        if end < start:
            return  # an empty period: Beregn says so; the ticks wait for a real one
        period = Period(start, end)
        for i in range(self.trials.count()):
            item = self.trials.item(i)
            trial = self._catalog[item.data(Qt.ItemDataRole.UserRole)]
            why = outside_trial(trial, period)
            inside = not why
            text = f"{trial.id} {trial.short_title} (forsøget {trial_period(trial).text})"
            item.setText(text if inside else f"{text} – uden for perioden")
            item.setToolTip(why or scope_note(trial, period) or "Hele perioden ligger i forsøgets periode.")
            flags = item.flags()
            if inside:
                item.setFlags(flags | Qt.ItemFlag.ItemIsEnabled)
                if not self._inside.get(trial.id, False):
                    has_cases = trial.id in self._used
                    item.setCheckState(Qt.CheckState.Checked if has_cases else Qt.CheckState.Unchecked)
            else:
                item.setCheckState(Qt.CheckState.Unchecked)
                item.setFlags(flags & ~Qt.ItemFlag.ItemIsEnabled)
            self._inside[trial.id] = inside

    def chosen_trials(self) -> list[str]:
        return [
            self.trials.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.trials.count())
            if self.trials.item(i).checkState() == Qt.CheckState.Checked
            and self.trials.item(i).flags() & Qt.ItemFlag.ItemIsEnabled
        ]

    def chosen_caseworker(self) -> str:
        text = self.caseworker.currentText().strip()
        return "" if text == ALL_CASEWORKERS else text

    def compute(self) -> bool:
        """Count the report; a Danish message (and no figures) when it cannot be made."""
        days = [self._read_date(box) for box in (self.start_box, self.end_box)]
        for box, day in zip((self.start_box, self.end_box), days, strict=True):
            if day is None:
                self._refuse(f"{box.editor.accessibleName()}: {box.error()}")
                box.editor.setFocus()
                return False
        trials = self.chosen_trials()
        if not trials:
            self.tabs.setCurrentIndex(0)  # the choices, where the trials are ticked
            QMessageBox.warning(
                self,
                "Evaluering",
                "Vælg mindst ét forsøg. Et forsøg, der står som »uden for perioden«, kan ikke vælges: "
                "vælg en periode, der ligger i forsøgets periode.",
            )
            return False
        try:
            self.evaluation = build_evaluation(
                self.store,
                start=days[0],
                end=days[1],
                today=self._today(),
                trials=trials,
                caseworker=self.chosen_caseworker(),
                minutes=self.minutes.value(),
            )
            self.rows = report_rows(self.evaluation, self.store.catalog())
        except EvaluationError as exc:
            self._refuse(str(exc))
            return False
        self._fill_tree()
        if self.tabs.currentIndex() == 0:
            self.tabs.setCurrentWidget(self.tree)
        return True

    def _refuse(self, message: str) -> None:
        """No figures: the message above the tabs and in a box, the choices shown to correct."""
        self.evaluation, self.rows = None, []
        self.tree.clear()
        self.summary.setText(message)
        self.tabs.setCurrentIndex(0)
        QMessageBox.warning(self, "Evaluering", message)

    def _fill_tree(self) -> None:
        fill_figures(self.tree, self.rows)
        self.summary.setText(summary_text(self._computed(), [trial for trial, _ in self.rows]))

    # ------------------------------------------------------------ saving

    def report_settings(self) -> ReportSettings:
        return ReportSettings(self.minutes.value(), {n: edit.toPlainText() for n, edit in self.texts.items()})

    def save_settings(self) -> None:
        save_report_settings(self.store, self.report_settings())

    def done(self, result: int) -> None:  # noqa: D102 - Qt override: keep the texts on close
        self.save_settings()
        super().done(result)

    def _ready(self) -> bool:
        return self.compute()

    def _computed(self) -> Evaluation:
        """The evaluation compute() made (called once it returned True)."""
        assert self.evaluation is not None
        return self.evaluation

    def _name(self, ending: str) -> str:
        e = self._computed()
        return f"Evaluering {fmt(e.period.start)} til {fmt(e.period.end)}{ending}"

    def save_pdf(self, path=None) -> bool:
        if not self._ready():
            return False
        from .printing.evaluation import evaluation_print_job, write_evaluation_pdf
        from .printing.save_paths import PDF_FILTER, ask_save_path

        path = path or ask_save_path(self, "Gem evaluering som PDF", self._name(".pdf"), [PDF_FILTER])
        if path is None:
            return False
        self.save_settings()
        job = evaluation_print_job(
            self._computed(),
            self.rows,
            self.report_settings().texts,
            printed_on=self._today(),
            user=self.store.settings().caseworker_name,
        )
        return self._write(lambda: write_evaluation_pdf(path, job), path)

    def save_xlsx(self, path=None) -> bool:
        if not self._ready():
            return False
        from ..services.evaluation_output import report_workbook, write_report_xlsx
        from .printing.save_paths import XLSX_FILTER, ask_save_path

        path = path or ask_save_path(self, "Gem evaluering som regneark", self._name(".xlsx"), [XLSX_FILTER])
        if path is None:
            return False
        self.save_settings()
        book = report_workbook(
            self._computed(),
            self.rows,
            self.report_settings().texts,
            printed_on=self._today(),
            user=self.store.settings().caseworker_name,
        )
        return self._write(lambda: write_report_xlsx(path, book), path)

    def save_json(self, path=None) -> bool:
        if not self._ready():
            return False
        from ..core.atomic import atomic_write_bytes
        from .printing.save_paths import ask_save_path

        path = path or ask_save_path(self, "Gem tal til koordinatoren", self._name(".json"), [JSON_FILTER])
        if path is None:
            return False
        try:
            data = counts_bytes(self.store, self._computed())
        except EvaluationError as exc:
            QMessageBox.warning(self, "Evaluering", str(exc))
            return False
        return self._write(lambda: atomic_write_bytes(path, data), path)

    def _write(self, write, path) -> bool:
        from ..services.exporting import write_failure_text

        try:
            write()
        except OSError as exc:
            QMessageBox.warning(self, "Evaluering", write_failure_text(path, exc))
            return False
        QMessageBox.information(self, "Evaluering", f"Evalueringen er gemt i {path}.")
        return True


def show_evaluation_dialog(store: CaseStore, parent: QWidget | None = None, *, today=date.today) -> None:
    """Udskriv › Evaluering …"""
    EvaluationDialog(store, today=today, parent=parent).exec()
