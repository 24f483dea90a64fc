"""The case window's "Frister": each coming deadline with its reasons, or why there is none."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGroupBox, QLabel, QScrollArea, QVBoxLayout, QWidget

from ...core.cases import ACTIVE, deadlines_for_cases, uncomputable_cases
from ...core.catalog import Trial
from ..case_deadlines_model import deadline_html, plain_text

if TYPE_CHECKING:  # a type only: no import of the store when this module loads
    from ...store.case_store import CaseStore


def deadline_texts(store: CaseStore, case, trial: Trial | None, today: date) -> list[str]:
    """One text per box: a deadline as HTML, or a plain sentence saying why there is none."""
    if case is None:
        return ["Fristerne vises, når sagen er gemt."]
    if problems := uncomputable_cases([case], store.catalog()):
        # The same reason the main window, `deadlines` and the exports give.
        return [f"Fristerne kan ikke beregnes: {problems[0].reason}."]
    if case.status != ACTIVE:
        return ["Sagen er afsluttet; der beregnes ingen frister."]
    if trial is None or not trial.has_deadlines:
        return ["Forsøget har ingen beregnelig frist."]
    items = deadlines_for_cases([case], store.catalog(), today, warning_days=store.settings().warning_days)
    return [deadline_html(item.deadline) for item in items] or ["Ingen kommende frister."]


class DeadlinesPane(QGroupBox):
    """A box per deadline at the top, the free room below them; several on a low screen scroll."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__("Frister", parent)
        self.area = QWidget()
        self.area_layout = QVBoxLayout(self.area)
        self.area_layout.setContentsMargins(0, 0, 0, 0)
        self.area_layout.addStretch(1)  # the deadlines at the top, the free room below them
        self.labels: list[QLabel] = []
        self.scroll_area = QScrollArea()  # several deadlines on a low screen: they scroll
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidget(self.area)
        self.scroll_area.setAccessibleName("Sagens frister")
        QVBoxLayout(self).addWidget(self.scroll_area)

    def show_texts(self, texts: list[str]) -> None:
        """Replace the boxes: HTML texts (a deadline) as rich text, sentences as plain text."""
        for label in self.labels:
            # Out of the layout at once: the pane's height (needed_height) counts only the new boxes.
            self.area_layout.removeWidget(label)
            label.hide()
            label.deleteLater()
        self.labels = []
        for text in texts:
            label = QLabel(text)
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText if text.startswith("<") else Qt.TextFormat.PlainText)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setFrameShape(QFrame.Shape.StyledPanel)
            label.setContentsMargins(6, 6, 6, 6)
            self.area_layout.insertWidget(len(self.labels), label)
            label.show()  # now, not on the layout's queued show: needed_height counts it at once
            self.labels.append(label)

    def texts(self) -> list[str]:
        """The deadlines as the caseworker reads them (plain text of each box)."""
        return [plain_text(label.text()) for label in self.labels]

    def needed_height(self) -> int:
        """The pane's height when every box is seen whole at the width it has now."""
        frame = self.height() - self.scroll_area.viewport().height()
        return self.area_layout.totalHeightForWidth(self.scroll_area.viewport().width()) + frame
