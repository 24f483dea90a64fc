"""The case window: the form (only the dates its trial needs), deadlines with reasons, history."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..core.cases import ACTIVE, CLOSED, deadlines_for_cases, uncomputable_cases
from ..core.catalog import DATE_NAMES, Trial
from ..core.cpr import format_cpr, mask_cpr
from ..core.history import END_REASONS, OTHER_REASON
from ..core.notes import condition_problems
from ..core.validation import case_errors, parse_case_dates
from ..core.workdays import fmt
from ..store import ValidationError
from .calculator_view import date_label, default_hint, trial_choice_text
from .deadline_model import deadline_html, plain_text
from .fields import (
    DateLineEdit,
    FieldBox,
    FlowLayout,
    accept_buttons,
    buddy_label,
    clear_errors,
    general_error_label,
    set_tab_order,
    show_errors,
)
from .history_model import ROW_ROLE, HistoryModel, can_correct
from .questions import ask_save_changes
from .screen_fit import grow_to_content, resize_to_fit


class CaseWindow(QDialog):
    """One case: its form on the left, its deadlines and history on the right, its actions below."""

    changed = Signal()

    def __init__(
        self,
        store,
        case_id: int | None,
        *,
        today: Callable[[], date],
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.store = store
        self.case_id = case_id
        self._today = today
        self.case = None
        self.date_boxes: dict[str, FieldBox] = {}
        self._cpr: str | None = None
        self._loaded_state: tuple | None = None
        self._deadlines_sized = False
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)

        self._build_form()
        self._build_right()
        self._build_buttons()

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.form_scroll)
        splitter.addWidget(self.right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([360, 880])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.general_error)
        layout.addLayout(self.button_rows)
        resize_to_fit(self, 1240, 740)

        self.load()
        self.citizen_edit.setFocus()

    # ------------------------------------------------------------ building

    def _build_form(self) -> None:
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
        self.trial_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.trial_combo.setMinimumContentsLength(24)
        self.caseworker_edit = QLineEdit()
        self.note_edit = QPlainTextEdit()
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
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
        form.setRowWrapPolicy(
            QFormLayout.RowWrapPolicy.WrapAllRows
        )  # labels above: full-width fields
        form.addRow(buddy_label("&Borger:", self.citizen_edit), self.boxes["citizen"])
        form.addRow(buddy_label("FASIT-&sagsnummer:", self.case_ref_edit), self.boxes["case_ref"])
        form.addRow(buddy_label("CP&R-nummer (valgfrit):", self.cpr_edit), self.boxes["cpr"])
        form.addRow(buddy_label("&Forsøg:", self.trial_combo), self.boxes["trial_id"])
        form.addRow(self.trial_status)
        self.dates_first_row = form.rowCount()
        form.addRow(buddy_label("Sagsbehan&dler:", self.caseworker_edit), self.boxes["caseworker"])
        form.addRow(buddy_label("Be&mærkning:", self.note_edit), self.boxes["note"])
        self.form = form

        group = QGroupBox("Sagen")
        group_layout = QVBoxLayout(group)
        group_layout.addWidget(self.status_label)
        group_layout.addLayout(form)
        group_layout.addStretch(1)
        self.form_scroll = QScrollArea()
        self.form_scroll.setWidgetResizable(True)
        self.form_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.form_scroll.setWidget(group)
        self.form_scroll.setAccessibleName("Sagens felter")
        self.form_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to its fields, which it scrolls into view
        self.trial_combo.currentIndexChanged.connect(self._trial_changed)

    def _build_right(self) -> None:
        self.deadline_area = QWidget()
        self.deadline_layout = QVBoxLayout(self.deadline_area)
        self.deadline_layout.setContentsMargins(0, 0, 0, 0)
        self.deadline_layout.addStretch(1)  # the deadlines at the top, the free room below them
        self.deadline_labels: list[QLabel] = []
        self.deadline_scroll = QScrollArea()  # several deadlines on a low screen: they scroll
        self.deadline_scroll.setWidgetResizable(True)
        self.deadline_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.deadline_scroll.setWidget(self.deadline_area)
        self.deadline_scroll.setAccessibleName("Sagens frister")
        deadlines_group = QGroupBox("Frister")
        QVBoxLayout(deadlines_group).addWidget(self.deadline_scroll)

        self.history_model = HistoryModel(self)
        self.history_view = QTableView()
        self.history_view.setModel(self.history_model)
        self.history_view.setAccessibleName("Historik, nyeste først")
        self.history_view.verticalHeader().hide()
        self.history_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.history_view.setAlternatingRowColors(True)
        self.history_view.setWordWrap(True)
        header = self.history_view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # Read as date, event, text; form, initiator and 'registered' after them, so in a narrow
        # window it is those that scroll out of sight.
        header.moveSection(4, 2)
        self.history_view.installEventFilter(self)  # the text column takes the width left (see eventFilter)
        self.history_view.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.history_view.selectionModel().currentRowChanged.connect(self._update_buttons)
        history_group = QGroupBox("Historik (nyeste først)")
        history_layout = QVBoxLayout(history_group)
        history_layout.addWidget(self.history_view, 1)
        self.history_buttons = FlowLayout()  # filled by _build_buttons: they act on the history
        history_layout.addLayout(self.history_buttons)

        # Deadlines above the history; the caseworker can move the line between them.
        self.right = QSplitter(Qt.Orientation.Vertical)
        self.right.setChildrenCollapsible(False)
        self.right.addWidget(deadlines_group)
        self.right.addWidget(history_group)
        self.right.setStretchFactor(1, 1)

    def _build_buttons(self) -> None:
        self.general_error = general_error_label()

        self.followup_button = QPushButton("Registrer &opfølgning")
        self.followup_button.setToolTip("Registrer en opfølgning i dag (Ctrl+R)")
        self.event_button = QPushButton("Registrer &hændelse …")
        self.correct_button = QPushButton("Re&t hændelse …")
        self.note_button = QPushButton("&Journalnotat …")
        self.print_button = QPushButton("&Udskriv plan …")
        self.close_case_button = QPushButton("&Afslut sag …")
        self.delete_button = QPushButton("Sl&et sag …")
        self.delete_button.setToolTip("Slet en sag, der er oprettet ved en fejl (ikke det samme som at afslutte)")
        self.save_button = QPushButton("&Gem")
        self.save_button.setDefault(True)
        self.close_button = QPushButton("&Luk")
        action_buttons = (
            self.followup_button,
            self.event_button,
            self.correct_button,
            self.note_button,
            self.print_button,
            self.close_case_button,
            self.delete_button,
        )
        for button in (*action_buttons, self.close_button):
            button.setAutoDefault(False)

        self.followup_button.clicked.connect(self.register_followup)
        self.event_button.clicked.connect(self.register_event)
        self.correct_button.clicked.connect(self.correct_event)
        self.note_button.clicked.connect(self.write_note)
        self.print_button.clicked.connect(self.print_plan)
        self.close_case_button.clicked.connect(self.close_or_reopen)
        self.delete_button.clicked.connect(self.delete_case)
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.reject)
        QShortcut(QKeySequence("Ctrl+R"), self, self.register_followup)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)

        # Two short rows rather than one long one (the window fits 1366×768 at 150 %): the event
        # buttons under the history they add to, the case's own below the window.
        for button in (self.followup_button, self.event_button, self.correct_button, self.note_button):
            self.history_buttons.addWidget(button)
        actions = QHBoxLayout()
        for button in (self.print_button, self.close_case_button, self.delete_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.save_button)
        actions.addWidget(self.close_button)
        self.button_rows = actions

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if not self._deadlines_sized:
            self._deadlines_sized = True
            self._size_deadline_pane()

    def _size_deadline_pane(self) -> None:
        """The deadlines as high as their text needs (at most 3/5 of the column), the history the rest."""
        total = sum(self.right.sizes())
        group = self.right.widget(0)
        frame = group.height() - self.deadline_scroll.viewport().height()
        needed = self.deadline_layout.totalHeightForWidth(self.deadline_scroll.viewport().width()) + frame
        top = min(needed, total * 3 // 5)
        self.right.setSizes([top, total - top])

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        if watched is self.history_view and event.type() == QEvent.Type.Resize:
            self._fit_history_columns()
        return super().eventFilter(watched, event)

    def _fit_history_columns(self) -> None:
        """Date, kind, form, initiator and 'registered' as wide as their text needs; the text column
        the rest, at least 30 characters (the table scrolls sideways in a narrow window)."""
        metrics = self.history_view.fontMetrics()
        pad = 2 * metrics.averageCharWidth() + 8
        widths = [
            metrics.horizontalAdvance(sample) + pad
            for sample in ("00-00-0000", "Opfølgning – rettet", "personligt", "Initieret af", "",
                           "00-00-0000 kl. 00.00")
        ]
        rest = self.history_view.viewport().width() - sum(widths)
        widths[4] = max(rest, 30 * metrics.averageCharWidth())
        header = self.history_view.horizontalHeader()
        for column, width in enumerate(widths):
            header.resizeSection(column, width)

    # ------------------------------------------------------------ loading

    def load(self) -> None:
        """Fill the window from the database (after opening and after every saved change)."""
        catalog = self.store.catalog()
        self.case = self.store.get_case(self.case_id) if self.case_id is not None else None
        case = self.case
        self.trial_combo.blockSignals(True)
        self.trial_combo.clear()
        for trial in catalog.values():
            if trial.has_deadlines or (case is not None and trial.id == case.trial_id):
                self.trial_combo.addItem(trial_choice_text(trial), trial.id)
        if case is not None and self.trial_combo.findData(case.trial_id) < 0:
            self.trial_combo.addItem(f"{case.trial_id} (findes ikke i kataloget)", case.trial_id)
        self.trial_combo.setCurrentIndex(
            max(0, self.trial_combo.findData(case.trial_id if case else "T08"))
        )
        self.trial_combo.blockSignals(False)

        settings = self.store.settings()
        if case is None:
            self.setWindowTitle("Ny sag")
            self.citizen_edit.clear()
            self.case_ref_edit.clear()
            self.caseworker_edit.setText(settings.caseworker_name)
            self.note_edit.clear()
            self._cpr = None
        else:
            self.setWindowTitle(f"Sag: {case.citizen} ({case.case_ref})")
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
        clear_errors(self.boxes.values(), self.general_error)
        self._show_status()
        self._show_deadlines()
        self._show_history()
        self._loaded_state = self._form_state()
        self._update_buttons()
        # The form column never narrower than its fields (it scrolls up and down, not sideways).
        scroll_bar = self.form_scroll.verticalScrollBar().sizeHint().width()
        self.form_scroll.setMinimumWidth(self.form_scroll.widget().minimumSizeHint().width() + scroll_bar)

    def trial(self) -> Trial | None:
        return self.store.catalog().get(self.trial_combo.currentData())

    def _trial_changed(self, *args, keep_typed: bool = True) -> None:
        trial = self.trial()
        self.trial_combo.setToolTip(f"{trial.id} – {trial.title}" if trial else "")
        self.trial_status.setText(trial.status_text(self._today()) if trial else "")
        names = [d.name for d in trial.dates] if trial else []
        if trial is not None and names == list(self.date_boxes):
            # Same dates: keep the fields (and what is typed in them) rather than rebuild them.
            for case_date in trial.dates:
                box = self.date_boxes[case_date.name]
                box.set_hint(default_hint(trial, case_date))
                if not keep_typed:
                    box.editor.clear()
            return
        typed = (
            {name: box.editor.text() for name, box in self.date_boxes.items()} if keep_typed else {}
        )
        for box in self.date_boxes.values():
            self.form.removeRow(box)
        self.date_boxes = {}
        if trial is None:
            return
        for row, case_date in enumerate(trial.dates):
            edit = DateLineEdit()
            edit.setText(typed.get(case_date.name, ""))
            box = FieldBox(edit, default_hint(trial, case_date))
            edit.editingFinished.connect(self._show_condition_hints)
            self.date_boxes[case_date.name] = box
            self.form.insertRow(
                self.dates_first_row + row, buddy_label(date_label(case_date) + ":", edit), box
            )
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

    def _show_condition_hints(self) -> None:
        """Say at the date field when the dates show a trial condition does not hold (decision 15)."""
        trial = self.trial()
        if trial is None or not trial.note_conditions:
            return
        dates, _ = parse_case_dates({n: b.editor.text().strip() for n, b in self.date_boxes.items()})
        problems = condition_problems(trial, dates)
        for case_date in trial.dates:
            box = self.date_boxes.get(case_date.name)
            if box is not None:
                problem = problems.get(case_date.name)
                box.set_hint(f"⚠ {problem}" if problem else default_hint(trial, case_date))

    def _show_status(self) -> None:
        case = self.case
        if case is None or case.status != CLOSED:
            self.status_label.hide()
            return
        closed_on = case.extra.get("closed_on")
        end_text = case.extra.get("end_text")
        text = f"Sagen er afsluttet {fmt(closed_on)}: {case.end_reason}" + (
            f" – {end_text}" if end_text else ""
        )
        self.status_label.setText("■ " + text)
        self.status_label.show()

    def _show_deadlines(self) -> None:
        self._show_condition_hints()
        for label in self.deadline_labels:
            label.deleteLater()
        self.deadline_labels = []
        case, trial = self.case, self.trial()
        texts: list[str] = []
        if case is None:
            texts.append("Fristerne vises, når sagen er gemt.")
        elif problems := uncomputable_cases([case], self.store.catalog()):
            # The same reason the main window, `deadlines` and the exports give.
            texts.append(f"Fristerne kan ikke beregnes: {problems[0].reason}.")
        elif case.status != ACTIVE:
            texts.append("Sagen er afsluttet; der beregnes ingen frister.")
        elif trial is None or not trial.has_deadlines:
            texts.append("Forsøget har ingen beregnelig frist.")
        else:
            today = self._today()
            items = deadlines_for_cases(
                [case], self.store.catalog(), today, warning_days=self.store.settings().warning_days
            )
            texts = [deadline_html(item.deadline) for item in items] or ["Ingen kommende frister."]
        for text in texts:
            label = QLabel(text)
            label.setWordWrap(True)
            label.setTextFormat(
                Qt.TextFormat.RichText if text.startswith("<") else Qt.TextFormat.PlainText
            )
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setFrameShape(QFrame.Shape.StyledPanel)
            label.setContentsMargins(6, 6, 6, 6)
            self.deadline_layout.insertWidget(len(self.deadline_labels), label)
            self.deadline_labels.append(label)

    def deadline_texts(self) -> list[str]:
        """The deadlines as the caseworker reads them (plain text of each box)."""
        return [plain_text(label.text()) for label in self.deadline_labels]

    def _show_history(self) -> None:
        rows = self.store.history(self.case_id) if self.case_id is not None else []
        self.history_model.set_rows(rows)

    def selected_history_row(self):
        index = self.history_view.currentIndex()
        return self.history_model.data(index, ROW_ROLE) if index.isValid() else None

    def _update_buttons(self, *args) -> None:
        saved = self.case is not None
        active = saved and self.case.status == ACTIVE
        # Events are registered on the saved case, so its saved trial decides, not the combo.
        trial = self.store.catalog().get(self.case.trial_id) if saved else None
        has_events = bool(trial and trial.events)
        why = "" if saved else "Gem sagen først"
        if saved and not active:
            why = "Sagen er afsluttet"
        for button in (self.followup_button, self.event_button):
            button.setEnabled(active and has_events)
        self.followup_button.setToolTip(
            why
            or (
                "Registrer en opfølgning (Ctrl+R)" if has_events else "Forsøget har ingen hændelser"
            )
        )
        correctable = active and can_correct(self.selected_history_row())
        self.correct_button.setEnabled(correctable)
        self.correct_button.setToolTip(
            why
            or (
                "Ret eller annullér den valgte hændelse"
                if correctable
                else "Vælg en hændelse i historikken"
            )
        )
        self.note_button.setEnabled(saved)
        self.print_button.setEnabled(saved)
        self.close_case_button.setEnabled(saved)
        self.delete_button.setEnabled(saved)
        self.close_case_button.setText("Gen&åbn sag" if saved and not active else "&Afslut sag …")

    # ------------------------------------------------------------ CPR

    def _show_cpr(self) -> None:
        revealed = self.cpr_button.isChecked() or not self._cpr
        self.cpr_edit.setReadOnly(not revealed)
        self.cpr_edit.setText(
            format_cpr(self._cpr) if revealed and self._cpr else mask_cpr(self._cpr)
        )
        self.cpr_button.setText("S&kjul" if self.cpr_button.isChecked() else "&Vis")
        self.cpr_button.setEnabled(bool(self._cpr))

    def _cpr_toggled(self, revealed: bool) -> None:
        if not revealed:
            self._cpr = self._typed_cpr()
        self._show_cpr()

    def _typed_cpr(self) -> str | None:
        if self.cpr_edit.isReadOnly():
            return self._cpr
        return self.cpr_edit.text().strip() or None

    # ------------------------------------------------------------ saving

    def _form_state(self) -> tuple:
        cpr = "".join(ch for ch in (self._typed_cpr() or "") if ch.isdigit())
        return (
            self.citizen_edit.text().strip(),
            self.case_ref_edit.text().strip(),
            cpr,
            self.trial_combo.currentData(),
            self.caseworker_edit.text().strip(),
            self.note_edit.toPlainText(),
            tuple(sorted((n, b.editor.text().strip()) for n, b in self.date_boxes.items())),
        )

    def is_dirty(self) -> bool:
        """True when the form differs from what is saved."""
        return self._form_state() != self._loaded_state

    def save(self) -> bool:
        """Save the form; on a fault show each message at its field, save nothing, return False."""
        clear_errors((*self.boxes.values(), *self.date_boxes.values()), self.general_error)
        raw_dates = {name: box.editor.text().strip() for name, box in self.date_boxes.items()}
        fields = {
            "citizen": self.citizen_edit.text(),
            "case_ref": self.case_ref_edit.text(),
            "trial_id": self.trial_combo.currentData() or "",
            "cpr": self._typed_cpr(),
        }
        today = self._today()
        events = self.case.events if self.case is not None else ()
        errors = case_errors(
            self.store.catalog(), dates=raw_dates, today=today, events=events, **fields
        )
        try:
            if errors:
                raise ValidationError(errors)
            dates, _ = parse_case_dates(raw_dates)
            values = dict(
                fields,
                dates=dates,
                caseworker=self.caseworker_edit.text(),
                note=self.note_edit.toPlainText(),
            )
            if self.case_id is None:
                self.case_id = self.store.create_case(**values)
            else:
                if not self._confirm_dropped_dates(fields["trial_id"], dates):
                    return False
                self.store.update_case(self.case_id, **values)
        except ValidationError as exc:
            show_errors({**self.boxes, **self.date_boxes}, exc.errors, self.general_error)
            return False
        self._saved()
        return True

    def _confirm_dropped_dates(self, trial_id: str, dates: dict) -> bool:
        """Moving a case to another trial removes the dates that trial does not use: ask first."""
        dropped = {n: d for n, d in self.case.dates.items() if n not in dates}
        if trial_id == self.case.trial_id or not dropped:
            return True
        listed = ", ".join(f"{DATE_NAMES.get(n, n)} {fmt(d)}" for n, d in sorted(dropped.items()))
        answer = QMessageBox.question(
            self,
            "Skift forsøg?",
            f"Sagen flyttes fra forsøg {self.case.trial_id} til {trial_id}. Disse datoer bruges ikke "
            f"af {trial_id} og fjernes fra sagen (de står fortsat i historikken): {listed}.\n\n"
            "Vil du fortsætte?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _saved(self) -> None:
        self.load()
        self.changed.emit()

    def reject(self) -> None:
        """Close; ask first when the form has changes that are not saved."""
        if self.is_dirty():
            answer = ask_save_changes(self, "Sagen har ændringer, der ikke er gemt. Vil du gemme dem?")
            if answer == QMessageBox.StandardButton.Cancel:
                return
            if answer == QMessageBox.StandardButton.Save and not self.save():
                return
        super().reject()

    # ------------------------------------------------------------ actions

    def _event_dialog(self, kind: str, replaces: int | None = None) -> None:
        from .event_dialog import EventDialog

        dialog = EventDialog(
            self.store, self.case_id, today=self._today, kind=kind, replaces=replaces, parent=self
        )
        if dialog.exec():
            self._saved()

    def register_followup(self) -> None:
        """Register a follow-up held today (the date can be changed in the dialog)."""
        if self.followup_button.isEnabled():
            self._event_dialog("followup")

    def register_event(self) -> None:
        """Register any event the trial has (a contact between follow-ups offered first)."""
        trial = self.trial()
        if not self.event_button.isEnabled() or trial is None:
            return
        others = [k for k in trial.events if k != "followup"]
        self._event_dialog(others[0] if others else trial.events[0])

    def correct_event(self) -> None:
        """Correct or withdraw the event chosen in the history (a new row that replaces it)."""
        row = self.selected_history_row()
        if self.correct_button.isEnabled() and can_correct(row):
            self._event_dialog(row.kind, replaces=row.id)

    def close_or_reopen(self) -> None:
        """Close the case with a reason, or reopen a closed case."""
        if self.case is None:
            return
        if self.case.status == CLOSED:
            answer = QMessageBox.question(
                self, "Genåbn sag", f"Genåbn sagen for {self.case.citizen}?"
            )
            if answer == QMessageBox.StandardButton.Yes:
                self.store.reopen_case(self.case_id)
                self._saved()
            return
        dialog = CloseCaseDialog(self.store, self.case_id, today=self._today, parent=self)
        if dialog.exec():
            self._saved()

    def delete_case(self) -> bool:
        """Delete a case created by mistake, after asking for the reason; True when it went."""
        if self.case is None:
            return False
        dialog = DeleteCaseDialog(self.store, self.case_id, parent=self)
        if not dialog.exec():
            return False
        self.changed.emit()
        super().accept()  # the case is gone: nothing left to save or show
        return True

    def write_note(self) -> None:
        """Open the journal-note window for this case (about the chosen event, if one is chosen)."""
        if self.case_id is None:
            return
        from .note_window import NoteWindow

        row = self.selected_history_row()
        event_id = row.id if row is not None and not row.is_case_change else None
        window = NoteWindow(
            self.store, self.case_id, today=self._today, event_id=event_id, parent=self
        )
        window.exec()
        self._saved()

    def print_plan(self) -> None:
        """Print or save as PDF the case's plan of deadlines."""
        if self.case_id is None:
            return
        from .print_dialogs import print_case_plan

        print_case_plan(self.store, self.case_id, self, today=self._today)


