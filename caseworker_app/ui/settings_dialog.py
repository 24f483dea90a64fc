"""Indstillinger: name, municipality, warning horizons, and how long closed cases are kept."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..core.settings import BACKUP_LIMITS, SETTING_LABELS_DA, missing_name_errors, settings_errors
from .field_scroll import FieldScrollArea
from .fields import (
    FieldBox,
    accept_buttons,
    add_label_above,
    buddy_label,
    clear_errors,
    general_error_label,
    show_errors,
)
from .questions import ask_yes_no
from .screen_fit import grow_to_fields
from .store_errors import saved
from .text_size import SIZES, apply_text_size, save_text_size, saved_text_size, size_label, too_large_hint

if TYPE_CHECKING:  # a type only: no import of the store when this module loads
    from ..store.case_store import CaseStore


# Alt+letter of each field, each letter once in the dialog (S: "Slet …", T: Tekststørrelse).
_MNEMONICS = {
    "caseworker_name": "n",
    "municipality": "k",
    "warning_days": "v",
    "trial_end_horizon_days": "a",
    "retention_days": "f",
    "backup_daily": "d",
    "backup_weekly": "u",
    "backup_monthly": "m",
}


def with_mnemonic(text: str, letter: str) -> str:
    """text with '&' before letter, at the start of a word where it can be ('' : the first letter)."""
    if not letter:
        return "&" + text
    found = re.search(rf"\b{letter}", text, re.IGNORECASE) or re.search(letter, text, re.IGNORECASE)
    return text[: found.start()] + "&" + text[found.start() :] if found else "&" + text


def _days(maximum: int) -> QSpinBox:
    box = QSpinBox()
    box.setRange(0, maximum)
    box.setSuffix(" dage")
    return box


# The backup rotation settings and their units (store/backup/rotation.py rotates; Filer › Sikkerhedskopier).
_BACKUP_SUFFIXES = {"backup_daily": " dage", "backup_weekly": " uger", "backup_monthly": " måneder"}


def _backup_spin(name: str, value: int) -> QSpinBox:
    box = QSpinBox()
    box.setRange(*BACKUP_LIMITS[name])
    box.setSuffix(_BACKUP_SUFFIXES[name])
    box.setValue(value)
    return box


class SettingsDialog(QDialog):
    """Edit the settings kept in the case database; nothing is saved while a value is wrong."""

    def __init__(self, store: CaseStore, *, today: Callable[[], date] = date.today, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self._today = today
        self.purged = 0
        self.setWindowTitle("Indstillinger")
        current = store.settings()
        self.name_edit = QLineEdit(current.caseworker_name)
        self.municipality_edit = QLineEdit(current.municipality)
        self.municipality_edit.setPlaceholderText("fx Vesthimmerlands Kommune")
        self.warning_spin = _days(365)
        self.warning_spin.setValue(current.warning_days)
        self.horizon_spin = _days(730)
        self.horizon_spin.setValue(current.trial_end_horizon_days)
        self.retention_spin = _days(36500)
        self.retention_spin.setSpecialValueText("aldrig")  # 0 shown as 'aldrig': None is stored
        self.retention_spin.setValue(current.retention_days or 0)
        self.backup_spins = {name: _backup_spin(name, getattr(current, name)) for name in _BACKUP_SUFFIXES}
        self.purge_button = QPushButton("&Slet udløbne afsluttede sager nu …")
        # Deleting is never what Enter does: Enter saves (the dialog's default button).
        self.purge_button.setAutoDefault(False)
        self.purge_button.setDefault(False)
        self.purge_button.clicked.connect(self.purge)
        self.boxes = {
            "caseworker_name": FieldBox(self.name_edit, "Står i vinduets titel, på udskrifter og i journalnotater."),
            "municipality": FieldBox(self.municipality_edit),
            "warning_days": FieldBox(self.warning_spin),
            "trial_end_horizon_days": FieldBox(
                self.horizon_spin,
                "Så længe før et forsøg slutter vises de sager, der får en overskredet frist dagen efter.",
            ),
            "retention_days": FieldBox(
                self.retention_spin,
                "Afsluttede sager slettes med hele deres historik, når du beder om det, "
                "og først når de har været afsluttet så længe.",
            ),
            **{name: FieldBox(spin) for name, spin in self.backup_spins.items()},
        }
        form = QVBoxLayout()
        for name, box in self.boxes.items():
            label = with_mnemonic(SETTING_LABELS_DA[name], _MNEMONICS.get(name, ""))
            add_label_above(form, buddy_label(f"{label}:", box.editor), box)
        # Per computer, not in the database (ui/text_size.py): applied to every window on "Gem".
        self.text_size_combo = QComboBox()
        screen = self._screen_size()
        for percent in SIZES:
            too_large = " – for stor til denne skærm" if too_large_hint(percent, *screen) else ""
            self.text_size_combo.addItem(size_label(percent) + too_large, percent)
        self.text_size_combo.setCurrentIndex(self.text_size_combo.findData(saved_text_size()))
        self.text_size_box = FieldBox(self.text_size_combo)
        self.text_size_combo.currentIndexChanged.connect(lambda _index: self._show_text_size_hint())
        self._show_text_size_hint()
        add_label_above(form, buddy_label("&Tekststørrelse:", self.text_size_combo), self.text_size_box)
        form.addWidget(self.purge_button)
        note = QLabel(f"Indstillingerne gemmes i databasen: {store.path}")
        note.setWordWrap(True)
        self.general_error = general_error_label()
        buttons, self.save_button = accept_buttons(self, "Gem")
        # The fields scroll when the screen is lower than the form (a laptop at 150 %), rather than
        # being squeezed into each other; the buttons stay in view below them.
        fields = QWidget()
        fields_layout = QVBoxLayout(fields)
        fields_layout.setContentsMargins(0, 0, 0, 0)
        fields_layout.addLayout(form)
        fields_layout.addWidget(note)
        self._fields_layout = fields_layout  # its height decides the dialog's (showEvent)
        self.scroll_area = FieldScrollArea(fields, "Indstillingerne")
        layout = QVBoxLayout(self)
        layout.addWidget(self.scroll_area, 1)
        layout.addWidget(self.general_error)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)
        self.name_edit.setFocus()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        grow_to_fields(self, self._fields_layout, self.scroll_area)

    def purge(self) -> None:
        """Delete the closed cases past the retention period, after saying how many and asking."""
        if not self.save_settings():
            return
        count = len(self.store.purgeable_cases(self._today()))
        if count == 0:
            QMessageBox.information(
                self, "Slet afsluttede sager", "Ingen afsluttede sager er klar til at blive slettet."
            )
            return
        if ask_yes_no(
            self,
            "Slet afsluttede sager?",
            f"{count} afsluttede {'sag' if count == 1 else 'sager'} har været afsluttet i mindst "
            f"{self.retention_spin.value()} dage. De slettes med hele deres historik og kan ikke "
            "gendannes. De slettes også fra sikkerhedskopierne i mappen sikkerhedskopier og fra "
            ".bak-kopierne ved siden af databasen; en kopi, der ikke kan renses (fx fordi den er "
            "beskadiget), slettes helt. Kopier, du selv har gemt andre steder, ændres ikke. "
            "Vil du slette dem?",
        ):
            from .backup_dialog import wait_for_daily_backup

            wait_for_daily_backup()  # a copy still being made would keep the cases past their time
            self.purged += self.store.purge_closed_cases(self._today())

    def _screen_size(self) -> tuple[int, int]:
        """The logical size of the screen the program is on (the taskbar taken off)."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        area = screen.availableGeometry()
        return area.width(), area.height()

    def _show_text_size_hint(self) -> None:
        warning = too_large_hint(self.text_size_combo.currentData(), *self._screen_size())
        self.text_size_box.set_hint("\n".join(filter(None, ("Gælder alle vinduer på denne computer.", warning))))

    def accept(self) -> None:
        """Save; on a fault show each message at its field and stay open."""
        if self.save_settings():
            percent = self.text_size_combo.currentData()
            if percent != saved_text_size():
                save_text_size(percent)
                apply_text_size(percent)
            super().accept()

    def save_settings(self) -> bool:
        """Save the form; False (with messages at the fields) when a value cannot be used."""
        clear_errors(self.boxes.values(), self.general_error)
        settings = replace(
            self.store.settings(),
            caseworker_name=self.name_edit.text().strip(),
            municipality=self.municipality_edit.text().strip(),
            warning_days=self.warning_spin.value(),
            trial_end_horizon_days=self.horizon_spin.value(),
            retention_days=self.retention_spin.value() or None,
            **{name: spin.value() for name, spin in self.backup_spins.items()},
        )
        errors = {**missing_name_errors(settings), **settings_errors(settings)}
        if errors:
            show_errors(self.boxes, errors, self.general_error)
            return False
        return saved(self.boxes, self.general_error, lambda: self.store.save_settings(settings))
