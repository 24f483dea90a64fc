"""Print and export dialogs: the follow-up calendar, a citizen's plan, .ics and spreadsheets.

Every page is built by ui.print_jobs (as `caseworker-app calendar` and `plan` build theirs) and
painted by ui.printing for the preview, the printer and "Gem som PDF". Exports go through
caseworker_app.services.exporting, as the `export-ics` and `export` commands do.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths, Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ..core.atomic import WriteError
from ..core.calendar_view import select_calendar
from ..core.periods import CUSTOM, PERIOD_LABELS_DA, preset_period
from ..core.schedule import OVERDUE
from ..core.workdays import fmt
from ..services.exporting import (
    PDF_ENDINGS,
    ExportError,
    ExportResult,
    check_target,
    export_case_sheet,
    export_deadline_sheet,
    export_ics,
    omitted_text,
    write_failure_text,
)
from ..store import StoreError
from .fields import DateLineEdit, FieldBox, buddy_label
from .print_jobs import calendar_print_job, plan_print_job
from .printing import (
    LAYOUT_MONTHS,
    LAYOUT_WEEKS,
    PrintJob,
    pages_text,
    paint_job,
    setup_printer,
    write_pdf,
)
from .screen_fit import grow_to_content, resize_to_fit

FOLDER_KEY = "export/folder"
PDF_FILTER = "PDF-filer (*.pdf)"
ICS_FILTER = "Outlook-kalender (*.ics)"
XLSX_FILTER = "Excel-projektmappe (*.xlsx)"
CSV_FILTER = "CSV til Excel (*.csv)"


# ---------------------------------------------------------------- files


def _start_folder() -> Path:
    """The folder last saved to, else the user's documents folder."""
    saved = QSettings().value(FOLDER_KEY)
    if saved and Path(str(saved)).is_dir():
        return Path(str(saved))
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents and Path(documents).is_dir() else Path.home()


def ask_save_path(parent: QWidget | None, title: str, name: str, filters: list[str]) -> Path | None:
    """Ask where to save (Qt file dialog); the chosen filter's ending is added if none."""
    chosen, used_filter = QFileDialog.getSaveFileName(
        parent, title, str(_start_folder() / name), ";;".join(filters), filters[0]
    )
    if not chosen:
        return None
    path = Path(chosen)
    if not path.suffix:
        ending = (used_filter or filters[0]).rsplit("*", 1)[-1].rstrip(")")
        path = path.with_name(path.name + ending)
    QSettings().setValue(FOLDER_KEY, str(path.parent))
    return path


def _safe_name(text: str) -> str:
    """Text usable in a file name on Windows too."""
    return "".join("-" if ch in '<>:"/\\|?*' else ch for ch in text).strip() or "udskrift"


# ---------------------------------------------------------------- print dialogs


