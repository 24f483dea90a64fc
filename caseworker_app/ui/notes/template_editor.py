"""The note window's "Skabelon" tab: the municipality's own template for the situation shown, checked
as it is typed and when saved, the fields to insert, and "Gendan standard"."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...core.catalog import NoteTemplate, Trial
from ...core.note_fields import FORMER_LONG, NOTE_FIELDS
from ...core.note_templates import edited_template_errors
from ...core.stamps import stamp_text
from ...store import StoreError, ValidationError
from ..colours import error_style, hint_style, ok_style
from ..fields import buddy_label, text_box

if TYPE_CHECKING:  # a type only: no import of the store when this module loads
    from ...store.case_store import CaseStore


def usable_fields(trial: Trial | None) -> list[str]:
    """The template fields that make sense for this trial (only the case dates it has); not the
    former long forms of the dates (core/note_fields.py FORMER_LONG)."""
    dates = {d.name for d in trial.dates} if trial else set()
    return [
        name
        for name in NOTE_FIELDS
        if name not in FORMER_LONG
        and (not name.endswith("_date") or name.removesuffix("_date") in dates | {"note", "event"})
    ]


class TemplateEditor(QWidget):
    """Edit the template of the situation last shown (show_template); changed(message) after a
    template is saved or the standard restored, for the note tab to follow."""

    changed = Signal(str)

    def __init__(self, store: CaseStore, trial: Trial | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.trial = trial
        self._situation: str | None = None
        self._standard: NoteTemplate | None = None
        self.template_title = QLabel()
        self.template_title.setWordWrap(True)
        self.template_edit = text_box()
        self.template_edit.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.template_edit.setAccessibleName("Skabelonens tekst")
        self.template_errors = QLabel()
        self.template_errors.setWordWrap(True)
        self.template_errors.setTextFormat(Qt.TextFormat.PlainText)
        self.field_list = QListWidget()
        self.field_list.setToolTip("Dobbeltklik for at sætte feltet ind i skabelonen")
        self.field_list.setWordWrap(True)
        self.field_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for name in usable_fields(trial):
            item = QListWidgetItem(f"${name} – {NOTE_FIELDS[name]}")
            item.setData(Qt.ItemDataRole.UserRole, name)
            self.field_list.addItem(item)
        self.save_template_button = QPushButton("&Gem skabelon")
        self.restore_button = QPushButton("Gendan st&andard")
        self.restore_button.setToolTip(
            "Brug programmets skabelon igen; kommunens skabelon bliver stående i historikken"
        )
        for button in (self.save_template_button, self.restore_button):
            button.setAutoDefault(False)

        fields_part = QWidget()
        fields_layout = QVBoxLayout(fields_part)
        fields_layout.setContentsMargins(0, 0, 0, 0)
        fields_layout.addWidget(buddy_label("Felter (dobbeltklik for at indsætte):", self.field_list))
        fields_layout.addWidget(self.field_list, 1)
        text_part = QWidget()
        text_layout = QVBoxLayout(text_part)
        text_layout.setContentsMargins(0, 0, 0, 0)
        text_layout.addWidget(buddy_label("Skabelonens &tekst:", self.template_edit))
        text_layout.addWidget(self.template_edit, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(text_part)
        splitter.addWidget(fields_part)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        buttons = QHBoxLayout()
        buttons.addWidget(self.template_errors, 1)
        buttons.addWidget(self.restore_button, 0, Qt.AlignmentFlag.AlignTop)
        buttons.addWidget(self.save_template_button, 0, Qt.AlignmentFlag.AlignTop)
        intro = QLabel(
            "Kommunen kan rette teksten til denne situation. Skriv felterne som $navn; "
            "$citation (hjemlen) skal altid med. Skabelonen kontrolleres, når den gemmes."
        )
        intro.setWordWrap(True)
        intro.setStyleSheet(hint_style())

        self.template_edit.textChanged.connect(self._check_template)
        self.field_list.itemDoubleClicked.connect(self._insert_field)
        self.save_template_button.clicked.connect(self.save_template)
        self.restore_button.clicked.connect(self.restore_template)

        layout = QVBoxLayout(self)
        layout.addWidget(self.template_title)
        layout.addWidget(intro)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)

    def show_template(self, situation: str | None, standard: NoteTemplate | None, in_use: NoteTemplate | None) -> None:
        """Show the template in use for situation (standard: the one the program ships)."""
        self._situation, self._standard = situation, standard
        self.template_edit.blockSignals(True)
        # in_use falls back on standard, so it is there whenever standard is.
        self.template_edit.setPlainText(in_use.text if standard and in_use else "")
        self.template_edit.blockSignals(False)
        self.template_edit.setEnabled(standard is not None)
        self.save_template_button.setEnabled(standard is not None)
        if standard is None:
            self.template_title.setText("Forsøget har ingen skabeloner.")
            self.restore_button.setEnabled(False)
            self.template_errors.clear()
            return
        assert self.trial is not None and situation is not None  # a standard template is a trial's, for a situation
        changes = self.store.note_template_history(self.trial.id, situation)
        own = bool(changes) and changes[0].text is not None
        where = f"<b>{standard.title}</b> i forsøg {self.trial.id}"
        if own:
            last = changes[0]
            by = f" af {last.created_by}" if last.created_by else ""
            self.template_title.setText(
                f"Skabelon for {where}: kommunens egen, gemt {stamp_text(last.created_at)}{by}."
            )
        else:
            self.template_title.setText(f"Skabelon for {where}: programmets standard.")
        self.restore_button.setEnabled(own)
        self._check_template()

    def _check_template(self) -> None:
        if self._standard is None:
            return
        problems = edited_template_errors(self._standard, self.template_edit.toPlainText())
        self.show_messages(problems)

    def show_messages(self, problems: list[str], ok: str = "") -> None:
        """The template's faults, one a line; none: ok (what was just done, or nothing)."""
        if problems:
            self.template_errors.setText("\n".join(f"⚠ {p}" for p in problems))
            self.template_errors.setStyleSheet(error_style())
        else:
            self.template_errors.setText(ok)
            self.template_errors.setStyleSheet(ok_style())

    def _insert_field(self, item: QListWidgetItem) -> None:
        self.template_edit.insertPlainText("$" + item.data(Qt.ItemDataRole.UserRole))
        self.template_edit.setFocus()

    def save_template(self) -> bool:
        """Save the text as the municipality's template; if unusable: Danish messages, no save."""
        name = self._situation
        if self.trial is None or name is None:
            return False
        try:
            self.store.save_note_template(self.trial.id, name, self.template_edit.toPlainText())
        except ValidationError as exc:
            self.show_messages([line for message in exc.errors.values() for line in message.splitlines()])
            return False
        except StoreError as exc:  # busy, a full disk: the text stays as typed
            self.show_messages([exc.window_text()])
            return False
        self.changed.emit("✓ Gemt. Notatet bruger nu kommunens skabelon.")
        return True

    def restore_template(self) -> None:
        """Use the standard template again ("gendan standard"); the edited one stays in history."""
        name = self._situation
        if self.trial is None or name is None:
            return
        try:
            self.store.restore_note_template(self.trial.id, name)
        except StoreError as exc:
            self.show_messages([exc.window_text()])
            return
        self.changed.emit("✓ Standardskabelonen bruges igen.")
