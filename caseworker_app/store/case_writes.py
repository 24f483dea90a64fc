"""Writing cases: creating and changing them, each change kept in the history (the case-writing
part of CaseStore; registering and cancelling events: event_writes.py)."""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING, Any

from ..core.cases import ACTIVE
from ..core.cpr import mask_cpr, normalize_cpr
from ..core.history import CASE_CHANGED, CASE_CREATED
from ..core.text import case_ref_key, clean_line, normalize_text, text_errors
from ..core.validation import case_errors, parse_case_dates
from ..core.workdays import parse_date
from .case_conflicts import THEIRS, CaseConflictError, case_values, conflicts, form_edits, merged_fields
from .connection import utc_now
from .errors import CaseNotFoundError, ValidationError
from .history_texts import created_summary
from .versions import CASE_REF_KEY_SQL

if TYPE_CHECKING:
    from collections.abc import Callable

    from ..core.cases import CaseRecord
    from .case_conflicts import ConflictChoice
    from .case_reads import CaseReads
    from .connection import StoreConnection
    from .overrides_store import TrialsPart

CASE_FIELDS = ("citizen", "case_ref", "trial_id", "caseworker", "cpr", "note", "dates")
DUPLICATE_TEXT = "Sagsnummeret findes allerede som åben sag i dette forsøg"


def day_value(value: object, field: str = "day") -> date | None:
    """A date argument (date or text) as a date; ValidationError naming the field if unreadable."""
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    try:
        return parse_date(str(value))
    except ValueError as exc:
        raise ValidationError({field: str(exc)}) from None


# SQLite's lower(): ASCII letters only (CASE_REF_KEY_SQL).
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def _sql_keys(number: str) -> list[str]:
    """The values CASE_REF_KEY_SQL may have for a stored number equal to number but for case: each
    letter beyond ASCII in either case (SQLite leaves their case as stored), the rest in lower case.
    Few: a FASIT number has at most a letter or two such as Æ (beyond 4, the number as typed)."""
    keys = [""]
    others = sum(1 for ch in number if not ch.isascii() and ch.lower() != ch.upper())
    for ch in number:
        if ch.isascii() or ch.lower() == ch.upper() or others > 4:
            keys = [key + ch.translate(_ASCII_LOWER) for key in keys]
        else:
            keys = [key + case for key in keys for case in dict.fromkeys((ch.lower(), ch.upper()))]
    return keys


