"""The reason of a deadline the ordinary rule governs after the trial's end, when the municipality
changed that rule (decision 13): each fact said once. Every expected text and date is worked out
by hand in the comment beside it."""

from __future__ import annotations

import json
from datetime import date

from caseworker_app.core.catalog_load import load_catalog
from caseworker_app.core.overrides import TrialOverride, apply_overrides
from caseworker_app.core.schedule import compute_deadlines

CATALOG = load_catalog()
TODAY = date(2026, 11, 30)


def changed(trial_id: str, durations: dict[str, dict[str, int]]):
    """The trial with the municipality's ordinary rule from 01-11-2026."""
    value = {"from": "2026-11-01", "text": "kommunens regel", "reference": "§ 1", **durations}
    override = TrialOverride(trial_id, "ordinary", json.dumps(value), "Brev", created_at="2026-11-01T10:00:00+00:00")
    return apply_overrides(CATALOG, [override])[trial_id]


T16 = changed("T16", {"first": {"days": 30}, "every": {"weeks": 6}})
T19 = changed("T19", {"maximum": {"weeks": 2}})


def only(trial, dates, end):
    [deadline] = compute_deadlines(trial, dates, [], TODAY, trial_end=end)
    return deadline


def test_a_changed_rule_whose_date_precedes_it_and_the_trials_end_says_each_once():
    # First day of absence 01-10-2026; the trial ended 15-11-2026. On the day after, 16-11-2026,
    # the municipality's rule (from 01-11-2026) is in force: its 30 days give 31-10-2026, passed,
    # so the deadline is the day after the end, 16-11-2026 (the rule's first day plays no part).
    d = only(T16, {"absence_start": date(2026, 10, 1)}, date(2026, 11, 15))
    assert d.legal_due == date(2026, 11, 16)
    assert d.reason == (
        "Forsøget sluttede 15-11-2026: efter kommunens ændrede almindelige regel fra 01-11-2026, 30 dage "
        "efter første fraværsdag 01-10-2026, var fristen 31-10-2026, så fristen er dagen efter forsøgets "
        "slutning"
    )


def test_a_changed_rule_whose_date_precedes_it_after_the_trials_end_names_the_day_once():
    # As above, the trial ended 20-10-2026: 01-11-2026 is after its end, so that day is the deadline.
    d = only(T16, {"absence_start": date(2026, 10, 1)}, date(2026, 10, 20))
    assert d.legal_due == date(2026, 11, 1)
    assert d.reason == (
        "30 dage efter første fraværsdag 01-10-2026 – kommunens ændrede almindelige regel gælder fra "
        "01-11-2026, så fristen er den dag; almindelig regel efter forsøgets slutning 20-10-2026"
    )


def test_a_changed_rule_whose_date_falls_before_the_trials_end():
    # First day of absence 15-10-2026: 55 days 09-12-2026, so the municipality's 30 days govern:
    # 14-11-2026, on or after 01-11-2026; the trial ended 20-11-2026, so 21-11-2026.
    d = only(T16, {"absence_start": date(2026, 10, 15)}, date(2026, 11, 20))
    assert d.legal_due == date(2026, 11, 21)
    assert d.reason == (
        "Forsøget sluttede 20-11-2026: efter kommunens ændrede almindelige regel fra 01-11-2026, 30 dage "
        "efter første fraværsdag 15-10-2026, var fristen 14-11-2026, så fristen er dagen efter forsøgets "
        "slutning"
    )


def test_a_changed_rule_whose_date_falls_after_the_trials_end():
    # As above, the trial ended 10-11-2026: 14-11-2026 is after its end and is the deadline.
    d = only(T16, {"absence_start": date(2026, 10, 15)}, date(2026, 11, 10))
    assert d.legal_due == date(2026, 11, 14)
    assert d.reason == (
        "30 dage efter første fraværsdag 15-10-2026; kommunens ændrede almindelige regel fra 01-11-2026, "
        "efter forsøgets slutning 10-11-2026"
    )


def test_a_period_under_a_changed_rule_that_would_end_before_it_applies():
    # Praktik from 10-10-2026; the trial ended 15-11-2026, when the municipality's 2 weeks (from
    # 01-11-2026) are in force: they end 23-10-2026, while the trial ran. The trial's 26 weeks gave
    # the days since, to its last day 15-11-2026 (decision 12): that day, and the trial's wording.
    # Beside it, the ordinary rule alone: the catalog's 4 weeks end 06-11-2026, after the change,
    # whose 2 weeks end before it applies: the day before it, 31-10-2026.
    d = only(T19, {"praktik_start": date(2026, 10, 10)}, date(2026, 11, 15))
    assert (d.legal_due, d.governed_by, d.ordinary_due) == (date(2026, 11, 15), "trial", date(2026, 10, 31))
    assert d.reason == (
        "Forsøget sluttede 15-11-2026: perioden må højst vare til forsøgets sidste dag; efter forsøgsreglen "
        "højst 26 uger fra praktikstart 10-10-2026"
    )


def test_a_period_under_a_changed_rule_that_would_end_before_it_applies_after_the_trials_end():
    # As above, the trial ended 20-10-2026: 31-10-2026 is after its end and is the last day.
    d = only(T19, {"praktik_start": date(2026, 10, 10)}, date(2026, 10, 20))
    assert d.legal_due == date(2026, 10, 31)
    assert d.reason == (
        "Højst 2 uger fra praktikstart 10-10-2026, sidste dag – kommunens ændrede almindelige regel gælder "
        "fra 01-11-2026, så perioden slutter senest dagen før; almindelig regel efter forsøgets slutning "
        "20-10-2026"
    )


def test_a_longer_limit_that_ends_the_period_on_the_trials_last_day_leaves_it_to_the_trial():
    # A reviewer. T18 ended 31-12-2015; the municipality's 8 weeks from 01-01-2016. Praktik from
    # 06-11-2015: the old 4 weeks end 03-12-2015, the 8 weeks 06-11-2015 + 8 weeks - 1 day =
    # 31-12-2015, the trial's last day. The days 04-12 to 31-12-2015 are the trial's: its basis.
    value = {"from": "2016-01-01", "maximum": {"weeks": 8}, "text": "8 uger", "reference": "ref v8"}
    override = TrialOverride("T18", "ordinary", json.dumps(value), "Brev", created_at="2026-11-01T10:00:00+00:00")
    trial = apply_overrides(CATALOG, [override])["T18"]
    [d] = compute_deadlines(trial, {"praktik_start": date(2015, 11, 6)}, [], date(2015, 12, 20))
    assert (d.legal_due, d.governed_by, d.ordinary_due, d.trial_due) == (
        date(2015, 12, 31),
        "trial",
        date(2015, 12, 3),
        date(2016, 2, 4),
    )
    assert d.citation.startswith("Bekendtgørelse om forsøgsordninger med frikommuneforsøg")
