"""What a journal note needs from the caseworker: the situation, the event's date, the reason, their
own text and the conditions to confirm; only the fields the situation's template uses are shown."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from ...core.cases import CaseRecord
from ...core.catalog import NoteTemplate, Trial
from ...core.confirmations import (
    CHECKS,
    Confirmable,
    asked_conditions,
    asked_confirmations,
    confirmation_facts,
    untick_notice,
)
from ...core.note_conditions import DEADLINE_CHECK
from ...core.note_errors import NoteError
from ...core.note_situations import EVENT_SITUATIONS, period_date
from ...core.note_templates import uses_event_date
from ...core.settings import Settings
from ...core.terms import DATE_NAMES, EVENT_NAMES
from ...core.workdays import fmt
from ..colours import hint_style
from ..fields import DateLineEdit, FieldBox, buddy_label, text_box
from .conditions import ConditionsPanel

REQUIRED = " *"

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


def event_date_hint(trial: Trial | None, situation: str | None, default: date | None, typed: date | None) -> str:
    """Under the event date: where the date filled in came from, or what to type when none was;
    once the box holds another date (typed, None when empty or not a date), what the case has."""
    kind = next((k for k, name in EVENT_SITUATIONS.items() if name == situation and trial and k in trial.events), None)
    period = period_date(trial, situation) if trial and situation else None
    if kind is not None:
        found = f"Udfyldt med sagens seneste '{EVENT_NAMES[kind]}'; kan rettes."
        none = f"Ingen '{EVENT_NAMES[kind]}' registreret på sagen: skriv datoen (dd-mm-åååå)."
        other = f"Sagens seneste '{EVENT_NAMES[kind]}' er {fmt(default)}." if default else ""
    elif trial is not None and period is not None:
        label = DATE_NAMES.get(period) or trial.date_label(period).lower()
        found = f"Udfyldt med sagens dato for {label}; den rettes i sagsvinduet."
        none = f"Sagen har ingen dato for {label}: skriv datoen (dd-mm-åååå)."
        other = f"Sagens dato for {label} er {fmt(default)}." if default else ""
    else:
        found, none = "Kan rettes.", "Skriv datoen (dd-mm-åååå)."
        other = found
    if default is None:
        return none
    return found if typed == default else other


def _small_text_edit(lines: int, parent: QWidget) -> QPlainTextEdit:
    edit = text_box()
    edit.setFixedHeight(parent.fontMetrics().lineSpacing() * lines + 14)
    return edit


class NoteInputs(QWidget):
    """The fields above the note; boxes by field name (for messages and hints)."""

    def __init__(self, trial: Trial | None, case, *, note_day: date, parent: QWidget):
        super().__init__(parent)
        self._trial = trial
        self._case = case
        self._date_source: tuple[str, date | None] = ("", None)  # (situation, the date filled in)
        self.situation_combo = QComboBox()
        self.situation_combo.setMinimumContentsLength(30)
        self.template_info = QLabel()
        self.template_info.setStyleSheet(hint_style())
        self.event_date_edit = DateLineEdit()
        self.reason_edit = _small_text_edit(3, parent)
        self.free_text_edit = _small_text_edit(4, parent)
        self.boxes = {
            "situation": FieldBox(self.situation_combo),
            "event_date": FieldBox(self.event_date_edit),
            "reason": FieldBox(self.reason_edit),
            "free_text": FieldBox(self.free_text_edit),
        }
        self.boxes["situation"].layout().addWidget(self.template_info)
        self.boxes["event_date"].hint_label.setWordWrap(False)
        self.note_date_label = QLabel(fmt(note_day))

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
        self.conditions = ConditionsPanel(trial)
        self.confirm_label = QLabel("Bek&ræft:" + REQUIRED)
        form.addRow(self.confirm_label, self.conditions)
        self.form = form
        legend = QLabel("* skal udfyldes, før notatet kan kopieres.")
        legend.setStyleSheet(hint_style())

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(legend)
        layout.addStretch(1)  # room to spare goes below the fields, not between them
        self.event_date_edit.editingFinished.connect(self._check_event_date)
        self.event_date_edit.textChanged.connect(self._show_date_hint)

    def start_field(self, window: QWidget) -> QWidget:
        """Where the caseworker starts in window: the first text still to write (Begrundelse, Egen
        tekst) of those the situation shows, else the first of them, else the situation."""
        shown = [edit for edit in (self.reason_edit, self.free_text_edit) if edit.isVisibleTo(window)]
        empty = [edit for edit in shown if not edit.toPlainText().strip()]
        return (empty or shown or [self.situation_combo])[0]

    def first_unfilled(self) -> QWidget | None:
        """The first field the situation shows that the note still needs filled in: an empty date or
        text, then a Bekræft box not ticked (what Vis det manglende goes to, also with the fields
        hidden); None when all are given."""
        for edit in (self.event_date_edit, self.reason_edit, self.free_text_edit):
            typed = edit.text() if isinstance(edit, DateLineEdit) else edit.toPlainText()
            if edit.isVisibleTo(self) and not typed.strip():
                return edit
        return self.conditions.first_unticked(self)

    def values(self) -> dict:
        """What the caseworker has given: reason, free_text and event_date (None if empty)."""
        return {
            "reason": self.reason_edit.toPlainText(),
            "free_text": self.free_text_edit.toPlainText(),
            "event_date": self.event_date_edit.date_value(),
            "confirmed": self.conditions.confirmed(),
        }

    def show_for(self, template: NoteTemplate | None, situation: str, *, own: bool, default_date: date | None) -> None:
        """Show the fields template uses (own: the municipality's template, said under the situation);
        default_date is the event date the window fills in for the situation (the hint says whence)."""
        used = set(template.fields) if template else set()
        dated = template is not None and uses_event_date(template)
        for field, label, visible in (
            ("event_date", self.event_date_label, dated),
            ("reason", self.reason_label, "reason" in used),
            ("free_text", self.free_text_label, "free_text" in used),
        ):
            self.form.setRowVisible(self.boxes[field], visible)
            label.setVisible(visible)
        self.show_checks({})  # until the note is filled in (the window asks: follow_confirmations)
        # Hints as placeholders: a wrapped label under a fixed-height box upsets the form layout.
        self.reason_edit.setPlaceholderText(REASON_HINTS.get(situation, "Begrundelsen."))
        self.free_text_edit.setPlaceholderText(
            FREE_TEXT_HINTS.get(situation, "Din egen tekst, fx et resumé af samtalen.")
        )
        self._date_source = (situation, default_date)
        self._show_date_hint()
        self.template_info.setText("Kommunens egen skabelon bruges." if own else "")
        self.template_info.setVisible(own)

    def follow_case(self, trial: Trial | None, case: CaseRecord, default_date: date | None) -> None:
        """The trial and case read again (ui/notes/freshness.py), default_date the event date the
        window now fills in: the hint under the event date says what the case holds now."""
        self._trial, self._case = trial, case
        self._date_source = (self._date_source[0], default_date)
        self._show_date_hint()

    def follow_confirmations(
        self,
        trial: Trial,
        case: CaseRecord,
        situation: str,
        template: NoteTemplate,
        event_date: date | None,
        note_day: date,
        settings: Settings | None = None,
    ) -> tuple[str, ...]:
        """Show the boxes the note asks for on the case as read now (core/confirmations.py
        asked_confirmations, as `note --list` lists them): the conditions its dates cannot show, the
        deadline's check (decisions 13 and 15), the extension's (decision 4), the participation's
        (decision 17); untick a box ticked for another deadline or other facts than the note now rests
        on, saying why. The names confirmed now (ConditionsPanel.confirmed)."""
        try:
            municipality = settings.municipality if settings is not None else ""
            facts = confirmation_facts(trial, case, situation, event_date, note_day, template, municipality)
        except NoteError:  # the note cannot be written at all: the window says why (draft_note)
            self.show_checks({c.name: Confirmable("", "") for c in asked_conditions(trial, case, template)})
        else:
            asked = asked_confirmations(trial, case, situation, event_date, note_day, template, facts=facts)
            self.show_checks(asked)
            self.conditions.follow(facts, lambda name, was, now: untick_notice(trial, name, was, now))
        return self.conditions.confirmed()

    def show_checks(self, asked: Mapping[str, Confirmable]) -> None:
        """Show the boxes named in asked (the trial's conditions, DEADLINE_CHECK, EXTENSION_CHECK,
        PARTICIPATION_CHECK) under Bekræft:, or none; a check's text as asked gives it."""
        checks = {name: "" if name == DEADLINE_CHECK else asked[name].shown for name in CHECKS if name in asked}
        conditions = [name for name in asked if name not in CHECKS]
        shown = bool(conditions or checks)
        self.conditions.show_parts(conditions=conditions, checks=checks)
        self.form.setRowVisible(self.conditions, shown)
        self.confirm_label.setVisible(shown)
        self.confirm_label.setBuddy(self.conditions.first_shown_box() or self.conditions.deadline_box)

    def _show_date_hint(self) -> None:
        try:
            typed = self.event_date_edit.date_value()
        except ValueError:  # not a date (yet): the error comes when the caseworker leaves the box
            typed = None
        situation, default = self._date_source
        self.boxes["event_date"].set_hint(event_date_hint(self._trial, situation, default, typed))

    def _check_event_date(self) -> None:
        try:
            self.event_date_edit.date_value()
        except ValueError as exc:
            self.boxes["event_date"].set_error(str(exc))
        else:
            self.boxes["event_date"].set_error(None)
