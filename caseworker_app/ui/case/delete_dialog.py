"""Deleting a case created by mistake: the reason is asked for and kept (not the same as closing)."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from ..fields import FieldBox, accept_buttons, buddy_label, clear_errors, general_error_label
from ..screen_fit import grow_to_content
from ..store_errors import saved

if TYPE_CHECKING:  # a type only: no import of the store when this module loads
    from ...store.case_store import CaseStore


class DeleteCaseDialog(QDialog):
    """Delete a case created by mistake: the reason is asked for and kept; the case and its history go."""

    def __init__(self, store: CaseStore, case_id: int, parent: QWidget | None = None):
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
        delete = partial(self.store.delete_case, self.case_id, self.reason_edit.text())
        if not saved(self.boxes, self.general_error, delete):
            return  # nothing deleted: a missing reason, or a busy or full database, said in the dialog
        super().accept()
