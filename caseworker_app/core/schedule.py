"""The deadline engine: a case's trial, dates and events on a given day -> its deadlines with reasons.

Which rule governs (the trial's, or the ordinary one before its start and after its end) is decided here;
the date one rule gives is core/rule_due.py, the Deadline record and its texts core/deadline.py.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, timedelta
from operator import attrgetter

from .catalog import REFORM_IN_FORCE, RuleSpec, Trial, reform_caution
from .date_defaults import resolved_dates
from .deadline import DEFAULT_WARNING_DAYS, DUE_SOON, LATER, OVERDUE, Deadline, Reason
from .event import Event
from .note_conditions import BEGUN_UNDER_TRIAL, begun_before_trial, unmet_condition
from .rule_due import ordinary_rule_due, rule_due
from .schedule_text import (
    ONLY_A_REMINDER,
    before_change,
    counted_from_taken,
    ends_text,
    ends_with_trial,
    first_ordinary,
    missing_ordinary_date,
    municipal_rule,
    ordinary_date_missing,
    outside_citation,
    rule_text,
    trial_citation,
    undated_deadline,
)
from .terms import DATE_NAMES
from .trial_plan import RulePlan, TrialPlan, plan_of
from .workdays import DAYS_OFF, PRACTICAL_DAYS, day_off_kept, practical_day

_ONE_DAY = timedelta(days=1)
# Keys and makers in C, not Python: the engine runs once per case for many thousands of cases.
_BY_DAY = attrgetter("day")
_BY_LEGAL_DUE = attrgetter("legal_due")


def resolve_dates(trial: Trial, dates: Mapping[str, date]) -> tuple[dict[str, date], dict[str, str]]:
    """The case's dates with the trial's defaults filled in, and each date taken from another (name ->
    the source's name)."""
    resolved, notes = resolved_dates(plan_of(trial).defaults, dates)
    return (dict(resolved) if resolved is dates else resolved), notes  # pyright: ignore[reportReturnType]


def compute_deadlines(
    trial: Trial,
    dates: Mapping[str, date],
    events: Iterable[Event],
    today: date,
    *,
    trial_end: date | None = None,
    warning_days: int = DEFAULT_WARNING_DAYS,
) -> list[Deadline]:
    """Every deadline of one case on the day today, earliest first."""
    end = trial_end or trial.period.effective_end
    return list(deadlines_on(plan_of(trial), dates, events, today, end, today + timedelta(days=warning_days)))


def deadlines_on(
    plan: TrialPlan, dates: Mapping[str, date], events: Iterable[Event], today: date, end: date, horizon: date
) -> tuple[Deadline, ...]:
    """compute_deadlines with the trial's plan (plan_of), its last day and the last day of 'snart'
    (today + the warning days) given: for a list of many cases, where these are the same for every
    case of a trial."""
    trial, rules, defaults, conditions = plan
    if defaults:
        resolved, taken_from = resolved_dates(defaults, dates)
    else:
        resolved, taken_from = dates, None
    history: list[Event]
    if not events:
        history = []
    elif isinstance(events, tuple) and len(events) <= 2:
        # Most cases hold one or two events: put in order by day without sorted()'s key calls (the
        # same order: a stable sort by day keeps two events of one day as given).
        if len(events) == 1:
            history = [*events]
        else:
            first, second = events  # pyright: ignore[reportAssignmentType]  (two: tested above)
            history = [first, second] if first.day <= second.day else [second, first]
    else:
        history = sorted(events, key=_BY_DAY)
    while history and history[-1].day > today:
        history.pop()  # computed as on `today`: an event dated later has not happened yet
    any_full = False
    for event in history:  # a loop, not any(generator): no generator made per case
        if event.full_followup:
            any_full = True
            break
    unmet = unmet_condition(trial, resolved, end) if conditions else None
    if len(rules) == 1:  # most trials have one rule: no list to make, sort and copy
        deadline = _deadline(rules[0], trial, resolved, history, any_full, today, horizon, end, taken_from, unmet)
        return _NONE if deadline is None else (deadline,)
    found: list[Deadline] = []
    for rule in rules:
        deadline = _deadline(rule, trial, resolved, history, any_full, today, horizon, end, taken_from, unmet)
        if deadline is not None:
            found.append(deadline)
    if len(found) > 1:
        found.sort(key=_BY_LEGAL_DUE)
    return tuple(found)


_NONE: tuple[Deadline, ...] = ()


def agreed_date_asked(today: date, end: date, ordinary_gives_date: bool) -> bool:
    """Whether a rule whose date the caseworker sets (caseworker_set) asks for that date when none
    is agreed ('dato ikke aftalt'): while the trial runs, and after its end when no ordinary rule
    gives a date instead. Otherwise the ordinary rule gives the deadline, agreed date or not."""
    return today <= end or not ordinary_gives_date


# ------------------------------------------------------------------ internals


def _clock_start(spec: RuleSpec, dates: Mapping[str, date]) -> date | None:
    """The day the case's ordinary clock began: the rule's own date (a praktik's start, a hire),
    or for a date the caseworker agrees, the ordinary rule's (T16: the first day of absence)."""
    if spec.kind == "caseworker_set":
        ordinary = first_ordinary(spec)
        return dates.get(ordinary.anchor) if ordinary is not None else None
    return dates.get(spec.anchor)


def _agreed_under_trial(spec: RuleSpec, dates: Mapping[str, date], end: date) -> bool:
    """A date the caseworker agreed, for a case whose ordinary clock began while the trial ran
    (T16: the first day of absence): the case form shows it, so the lists say why it is not the
    deadline after the trial's end (decision 15), even when it falls after that end."""
    if spec.kind != "caseworker_set":
        return False
    began = _clock_start(spec, dates)  # every version of the ordinary rule counts from one date
    return began is not None and began <= end


def _deadline(
    plan: RulePlan,
    trial: Trial,
    dates: Mapping[str, date],
    history: Sequence[Event],
    any_full: bool,
    today: date,
    horizon: date,
    end: date,
    taken_from: Mapping[str, str] | None,
    unmet: str | None = None,
) -> Deadline | None:
    spec, start, outside_forms, term_wanted, trial_rule, none_rule, plain_rule, plain_caution = plan
    if history and outside_forms:
        # A talk held outside the trial counts for the trial rule only in the ordinary rule's forms.
        trial_result = rule_due(spec, dates, history, any_full, None, (start, end, outside_forms))
    else:  # the common case: no history, or an ordinary rule that counts every form
        trial_result = rule_due(spec, dates, history, any_full)
    # A talk held under the trial counts as the trial rule says, also for the ordinary rule that
    # governs after its end (T05: by phone); only a rule that counts some forms needs to know.
    term = (start, end, spec) if history and term_wanted else None
    if spec.ordinary_changes:
        ordinary, ordinary_result = ordinary_rule_due(spec, dates, history, any_full, term)
    else:  # the common case, once per case in a list of many thousands: no extra call
        ordinary = spec.ordinary
        ordinary_result = rule_due(ordinary, dates, history, any_full, term) if ordinary is not None else None
    ordinary_due = ordinary_result[0] if ordinary_result else None
    beside: RuleSpec | None = None  # the ordinary version behind ordinary_due, when not the governing one
    due_to_trial_end = False
    trial_due = None

    stale_agreed = (
        spec.kind == "caseworker_set"
        and trial_result is not None
        and ordinary_result is not None
        and ordinary_result[0] >= start
        and trial_result[0] < start
    )
    if stale_agreed:
        # A date agreed before the trial, while the ordinary deadline falls in it: the trial waived
        # that rule from its first day, and the old date is none under it, so one is asked for, as
        # when none is agreed (a reviewer: the ordinary rule had governed a deadline in the trial).
        trial_result = None
    if trial_result is None and spec.kind == "caseworker_set" and agreed_date_asked(today, end, bool(ordinary_result)):
        # The trial leaves the date to the caseworker and none is agreed: ask for it, never invent one.
        return undated_deadline(trial, spec, dates, today, end, ordinary_due, history)
    outside: Reason | None = None  # why the trial does not apply to this case at all
    inapplicable = False  # Deadline.trial_inapplicable
    if unmet is not None:
        # A condition of the trial that the case's own dates show is not met (T09: ledighed under
        # 18 months at the praktik's start).
        outside = (unmet + ", så forsøgsreglen gælder ikke",)
    elif (
        spec.kind in BEGUN_UNDER_TRIAL  # tested here too: no call for the many follow-up rules
        and not stale_agreed
        and (before := begun_before_trial(trial, spec, dates)) is not None
    ):
        # A period (a praktik) or a date agreed before the trial began was decided under the ordinary
        # rule, as one begun after its end is: the trial does not give it its length or its date.
        outside = (before + ", så forsøgsreglen gælder ikke",)
    if outside is not None and (ordinary_result or trial_result):
        # The trial does not apply to the case, as for a clock begun after its end. The ordinary rule
        # alone governs; with none, the trial rule's date is kept as a reminder, said plainly
        # (docs/decisions.md 15).
        if ordinary_result:
            governed, (legal, reason, from_anchor) = "ordinary", ordinary_result
            if ordinary is not spec.ordinary and not before_change(reason):
                # A version the municipality entered (decision 13): whose rule it is, as after the end.
                reason = reason + municipal_rule("; ", ordinary, "")
            reason = outside + (": ",) + reason
        else:
            assert trial_result is not None  # one of the two, tested above
            missing = missing_ordinary_date(trial, spec, dates)
            if missing is not None:  # the ordinary rule governs, from a date the case lacks
                return ordinary_date_missing(trial, spec, today, end, missing, outside)
            governed, (legal, reason, from_anchor) = "none", trial_result
            reason = outside + (ONLY_A_REMINDER,) + reason
        inapplicable = True
    elif ordinary_result and ordinary_result[0] < start:
        # The deadline fell before the trial began, so the ordinary rule governed it.
        governed, (legal, reason, from_anchor) = "ordinary", ordinary_result
        inapplicable = True
        reason = reason + ("; før forsøgets start ", start)
    elif trial_result and trial_result[0] <= end:
        governed, (legal, reason, from_anchor) = "trial", trial_result
    else:
        alone_due, alone = ordinary_due, ordinary  # the ordinary rule alone, as if there were no trial
        if spec.ordinary_changes:
            # The ordinary rule takes over on the day after the trial's end (decision 3): the version
            # in force that day governs, with its own date – a follow-up's, or a running period's
            # last day (a longer limit from that day lets it run on; a shorter one it had already
            # passed ends it with the trial). A clock begun after the end was never taken over:
            # its own date decides the version, as without a trial (computed above).
            began = _clock_start(spec, dates)
            if began is None or began <= end:
                ordinary, ordinary_result = ordinary_rule_due(spec, dates, history, any_full, term, end + _ONE_DAY)
                ordinary_due = ordinary_result[0] if ordinary_result else None
        if ordinary_result:
            # From the day after the trial's end the ordinary rule governs, from the last follow-up held.
            governed, (legal, reason, from_anchor) = "ordinary", ordinary_result
            if trial_result and (dates[spec.anchor] <= end or _agreed_under_trial(spec, dates, end)):
                trial_due = trial_result[0]  # beside, for a case the trial covered (decision 15)
            day_after = end + _ONE_DAY
            # (A version taken over that ends the period on the trial's very last day leaves the
            # days after the rule alone had ended it to the trial, too.)
            passed = legal < end or (legal == end and alone_due is not None and alone_due < end)
            if spec.kind == "duration_end" and trial_due is not None and passed:
                # The ordinary limit passed while the trial ran: the trial gave the days since, up
                # to its last day (decision 12). That day is the trial's, and so is its basis, as
                # for a period with no ordinary limit; the ordinary rule's day is said beside.
                assert trial_result is not None  # trial_due is its date
                governed, (legal, reason, from_anchor), due_to_trial_end = "trial", trial_result, True
                ordinary_due, ordinary = alone_due, alone
                legal, reason = end, ends_with_trial(end, today, reason)
            elif legal < day_after:
                due_to_trial_end = True
                if spec.kind == "duration_end":
                    # A period's limit is its last day: it must end on the trial's last day at the latest.
                    legal, when = end, "så perioden skal slutte senest på forsøgets sidste dag"
                else:
                    legal, when = day_after, "så fristen er dagen efter forsøgets slutning"
                # (A version's date is moved to its first day only when that day is after the one the
                # rule takes over on: core/rule_due.py. So no reason here ends with such a move.)
                if ordinary is spec.ordinary:
                    named: Reason = (": efter almindelig regel, ",)
                else:
                    named = municipal_rule(": efter ", ordinary, ", ")
                reason = (
                    (ends_text(end, today), end) + named + reason + (", var fristen ", ordinary_result[0], ", " + when)
                )
            elif ordinary is not spec.ordinary:
                # A version the municipality entered (decision 13): say whose rule it is and from when.
                if before_change(reason):
                    # Its date is the day it applies from (core/rule_due.py said so): named there, once.
                    reason = (
                        reason[:-3]
                        + (" – kommunens ændrede almindelige regel gælder fra ", reason[-2], reason[-1])
                        + ("; almindelig regel efter forsøgets slutning ", end)
                    )
                else:
                    reason = reason + municipal_rule("; ", ordinary, ", efter forsøgets slutning ") + (end,)
            else:
                reason = reason + ("; almindelig regel efter forsøgets slutning ", end)
            if governed == "ordinary" and spec.kind == "duration_end" and trial_due is not None:
                if alone_due is not None and alone_due < legal:
                    # The trial carried the period over its end into a longer limit (decision 12):
                    # without it the period would have ended on the ordinary rule's own day, said
                    # beside (a note on the trial's lengthening states it, core/note_deadline.py).
                    ordinary_due, beside = alone_due, alone
        elif trial_result:
            governed, (legal, reason, from_anchor) = "trial", trial_result
            anchor = dates[spec.anchor]
            if not start <= anchor <= end:
                # The clock started outside the trial: the trial rule does not apply, and the
                # catalog has no ordinary rule to use instead. Keep the date as a reminder, said plainly.
                governed = "none"
                outside = (
                    f"{DATE_NAMES[spec.anchor]} ",
                    anchor,
                    " ligger uden for forsøgsperioden ",
                    start,
                    "–",
                    end,
                    ", så forsøgsreglen gælder ikke",
                )
                missing = missing_ordinary_date(trial, spec, dates)
                if missing is not None:  # the ordinary rule governs, from a date the case lacks (T04)
                    return ordinary_date_missing(trial, spec, today, end, missing, outside)
                reason = outside + (ONLY_A_REMINDER,) + reason
            elif spec.kind == "duration_end":
                # Decision 12: a period begun under the trial and still running at its end does not
                # keep the trial's length; with no ordinary limit known it ends on the trial's last day.
                trial_due, legal, due_to_trial_end = legal, end, True
                reason = ends_with_trial(end, today, reason)
        else:
            return None

    # Decision 7: the practical date is for a duty done "senest" (a follow-up), a working day before a
    # day off. A period's last day (duration_end: a praktik, an extension) is how long it may run, and
    # it may run over a weekend: it has no earlier practical date.
    if spec.kind == "duration_end":
        practical = legal
    else:  # last_working_day_on_or_before(legal), kept by day: a dict's look-up, not a cached call
        practical = PRACTICAL_DAYS.get(legal) or practical_day(legal)
    # status_of (core/deadline.py), written out: this runs once per case in a list of many thousands.
    if legal < today or (due_to_trial_end and legal <= today and spec.kind != "duration_end"):
        status = OVERDUE  # decision 3: overdue on the day after the trial's end
    elif practical <= horizon:
        status = DUE_SOON
    else:
        status = LATER
    caution = ""
    label = spec.label
    if governed == "trial":
        governing, rule = spec, trial_rule
        citation = trial_citation(trial, legal if legal < end else end, end)
    elif governed == "ordinary":
        assert ordinary is not None  # governed is "ordinary" only when ordinary_result came from it
        citation = ordinary.reference
        checked = ordinary.checked_until
        # The ordinary rule's own duty where the catalog names it (T04: the next mentor contact);
        # a municipality's changed version without a label keeps the catalog's ordinary label.
        label = ordinary.label or (spec.ordinary.label if spec.ordinary is not None else "") or spec.label
        if ordinary is spec.ordinary:  # the common case: its texts from the plan
            governing, rule = ordinary, plain_rule
            if checked is not None and legal > checked:  # reform_caution's test, without the call
                # The plan's text names the reform: right for a deadline it can have changed.
                caution = plain_caution if legal >= REFORM_IN_FORCE else reform_caution(ordinary, legal)
        else:
            governing, rule = ordinary, rule_text("Almindelig regel: ", ordinary.text)
            if checked is not None and legal > checked:
                caution = reform_caution(ordinary, legal)
    else:
        governing, rule = spec, none_rule
        if unmet is not None:
            citation = "Ingen: forsøgets betingelse er ikke opfyldt"
        else:
            citation = outside_citation(start, end, today)
    if from_anchor and taken_from and governing.anchor in taken_from:
        reason = counted_from_taken(reason, governing.anchor, taken_from[governing.anchor])
    # Every field in order, made as the tuple it is (Deadline's own __new__ is a Python call):
    # this runs once per case in a list of many thousands.
    return _make_deadline(
        Deadline,
        (
            trial.id,
            spec.kind,
            label,
            legal,
            practical,
            ordinary_due,
            status,
            governed,
            rule,
            citation,
            reason,
            (DAYS_OFF.get(legal) or day_off_kept(legal)) if practical != legal else None,
            end,
            due_to_trial_end,
            trial_due,
            caution,
            False,
            end < today,
            beside.reference if beside is not None else ordinary.reference if ordinary is not None else "",
            inapplicable,
            spec.label,
        ),
    )


_make_deadline: Callable[[type[Deadline], Reason], Deadline] = tuple[object, ...].__new__  # tuple.__new__, typed
