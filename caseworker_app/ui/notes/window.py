"""The journal-note window: pick the situation, fill in what it needs, copy the note to FASIT;
and the municipality's own template for that situation, with "Gendan standard". This module
assembles the two tabs, follows the situation chosen and drafts the note; the fields (inputs.py),
the note's text (draft_pane.py), the Notat tab's layout (note_page.py), the template tab
(template_editor.py) and copying the note (copying.py) are modules of their own in this package."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...core.catalog import NoteTemplate, Trial
from ...core.note_errors import NoteError
from ...core.note_refusals import offered_situations
from ...core.note_situations import default_event_date, event_kind, situation_for_event
from ...core.note_subject import crossed_out_problem, original_row
from ...core.notes import draft_note
from ..case_gone import keep_note
from ..screen_fit import resize_to_fit
from .copying import copy_problems, copy_to_fasit
from .draft_pane import DraftPane
from .freshness import trial_changes
from .inputs import NoteInputs
from .note_page import NotePage
from .note_questions import confirm_close_uncopied, confirm_discard_hand_edits
from .registration import note_event, notice
from .template_editor import TemplateEditor

if TYPE_CHECKING:  # a type only: no import of the store when this module loads
    from ...store.case_store import CaseStore


class NoteWindow(QDialog):
    """Write a case's journal note for FASIT; the note as copied is kept in the case history."""

    case_gone = keep_note  # the case deleted elsewhere meanwhile (ui/case_gone.py)

    def __init__(
        self,
        store: CaseStore,
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
        self._history = store.history(case_id)  # with corrected rows: a note may not be about those
        self.trial: Trial | None = store.catalog().get(self.case.trial_id)
        self.seen_changes = trial_changes(self)  # the trial's changes as read: another may come (freshness.py)
        self.saved_note_id: int | None = None  # the history row of the last copy
        self._last_saved: tuple[str, str] | None = None
        self._shown_situation_index = 0
        self._note_problem = ""
        self._missing: tuple[str, ...] = ()
        self._split = False

        self.setWindowTitle(f"Journalnotat – {self.case.citizen} ({self.case.case_ref})")
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_note_tab(), "&Notat")
        self.template_editor = TemplateEditor(store, self.trial)
        self.template_editor.changed.connect(self._template_changed)
        self.tabs.addTab(self.template_editor, "&Skabelon")
        self.close_button = QPushButton("&Luk")
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.accept)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom)
        # Once in the window: Tab goes from the fields to the button that hides them, then the note.
        QWidget.setTabOrder(self.fields_button, self.draft.note_edit)
        # From the note to Vis det manglende (when shown), then Kopiér, as they stand below it.
        QWidget.setTabOrder(self.draft.note_edit, self.draft.show_missing_button)
        QWidget.setTabOrder(self.draft.show_missing_button, self.draft.copy_button)
        resize_to_fit(self, 960, 760)

        # The parts' widgets by the names the rest of the program (and its tests) reach them by.
        self.situation_combo = self.inputs.situation_combo
        self.event_date_edit = self.inputs.event_date_edit
        self.reason_edit = self.inputs.reason_edit
        self.reason_label = self.inputs.reason_label
        self.free_text_edit = self.inputs.free_text_edit
        self.confirm_boxes = self.inputs.conditions.boxes
        self.confirm_panel = self.inputs.conditions
        self.note_edit = self.draft.note_edit
        self.hand_label = self.draft.hand_label
        self.regenerate_button = self.draft.regenerate_button
        self.status_label = self.draft.status_label
        self.copy_button = self.draft.copy_button
        self.template_title = self.template_editor.template_title
        self.template_edit = self.template_editor.template_edit
        self.template_errors = self.template_editor.template_errors
        self.save_template_button = self.template_editor.save_template_button
        self.restore_button = self.template_editor.restore_button

        event = self._event_row(event_id)
        chosen = situation
        if chosen is None and event is not None and self.trial is not None:
            chosen = situation_for_event(self.trial, event.kind)
        self._fill_situations(chosen)
        if event is not None:
            self.inputs.event_date_edit.set_date(event.day)
            if event.text:
                self.inputs.free_text_edit.setPlainText(event.text)
        self.update_note()
        self.inputs.start_field(self).setFocus()  # not the tab bar, which Qt would choose

    # ------------------------------------------------------------ building

    def _build_note_tab(self) -> QWidget:
        self.inputs = NoteInputs(self.trial, self.case, note_day=self._today(), parent=self)
        self.draft = DraftPane(parent=self)
        inputs = self.inputs
        inputs.situation_combo.currentIndexChanged.connect(self._situation_changed)
        for box in (*inputs.conditions.boxes.values(), *(c[0] for c in inputs.conditions.checks.values())):
            box.toggled.connect(self.update_note)
        inputs.event_date_edit.textChanged.connect(self.update_note)
        inputs.reason_edit.textChanged.connect(self.update_note)
        inputs.free_text_edit.textChanged.connect(self.update_note)
        self.draft.edited.connect(self._refresh_state)
        self.draft.regenerate_button.clicked.connect(self.regenerate)
        self.draft.copy_button.clicked.connect(self.copy_to_fasit)

        page = self.note_page = NotePage(inputs, self.draft)
        self.draft.show_missing_button.clicked.connect(self.show_missing)
        self.inputs_scroll = page.inputs_scroll
        self.fields_button = page.fields_button
        return page

    def show_missing(self) -> None:
        """Vis det manglende: the first field still to fill in, shown and with the cursor in it."""
        field = self.inputs.first_unfilled()
        if field is not None:
            self.note_page.go_to(field)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if not self._split:
            self._split = True
            self.note_page.fit_split()

    # ------------------------------------------------------------ situation and template

    def _event_row(self, event_id: int | None):
        """The history row of event_id; for a cancelling row the event it withdrew. A corrected or
        cancelled event is shown as chosen, and its note refused (copy_problems)."""
        if event_id is None:
            return None
        row = next((r for r in self._history if r.id == event_id and not r.is_case_change), None)
        return original_row(self._history, row) if row is not None else None

    def _fill_situations(self, chosen: str | None) -> None:
        combo = self.inputs.situation_combo
        combo.blockSignals(True)
        combo.clear()
        for name, title, _refusal in offered_situations(self.trial, self.case, self._today()) if self.trial else ():
            combo.addItem(title, name)  # a refused one marked; choosing it shows why (core/note_refusals.py)
        index = combo.findData(chosen) if chosen else -1
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)
        self._situation_changed(keep_inputs=True)

    def situation(self) -> str | None:
        """The name of the situation chosen (opfoelgning, plan_ikke_justeret …)."""
        return self.inputs.situation_combo.currentData()

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
        combo, date_edit = self.inputs.situation_combo, self.inputs.event_date_edit
        if self.draft.hand_edited and not confirm_discard_hand_edits(self):
            # Keep the hand-edited note and the situation it was written for.
            combo.blockSignals(True)
            combo.setCurrentIndex(self._shown_situation_index)
            combo.blockSignals(False)
            return
        self._shown_situation_index = combo.currentIndex()
        template = self.template()
        self._show_inputs(template)
        if template is not None and not keep_inputs:
            date_edit.blockSignals(True)
            date_edit.set_date(self._default_event_date())
            date_edit.blockSignals(False)
        elif template is not None and not date_edit.text():
            date_edit.set_date(self._default_event_date())
        self._show_template()
        self.draft.hand_edited = False
        self.update_note()

    def done(self, result: int) -> None:  # noqa: D102 - every way of closing the window ends here
        if self.has_uncopied_note() and not confirm_close_uncopied(self):
            return
        super().done(result)

    def has_uncopied_note(self) -> bool:
        """True when the caseworker has written something that is not yet copied to FASIT."""
        inputs = self.inputs
        typed = inputs.free_text_edit.toPlainText().strip() or inputs.reason_edit.toPlainText().strip()
        written = self.draft.hand_edited or bool(typed)
        return written and bool(self.note_text().strip()) and self._last_saved != self._current()

    def _default_event_date(self) -> date | None:
        situation = self.situation()
        if self.trial is None or situation is None:
            return None  # nothing to date the note by
        return default_event_date(self.trial, self.case, situation, self._today())

    def _show_inputs(self, template: NoteTemplate | None) -> None:
        own = template is not None and template is not self.standard_template()
        self.inputs.show_for(template, self.situation() or "", own=own, default_date=self._default_event_date())
        if self._split:  # another situation asks for other fields: they get the room they need
            self.note_page.fit_split()

    def _show_template(self) -> None:
        self.template_editor.show_template(self.situation(), self.standard_template(), self.template())

    def _template_changed(self, message: str) -> None:
        """A template saved or restored: the note tab follows it at once."""
        self._show_inputs(self.template())
        self._show_template()
        self.template_editor.show_messages([], message)
        self.update_note()

    # ------------------------------------------------------------ the note

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
                values = self.inputs.values()
            except ValueError as exc:
                self._note_problem = f"Dato for hændelsen: {exc}"
            else:
                settings = self.store.settings()
                situation = self.situation()
                assert situation is not None  # template() gives a template for a chosen situation only
                # The trial and case as read last (freshness.py reads them again at copy time).
                values["confirmed"] = self.inputs.follow_confirmations(
                    self.trial, self.case, situation, template, values["event_date"], self._today(), settings
                )
                try:
                    text, self._missing = draft_note(
                        self.trial,
                        self.case,
                        situation,
                        note_date=self._today(),
                        caseworker=settings.caseworker_name,
                        municipality=settings.municipality,
                        template=template,
                        **values,
                    )
                except NoteError as exc:
                    self._note_problem = str(exc)
                else:
                    # A note about a crossed-out event would state the date the correction undid:
                    # no draft of it is shown at all (it could be copied by hand), only why.
                    crossed_out = crossed_out_problem(self._history, *self._subject())
                    if crossed_out:
                        text, self._note_problem = "", crossed_out
        self.draft.set_draft(text, self._note_problem)
        self._refresh_state()

    def regenerate(self) -> None:
        """Throw away hand edits and fill the note in from the template again."""
        self.draft.hand_edited = False
        self.update_note()

    def copy_problems(self) -> list[str]:
        """Why the note cannot be copied now, in Danish (empty: it can)."""
        return copy_problems(self)

    def _refresh_state(self) -> None:
        self.draft.mark_missing()
        self.draft.show_missing_button.setVisible(bool(self._missing) and self.inputs.first_unfilled() is not None)
        problems = self.copy_problems()
        copied = self.saved_note_id is not None and self._last_saved == self._current()
        event = None if problems else self._unregistered_event()
        self.draft.show_state(problems, copied=copied, notice=notice(event) if event else "")

    def _subject(self) -> tuple[str | None, date | None]:
        """The kind and date of the event the note is about (None, None: about no event)."""
        situation = self.situation()
        if self.trial is None or situation is None:
            return None, None
        try:
            day = self.inputs.values()["event_date"]
        except ValueError:
            return None, None  # not a date: copy_problems says so
        return event_kind(self.trial, situation), day

    def _unregistered_event(self):
        return note_event(self.trial, self.case, self.situation(), self.inputs)

    def note_text(self) -> str:
        """The note as it stands in the window ('\\n' line breaks)."""
        return self.draft.text()

    def _current(self) -> tuple[str, str]:
        return (self.situation() or "", self.note_text())

    def copy_to_fasit(self) -> None:
        """Put the note on the clipboard as plain text, Windows line breaks; keep it in history (copying.py)."""
        copy_to_fasit(self)
