"""The words of a deadline the engine computes (core/schedule.py): its reason's parts, the rule's
text, its legal basis, and a deadline whose date the caseworker must still agree."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from functools import lru_cache

from .catalog import RuleSpec, Trial
from .deadline import OVERDUE, Deadline, Reason
from .event import Event
from .rule_due import CHANGED_FROM, agreed_met_on
from .terms import DATE_NAMES
from .text import count_text
from .workdays import fmt

# The trial does not apply to the case and the catalog has no ordinary rule: the trial rule's date
# is kept, said plainly to be a reminder and not a deadline the law sets (docs/decisions.md 15).
ONLY_A_REMINDER = "; kataloget har ingen almindelig regel, så datoen er kun en påmindelse efter forsøgsreglen: "


def undated_deadline(
    trial: Trial,
    spec: RuleSpec,
    dates: Mapping[str, date],
    today: date,
    end: date,
    ordinary_due: date | None,
    history: Sequence[Event] = (),
) -> Deadline:
    """A deadline whose date the caseworker must agree: none is agreed, the agreed one was met (on
    time or late: the talk in history that met it, as the evaluation counts it), or it was agreed
    before the trial began."""
    agreed = dates.get(spec.anchor)
    if today > end:
        # The trial has ended and the catalog knows no ordinary rule for the date: no date is asked
        # for under a rule that no longer applies (a domain auditor, T04's exemption after 2021).
        return _ended_undated(trial, spec, today, end, ordinary_due, dates)
    if agreed is None:
        reason = ("ingen dato aftalt: aftal datoen med borgeren og registrér den på sagen",)
    elif agreed < trial.period.start:  # agreed before the trial: no date under it (core/schedule.py)
        reason = (
            "den aftalte dato ",
            agreed,
            " ligger før forsøgets start ",
            trial.period.start,
            ", så der er ingen dato aftalt efter forsøget: aftal den og registrér den på sagen",
        )
    else:
        met = agreed_met_on(spec, agreed, history)
        if met is not None and met > agreed:  # late, as the evaluation counts it (core/evaluation_agreed.py)
            reason = (  # said of the date, not of a talk: T04's is met by an opfølgning (a tester)
                "den aftalte dato ",
                agreed,
                " blev først nået ",
                met,
                f", {count_text((met - agreed).days, 'dag', 'dage')} for sent, og næste dato er ikke aftalt: "
                "aftal den og registrér den på sagen",
            )
        else:
            reason = (
                "den aftalte dato ",
                agreed,
                " er overholdt, og næste dato er ikke aftalt: aftal den og registrér den på sagen",
            )
    # Decision 3: the ordinary date, if it falls within the trial, is overdue the day after its end.
    ends_overdue = ordinary_due is not None and ordinary_due <= end
    rule = rule_text("Forsøgsregel: ", spec.text)
    return _undated(
        trial, spec, today, end, ordinary_due, "trial", rule, trial_citation(trial, today, end), reason, ends_overdue
    )


def _ended_undated(
    trial: Trial, spec: RuleSpec, today: date, end: date, ordinary_due: date | None, dates: Mapping[str, date]
) -> Deadline:
    """After the trial's end, a date the caseworker set under it and no ordinary date for the case:
    nothing to agree under the trial; the case is followed up under the ordinary rules. The catalog
    has no ordinary rule, or one that counts from a date the case does not have (T04: the visitation)."""
    label = missing_ordinary_date(trial, spec, dates)
    if label is not None:
        why = f'; den almindelige regel regnes fra datoen "{label}", som ikke er registreret på sagen: registrér den'
        reason: Reason = ("forsøget sluttede ", end, why + ", eller følg sagen op efter de almindelige regler")
    else:
        reason = (
            "forsøget sluttede ",
            end,
            "; kataloget har ingen almindelig regel, så følg sagen op efter de almindelige regler",
        )
    rule = rule_text("Forsøgsreglen gælder ikke her: ", spec.text)
    citation = outside_citation(trial.period.start, end, today)
    return _undated(trial, spec, today, end, ordinary_due, "none", rule, citation, reason, False)


def ordinary_date_missing(
    trial: Trial, spec: RuleSpec, today: date, end: date, label: str, outside: Reason
) -> Deadline:
    """The trial does not apply to the case (outside: why), and the ordinary rule that governs counts
    from a date the case does not have (T04: the visitation): no date, a reminder least of all – the
    ordinary rule's deadline may long have passed (a tester: "Senere" with "ingen frist" beside it)."""
    reason: Reason = outside + (
        f'; den almindelige regel regnes fra datoen "{label}", som ikke er registreret på sagen: registrér den',
    )
    ordinary = first_ordinary(spec)
    assert ordinary is not None  # missing_ordinary_date found one
    rule = rule_text("Almindelig regel: ", ordinary.text)
    deadline = _undated(trial, spec, today, end, None, "ordinary", rule, ordinary.reference, reason, False)
    label = ordinary.label or spec.label  # the ordinary rule's own duty (T04: the next mentor contact)
    return deadline._replace(label=label)  # rule_label still names the rule it is computed for


def first_ordinary(spec: RuleSpec) -> RuleSpec | None:
    """The catalog's ordinary rule for spec, or the first version a municipality entered when the
    catalog has none (T16's agreed date counts from it): every version counts from the same date."""
    return spec.ordinary or (spec.ordinary_changes[0] if spec.ordinary_changes else None)


