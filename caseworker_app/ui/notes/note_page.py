"""The note window's Notat tab as laid out: the fields above the note, the note below, the line
between them the caseworker can move, and the button that hides the fields (window.py fills them)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QPushButton, QScrollArea, QSplitter, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from .draft_pane import DraftPane
    from .inputs import NoteInputs


class NotePage(QWidget):
    """The fields (scrolled) above the note, split; fit_split gives the fields the height they need."""

    def __init__(self, inputs: NoteInputs, draft: DraftPane):
        super().__init__()
        self._inputs = inputs
        # The fields above the note, the note below; on a low screen the fields scroll, and the
        # caseworker can move the line between them.
        self.inputs_scroll = QScrollArea()
        self.inputs_scroll.setWidgetResizable(True)
        self.inputs_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.inputs_scroll.setWidget(inputs)
        self.inputs_scroll.setAccessibleName("Notatets felter")
        self.inputs_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to its fields, which it scrolls into view
        self.inputs_scroll.viewport().setAutoFillBackground(False)  # the tab's own background
        inputs.setAutoFillBackground(False)
        # On a low screen (1366×768 at 150 %) the fields leave room for some eight lines of the
        # note; hidden, the note has the tab's height, and the caseworker reads it whole before copying.
        self.fields_button = QPushButton()
        self.fields_button.setCheckable(True)
        self.fields_button.setAutoDefault(False)
        self.fields_button.toggled.connect(self.hide_fields)
        self.hide_fields(False)
        draft.add_to_header(self.fields_button)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.inputs_scroll)
        splitter.addWidget(draft)
        splitter.setStretchFactor(1, 1)
        self.note_splitter = splitter
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    def hide_fields(self, hidden: bool) -> None:
        """Hide the fields above the note (the note gets their height), or show them again."""
        button = self.fields_button
        self.inputs_scroll.setHidden(hidden)
        button.setText("&Vis felterne" if hidden else "Skj&ul felterne")
        button.setToolTip(
            "Vis felterne over notatet igen"
            if hidden
            else "Skjul felterne over notatet, så hele notatet kan læses, før det kopieres"
        )

    def go_to(self, field: QWidget) -> None:
        """Show the fields if hidden, scroll field into view and put the cursor in it."""
        self.fields_button.setChecked(False)
        self.inputs_scroll.ensureWidgetVisible(field)
        field.setFocus(Qt.FocusReason.OtherFocusReason)

    def fit_split(self) -> None:
        """The fields as high as they need (at most half the page), the note the rest."""
        total = sum(self.note_splitter.sizes())
        # The fields' height at the width they have: their wrapped texts (the conditions) need more
        # lines when narrow than their size hint says.
        width = self.inputs_scroll.viewport().width()
        needed = self._inputs.heightForWidth(width) if self._inputs.hasHeightForWidth() else -1
        top = min(needed if needed > 0 else self._inputs.sizeHint().height(), total // 2)
        self.note_splitter.setSizes([top, total - top])
