"""A municipality enters a changed ordinary rule: its durations, the day it applies from, its source.

Decision 13 (docs/katalog.md, "Almindelige regler ændrer sig"): the program does not compute the
employment reform's rules; a municipality that knows the new rule enters it here, as it enters an
extension, and it is kept in the history. Deadlines falling on or after the day it applies from
follow it.
"""

from __future__ import annotations

from datetime import date
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from ..core.catalog import Trial
from ..core.overrides import DURATION_LABELS_DA, ORDINARY_DURATIONS, changeable_rule
from ..core.rule_due import ordinary_version_on
from ..core.workdays import fmt
from .fields import (
    DATE_PLACEHOLDER,
    DateLineEdit,
    FieldBox,
    accept_buttons,
    buddy_label,
    clear_errors,
    general_error_label,
)
from .screen_fit import grow_to_content
from .stale_notes import tell_stale_notes
from .store_errors import saved

if TYPE_CHECKING:  # a type only: no import of the store when this module loads
    from ..store.case_store import CaseStore


class OrdinaryRuleDialog(QDialog):
    """The new ordinary rule's form; saved as one change to the trial, never deleted (a later entry
    for the same first day replaces it; a withdrawal is a row of its own: withdraw_ordinary_dialog)."""

    def __init__(self, store: CaseStore, trial: Trial, parent: QWidget | None = None, *, today: date | None = None):
        super().__init__(parent)
        self.store = store
        self.trial = trial
        self.setWindowTitle(f"Ny almindelig regel – forsøg {trial.id}")
        spec = changeable_rule(trial)
        assert spec is not None  # offered only for a trial with such a rule (trials_view)
        # The rule in force today (a change entered earlier, once its day has come), and any
        # entered for a later day: said above the form, so no one enters the same rule twice.
        day = today or date.today()
        current = ordinary_version_on(spec, day) or spec
        coming = [c for c in spec.ordinary_changes if c.known_from is not None and c.known_from > day]
        self.kind = current.kind

        self.from_edit = DateLineEdit()
        self.from_edit.setPlaceholderText(DATE_PLACEHOLDER)
        self.duration_edits = {name: QLineEdit() for name in ORDINARY_DURATIONS[self.kind]}
        for name, edit in self.duration_edits.items():
            now = getattr(current, name, None)
            edit.setPlaceholderText(f"fx {now.danish()}" if now else "fx 12 måneder")
        self.text_edit = QLineEdit()
        self.text_edit.setPlaceholderText("reglen med dine ord, fx opfølgning senest hver 6. måned")
        self.reference_edit = QLineEdit()
        self.reference_edit.setPlaceholderText("fx § 12 i lov om en aktiv beskæftigelsesindsats")
        self.source_edit = QLineEdit()
        self.source_edit.setPlaceholderText("fx lov nr. … af …, i kraft 01-01-2027")
        self.boxes = {
            "from": FieldBox(self.from_edit, "Frister, der falder på eller efter denne dag, følger den nye regel."),
            **{name: FieldBox(edit) for name, edit in self.duration_edits.items()},
            "text": FieldBox(self.text_edit),
            "reference": FieldBox(self.reference_edit),
            "source": FieldBox(self.source_edit),
        }
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        labels = {
            "from": "&Gælder fra:",
            "text": "&Reglen:",
            "reference": "&Lovhenvisning:",
            "source": "&Kilde:",
            # Alt-letters the fields above do not use (G, R, L, K); the buttons take what is left.
            **{name: "&" + DURATION_LABELS_DA[name].capitalize() + ":" for name in self.duration_edits},
        }
        for name, box in self.boxes.items():
            form.addRow(buddy_label(labels[name], box.editor), box)

        now_text = (
            f"Nu: {current.text} ({current.reference})"
            if spec.ordinary or current is not spec
            else "Forsøget har ingen almindelig regel i kataloget; den nye regel gælder for frister, der "
            "falder på eller efter den dato, den gælder fra, når forsøget ikke gælder."
        )
        for change in coming:
            assert change.known_from is not None  # coming holds changes with a day only
            now_text += f"\nFra {fmt(change.known_from)}: {change.text} ({change.reference})"
        intro = self.intro = QLabel(f"{trial.id} – {trial.title}\n{now_text}")
        intro.setWordWrap(True)
        note = QLabel(
            "Programmet beregner ikke selv beskæftigelsesreformens regler. Kender kommunen den nye "
            "regel, skrives den her med kilde. Ændringen gemmes med dato og dit navn og bliver stående i "
            "historikken. Indtastes reglen igen med samme første dag, erstatter den den tidligere registrering "
            "(en rettelse). En regel indtastet ved en fejl tilbagekaldes med »Tilbagekald …« ved reglen."
        )
        note.setWordWrap(True)
        self.general_error = general_error_label()
        buttons, self.save_button = accept_buttons(self, "Gem reglen")
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.general_error)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)
        self.from_edit.setFocus()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        grow_to_content(self)

    def values(self) -> dict[str, str]:
        """What the user typed, as the store's add_override takes it for a changed ordinary rule."""
        return {
            "from": self.from_edit.text().strip(),
            "text": self.text_edit.text(),
            "reference": self.reference_edit.text(),
            **{name: edit.text() for name, edit in self.duration_edits.items()},
        }

    def accept(self) -> None:
        """Save the rule; on a fault show each message at its field and stay open."""
        clear_errors(self.boxes.values(), self.general_error)
        save = partial(self.store.add_override, self.trial.id, "ordinary", self.values(), self.source_edit.text())
        if not saved(self.boxes, self.general_error, save):
            return
        tell_stale_notes(self, self.store, self.trial.id)  # a moved deadline or basis: FASIT says the old
        super().accept()
