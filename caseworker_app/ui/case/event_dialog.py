"""Registering an event on a case, or correcting one (a new row that replaces it)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from ...core.history import INITIATORS, EventRow, default_initiator
from ...core.note_subject import copied_notes_warning
from ...core.schedule import agreed_date_asked
from ...core.terms import EVENT_NAMES, FORMS, IMPORTED_EVENTS
from ...core.workdays import fmt
from ...store import CaseNotFoundError, StoreError, ValidationError
from ..field_scroll import FieldScrollArea
from ..fields import (
    DateLineEdit,
    FieldBox,
    accept_buttons,
    buddy_label,
    clear_errors,
    general_error_label,
    show_errors,
    text_box,
)
from ..questions import ask_yes_no
from ..screen_fit import grow_to_content, grow_to_fields
from ..store_errors import show_store_error

if TYPE_CHECKING:  # a type only: no import of the store when this module loads
    from ...store.case_store import CaseStore

NOT_GIVEN = "– ikke angivet –"


CHOOSE_KIND = "– vælg hændelse –"


class EventDialog(QDialog):
    """Date (today, focused), kind, form, initiator, 'full follow-up', text; Enter saves."""

    def __init__(
        self,
        store: CaseStore,
        case_id: int,
        *,
        today: Callable[[], date],
        kind: str = "followup",
        replaces: int | None = None,
        day: date | None = None,
        as_kind: str | None = None,
        parent: QWidget | None = None,
    ):
        """as_kind, for a correction: the kind it starts with (else the corrected event's own)."""
        super().__init__(parent)
        self.store = store
        self.case_id = case_id
        self.replaces = replaces
        self.event_id: int | None = None
        self._today = today
        self.case = store.get_case(case_id)
        self.trial = store.catalog().get(self.case.trial_id)
        history = store.history(case_id) if replaces is not None else []
        original = self._original(history, replaces)
        # A note about the event already copied to FASIT says the old date there: said before and after saving.
        self.notes_warning = copied_notes_warning(history, replaces) if replaces is not None else ""
        # An event only an import registers (a decision of unknown outcome) is offered only when
        # correcting one: the caseworker then says whether the plan was adjusted.
        events = [
            k
            for k in (self.trial.events if self.trial else ())
            if k not in IMPORTED_EVENTS or (original is not None and original.kind == k)
        ]

        # Named by the button that opened it: 'Registrer opfølgning' (Ctrl+R), else any event.
        title = (
            "Ret hændelse"
            if replaces is not None
            else "Registrer opfølgning"
            if kind == "followup" and "followup" in events
            else "Registrer hændelse"
        )
        self.setWindowTitle(f"{title} – {self.case.citizen} ({self.case.case_ref})")

        self.date_edit = DateLineEdit(original.day if original else day or today())
        self.kind_combo = QComboBox()
        for name in events:
            self.kind_combo.addItem(EVENT_NAMES[name].capitalize(), name)
        self.form_combo = QComboBox()
        self.form_combo.addItem(NOT_GIVEN, None)
        for form in FORMS:
            self.form_combo.addItem(form, form)
        self.initiator_combo = QComboBox()
        self.initiator_combo.addItem(NOT_GIVEN, None)
        for who in INITIATORS:
            self.initiator_combo.addItem(who, who)
        # The kind's default initiator (a contact: none, the caseworker says who) until one is chosen.
        self._initiator_chosen = original is not None
        self.full_check = QCheckBox("&Tæller som fuld opfølgning")
        self.full_check.setToolTip("En henvendelse mellem opfølgninger starter kun fristen forfra, når den er markeret")
        self.text_edit = text_box()
        self.text_edit.setPlaceholderText("Kort tekst, fx hvad der blev aftalt")
        # At least four lines, also when an error message takes room above it.
        self.text_edit.setMinimumHeight(self.fontMetrics().lineSpacing() * 4 + 12)

        # Trials whose cadence the caseworker sets (T04, T12, T15, T16): the next date is agreed
        # at each talk, so it is asked for here; without it the case has no coming deadline. A
        # correction shows the date the talk set, to be corrected with it.
        self.asks_next_agreed = any(d.name == "agreed" for d in (self.trial.dates if self.trial else ()))
        self.agreed_seen = store.agreed_at_event(case_id, replaces) if self.asks_next_agreed else None
        follows = self.agreed_seen is not None and self.agreed_seen.follows_talk
        self.next_agreed_edit = DateLineEdit(self.agreed_seen.set_to if follows and self.agreed_seen else None)

        self.boxes = {
            "day": FieldBox(self.date_edit),
            "kind": FieldBox(self.kind_combo),
            "form": FieldBox(self.form_combo),
            "initiated_by": FieldBox(self.initiator_combo),
            "full_followup": FieldBox(self.full_check),
            "text": FieldBox(self.text_edit),
            "agreed": FieldBox(self.next_agreed_edit),
        }
        form = QFormLayout()
        for name, label in (
            ("day", "&Dato:"),
            ("kind", "&Hændelse:"),
            ("form", "&Form:"),
            ("initiated_by", "&Initieret af:"),
            ("full_followup", ""),
            ("text", "Te&kst:"),
            ("agreed", "&Næste aftalte dato:"),
        ):
            if name == "agreed" and not self.asks_next_agreed:
                self.boxes[name].hide()
                continue
            if label:
                form.addRow(buddy_label(label, self.boxes[name].editor), self.boxes[name])
            else:
                form.addRow("", self.boxes[name])

        # The fields scroll when the screen is lower than they are (1366×768 at 150 % with 150 % text
        # cut the text box to less than three lines); the buttons stay in view below them.
        fields = QWidget()
        self._fields_layout = QVBoxLayout(fields)
        self._fields_layout.setContentsMargins(0, 0, 0, 0)
        header = QLabel(self._header_text(original))
        header.setWordWrap(True)
        self._fields_layout.addWidget(header)
        self.cancel_check = QCheckBox("Hændelsen blev registreret ved en fejl – &annullér den")
        if replaces is not None:
            self._fields_layout.addWidget(self.cancel_check)
            self.cancel_check.toggled.connect(self._cancel_toggled)
        else:
            self.cancel_check.hide()
        self._fields_layout.addLayout(form)
        self.scroll_area = FieldScrollArea(fields, "Hændelsen")
        layout = QVBoxLayout(self)
        layout.addWidget(self.scroll_area, 1)
        self.general_error = general_error_label()
        layout.addWidget(self.general_error)
        self.buttons, self.save_button = accept_buttons(self, "Gem")
        layout.addWidget(self.buttons)

        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.date_edit.textChanged.connect(self._update_agreed)
        for name, edit in (("day", self.date_edit), ("agreed", self.next_agreed_edit)):
            edit.textChanged.connect(lambda _text, n=name, e=edit: self._clear_fixed_date_error(n, e))
        start_kind = (as_kind or original.kind) if original else kind
        if start_kind not in events and len(events) > 1:
            # Asked for a kind the trial does not have ("Registrer opfølgning" on T07) where it has
            # several: the caseworker chooses, for a default would register a decision nobody took
            # (plan adjusted or not gives another deadline).
            self.kind_combo.insertItem(0, CHOOSE_KIND, None)
            start_kind = None
        elif start_kind not in events and events:
            start_kind = events[0]
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(start_kind)))
        self.form_combo.setCurrentIndex(max(0, self.form_combo.findData(original.form if original else "personligt")))
        self.initiator_combo.activated.connect(self._initiator_activated)
        if original:
            self.initiator_combo.setCurrentIndex(max(0, self.initiator_combo.findData(original.initiated_by)))
        if original:
            self.full_check.setChecked(original.full_followup)
            self.text_edit.setPlainText(original.text)
        self._kind_changed()
        self._update_agreed()
        if not events:
            self.boxes["kind"].set_error(f"Forsøg {self.case.trial_id} har ingen hændelser at registrere")
            self.save_button.setEnabled(False)
        self.setMinimumWidth(460)
        self.date_edit.setFocus()
        self.date_edit.selectAll()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        # Exactly as high as the fields need (a wrapped hint leaves Qt's first guess too high), as
        # far as the screen allows: on a low screen the fields scroll, the text box keeps four lines.
        grow_to_fields(self, self._fields_layout, self.scroll_area, exact=True)

    def _typed_day(self) -> date | None:
        try:
            return self.date_edit.date_value()
        except ValueError:
            return None

    def _agreed_open(self) -> bool:
        """Whether this talk may set the agreed date: not cancelled, not older than the latest
        talk, and not a correction of a date someone has changed since (core.agreed_at_event)."""
        seen = self.agreed_seen
        if seen is None or self.cancel_check.isChecked():
            return False
        return seen.kept_because(self._typed_day()) is None

    def _update_agreed(self, *, cancel_toggled: bool = False) -> None:
        """The next date field open or closed, and its hint, for the talk's date as typed."""
        if self.agreed_seen is None:
            return
        if not cancel_toggled and self._typed_day() is None and self.boxes["agreed"].hint_label.text():
            return  # a date half typed (or wrong) leaves the field as it was for the last real date
        self.next_agreed_edit.setEnabled(self._agreed_open())
        self.boxes["agreed"].set_hint(self._agreed_hint())
        if self.isVisible():  # a longer hint takes its lines from the text box otherwise
            grow_to_content(self)

    def _agreed_hint(self) -> str:
        """What the next agreed date does, and what an empty field does, for this talk on this day
        (the engine's rule: core.schedule.agreed_date_asked; the talk's own: core.agreed_at_event)."""
        seen = self.agreed_seen
        assert self.trial is not None and seen is not None  # asked only for a trial with an agreed date
        day = self._typed_day()
        if self.cancel_check.isChecked():
            return seen.cancel_text()
        kept = seen.kept_because(day)
        if kept:
            return kept
        spec = next((r for r in self.trial.rules if r.kind == "caseworker_set" and r.anchor == "agreed"), None)
        end = self.trial.period.effective_end
        has_ordinary = spec is not None and (spec.ordinary is not None or bool(spec.ordinary_changes))
        if agreed_date_asked(self._today(), end, has_ordinary):
            what = (
                "Den dato, samtalen satte; ret den, hvis den er forkert."
                if seen.follows_talk
                else "Aftalt med borgeren: bliver sagens nye frist."
            )
            return f"{what} {seen.empty_text(day)}"
        return (
            f"Gemmes på sagen. Forsøget sluttede {fmt(end)}, så fristen regnes efter den almindelige "
            "regel – med eller uden en aftalt dato."
        )

    @staticmethod
    def _original(history: list[EventRow], replaces: int | None) -> EventRow | None:
        if replaces is None:
            return None
        return next((r for r in history if r.id == replaces and not r.is_case_change), None)

    def _header_text(self, original: EventRow | None) -> str:
        trial = f"{self.trial.id} – {self.trial.short_title}" if self.trial else self.case.trial_id
        text = f"{self.case.citizen}, sag {self.case.case_ref}, forsøg {trial}"
        if original is not None:
            text += (
                f"\n\nDu retter: {original.label} {fmt(original.day)}. "
                "Rettelsen gemmes som en ny række; "
                "den oprindelige bliver stående i historikken, overstreget."
            )
        if self.notes_warning:
            text += f"\n\n⚠ {self.notes_warning}"
        return text

    def _initiator_activated(self, _index: int) -> None:
        self._initiator_chosen = True

    def _kind_changed(self) -> None:
        kind = self.kind_combo.currentData()
        is_contact = kind == "contact"
        if not self._initiator_chosen and kind:
            self.initiator_combo.setCurrentIndex(max(0, self.initiator_combo.findData(default_initiator(kind))))
        self.full_check.setEnabled(is_contact and not self.cancel_check.isChecked())
        if not is_contact:
            self.full_check.setChecked(False)

    def _cancel_toggled(self, cancelled: bool) -> None:
        for name, box in self.boxes.items():
            if name != "text":
                box.editor.setEnabled(not cancelled)
        self._kind_changed()
        self._update_agreed(cancel_toggled=True)
        self.text_edit.setPlaceholderText("Hvorfor annulleres hændelsen?" if cancelled else "")

    def accept(self) -> None:
        """Save the event or correction; on a fault show each message at its field, stay open."""
        clear_errors(self.boxes.values(), self.general_error)
        text = self.text_edit.toPlainText().strip()
        try:
            if self.replaces is not None and self.cancel_check.isChecked():  # shown for a correction only
                self.event_id = self.store.cancel_event(self.case_id, self.replaces, text=text)
            else:
                if self.kind_combo.currentData() is None:
                    raise ValidationError({"kind": "Vælg, hvilken hændelse det er: den bestemmer den næste frist"})
                day = self._date_or_error(self.date_edit, "day")
                if self.replaces is None and not self._repeat_confirmed(self.kind_combo.currentData(), day):
                    return  # the dialog stays as typed: the date may be the one to change
                # The event and the agreed date it sets are one write in the store, both or neither.
                self.event_id = self.store.add_event(
                    self.case_id,
                    day=day,
                    kind=self.kind_combo.currentData(),
                    form=self.form_combo.currentData(),
                    initiated_by=self.initiator_combo.currentData(),
                    full_followup=self.full_check.isChecked(),
                    text=text,
                    replaces=self.replaces,
                    sets_agreed=self._agreed_open(),
                    next_agreed=self._date_or_error(self.next_agreed_edit, "agreed") if self._agreed_open() else None,
                )
        except ValidationError as exc:
            show_errors(self.boxes, exc.errors, self.general_error)
            return
        except CaseNotFoundError:
            raise  # deleted meanwhile: the window's handler closes this dialog (ui/store_errors.py case_gone)
        except StoreError as exc:  # busy, a full disk: nothing saved, the dialog stays as typed
            show_store_error(self.general_error, exc)
            return
        if self.notes_warning:  # saved: FASIT still holds the note about the event as it was
            QMessageBox.warning(self, "Ret også journalnotatet i FASIT", self.notes_warning)
        super().accept()

    def _repeat_confirmed(self, kind: str, day: date | None) -> bool:
        """True unless the case already has this event on this day and the caseworker says no: a tester
        saved the same follow-up twice unasked, and the evaluation counted both. Contacts are not asked
        about: a citizen and an employer may both call the same day."""
        if day is None or kind == "contact" or not any(e.kind == kind and e.day == day for e in self.case.events):
            return True
        return ask_yes_no(
            self,
            "Allerede registreret",
            f"Sagen har allerede en hændelse »{EVENT_NAMES[kind]}« den {fmt(day)}. Hver registrering tælles "
            "med i evalueringen. Vil du registrere den en gang til?",
        )

    def _clear_fixed_date_error(self, name: str, edit: DateLineEdit) -> None:
        """An error under a date goes as soon as the date typed is a real date."""
        if not self.boxes[name].error():
            return
        try:
            if edit.date_value() is not None:
                self.boxes[name].set_error(None)
        except ValueError:
            pass

    @staticmethod
    def _date_or_error(edit: DateLineEdit, field: str) -> date | None:
        try:
            return edit.date_value()
        except ValueError as exc:
            raise ValidationError({field: str(exc)}) from None

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        # Ctrl+Enter saves from the text field too (Enter there makes a new line).
        if (
            event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.accept()
            return
        super().keyPressEvent(event)
