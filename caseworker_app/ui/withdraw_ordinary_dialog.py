"""Withdraw an ordinary rule the municipality entered (by mistake, or with a wrong first day).

The withdrawal is a new row in the history, with why, when and by whom; the entry itself stays
(decision 4). The deadlines no longer follow the withdrawn version. A wrong first day is changed
by withdrawing the entry and entering the rule anew.
"""

from __future__ import annotations

from datetime import date
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from ..core.catalog import RuleSpec, Trial
from ..core.overrides import WITHDRAW
from ..core.workdays import fmt
from .fields import FieldBox, accept_buttons, buddy_label, clear_errors, general_error_label
from .questions import ask_yes_no
from .screen_fit import grow_to_content
from .stale_notes import tell_stale_notes
from .store_errors import saved

if TYPE_CHECKING:  # a type only: no import of the store when this module loads
    from ..store.case_store import CaseStore


class WithdrawOrdinaryDialog(QDialog):
    """Asks why, then confirms; saved as one withdrawal row, never a deletion."""

    def __init__(self, store: CaseStore, trial: Trial, version: RuleSpec, parent: QWidget | None = None):
        super().__init__(parent)
        assert version.known_from is not None  # an entered version always says its first day
        self.store = store
        self.trial = trial
        self.first_day: date = version.known_from
        self.setWindowTitle(f"Tilbagekald almindelig regel – forsøg {trial.id}")
        self.intro = QLabel(
            f"{trial.id} – {trial.title}\nDen almindelige regel fra {fmt(self.first_day)}, indtastet af kommunen: "
            f"{version.text} ({version.reference}; kilde: {version.source})"
        )
        self.intro.setWordWrap(True)
        self.reason_edit = QLineEdit()
        self.reason_edit.setPlaceholderText("fx indtastet ved en fejl; forsøget har ingen almindelig grænse")
        # A version withdrawn meanwhile (another window): its message shows under the form.
        self.boxes = {"source": FieldBox(self.reason_edit)}
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(buddy_label("&Begrundelse:", self.reason_edit), self.boxes["source"])
        note = QLabel(
            "Fristerne i sagerne følger derefter ikke længere denne regel. Tilbagekaldelsen gemmes med dato, "
            "dit navn og begrundelsen; registreringen bliver stående i historikken, markeret som tilbagekaldt. "
            "Skal reglen gælde fra en anden dag, så tilbagekald den og indtast den igen med den rigtige dag."
        )
        note.setWordWrap(True)
        self.general_error = general_error_label()
        buttons, self.save_button = accept_buttons(self, "&Tilbagekald")
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.general_error)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)
        self.reason_edit.setFocus()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        grow_to_content(self)

    def accept(self) -> None:
        """Ask to confirm, then save; a missing reason is said at its field and nothing is written."""
        clear_errors(self.boxes.values(), self.general_error)
        reason = self.reason_edit.text()
        if not reason.strip():
            # The store says the same; asked before the question, which would otherwise come first.
            self._save(reason)
            return
        question = (
            f"Tilbagekald den almindelige regel fra {fmt(self.first_day)} for forsøg {self.trial.id}?\n\n"
            f"Begrundelse: {reason.strip()}"
        )
        if ask_yes_no(self, "Tilbagekald almindelig regel", question, yes="&Tilbagekald", no="&Annuller"):
            self._save(reason)

    def _save(self, reason: str) -> None:
        withdraw = partial(self.store.add_override, self.trial.id, "ordinary", {WITHDRAW: self.first_day}, reason)
        if saved(self.boxes, self.general_error, withdraw):
            tell_stale_notes(self, self.store, self.trial.id)  # a moved deadline or basis: FASIT says the old
            super().accept()