class _PrintDialog(QDialog):
    """A dialog with "Vis udskrift", "Udskriv …", "Gem som PDF …" and "Luk" for one print job."""

    doc_title = "Udskrift"

    def __init__(self, store, today: Callable[[], date], parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self._today = today
        self.last_pdf: Path | None = None
        self.preview_button = QPushButton("&Vis udskrift")
        self.print_button = QPushButton("&Udskriv …")
        self.pdf_button = QPushButton("&Gem som PDF …")
        self.close_button = QPushButton("Luk")
        self.preview_button.setDefault(True)
        self.preview_button.clicked.connect(self.preview)
        self.print_button.clicked.connect(self.print_)
        self.pdf_button.clicked.connect(self.save_pdf)
        self.close_button.clicked.connect(self.reject)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    def _button_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        for button in (self.preview_button, self.print_button, self.pdf_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.close_button)
        return row

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        grow_to_content(self)

    def today(self) -> date:
        return self._today()

    def job(self) -> PrintJob | None:
        """The pages to print now, or None (the reason shown) when the choices are not usable."""
        raise NotImplementedError

    def pdf_name(self) -> str:
        """The file name "Gem som PDF" suggests."""
        raise NotImplementedError

    def _job_or_message(self) -> PrintJob | None:
        try:
            return self.job()
        except (ExportError, StoreError) as exc:
            QMessageBox.warning(self, self.doc_title, str(exc))
            return None

    def preview(self) -> None:
        """Show the pages in Qt's print preview (from which they can be printed too)."""
        job = self._job_or_message()
        if job is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        setup_printer(printer, job)
        dialog = QPrintPreviewDialog(printer, self)
        dialog.setWindowTitle(f"Vis udskrift – {self.doc_title}")
        dialog.paintRequested.connect(lambda device: self._paint(job, device))
        resize_to_fit(dialog, 900, 1000)  # a page at full height where the screen allows
        self.preview_dialog = dialog
        dialog.exec()

    def print_(self) -> None:
        """Choose a printer in Qt's print dialog, then print."""
        job = self._job_or_message()
        if job is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        setup_printer(printer, job)
        printer.setDocName(self.doc_title)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(f"Udskriv – {self.doc_title}")
        self.print_dialog = dialog
        if dialog.exec() == QDialog.DialogCode.Accepted:
            pages = self._paint(job, printer)
            if pages:
                self.status_label.setText(f"Sendt til printeren ({pages_text(pages)}).")

    def save_pdf(self) -> None:
        """Ask for a file name and write the pages as a PDF (whole or not at all)."""
        job = self._job_or_message()
        if job is None:
            return
        path = ask_save_path(self, "Gem som PDF", self.pdf_name(), [PDF_FILTER])
        if path is None:
            return
        try:
            check_target(self.store, path, PDF_ENDINGS)
            pages = write_pdf(job, path)
        except ExportError as exc:
            QMessageBox.warning(self, "Gem som PDF", str(exc))
            return
        except OSError as exc:
            QMessageBox.warning(self, "Gem som PDF", write_failure_text(path, exc))
            return
        self.last_pdf = path
        self.status_label.setText(f"Gemt som {path} ({pages_text(pages)}).")

    def _paint(self, job: PrintJob, device: QPrinter) -> int:
        try:
            return paint_job(job, device)
        except WriteError as exc:
            QMessageBox.warning(self, self.doc_title, str(exc))
            return 0


class CalendarPrintDialog(_PrintDialog):
    """Print the follow-up calendar: period, filter and layout, then preview, print or PDF."""

    doc_title = "Opfølgningskalender"

    def __init__(
        self,
        store,
        *,
        today: Callable[[], date] = date.today,
        parent: QWidget | None = None,
        remember_in: QSettings | None = None,
    ):
        """remember_in: where the caseworker filter is remembered (the window's); without it the
        dialog starts at "Alle sagsbehandlere"."""
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
        self.caseworker_combo = QComboBox()
        self.caseworker_combo.addItem("Alle sagsbehandlere", "")
        for name in sorted({c.caseworker for c in active if c.caseworker}, key=str.casefold):
            self.caseworker_combo.addItem(name, name)
        if remember_in is not None:
            from .caseworker_filter import start_with_own

            start_with_own(self.caseworker_combo, remember_in, store.settings().caseworker_name)
        self.overdue_check = QCheckBox("&Kun overskredne frister")

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
        layout_box = QGroupBox("Udseende")
        layout_column = QHBoxLayout(layout_box)  # side by side: the dialog fits a low screen
        layout_column.addWidget(self.weeks_radio)
        layout_column.addWidget(self.months_radio)
        layout_column.addStretch(1)
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)

        column = QVBoxLayout(self)
        column.addWidget(period_box)
        column.addWidget(filter_box)
        column.addWidget(layout_box)
        column.addWidget(self.summary_label)
        column.addWidget(self.status_label)
        column.addLayout(self._button_row())

        self.period_combo.currentIndexChanged.connect(self._period_chosen)
        for field in (self.from_field, self.to_field):
            field.textChanged.connect(self._update_summary)
        for combo in (self.trial_combo, self.caseworker_combo):
            combo.currentIndexChanged.connect(self._update_summary)
        self.overdue_check.toggled.connect(self._update_summary)
        self._period_chosen()
        self.resize(520, self.sizeHint().height())

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
        values = []
        for box, name in ((self.from_box, "første"), (self.to_box, "sidste")):
            try:
                value = box.editor.date_value()
            except ValueError as exc:
                box.set_error(str(exc))
                return None
            if value is None:
                box.set_error(f"Skriv periodens {name} dag som dd-mm-åååå.")
                return None
            box.set_error(None)
            values.append(value)
        start, end = values
        if end < start:
            self.to_box.set_error(f"Perioden slutter {fmt(end)}, før den begynder {fmt(start)}.")
            return None
        return start, end

    def choices(self) -> dict:
        """The filter and layout as calendar_print_job takes them."""
        return {
            "trial": self.trial_combo.currentData() or None,
            "caseworker": self.caseworker_combo.currentData() or None,
            "only_overdue": self.overdue_check.isChecked(),
            "layout": LAYOUT_MONTHS if self.months_radio.isChecked() else LAYOUT_WEEKS,
        }

    def _update_summary(self) -> None:
        period = self._quiet_period()
        if period is None:
            self.summary_label.setText("")
            return
        choices = self.choices()
        selection = select_calendar(
            self.items,
            *period,
            trial=choices["trial"],
            caseworker=choices["caseworker"],
            only_overdue=choices["only_overdue"],
        )
        count = len(selection.items)
        overdue = sum(1 for i in selection.items if i.deadline.status == OVERDUE)
        text = f"{count} {'frist' if count == 1 else 'frister'} i perioden"
        if overdue:
            text += f", heraf {overdue} overskredet"
        if selection.overdue_before:
            text += f" – og {len(selection.overdue_before)} overskredet før perioden"
        self.summary_label.setText(text + ".")

    def _quiet_period(self) -> tuple[date, date] | None:
        try:
            start, end = self.from_field.date_value(), self.to_field.date_value()
        except ValueError:
            return None
        if start is None or end is None or end < start:
            return None
        return start, end

    # ------------------------------------------------------------ the job

    def job(self) -> PrintJob | None:
        period = self.period()
        if period is None:
            return None
        start, end = period
        return calendar_print_job(self.store, self.today(), start=start, end=end, **self.choices())

    def pdf_name(self) -> str:
        period = self._quiet_period()
        span = f" {fmt(period[0])} til {fmt(period[1])}" if period else ""
        return f"Opfølgningskalender{span}.pdf"


