"""Registering and cancelling a case's events, and the agreed date a talk sets with them (the
event-writing part of CaseStore; the case's fields are written through CaseWrites, case_writes.py)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from ..core.agreed_at_event import AgreedAtEvent
from ..core.cases import ACTIVE
from ..core.history import CANCELLED
from ..core.text import normalize_text, text_errors
from ..core.validation import event_errors
from ..core.workdays import fmt
from .agreed_links import AGREED, agreed_at_event
from .case_writes import day_value
from .connection import utc_now
from .errors import ValidationError

if TYPE_CHECKING:
    from collections.abc import Callable

    from ..core.cases import CaseRecord
    from ..core.catalog import Trial
    from .case_reads import CaseReads
    from .case_writes import CaseWrites
    from .connection import StoreConnection
    from .overrides_store import TrialsPart


class EventWrites:
    """Registering and cancelling events; the agreed date a talk sets goes through CaseWrites."""

    def __init__(
        self,
        db: StoreConnection,
        clock: Callable[[], date],
        trials: TrialsPart,
        reads: CaseReads,
        cases: CaseWrites,
        created_by: Callable[[], str],
    ):
        self._db = db
        self._clock = clock
        self._trials = trials
        self._reads = reads
        self._cases = cases
        self._created_by = created_by

    def add_event(
        self,
        case_id: int,
        *,
        day: date | None,
        kind: str,
        form: str | None = None,
        initiated_by: str | None = None,
        full_followup: bool = False,
        text: str = "",
        replaces: int | None = None,
        sets_agreed: bool = False,
        next_agreed: date | None = None,
    ) -> int:
        """Register an event (with replaces: a correction of an earlier row) and return its id.

        sets_agreed: the caseworker was asked for the next agreed date (next_agreed; None: left
        empty); the event and the date it sets are written together (core.agreed_at_event).
        """
        today = self._clock()
        day = day_value(day)
        next_agreed = day_value(next_agreed, AGREED)
        with self._db.writing(case_id):
            case = self._reads.get_case(case_id)
            trial = self._trial_of(case)
            if case.status != ACTIVE:
                raise ValidationError({"status": "Sagen er afsluttet. Genåbn den for at registrere hændelser."})
            errors = event_errors(
                trial,
                case.dates,
                day=day,
                kind=kind,
                form=form or None,
                initiated_by=initiated_by or None,
                full_followup=full_followup,
                today=today,
            )
            text = normalize_text(text)
            errors |= text_errors({"text": text}, multiline={"text"})
            if replaces is not None:
                problem = self._replace_problem(case_id, replaces)
                if problem:
                    errors["replaces"] = problem
            agreed = KEEP
            if sets_agreed:
                seen = agreed_at_event(self._db.connection(), case_id, trial, case.dates.get(AGREED), replaces)
                agreed, problem = next_agreed_target(seen, day, next_agreed)
                if problem:
                    errors[AGREED] = problem
            if errors:
                raise ValidationError(errors)
            assert day is not None  # event_errors names a missing date
            event_id = self._db.insert(
                "events",
                {
                    "case_id": case_id,
                    "day": day.isoformat(),
                    "kind": kind,
                    "form": form or None,
                    "initiated_by": initiated_by or None,
                    "full_followup": int(bool(full_followup)),
                    "text": text or "",
                    "replaces": replaces,
                    "created_at": utc_now(),
                    "created_by": self._created_by(),
                },
            )
            if agreed is not KEEP and agreed != case.dates.get(AGREED):
                self._set_agreed(case, agreed, event_id)
            return event_id

    def _set_agreed(self, case: CaseRecord, agreed: date | None, event_id: int) -> None:
        """The agreed date a talk set (or its cancellation restored), its history row linked to it."""
        dates = {name: day for name, day in case.dates.items() if name != AGREED}
        if agreed is not None:
            dates[AGREED] = agreed
        self._cases.update_case(case.id, dates=dates, event_id=event_id)

    def agreed_at_event(self, case_id: int, replaces: int | None) -> AgreedAtEvent:
        """The agreed date seen from a talk registered now (replaces: the one corrected or cancelled)."""
        case = self._reads.get_case(case_id)
        with self._db.read() as conn:
            return agreed_at_event(
                conn, case_id, self._trials.catalog().get(case.trial_id), case.dates.get(AGREED), replaces
            )

    def cancel_event(self, case_id: int, event_id: int, *, text: str = "") -> int:
        """Withdraw an event registered by mistake: a new row replaces it; the old row stays."""
        with self._db.writing(case_id):
            case = self._reads.get_case(case_id)
            if case.status != ACTIVE:
                raise ValidationError({"status": "Sagen er afsluttet. Genåbn den for at rette hændelser."})
            problem = self._replace_problem(case_id, event_id)
            if problem:
                raise ValidationError({"replaces": problem})
            text = normalize_text(text)
            if text_errors({"text": text}, multiline={"text"}):
                raise ValidationError(text_errors({"text": text}, multiline={"text"}))
            # A talk that set the agreed date takes its setting with it, unless changed since.
            seen = agreed_at_event(
                self._db.connection(),
                case_id,
                self._trials.catalog().get(case.trial_id),
                case.dates.get(AGREED),
                event_id,
            )
            cancel_id = self._db.insert(
                "events",
                {
                    "case_id": case_id,
                    "day": self._clock().isoformat(),
                    "kind": CANCELLED,
                    "form": None,
                    "initiated_by": None,
                    "full_followup": 0,
                    "text": text or "",
                    "replaces": event_id,
                    "created_at": utc_now(),
                    "created_by": self._created_by(),
                },
            )
            if seen.follows_talk and seen.before != seen.current:
                self._set_agreed(case, seen.before, cancel_id)
            return cancel_id

    def _replace_problem(self, case_id: int, event_id: int) -> str | None:
        row = self._db.connection().execute("SELECT case_id, kind FROM events WHERE id = ?", (event_id,)).fetchone()
        if row is None or row[0] != case_id:
            return f"Hændelse nr. {event_id} findes ikke på denne sag"
        if row[1] == CANCELLED:
            return "En annullering kan ikke rettes; registrér hændelsen igen"
        later = self._db.connection().execute("SELECT id FROM events WHERE replaces = ?", (event_id,)).fetchone()
        if later is not None:
            return f"Hændelse nr. {event_id} er allerede rettet (af nr. {later[0]}); ret den nyeste"
        return None

    def _trial_of(self, case: CaseRecord) -> Trial:
        trial = self._trials.catalog().get(case.trial_id)
        if trial is None:
            raise ValidationError({"trial_id": f"Forsøg '{case.trial_id}' findes ikke i kataloget"})
        return trial


KEEP: Any = object()  # next_agreed_target: the event leaves the agreed date as it is


def next_agreed_target(seen: AgreedAtEvent, day: date | None, entered: date | None) -> tuple[Any, str | None]:
    """The agreed date after a talk on day with the next date entered (None: left empty), or KEEP;
    and the Danish message when the entered date cannot be saved."""
    if entered is not None and day is not None and entered <= day:
        return KEEP, f"Den næste aftalte dato skal ligge efter {fmt(day)}"
    if seen.follows_talk:  # correcting the talk that set the date corrects the date
        return (entered if entered is not None else seen.before), None
    kept = seen.kept_because(day)  # an older talk registered late, or a date changed since
    if kept:
        return KEEP, kept if entered not in (None, seen.current) else None
    return (entered if entered is not None else KEEP), None
