"""An extension typed into the program: its stored value (new end and decision date), the check
that it does not bridge a lapse, and the Danish texts about a lapse (decision 4).

A trial whose end passed before the extension was decided had lapsed: the days from the day after
its end until the decision were no trial time. A period has no gap (core/trial_period.py), so such
an extension is refused rather than counting those days as trial time; the trial resumed is a new
trial in the catalog. An extension typed in before the program asked for the decision date, after
the end it extended, is pointed out in the Forsøgsperiode box (lapse_lines).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date
from typing import cast

from .trial_period import Lapse, Period
from .workdays import fmt

DECIDED_LABEL_DA = "Besluttet den"


def extension_dates(stored: str) -> tuple[date, date | None]:
    """The new end and the decision date (None: not given) of a stored extension: an ISO date, or
    JSON {"end": …, "decided": …} since the program asks for the decision date."""
    if stored.startswith("{"):
        value = json.loads(stored)
        return date.fromisoformat(value["end"]), date.fromisoformat(value["decided"])
    return date.fromisoformat(stored), None


def extension_value(value: object) -> tuple[object, object, bool]:
    """What the dialog gave: (new end, decision date, whether the decision date is asked for). A
    plain date (an older caller, the demo) has no decision date and is not asked for one."""
    if isinstance(value, Mapping):
        fields = cast("Mapping[str, object]", value)
        return fields.get("end"), fields.get("decided"), True
    return value, None, False


def stored_extension(end: date, decided: date | None) -> str:
    if decided is None:
        return end.isoformat()
    return json.dumps({"decided": decided.isoformat(), "end": end.isoformat()}, sort_keys=True)


def decided_problem(period: Period, decided: date, today: date) -> str:
    """Why an extension decided on that day cannot be entered ('' if it can)."""
    if decided > today:
        return f"{DECIDED_LABEL_DA}: {fmt(decided)} ligger efter i dag ({fmt(today)}) – er datoen rigtig?"
    ended = period.effective_end
    if decided <= ended:
        return ""
    return lapse_refusal(ended, decided)


def lapse_refusal(ended: date, decided: date) -> str:
    """The message refusing an extension decided after the trial had ended."""
    lapse = Lapse(ended, decided, None)
    return (
        f"Forsøget sluttede {fmt(ended)} og var udløbet fra {fmt(lapse.first_day_out)}, til forlængelsen blev "
        f"besluttet {fmt(decided)}. Den tid var ikke forsøgstid, og en forlængelse kan ikke dække den. Er "
        "forsøget genoptaget, er det et nyt forsøg, som skal lægges ind i forsøgskataloget. Er datoen forkert, "
        "så ret den."
    )


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
        f"  Kontrollér afgørelsens dato. Er den efter {ended}, så ret slutdatoen tilbage til {ended} "
        "(Ret slutdato …), og få det genoptagne forsøg lagt ind som et nyt forsøg.",
    ]


def ended_note(period: Period, today: date) -> str:
    """For the extension dialog of a trial that has ended: that an extension decided after the end
    is refused ('' while the trial runs)."""
    ended = period.effective_end
    if today <= ended:
        return ""
    return f" – forsøget er udløbet. En forlængelse besluttet efter {fmt(ended)} kan ikke gemmes."
