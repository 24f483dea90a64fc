"""The date one deadline rule gives a case, with the parts of the sentence that explain it."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from datetime import date, timedelta
from functools import lru_cache

from .catalog import RuleSpec
from .deadline import Reason
from .event import Event
from .terms import DATE_NAMES
from .workdays import Duration, add, last_day_of, last_working_day_on_or_before

_ONE_DAY = timedelta(days=1)
# What a changed ordinary rule adds when its date falls before the day it applies from
# (ordinary_rule_due); schedule.py names the municipality's rule there once (before_change).
CHANGED_FROM = " – almindelig regel ændret fra "

# The trial's first and last day and its rule: an event held on a day the trial governed counts as
# the trial rule says, whichever rule counts it later (TrialTerm in rule_due).
TrialTerm = tuple[date, date, RuleSpec]
# The trial's first and last day and the forms the ordinary rule counts: for the trial rule, a talk
# held outside the trial counts only in one of those forms (OutsideTerm in rule_due).
OutsideTerm = tuple[date, date, tuple[str, ...]]


def rule_due(
    spec: RuleSpec,
    dates: Mapping[str, date],
    history: Sequence[Event],
    any_full: bool,
    trial_term: TrialTerm | None = None,
    outside_term: OutsideTerm | None = None,
) -> tuple[date, Reason, bool] | None:
    """The date one rule gives, the parts of the sentence that explains it, and whether it counts
    from the case's own date (not from an event); None when nothing is due.

    trial_term, for an ordinary rule: a talk held while the trial governed counts as the trial
    rule says (T05: by phone or in a group), also when the ordinary rule governs the deadline after
    the trial's end; it was a lawful talk on its day. Outside the trial the ordinary rule's forms count.
    outside_term, for the trial rule, the same seen from the other side: a talk held before the trial
    began (or after its end) counts only in a form the ordinary rule counts (T05: in person).
    """
    anchor = dates.get(spec.anchor)
    if anchor is None:
        return None
    # whether the forms hold only outside the trial, talks within it counting as the trial rule says
    # (said in the count's text)
    in_trial = False
    forms = spec.forms  # the forms the count's text names
    if not history:
        held: Sequence[date] = _NONE_HELD  # half the cases: no list comprehension (a call of its own) for nothing
    elif outside_term is not None:
        start, end, forms = outside_term
        held = [
            e.day
            for e in history
            if e.day >= anchor and counts_for(e, spec) and (start <= e.day <= end or e.form is None or e.form in forms)
        ]
        # The text names the ordinary rule's forms only when a talk was held outside the trial.
        in_trial = any(e.day >= anchor and e.kind in spec.events and not start <= e.day <= end for e in history)
        if not in_trial:
            forms = spec.forms
    elif spec.forms or any_full:
        if (trial_term is None or not spec.forms) and spec.kind in _LATEST_ONLY:
            held = _NONE_HELD  # as below, the latest found from the end
            for e in reversed(history):
                if e.day >= anchor and counts_for(e, spec):
                    held = (e.day,)
                    break
        elif trial_term is None or not spec.forms:
            held = [e.day for e in history if e.day >= anchor and counts_for(e, spec)]
        else:
            start, end, trial_spec = trial_term
            held = [
                e.day
                for e in history
                if e.day >= anchor and counts_for(e, trial_spec if start <= e.day <= end else spec)
            ]
            in_trial = any(start <= day <= end for day in held)
    elif spec.kind in _LATEST_ONLY:
        # The common case: only the latest held talk is read (held[-1], or whether there is one),
        # so it is found from the end, with no list of every event made per case.
        held = _NONE_HELD
        events = spec.events
        for e in reversed(history):
            if e.day >= anchor and e.kind in events:
                held = (e.day,)
                break
    else:
        held = [e.day for e in history if e.day >= anchor and e.kind in spec.events]
    kind = spec.kind

    if kind == "followup":
        if held:
            last = held[-1]
            return (
                _SUMS.get((last, id(spec.every))) or _sum(last, spec.every),
                (spec.every_words or spec.every, " efter seneste opfølgning ", last),
                False,
            )
        return (
            _SUMS.get((anchor, id(spec.first))) or _sum(anchor, spec.first),
            (spec.first_words or spec.first, _words(" efter {} ", DATE_NAMES[spec.anchor]), anchor),
            True,
        )

    if kind == "decision":
        # A later decision this rule does not count (the ordinary rule of T07 counts an adjusted
        # plan only) is named, so an imported or noted decision is not taken as overlooked.
        passed_over = _passed_over(history, spec, held[-1] if held else anchor)
        if held:
            last = held[-1]
            return (
                _SUMS.get((last, id(spec.every))) or _sum(last, spec.every),
                (spec.every_words or spec.every, " efter seneste stillingtagen til indsatsplanen ", last, *passed_over),
                False,
            )
        return (
            _SUMS.get((anchor, id(spec.every))) or _sum(anchor, spec.every),
            (spec.every_words or spec.every, _words(" efter {} ", DATE_NAMES[spec.anchor]), anchor, *passed_over),
            True,
        )

    if kind == "duration_end":
        if held:
            return None  # the period has ended
        return (
            last_day_of(anchor, spec.maximum),
            ("højst ", spec.maximum, _words(" fra {} ", DATE_NAMES[spec.anchor]), anchor, ", sidste dag"),
            True,
        )

    if kind == "count_window":
        need = _words("mindst {} samtaler inden for ", spec.count)
        if len(held) < spec.count:
            return (
                last_day_of(anchor, spec.window),
                (
                    need,
                    spec.window,
                    _words(" fra {} ", DATE_NAMES[spec.anchor]),
                    anchor,
                    _held_text(len(held), spec.count, forms, in_trial),
                ),
                True,
            )
        oldest = held[-spec.count]
        # Every window of that length must hold `count` talks: the next is due when the
        # count-th latest talk would fall out of the window.
        return (
            add(oldest, spec.window),
            (need, spec.window, _words(": den {}.-seneste samtale var ", spec.count), oldest),
            False,
        )

    if kind == "caseworker_set":
        if agreed_met_on(spec, anchor, history) is not None:
            return None  # the agreed date has been met; a new date must be agreed
        return anchor, ("dato aftalt af sagsbehandleren: ", anchor), True

    raise ValueError(f"unknown rule kind {spec.kind!r}")


# The kinds that read only the latest held event of their list (rule_due): its day, or whether one is held.
_LATEST_ONLY = frozenset({"followup", "decision", "duration_end"})
_NONE_HELD: tuple[date, ...] = ()


# The decisions on a plan (terms.EVENT_NAMES): a rule that counts only some of them passes the others over.
_DECISIONS = {
    "plan_adjusted": "indsatsplan justeret",
    "plan_not_adjusted": "indsatsplan ikke justeret",
    "plan_decision": "stillingtagen til indsatsplanen med ukendt udfald",
}


def _passed_over(history: Sequence[Event], spec: RuleSpec, since: date) -> tuple[object, ...]:
    """', og indsatsplan ikke justeret 06-01-2020 tæller ikke efter denne regel': the latest decision
    after since that the rule does not count; () when there is none."""
    for event in reversed(history):
        if event.day <= since:
            break
        if event.kind in _DECISIONS and event.kind not in spec.events:
            return (_words(", og {} ", _DECISIONS[event.kind]), event.day, " tæller ikke efter denne regel")
    return ()


def agreed_met_from(agreed: date) -> date:
    """The first day a talk meets a date the caseworker agreed (caseworker_set): the agreed date or
    the last working day before it (its practical date). An earlier talk is taken as the one at
    which the date was agreed, unless a later date was agreed at it (the evaluation's history)."""
    return last_working_day_on_or_before(agreed)


def agreed_met_on(spec: RuleSpec, agreed: date, history: Sequence[Event]) -> date | None:
    """The day of the talk that met a date the caseworker agreed: the first held from its practical
    date on (agreed_met_from), history in order of day; None while it is not met."""
    met_from = agreed_met_from(agreed)
    return next((e.day for e in history if e.day >= met_from and counts_for(e, spec)), None)


def ordinary_version_on(spec: RuleSpec, day: date) -> RuleSpec | None:
    """The ordinary rule in force on day: the catalog's, or the latest change that applies from
    that day or before (decision 13; entered in the program or shipped)."""
    version = spec.ordinary
    for change in spec.ordinary_changes:  # in the order they apply from
        if change.known_from is not None and change.known_from <= day:
            version = change
    return version


def ordinary_rule_due(
    spec: RuleSpec,
    dates: Mapping[str, date],
    history: Sequence[Event],
    any_full: bool,
    trial_term: TrialTerm | None = None,
    taking_over: date | None = None,
) -> tuple[RuleSpec | None, tuple[date, Reason, bool] | None]:
    """The ordinary rule's date and the version of the rule that governs it (decision 13);
    trial_term as in rule_due.

    A later version applies to a deadline that falls on or after the day it applies from; one that
    would fall before that day under the new version falls due on that day (as at a trial's end).

    taking_over: once a trial has ended, the day the ordinary rule takes over (the day after the
    end, decision 3; a clock begun later: its first day). An earlier date is moved by the trial's
    end (core/schedule.py: a follow-up to that day, a period to the trial's last day), so that day
    decides the version: one in force then governs, with its own date.
    """
    version = spec.ordinary
    if version is None and not spec.ordinary_changes:
        return None, None
    result = rule_due(version, dates, history, any_full, trial_term) if version is not None else None
    for change in spec.ordinary_changes:
        known_from = change.known_from
        assert known_from is not None  # every change says when it applies from (catalog, overrides)
        if result is not None and max(result[0], taking_over or result[0]) < known_from:
            break  # due before the change applied: the earlier rule governs it
        if result is None and version is None and taking_over is not None and taking_over < known_from:
            break  # no ordinary rule yet when the trial ended: none takes over (T06, T09)
        had_rule = version is not None
        version, result = change, rule_due(change, dates, history, any_full, trial_term)
        if result is not None and result[0] < known_from:
            if taking_over is not None and known_from <= taking_over:
                continue  # in force when the trial ends: moved to taking_over (schedule)
            if not had_rule:
                # No ordinary rule existed before the change: nothing was due under one then.
                return None, None
            # Due before the new rule applied, not yet under the old one: as at a trial's end,
            # a period ends on the old rule's last day at the latest, a follow-up falls due the
            # day the new rule applies.
            if spec.kind == "duration_end":
                day, when = known_from - _ONE_DAY, ", så perioden slutter senest dagen før"
            else:
                day, when = known_from, ", så fristen er den dag"
            result = (
                max(day, result[0]),
                result[1] + (CHANGED_FROM, known_from, when),
                result[2],
            )
    return version, result


def counts_for(event: Event, spec: RuleSpec) -> bool:
    """Whether the event counts for the rule (restarts its clock): the engine's own test."""
    if event.kind in spec.events:
        return not spec.forms or event.form is None or event.form in spec.forms
    # A contact between follow-ups restarts the clock only when marked as a full follow-up.
    return event.full_followup and event.kind == "contact" and "followup" in spec.events


# workdays.add(day, duration) by (day, id(duration)), looked up without a call: the engine's
# most frequent sum, once or twice per case. Each duration seen is held in _DURATIONS, so its id
# stays its own (an id is reused only after its object is freed). Bounded: cleared when full.
_SUMS: dict[tuple[date, int], date] = {}
_DURATIONS: dict[int, Duration] = {}


def _sum(day: date, duration: Duration | None) -> date:
    # Only on a miss of _SUMS: the catalog requires the duration for the rule's kind (_read_rule).
    assert duration is not None
    if len(_SUMS) >= 200_000:
        _SUMS.clear()  # _DURATIONS is kept: a freed duration's id must never come back
    _DURATIONS[id(duration)] = duration
    result = _SUMS[day, id(duration)] = add(day, duration)
    return result


@lru_cache(maxsize=256)
def _held_text(held: int, count: int, forms: Collection[str], in_trial: bool = False) -> str:
    """'; 2 holdt indtil nu, så der mangler 2' (the date is when all must have been held, not the
    next talk's), and which talks count when the rule counts some forms only (the ordinary rule of
    T05: in person), so a talk by phone is not taken as forgotten; in_trial: talks held under the
    trial counted as the trial rule says, so the forms hold only outside it."""
    text = f"; {held} holdt indtil nu, så der mangler {count - held}"
    if not forms:
        return text
    named = " eller ".join(sorted(forms))
    if in_trial:
        return f"{text}, og uden for forsøgsperioden tæller kun samtaler holdt {named}"
    return f"{text}, og kun samtaler holdt {named} tæller"


@lru_cache(maxsize=1024)
def _words(template: str, value: object) -> str:
    """A reason's words with a name or number in them: made once, one object for every case
    (a deadline per case is kept; its reason's parts are shared, not copied 100,000 times)."""
    return template.format(value)