def missing_ordinary_date(trial: Trial, spec: RuleSpec, dates: Mapping[str, date]) -> str | None:
    """The label of the date the catalog's ordinary rule counts from, when the case does not have it
    (T04: the visitation is optional); None when there is no ordinary rule or the date is there."""
    ordinary = first_ordinary(spec)
    if ordinary is None or ordinary.anchor in dates:
        return None
    return next((d.label for d in trial.dates if d.name == ordinary.anchor), DATE_NAMES[ordinary.anchor])


def _undated(
    trial: Trial,
    spec: RuleSpec,
    today: date,
    end: date,
    ordinary_due: date | None,
    governed: str,
    rule: str,
    citation: str,
    reason: Reason,
    ends_overdue: bool,
) -> Deadline:
    return Deadline(
        trial.id,
        spec.kind,
        spec.label,
        today,
        today,
        ordinary_due,
        OVERDUE,
        governed,
        rule,
        citation,
        reason,
        None,
        end,
        ends_overdue,
        None,
        "",
        True,
        end < today,
        rule_label=spec.label,
    )


def before_change(reason: Reason) -> bool:
    """Whether a changed ordinary rule's reason ends in its date moved to the day it applies from
    (or the day before, for a period: ordinary_rule_due)."""
    return len(reason) >= 3 and reason[-3] == CHANGED_FROM


def municipal_rule(before: str, ordinary: RuleSpec | None, after: str) -> Reason:
    """'kommunens ændrede almindelige regel fra 01-11-2026' between before and after (decision 13)."""
    assert ordinary is not None and ordinary.known_from is not None  # a version ordinary_rule_due chose
    return (before + "kommunens ændrede almindelige regel fra ", ordinary.known_from, after)


@lru_cache(maxsize=1024)
def rule_text(prefix: str, text: str) -> str:
    return prefix + text


ENDS, ENDED = "Forsøget slutter ", "Forsøget sluttede "


def outside_citation(start: date, end: date, today: date) -> str:
    """The basis of a deadline outside the trial's period with no ordinary rule: none, and when the
    trial applies ('gjaldt' once it has ended, as a reason read today says it)."""
    applies = "gjaldt" if end < today else "gælder"
    return f"Ingen: forsøget {applies} fra {fmt(start)} til og med {fmt(end)}"


def ends_text(end: date, today: date) -> str:
    """'Forsøget slutter ' or, once that day has passed, 'Forsøget sluttede ' (a reason read today)."""
    return ENDED if end < today else ENDS


def ends_with_trial(end: date, today: date, trial_reason: Reason) -> Reason:
    """The reason of a period the trial's end ends (decision 12): it may last to the trial's last
    day, and the trial rule's own length, whose last day is said beside (trial_due_text)."""
    if trial_reason[-1] == ", sidste dag":
        trial_reason = trial_reason[:-1]
    return (ends_text(end, today), end, ": perioden må højst vare til forsøgets sidste dag; efter forsøgsreglen ") + (
        trial_reason
    )


def counted_from_taken(reason: Reason, name: str, source: str) -> Reason:
    """The reason of a date counted from a date taken in place of one not known (T08: the hire for
    the offer), named by the date used – '6 måneder efter ansættelse i løntilskud 15-06-2024', not
    by the name of the date it stands in for – and why, at the end (a note puts the reason in
    brackets: none of its own)."""
    own, used = f"{DATE_NAMES[name]} ", f"{DATE_NAMES[source]} "
    parts = tuple(part[: -len(own)] + used if isinstance(part, str) and part.endswith(own) else part for part in reason)
    return parts + (_taken_note(name, source),)


@lru_cache(maxsize=64)
def _taken_note(name: str, source: str) -> str:
    # Once per pair, not per case: the same text, one string object for every case.
    return f"; datoen for {DATE_NAMES[name]} er ukendt, så datoen for {DATE_NAMES[source]} er brugt i stedet"


def told_on(deadline: Deadline, day: date) -> Deadline:
    """The deadline as a text written on day tells it: one computed as on an earlier day (a note's
    deadline as on its event's day, decision 15) says 'Forsøget slutter', which reads 'Forsøget
    sluttede' once the trial has ended by day. The dates are the same."""
    if day <= deadline.trial_end or ENDS not in deadline.reason_parts:
        return deadline
    return deadline._replace(reason_parts=tuple(ENDED if part == ENDS else part for part in deadline.reason_parts))


def trial_citation(trial: Trial, day: date, end: date) -> str:
    """The trial's legal basis on day (Trial.citation_text_on); with an end given beside the
    catalog's (trial_end: the calculator's "what if"), a day after the catalog's end says that no
    extension covering it is registered, rather than cite the order alone (decision 14)."""
    text = trial.citation_text_on(day)
    known_end = trial.period.effective_end
    if day > known_end:
        return _unregistered_extension(text, end)
    return text


@lru_cache(maxsize=256)
def _unregistered_extension(text: str, end: date) -> str:
    return (
        f"{text}, forlænget til {fmt(end)} (slutdatoen er angivet i beregningen; forlængelsen og dens "
        "hjemmel er ikke registreret under Forsøg)"
    )
