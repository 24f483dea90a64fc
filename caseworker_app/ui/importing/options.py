"""The import dialog's choices under the tabs: what happens to cases that already exist (skipped or
updated, and whether values changed in the program after the file was saved are overwritten too)
and whether only the valid rows are imported; and why "Importér" cannot be pressed yet."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QButtonGroup, QCheckBox, QHBoxLayout, QLabel, QRadioButton, QVBoxLayout, QWidget

from ...core.text import count_text
from ...services.importing import SKIP, UPDATE, ImportPreview
from ..fields import FlowLayout


class ImportOptions(QWidget):
    """'Sager, der allerede findes: Spring over / Opdatér' and 'Importér kun de gyldige rækker';
    changed when the user picks another."""

    changed = Signal()
    overwrite_changed = Signal()  # the preview must be built again: it decides what an update keeps, what is read

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.skip_radio = QRadioButton("&Spring over")
        self.update_radio = QRadioButton("&Opdatér med listens værdier")
        self.skip_radio.setChecked(True)
        self.duplicate_group = QButtonGroup(self)
        self.duplicate_group.addButton(self.skip_radio)
        self.duplicate_group.addButton(self.update_radio)
        self.duplicate_group.buttonToggled.connect(lambda _button, checked: checked and self.changed.emit())
        # Shown only when an update would leave a value the program set after the file was saved.
        self.overwrite_check = QCheckBox("Overskriv også &nyere ændringer")
        self.overwrite_check.setToolTip(
            "Værdier, der er ændret i programmet efter filen blev gemt, får også listens værdi. "
            "Ellers beholdes de (se Gemmes som)"
        )
        self.overwrite_check.toggled.connect(lambda _checked: self.overwrite_changed.emit())
        self.overwrite_check.hide()
        # Shown only when Excel hides rows of the list (a filter): they are imported unless left out here.
        self.skip_hidden_check = QCheckBox("Spring skj&ulte rækker over")
        self.skip_hidden_check.setToolTip(
            "Rækker, der er skjult i Excel (fx af et filter), importeres ellers som de andre (se Gemmes som)"
        )
        self.skip_hidden_check.toggled.connect(lambda _checked: self.overwrite_changed.emit())
        self.skip_hidden_check.hide()
        self.only_valid_check = QCheckBox("Importér kun de gyldige &rækker")
        self.only_valid_check.setToolTip("Rækkerne med fejl springes over; ret dem i regnearket og importér dem senere")
        self.only_valid_check.toggled.connect(lambda _checked: self.changed.emit())
        # Two lines: with every choice shown, one line would be wider than a 1366 px screen at 150 %.
        # The first wraps where the dialog is narrower (1366×768 at 150 % with 150 % text: 986 px wide).
        lines = QVBoxLayout(self)
        lines.setContentsMargins(0, 0, 0, 0)
        lines.setSpacing(2)
        row = FlowLayout()
        for choice in (
            QLabel("Sager, der allerede findes:"),
            self.skip_radio,
            self.update_radio,
            self.overwrite_check,
            self.only_valid_check,
        ):
            row.addWidget(choice)
        lines.addLayout(row)
        hidden_row = QHBoxLayout()
        hidden_row.addWidget(self.skip_hidden_check)
        hidden_row.addStretch(1)
        lines.addLayout(hidden_row)

    def controls(self) -> list[QWidget]:
        """The choices in the order Tab reaches them."""
        return [self.skip_radio, self.update_radio, self.overwrite_check, self.skip_hidden_check, self.only_valid_check]

    def duplicates(self) -> str:
        return UPDATE if self.update_radio.isChecked() else SKIP

    def overwrite_newer(self) -> bool:
        """Values the program set after the file was saved are overwritten too (build_preview's choice)."""
        return self.overwrite_check.isChecked()

    def skip_hidden(self) -> bool:
        """The rows Excel hides are left out (build_preview's choice)."""
        return self.skip_hidden_check.isChecked()

    def only_valid(self) -> bool:
        return self.only_valid_check.isChecked()

    def show_for(self, preview: ImportPreview | None) -> None:
        """A choice can be made only when it matters: duplicates to skip or update, rows with faults."""
        if preview is None:
            for choice in self.controls():
                choice.setEnabled(False)
            return
        self.skip_hidden_check.setVisible(bool(preview.hidden_rows))
        self.skip_hidden_check.setEnabled(bool(preview.hidden_rows))
        invalid = preview.invalid_rows(self.duplicates())
        self.only_valid_check.setEnabled(bool(invalid))
        if not invalid and self.only_valid_check.isChecked():
            self.only_valid_check.setChecked(False)
        self.skip_radio.setEnabled(bool(preview.duplicate_rows))
        self.update_radio.setEnabled(bool(preview.duplicate_rows))
        newer = any(row.duplicate is not None and row.duplicate.newer for row in preview.rows)
        self.overwrite_check.setVisible(newer)
        self.overwrite_check.setEnabled(newer and self.duplicates() == UPDATE)


def block_reason(preview: ImportPreview, duplicates: str, only_valid: bool) -> str:
    """Why "Importér" cannot be pressed now ('' when it can); a '⚠' when rows have faults."""
    if preview.mapping_errors:
        return "Vælg kolonnerne under Kolonner, før listen kan importeres."
    if not preview.rows:
        if preview.hidden_skipped:
            hint = "Fjern fluebenet ved Spring skjulte rækker over for at importere de skjulte rækker."
            return f"{preview.nothing_text()} {hint}"
        return preview.nothing_text()
    invalid = preview.invalid_rows(duplicates)
    if invalid and not only_valid:
        return (
            f"⚠ {count_text(len(invalid), 'række', 'rækker')} har fejl (se Fejl), så intet kan importeres endnu. "
            "Ret dem i regnearket, gem det og tryk Læs filen igen – eller vælg Importér kun de gyldige rækker."
        )
    if not any(row.saved_with(duplicates) for row in preview.rows):
        if preview.duplicate_rows and duplicates == SKIP:
            return (
                "Der er intet nyt at importere: sagerne findes allerede. Vælg Opdatér, hvis de skal have "
                "listens værdier."
            )
        return "Der er intet nyt at importere."
    return ""
