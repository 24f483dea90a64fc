"""The case window's action buttons: the event buttons under the history, the case's own below the
window, and when each can be used now (and, when not, why: its tooltip says so). The window runs
the actions they start (window.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHBoxLayout, QPushButton

from ...core.cases import ACTIVE
from ...core.note_subject import row_problem
from .history_model import can_correct

if TYPE_CHECKING:
    from ...core.cases import CaseRecord
    from ...core.catalog import Trial
    from .history_pane import HistoryPane


class CaseButtons:
    """The buttons of the case window, laid out, and enabled for the case as saved (show_for)."""

    def __init__(self, history: HistoryPane):
        self._history = history
        self.followup_button = QPushButton("Registrer &opfølgning")
        self.followup_button.setToolTip("Registrer en opfølgning i dag (Ctrl+R)")
        self.event_button = QPushButton("Registrer &hændelse …")
        self.correct_button = QPushButton("Re&t hændelse …")
        self.note_button = QPushButton("&Journalnotat …")
        self.print_button = QPushButton("&Udskriv plan …")
        self.close_case_button = QPushButton("&Afslut sag …")
        self.delete_button = QPushButton("Sl&et sag …")
        self.delete_button.setToolTip("Slet en sag, der er oprettet ved en fejl (ikke det samme som at afslutte)")
        self.save_button = QPushButton("&Gem")
        self.save_button.setDefault(True)
        self.close_button = QPushButton("&Luk")
        action_buttons = (
            self.followup_button,
            self.event_button,
            self.correct_button,
            self.note_button,
            self.print_button,
            self.close_case_button,
            self.delete_button,
        )
        for button in (*action_buttons, self.close_button):
            button.setAutoDefault(False)

    def lay_out(self) -> QHBoxLayout:
        """Two short rows rather than one long one (the window fits 1366×768 at 150 %): the event
        buttons under the history they add to, the case's own below the window (the row returned)."""
        for button in (self.followup_button, self.event_button, self.correct_button, self.note_button):
            self._history.buttons.addWidget(button)
        actions = QHBoxLayout()
        for button in (self.print_button, self.close_case_button, self.delete_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.save_button)
        actions.addWidget(self.close_button)
        return actions

    def show_for(self, case: CaseRecord | None, trial: Trial | None) -> None:
        """Enable the buttons for the case as saved (None: not saved yet) and its saved trial."""
        saved = case is not None
        active = saved and case.status == ACTIVE
        has_events = bool(trial and trial.events)
        why = "" if saved else "Gem sagen først"
        if saved and not active:
            why = "Sagen er afsluttet"
        for button in (self.followup_button, self.event_button):
            button.setEnabled(active and has_events)
        # A trial without follow-ups (T07, T09, T18: "Praktik afsluttet"): the first button opens
        # "Registrer hændelse", so it says so, and the second, which would open the same, is hidden.
        has_followup = trial is None or trial.registers_followups
        self.followup_button.setText("Registrer &opfølgning" if has_followup else "Registrer &hændelse …")
        self.event_button.setVisible(has_followup)
        what = "Registrer en opfølgning (Ctrl+R)" if has_followup else "Registrer en hændelse i forsøget (Ctrl+R)"
        self.followup_button.setToolTip(why or (what if has_events else "Forsøget har ingen hændelser"))
        selected = self._history.selected_row()
        correctable = active and can_correct(selected)
        self.correct_button.setEnabled(correctable)
        self.correct_button.setToolTip(
            why or ("Ret eller annullér den valgte hændelse" if correctable else "Vælg en hændelse i historikken")
        )
        # A corrected or cancelled row is no longer what happened: a note about it would bring its
        # date and deadline back to FASIT (and registering it again would undo the correction).
        crossed_out = row_problem(self._history.model.rows(), selected) if saved else ""
        self.note_button.setEnabled(saved and not crossed_out)
        about = "Skriv et journalnotat til FASIT (om den valgte hændelse, hvis en er valgt)"
        self.note_button.setToolTip(why if not saved else crossed_out or about)
        self.print_button.setEnabled(saved)
        self.close_case_button.setEnabled(saved)
        self.delete_button.setEnabled(saved)
        self.close_case_button.setText("Gen&åbn sag" if saved and not active else "&Afslut sag …")
