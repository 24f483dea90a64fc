"""Closing a case: a reason from the fixed list, free text (needed for 'andet') and the date."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QLabel, QLineEdit, QMessageBox, QVBoxLayout, QWidget

from ...core.history import END_REASONS, OTHER_REASON
from ...store import StoreError, ValidationError
from ...store.errors import CaseNotFoundError
from ..fields import (
    DateLineEdit,
    FieldBox,
    accept_buttons,
    buddy_label,
    clear_errors,
    general_error_label,
)
from ..questions import ask_yes_no
from ..screen_fit import grow_to_content
from ..store_errors import saved

if TYPE_CHECKING:  # a type only: no import of the store when this module loads
    from ...core.cases import CaseRecord
    from ...store.case_store import CaseStore


def reopen_case(parent: QWidget, store: CaseStore, case: CaseRecord) -> bool:
    """Reopen a closed case after asking; True when it is open again (a refusal is said)."""
    if not ask_yes_no(parent, "Genåbn sag", f"Genåbn sagen for {case.citizen}?", default_yes=True):
        return False
    try:
        store.reopen_case(case.id)
    except CaseNotFoundError:
        raise  # deleted meanwhile: told by the window's handler (ui/case_gone.py)
    except StoreError as exc:
        QMessageBox.warning(parent, "Sagen blev ikke genåbnet", exc.window_text())
        return False
    except ValidationError as exc:  # its FASIT number is open again in another case
        QMessageBox.warning(parent, "Sagen blev ikke genåbnet", "\n".join(exc.errors.values()))
        return False
    return True


class CloseCaseDialog(QDialog):
    """Close a case: a reason from the fixed list, free text (needed for 'andet') and the date."""

    def __init__(self, store: CaseStore, case_id: int, *, today: Callable[[], date], parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.case_id = case_id
        self.case = store.get_case(case_id)
        self.setWindowTitle(f"Afslut sag – {self.case.citizen} ({self.case.case_ref})")

        self.reason_combo = QComboBox()
        # No reason chosen until the caseworker picks one: Enter must not record an outcome the
        # evaluation counts (e.g. "fastholdt i løntilskudsjob", the measure of T08's success).
        self.reason_combo.addItem("Vælg årsag …", None)
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
        if saved(self.boxes, self.general_error, self._close_case):
            super().accept()

    def _close_case(self) -> None:
        """Close the case in the store; ValidationError for a field's fault, as the store raises it."""
        if self.reason_combo.currentData() is None:  # "Vælg årsag …": the list is right there
            raise ValidationError({"reason": "Vælg årsagen på listen."})
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
