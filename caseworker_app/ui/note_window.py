"""The journal-note window: pick the situation, fill in what it needs, copy the note to FASIT;
and the municipality's own template for that situation, with "Gendan standard"."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase, QGuiApplication, QTextCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from ..core.catalog import DATE_NAMES, EVENT_NAMES, NoteTemplate, Trial
from ..core.notes import (
    EVENT_SITUATIONS,
    MISSING_MARKER,
    NOTE_FIELDS,
    SITUATION_DATES,
    NoteError,
    confirmable_conditions,
    default_event_date,
    draft_note,
    edited_template_errors,
    for_clipboard,
    situation_for_event,
    situations_for,
    uses_event_date,
)
from ..core.schedule import resolve_dates
from ..core.workdays import fmt
from ..store import ValidationError
from .colours import error_style, hint_style, mark_colour, ok_style
from .fields import DateLineEdit, FieldBox, buddy_label
from .history_model import stamp_text
from .screen_fit import resize_to_fit

REQUIRED = " *"
MARKER_START = MISSING_MARKER.split("{")[0]

# What the caseworker is asked for, by situation (the reason and their own text).
REASON_HINTS = {
    "opfoelgning": "Hvorfor samtalen blev holdt i denne form.",
    "plan_ikke_justeret": "Hvorfor indsatsplanen ikke justeres de kommende 6 måneder.",
    "praktik_uden_fleksjob": "Hvorfor praktikken ikke førte til ansættelse i fleksjob.",
    "forlaengelse": "Hvorfor forløbet forlænges.",
    "fritagelse": "Hvorfor borgeren fritages.",
    "forsoeg_anvendt": "Hvorfor forsøget er anvendt for borgeren.",
}
FREE_TEXT_HINTS = {
    "opfoelgning": "Et kort resumé af opfølgningen.",
    "henvendelse": "Hvad henvendelsen drejede sig om, og hvad der blev aftalt.",
    "praktik_start": "Praktikstedet, jobfunktionen og formålet.",
    "forsoeg_anvendt": "Hvad er gjort, og hvorfor.",
}


def usable_fields(trial: Trial | None) -> list[str]:
    """The template fields that make sense for this trial (only the case dates it has)."""
    dates = {d.name for d in trial.dates} if trial else set()
    return [
        name for name in NOTE_FIELDS
        if not name.endswith(("_date", "_date_long"))
        or name.removesuffix("_long").removesuffix("_date") in dates | {"note", "event"}
    ]


def _small_text_edit(lines: int, parent: QWidget) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(parent.fontMetrics().lineSpacing() * lines + 14)
    return edit


class NoteWindow(QDialog):
    """Write a case's journal note for FASIT; the note as copied is kept in the case history."""

    def __init__(
        self,
        store,
        case_id: int,
        *,
        today: Callable[[], date],
        situation: str | None = None,
        event_id: int | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.store = store
        self.case_id = case_id
        self._today = today
        self.case = store.get_case(case_id)
        self.trial: Trial | None = store.catalog().get(self.case.trial_id)
        self.saved_note_id: int | None = None  # the history row of the last copy
        self._last_saved: tuple[str, str] | None = None
        self._hand_edited = False
        self._shown_situation_index = 0
        self._updating = False
        self._note_problem = ""
        self._missing: tuple[str, ...] = ()
        self._split = False

        self.setWindowTitle(f"Journalnotat – {self.case.citizen} ({self.case.case_ref})")
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_note_tab(), "&Notat")
        self.tabs.addTab(self._build_template_tab(), "&Skabelon")
        self.close_button = QPushButton("&Luk")
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.accept)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom)
        resize_to_fit(self, 960, 760)

        event = self._event_row(event_id)
        chosen = situation
        if chosen is None and event is not None and self.trial is not None:
            chosen = situation_for_event(self.trial, event.kind)
        self._fill_situations(chosen)
        if event is not None:
            self.event_date_edit.set_date(event.day)
            if event.text:
                self.free_text_edit.setPlainText(event.text)
        self.update_note()

    # ------------------------------------------------------------ building

    def _build_note_tab(self) -> QWidget:
        self.situation_combo = QComboBox()
        self.situation_combo.setMinimumContentsLength(30)
        self.template_info = QLabel()
        self.template_info.setStyleSheet(hint_style())
        self.event_date_edit = DateLineEdit()
        self.reason_edit = _small_text_edit(3, self)
        self.free_text_edit = _small_text_edit(4, self)
        self.boxes = {
            "situation": FieldBox(self.situation_combo),
            "event_date": FieldBox(self.event_date_edit),
            "reason": FieldBox(self.reason_edit),
            "free_text": FieldBox(self.free_text_edit),
        }
        self.boxes["situation"].layout().addWidget(self.template_info)
        self.boxes["event_date"].hint_label.setWordWrap(False)
        self.note_date_label = QLabel(fmt(self._today()))

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(buddy_label("Situa&tion:", self.situation_combo), self.boxes["situation"])
        form.addRow("Notatets dato:", self.note_date_label)
        self.event_date_label = buddy_label("&Dato for hændelsen:" + REQUIRED, self.event_date_edit)
        form.addRow(self.event_date_label, self.boxes["event_date"])
        self.reason_label = buddy_label("&Begrundelse:" + REQUIRED, self.reason_edit)
        form.addRow(self.reason_label, self.boxes["reason"])
        self.free_text_label = buddy_label("&Egen tekst:" + REQUIRED, self.free_text_edit)
        form.addRow(self.free_text_label, self.boxes["free_text"])
        # Decision 15: what the case's dates cannot show, the caseworker confirms, one box each.
        self.confirm_boxes: dict[str, QCheckBox] = {}
        self.confirm_panel = QWidget()
        confirm_layout = QVBoxLayout(self.confirm_panel)
        confirm_layout.setContentsMargins(0, 0, 0, 0)
        dates = resolve_dates(self.trial, self.case.dates)[0] if self.trial else {}
        for condition in confirmable_conditions(self.trial, dates) if self.trial else ():
            box = QCheckBox(condition.text)
            box.setObjectName(f"confirm_{condition.name}")
            box.toggled.connect(self.update_note)
            self.confirm_boxes[condition.name] = box
            confirm_layout.addWidget(box)
        hint = QLabel("Sæt kun hak, når du har kontrolleret det; notatet skriver "
                      "»bekræftet af sagsbehandleren«.")
        hint.setWordWrap(True)
        hint.setStyleSheet(hint_style())
        confirm_layout.addWidget(hint)
        self.confirm_label = QLabel("Bek&ræft:" + REQUIRED)
        if self.confirm_boxes:
            self.confirm_label.setBuddy(next(iter(self.confirm_boxes.values())))
        form.addRow(self.confirm_label, self.confirm_panel)
        self.input_form = form
        legend = QLabel("* skal udfyldes, før notatet kan kopieres.")
        legend.setStyleSheet(hint_style())

        self.note_edit = QPlainTextEdit()
        self.note_edit.setAccessibleName("Notatet, som det kopieres til FASIT")
        self.note_edit.setMinimumHeight(self.fontMetrics().lineSpacing() * 6)
        self.hand_label = QLabel("Teksten er rettet i hånden; felterne ovenfor ændrer den ikke.")
        self.hand_label.setWordWrap(True)
        self.hand_label.setStyleSheet(hint_style())
        self.regenerate_button = QPushButton("Lav teksten &forfra")
        self.regenerate_button.setAutoDefault(False)
        self.regenerate_button.setToolTip("Fyld notatet ud fra skabelonen og felterne igen")
        hand_row = QHBoxLayout()
        hand_row.addWidget(self.hand_label, 1)
        hand_row.addWidget(self.regenerate_button)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.copy_button = QPushButton("&Kopiér til FASIT")
        self.copy_button.setDefault(True)
        self.copy_button.setToolTip(
            "Læg notatet i udklipsholderen som ren tekst og gem det i sagens historik"
        )
        copy_row = QHBoxLayout()
        copy_row.addWidget(self.status_label, 1)
        copy_row.addWidget(self.copy_button, 0, Qt.AlignmentFlag.AlignTop)

        inputs = QWidget()
        top = QVBoxLayout(inputs)
        top.setContentsMargins(0, 0, 0, 0)
        top.addLayout(form)
        top.addWidget(legend)
        top.addStretch(1)  # room to spare goes below the fields, not between them
        note_part = QWidget()
        bottom = QVBoxLayout(note_part)
        bottom.setContentsMargins(0, 0, 0, 0)
        bottom.addWidget(buddy_label("Notatet (kan rettes, før det kopieres):", self.note_edit))
        bottom.addWidget(self.note_edit, 1)
        bottom.addLayout(hand_row)
        bottom.addLayout(copy_row)

        self.situation_combo.currentIndexChanged.connect(self._situation_changed)
        self.event_date_edit.textChanged.connect(self.update_note)
        self.event_date_edit.editingFinished.connect(self._check_event_date)
        self.reason_edit.textChanged.connect(self.update_note)
        self.free_text_edit.textChanged.connect(self.update_note)
        self.note_edit.textChanged.connect(self._note_edited)
        self.regenerate_button.clicked.connect(self.regenerate)
        self.copy_button.clicked.connect(self.copy_to_fasit)

        # The fields above the note, the note below; on a low screen the fields scroll, and the
        # caseworker can move the line between them.
        self.inputs_scroll = QScrollArea()
        self.inputs_scroll.setWidgetResizable(True)
        self.inputs_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.inputs_scroll.setWidget(inputs)
        self.inputs_scroll.setAccessibleName("Notatets felter")
        self.inputs_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to its fields, which it scrolls into view
        self.inputs_scroll.viewport().setAutoFillBackground(False)  # the tab's own background
        inputs.setAutoFillBackground(False)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.inputs_scroll)
        splitter.addWidget(note_part)
        splitter.setStretchFactor(1, 1)
        self.note_splitter = splitter
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(splitter)
        return page

    def _build_template_tab(self) -> QWidget:
        self.template_title = QLabel()
        self.template_title.setWordWrap(True)
        self.template_edit = QPlainTextEdit()
        self.template_edit.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.template_edit.setAccessibleName("Skabelonens tekst")
        self.template_errors = QLabel()
        self.template_errors.setWordWrap(True)
        self.template_errors.setTextFormat(Qt.TextFormat.PlainText)
        self.field_list = QListWidget()
        self.field_list.setToolTip("Dobbeltklik for at sætte feltet ind i skabelonen")
        self.field_list.setWordWrap(True)
        self.field_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for name in usable_fields(self.trial):
            item = QListWidgetItem(f"${name} – {NOTE_FIELDS[name]}")
            item.setData(Qt.ItemDataRole.UserRole, name)
            self.field_list.addItem(item)
        self.save_template_button = QPushButton("&Gem skabelon")
        self.restore_button = QPushButton("Gendan st&andard")
        self.restore_button.setToolTip(
            "Brug programmets skabelon igen; kommunens skabelon bliver stående i historikken"
        )
        for button in (self.save_template_button, self.restore_button):
            button.setAutoDefault(False)

        fields_part = QWidget()
        fields_layout = QVBoxLayout(fields_part)
        fields_layout.setContentsMargins(0, 0, 0, 0)
        fields_layout.addWidget(
            buddy_label("Felter (dobbeltklik for at indsætte):", self.field_list)
        )
        fields_layout.addWidget(self.field_list, 1)
        text_part = QWidget()
        text_layout = QVBoxLayout(text_part)
        text_layout.setContentsMargins(0, 0, 0, 0)
        text_layout.addWidget(buddy_label("Skabelonens &tekst:", self.template_edit))
        text_layout.addWidget(self.template_edit, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(text_part)
        splitter.addWidget(fields_part)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        buttons = QHBoxLayout()
        buttons.addWidget(self.template_errors, 1)
        buttons.addWidget(self.restore_button, 0, Qt.AlignmentFlag.AlignTop)
        buttons.addWidget(self.save_template_button, 0, Qt.AlignmentFlag.AlignTop)
        intro = QLabel(
            "Kommunen kan rette teksten til denne situation. Skriv felterne som $navn; "
            "$citation (hjemlen) skal altid med. Skabelonen kontrolleres, når den gemmes."
        )
        intro.setWordWrap(True)
        intro.setStyleSheet(hint_style())

        self.template_edit.textChanged.connect(self._check_template)
        self.field_list.itemDoubleClicked.connect(self._insert_field)
        self.save_template_button.clicked.connect(self.save_template)
        self.restore_button.clicked.connect(self.restore_template)

        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(self.template_title)
        layout.addWidget(intro)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        return page

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if not self._split:
            self._split = True
            self._fit_split()

    def _fit_split(self) -> None:
        """The fields as high as they need (at most half the page), the note the rest."""
        total = sum(self.note_splitter.sizes())
        top = min(self.inputs_scroll.widget().sizeHint().height(), total // 2)
        self.note_splitter.setSizes([top, total - top])

    # ------------------------------------------------------------ situation and template

    def _event_row(self, event_id: int | None):
        if event_id is None:
            return None
        return next(
            (r for r in self.store.history(self.case_id)
             if r.id == event_id and not r.is_case_change),
            None,
        )

    def _fill_situations(self, chosen: str | None) -> None:
        self.situation_combo.blockSignals(True)
        self.situation_combo.clear()
        for name, title in situations_for(self.trial) if self.trial else ():
            self.situation_combo.addItem(title, name)
        index = self.situation_combo.findData(chosen) if chosen else -1
        self.situation_combo.setCurrentIndex(max(index, 0))
        self.situation_combo.blockSignals(False)
        self._situation_changed(keep_inputs=True)

    def situation(self) -> str | None:
        """The name of the situation chosen (opfoelgning, plan_ikke_justeret …)."""
        return self.situation_combo.currentData()

    def standard_template(self) -> NoteTemplate | None:
        """The template the program ships for the chosen situation."""
        name = self.situation()
        return self.trial.notes.get(name) if self.trial and name else None

    def template(self) -> NoteTemplate | None:
        """The template in use: the municipality's own if it has saved one, else the standard."""
        name = self.situation()
        if self.trial is None or name is None:
            return None
        return self.store.note_template(self.trial.id, name) or self.standard_template()

    def _situation_changed(self, *args, keep_inputs: bool = False) -> None:
        if self._hand_edited and not self._confirm_discard_hand_edits():
            # Keep the hand-edited note and the situation it was written for.
            self.situation_combo.blockSignals(True)
            self.situation_combo.setCurrentIndex(self._shown_situation_index)
            self.situation_combo.blockSignals(False)
            return
        self._shown_situation_index = self.situation_combo.currentIndex()
        template = self.template()
        self._show_inputs(template)
        if template is not None and not keep_inputs:
            self.event_date_edit.blockSignals(True)
            self.event_date_edit.set_date(self._default_event_date())
            self.event_date_edit.blockSignals(False)
        elif template is not None and not self.event_date_edit.text():
            self.event_date_edit.set_date(self._default_event_date())
        self._show_template()
        self._hand_edited = False
        self.update_note()

    def _confirm_discard_hand_edits(self) -> bool:
        """Ask before a new situation replaces a note the caseworker has edited by hand."""
        answer = QMessageBox.question(
            self,
            "Lav notatet forfra?",
            "Du har rettet notatets tekst i hånden. Skifter du situation, laves teksten forfra, "
            "og dine rettelser går tabt. Vil du skifte situation?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def done(self, result: int) -> None:  # noqa: D102 - every way of closing the window ends here
        if self._uncopied_work() and not self._confirm_close_uncopied():
            return
        super().done(result)

    def _uncopied_work(self) -> bool:
        """True when the caseworker has written something that is not yet copied to FASIT."""
        typed = self.free_text_edit.toPlainText().strip() or self.reason_edit.toPlainText().strip()
        written = self._hand_edited or bool(typed)
        return written and bool(self.note_text().strip()) and self._last_saved != self._current()

    def _confirm_close_uncopied(self) -> bool:
        answer = QMessageBox.question(
            self,
            "Luk uden at kopiere?",
            "Notatet er ikke kopieret til FASIT og ikke gemt i sagens historik. "
            "Vil du lukke og kassere det?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _default_event_date(self) -> date | None:
        return default_event_date(self.trial, self.case, self.situation(), self._today())

    def _event_date_hint(self) -> str:
        situation = self.situation()
        kind = next((k for k, name in EVENT_SITUATIONS.items()
                     if name == situation and self.trial and k in self.trial.events), None)
        if kind is not None:
            found = f"Udfyldt med sagens seneste '{EVENT_NAMES[kind]}'; kan rettes."
            none = f"Ingen '{EVENT_NAMES[kind]}' registreret på sagen: skriv datoen (dd-mm-åååå)."
        elif situation in SITUATION_DATES:
            label = DATE_NAMES[SITUATION_DATES[situation]]
            found = f"Udfyldt med sagens dato for {label}; kan rettes."
            none = f"Sagen har ingen dato for {label}: skriv datoen (dd-mm-åååå)."
        else:
            found, none = "Kan rettes.", "Skriv datoen (dd-mm-åååå)."
        return none if self._default_event_date() is None else found

    def _show_inputs(self, template: NoteTemplate | None) -> None:
        used = set(template.fields) if template else set()
        name = self.situation() or ""
        dated = template is not None and uses_event_date(template)
        for field, label, visible in (
            ("event_date", self.event_date_label, dated),
            ("reason", self.reason_label, "reason" in used),
            ("free_text", self.free_text_label, "free_text" in used),
        ):
            self.input_form.setRowVisible(self.boxes[field], visible)
            label.setVisible(visible)
        confirm = "conditions" in used and bool(self.confirm_boxes)
        self.input_form.setRowVisible(self.confirm_panel, confirm)
        self.confirm_label.setVisible(confirm)
        # Hints as placeholders: a wrapped label under a fixed-height box upsets the form layout.
        self.reason_edit.setPlaceholderText(REASON_HINTS.get(name, "Begrundelsen."))
        self.free_text_edit.setPlaceholderText(
            FREE_TEXT_HINTS.get(name, "Din egen tekst, fx et resumé af samtalen.")
        )
        self.boxes["event_date"].set_hint(self._event_date_hint())
        own = template is not None and template is not self.standard_template()
        self.template_info.setText("Kommunens egen skabelon bruges." if own else "")
        self.template_info.setVisible(own)
        if self._split:  # another situation asks for other fields: they get the room they need
            self._fit_split()

    # ------------------------------------------------------------ the note

    def inputs(self) -> dict:
        """What the caseworker has given: reason, free_text and event_date (None if empty)."""
        return {
            "reason": self.reason_edit.toPlainText(),
            "free_text": self.free_text_edit.toPlainText(),
            "event_date": self.event_date_edit.date_value(),
            "confirmed": tuple(name for name, box in self.confirm_boxes.items() if box.isChecked()),
        }

    def update_note(self, *args) -> None:
        """Fill the note in again from the template and the fields (unless edited by hand)."""
        self._note_problem, self._missing = "", ()
        text = ""
        template = self.template()
        if self.trial is None:
            self._note_problem = f"Forsøg {self.case.trial_id} findes ikke i kataloget."
        elif template is None:
            self._note_problem = f"Forsøg {self.trial.id} har ingen journalnotater."
        else:
            try:
                values = self.inputs()
            except ValueError as exc:
                self._note_problem = f"Dato for hændelsen: {exc}"
            else:
                settings = self.store.settings()
                try:
                    text, self._missing = draft_note(
                        self.trial,
                        self.case,
                        self.situation(),
                        note_date=self._today(),
                        caseworker=settings.caseworker_name,
                        municipality=settings.municipality,
                        template=template,
                        **values,
                    )
                except NoteError as exc:
                    self._note_problem = str(exc)
        if not self._hand_edited:
            self._updating = True
            self.note_edit.setPlainText(text)
            self._updating = False
        self.note_edit.setPlaceholderText(
            f"Notatet kan ikke skrives: {self._note_problem}" if self._note_problem else ""
        )
        self._refresh_state()

    def _mark_missing(self) -> None:
        """Show each '[mangler: …]' in the note on a coloured background (the words say it too)."""
        marks = []
        document = self.note_edit.document()
        cursor = document.find(MARKER_START)
        while not cursor.isNull():
            end = document.find("]", cursor.position())
            if end.isNull():
                break
            cursor.setPosition(end.position(), QTextCursor.MoveMode.KeepAnchor)
            mark = QTextEdit.ExtraSelection()
            mark.cursor = QTextCursor(cursor)
            mark.format.setBackground(mark_colour())
            marks.append(mark)
            cursor = document.find(MARKER_START, end.position())
        self.note_edit.setExtraSelections(marks)

    def _check_event_date(self) -> None:
        try:
            self.event_date_edit.date_value()
        except ValueError as exc:
            self.boxes["event_date"].set_error(str(exc))
        else:
            self.boxes["event_date"].set_error(None)

    def _note_edited(self) -> None:
        if not self._updating:
            self._hand_edited = True
        self._refresh_state()

    def regenerate(self) -> None:
        """Throw away hand edits and fill the note in from the template again."""
        self._hand_edited = False
        self.update_note()

    def copy_problems(self) -> list[str]:
        """Why the note cannot be copied now, in Danish (empty: it can)."""
        if self._note_problem:
            return [self._note_problem]
        if self._missing:
            problems = ["Udfyld før notatet kan kopieres: " + "; ".join(self._missing) + "."]
            if {NOTE_FIELDS["caseworker"], NOTE_FIELDS["municipality"]} & set(self._missing):
                problems.append("Dit og kommunens navn skrives under Indstillinger.")
            if any(label.startswith("sagens dato") for label in self._missing):
                problems.append("Sagens datoer rettes i sagsvinduet.")
            return problems
        text = self.note_edit.toPlainText()
        if not text.strip():
            return ["Notatet er tomt."]
        if MARKER_START in text:
            return ["Teksten har stadig [mangler: …]. Ret teksten, eller lav den forfra."]
        return []

    def _refresh_state(self) -> None:
        self._mark_missing()
        problems = self.copy_problems()
        self.copy_button.setEnabled(not problems)
        self.hand_label.setVisible(self._hand_edited)
        self.regenerate_button.setVisible(self._hand_edited)
        if problems:
            self.status_label.setText("⚠ " + " ".join(problems))
            self.status_label.setStyleSheet(error_style())
        elif self.saved_note_id is not None and self._last_saved == self._current():
            self.status_label.setText(
                "✓ Kopieret og gemt i sagens historik. Sæt notatet ind i FASIT med Ctrl+V."
            )
            self.status_label.setStyleSheet(ok_style())
        else:
            self.status_label.setText("✓ Klar til at kopiere.")
            self.status_label.setStyleSheet(ok_style())

    def note_text(self) -> str:
        """The note as it stands in the window ('\\n' line breaks)."""
        return self.note_edit.toPlainText().replace("\r\n", "\n").strip("\n")

    def _current(self) -> tuple[str, str]:
        return (self.situation() or "", self.note_text())

    def copy_to_fasit(self) -> None:
        """Put the note on the clipboard as plain text, Windows line breaks; keep it in history."""
        if self.copy_problems():
            return
        text = self.note_text()
        QGuiApplication.clipboard().setText(for_clipboard(text))
        if self._last_saved != self._current():  # copying the same note twice keeps it once
            try:
                self.saved_note_id = self.store.add_journal_note(
                    self.case_id, situation=self.situation(), text=text, day=self._today()
                )
            except ValidationError as exc:
                self.status_label.setText(
                    "⚠ Notatet er kopieret, men kunne ikke gemmes i historikken: "
                    + "; ".join(exc.errors.values())
                )
                self.status_label.setStyleSheet(error_style())
                return
            self._last_saved = self._current()
        self._refresh_state()

    # ------------------------------------------------------------ the municipality's template

    def _show_template(self) -> None:
        standard = self.standard_template()
        name = self.situation()
        self.template_edit.blockSignals(True)
        self.template_edit.setPlainText(self.template().text if standard else "")
        self.template_edit.blockSignals(False)
        self.template_edit.setEnabled(standard is not None)
        self.save_template_button.setEnabled(standard is not None)
        if standard is None:
            self.template_title.setText("Forsøget har ingen skabeloner.")
            self.restore_button.setEnabled(False)
            self.template_errors.clear()
            return
        changes = self.store.note_template_history(self.trial.id, name)
        own = bool(changes) and changes[0].text is not None
        where = f"<b>{standard.title}</b> i forsøg {self.trial.id}"
        if own:
            last = changes[0]
            by = f" af {last.created_by}" if last.created_by else ""
            self.template_title.setText(
                f"Skabelon for {where}: kommunens egen, gemt {stamp_text(last.created_at)}{by}."
            )
        else:
            self.template_title.setText(f"Skabelon for {where}: programmets standard.")
        self.restore_button.setEnabled(own)
        self._check_template()

    def _check_template(self) -> None:
        standard = self.standard_template()
        if standard is None:
            return
        problems = edited_template_errors(standard, self.template_edit.toPlainText())
        self._show_template_messages(problems)

    def _show_template_messages(self, problems: list[str], ok: str = "") -> None:
        if problems:
            self.template_errors.setText("\n".join(f"⚠ {p}" for p in problems))
            self.template_errors.setStyleSheet(error_style())
        else:
            self.template_errors.setText(ok)
            self.template_errors.setStyleSheet(ok_style())

    def _insert_field(self, item: QListWidgetItem) -> None:
        self.template_edit.insertPlainText("$" + item.data(Qt.ItemDataRole.UserRole))
        self.template_edit.setFocus()

    def save_template(self) -> bool:
        """Save the text as the municipality's template; if unusable: Danish messages, no save."""
        name = self.situation()
        if self.trial is None or name is None:
            return False
        try:
            self.store.save_note_template(self.trial.id, name, self.template_edit.toPlainText())
        except ValidationError as exc:
            self._show_template_messages(
                [line for message in exc.errors.values() for line in message.splitlines()]
            )
            return False
        self._after_template_change("✓ Gemt. Notatet bruger nu kommunens skabelon.")
        return True

    def restore_template(self) -> None:
        """Use the standard template again ("gendan standard"); the edited one stays in history."""
        name = self.situation()
        if self.trial is None or name is None:
            return
        self.store.restore_note_template(self.trial.id, name)
        self._after_template_change("✓ Standardskabelonen bruges igen.")

    def _after_template_change(self, message: str) -> None:
        self._show_inputs(self.template())
        self._show_template()
        self._show_template_messages([], message)
        self.update_note()
