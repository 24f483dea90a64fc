"""The program's fixed vocabulary (trial files, case statuses) and the catalog's error type.

Kept apart from catalog.py so the command line can build its parser (and the window can open)
without loading the catalog machinery first: start-up time.
"""

from __future__ import annotations

ACTIVE, CLOSED = "aktiv", "afsluttet"  # a case's status

RULE_KINDS = ("followup", "duration_end", "count_window", "decision", "caseworker_set")

# Names of the dates that start a case's clocks, with their Danish labels.
DATE_NAMES = {
    "hire": "ansættelse i løntilskud",
    "offer": "tilbud om ansættelse med løntilskud",
    "absence_start": "første fraværsdag",
    "praktik_start": "praktikstart",
    "unemployed_since": "ledig siden",
    "extension_start": "forlængelsens start",
    "visitation": "visitation",
    "agreed": "aftalt dato",
}

# Names of events a case can have, with their Danish labels.
EVENT_NAMES = {
    "followup": "opfølgning",
    "contact": "henvendelse mellem opfølgninger",
    "talk": "samtale",
    "plan_adjusted": "indsatsplan justeret",
    "plan_not_adjusted": "indsatsplan ikke justeret",
    "praktik_end": "praktik afsluttet",
    # Only from an import (docs/import.md): a list's latest decision on the plan, which does not say
    # whether the plan was adjusted. The trial rule counts it; the ordinary rule, which counts only
    # an adjustment, does not; the evaluation counts it as neither.
    "plan_decision": "stillingtagen til indsatsplanen (udfald ikke oplyst)",
}
# Events only an import registers: not offered when a caseworker registers one (they know the outcome).
IMPORTED_EVENTS = ("plan_decision",)

FORMS = ("personligt", "telefon", "digitalt", "gruppe")

# Situations a journal note can be written for ([notes.<name>] in a trial file), in offered order.
NOTE_SITUATIONS = {
    "opfoelgning": "opfølgning afholdt",
    "henvendelse": "henvendelse mellem opfølgninger",
    "plan_ikke_justeret": "indsatsplan ikke justeret",
    "praktik_start": "praktik oprettet",
    "praktik_uden_fleksjob": "praktik afsluttet uden fleksjob",
    "forlaengelse": "forlængelse bevilget",
    "fritagelse": "fritagelse bevilget",
    "forsoeg_anvendt": "forsøget anvendt",
}


class CatalogError(ValueError):
    """A trial file that cannot be used; the message names the file and the field, in Danish."""