class CaseWrites:
    """Creating and changing cases, each change kept in the history."""

    def __init__(
        self,
        db: StoreConnection,
        clock: Callable[[], date],
        trials: TrialsPart,
        reads: CaseReads,
        created_by: Callable[[], str],
    ):
        self._db = db
        self._clock = clock
        self._trials = trials
        self._reads = reads
        self._created_by = created_by

    def create_case(
        self,
        *,
        citizen: str,
        case_ref: str,
        trial_id: str,
        dates: Mapping[str, date],
        caseworker: str = "",
        cpr: str | None = None,
        note: str = "",
    ) -> int:
        """Save a new active case and return its id; ValidationError (nothing saved) if wrong."""
        today = self._clock()
        # One plain space between words before the checks (core.text.clean_line, as the import saves
        # them): a name of only invisible spaces is no name.
        citizen, case_ref, caseworker = (clean_line(v or "") for v in (citizen, case_ref, caseworker))
        note = normalize_text(note)
        errors = text_errors({"caseworker": caseworker, "note": note}, multiline={"note"})
        errors |= case_errors(
            self._trials.catalog(),
            citizen=citizen,
            case_ref=case_ref,
            trial_id=trial_id,
            dates=dates,
            cpr=cpr,
            today=today,
        )
        if errors:
            raise ValidationError(errors)
        parsed, _ = parse_case_dates(dates)
        now = utc_now()
        record = {
            "citizen": citizen,
            "case_ref": case_ref,
            "trial_id": trial_id,
            "cpr": normalize_cpr(cpr, today) if cpr else None,
            "caseworker": caseworker,
            "status": ACTIVE,
            "note": note or "",
            "created_at": now,
            "updated_at": now,
        }
        summary = created_summary(trial_id, parsed)
        with self._db.writing() as written:
            # Inside the write transaction: another copy cannot save the same case in between.
            self._check_duplicate(errors, case_ref, trial_id)
            if errors:
                raise ValidationError(errors)
            try:
                case_id = self._db.insert("cases", record)
                written.add(case_id)
            except sqlite3.IntegrityError:  # the unique index of m006 (open cases)
                self._check_duplicate(errors, case_ref, trial_id)
                raise ValidationError(errors or {"case_ref": DUPLICATE_TEXT}) from None
            for name, day in parsed.items():
                self._db.insert("case_dates", {"case_id": case_id, "name": name, "day": day.isoformat()})
            self.change(case_id, CASE_CREATED, "", None, summary, today, now)
        return case_id

    def change(
        self,
        case_id: int,
        action: str,
        field: str,
        old: str | None,
        new: str | None,
        day: date,
        now: str,
        event_id: int | None = None,
        stated: str | None = None,
    ) -> None:
        """One row of the case's history (notes and closing write theirs here too); event_id: the
        event it belongs to (m009: a note's event, or the talk that set the agreed date); stated:
        what a journal note stated (m011, core.note_staleness)."""
        self._db.insert(
            "case_changes",
            {
                "case_id": case_id,
                "action": action,
                "field": field,
                "old_value": old,
                "new_value": new,
                "day": day.isoformat(),
                "created_at": now,
                "created_by": self._created_by(),
                "event_id": event_id,
                "note_stated": stated,
            },
        )

    def _check_duplicate(self, errors: dict[str, str], case_ref: str, trial_id: str, own_id: int | None = None) -> None:
        """The same FASIT case in the same trial twice would show one citizen as two cases. Numbers
        compare as a caseworker reads them (core.text.case_ref_key: 's-1' is 'S-1'), as the import does."""
        if "case_ref" in errors or "trial_id" in errors or not (case_ref or "").strip():
            return
        key = case_ref_key(case_ref)
        # The index of m010 narrows to the numbers equal but for ASCII case and spaces (SQLite's
        # lower() folds ASCII only: a letter such as Æ is looked up as typed and in its other case);
        # the key decides. A number saved before names were cleaned, with another invisible space
        # than a non-breaking one in it, is found by the import's preview, which reads every case.
        keys = _sql_keys(clean_line(case_ref).replace(" ", ""))
        marks = ", ".join("?" * len(keys))
        rows = (
            self._db.connection()
            .execute(
                f"SELECT id, citizen, status, case_ref FROM cases WHERE trial_id = ? AND {CASE_REF_KEY_SQL} IN"
                f" ({marks}) AND id IS NOT ? ORDER BY status = ? DESC, id",  # an open one first, if there is one
                (trial_id, *keys, own_id, ACTIVE),
            )
            .fetchall()
        )
        row = next((row for row in rows if case_ref_key(row[3]) == key), None)
        if row is not None:
            case_id, citizen, status, existing = row
            # A closed case counts too (one citizen, one FASIT case): say so, and what to do instead.
            closed = ", afsluttet – genåbn den i stedet" if status != ACTIVE else ""
            typed = clean_line(case_ref)
            spelt = f" som {existing}" if existing != typed else ""
            errors["case_ref"] = (
                f"Sagsnummeret {typed} findes allerede{spelt} i forsøg {trial_id} "
                f"(sag nr. {case_id}: {citizen}{closed})"
            )

    def update_case(
        self,
        case_id: int,
        *,
        loaded: CaseRecord | None = None,
        choice: ConflictChoice | None = None,
        created: str | None = None,
        event_id: int | None = None,
        **fields,
    ) -> None:
        """Change fields: citizen, case_ref, trial_id, caseworker, cpr, note, dates (all of them).

        loaded: the case as the form that sends the fields read it. Then only what differs from it
        is written, over the case as stored now (another copy may have saved since); a field both
        changed raises CaseConflictError, unless choice answers it (case_conflicts.py).
        Each changed field is recorded in the history; an error leaves the case as it was.
        event_id: the event the change belongs to (a talk's agreed date: store/agreed_links.py).
        """
        unknown = set(fields) - set(CASE_FIELDS)
        if unknown:
            raise TypeError(f"update_case() got unknown fields: {', '.join(sorted(unknown))}")
        today = self._clock()
        with self._db.writing(case_id):
            case = self._reads.get_case(case_id)
            if created is not None and self._reads.created_at(case_id) != created:
                # Deleted meanwhile, and a new case got its id: never write one citizen's form
                # into another's case.
                raise CaseNotFoundError(f"Sag nr. {case_id} findes ikke i databasen {self._db.path}.", case_id=case_id)
            if loaded is not None:
                # Read and compared inside the write transaction: no one can save in between.
                fields = self._merge(loaded, case, fields, choice)
            new = {
                "citizen": fields.get("citizen", case.citizen),
                "case_ref": fields.get("case_ref", case.case_ref),
                "trial_id": fields.get("trial_id", case.trial_id),
                "caseworker": fields.get("caseworker", case.caseworker),
                "cpr": fields.get("cpr", case.cpr),
                "note": fields.get("note", case.note),
            }
            raw_dates = fields.get("dates", case.dates)
            new = {k: normalize_text(v) if isinstance(v, str) else v for k, v in new.items()}
            for name in ("citizen", "case_ref", "caseworker"):  # as create_case: before the checks
                new[name] = clean_line(new[name] or "")
            errors = text_errors({"caseworker": new["caseworker"], "note": new["note"]}, multiline={"note"})
            errors |= case_errors(
                self._trials.catalog(),
                citizen=new["citizen"],
                case_ref=new["case_ref"],
                trial_id=new["trial_id"],
                dates=raw_dates,
                cpr=new["cpr"],
                today=today,
                events=case.events,
            )
            self._check_duplicate(errors, new["case_ref"], new["trial_id"], case_id)
            if errors:
                raise ValidationError(errors)
            new_dates, _ = parse_case_dates(raw_dates)
            new["cpr"] = normalize_cpr(new["cpr"], today) if new["cpr"] else None
            new["note"] = new["note"] or ""
            now = utc_now()
            changed = {k: v for k, v in new.items() if v != getattr(case, k)}
            for name, value in changed.items():
                old = getattr(case, name)
                if name == "cpr":
                    old, value = mask_cpr(old) or None, mask_cpr(value) or None
                self.change(case_id, CASE_CHANGED, name, old, value, today, now, event_id)
            for name in sorted(set(case.dates) | set(new_dates)):
                old_day, new_day = case.dates.get(name), new_dates.get(name)
                if old_day == new_day:
                    continue
                if new_day is None:
                    self._db.connection().execute(
                        "DELETE FROM case_dates WHERE case_id = ? AND name = ?", (case_id, name)
                    )
                else:
                    self._db.connection().execute(
                        "INSERT INTO case_dates (case_id, name, day) VALUES (?, ?, ?) "
                        "ON CONFLICT (case_id, name) DO UPDATE SET day = excluded.day",
                        (case_id, name, new_day.isoformat()),
                    )
                self.change(
                    case_id,
                    CASE_CHANGED,
                    name,
                    old_day and old_day.isoformat(),
                    new_day and new_day.isoformat(),
                    today,
                    now,
                    event_id,
                )
                changed[name] = new_day
            if changed:
                assignments = ", ".join(f"{k} = ?" for k in new)
                self._db.connection().execute(
                    f"UPDATE cases SET {assignments}, updated_at = ? WHERE id = ?",
                    (*new.values(), now, case_id),
                )

    @staticmethod
    def _merge(
        loaded: CaseRecord, case: CaseRecord, fields: Mapping[str, object], choice: ConflictChoice | None
    ) -> dict[str, Any]:
        """The fields the form changed, laid over the stored case; CaseConflictError if both changed one."""
        edits = form_edits(loaded, fields)
        found = conflicts(loaded, case, edits)
        if found:
            if choice is None or choice.seen != case_values(case):  # unanswered, or changed again since
                raise CaseConflictError(found, case)
            if choice.keep == THEIRS:
                for conflict in found:
                    del edits[conflict.name]
        return merged_fields(case, edits)
