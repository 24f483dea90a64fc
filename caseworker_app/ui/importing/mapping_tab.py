"""The import dialog's "Kolonner": for each column of the file its header, a few of its values and
the field it fills (the guess chosen), and the trial of rows that name none."""

from __future__ import annotations

from collections.abc import Mapping
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ...core.catalog import Trial
from ...core.import_table import column_letter
from ...services.importing import FIELD_LABELS, IMPORT_FIELDS, ColumnMapping, SourceTable
from ..colours import hint_style
from ..fields import buddy_label, name_control
from ..trial_texts import trial_choice_text
from .preview_model import column_examples

IGNORE_TEXT = "– ignorér –"
HIDDEN_MARK = "<i>⚠ skjult i Excel</i>"  # beside a column's name: the caseworker did not see it there
NO_TRIAL_TEXT = "– intet: forsøget står i listen –"


class FieldCombo(QComboBox):
    """A column's field. The wheel scrolls the list of columns, not the choice, unless the combo
    has the keyboard's focus (a turn of the wheel must not change a column unseen)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.addItem(IGNORE_TEXT, None)
        for name in IMPORT_FIELDS:
            self.addItem(FIELD_LABELS[name], name)

    def field(self) -> str | None:
        return self.currentData()

    def set_field(self, name: str | None) -> None:
        self.blockSignals(True)
        self.setCurrentIndex(max(0, self.findData(name)))
        self.blockSignals(False)

    def wheelEvent(self, event) -> None:  # noqa: N802 - Qt override
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()


class MappingView(QWidget):
    """Shows a mapping and says when the user changes it (mapping_changed with the new mapping)."""

    mapping_changed = Signal(object)

    def __init__(self, catalog: Mapping[str, Trial], parent: QWidget | None = None):
        super().__init__(parent)
        self._mapping: ColumnMapping | None = None
        self.combos: list[FieldCombo] = []
        self.names: list[QLabel] = []  # each column's letter and header ('⚠ skjult i Excel' under a hidden one)
        intro = QLabel(
            "Vælg for hver kolonne i filen, hvilket felt den er. Borgerens navn, FASIT-sagsnummer og "
            "forsøget skal have en kolonne (forsøget kan i stedet vælges til alle rækker nederst). "
            "Dine valg huskes til næste import."
        )
        intro.setWordWrap(True)
        self._grid_host = QWidget()
        self._grid = QGridLayout(self._grid_host)
        self._grid.setColumnStretch(1, 1)
        self._grid.setVerticalSpacing(4)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        # The text above the rows scrolls with them: beside the dialog's other lines it left the rows
        # no room at 1366×768, 150 % with 150 % text.
        rows = QWidget()
        rows_layout = QVBoxLayout(rows)
        rows_layout.setContentsMargins(0, 0, 0, 0)
        rows_layout.addWidget(intro)
        rows_layout.addWidget(self._grid_host, 1)
        rows.setAutoFillBackground(False)
        self.scroll_area.setWidget(rows)
        self.scroll_area.setAccessibleName("Kolonnerne i filen")
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to its combos, which it scrolls into view
        # The tab's own background behind the rows (setWidget made the rows paint their own).
        self.scroll_area.viewport().setAutoFillBackground(False)
        self._grid_host.setAutoFillBackground(False)

        self.trial_combo = QComboBox()
        self.trial_combo.addItem(NO_TRIAL_TEXT, None)
        for trial in catalog.values():
            self.trial_combo.addItem(trial_choice_text(trial), trial.id)
        name_control(
            self.trial_combo,
            "Forsøg for rækker uden forsøg",
            "Bruges for hver række, hvis forsøgscelle er tom, og når ingen kolonne er forsøget",
        )
        self.trial_combo.currentIndexChanged.connect(self._trial_chosen)
        # As wide as the row allows, never wider: the longest trial's title made the dialog 1023 px
        # wide at 1366×768, 150 % with 150 % text (the list that drops down shows the whole titles).
        self.trial_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.trial_combo.setMinimumContentsLength(24)
        self.trial_combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        trial_row = QHBoxLayout()
        trial_row.addWidget(buddy_label("Forsøg for rækker uden forsø&g:", self.trial_combo))
        trial_row.addWidget(self.trial_combo, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.scroll_area, 1)
        layout.addLayout(trial_row)

    def set_table(self, table: SourceTable, mapping: ColumnMapping) -> None:
        """A row per column of the table, each combo at the mapping's field."""
        while self._grid.count():
            item = self._grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.combos = []
        self.names = []
        for column, title in enumerate(("Kolonne i filen", "Eksempler", "Felt i programmet")):
            heading = QLabel(f"<b>{title}</b>")
            self._grid.addWidget(heading, 0, column)
        for index, header in enumerate(table.headers):
            row = index + 1
            hidden = index in table.hidden_columns
            name = QLabel(f"{column_letter(index)}: {escape(header)}" + (f"<br>{HIDDEN_MARK}" if hidden else ""))
            name.setTextFormat(Qt.TextFormat.RichText)
            name.setWordWrap(True)
            examples = column_examples(table, index)
            example = QLabel(" · ".join(examples) if examples else "(tom)")
            example.setWordWrap(True)
            example.setStyleSheet(hint_style())
            combo = FieldCombo()
            name_control(
                combo,
                f"Felt for kolonne {column_letter(index)}, '{header}'" + (" (skjult i Excel)" if hidden else ""),
                "Eksempler: " + (", ".join(examples) or "ingen"),
            )
            combo.currentIndexChanged.connect(lambda _i, c=index: self._field_chosen(c))
            self._grid.addWidget(name, row, 0)
            self._grid.addWidget(example, row, 1)
            self._grid.addWidget(combo, row, 2)
            self.combos.append(combo)
            self.names.append(name)
        self._grid.setRowStretch(len(table.headers) + 1, 1)
        self.set_mapping(mapping)

    def set_mapping(self, mapping: ColumnMapping) -> None:
        """Show mapping (no mapping_changed: the caller made it)."""
        self._mapping = mapping
        for combo, field in zip(self.combos, mapping.fields, strict=True):
            combo.set_field(field)
        self.trial_combo.blockSignals(True)
        self.trial_combo.setCurrentIndex(max(0, self.trial_combo.findData(mapping.default_trial)))
        self.trial_combo.blockSignals(False)

    def mapping(self) -> ColumnMapping | None:
        return self._mapping

    def _field_chosen(self, column: int) -> None:
        # Another column with the same field lets go of it (ColumnMapping.with_field); shown at once.
        assert self._mapping is not None  # the combos come with a mapping (set_table)
        self.set_mapping(self._mapping.with_field(column, self.combos[column].field()))
        self.mapping_changed.emit(self._mapping)

    def _trial_chosen(self) -> None:
        if self._mapping is None:
            return
        self._mapping = self._mapping.with_default_trial(self.trial_combo.currentData())
        self.mapping_changed.emit(self._mapping)
