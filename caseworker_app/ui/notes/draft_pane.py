"""The note as it will be copied to FASIT: filled in from the template, open to edits by hand (kept
until "Lav teksten forfra"), each "[mangler: …]" marked, why it cannot be copied yet, the copy button."""

from __future__ import annotations

from difflib import SequenceMatcher

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTextEdit, QVBoxLayout, QWidget

from ...core.notes import MISSING_MARKER
from ...store.errors import StoreError, ValidationError
from ..colours import changed_colour, error_style, hint_style, mark_colour, ok_style
from ..fields import buddy_label, text_box
from .status_area import StatusArea

MARKER_START = MISSING_MARKER.split("{")[0]
# In the empty note box when the note cannot be written: why is said under the box.
NOT_WRITTEN = "Notatet kan ikke skrives; se hvorfor nedenfor."


class DraftPane(QWidget):
    """The note's text; edited (a signal) whenever it changes, hand_edited once the caseworker typed."""

    edited = Signal()

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.hand_edited = False
        self._updating = False
        self._changed_lines: list[int] = []  # the lines show_changed marks, until the text changes
        self.note_edit = text_box()
        self.note_edit.setAccessibleName("Notatet, som det kopieres til FASIT")
        self.note_edit.setMinimumHeight(parent.fontMetrics().lineSpacing() * 6)
        # Said so it is true with the fields hidden too (Skjul felterne).
        self.hand_label = QLabel("Teksten er rettet i hånden; felterne ændrer den ikke længere.")
        self.hand_label.setWordWrap(True)
        self.hand_label.setStyleSheet(hint_style())
        self.regenerate_button = QPushButton("Lav teksten &forfra")
        self.regenerate_button.setAutoDefault(False)
        self.regenerate_button.setToolTip("Fyld notatet ud fra skabelonen og felterne igen")
        hand_row = QHBoxLayout()
        hand_row.addWidget(self.hand_label, 1)
        hand_row.addWidget(self.regenerate_button)
        self.status_label = QLabel()
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.status_area = StatusArea(self.status_label)
        self.copy_button = QPushButton("&Kopiér til FASIT")
        self.copy_button.setDefault(True)
        self.copy_button.setToolTip("Læg notatet i udklipsholderen som ren tekst og gem det i sagens historik")
        # Shown while a field above still needs filling in: on a low screen it may be scrolled out of
        # sight, or hidden (Skjul felterne); the window scrolls to it (a tester could not find the tick).
        self.show_missing_button = QPushButton("Vis det &manglende")
        self.show_missing_button.setAutoDefault(False)
        self.show_missing_button.setToolTip("Vis og gå til det første felt, der mangler at blive udfyldt")
        self.show_missing_button.hide()
        copy_row = QHBoxLayout()
        copy_row.addWidget(self.status_area, 1)
        copy_row.addWidget(self.show_missing_button, 0, Qt.AlignmentFlag.AlignTop)
        copy_row.addWidget(self.copy_button, 0, Qt.AlignmentFlag.AlignTop)

        # Beside the note's label: the window's button that hides the fields above (so the whole
        # note can be read on a low screen), added by the window (add_to_header).
        self._header = QHBoxLayout()
        self._header.addWidget(buddy_label("Notatet (kan rettes, før det kopieres):", self.note_edit), 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._header)
        layout.addWidget(self.note_edit, 1)
        layout.addLayout(hand_row)
        layout.addLayout(copy_row)
        self.note_edit.textChanged.connect(self._note_edited)

    def add_to_header(self, widget: QWidget) -> None:
        """Put widget at the right of the note's label."""
        self._header.addWidget(widget, 0, Qt.AlignmentFlag.AlignBottom)

    def set_draft(self, text: str, problem: str) -> None:
        """The note filled in anew (not over edits by hand); problem: why it cannot be written."""
        if not self.hand_edited:
            self._updating = True
            self.note_edit.setPlainText(text)
            self._updating = False
        # The reason itself is the status below (show_state): said once, where it is read whole.
        self.note_edit.setPlaceholderText(NOT_WRITTEN if problem else "")

    def _note_edited(self) -> None:
        self._changed_lines = []
        if not self._updating:
            self.hand_edited = True
        self.edited.emit()

    def text(self) -> str:
        """The note as it stands in the window ('\\n' line breaks)."""
        return self.note_edit.toPlainText().replace("\r\n", "\n").strip("\n")

    def show_changed(self, before: str) -> None:
        """After the note was made anew from changed data: mark the lines that differ from before
        (the text the caseworker saw) and scroll the first into view, so the new deadline is read."""
        old, new = before.split("\n"), self.text().split("\n")
        opcodes = SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes()
        self._changed_lines = [line for tag, _, _, j1, j2 in opcodes if tag != "equal" for line in range(j1, j2)]
        self.mark_missing()
        if self._changed_lines:
            block = self.note_edit.document().findBlockByNumber(self._changed_lines[-1])
            self.note_edit.setTextCursor(QTextCursor(block))
            self.note_edit.ensureCursorVisible()  # the last changed line, then the first: both in view if they fit
            self.note_edit.setTextCursor(
                QTextCursor(self.note_edit.document().findBlockByNumber(self._changed_lines[0]))
            )
            self.note_edit.ensureCursorVisible()

    def mark_missing(self) -> None:
        """Show each '[mangler: …]' in the note on a coloured background (the words say it too), and
        the lines show_changed found changed on another."""
        marks = []
        document = self.note_edit.document()
        for line in self._changed_lines:
            mark = QTextEdit.ExtraSelection()
            mark.cursor = QTextCursor(document.findBlockByNumber(line))
            mark.cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
            mark.format.setBackground(changed_colour())
            marks.append(mark)
        cursor = document.find(MARKER_START)
        while not cursor.isNull():
            end = document.find("]", cursor.position())
            if end.isNull():
                break
            cursor.setPosition(end.position(), QTextCursor.MoveMode.KeepAnchor)
            mark = QTextEdit.ExtraSelection()
            mark.cursor = QTextCursor(cursor)
            mark.format.setBackground(mark_colour())
            marks.append(mark)
            cursor = document.find(MARKER_START, end.position())
        self.note_edit.setExtraSelections(marks)

    def show_state(self, problems: list[str], *, copied: bool, notice: str = "") -> None:
        """Why the note cannot be copied yet (the button off), or that it is ready or copied (and
        notice: what copying will also do)."""
        self.copy_button.setEnabled(not problems)
        self.hand_label.setVisible(self.hand_edited)
        self.regenerate_button.setVisible(self.hand_edited)
        if problems:
            self.show_problem("⚠ " + " ".join(problems))
        elif copied:
            self.status_label.setText("✓ Kopieret og gemt i sagens historik. Sæt notatet ind i FASIT med Ctrl+V.")
            self.status_label.setStyleSheet(ok_style())
        else:
            self.status_label.setText("✓ Klar til at kopiere." + (f" {notice}" if notice else ""))
            self.status_label.setStyleSheet(ok_style())

    def show_problem(self, text: str) -> None:
        self.status_label.setText(text)
        self.status_label.setStyleSheet(error_style())

    def show_not_kept(self, exc: ValidationError | StoreError) -> None:
        """The note is on the clipboard, but the database refused to keep it (busy, a full disk):
        copying again tries again."""
        why = " " + "; ".join(exc.errors.values()) if isinstance(exc, ValidationError) else "\n" + exc.window_text()
        self.show_problem("⚠ Notatet er kopieret, men kunne ikke gemmes i historikken:" + why)
