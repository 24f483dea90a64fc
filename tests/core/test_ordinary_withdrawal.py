"""A changed ordinary rule entered again for the same first day replaces the earlier entry, and an
entry can be withdrawn; both are new rows, the history keeps all (decision 4). Dates by hand."""

from __future__ import annotations

import json
from datetime import date

import pytest

from caseworker_app.core.catalog_load import load_catalog
from caseworker_app.core.event import Event
from caseworker_app.core.ordinary_entries import entry_notes, ordinary_entries
from caseworker_app.core.overrides import TrialOverride, apply_overrides, override_errors
from caseworker_app.core.schedule import compute_deadlines

TODAY = date(2026, 11, 30)


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


def entered(trial, since, source, *, every="10 måneder", first="6 måneder", maximum=None, text="ny regel", ref="§ 99"):
    """The stored row for a changed ordinary rule, as the store writes it (validated)."""
    fields = {"from": since, "text": text, "reference": ref}
    fields.update({"maximum": maximum} if maximum else {"first": first, "every": every})
    errors, value = override_errors(load_catalog(), trial, "ordinary", fields, source, today=TODAY)
    assert errors == {}
    return value


def row(trial, value, source, n, who="Anne Jensen"):
    return TrialOverride(
        trial, "ordinary", value, source, id=n, created_at=f"2026-11-{n:02d}T10:00:00+00:00", created_by=who
    )


def withdrawal(trial, first_day, reason, n, who="Bo Berg"):
    return row(trial, json.dumps({"withdraw": first_day}), reason, n, who)


def t08_followup(catalog, rows):
    trial = apply_overrides(catalog, rows)["T08"]
    [d] = compute_deadlines(trial, {"hire": date(2018, 8, 31)}, [Event(date(2025, 4, 1), "followup")], TODAY)
    return d


def test_the_testers_t08_case_withdrawing_a_wrong_first_day(catalog):
    wrong = row("T08", entered("T08", "01-02-2026", "lov A"), "lov A", 1)
    right = row("T08", entered("T08", "01-03-2026", "lov A"), "lov A", 2)
    # Both in force: 01-04-2025 + 10 months = 01-02-2026, the wrong version's first day.
    assert t08_followup(catalog, [wrong, right]).legal_due == date(2026, 2, 1)
    # Withdrawn: § 10 gives 01-04-2026, after 01-03-2026, so the corrected version applies; its
    # 01-02-2026 falls before it applies, so the deadline is its first day.
    d = t08_followup(catalog, [wrong, right, withdrawal("T08", "2026-02-01", "Forkert første dag", 3)])
    assert d.legal_due == date(2026, 3, 1)
    assert d.governed_by == "ordinary"
    assert "kommunens ændrede almindelige regel gælder fra 01-03-2026, så fristen er den dag" in d.reason


def test_the_testers_t06_case_a_rule_entered_by_mistake_is_withdrawn(catalog):
    mistake = row("T06", entered("T06", "01-01-2026", "lov X", maximum="18 måneder"), "lov X", 1)
    dates = {"extension_start": date(2025, 6, 1)}
    [d] = compute_deadlines(apply_overrides(catalog, [mistake])["T06"], dates, [], TODAY)
    assert d.legal_due == date(2026, 11, 30)  # 01-06-2025 + 18 months, last day
    gone = withdrawal("T06", "2026-01-01", "T06 har ingen almindelig grænse", 2)
    [d] = compute_deadlines(apply_overrides(catalog, [mistake, gone])["T06"], dates, [], TODAY)
    # No ordinary limit: the extension ends with the trial.
    assert d.legal_due == date(2025, 12, 31)


