"""A case's history as an audit trail: events, corrections that replace rows, case changes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .terms import EVENT_NAMES

# Who started a contact or event.
INITIATORS = ("kommune", "borger", "arbejdsgiver")


def default_initiator(kind: str) -> str | None:
    """Who starts an event of this kind, unless the caseworker says otherwise: the municipality,
    but for a contact between follow-ups nobody yet – it comes from the citizen or the employer
    (decision 2), and the caseworker says which."""
    return None if kind == "contact" else "kommune"


# Why a case was closed; "andet" needs a free text.
END_REASONS = (
    "fastholdt i løntilskudsjob",
    "overgået til fleksjob",
    "overgået til ordinær beskæftigelse",
    "overgået til uddannelse",
    "overgået til anden ydelse",
    "overgået til førtidspension",
    "fraflyttet kommunen",
    "død",
    "andet",
)
OTHER_REASON = "andet"

# An event row that withdraws an event registered by mistake (it replaces that row).
CANCELLED = "cancelled"

# Kinds of case-change rows in the history.
CASE_CREATED, CASE_CHANGED, CASE_CLOSED, CASE_REOPENED = (
    "case_created",
    "case_changed",
    "case_closed",
    "case_reopened",
)

# A journal note as copied to FASIT: a case-change row (never a deadline) with its situation.
JOURNAL_NOTE = "journal_note"

KIND_LABELS_DA = {
    **EVENT_NAMES,
    CANCELLED: "annulleret (registreret ved en fejl)",
    CASE_CREATED: "sag oprettet",
    CASE_CHANGED: "sag ændret",
    CASE_CLOSED: "sag afsluttet",
    CASE_REOPENED: "sag genåbnet",
    JOURNAL_NOTE: "journalnotat",
}


@dataclass(frozen=True, slots=True)
class EventRow:
    """One row of a case's history: an event, a correction, or a change to the case itself."""

    id: int
    day: date
    kind: str
    form: str | None = None
    initiated_by: str | None = None
    full_followup: bool = False
    text: str = ""
    replaces: int | None = None
    replaced_by: int | None = None
    created_at: str = ""
    created_by: str = ""
    is_case_change: bool = False  # ids of case changes and of events are separate series
    situation: str | None = None  # a journal note's situation (core.notes), else None
    about_event: int | None = None  # a journal note's event (core.note_subject), else None
    stated: str | None = None  # what a journal note stated (JSON, core.note_staleness), else None

    @property
    def label(self) -> str:
        """The kind in Danish, 'rettelse af ...' for a correction."""
        label = KIND_LABELS_DA.get(self.kind, self.kind)
        if self.replaces is not None and self.kind != CANCELLED:
            return f"{label} (rettelse)"
        return label

    @property
    def counts(self) -> bool:
        """True for an event the deadlines use (not replaced, withdrawn or a case change)."""
        return not self.is_case_change and self.replaced_by is None and self.kind != CANCELLED
