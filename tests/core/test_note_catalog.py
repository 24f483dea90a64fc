"""Which shipped trials a new program version changed since the copied notes were last checked
(core/note_catalog.py): the start checks those, and nothing when none changed."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from caseworker_app.core.catalog_load import load_catalog
from caseworker_app.core.note_catalog import catalog_fingerprints, changed_trials, fingerprints_text

CATALOG = load_catalog()


def test_only_the_trial_whose_definition_changed_is_checked():
    kept = fingerprints_text(catalog_fingerprints(CATALOG))
    assert changed_trials(kept, catalog_fingerprints(load_catalog())) == ((), False)  # read again: the same

    t08 = CATALOG["T08"]
    later = {**CATALOG, "T08": replace(t08, period=replace(t08.period, end=date(2022, 6, 30)))}
    change = changed_trials(kept, catalog_fingerprints(later))
    assert change.trials == ("T08",) and not change.first_check
    assert change.lead() == "Denne version af programmet har ændringer i forsøgskataloget for T08."


def test_nothing_kept_or_unreadable_checks_every_trial_once():
    fingerprints = catalog_fingerprints(CATALOG)
    for kept in (None, "", "ikke json", "[1, 2]"):
        change = changed_trials(kept, fingerprints)
        assert change.trials == tuple(sorted(CATALOG)) and change.first_check
    assert changed_trials(None, fingerprints).lead() == (
        "Journalnotaterne er kontrolleret mod forsøgskataloget i denne version af programmet."
    )
