"""T18's and T19's ordinary rule, the old LAB § 44 (4 weeks), is known only until 30-11-2016: a
praktik after it says what the catalog knows changed (rules.md: LAB 2019, lov nr. 548 af
07-05-2019, in force 01-01-2020), without stating the current § 61 as checked."""

from __future__ import annotations

from datetime import date

import pytest

from caseworker_app.core.catalog_load import load_catalog
from caseworker_app.core.schedule import compute_deadlines

CHANGED = (
    "Almindelig regel kontrolleret til og med 30-11-2016 og siden ændret: den dagældende lov om en aktiv "
    "beskæftigelsesindsats blev afløst fra 01-01-2020 af en ny lov om en aktiv beskæftigelsesindsats (lov nr. 548 "
    "af 07-05-2019), hvor praktikkens længde står i § 61, hvis indhold ikke er kontrolleret her"
)


@pytest.mark.parametrize("trial", ["T18", "T19"])
def test_a_praktik_in_2026_says_the_law_was_replaced_and_asks_for_a_check(trial):
    # Praktik from Monday 02-03-2026 under the ordinary rule (both trials ended 31-12-2015):
    # 4 weeks, day 28 = 02-03 + 27 days = Sunday 29-03-2026; after the reform's 01-02-2026.
    (deadline,) = compute_deadlines(load_catalog()[trial], {"praktik_start": date(2026, 3, 2)}, [], date(2026, 3, 10))
    assert (deadline.legal_due, deadline.governed_by) == (date(2026, 3, 29), "ordinary")
    assert deadline.caution == (
        CHANGED + ", og beskæftigelsesreformen (lov nr. 1750 af 29-12-2025, i kraft 01-02-2026 og 01-07-2026, og en "
        "ny lov om en aktiv beskæftigelsesindsats, ventet 01-01-2027) kan have ændret den igen: kontrollér fristen."
    )


def test_a_praktik_in_2020_says_the_same_without_the_reform():
    # Praktik from Monday 02-03-2020: day 28 = Sunday 29-03-2020, before the reform.
    (deadline,) = compute_deadlines(load_catalog()["T18"], {"praktik_start": date(2020, 3, 2)}, [], date(2020, 3, 10))
    assert deadline.legal_due == date(2020, 3, 29)
    assert deadline.caution == CHANGED + ": kontrollér fristen."
