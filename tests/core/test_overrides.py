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
    corrected = trial.period.extensions[-1]
    assert (corrected.end, corrected.corrected, corrected.note) == (
        date(2024, 6, 30),
        True,
        "rettet i programmet 01-11-2026",
    )
    # The extensions before it stay on the record, as decided; the correction cuts the one to
    # 31-12-2024 and withdraws the one to 31-12-2025 (tests/services/test_period_corrections.py).
    assert trial.period.extensions[:-1] == catalog["T08"].period.extensions
    assert [(s.extension.end, s.last) for s in trial.period.layout.spans] == [
        (date(2022, 12, 31), date(2022, 12, 31)),
        (date(2023, 12, 31), date(2023, 12, 31)),
        (date(2024, 12, 31), date(2024, 6, 30)),
    ]
    trial = apply_overrides(catalog, [o("end", "2020-12-31", "Udtrådt")])["T08"]
    assert (trial.period.end, trial.period.effective_end) == (date(2021, 12, 31), date(2020, 12, 31))
    assert trial.period.layout.spans == ()


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
    rule = (
        '{"every": {"days": 0, "months": 0, "weeks": 6}, "first": {"days": 55, "months": 0, "weeks": 0}, '
        '"from": "2026-11-01", "reference": "§ 13 b", "text": "hver 6. uge"}'
    )
    assert o("ordinary", rule, trial="T16").label == (
        "ændret almindelig regel fra 01-11-2026: hver 6. uge (første gang efter 55 dage, derefter hver 6. uge); "
        "hjemmel: § 13 b"
    )


TODAY = date(2026, 11, 30)


def test_override_errors(catalog):
    assert override_errors(catalog, "T08", "extension", "31-12-2027", "Brev", today=TODAY) == ({}, "2027-12-31")
    assert override_errors(catalog, "T08", "end", "2017-01-01", "Brev", today=TODAY)[0] == {
        "value": "Datoen ligger før forsøgets start 01-07-2018"
    }
    assert override_errors(catalog, "T08", "end", "31-31-2027", "Brev", today=TODAY)[0] == {
        "value": "'31-31-2027': der er ingen måned 31. Skriv datoen som dd-mm-åååå, fx 15-02-2021."
    }
    assert override_errors(catalog, "T08", "marking", " ", "Brev", today=TODAY)[0] == {
        "value": "Feltet må ikke være tomt"
    }


def test_an_end_date_with_a_two_digit_or_implausible_year_is_refused_naming_the_field(catalog):
    # '31-12-28' was saved as 31-12-2028 without a word; the program's one date rule refuses it.
    assert override_errors(catalog, "T08", "extension", "31-12-28", "Brev", today=TODAY)[0] == {
        "value": "'31-12-28': skriv året med fire cifre, fx 31-12-2028 (eller 31-12-1928); et årstal med to cifre "
        "kan høre til to århundreder."
    }
    # 30-11-2026 + 10 years = 30-11-2036: a day later is a wrong year, not an extension.
    assert override_errors(catalog, "T08", "extension", "31-12-2199", "Brev", today=TODAY)[0] == {
        "value": "Forlænget til: 31-12-2199 ligger mere end 10 år efter i dag (30-11-2026) – er årstallet rigtigt?"
    }
    assert override_errors(catalog, "T08", "end", "01-12-2036", "Brev", today=TODAY)[0] == {
        "value": "Ny slutdato: 01-12-2036 ligger mere end 10 år efter i dag (30-11-2026) – er årstallet rigtigt?"
    }
    # T08's end 31-12-2025 has passed: a later end is confirmed retroactive (decision 4).
    later = {"end": "30-11-2036", "retroactive": True}
    assert override_errors(catalog, "T08", "end", later, "Brev", today=TODAY) == (
        {},
        '{"end": "2036-11-30", "retroactive": true}',
    )
    rule = {"from": "01-11-2126", "first": "55 dage", "every": "6 uger", "text": "x", "reference": "§ 1"}
    assert override_errors(catalog, "T16", "ordinary", rule, "Brev", today=TODAY)[0] == {
        "from": "Gælder fra: 01-11-2126 ligger mere end 10 år efter i dag (30-11-2026) – er årstallet rigtigt?"
    }


def test_a_corrected_reference_or_paragraph_leaves_the_older_references_as_they_were(catalog):
    """Found by a tester: T12 follows Lov nr. 658 from 01-07-2017 to 30-06-2018, then BEK nr. 529. A
    paragraph or reference corrected in the program (the dialog shows the BEK's) was put on every
    reference, so a note about 02-10-2017 cited 'Lov nr. 658 …, § 23', or a 2024 order."""
    law = catalog["T12"].citation_on(date(2017, 10, 2)).full_text()
    assert law.startswith("Lov nr. 658 af 8. juni 2017 om frikommunenetværk")
    result = apply_overrides(
        catalog,
        [o("paragraph", "§ 23", trial="T12"), o("citation", "Bekendtgørelse nr. 999 af 01/01/2024", trial="T12")],
    )["T12"]
    assert result.citation_on(date(2017, 10, 2)).full_text() == law
    assert result.citation_on(date(2018, 7, 1)).full_text() == "Bekendtgørelse nr. 999 af 01/01/2024, § 23"
    assert result.citation_on(date(2021, 3, 1)).full_text() == "Bekendtgørelse nr. 999 af 01/01/2024, § 23"
