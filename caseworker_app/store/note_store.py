"""Journal notes in the case database: the municipality's own templates, and notes as copied."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from ..core.catalog import NoteTemplate
from ..core.collation import case_order
from ..core.history import CANCELLED, JOURNAL_NOTE
from ..core.note_staleness import StaleNote, note_statement, stale_notes
from ..core.note_templates import TemplateChange, edited_template, edited_template_errors
from ..core.notes import journal_note_errors
from ..core.terms import ACTIVE
from .case_reading import stored_day
from .connection import utc_now
from .errors import ValidationError

if TYPE_CHECKING:
    from collections.abc import Callable

    from .case_reads import CaseReads
    from .case_writes import CaseWrites
    from .connection import StoreConnection
    from .overrides_store import TrialsPart


class NotesPart:
    """The municipality's note templates, and notes kept in a case's history (through CaseWrites)."""

    def __init__(
        self,
        db: StoreConnection,
        clock: Callable[[], date],
        trials: TrialsPart,
        reads: CaseReads,
        writes: CaseWrites,
        created_by: Callable[[], str],
    ):
        self._db = db
        self._clock = clock
        self._trials = trials
        self._reads = reads
        self._writes = writes
        self._created_by = created_by

    # ------------------------------------------------------------ templates

    def note_template(self, trial_id: str, situation: str) -> NoteTemplate | None:
        """The municipality's edited template for a trial and situation; None: use the standard."""
        standard = self._standard_template(trial_id, situation)
        changes = self.note_template_history(trial_id, situation)
        if standard is None or not changes or changes[0].text is None:
            return None
        return edited_template(standard, changes[0].text)

    def note_template_history(self, trial_id: str, situation: str) -> list[TemplateChange]:
        """Every saving and restoring of the template, newest first (never changed or deleted)."""
        with self._db.read() as conn:
            rows = conn.execute(
                "SELECT id, trial_id, situation, text, created_at, created_by FROM note_templates "
                "WHERE trial_id = ? AND situation = ? ORDER BY id DESC",
                (trial_id, situation),
            ).fetchall()
        return [TemplateChange(*row) for row in rows]

    def save_note_template(self, trial_id: str, situation: str, text: str) -> int:
        """Keep the municipality's own template; ValidationError (nothing saved) if unusable."""
        standard = self._template_or_error(trial_id, situation)
        problems = edited_template_errors(standard, text)
        if problems:
            raise ValidationError({"text": "\n".join(problems)})
        return self._add_template_row(trial_id, situation, edited_template(standard, text).text)

    def restore_note_template(self, trial_id: str, situation: str) -> int | None:
        """Go back to the standard template ("gendan standard"); the edited one stays in history."""
        self._template_or_error(trial_id, situation)
        if self.note_template(trial_id, situation) is None:
            return None
        return self._add_template_row(trial_id, situation, None)

    def _standard_template(self, trial_id: str, situation: str) -> NoteTemplate | None:
        trial = self._trials.catalog().get(trial_id)
        return trial.notes.get(situation) if trial is not None else None

    def _template_or_error(self, trial_id: str, situation: str) -> NoteTemplate:
        trial = self._trials.catalog().get(trial_id)
        if trial is None:
            raise ValidationError({"trial_id": f"Forsøg '{trial_id}' findes ikke i kataloget"})
        standard = trial.notes.get(situation)
        if standard is None:
            known = ", ".join(trial.notes) or "ingen"
            raise ValidationError(
                {
                    "situation": f"Forsøg {trial_id} har intet journalnotat for situationen "
                    f"'{situation}' (forsøget har: {known})"
                }
            )
        return standard

    def _add_template_row(self, trial_id: str, situation: str, text: str | None) -> int:
        with self._db.batch():
            return self._db.insert(
                "note_templates",
                {
                    "trial_id": trial_id,
                    "situation": situation,
                    "text": text,
                    "created_at": utc_now(),
                    "created_by": self._created_by(),
                },
            )

    # ------------------------------------------------------------ notes in the case history

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
        """Keep a note as it was copied to FASIT in the case's history; it changes no deadline.

        event_id: the event the note is about (core.note_subject.subject_event), kept with the row
        (m009), so correcting that event later says the note in FASIT needs correcting too. What the
        note states is kept with it (m011: core.note_staleness.note_statement, from the catalog and
        the case as stored now; event_date: the note's, when it is about no registered event), so a
        later change of the catalog says which copied notes state another deadline than the window."""
        errors = journal_note_errors(situation, text, day, self._clock())
        if errors:
            raise ValidationError(errors)
        with self._db.writing(case_id):  # declared: a refresh then rereads this case alone
            case = self._reads.get_case(case_id)  # CaseNotFoundError when it is gone
            if event_id is not None:
                event_date = self._check_subject(case_id, event_id)
            trial = self._trials.catalog().get(case.trial_id)
            stated = note_statement(trial, case, situation, text, day, event_date) if trial else None
            self._writes.change(case_id, JOURNAL_NOTE, situation, None, text, day, utc_now(), event_id, stated)
            return self._db.connection().execute("SELECT last_insert_rowid()").fetchone()[0]

    def stale_notes(self, trial_id: str) -> list[StaleNote]:
        """The open cases of the trial whose copied notes now state another deadline or basis than
        the window (core.note_staleness.stale_notes), in the lists' order of names."""
        trial = self._trials.catalog().get(trial_id)
        if trial is None:
            return []
        with self._db.read() as conn:  # one snapshot: the cases and their histories as they stood together
            ids = [
                r[0]
                for r in conn.execute(
                    "SELECT DISTINCT c.id FROM cases c JOIN case_changes n ON n.case_id = c.id "
                    "WHERE c.trial_id = ? AND c.status = ? AND n.action = ? AND n.note_stated IS NOT NULL",
                    (trial_id, ACTIVE, JOURNAL_NOTE),
                )
            ]
            cases = self._reads.cases_by_id(ids)
            histories = {case_id: self._reads.history(case_id) for case_id in cases}
        found: list[StaleNote] = []
        for case in sorted(cases.values(), key=case_order):
            found += stale_notes(trial, case, histories[case.id])
        return found

    def _check_subject(self, case_id: int, event_id: int) -> date | None:
        """A note is about an event of its own case that still counts (not corrected or cancelled);
        its day."""
        conn = self._db.connection()
        row = conn.execute("SELECT kind, day FROM events WHERE id = ? AND case_id = ?", (event_id, case_id)).fetchone()
        if row is None:
            raise ValidationError({"event_id": f"Hændelse nr. {event_id} findes ikke på sagen"})
        replaced = conn.execute("SELECT 1 FROM events WHERE replaces = ?", (event_id,)).fetchone()
        if replaced is not None or row[0] == CANCELLED:
            raise ValidationError(
                {"event_id": "Hændelsen er rettet eller annulleret i sagens historik; skriv notatet om rettelsen"}
            )
        return stored_day(row[1])
