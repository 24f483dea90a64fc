"""The "Fristberegner" tab: `caseworker-app schedule` in the window; nothing is saved."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.catalog import EVENT_NAMES, Trial
from ..core.schedule import Event
from ..core.workdays import fmt
from ..services.calculator import calculate, trial_status_text
from .case_deadlines_model import DeadlineTableColumn, DeadlineTableModel, deadline_html, plain_text
from .fields import DateLineEdit, FieldBox, buddy_label, set_tab_order
from .text_size import text_scale


def trial_choice_text(trial: Trial) -> str:
    """'T08 – Førtidspensionister i løntilskud', noting a trial without deadlines."""
    text = f"{trial.id} – {trial.short_title}"
    return text if trial.has_deadlines else f"{text} (ingen frister)"


def date_label(case_date) -> str:
    """A case date's label with '(valgfri)' for optional ones."""
    return case_date.label + ("" if case_date.required else " (valgfri)")


def default_hint(trial: Trial, case_date) -> str:
    """'Ukendt: ansættelse i løntilskud bruges' for a date that falls back on another."""
    if not case_date.default_from:
        return ""
    source = next((d.label for d in trial.dates if d.name == case_date.default_from), case_date.default_from)
    return f"Ukendt: {source.lower()} bruges"


class CalculatorView(QWidget):
    """Pick a trial, type its dates and events, see the engine's deadlines; nothing is saved."""

    def __init__(self, catalog_provider: Callable[[], Mapping[str, Trial]], *, today: Callable[[], date]):
        super().__init__()
        self._catalog_provider = catalog_provider
        self._today = today
        self._catalog: dict[str, Trial] = {}
        self.date_boxes: dict[str, FieldBox[DateLineEdit]] = {}
        self.events: list[Event] = []

        # ---- the case (left)
        self.trial_combo = QComboBox()
        self.trial_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.trial_combo.setMinimumContentsLength(28)
        self.trial_box = FieldBox(self.trial_combo)
        self.today_edit = DateLineEdit(today())
        self.today_box = FieldBox(self.today_edit)
        self.trial_end_edit = DateLineEdit()
        self.trial_end_box = FieldBox(self.trial_end_edit)

        case_group = QGroupBox("Sagen")
        case_form = QFormLayout(case_group)
        case_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        case_form.addRow(buddy_label("Fors&øg:", self.trial_combo), self.trial_box)
        self.case_form = case_form
        case_form.addRow(buddy_label("Beregn &pr.:", self.today_edit), self.today_box)
        case_form.addRow(buddy_label("Forsøgets s&lutdato (valgfri):", self.trial_end_edit), self.trial_end_box)

        # ---- events (left, below)
        self.event_kind = QComboBox()
        self.event_date = DateLineEdit()
        self.event_full = QCheckBox("fuld opfølgn&ing")
        self.event_full.setToolTip("En henvendelse mellem opfølgninger tæller kun som opfølgning, når den er markeret")
        self.add_event_button = QPushButton("&Tilføj hændelse")
        self.event_date_box = FieldBox(self.event_date)
        self.event_table = QTableWidget(0, 3)
        self.event_table.setHorizontalHeaderLabels(("Dato", "Hændelse", "Fuld opfølgning"))
        self.event_table.setAccessibleName("Hændelser i beregningen")
        self.event_table.verticalHeader().hide()
        self.event_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.event_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.event_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.remove_event_button = QPushButton("Fje&rn valgte")
        self.clear_events_button = QPushButton("Ryd alle")

        events_group = QGroupBox("Hændelser")
        events_layout = QVBoxLayout(events_group)
        events_form = QFormLayout()
        events_form.addRow(buddy_label("Hæ&ndelse:", self.event_kind), self.event_kind)
        events_form.addRow(buddy_label("&Dato:", self.event_date), self.event_date_box)
        events_form.addRow("", self.event_full)
        events_layout.addLayout(events_form)
        events_layout.addWidget(self.add_event_button, 0, Qt.AlignmentFlag.AlignRight)
        events_layout.addWidget(self.event_table, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.remove_event_button)
        buttons.addWidget(self.clear_events_button)
        events_layout.addLayout(buttons)

        self.calculate_button = QPushButton("&Beregn")
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(case_group)
        left_layout.addWidget(events_group, 1)
        # The list takes the room that is left, so the form fits without a scroll bar.
        self.event_table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        self.event_table.setMinimumHeight(60)

        # ---- result (right)
        self.result_title = QLabel()
        self.result_title.setWordWrap(True)
        self.result_title.setTextFormat(Qt.TextFormat.PlainText)
        font = self.result_title.font()
        font.setBold(True)
        self.result_title.setFont(font)
        self.result_note = QLabel()
        self.result_note.setWordWrap(True)
        self.result_note.setTextFormat(Qt.TextFormat.PlainText)
        self.result_model = DeadlineTableModel(self)
        self.result_view = QTableView()
        self.result_view.setModel(self.result_model)
        self.result_view.setAccessibleName("Beregnede frister")
        self.result_view.setWordWrap(True)
        self.result_view.verticalHeader().hide()
        self.result_view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.result_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.result_view.setAlternatingRowColors(True)
        header = self.result_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((95, 90, 140, 110, 150)):
            header.resizeSection(column, round(width * text_scale()))
        # Rule and citation are long: they are shown in full under the table for the chosen row.
        self.result_view.setColumnHidden(DeadlineTableColumn.RULE, True)
        self.result_view.setColumnHidden(DeadlineTableColumn.CITATION, True)
        self.result_detail = QLabel()
        self.result_detail.setWordWrap(True)
        self.result_detail.setTextFormat(Qt.TextFormat.RichText)
        self.result_detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result_detail.setFrameShape(QFrame.Shape.StyledPanel)
        self.result_detail.setContentsMargins(6, 6, 6, 6)
        footer = QLabel("Intet gemmes her: fristberegneren er til afprøvning. Opret en sag for at følge en borger.")
        footer.setWordWrap(True)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(self.result_title)
        right_layout.addWidget(self.result_view, 1)
        right_layout.addWidget(self.result_detail)
        right_layout.addWidget(self.result_note)
        right_layout.addWidget(footer)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        left_scroll = QScrollArea()  # the form may be taller than a small screen
        left_scroll.setWidgetResizable(True)
        left_scroll.setFrameShape(QFrame.Shape.NoFrame)
        left_scroll.setWidget(left)
        left_scroll.setAccessibleName("Sagens datoer og hændelser")
        left_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to its fields, which it scrolls into view
        left_scroll.setMinimumWidth(left.sizeHint().width() + 20)
        left_panel = QWidget()
        left_panel_layout = QVBoxLayout(left_panel)
        left_panel_layout.setContentsMargins(0, 0, 0, 0)
        left_panel_layout.addWidget(left_scroll, 1)
        left_panel_layout.addWidget(self.calculate_button)
        splitter.addWidget(left_panel)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([360, 840])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self.trial_combo.currentIndexChanged.connect(self._trial_changed)
        self.add_event_button.clicked.connect(self.add_event)
        self.event_date.returnPressed.connect(self.add_event)
        self.remove_event_button.clicked.connect(self.remove_selected_event)
        self.clear_events_button.clicked.connect(self.clear_events)
        QShortcut(
            QKeySequence.StandardKey.Delete,
            self.event_table,
            self.remove_selected_event,
            context=Qt.ShortcutContext.WidgetShortcut,
        )
        self.calculate_button.clicked.connect(self.calculate)
        self.result_view.selectionModel().currentRowChanged.connect(self._show_detail)
        self.event_kind.currentIndexChanged.connect(self._kind_changed)
        for edit in (self.today_edit, self.trial_end_edit):
            edit.editingFinished.connect(self.calculate)
        self.reload_catalog()

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

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        # An override made in the "Forsøg" tab must show here too.
        if self._catalog and dict(self._catalog_provider()) != self._catalog:
            self.reload_catalog()
        super().showEvent(event)

    def trial(self) -> Trial | None:
        return self._catalog.get(self.trial_combo.currentData())

    def set_trial(self, trial_id: str) -> None:
        """Choose a trial by its id."""
        self.trial_combo.setCurrentIndex(self.trial_combo.findData(trial_id))

    def _trial_changed(self) -> None:
        trial = self.trial()
        self.trial_combo.setToolTip(f"{trial.id} – {trial.title}" if trial else "")
        old = {name: box.editor.text() for name, box in self.date_boxes.items()}
        for box in self.date_boxes.values():
            self.case_form.removeRow(box)
        self.date_boxes = {}
        self.event_kind.clear()
        if trial is None:
            return
        for case_date in trial.dates:
            edit = DateLineEdit()
            edit.setText(old.get(case_date.name, ""))
            edit.editingFinished.connect(self.calculate)
            box = FieldBox(edit, default_hint(trial, case_date))
            self.date_boxes[case_date.name] = box
            self.case_form.insertRow(len(self.date_boxes), buddy_label(date_label(case_date) + ":", edit), box)
        set_tab_order(
            [
                self.trial_combo,
                *(b.editor for b in self.date_boxes.values()),
                self.today_edit,
                self.trial_end_edit,
                self.event_kind,
            ]
        )
        for kind in trial.events:
            self.event_kind.addItem(EVENT_NAMES[kind].capitalize(), kind)
        self.trial_end_box.set_hint(f"Tom: katalogets slutdato {fmt(trial.period.effective_end)}")
        self.events = [e for e in self.events if e.kind in trial.events]
        self._fill_event_table()
        self._kind_changed()
        self.calculate()

    def set_date(self, name: str, text: str) -> None:
        """Type text into the case date called name (for tests and callers that prefill)."""
        self.date_boxes[name].editor.setText(text)

    def _kind_changed(self) -> None:
        is_contact = self.event_kind.currentData() == "contact"
        self.event_full.setEnabled(is_contact)
        if not is_contact:
            self.event_full.setChecked(False)

    # ------------------------------------------------------------ events

    def add_event(self) -> None:
        """Add the typed event to the list, or say at the field what is wrong."""
        kind = self.event_kind.currentData()
        if kind is None:
            return
        try:
            day = self.event_date.date_value()
        except ValueError as exc:
            self.event_date_box.set_error(str(exc))
            return
        if day is None:
            self.event_date_box.set_error("Skriv hændelsens dato")
            return
        self.event_date_box.set_error(None)
        self.events.append(Event(day, kind, full_followup=kind == "contact" and self.event_full.isChecked()))
        self.events.sort(key=lambda e: e.day)
        self.event_date.clear()
        self.event_full.setChecked(False)
        self._fill_event_table()
        self.event_date.setFocus()
        self.calculate()

    def remove_selected_event(self) -> None:
        rows = sorted({index.row() for index in self.event_table.selectedIndexes()}, reverse=True)
        for row in rows:
            del self.events[row]
        if rows:
            self._fill_event_table()
            self.calculate()

    def clear_events(self) -> None:
        self.events = []
        self._fill_event_table()
        self.calculate()

    def _fill_event_table(self) -> None:
        self.event_table.setRowCount(len(self.events))
        for row, event in enumerate(self.events):
            cells = (fmt(event.day), EVENT_NAMES[event.kind], "ja" if event.full_followup else "")
            for column, text in enumerate(cells):
                self.event_table.setItem(row, column, QTableWidgetItem(text))

    # ------------------------------------------------------------ result

    def calculate(self) -> None:
        """Check the fields and show the deadlines; messages go to the fields, nothing is saved."""
        trial = self.trial()
        self.result_model.set_deadlines([])
        self.result_detail.hide()
        if trial is None:
            return
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
            elif case_date.required:
                errors[case_date.name] = f"Skriv datoen for {case_date.label.lower()}"
        today, trial_end = self._optional_date(self.today_edit, "today", errors), None
        if today is None and "today" not in errors:
            errors["today"] = "Skriv datoen, fristerne skal beregnes pr."
        trial_end = self._optional_date(self.trial_end_edit, "trial_end", errors)
        boxes = {**self.date_boxes, "today": self.today_box, "trial_end": self.trial_end_box}
        for name, box in boxes.items():
            box.set_error(errors.get(name))

        self.result_title.setText(f"{trial.id} – {trial.title}")
        if not trial.has_deadlines:
            self.result_note.setText(
                "Forsøget har ingen beregnelig frist. Betingelser:\n" + "\n".join(f"• {c}" for c in trial.conditions)
            )
            return
        if errors:
            only_missing = all(
                name in self.date_boxes and not self.date_boxes[name].editor.text().strip() for name in errors
            )
            self.result_note.setText(
                "Skriv sagens datoer for at se fristerne."
                if only_missing
                else "Ret de markerede felter for at se fristerne."
            )
            if only_missing:
                for box in self.date_boxes.values():
                    box.set_error(None)
            return
        assert today is not None  # a missing date is in errors, and errors returned above
        # The same checks and engine call as `caseworker-app schedule` (services/calculator.py).
        result = calculate(trial, dates, self.events, today, trial_end=trial_end)
        self.event_date_box.set_error(None)
        for name, message in result.errors.items():
            if name in boxes:
                boxes[name].set_error(message)
        if result.event_errors:
            self.event_date_box.set_error(
                " ".join(f"Hændelsen {fmt(e.day)}: {message}" for e, message in result.event_errors)
            )
        if not result.ok:
            self.result_note.setText("Ret de markerede felter for at se fristerne.")
            return
        deadlines = result.deadlines
        self.result_title.setText(
            f"{trial.id} – {trial.title}\nBeregnet pr. {fmt(today)}\n"
            f"Forsøgets status: {trial_status_text(trial, today, trial_end)}"
        )
        self.result_model.set_deadlines(deadlines)
        self.result_note.setText("" if deadlines else "Ingen kommende frister.")
        if deadlines:
            self.result_view.setCurrentIndex(self.result_model.index(0, 0))
            self._show_detail()

    def detail_text(self) -> str:
        """The full text of the chosen deadline, as shown under the table."""
        return plain_text(self.result_detail.text()) if self.result_detail.isVisible() else ""

    def _show_detail(self, *args) -> None:
        row = self.result_view.currentIndex().row()
        if 0 <= row < self.result_model.rowCount():
            self.result_detail.setText(deadline_html(self.result_model.deadline_at(row)))
            self.result_detail.show()

    @staticmethod
    def _optional_date(edit: DateLineEdit, name: str, errors: dict[str, str]) -> date | None:
        try:
            return edit.date_value()
        except ValueError as exc:
            errors[name] = str(exc)
            return None
