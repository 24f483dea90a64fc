"""A municipality's correction of a trial: end, extension, citation, paragraph, FASIT marking."""

from __future__ import annotations

from datetime import date
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ..core.catalog import Trial
from ..core.extension_entry import ended_note, retroactive_from_typed, retroactive_label
from ..core.overrides import DATE_FIELD_LABELS_DA, DATE_FIELDS, OVERRIDE_FIELDS_DA
from ..core.workdays import fmt
from .fields import (
    DATE_DESCRIPTION,
    DATE_PLACEHOLDER,
    FieldBox,
    accept_buttons,
    accessible_text,
    buddy_label,
    clear_errors,
    general_error_label,
    name_control,
)
from .screen_fit import grow_to_content
from .stale_notes import tell_stale_notes
from .store_errors import saved

if TYPE_CHECKING:  # a type only: no import of the store when this module loads
    from ..store.case_store import CaseStore

_PLACEHOLDERS = {
    "end": DATE_PLACEHOLDER,
    "extension": DATE_PLACEHOLDER,
    "citation": "fx Bekendtgørelse om frikommuneforsøg II … (BEK nr. 529 af 23/05/2018)",
    "paragraph": "fx § 23",
    "marking": "den markering, kommunen sætter i FASIT",
}

# How notes cite what is typed as the legal basis of a new period (decision 14; core/trial_period.py).
SOURCE_HINTS = {
    "extension": (
        "Det, der giver forlængelsen hjemmel, fx ministeriets brev med dato. Journalnotater skriver: "
        "»… forlænget til <slutdato> ifølge <hjemmel>«."
    ),
    "end": (
        "Det, der giver den nye slutdato hjemmel, fx ministeriets brev med dato. Ud over forlængelserne "
        "skriver journalnotater: »… forlænget til <slutdato> ifølge <hjemmel>«; i en forlængelse, den nye "
        "dato afkorter: »…, afkortet til <slutdato> ifølge <hjemmel>«."
    ),
}


def current_value(trial: Trial, field: str) -> str:
    """What the trial has now for field, as the caseworker reads it."""
    if field in DATE_FIELDS:
        # The day the trial runs to now, after its extensions (a correction replaces that day).
        return fmt(trial.period.effective_end)
    if field == "citation":
        return trial.citations[-1].text if trial.citations else ""
    if field == "paragraph":
        return trial.citations[-1].paragraph if trial.citations else ""
    return trial.fasit_marking


# Why the dialog asks when an extension was decided (decision 4).
DECIDED_HINT = "Datoen for afgørelsen, fx brevets dato."
# Under the confirmation, shown when a new end may bridge a lapse (decision 4).
RETROACTIVE_HINT = "Kun hvis afgørelsen siger det. Blev forsøget genoptaget efter et ophold, er det et nyt forsøg."


def _current_note(trial: Trial, field: str, today: date) -> str:
    """For a new end date: that an earlier one shortens the period but keeps the legal basis of the
    days before it, and that a later one puts back what an earlier correction withdrew. For a new
    end of a trial that has ended: that one after the end is saved only as retroactive."""
    ended = ended_note(trial.period, field, today)
    if field == "extension":
        return f" – {ended}" if ended else ""
    if field != "end":
        return ""
    layout = trial.period.layout
    note = ""
    if layout.spans:
        note = (
            f" (efter forlængelser; slutdato før forlængelser {fmt(trial.period.end)}). En tidligere dato "
            "afkorter forsøget: forlængelser ud over den gælder ikke længere, og notater før den henviser "
            "stadig til deres egen hjemmel."
        )
    if layout.withdrawn:
        note += (" " if note else ". ") + "En senere dato lader det, en tidligere rettelse trak tilbage, gælde igen."
    if ended:
        note += f" {ended[0].upper()}{ended[1:]}" if note else f" – {ended}"
    return note