@pytest.fixture
def copenhagen(monkeypatch):
    """The caseworker's clock: stored UTC times are read in Danish local time (CET in November)."""
    import time

    monkeypatch.setenv("TZ", "Europe/Copenhagen")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_the_same_first_day_entered_again_replaces_the_earlier_entry(catalog, copenhagen):
    first = row("T08", entered("T08", "01-03-2026", "lov A", ref="§ 99"), "lov A", 1)
    again = row("T08", entered("T08", "01-03-2026", "lov B", every="11 måneder", ref="§ 10 a"), "lov B", 2)
    trial = apply_overrides(catalog, [first, again])["T08"]
    [spec] = [s for s in trial.rules if s.ordinary_changes]
    assert [(c.known_from, c.source) for c in spec.ordinary_changes] == [(date(2026, 3, 1), "lov B")]
    [d] = compute_deadlines(trial, {"hire": date(2018, 8, 31)}, [Event(date(2025, 5, 1), "followup")], TODAY)
    assert d.legal_due == date(2026, 4, 1)  # 01-05-2025 + 11 months
    assert d.citation == "§ 10 a"
    entries = ordinary_entries([first, again], "T08")
    # Stored 10:00 UTC = 11.00 in Copenhagen; with the time, two entries of one day are told apart.
    assert [entry_notes(e) for e in entries] == [
        ["erstattet af registreringen af 02-11-2026 kl. 11.00"],
        ["erstatter registreringen af 01-11-2026 kl. 11.00"],
    ]
    assert [e.counts for e in entries] == [False, True]


def test_a_withdrawn_first_day_entered_again_counts_again(catalog):
    rows = [
        row("T08", entered("T08", "01-03-2026", "lov A"), "lov A", 1),
        withdrawal("T08", "2026-03-01", "Ved en fejl", 2),
    ]
    assert t08_followup(catalog, rows).legal_due == date(2026, 4, 1)  # § 10: 12 months
    rows.append(row("T08", entered("T08", "01-03-2026", "lov C"), "lov C", 3))
    assert t08_followup(catalog, rows).legal_due == date(2026, 3, 1)
    entries = ordinary_entries(rows, "T08")
    assert [entry_notes(e) for e in entries] == [["tilbagekaldt 02-11-2026 af Bo Berg: Ved en fejl"], []]
    assert [e.counts for e in entries] == [False, True]


def test_a_withdrawal_needs_a_reason_and_a_version_in_force(catalog):
    rows = [row("T08", entered("T08", "01-03-2026", "lov A"), "lov A", 1)]
    changed = apply_overrides(catalog, rows)
    assert override_errors(changed, "T08", "ordinary", {"withdraw": "01-03-2026"}, " ", today=TODAY)[0] == {
        "source": "Skriv, hvorfor registreringen tilbagekaldes, fx at den blev indtastet ved en fejl"
    }
    assert override_errors(changed, "T08", "ordinary", {"withdraw": "01-02-2026"}, "Fejl", today=TODAY)[0] == {
        "withdraw": "Forsøg T08 har ingen indtastet almindelig regel fra 01-02-2026, der kan tilbagekaldes: den "
        "er måske tilbagekaldt eller erstattet fra et andet vindue – se historikken (indtastede, der gælder "
        "nu: 01-03-2026)"
    }
    assert override_errors(changed, "T08", "ordinary", {"withdraw": "01-03-2026"}, "Fejl", today=TODAY) == (
        {},
        '{"withdraw": "2026-03-01"}',
    )
    assert withdrawal("T08", "2026-03-01", "x", 2).label == (
        "tilbagekaldelse af den ændrede almindelige regel fra 01-03-2026"
    )


def test_a_first_day_before_the_catalogs_rule_is_known_is_refused(catalog):
    # A tester typed 01-01-2010 (T08's § 10 is known from 01-07-2018): accepted, it rewrote every
    # deadline since, and the 2020-21 evaluation's "demanded" went from 8 to 64.
    fields = {"from": "01-01-2010", "first": "6 måneder", "every": "1 måned", "text": "x", "reference": "§ 1"}
    errors, _ = override_errors(catalog, "T08", "ordinary", fields, "Brev", today=TODAY)
    assert errors == {
        "from": "Den almindelige regel i kataloget gælder fra 01-07-2018; en ændring af den kan tidligst gælde "
        "fra den dag. Skriv den dag, ændringen gælder fra."
    }
    assert override_errors(catalog, "T08", "ordinary", {**fields, "from": "01-07-2018"}, "Brev", today=TODAY)[0] == {}
