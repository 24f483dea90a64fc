"""A municipality's own changes to a trial (end, extension, citation, paragraph, marking)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from typing import cast

from .catalog import Citation, Extension, RuleSpec, Trial
from .extension_entry import DECIDED_LABEL_DA, EnteredEnd, end_problems, entered_end, stored_end, typed_end
from .stamps import local_day
from .workdays import Duration, fmt, parse_date

OVERRIDE_FIELDS_DA = {
    "end": "slutdato",
    "extension": "forlængelse til",
    "citation": "henvisning i journalnotatet",
    "paragraph": "paragraf",
    "marking": "FASIT-markering",
    "ordinary": "ændret almindelig regel",
}
DATE_FIELDS = ("end", "extension")
# A trial's end further ahead than this is a typing error (31-12-2199), not a decision: extensions
# have run a year or two at a time.
LATEST_END_YEARS_AHEAD = 10
# An "ordinary" override whose value is {"withdraw": <first day, ISO>} withdraws the entered version
# with that first day (its source: why); the entry stays in the history (decision 4).
WITHDRAW = "withdraw"
# The date fields as the change dialogs label them (a message names its field).
DATE_FIELD_LABELS_DA = {
    "end": "Ny slutdato",
    "extension": "Forlænget til",
    "from": "Gælder fra",
    "decided": DECIDED_LABEL_DA,
}

# The durations an ordinary rule of each kind is made of (see docs/katalog.md, "Regeltyper").
ORDINARY_DURATIONS = {
    "followup": ("first", "every"),
    "decision": ("every",),
    "duration_end": ("maximum",),
    "count_window": ("window",),
}
DURATION_LABELS_DA = {
    "first": "første gang efter",
    "every": "derefter hver",
    "maximum": "varer højst",
    "window": "inden for",
}
_UNITS_DA = {
    "måned": "months",
    "måneder": "months",
    "md": "months",
    "mdr": "months",
    "mdr.": "months",
    "uge": "weeks",
    "uger": "weeks",
    "dag": "days",
    "dage": "days",
}


@dataclass(frozen=True)
class TrialOverride:
    """One change made in the program; kept as history, applied in the order entered."""

    trial_id: str
    field: str
    value: str  # dates as ISO text
    source: str
    id: int = 0
    created_at: str = ""
    created_by: str = ""

    @property
    def withdraws(self) -> bool:
        """Whether this row withdraws an entered ordinary rule (its source says why)."""
        return self.field == "ordinary" and WITHDRAW in json.loads(self.value)

    @property
    def label(self) -> str:
        """'slutdato 31-12-2027', the change in Danish."""
        if self.field == "ordinary":
            change = json.loads(self.value)
            if WITHDRAW in change:
                return (
                    f"tilbagekaldelse af den ændrede almindelige regel fra {fmt(date.fromisoformat(change[WITHDRAW]))}"
                )
            durations = durations_text(
                {name: Duration(**change[name]) for name in DURATION_LABELS_DA if name in change}
            )
            return (
                f"ændret almindelig regel fra {fmt(date.fromisoformat(change['from']))}: "
                f"{change['text']} ({durations}); hjemmel: {change['reference']}"
            )
        if self.field in DATE_FIELDS:
            entered = entered_end(self.value)
            said = [f"besluttet {fmt(entered.decided)}"] if entered.decided else []
            said += ["med tilbagevirkende kraft"] if entered.retroactive else []
            value = fmt(entered.end) + (f" ({', '.join(said)})" if said else "")
        else:
            value = self.value
        return f"{OVERRIDE_FIELDS_DA.get(self.field, self.field)} {value}"


def durations_text(durations: Mapping[str, Duration]) -> str:
    """'første gang efter 55 dage, derefter hver 6. uge': a changed ordinary rule's durations."""
    return ", ".join(
        f"derefter {durations[name].every_danish()}"
        if name == "every"
        else f"{DURATION_LABELS_DA[name]} {durations[name].danish()}"
        for name in DURATION_LABELS_DA
        if name in durations
    )


def rule_durations_text(rule: RuleSpec) -> str:
    """The durations an ordinary rule of its kind is made of, as durations_text says them."""
    names = ORDINARY_DURATIONS.get(rule.kind, ())
    return durations_text({name: value for name in names if (value := getattr(rule, name)) is not None})


