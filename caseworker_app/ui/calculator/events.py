"""The Fristberegner's "Hændelser": the follow-ups and other events typed in for the calculation,
kept in date order (nothing is saved)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.event import Event
from ...core.terms import EVENT_NAMES, FORMS
from ...core.workdays import fmt
from ..fields import DateLineEdit, FieldBox, buddy_label


class EventsBox(QGroupBox):
    """Type an event and add it to the list, or take events off it; changed when the list changes."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__("Hændelser", parent)
        self.events: list[Event] = []
        self.kind_combo = QComboBox()
        self.date_edit = DateLineEdit()
        # A talk's form, for a trial whose rules count some forms only (T05: personal talks after its
        # end): as the case window's event dialog and the command line's ':telefon' record it.
        self.form_combo = QComboBox()
        for form in FORMS:
            self.form_combo.addItem(form, form)
        self.full_check = QCheckBox("fuld opfølgn&ing")
        self.full_check.setToolTip("En henvendelse mellem opfølgninger tæller kun som opfølgning, når den er markeret")
        self.add_button = QPushButton("&Tilføj hændelse")
        self.date_box = FieldBox(self.date_edit)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(("Dato", "Hændelse", "Fuld opfølgning"))
        self.table.setAccessibleName("Hændelser i beregningen")
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        # The list takes the room that is left, so the form fits without a scroll bar.
        self.table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        self.table.setMinimumHeight(60)
        self.remove_button = QPushButton("Fje&rn valgte")
        self.clear_button = QPushButton("R&yd alle")

        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.addRow(buddy_label("Hæ&ndelse:", self.kind_combo), self.kind_combo)
        form.addRow(buddy_label("&Dato:", self.date_edit), self.date_box)
        self.form_label = buddy_label("F&orm:", self.form_combo)
        form.addRow(self.form_label, self.form_combo)
        form.addRow("", self.full_check)
        layout.addLayout(form)
        layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.clear_button)
        layout.addLayout(buttons)

        self.add_button.clicked.connect(self.add_event)
        self.date_edit.returnPressed.connect(self.add_event)
        self.remove_button.clicked.connect(self.remove_selected_event)
        self.clear_button.clicked.connect(self.clear_events)
        QShortcut(
            QKeySequence.StandardKey.Delete,
            self.table,
            self.remove_selected_event,
            context=Qt.ShortcutContext.WidgetShortcut,
        )
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)

    def set_kinds(self, kinds: tuple[str, ...] | None, *, forms_count: bool = False) -> None:
        """The kinds of event the chosen trial knows (None: no trial); events of other kinds go.
        forms_count: the trial's rules count some forms of talk only, so the form is asked for."""
        self.form_combo.setVisible(forms_count)
        self.form_label.setVisible(forms_count)
        self.form_combo.setCurrentIndex(0)  # personligt, as the event dialog proposes
        self.kind_combo.clear()
        if kinds is None:
            return
        for kind in kinds:
            self.kind_combo.addItem(EVENT_NAMES[kind].capitalize(), kind)
        self.events = [e for e in self.events if e.kind in kinds]
        self._fill_table()
        self._kind_changed()

    def _kind_changed(self) -> None:
        is_contact = self.kind_combo.currentData() == "contact"
        self.full_check.setEnabled(is_contact)
        if not is_contact:
            self.full_check.setChecked(False)

    def add_event(self) -> None:
        """Add the typed event to the list, or say at the field what is wrong."""
        kind = self.kind_combo.currentData()
        if kind is None:
            return
        try:
            day = self.date_edit.date_value()
        except ValueError as exc:
            self.date_box.set_error(str(exc))
            return
        if day is None:
            self.date_box.set_error("Skriv hændelsens dato")
            return
        self.date_box.set_error(None)
        form = self.form_combo.currentData() if self.form_combo.isVisibleTo(self) else None
        self.events.append(Event(day, kind, full_followup=kind == "contact" and self.full_check.isChecked(), form=form))
        self.events.sort(key=lambda e: e.day)
        self.date_edit.clear()
        self.full_check.setChecked(False)
        self._fill_table()
        self.date_edit.setFocus()
        self.changed.emit()

    def remove_selected_event(self) -> None:
        rows = sorted({index.row() for index in self.table.selectedIndexes()}, reverse=True)
        for row in rows:
            del self.events[row]
        if rows:
            self._fill_table()
            self.changed.emit()

    def clear_events(self) -> None:
        self.events = []
        self._fill_table()
        self.changed.emit()

    def _fill_table(self) -> None:
        self.table.setRowCount(len(self.events))
        for row, event in enumerate(self.events):
            name = EVENT_NAMES[event.kind] + (f" ({event.form})" if event.form else "")
            cells = (fmt(event.day), name, "ja" if event.full_followup else "")
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
