"""A new end typed into the program (an extension, or "Ret slutdato"): its stored value, the check
that it does not bridge a lapse unconfirmed, and the Danish texts about a lapse (decision 4).

A trial whose end passed before the extension was decided had lapsed, unless the extension applies
retroactively from the day after that end ("med tilbagevirkende kraft"), as executive orders often
do. A period has no gap (core/trial_period.py), so such an extension is saved only when the
caseworker confirms that it is retroactive; it then records so. Without that the trial resumed is a
new trial in the catalog. A later corrected end typed in after the current end has passed is asked
the same (it has no decision date: the day it is typed in stands for it). An extension typed in
before the program asked for the decision date, after the end it extended, is pointed out in the
Forsøgsperiode box (lapse_lines).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date, timedelta
from typing import NamedTuple, cast

from .trial_period import Extension, Lapse, Period
from .workdays import fmt, parse_date

DECIDED_LABEL_DA = "Besluttet den"


class EnteredEnd(NamedTuple):
    """A stored extension or corrected end: the new end, its decision date (None: not given) and
    whether it was confirmed to apply retroactively from the day after the end it followed."""

    end: date
    decided: date | None = None
    retroactive: bool = False


class TypedEnd(NamedTuple):
    """What a change dialog gave for a new end, as typed."""

    end: object
    decided: object = None
    asks_decided: bool = False  # an extension's dialog asks when it was decided
    retroactive: bool = False  # the caseworker confirmed "med tilbagevirkende kraft"


def entered_end(stored: str) -> EnteredEnd:
    """A stored new end: an ISO date, or JSON {"end": …, "decided": …, "retroactive": true}."""
    if stored.startswith("{"):
        value = json.loads(stored)
        decided = value.get("decided")
        return EnteredEnd(
            date.fromisoformat(value["end"]),
            date.fromisoformat(decided) if decided else None,
            bool(value.get("retroactive")),
        )
    return EnteredEnd(date.fromisoformat(stored))


def typed_end(field: str, value: object) -> TypedEnd:
    """What the dialog gave: a mapping {"end", "decided" (an extension), "retroactive"}, or a plain
    date (an older caller, the demo) without a decision date or a confirmation."""
    if not isinstance(value, Mapping):
        return TypedEnd(value)
    fields = cast("Mapping[str, object]", value)
    asks = field == "extension"
    return TypedEnd(fields.get("end"), fields.get("decided") if asks else None, asks, bool(fields.get("retroactive")))


def stored_end(entered: EnteredEnd) -> str:
    if entered.decided is None and not entered.retroactive:
        return entered.end.isoformat()
    value: dict[str, object] = {"end": entered.end.isoformat()}
    if entered.decided is not None:
        value["decided"] = entered.decided.isoformat()
    if entered.retroactive:
        value["retroactive"] = True
    return json.dumps(value, sort_keys=True)


def retroactive_from(period: Period, field: str, end: date | None, decided: date | None, today: date) -> date | None:
    """The day a new end would have to apply retroactively from (the day after the current end)
    when it may bridge a lapse: an extension decided after the current end, or a later corrected
    end typed in after the current end has passed. None: no confirmation needed."""
    ended = period.effective_end
    if field == "extension":
        late = decided is not None and decided > ended
    else:
        late = end is not None and end > ended and today > ended
    return ended + timedelta(days=1) if late else None


def retroactive_from_typed(period: Period, field: str, end_text: str, decided_text: str, today: date) -> date | None:
    """retroactive_from for what is typed so far (a dialog shows its confirmation then); None while
    a date does not read as one."""
    try:
        end = parse_date(end_text) if end_text.strip() else None
        decided = parse_date(decided_text) if decided_text.strip() else None
    except ValueError:
        return None
    return retroactive_from(period, field, end, decided, today)


def retroactive_label(first_day: date, field: str) -> str:
    """The confirmation the dialog asks for."""
    what = "Forlængelsen" if field == "extension" else "Den nye slutdato"
    return f"{what} gælder med tilbagevirkende kraft fra {fmt(first_day)}"


def decided_problem(decided: date, today: date) -> str:
    """Why an extension decided on that day cannot be entered ('' if it can)."""
    if decided > today:
        return f"{DECIDED_LABEL_DA}: {fmt(decided)} ligger efter i dag ({fmt(today)}) – er datoen rigtig?"
    return ""


def end_problems(
    period: Period | None, field: str, typed: TypedEnd, end: date | None, today: date
) -> tuple[date | None, bool, dict[str, str]]:
    """The decision date (an extension's dialog asks for it), whether the new end is stored as
    retroactive, and Danish messages under "decided" (missing, unreadable, ahead of today) or
    "retroactive" (it may bridge a lapse and is not confirmed retroactive)."""
    errors: dict[str, str] = {}
    decided = None
    if typed.asks_decided:
        text = str(typed.decided or "").strip()
        try:
            decided = typed.decided if isinstance(typed.decided, date) else parse_date(text) if text else None
        except ValueError as exc:
            errors["decided"] = str(exc)
        if not text:
            errors["decided"] = f"Skriv den dato, forlængelsen blev besluttet – fx brevets dato ({DECIDED_LABEL_DA})"
        elif decided is not None and (problem := decided_problem(decided, today)):
            errors["decided"] = problem
    if period is None or errors or retroactive_from(period, field, end, decided, today) is None:
        return decided, False, errors
    if not typed.retroactive:
        errors["retroactive"] = lapse_refusal(period.effective_end, field, decided)
    return decided, typed.retroactive, errors


def lapse_refusal(ended: date, field: str, decided: date | None) -> str:
    """The message refusing a new end that may bridge a lapse without the confirmation."""
    first_day = fmt(ended + timedelta(days=1))
    if field == "extension" and decided is not None:
        what = f"Forlængelsen blev besluttet {fmt(decided)}, efter at forsøget sluttede {fmt(ended)}."
    else:
        what = f"Den nye slutdato indtastes efter, at forsøget sluttede {fmt(ended)}."
    return (
        f"{what} Sæt kryds, hvis den gælder med tilbagevirkende kraft fra {first_day}. Ellers var forsøget "
        f"udløbet fra {first_day}: er det genoptaget senere, er det et nyt forsøg, som skal lægges ind i "
        "forsøgskataloget. Er datoen forkert, så ret den."
    )


def dates_text(entry: Extension, ended: date | None) -> str:
    """' (besluttet 03-01-2022, med tilbagevirkende kraft fra 01-01-2022)' after an entry's end
    (ended: the end it followed; '' for nothing to say)."""
    parts = [f"besluttet {fmt(entry.decided)}"] if entry.decided else []
    if entry.retroactive and ended is not None:
        parts.append(f"med tilbagevirkende kraft fra {fmt(ended + timedelta(days=1))}")
    return f" ({', '.join(parts)})" if parts else ""


def lapse_lines(lapse: Lapse, end: date) -> list[str]:
    """The Forsøgsperiode box's warning under an extension that may bridge a lapse (end: its end)."""
    ended, out = fmt(lapse.ended), fmt(lapse.first_day_out)
    counted = f"programmet regner {out} – {fmt(end)} som forsøgstid og henviser til forlængelsen for de dage"
    if lapse.decided is not None:
        return [
            f"! Besluttet {fmt(lapse.decided)}, efter at forsøget sluttede {ended}: forsøget var udløbet fra "
            f"{out} til {fmt(lapse.decided)}, men {counted}."
        ]
    entered = f"Indtastet {fmt(lapse.entered)}" if lapse.entered else "Indtastet"
    return [
        f"! {entered}, efter at forsøget sluttede {ended}, uden beslutningsdato. Blev forlængelsen "
        f"besluttet efter {ended}, var forsøget udløbet fra {out}, til den blev besluttet, men {counted}.",
        f"  Kontrollér afgørelsen. Er den besluttet efter {ended} og gælder ikke med tilbagevirkende kraft fra "
        f"{out}, så ret slutdatoen tilbage til {ended} (Ret slutdato …), og få det genoptagne forsøg lagt ind "
        "som et nyt forsøg.",
    ]


def ended_note(period: Period, field: str, today: date) -> str:
    """For the change dialog of a trial that has ended: 'forsøget er udløbet. …', that a new end
    after it is saved only as retroactive ('' while the trial runs)."""
    ended = period.effective_end
    if today <= ended:
        return ""
    first_day = fmt(ended + timedelta(days=1))
    what = "En forlængelse besluttet efter" if field == "extension" else "En senere slutdato end"
    return (
        f"forsøget er udløbet. {what} {fmt(ended)} gemmes kun, hvis den gælder med tilbagevirkende kraft "
        f"fra {first_day}."
    )