class PlanPrintDialog(_PrintDialog):
    """Print one citizen's plan, for the file (with rules) or to hand to the citizen."""

    doc_title = "Opfølgningsplan"

    def __init__(
        self,
        store,
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
        return plan_print_job(
            self.store, self.case_id, self.today(), for_citizen=self.citizen_radio.isChecked()
        )

    def pdf_name(self) -> str:
        return _safe_name(f"Opfølgningsplan {self.case.citizen} {fmt(self.today())}") + ".pdf"


def print_case_plan(
    store, case_id: int, parent: QWidget | None = None, *, today: Callable[[], date] | None = None
) -> int:
    """Open the plan print dialog for one case (the case window's "Udskriv plan …")."""
    clock = today or getattr(store, "clock", date.today)
    try:
        dialog = PlanPrintDialog(store, case_id, today=clock, parent=parent)
        dialog.job()  # a closed or vanished case is explained before the dialog opens
    except (ExportError, StoreError) as exc:
        QMessageBox.warning(parent, "Udskriv plan", str(exc))
        return 0
    return dialog.exec()


def print_calendar(
    store, parent: QWidget | None = None, *, today: Callable[[], date], remember_in: QSettings | None = None
) -> int:
    """Open the calendar print dialog (the main window's Udskriv › Opfølgningskalender …)."""
    return CalendarPrintDialog(store, today=today, parent=parent, remember_in=remember_in).exec()


# ---------------------------------------------------------------- exports


def _export(
    parent: QWidget | None,
    title: str,
    name: str,
    filters: list[str],
    write: Callable[[Path], ExportResult],
    done: Callable[[ExportResult], str],
) -> ExportResult | None:
    path = ask_save_path(parent, title, name, filters)
    if path is None:
        return None
    try:
        result = write(path)
    except (ExportError, StoreError) as exc:
        QMessageBox.warning(parent, title, str(exc))
        return None
    except OSError as exc:
        QMessageBox.warning(parent, title, write_failure_text(path, exc))
        return None
    QMessageBox.information(parent, title, done(result))
    return result


def _count(number: int, one: str, many: str) -> str:
    return f"1 {one}" if number == 1 else f"{number} {many}"


def export_ics_dialog(
    store, parent: QWidget | None = None, *, today: Callable[[], date] = date.today, caseworker: str = ""
) -> ExportResult | None:
    """Filer › Eksportér til Outlook (.ics) …: the current deadlines (of caseworker) as calendar events."""

    def done(result: ExportResult) -> str:
        moved = (
            f" {_count(result.moved, 'frist har', 'frister har')} fået ny dato siden sidst."
            if result.moved
            else ""
        )
        omitted = omitted_text(result)  # Outlook will not show these: say so in the same message
        chosen = f" {result.chosen_text()}" if result.chosen else ""
        return (
            f"{_count(result.count, 'frist', 'frister')} er gemt i {result.path}.{chosen}{moved}\n\n"
            + (f"⚠ {omitted}\n\n" if omitted else "")
            + "Åbn filen i Outlook for at få fristerne i kalenderen. Eksporterer du igen senere, "
            "beholder hver frist sit id, så en flyttet frist opdateres frem for at blive dobbelt."
        )

    return _export(
        parent,
        "Eksportér til Outlook",
        "Opfølgningsfrister.ics",
        [ICS_FILTER],
        lambda path: export_ics(store, path, today(), caseworker=caseworker),
        done,
    )


def export_deadlines_dialog(
    store, parent: QWidget | None = None, *, today: Callable[[], date] = date.today, caseworker: str = ""
) -> ExportResult | None:
    """Filer › Eksportér frister til regneark …: the deadline list as .xlsx or .csv."""
    return _export(
        parent,
        "Eksportér frister til regneark",
        f"Frister {fmt(today())}.xlsx",
        [XLSX_FILTER, CSV_FILTER],
        lambda path: export_deadline_sheet(store, path, today(), caseworker=caseworker),
        lambda r: f"{_count(r.count, 'frist', 'frister')} er gemt i {r.path}."
        + (f" {r.chosen_text()}" if r.chosen else ""),
    )


def export_cases_dialog(
    store, parent: QWidget | None = None, *, today: Callable[[], date] = date.today, caseworker: str = ""
) -> ExportResult | None:
    """Filer › Eksportér sagsliste til regneark …: every case (closed too) as .xlsx or .csv."""
    return _export(
        parent,
        "Eksportér sagsliste til regneark",
        f"Sager {fmt(today())}.xlsx",
        [XLSX_FILTER, CSV_FILTER],
        lambda path: export_case_sheet(store, path, caseworker=caseworker),
        lambda r: f"{_count(r.count, 'sag', 'sager')} er gemt i {r.path} (også afsluttede sager)."
        + (f" {r.chosen_text()}" if r.chosen else ""),
    )


__all__ = [
    "CalendarPrintDialog",
    "PlanPrintDialog",
    "ask_save_path",
    "export_cases_dialog",
    "export_deadlines_dialog",
    "export_ics_dialog",
    "print_calendar",
    "print_case_plan",
]
