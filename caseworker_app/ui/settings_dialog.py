"""Indstillinger: the caseworker's name, the municipality and the warning horizons."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..core.settings import SETTING_LABELS_DA, settings_errors
from ..store import ValidationError
from .fields import (
    FieldBox,
    accept_buttons,
    buddy_label,
    clear_errors,
    general_error_label,
    show_errors,
)


def _days(maximum: int) -> QSpinBox:
    box = QSpinBox()
    box.setRange(0, maximum)
    box.setSuffix(" dage")
    return box


class SettingsDialog(QDialog):
    """Edit the settings kept in the case database; nothing is saved while a value is wrong."""

    def __init__(self, store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.setWindowTitle("Indstillinger")
        current = store.settings()
        self.name_edit = QLineEdit(current.caseworker_name)
        self.municipality_edit = QLineEdit(current.municipality)
        self.municipality_edit.setPlaceholderText("fx Vesthimmerlands Kommune")
        self.warning_spin = _days(365)
        self.warning_spin.setValue(current.warning_days)
        self.horizon_spin = _days(730)
        self.horizon_spin.setValue(current.trial_end_horizon_days)
        self.boxes = {
            "caseworker_name": FieldBox(
                self.name_edit, "Står i vinduets titel, på udskrifter og i journalnotater."
            ),
            "municipality": FieldBox(self.municipality_edit),
            "warning_days": FieldBox(self.warning_spin),
            "trial_end_horizon_days": FieldBox(
                self.horizon_spin,
                "Så længe før et forsøg slutter vises de sager, der får en overskredet frist dagen efter.",
            ),
        }
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        for name, box in self.boxes.items():
            form.addRow(buddy_label(f"&{SETTING_LABELS_DA[name]}:", box.editor), box)
        note = QLabel(f"Indstillingerne gemmes i databasen: {store.path}")
        note.setWordWrap(True)
        self.general_error = general_error_label()
        buttons, self.save_button = accept_buttons(self, "Gem")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.general_error)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)
        self.name_edit.setFocus()

    def accept(self) -> None:
        """Save; on a fault show each message at its field and stay open."""
        clear_errors(self.boxes.values(), self.general_error)
        settings = replace(
            self.store.settings(),
            caseworker_name=self.name_edit.text().strip(),
            municipality=self.municipality_edit.text().strip(),
            warning_days=self.warning_spin.value(),
            trial_end_horizon_days=self.horizon_spin.value(),
        )
        errors = settings_errors(settings)
        if errors:
            show_errors(self.boxes, errors, self.general_error)
            return
        try:
            self.store.save_settings(settings)
        except ValidationError as exc:
            show_errors(self.boxes, exc.errors, self.general_error)
            return
        super().accept()
