"""Which saved journal notes note a trial's FASIT marking as set (the evaluation's 'markings').

A note notes the marking as set when its situation's template states it so - a line
'FASIT-markering: $marking' or $marking_line (resources/trials/*.toml; decision 9) - and the saved text
still holds the marking. T07's 'Forsøget anvendt' names the marking only as a condition ('… sættes,
hvis indsatsplanen justeres senere end 6 måneder'): it sets nothing. The marking is set on the case in
FASIT (a persongruppemarkering), so a case counts once however many notes repeat it (T09's 'Praktik
oprettet' and 'Forsøget anvendt' for the same praktik).
"""

from __future__ import annotations

from collections.abc import Sequence

from .catalog import Trial
from .evaluation_figures import NoteRecord, Period

# The lines of a standard template that state the marking as set.
_SET_LINES = ("FASIT-markering: $marking", "$marking_line")


def marking_situations(trial: Trial) -> frozenset[str]:
    """The note situations whose template states the trial's FASIT marking as set."""
    return frozenset(
        situation
        for situation, template in trial.notes.items()
        if any(line.strip() in _SET_LINES for line in template.text.splitlines())
    )


def first_marking(trial: Trial, notes: Sequence[NoteRecord], period: Period) -> NoteRecord | None:
    """The case's first note in period that notes the marking as set, or None (no marking)."""
    if not trial.fasit_marking:
        return None
    situations = marking_situations(trial)
    found = [n for n in notes if n.day in period and n.situation in situations and _states_marking(trial, n.text)]
    return min(found, key=lambda n: n.day, default=None)


def _states_marking(trial: Trial, text: str) -> bool:
    """The saved text still holds the marking: the trial's marking now, or the standard templates'
    line 'FASIT-markering: …' with the marking it had when the note was written (a reviewer: the
    municipality corrected the marking's spacing, and every note written before stopped counting)."""
    if trial.fasit_marking in text:
        return True
    return any(line.startswith(_LINE) and line[len(_LINE) :].strip() for line in map(str.strip, text.splitlines()))


_LINE = "FASIT-markering:"
