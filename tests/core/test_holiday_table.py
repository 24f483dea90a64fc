"""The shipped holiday table must equal what the `holidays` package says, year by year."""

from datetime import date

from caseworker_app.core.holiday_table import FIRST_YEAR, LAST_YEAR, from_package, public_holidays


def test_table_equals_the_holidays_package_for_every_year():
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        assert public_holidays(year) == from_package(year), year


def test_years_outside_the_table_come_from_the_package():
    assert date(2070, 12, 25) in public_holidays(2070)
    assert public_holidays(1999)[date(1999, 4, 30)] == "Store bededag"


def test_store_bededag_up_to_2023_only():
    assert public_holidays(2023)[date(2023, 5, 5)] == "Store bededag"
    assert "Store bededag" not in public_holidays(2024).values()