def parse_duration(text: str) -> Duration:
    """'12 måneder', '4 uger', '55 dage', '2½ år' as a Duration; ValueError with a Danish message."""
    parts = text.strip().lower().split()
    duration = None
    if len(parts) == 2 and _WHOLE.fullmatch(parts[0]) and parts[1] in _UNITS_DA and int(parts[0]) > 0:
        duration = Duration(**{_UNITS_DA[parts[1]]: int(parts[0])})
    elif len(parts) == 2 and parts[1] == "år" and (months := _year_months(parts[0])):
        duration = Duration(months=months)  # as the orders write it: '2½ år' is 30 months (T08)
    if duration is None:
        raise ValueError(f"'{text}' er ikke en varighed. Skriv fx '12 måneder', '2½ år', '4 uger' eller '55 dage'.")
    if duration.months > _MOST_MONTHS or duration.weeks * 7 + duration.days > _MOST_DAYS:
        # A slip of the keys ('1000 år') would put every deadline after it out of the calendar's range.
        raise ValueError(f"'{text}' er længere end 50 år. Skriv varigheden, som loven skriver den.")
    return duration


_WHOLE = re.compile(r"[0-9]+")  # ASCII digits only: str.isdigit() takes '²', which int() refuses
_YEARS = re.compile(r"([0-9]*)(½|,5|\.5)?")
_MOST_MONTHS, _MOST_DAYS = 50 * 12, 18_262  # 50 years (of 365.25 days)


def _year_months(amount: str) -> int:
    """'2' -> 24, '2½', '2,5' or '2.5' -> 30, '½' -> 6: whole and half years in months; 0 for anything else."""
    found = _YEARS.fullmatch(amount)
    if found is None:
        return 0
    whole, half = found.groups()
    return int(whole or 0) * 12 + (6 if half else 0)


def ordinary_rule_value(
    trial: Trial, *, applies_from: object, text: str, reference: str, durations: Mapping[str, str], today: date
) -> tuple[dict[str, str], str]:
    """Danish messages by field for a changed ordinary rule, and the value to store (JSON)."""
    errors: dict[str, str] = {}
    spec = changeable_rule(trial)
    if spec is None:
        return {"field": f"Forsøg {trial.id} har ingen frist, hvis almindelige regel kan ændres"}, ""
    day = _date_value(applies_from, errors, "from")
    if day is not None and (problem := _too_far_ahead(day, today, DATE_FIELD_LABELS_DA["from"])):
        errors["from"] = problem
    known = spec.ordinary.known_from if spec.ordinary is not None else None
    if day is not None and known is not None and day < known:
        # A change from before the catalog's rule is known (a typo: 2010 for 2020) would silently
        # rewrite every deadline and evaluation since (a tester's report 2020-21 went from 8 to 64).
        errors["from"] = (
            f"Den almindelige regel i kataloget gælder fra {fmt(known)}; en ændring af den kan tidligst "
            "gælde fra den dag. Skriv den dag, ændringen gælder fra."
        )
    change: dict[str, object] = {"from": day.isoformat() if day else ""}
    kind = (spec.ordinary or spec).kind
    for name in ORDINARY_DURATIONS[kind]:
        try:
            duration = parse_duration(durations.get(name, ""))
        except ValueError as exc:
            errors[name] = str(exc)
        else:
            change[name] = {"months": duration.months, "weeks": duration.weeks, "days": duration.days}
    for key, value, what in (("text", text, "reglen med dine ord"), ("reference", reference, "lovhenvisningen")):
        if not str(value or "").strip():
            errors[key] = f"Skriv {what}"
        change[key] = str(value or "").strip()
    return errors, json.dumps(change, ensure_ascii=False, sort_keys=True)


def changeable_rule(trial: Trial) -> RuleSpec | None:
    """The trial's first rule whose ordinary rule (or its own kind) is made of durations."""
    for spec in trial.rules:
        if (spec.ordinary or spec).kind in ORDINARY_DURATIONS:
            return spec
    return None