class CloseCaseDialog(QDialog):
    """Close a case: a reason from the fixed list, free text (needed for 'andet') and the date."""

    def __init__(
        self, store, case_id: int, *, today: Callable[[], date], parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.store = store
        self.case_id = case_id
        self.case = store.get_case(case_id)
        self.setWindowTitle(f"Afslut sag – {self.case.citizen} ({self.case.case_ref})")

        self.reason_combo = QComboBox()
        for reason in END_REASONS:
            self.reason_combo.addItem(reason[0].upper() + reason[1:], reason)
        self.text_edit = QLineEdit()
        self.text_edit.setPlaceholderText("Uddyb årsagen (skal udfyldes ved 'andet')")
        self.date_edit = DateLineEdit(today())
        self.boxes = {
            "reason": FieldBox(self.reason_combo),
            "text": FieldBox(self.text_edit),
            "day": FieldBox(self.date_edit),
        }
        form = QFormLayout()
        form.addRow(buddy_label("Å&rsag:", self.reason_combo), self.boxes["reason"])
        form.addRow(buddy_label("&Tekst:", self.text_edit), self.boxes["text"])
        form.addRow(buddy_label("&Dato:", self.date_edit), self.boxes["day"])
        intro = QLabel(
            "Når sagen er afsluttet, beregnes der ingen frister for den. "
            "Den kan genåbnes, og afslutningen bliver stående i historikken."
        )
        intro.setWordWrap(True)
        self.general_error = general_error_label()
        buttons, self.ok_button = accept_buttons(self, "Afslut sagen")
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(buttons)
        self.reason_combo.currentIndexChanged.connect(self._reason_changed)
        self.setMinimumWidth(460)
        self.reason_combo.setFocus()

    def _reason_changed(self) -> None:
        if self.reason_combo.currentData() == OTHER_REASON:
            self.text_edit.setFocus()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        grow_to_content(self)

    def accept(self) -> None:
        """Close the case; on a fault show each message at its field and stay open."""
        clear_errors(self.boxes.values(), self.general_error)
        try:
            try:
                day = self.date_edit.date_value()
            except ValueError as exc:
                raise ValidationError({"day": str(exc)}) from None
            self.store.close_case(
                self.case_id,
                reason=self.reason_combo.currentData(),
                day=day,
                text=self.text_edit.text(),
            )
        except ValidationError as exc:
            show_errors(self.boxes, exc.errors, self.general_error)
            return
        super().accept()


class DeleteCaseDialog(QDialog):
    """Delete a case created by mistake: the reason is asked for and kept; the case and its history go."""

    def __init__(self, store, case_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.case_id = case_id
        case = store.get_case(case_id)
        self.setWindowTitle(f"Slet sag – {case.citizen} ({case.case_ref})")
        intro = QLabel(
            f"Slet sagen for {case.citizen} ({case.case_ref}, forsøg {case.trial_id}) med hele dens "
            "historik? Gør det kun for en sag, der er oprettet ved en fejl. En borger, der forlader "
            "forsøget, skal i stedet have sagen afsluttet. Sletningen kan ikke fortrydes (undtagen fra "
            "en sikkerhedskopi); programmet gemmer hvornår, af hvem og hvorfor – uden navn og CPR."
        )
        intro.setWordWrap(True)
        self.reason_edit = QLineEdit()
        self.reason_edit.setPlaceholderText("fx oprettet to gange ved en fejl")
        self.boxes = {"reason": FieldBox(self.reason_edit)}
        form = QFormLayout()
        form.addRow(buddy_label("&Hvorfor slettes sagen:", self.reason_edit), self.boxes["reason"])
        self.general_error = general_error_label()
        buttons, self.ok_button = accept_buttons(self, "Slet sagen")
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)
        self.reason_edit.setFocus()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        grow_to_content(self)

    def accept(self) -> None:
        """Delete with the reason; a missing reason is said at its field, and nothing is deleted."""
        clear_errors(self.boxes.values(), self.general_error)
        try:
            self.store.delete_case(self.case_id, self.reason_edit.text())
        except ValidationError as exc:
            show_errors(self.boxes, exc.errors, self.general_error)
            return
        super().accept()
