"""Citizens whose names test the Danish alphabetical order, and that order worked out by hand.

Checked against CLDR's Danish collation (common/collation/da.xml: a-z, then æ, ø, å; "aa" as å;
é as e; case ignored at the first level):
    Andersen < bent      a < b (case does not count: Python's own order puts "Zacho" before "bent")
    bent < émile         b < e (é sorts as e; by code point é comes after every ASCII letter)
    émile < Zacho        e < z
    Zacho < Ærø          z < æ
    Ærø < Ørum           æ < ø
    Ørum < ØSTERGAARD    ø = ø, r < s
    ØSTERGAARD < Aage    ø < å (Aage is Åge: aa counts as å)
    Aage < Åse           å = å, g < s
What the program showed before: SQLite's NOCASE Aage, Andersen, bent, Zacho, Åse, Ærø, Ørum,
ØSTERGAARD, émile; str.lower() and str.casefold() the same but émile before Ørum; Python's str
order Aage, Andersen, Zacho, bent, Åse, Ærø, ØSTERGAARD, Ørum, émile (Å is U+00C5, Æ U+00C6).

Every case is in T08, hired 26-05-2024, so each has the same one deadline: 01-01-2026, the day
after the trial's end 31-12-2025 (overdue on 23-11-2026). On that one date the deadlines come in
name order, so any list of them shows the order as it is.
"""

from __future__ import annotations

from datetime import date

CREATED = ("Åse", "Ørum", "Zacho", "ØSTERGAARD", "Aage", "émile", "bent", "Ærø", "Andersen")  # ids 1-9
DANISH_ORDER = ["Andersen", "bent", "émile", "Zacho", "Ærø", "Ørum", "ØSTERGAARD", "Aage", "Åse"]
HIRE = date(2024, 5, 26)
DUE = date(2026, 1, 1)
TODAY = date(2026, 11, 23)


def add_named_cases(store) -> dict[str, int]:
    """The CREATED citizens, one case each; their ids by name."""
    return {
        name: store.create_case(citizen=name, case_ref=f"2024-{i:04}", trial_id="T08", dates={"hire": HIRE})
        for i, name in enumerate(CREATED, start=1)
    }
