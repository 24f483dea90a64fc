"""The case window: the form (only the dates its trial needs) on the left, deadlines with reasons and
the history on the right, the actions below. This module assembles the parts, loads the case into
them, saves the form and runs the actions; each part is a module of its own in this package (the
buttons, and when each can be used: buttons.py; what saving asks beside the form: save_questions.py)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QFrame, QMessageBox, QScrollArea, QSplitter, QVBoxLayout, QWidget

from ...core.cases import CLOSED
from ...core.validation import case_errors, parse_case_dates
from ...store import ValidationError
from ...store.case_conflicts import MINE, THEIRS, CaseConflictError
from ...store.errors import CaseNotFoundError, StoreError
from ..case_gone import keep_case_form
from ..fields import FieldBox, clear_errors, general_error_label, show_errors
from ..questions import ask_keep_or_overwrite, ask_save_changes
from ..screen_fit import resize_to_fit
from ..store_errors import show_store_error
from .buttons import CaseButtons
from .close_dialog import CloseCaseDialog, reopen_case
from .deadlines_pane import DeadlinesPane, deadline_texts
from .delete_dialog import DeleteCaseDialog
from .event_dialog import EventDialog
from .form import CaseForm
from .history_model import can_correct
from .history_pane import HistoryPane
from .save_questions import confirm_dropped_dates, gone_text

if TYPE_CHECKING:  # a type only: no import of the store when this module loads
    from ...store.case_store import CaseStore


class CaseWindow(QDialog):
    """One case: its form on the left, its deadlines and history on the right, its actions below."""

    changed = Signal()

    def __init__(
        self,
        store: CaseStore,
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
        self._loaded_state: tuple | None = None
        self._deadlines_sized = False
        self._pane_dragged = False  # the caseworker has set the Frister pane's height themselves
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)

        self.form = CaseForm(store, today=today, parent=self)
        self.form_scroll = QScrollArea()
        self.form_scroll.setWidgetResizable(True)
        self.form_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.form_scroll.setWidget(self.form)
        self.form_scroll.setAccessibleName("Sagens felter")
        self.form_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to its fields, which it scrolls into view
        self.deadlines = DeadlinesPane()
        self.history = HistoryPane()
        self.history.current_changed.connect(self._update_buttons)
        # Deadlines above the history; the caseworker can move the line between them.
        self.right = QSplitter(Qt.Orientation.Vertical)
        self.right.setChildrenCollapsible(False)
        self.right.addWidget(self.deadlines)
        self.right.addWidget(self.history)
        self.right.setStretchFactor(1, 1)
        self.right.splitterMoved.connect(self._pane_moved)  # a drag only; setSizes does not emit it
        self._build_buttons()

        # The parts' widgets by the names the rest of the program (and its tests) reach them by.
        self.citizen_edit = self.form.citizen_edit
        self.case_ref_edit = self.form.case_ref_edit
        self.cpr_edit = self.form.cpr_edit
        self.cpr_button = self.form.cpr_button
        self.trial_combo = self.form.trial_combo
        self.caseworker_edit = self.form.caseworker_edit
        self.note_edit = self.form.note_edit
        self.boxes = self.form.boxes
        self.status_label = self.form.status_label
        self.history_model = self.history.model
        self.history_view = self.history.view

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

        try:
            self.load()
        except BaseException:  # the case cannot be read (told by ui/store_errors.py): no hidden window left
            self.setParent(None)
            self.deleteLater()
            raise
        self.citizen_edit.setFocus()

    @property
    def date_boxes(self) -> dict[str, FieldBox]:
        """The date fields of the trial chosen in the form, by date name (rebuilt with the trial)."""
        return self.form.date_boxes

    # ------------------------------------------------------------ building

    def _build_buttons(self) -> None:
        self.general_error = general_error_label()
        self.buttons = CaseButtons(self.history)
        buttons = self.buttons
        # The buttons by the names the rest of the program (and its tests) reach them by.
        self.followup_button = buttons.followup_button
        self.event_button = buttons.event_button
        self.correct_button = buttons.correct_button
        self.note_button = buttons.note_button
        self.print_button = buttons.print_button
        self.close_case_button = buttons.close_case_button
        self.delete_button = buttons.delete_button
        self.save_button = buttons.save_button
        self.close_button = buttons.close_button

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
        self.button_rows = buttons.lay_out()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if not self._deadlines_sized:
            self._deadlines_sized = True
            self._size_deadline_pane()

    def _pane_moved(self, _pos: int, _index: int) -> None:
        self._pane_dragged = True

    def _size_deadline_pane(self, *, grow_only: bool = False) -> None:
        """The deadlines as high as they need beside the history (DeadlinesPane.fitted_height).

        grow_only: never smaller than it is (the caseworker dragged it there)."""
        sizes = self.right.sizes()
        total = sum(sizes)
        top = self.deadlines.fitted_height(total, self.history)
        if grow_only and top <= sizes[0]:
            return
        self.right.setSizes([top, total - top])

    # ------------------------------------------------------------ loading

    def load(self) -> None:
        """Fill the window from the database (after opening and after every saved change)."""
        self.case = self.store.get_case(self.case_id) if self.case_id is not None else None
        # Which case this is: a case created after this one was deleted may get its id (store).
        self._created = self.store.case_created_at(self.case_id) if self.case_id is not None else None
        case = self.case
        self.setWindowTitle("Ny sag" if case is None else f"Sag: {case.citizen} ({case.case_ref})")
        self.form.fill(case, self.store.settings())
        clear_errors(self.form.boxes.values(), self.general_error)
        self.form.show_status(case)
        self.form.show_condition_hints()
        self.show_deadlines()
        if self._deadlines_sized:
            # A saved change may need more lines (a new case) or fewer (a closed case, whose history
            # then gets the room); a height the caseworker dragged to is only ever made larger.
            self._size_deadline_pane(grow_only=self._pane_dragged)
        self.history.show_case(self.store, case)
        self._loaded_state = self.form.state()
        self._update_buttons()
        # The form column never narrower than its fields (it scrolls up and down, not sideways).
        scroll_bar = self.form_scroll.verticalScrollBar().sizeHint().width()
        self.form_scroll.setMinimumWidth(self.form.minimumSizeHint().width() + scroll_bar)  # form: the scrolled widget

    def follow_database(self) -> None:
        """The case as saved now, after a change made outside this window (Sag › Registrer opfølgning in
        the main window, another copy): a form with nothing typed is filled anew; typed work stays, and
        the deadlines and history show what is saved (a save asks about a field both changed)."""
        if self.case_id is None:
            return
        try:
            saved = self.store.get_case(self.case_id)
        except CaseNotFoundError:  # deleted meanwhile: told when acted on (ui/case_gone.py)
            return
        if saved == self.case:
            return
        if not self.is_dirty():
            self.load()
            return
        self.deadlines.show_texts(deadline_texts(self.store, saved, self.form.trial(), self._today()))
        self.history.show_case(self.store, saved)

    def show_deadlines(self) -> None:
        """The deadlines shown again as the catalog and database say now (after a trial changed in
        the Forsøg tab); the form, and anything typed in it, stays as it is."""
        self.deadlines.show_texts(deadline_texts(self.store, self.case, self.form.trial(), self._today()))

    def deadline_texts(self) -> list[str]:
        """The deadlines as the caseworker reads them (plain text of each box)."""
        return self.deadlines.texts()

    def selected_history_row(self):
        return self.history.selected_row()

    def _update_buttons(self, *args) -> None:
        case = self.case
        # Events are registered on the saved case, so its saved trial decides, not the combo.
        trial = self.store.catalog().get(case.trial_id) if case is not None else None
        self.buttons.show_for(case, trial)

    # ------------------------------------------------------------ saving

    def is_dirty(self) -> bool:
        """True when the form differs from what is saved."""
        return self.form.state() != self._loaded_state

    def save(self) -> bool:
        """Save the form; on a fault show each message at its field, save nothing, return False."""
        form = self.form
        clear_errors((*form.boxes.values(), *form.date_boxes.values()), self.general_error)
        raw_dates = form.typed_dates()
        fields = {
            "citizen": form.citizen_edit.text(),
            "case_ref": form.case_ref_edit.text(),
            "trial_id": form.trial_combo.currentData() or "",
            "cpr": form.typed_cpr(),
        }
        today = self._today()
        events = self.case.events if self.case is not None else ()
        errors = case_errors(self.store.catalog(), dates=raw_dates, today=today, events=events, **fields)
        try:
            if errors:
                raise ValidationError(errors)
            dates, _ = parse_case_dates(raw_dates)
            values: dict[str, Any] = dict(  # create_case's and update_case's keyword arguments
                fields,
                dates=dates,
                caseworker=form.caseworker_edit.text(),
                note=form.note_edit.toPlainText(),
            )
            if self.case_id is None:
                self.case_id = self.store.create_case(**values)
            else:
                assert self.case is not None  # only a saved case (loaded) is updated
                if not confirm_dropped_dates(self, self.store, self.case, fields["trial_id"], dates):
                    return False
                if not self._update(values):
                    return False
        except ValidationError as exc:
            show_errors({**form.boxes, **form.date_boxes}, exc.errors, self.general_error)
            return False
        except StoreError as exc:  # busy, a full disk, a write-protected file: the form stays as typed
            show_store_error(self.general_error, exc)
            return False
        self._saved()
        return True

    def _update(self, values: dict[str, Any]) -> bool:
        """Save what this form changed since it loaded the case; when someone else saved the same
        fields meanwhile, ask whose values to keep (Annuller: nothing saved, the form as it is)."""
        assert self.case_id is not None
        choice = None
        while True:  # changed again while the question was shown: asked again, never overwritten unseen
            try:
                self.store.update_case(self.case_id, loaded=self.case, choice=choice, created=self._created, **values)
                return True
            except CaseNotFoundError:  # deleted, or left out by a restore, while open here
                show_errors({}, {"case": gone_text(self.store, self.case_id, self._created)}, self.general_error)
                return False
            except CaseConflictError as conflict:
                answer = ask_keep_or_overwrite(self, conflict.text)
                if answer == QMessageBox.StandardButton.Cancel:
                    # The form stays as typed; the history shows what the other one saved.
                    self.history.show_case(self.store, self.store.get_case(self.case_id))
                    message = "Intet er gemt: en anden har ændret sagen, mens den var åben her (se Historik)."
                    show_errors({}, {"case": message}, self.general_error)
                    return False
                choice = conflict.choose(MINE if answer == QMessageBox.StandardButton.Save else THEIRS)

    def _saved(self) -> None:
        self.load()
        self.changed.emit()

    def case_gone(self) -> str:  # deleted elsewhere while open here (ui/case_gone.py)
        return keep_case_form(self, self._created)

    def reject(self) -> None:
        """Close; ask first when the form has changes that are not saved."""
        if self._unsaved_settled("Sagen har ændringer, der ikke er gemt. Vil du gemme dem?"):
            super().reject()

    # ------------------------------------------------------------ actions

    def _unsaved_settled(
        self, question: str = "Sagen har ændringer, der ikke er gemt. Vil du gemme dem først?"
    ) -> bool:
        """Before the window closes, or an action shows the case anew from the database (an event, a
        note, closing the case): what was typed is saved or let go by the caseworker's choice, never
        lost unasked. False: the caseworker cancelled, or the save failed (its message is shown)."""
        if not self.is_dirty():
            return True
        answer = ask_save_changes(self, question)
        if answer == QMessageBox.StandardButton.Cancel:
            return False
        return self.save() if answer == QMessageBox.StandardButton.Save else True

    def _event_dialog(self, kind: str, replaces: int | None = None) -> None:
        assert self.case_id is not None  # the event buttons are enabled for a saved case only
        if not self._unsaved_settled():
            return
        dialog = EventDialog(self.store, self.case_id, today=self._today, kind=kind, replaces=replaces, parent=self)
        if dialog.exec():
            self._saved()

    def register_followup(self) -> None:
        """Register a follow-up held today (the date can be changed in the dialog). In a trial without
        follow-ups the button says "Registrer hændelse …" and the dialog asks which event (kind unset)."""
        if self.followup_button.isEnabled():
            self._event_dialog("followup")

    def register_event(self) -> None:
        """Register any event the trial has (a contact between follow-ups offered first)."""
        trial = self.form.trial()
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
        if self.case is None or not self._unsaved_settled():
            return
        if self.case.status == CLOSED:
            if reopen_case(self, self.store, self.case):
                self._saved()
            return
        dialog = CloseCaseDialog(self.store, self.case.id, today=self._today, parent=self)
        if dialog.exec():
            self._saved()

    def delete_case(self) -> bool:
        """Delete a case created by mistake, after asking for the reason; True when it went."""
        if self.case is None:
            return False
        dialog = DeleteCaseDialog(self.store, self.case.id, parent=self)
        if not dialog.exec():
            return False
        self.changed.emit()
        super().accept()  # the case is gone: nothing left to save or show
        return True

    def write_note(self) -> None:
        """Open the journal-note window for this case (about the chosen event, if one is chosen)."""
        # Disabled: a crossed-out row is chosen (the tooltip says so).
        if self.case_id is None or not self.note_button.isEnabled() or not self._unsaved_settled():
            return
        from ..notes import NoteWindow  # here: the note window is opened far less than the case

        row = self.selected_history_row()
        event_id = row.id if row is not None and not row.is_case_change else None
        window = NoteWindow(self.store, self.case_id, today=self._today, event_id=event_id, parent=self)
        window.exec()
        if self.isVisible():  # else closed with the case, deleted elsewhere meanwhile (ui/case_gone.py)
            self._saved()

    def print_plan(self) -> None:
        """Print or save as PDF the case's plan of deadlines."""
        if self.case_id is None:
            return
        from ..printing.dialogs import print_case_plan

        print_case_plan(self.store, self.case_id, self, today=self._today)