def _apply_ordinary(trial: Trial, override: TrialOverride) -> Trial:
    """Add a municipality's changed ordinary rule to the trial's first rule with durations; one
    entered for the same first day as an earlier one replaces it (a correction), and a withdrawal
    takes the version with its first day away (core/ordinary_entries.py tells the history)."""
    change = json.loads(override.value)
    spec = changeable_rule(trial)
    if spec is None:
        return trial
    day = date.fromisoformat(change[WITHDRAW] if WITHDRAW in change else change["from"])
    kept = tuple(c for c in spec.ordinary_changes if c.known_from != day)
    if WITHDRAW in change:
        changes = kept
    else:
        base = spec.ordinary or replace(spec, ordinary=None)
        version = replace(
            base,
            text=change["text"],
            reference=change["reference"],
            known_from=day,
            checked_until=None,  # entered with its source: nothing to warn about
            source=override.source,
            ordinary_changes=(),
            first_words="",  # the catalog's words for its own durations, not the ones entered
            every_words="",
            **{name: Duration(**change[name]) for name in DURATION_LABELS_DA if name in change},
        )
        changes = tuple(sorted(kept + (version,), key=_applies_from))
    rules = tuple(replace(r, ordinary_changes=changes) if r is spec else r for r in trial.rules)
    return replace(trial, rules=rules)


def apply_override(trial: Trial, override: TrialOverride) -> Trial:
    """The trial as it stands after one override."""
    field, value = override.field, override.value
    if field in DATE_FIELDS:
        note = "forlænget i programmet" if field == "extension" else "rettet i programmet"
        entered = None
        if override.created_at:
            # The day it was typed in, not the day it was decided (decided, or the source, says that).
            entered = local_day(override.created_at) or date.fromisoformat(override.created_at[:10])
            note += f" {fmt(entered)}"
        end, decided, retroactive = entered_end(value)
        # What the municipality typed is the legal basis of the days it adds (decision 14); what a
        # corrected end does to the extensions before it is core/trial_period.py's to say.
        entry = Extension(
            end,
            override.source,
            decided,
            note,
            basis=override.source,
            corrected=field == "end",
            entered=entered,
            retroactive=retroactive,
        )
        return replace(trial, period=replace(trial.period, extensions=trial.period.extensions + (entry,)))
    if field in ("citation", "paragraph"):
        # "Ret henvisning" / "Ret paragraf" correct the reference in force now, the one the dialog
        # shows (the last), for the days it covers: a note about a day an older reference governed
        # still cites that one (decision 14), never an order that did not exist yet.
        if not trial.citations:
            return replace(trial, citations=(Citation(value),)) if field == "citation" else trial
        last = trial.citations[-1]
        corrected = replace(last, text=value) if field == "citation" else replace(last, paragraph=value)
        return replace(trial, citations=trial.citations[:-1] + (corrected,))
    if field == "marking":
        return replace(trial, fasit_marking=value)
    if field == "ordinary":
        return _apply_ordinary(trial, override)
    raise ValueError(f"unknown override field {field!r}")


def apply_overrides(catalog: Mapping[str, Trial], overrides: Iterable[TrialOverride]) -> dict[str, Trial]:
    """The catalog with every override applied in order; overrides of unknown trials are skipped."""
    result = dict(catalog)
    for override in overrides:
        trial = result.get(override.trial_id)
        if trial is not None:
            result[override.trial_id] = apply_override(trial, override)
    return result


def _applies_from(change: RuleSpec) -> date:
    assert change.known_from is not None  # a changed ordinary rule always says from when (above)
    return change.known_from


