"""A reason says a rule's duration in the order's own words, so the caseworker can check it against
the order: T16's ordinary rule says 'inden udgangen af 8. uge', never '55 dage'."""

from __future__ import annotations

from datetime import date

from caseworker_app.core.catalog_load import load_catalog
from caseworker_app.core.schedule import compute_deadlines

CATALOG = load_catalog()


def test_t16_says_the_end_of_the_eighth_week_as_its_rule_does():
    # First day of absence 01-09-2026 (a Tuesday): week 1 is 01-09..07-09, so week 8 ends
    # 26-10-2026 (01-09 + 55 days); the trial ended 31-12-2015, so the ordinary rule governs.
    [d] = compute_deadlines(CATALOG["T16"], {"absence_start": date(2026, 9, 1)}, [], date(2026, 11, 30))
    assert d.legal_due == date(2026, 10, 26)
    assert d.reason == (
        "Udgangen af 8. uge efter første fraværsdag 01-09-2026; almindelig regel efter forsøgets slutning 31-12-2015"
    )


def test_t16_says_it_in_a_reason_the_trials_end_moves_too():
    # As above with the trial ending 15-11-2026: 26-10-2026 has passed, so the day after, 16-11-2026.
    [d] = compute_deadlines(
        CATALOG["T16"], {"absence_start": date(2026, 9, 1)}, [], date(2026, 11, 30), trial_end=date(2026, 11, 15)
    )
    assert d.legal_due == date(2026, 11, 16)
    assert d.reason == (
        "Forsøget sluttede 15-11-2026: efter almindelig regel, udgangen af 8. uge efter første fraværsdag "
        "01-09-2026, var fristen 26-10-2026, så fristen er dagen efter forsøgets slutning"
    )


def test_no_shipped_rule_counts_in_days_without_the_orders_words():
    # Every rule of the catalog speaks in weeks or months; a duration kept in days (to compute
    # it) is said in the rule's words instead. Only 'first' may be kept in days.
    in_days = []
    for trial in CATALOG.values():
        for rule in trial.rules:
            for spec in (rule, rule.ordinary):
                if spec is None:
                    continue
                for name in ("every", "maximum", "minimum", "window"):
                    duration = getattr(spec, name)
                    if duration is not None and duration.days:
                        in_days.append((trial.id, name))
                if spec.first is not None and spec.first.days and not spec.first_words:
                    in_days.append((trial.id, "first"))
    assert in_days == []
