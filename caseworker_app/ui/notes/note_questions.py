"""What the journal-note window asks before the caseworker's own text is lost."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ..questions import ask_yes_no


def confirm_discard_hand_edits(parent: QWidget) -> bool:
    """Ask before a new situation replaces a note the caseworker has edited by hand."""
    return ask_yes_no(
        parent,
        "Lav notatet forfra?",
        "Du har rettet notatets tekst i hånden. Skifter du situation, laves teksten forfra, "
        "og dine rettelser går tabt. Vil du skifte situation?",
    )


def confirm_close_uncopied(parent: QWidget) -> bool:
    """Ask before closing the window on a note not yet copied to FASIT."""
    return ask_yes_no(
        parent,
        "Luk uden at kopiere?",
        "Notatet er ikke kopieret til FASIT og ikke gemt i sagens historik. Vil du lukke og kassere det?",
    )