def override_errors(
    catalog: Mapping[str, Trial], trial_id: str, field: str, value: object, source: str, *, today: date
) -> tuple[dict[str, str], str]:
    """Danish messages for an override that cannot be saved, and the value as it will be stored."""
    errors: dict[str, str] = {}
    trial = catalog.get(trial_id)
    if trial is None:
        errors["trial_id"] = f"Ukendt forsøg '{trial_id}'"
    if field not in OVERRIDE_FIELDS_DA:
        errors["field"] = f"Kan ikke ændre '{field}' (kan ændres: {', '.join(OVERRIDE_FIELDS_DA.values())})"
    # A withdrawal: {"withdraw": first day} (ui/withdraw_ordinary_dialog); its source says why.
    withdrawn = _withdrawn_day(field, value)
    if not str(source or "").strip():
        if withdrawn is not None:
            errors["source"] = "Skriv, hvorfor registreringen tilbagekaldes, fx at den blev indtastet ved en fejl"
        else:
            what = {"extension": "hjemlen for forlængelsen", "end": "hjemlen for den nye slutdato"}
            errors["source"] = f"Skriv {what.get(field, 'kilden til ændringen')}, fx ministeriets brev med dato"
    stored = ""
    if field in DATE_FIELDS:
        typed = typed_end(field, value)
        day = _date_value(typed.end, errors, "value")
        decided, retroactive, problems = end_problems(trial.period if trial else None, field, typed, day, today)
        errors.update(problems)
        if day is not None:
            stored = stored_end(EnteredEnd(day, decided, retroactive))
            if trial is not None and day < trial.period.start:
                errors["value"] = f"Datoen ligger før forsøgets start {fmt(trial.period.start)}"
            elif problem := _too_far_ahead(day, today, DATE_FIELD_LABELS_DA[field]):
                errors["value"] = problem
            elif trial is not None and field == "extension" and day <= trial.period.effective_end:
                errors["value"] = (
                    f"En forlængelse skal gå ud over den nuværende slutdato {fmt(trial.period.effective_end)}"
                )
        if "value" in errors:  # the date first; whether it needs to be retroactive after
            errors.pop("retroactive", None)
    elif withdrawn is not None:
        if trial is not None:
            stored = _withdrawal_value(trial, withdrawn, errors)
    elif field == "ordinary":
        # value: the mapping the change dialog builds (from, text, reference, durations)
        if trial is not None:
            # The change dialog's texts by field (ui/ordinary_rule_dialog.values).
            fields = dict(cast("Mapping[str, str]", value)) if isinstance(value, Mapping) else {}
            problems, stored = ordinary_rule_value(
                trial,
                applies_from=fields.get("from"),
                text=fields.get("text", ""),
                reference=fields.get("reference", ""),
                durations=fields,
                today=today,
            )
            errors.update(problems)
    else:
        stored = str(value or "").strip()
        if not stored and field != "paragraph":
            errors["value"] = "Feltet må ikke være tomt"
    return errors, stored


def _withdrawn_day(field: str, value: object) -> object:
    """The first day a withdrawal names ({"withdraw": day}, ui/withdraw_ordinary_dialog); None for
    any other change."""
    if field != "ordinary" or not isinstance(value, Mapping):
        return None
    return cast("Mapping[str, object]", value).get(WITHDRAW)


def _withdrawal_value(trial: Trial, first_day: object, errors: dict[str, str]) -> str:
    """The stored value withdrawing the entered version of trial's ordinary rule with that first
    day; '' and a Danish message under "withdraw" when no such version is in force."""
    day = _date_value(first_day, errors, WITHDRAW)
    if day is None:
        return ""
    spec = changeable_rule(trial)
    entered = [c.known_from for c in spec.ordinary_changes if c.known_from] if spec else []
    if day not in entered:
        listed = ", ".join(fmt(d) for d in entered) or "ingen"
        # (Another window on the same database may have withdrawn or replaced it meanwhile.)
        errors[WITHDRAW] = (
            f"Forsøg {trial.id} har ingen indtastet almindelig regel fra {fmt(day)}, der kan tilbagekaldes: "
            f"den er måske tilbagekaldt eller erstattet fra et andet vindue – se historikken "
            f"(indtastede, der gælder nu: {listed})"
        )
        return ""
    return json.dumps({WITHDRAW: day.isoformat()})


def _too_far_ahead(day: date, today: date, label: str) -> str:
    """Why day cannot be a trial's end or a rule's start (too far ahead: a wrong year); '' if it can."""
    from dateutil.relativedelta import relativedelta  # here: dateutil costs the start ~7 ms (core/workdays.py)

    if day <= today + relativedelta(years=LATEST_END_YEARS_AHEAD):
        return ""
    return (
        f"{label}: {fmt(day)} ligger mere end {LATEST_END_YEARS_AHEAD} år efter i dag ({fmt(today)}) – "
        "er årstallet rigtigt?"
    )


def _date_value(value: object, errors: dict[str, str], key: str) -> date | None:
    """value as a date (a date, or text in a form parse_date reads); else a message under key."""
    if isinstance(value, date):
        return value
    try:
        return parse_date(str(value or ""))
    except ValueError as exc:
        errors[key] = str(exc)
        return None
