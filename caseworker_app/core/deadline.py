"""A computed deadline and how every output says it: the record, its texts, its status."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from typing import NamedTuple

from .workdays import WEEKDAYS_DA, Duration, fmt, fmt_weekday

OVERDUE, DUE_SOON, LATER = "overdue", "due_soon", "later"
STATUS_DA = {OVERDUE: "overskredet", DUE_SOON: "snart", LATER: "senere"}
# The word an overdue deadline carries where bold or colour may not show: a printed page (in black
# and white), an Outlook event's title.
OVERDUE_MARK = "OVERSKREDET"
DEFAULT_WARNING_DAYS = 30
DEFAULT_TRIAL_END_HORIZON_DAYS = 90

# A reason is kept as parts (text, dates, durations) and joined only when read: building
# sentences nobody looks at was a third of the engine's time for a full case list. A reason adds
# its qualifiers after "; " or ", ", never in brackets: a journal note puts the whole reason in
# brackets ("senest 01-03-2026 ($next_due_reason)"), and brackets must not nest.
Reason = tuple[object, ...]


class Deadline(NamedTuple):
    """One computed deadline of a case (a NamedTuple: immutable and cheap to make by the 100,000)."""

    trial_id: str
    kind: str
    label: str
    legal_due: date
    practical_due: date
    ordinary_due: date | None
    status: str
    governed_by: str  # "trial", "ordinary", or "none" (a clock started outside the trial, no ordinary rule)
    rule: str
    citation: str
    reason_parts: Reason  # joined on demand by .reason (see _sentence)
    day_off: str | None  # why the practical date is earlier: 'søndag', 'nytårsdag' ...
    trial_end: date
    due_to_trial_end: bool  # the ordinary deadline had passed when the trial ended
    # The trial rule's own date where another date governs (decisions 12 and 15), else None.
    trial_due: date | None = None
    # One sentence when the governing ordinary rule is past its checked-until date (decision 13).
    caution: str = ""
    # No date to show: a date the caseworker sets has not been agreed (legal_due is then the day
    # computed, only so the deadline sorts with the overdue ones). See due_text().
    undated: bool = False
    # The trial had ended on the day the deadline was computed for (the engine's today): the
    # sentences say 'sluttede' and 'gjaldt' then, as its reason does (schedule_text.ends_text).
    trial_ended: bool = False
    # The legal reference of the ordinary rule's version behind ordinary_due ('' when none): a
    # municipality's changed rule names its own (a note says it beside the ordinary date).
    ordinary_reference: str = ""
    # The trial never applied to this deadline: a condition of it unmet, a period or agreed date
    # begun before it, or a deadline due before it began. Whatever governs it, the trial's end does
    # not (the banner's count of deadlines the ordinary rule took over leaves it out).
    trial_inapplicable: bool = False
    # The label of the catalog's rule (its [[rules]] entry) the deadline is computed for: what
    # identifies the deadline's rule, while label is what it is called where it is shown (the
    # ordinary rule's own label where that rule governs and has one: T04's next mentor contact).
    # The engine always sets it; '' (a Deadline made by hand) is read as label by the calendar UID.
    rule_label: str = ""

    @property
    def reason(self) -> str:
        """One Danish sentence that explains the date: '2½ år efter seneste opfølgning 10-01-2021'."""
        return _sentence(self.reason_parts)

    @property
    def ordinary_beside(self) -> bool:
        """Whether 'Almindelig regel ville give' tells something beside the deadline: not when the
        ordinary rule governs it (its date, or the day after the trial's end the reason explains),
        except for a period the trial carried over its end into a longer limit: the ordinary rule
        alone would have ended it earlier, on ordinary_due (docs/decisions.md 12)."""
        return self.governed_by != "ordinary" or self.lengthened_by_trial

    @property
    def lengthened_by_trial(self) -> bool:
        """A period the trial carried over its end into a longer ordinary limit (decision 12): that
        limit gives its last day, but without the trial the period would have ended on ordinary_due,
        earlier (core/schedule.py sets ordinary_due so). A note on the lengthening may be written."""
        return (
            self.governed_by == "ordinary"
            and self.kind == "duration_end"
            and self.trial_due is not None
            and self.ordinary_due is not None
            and self.ordinary_due < self.legal_due
            and not self.due_to_trial_end
        )

    @property
    def trial_due_text(self) -> str:
        """Why the trial rule's own date does not govern, when it differs ('' when it does)."""
        return self.trial_due_text_on(None)

    def trial_due_text_on(self, day: date | None) -> str:
        """trial_due_text as a text written on day says it: 'gjaldt' once the trial has ended by
        then (a journal note written after the end about a follow-up held under the trial). With no
        day, as on the day the deadline was computed for (the window, prints, exports, the CLI)."""
        if self.trial_due is None or self.trial_due == self.legal_due:
            return ""
        ended = self.trial_ended if day is None else day > self.trial_end
        applies = "gjaldt" if ended else "gælder"
        text = (
            f"Efter forsøgsreglen ville fristen være {fmt(self.trial_due)}, men forsøget {applies} kun "
            f"til og med {fmt(self.trial_end)}"
        )
        if self.governed_by == "ordinary":
            return text + "; derefter gælder den almindelige regel."
        return text + "."

    @property
    def remarks(self) -> tuple[str, ...]:
        """What the caseworker must know beside the reason: the trial rule's date, the caution."""
        return self.remarks_on(None)

    def remarks_on(self, day: date | None) -> tuple[str, ...]:
        """remarks as a text written on day says them (trial_due_text_on)."""
        return tuple(text for text in (self.trial_due_text_on(day), self.caution) if text)

    def to_json(self) -> dict[str, object]:
        """The fields `caseworker-app schedule --json` prints, dates in ISO form."""
        return {
            "kind": self.kind,
            "label": self.label,
            "legal_due": None if self.undated else self.legal_due.isoformat(),
            "practical_due": _iso(practical_date(self)),
            "ordinary_due": self.ordinary_due.isoformat() if self.ordinary_due else None,
            "status": self.status,
            "governed_by": self.governed_by,
            "rule": self.rule,
            "citation": self.citation,
            "reason": self.reason,
            "trial_due": self.trial_due.isoformat() if self.trial_due else None,
            "trial_due_text": self.trial_due_text,
            "caution": self.caution,
            "undated": self.undated,
            "due_text": due_text(self),
        }


def overdue_count(deadlines: Iterable[Deadline]) -> int:
    """How many of deadlines are overdue, by the status the window shows (Deadline.status)."""
    return sum(1 for d in deadlines if d.status == OVERDUE)


def remark_lines(deadline: Deadline) -> list[str]:
    """'Bemærk: …' for each remark (the trial rule's own date, a reform caution), as the plain-text
    outputs say them: the .ics description and the Frister tooltip."""
    return [f"Bemærk: {remark}" for remark in deadline.remarks]


def ordinary_beside_text(deadline: Deadline) -> str:
    """What 'Almindelig regel ville give' says beside the deadline in every output that shows it:
    the ordinary rule's date, 'ingen frist', or '' where it would repeat the deadline
    (Deadline.ordinary_beside). For a period the trial lengthened, whose rule and reference name the
    longer limit: '12-12-2026 (§ 6, uden forsøget)', the version that would have ended it."""
    if not deadline.ordinary_beside:
        return ""
    if deadline.ordinary_due is None:
        return "ingen frist"
    if deadline.lengthened_by_trial:
        reference = f"{deadline.ordinary_reference}, " if deadline.ordinary_reference else ""
        return f"{fmt(deadline.ordinary_due)} ({reference}uden forsøget)"
    return fmt(deadline.ordinary_due)


UNDATED_TEXT = "dato ikke aftalt – aftal og registrér den"
# Undated after the trial's end: nothing to agree under it, and the catalog has no ordinary rule.
UNDATED_ENDED_TEXT = "ingen dato – følg de almindelige regler"
# Undated under the ordinary rule: it counts from a date the case does not have (T04: the visitation).
MISSING_DATE_TEXT = "mangler dato"  # which one: the reason says (short: the lists show it whole)


def due_text(deadline: Deadline) -> str:
    """The deadline's legal date as users see it: dd-mm-åååå, or that no date has been agreed."""
    if deadline.undated:
        if deadline.governed_by == "ordinary":
            return MISSING_DATE_TEXT
        return UNDATED_ENDED_TEXT if deadline.trial_ended else UNDATED_TEXT
    return fmt(deadline.legal_due)


def day_off_text(deadline: Deadline) -> str:
    """Why the practical date is earlier, said of the legal date: 'fristen 28-02-2021 er en søndag'."""
    if not deadline.day_off or deadline.undated:
        return ""
    return f"fristen {fmt(deadline.legal_due)} er {_day_off_phrase(deadline.day_off)}"


def _day_off_phrase(day_off: str) -> str:
    """'en søndag', 'nytårsdag': a day off as said after 'er'."""
    return f"en {day_off}" if day_off in WEEKDAYS_DA else day_off


def practical_sentence(deadline: Deadline) -> str:
    """'I praksis senest torsdag 30-12-2027, fordi 01-01-2028 er nytårsdag.': the practical date in a
    journal note (decision 7), '' when it is the legal date."""
    practical = practical_date(deadline)
    if not deadline.day_off or practical is None:
        return ""
    return (
        f"I praksis senest {WEEKDAYS_DA[practical.weekday()]} {fmt(practical)}, "
        f"fordi {fmt(deadline.legal_due)} er {_day_off_phrase(deadline.day_off)}."
    )


# What a 'Senest i praksis' column shows for a period's last day, which has no practical date.
NO_PRACTICAL_TEXT = "–"


def is_period_end(deadline: Deadline) -> bool:
    """Whether the deadline is a period's last day (duration_end: a praktik, an extension): how
    long the period may run, not a duty to do by then (no practical date, no meeting to offer)."""
    return deadline.kind == "duration_end"


def practical_date(deadline: Deadline) -> date | None:
    """The practical date ('senest i praksis') every output shows: the last working day on or before
    the legal date. None for a deadline without a date, and for a period's last day (duration_end:
    a praktik, an extension), which is how long the period may run, not a duty done "senest": it has
    no practical date in any output (decision 7). Deadline.practical_due is, beside, the day the
    deadline stands on (a calendar's day, the .ics event, the status horizon): its legal date then."""
    if deadline.undated or is_period_end(deadline):
        return None
    return deadline.practical_due


def practical_text(deadline: Deadline) -> str:
    """The practical date as dd-mm-åååå; '' for a deadline without a date, '–' for a period's last day."""
    if deadline.undated:
        return ""
    practical = practical_date(deadline)
    return NO_PRACTICAL_TEXT if practical is None else fmt(practical)


def practical_weekday_text(deadline: Deadline) -> str:
    """'fre 26-02-2021': the practical date with its weekday; '' for a deadline without a date, '–'
    for a period's last day (practical_date)."""
    if deadline.undated:
        return ""
    practical = practical_date(deadline)
    return NO_PRACTICAL_TEXT if practical is None else fmt_weekday(practical)


def practical_day_text(deadline: Deadline) -> str:
    """'fre 26-02-2021 (fristen 28-02-2021 er en søndag)': the practical date with its weekday, and
    why it is earlier than the legal date (said of the legal date); '' for a deadline without a date,
    '–' for a period's last day (practical_date)."""
    text = practical_weekday_text(deadline)
    return f"{text} ({day_off_text(deadline)})" if deadline.day_off and text != NO_PRACTICAL_TEXT else text


def trial_end_warnings(
    deadlines: Iterable[Deadline], today: date, horizon_days: int = DEFAULT_TRIAL_END_HORIZON_DAYS
) -> list[Deadline]:
    """Deadlines that a trial's coming end makes overdue on its first day, shown horizon_days ahead."""
    return [
        d
        for d in deadlines
        if d.due_to_trial_end and d.trial_end - timedelta(days=horizon_days) <= today <= d.trial_end
    ]


def status_of(legal_due: date, practical_due: date, today: date, warning_days: int) -> str:
    """Overdue once the legal date has passed; due soon when the practical date is within the horizon."""
    return _status(legal_due, practical_due, today, today + timedelta(days=warning_days))


def _status(legal_due: date, practical_due: date, today: date, horizon: date) -> str:
    if legal_due < today:
        return OVERDUE
    if practical_due <= horizon:
        return DUE_SOON
    return LATER


def _sentence(parts: Reason) -> str:
    text = "".join(
        [fmt(p) if isinstance(p, date) else p.danish() if isinstance(p, Duration) else str(p) for p in parts]
    )
    return text[0].upper() + text[1:]


def _iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()
