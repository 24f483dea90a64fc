"""Which caseworker names the import warns are maybe one person (core.name_likeness): the same last
word and a fitting first word; a tester's 'Mette K. Sørensen' was saved beside her own 'Mette Kjær
Sørensen' without a word, and its overdue case was missing from her list."""

from __future__ import annotations

import pytest

from caseworker_app.core.name_likeness import alike_name, names_alike


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Mette K. Sørensen", "Mette Kjær Sørensen"),  # an initial for the middle name
        ("Mette Sørensen", "Mette Kjær Sørensen"),  # the middle name left out
        ("M. Sørensen", "Mette Sørensen"),  # the first name's initial fits
        ("m sørensen", "Mette Kjær Sørensen"),
        ("Mette K Sørensen", "Mette K. Sørensen"),  # only a full stop apart
    ],
)
def test_names_with_one_first_and_last_name_are_alike(one, other):
    assert names_alike(one, other)
    assert names_alike(other, one)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("mette kjær sørensen", "Mette Kjær Sørensen"),  # one name to the filter: merged, not warned
        ("L. Sørensen", "Mette Sørensen"),  # the initial does not fit
        ("Mette Sørensen", "Mette Hansen"),
        ("Mette", "Mette Sørensen"),  # one word says too little
        ("MK", "Mette Kjær"),
        ("Mette Kjær Sørensen", "Mads Kjær Sørensen"),
    ],
)
def test_other_names_are_not_alike(one, other):
    assert not names_alike(one, other)


def test_the_first_known_name_alike_is_named():
    assert alike_name("Mette K. Sørensen", ["Bo Lund", "Mette Kjær Sørensen"]) == "Mette Kjær Sørensen"
    assert alike_name("Bo Lund", ["Mette Kjær Sørensen"]) is None
