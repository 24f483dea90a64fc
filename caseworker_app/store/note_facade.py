"""CaseStore's journal-note methods (templates, notes as copied, notes gone stale): thin
delegations to store/note_store.py NotesPart, kept apart so case_store.py stays one screenful of jobs."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..core.catalog import NoteTemplate
    from ..core.note_catalog import CatalogChange
    from ..core.note_staleness import StaleNote
    from ..core.note_templates import TemplateChange
    from .store_parts import StoreParts


class JournalNotes:
    """The journal-note part of CaseStore's public methods (CaseStore sets _parts)."""

    _parts: StoreParts

    def note_template(self, trial_id: str, situation: str) -> NoteTemplate | None:
        """The municipality's edited template for a trial and situation; None: use the standard."""
        return self._parts.notes.note_template(trial_id, situation)

    def note_template_history(self, trial_id: str, situation: str) -> list[TemplateChange]:
        """Every saving and restoring of the template, newest first (never changed or deleted)."""
        return self._parts.notes.note_template_history(trial_id, situation)

    def save_note_template(self, trial_id: str, situation: str, text: str) -> int:
        """Keep the municipality's own template; ValidationError (nothing saved) if unusable."""
        return self._parts.notes.save_note_template(trial_id, situation, text)

    def restore_note_template(self, trial_id: str, situation: str) -> int | None:
        """Go back to the standard template ("gendan standard"); the edited one stays in history."""
        return self._parts.notes.restore_note_template(trial_id, situation)

    def add_journal_note(
        self,
        case_id: int,
        *,
        situation: str,
        text: str,
        day: date,
        event_id: int | None = None,
        event_date: date | None = None,
    ) -> int:
        """Keep a note as it was copied to FASIT in the case's history (about event_id, an event
        that still counts, when given; event_date: the note's date of the event, when about none),
        with what it states; it changes no deadline."""
        return self._parts.notes.add_journal_note(
            case_id, situation=situation, text=text, day=day, event_id=event_id, event_date=event_date
        )

    def stale_notes(self, trial_id: str) -> list[StaleNote]:
        """The trial's open cases whose copied notes now state another deadline or basis than the
        window (core.note_staleness.stale_notes), in the lists' order of names."""
        return self._parts.notes.stale_notes(trial_id)

    def catalog_change(self) -> CatalogChange:
        """The shipped trials whose copied notes have not been checked against them as they are now
        (a new program version changed them: core/note_catalog.py); none in the common case, every
        trial when the database never kept what they were checked against."""
        from ..core.note_catalog import catalog_fingerprints, changed_trials

        fingerprints = catalog_fingerprints(self._parts.trials.shipped())
        return changed_trials(self._parts.state.notes_checked_catalog(), fingerprints)

    def notes_checked(self) -> None:
        """The copied notes are now checked against the shipped catalog (and told): kept, so the next
        start checks nothing until a new version changes a trial."""
        from ..core.note_catalog import catalog_fingerprints, fingerprints_text

        self._parts.state.save_notes_checked_catalog(
            fingerprints_text(catalog_fingerprints(self._parts.trials.shipped()))
        )
