"""The first start: the caseworker's name and municipality, asked once before the work begins.

ui/app.py run_window opens it (window-modal, never blocking the event loop) when the database has
no name or municipality yet; never for the demo, which has both, and never in a test that builds
the window itself. "Senere" leaves both empty: the welcome and Indstillinger ask again.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from ..core.settings import SETTING_LABELS_DA, missing_name_errors, settings_errors
from ..store import StoreError, ValidationError
from .fields import FieldBox, buddy_label, clear_errors, general_error_label, show_errors
from .screen_fit import grow_to_content

if TYPE_CHECKING:  # a type only: no import of the store when this module loads
    from ..store.case_store import CaseStore


class FirstStartDialog(QDialog):
    """'Velkommen': name and municipality; an empty one is refused at its field, as in Indstillinger."""

    def __init__(self, store: CaseStore, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.setWindowTitle("Velkommen til Opfølgningsfrister")
        current = store.settings()
        intro = QLabel(
            "Skriv dit navn og din kommune, før du går i gang. Dit navn bruges til at vise dine egne "
            "frister først, og begge står i journalnotater og på udskrifter. Du kan altid rette dem "
            "under Filer › Indstillinger."
        )
        intro.setWordWrap(True)
        self.name_edit = QLineEdit(current.caseworker_name)
        self.name_edit.setPlaceholderText("fx Anne Jensen")
        self.municipality_edit = QLineEdit(current.municipality)
        self.municipality_edit.setPlaceholderText("fx Vesthimmerlands Kommune")
        self.boxes = {
            "caseworker_name": FieldBox(self.name_edit),
            "municipality": FieldBox(self.municipality_edit),
        }
        form = QFormLayout()
        form.addRow(buddy_label("Dit &navn:", self.name_edit), self.boxes["caseworker_name"])
        form.addRow(
            buddy_label(f"&{SETTING_LABELS_DA['municipality']}:", self.municipality_edit), self.boxes["municipality"]
        )
        self.general_error = general_error_label()
        buttons = QDialogButtonBox(self)  # in the dialog before setDefault (see fields.accept_buttons)
        self.save_button = buttons.addButton("&Gem", QDialogButtonBox.ButtonRole.AcceptRole)
        self.later_button = buttons.addButton("&Senere", QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 80)
        (self.municipality_edit if current.caseworker_name.strip() else self.name_edit).setFocus()

    def accept(self) -> None:
        """Save both; on a fault show the message at its field and stay open (nothing saved)."""
        clear_errors(self.boxes.values(), self.general_error)
        settings = replace(
            self.store.settings(),
            caseworker_name=self.name_edit.text().strip(),
            municipality=self.municipality_edit.text().strip(),
        )
        errors = {**missing_name_errors(settings), **settings_errors(settings)}
        if not errors:
            try:
                self.store.save_settings(settings)
            except ValidationError as exc:
                errors = exc.errors
            except StoreError as exc:  # busy, a full disk: nothing saved, the dialog stays as typed
                errors = {"database": exc.window_text()}
        if errors:
            show_errors(self.boxes, errors, self.general_error)
            grow_to_content(self)  # taller by the messages under the fields (a window does not grow itself)
            return
        super().accept()