class OverrideDialog(QDialog):
    """Enter a change to a trial with its source; kept in the history, never deleted."""

    def __init__(self, store: CaseStore, trial: Trial, field: str = "extension", parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.trial = trial
        self.setWindowTitle(f"Ret forsøg {trial.id}")

        self.field_combo = QComboBox()
        for key, label in OVERRIDE_FIELDS_DA.items():
            if key != "ordinary":  # a changed ordinary rule has its own form (ordinary_rule_dialog)
                self.field_combo.addItem(label[0].upper() + label[1:], key)
        self.current_label = QLabel()
        self.current_label.setWordWrap(True)
        self.value_edit = QLineEdit()
        self.decided_edit = QLineEdit()
        self.decided_edit.setPlaceholderText(DATE_PLACEHOLDER)
        self.retroactive_check = QCheckBox()
        self.source_edit = QLineEdit()
        self.source_edit.setPlaceholderText("fx Beskæftigelsesministerens brev af 26-11-2024")
        self.boxes = {
            "field": FieldBox(self.field_combo),
            "value": FieldBox(self.value_edit),
            "decided": FieldBox(self.decided_edit, DECIDED_HINT),
            "retroactive": FieldBox(self.retroactive_check, RETROACTIVE_HINT),
            "source": FieldBox(self.source_edit),
        }
        self.boxes["decided"].set_description(DATE_DESCRIPTION)
        for key in ("decided", "retroactive", "source"):
            self.boxes[key].hint_label.setWordWrap(True)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.source_label = buddy_label("&Kilde:", self.source_edit)
        self.value_label = buddy_label("&Ny værdi:", self.value_edit)
        form.addRow(buddy_label("Hv&ad ændres:", self.field_combo), self.boxes["field"])
        form.addRow("", self.current_label)
        form.addRow(self.value_label, self.boxes["value"])
        form.addRow(buddy_label(f"&{DATE_FIELD_LABELS_DA['decided']}:", self.decided_edit), self.boxes["decided"])
        form.addRow("", self.boxes["retroactive"])
        form.addRow(self.source_label, self.boxes["source"])
        self.form = form

        intro = QLabel(f"{trial.id} – {trial.title}")
        intro.setWordWrap(True)
        note = QLabel(
            "Ændringen gemmes med dato og dit navn og kan ikke slettes; "
            "en senere ændring afløser den. "
            "Skriv kilden, så en kollega kan finde afgørelsen."
        )
        note.setWordWrap(True)
        self.general_error = general_error_label()
        buttons, self.save_button = accept_buttons(self, "Gem ændringen")

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.general_error)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)

        self.field_combo.currentIndexChanged.connect(self._field_changed)
        self.value_edit.textChanged.connect(self._show_retroactive)
        self.decided_edit.textChanged.connect(self._show_retroactive)
        self.field_combo.setCurrentIndex(max(0, self.field_combo.findData(field)))
        self._field_changed()
        self.value_edit.setFocus()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        grow_to_content(self)

    def field(self) -> str:
        return self.field_combo.currentData()

    def _field_changed(self) -> None:
        field = self.field()
        current = current_value(self.trial, field) or "(ikke udfyldt)"
        today = self.store.clock()
        self.current_label.setText(f"Nu: {current}{_current_note(self.trial, field, today)}")
        # Only an extension says when it was decided: one decided after the end is refused.
        self.form.setRowVisible(self.boxes["decided"], field == "extension")
        self.value_edit.setPlaceholderText(_PLACEHOLDERS[field])
        if field in DATE_FIELDS:
            self.value_edit.clear()
            # Named as the messages name it (core/overrides.DATE_FIELD_LABELS_DA).
            label, description = "&" + DATE_FIELD_LABELS_DA[field] + ":", DATE_DESCRIPTION
        else:
            self.value_edit.setText(current_value(self.trial, field))
            label, description = "&Ny værdi:", ""
        self.value_label.setText(label)
        name_control(self.value_edit, accessible_text(label))
        self.boxes["value"].set_description(description)
        # A new period needs its legal basis: journal notes cite it (decision 14).
        if field in DATE_FIELDS:
            self.source_label.setText("&Hjemmel:")
            self.boxes["source"].set_hint(SOURCE_HINTS[field])
        else:
            self.source_label.setText("&Kilde:")
            self.boxes["source"].set_hint("")
        for box in self.boxes.values():
            box.set_error(None)
        self.retroactive_check.setChecked(False)  # confirmed for one kind of change, not the other
        self._show_retroactive()

    def _show_retroactive(self) -> None:
        """Ask whether the new end applies retroactively only when it may bridge a lapse: an
        extension decided after the current end, a later end typed in after it passed (decision 4)."""
        field = self.field()
        first_day = None
        if field in DATE_FIELDS:
            first_day = retroactive_from_typed(
                self.trial.period, field, self.value_edit.text(), self.decided_edit.text(), self.store.clock()
            )
        if first_day is not None:
            self.retroactive_check.setText(retroactive_label(first_day, field))
        self.form.setRowVisible(self.boxes["retroactive"], first_day is not None)
        if self.isVisible():
            grow_to_content(self)  # the question may need room the dialog was opened without

    def accept(self) -> None:
        """Save the change; on a fault show each message at its field and stay open."""
        clear_errors(self.boxes.values(), self.general_error)
        value: object = self.value_edit.text().strip()
        source = self.source_edit.text()
        field = self.field()
        if field in DATE_FIELDS:  # core/extension_entry.py: the end, when it was decided, retroactive
            retroactive = self.form.isRowVisible(self.boxes["retroactive"]) and self.retroactive_check.isChecked()
            typed: dict[str, object] = {"end": value, "retroactive": retroactive}
            if field == "extension":
                typed["decided"] = self.decided_edit.text().strip()
            value = typed
        save = partial(self.store.add_override, self.trial.id, field, value, source)
        if not saved(self.boxes, self.general_error, save):
            if self.boxes["retroactive"].error():  # asked even if the trial changed meanwhile
                self.form.setRowVisible(self.boxes["retroactive"], True)
            return
        tell_stale_notes(self, self.store, self.trial.id)  # a moved deadline or basis: FASIT says the old
        super().accept()
