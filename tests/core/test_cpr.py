"""CPR numbers: birth date and century from the 7th digit, no modulus 11, shown masked."""

from __future__ import annotations

from datetime import date

import pytest

from caseworker_app.core.cpr import (
    CprError,
    birth_date,
    cpr_error,
    format_cpr,
    is_masked_cpr,
    mask_cpr,
    normalize_cpr,
)

TODAY = date(2026, 11, 23)


@pytest.mark.parametrize(
    ("cpr", "born"),
    [
        ("010190-1234", date(1990, 1, 1)),  # 7th digit 0-3: 1900s
        ("0101903234", date(1990, 1, 1)),
        ("010100-4000", date(2000, 1, 1)),  # 4: 00-36 -> 2000s
        ("010137-4000", date(1937, 1, 1)),  # 4: 37-99 -> 1900s
        ("010157-5000", date(2057, 1, 1)),  # 5-8: 00-57 -> 2000s
        ("010158-8000", date(1858, 1, 1)),  # 5-8: 58-99 -> 1800s
        ("010136-9000", date(2036, 1, 1)),  # 9: 00-36 -> 2000s
        ("010137-9000", date(1937, 1, 1)),  # 9: 37-99 -> 1900s
        ("290200-4000", date(2000, 2, 29)),  # 2000 was a leap year
    ],
)
def test_birth_date_and_century(cpr, born):
    assert birth_date(cpr) == born


def test_no_modulus_11_check():
    # 010190-1234 fails the old modulus-11 test; numbers without it are issued since 2007.
    assert cpr_error("010190-1234", TODAY) is None
    assert normalize_cpr("010190 1234", TODAY) == "0101901234"


@pytest.mark.parametrize(
    ("cpr", "message"),
    [
        ("01019-1234", "CPR-nummeret skal have 10 cifre: fødselsdatoen som ddmmåå og 4 cifre (ddmmåå-xxxx)"),
        ("010190-12345", "CPR-nummeret skal have 10 cifre: fødselsdatoen som ddmmåå og 4 cifre (ddmmåå-xxxx)"),
        ("abcdef-ghij", "CPR-nummeret skal have 10 cifre: fødselsdatoen som ddmmåå og 4 cifre (ddmmåå-xxxx)"),
        ("320190-1234", "CPR-nummeret begynder ikke med en gyldig fødselsdato (32-01-90)"),
        (
            "290200-1234",
            "CPR-nummeret begynder ikke med en gyldig fødselsdato (29-02-00)",
        ),  # 1900: no leap day
        ("011390-1234", "CPR-nummeret begynder ikke med en gyldig fødselsdato (01-13-90)"),
        ("010130-4000", "CPR-nummerets fødselsdato ligger i fremtiden"),  # 2030
    ],
)
def test_invalid_numbers_get_a_danish_message(cpr, message):
    assert cpr_error(cpr, TODAY) == message
    with pytest.raises(CprError):
        normalize_cpr(cpr, TODAY)


def test_masked_and_formatted():
    assert mask_cpr("0101901234") == "010190-xxxx"
    assert mask_cpr("010190-1234") == "010190-xxxx"
    assert mask_cpr(None) == mask_cpr("") == ""
    assert format_cpr("0101901234") == "010190-1234"


@pytest.mark.parametrize(
    ("value", "masked"),
    [
        ("150385-xxxx", True),  # as the export writes it
        (" 150385-XXXX ", True),
        ("150385xxxx", True),
        ("150385–xxxx", True),  # an en dash, as Word writes it
        ("1503850000", False),
        ("150385-1234", False),
        ("15038-xxxx", False),
        ("150385-xxx", False),
        ("Bo 150385-xxxx", False),
        ("", False),
        (None, False),
        (1503850000, False),
    ],
)
def test_a_masked_cpr_number_is_told_from_a_real_one(value, masked):
    assert is_masked_cpr(value) is masked


@pytest.mark.parametrize("typed", ["010190–1234", "010190\u20111234", "010190\u00a01234", "010190−1234"])
def test_a_dash_as_word_writes_it_is_a_dash(typed):
    """En dash, non-breaking hyphen, non-breaking space, minus: what a number copied from Word or
    Outlook has between date and serial number."""
    from caseworker_app.core.redact import redact_cpr
    from caseworker_app.logs import redact

    assert normalize_cpr(typed, TODAY) == "0101901234"
    assert redact_cpr(f"Jens {typed} Hansen") == "Jens 010190-xxxx Hansen"  # exports and print
    assert redact(f"sag for {typed}") == "sag for [CPR fjernet]"  # the log file
