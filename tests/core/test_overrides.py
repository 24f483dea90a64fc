"""A municipality's changes to a trial, applied to the catalog in the order entered."""

from __future__ import annotations

from datetime import date

import pytest

from caseworker_app.core.catalog_load import load_catalog
from caseworker_app.core.overrides import TrialOverride, apply_overrides, override_errors


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


def o(field, value, source="Kilde", trial="T08", created_at="2026-11-01T10:00:00+00:00"):
    return TrialOverride(trial, field, value, source, created_at=created_at)


def test_an_extension_is_added_after_the_shipped_ones(catalog):
    shipped = catalog["T08"]
    trial = apply_overrides(catalog, [o("extension", "2027-12-31", "Brev fra ministeriet")])["T08"]
    assert trial.period.effective_end == date(2027, 12, 31)
    assert trial.period.extensions[:-1] == shipped.period.extensions
    ext = trial.period.extensions[-1]
    # The day it was typed in is not a decision date: it is said as such in the note.
    assert (ext.source, ext.decided, ext.note) == ("Brev fra ministeriet", None, "forlænget i programmet 01-11-2026")
    assert trial.status_text(date(2026, 11, 23)) == "aktiv til og med 31-12-2027"
    assert catalog["T08"].period.effective_end == date(2025, 12, 31)  # the shipped catalog is untouched


def test_a_corrected_end_date_may_also_shorten_the_period(catalog):
    trial = apply_overrides(catalog, [o("end", "2024-06-30", "Kommunen udtrådte")])["T08"]
    assert trial.period.effective_end == date(2024, 6, 30)
    assert trial.period.extensions[-1].end == date(2024, 6, 30)
    trial = apply_overrides(catalog, [o("end", "2020-12-31", "Udtrådt")])["T08"]
    assert (trial.period.end, trial.period.extensions) == (date(2020, 12, 31), ())


def test_the_latest_override_wins(catalog):
    trial = apply_overrides(catalog, [o("extension", "2027-12-31"), o("end", "2026-06-30")])["T08"]
    assert trial.period.effective_end == date(2026, 6, 30)


def test_citation_paragraph_and_marking(catalog):
    result = apply_overrides(
        catalog,
        [
            o("citation", "BEK nr. 1234 af 01/12/2025"),
            o("paragraph", "§ 23"),
            o("marking", "Frikommuneforsøg – FØP", trial="T08"),
        ],
    )["T08"]
    assert result.citation_on(date(2026, 11, 23)).full_text() == "BEK nr. 1234 af 01/12/2025, § 23"
    assert result.fasit_marking == "Frikommuneforsøg – FØP"


def test_overrides_of_unknown_trials_are_skipped(catalog):
    assert apply_overrides(catalog, [o("end", "2030-01-01", trial="T99")]) == catalog


def test_labels_in_danish():
    assert o("extension", "2027-12-31").label == "forlængelse til 31-12-2027"
    assert o("marking", "X").label == "FASIT-markering X"


def test_override_errors(catalog):
    assert override_errors(catalog, "T08", "extension", "31-12-2027", "Brev") == ({}, "2027-12-31")
    assert override_errors(catalog, "T08", "end", "2017-01-01", "Brev")[0] == {
        "value": "Datoen ligger før forsøgets start 01-07-2018"
    }
    assert override_errors(catalog, "T08", "end", "31-31-2027", "Brev")[0] == {
        "value": "'31-31-2027' er ikke en gyldig dato. Skriv datoen som dd-mm-åååå, fx 15-02-2021."
    }
    assert override_errors(catalog, "T08", "marking", " ", "Brev")[0] == {"value": "Feltet må ikke være tomt"}
