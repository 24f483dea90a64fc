"""Working days and month arithmetic, with every expected date worked out by hand."""

from datetime import date

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given
from hypothesis import strategies as st

from caseworker_app.core.workdays import (
    Duration,
    add,
    day_off_name,
    fmt,
    is_working_day,
    last_day_of,
    last_working_day_on_or_before,
    parse_date,
)

THIRTY_MONTHS = Duration(months=30)


@pytest.mark.parametrize(
    ("anchor", "expected"),
    [
        (date(2018, 8, 15), date(2021, 2, 15)),  # plain case
        (date(2018, 8, 31), date(2021, 2, 28)),  # no 31 February: clamp to month end
        (date(2018, 9, 30), date(2021, 3, 30)),  # day exists: no last-day-to-last-day jump
        (date(2020, 2, 29), date(2022, 8, 29)),  # leap-day anchor
        (date(2018, 7, 3), date(2021, 1, 3)),
        (date(2021, 1, 10), date(2023, 7, 10)),
        (date(2021, 8, 31), date(2024, 2, 29)),  # clamps to a leap day
    ],
)
def test_thirty_months_clamps_to_month_end(anchor, expected):
    assert add(anchor, THIRTY_MONTHS) == expected


def test_six_and_twelve_months_from_month_end():
    assert add(date(2018, 8, 31), Duration(months=6)) == date(2019, 2, 28)
    assert add(date(2020, 3, 31), Duration(months=6)) == date(2020, 9, 30)
    assert add(date(2024, 2, 29), Duration(months=12)) == date(2025, 2, 28)


def test_months_across_the_year_and_mixed_durations():
    # December + 1 month is January of the next year; the months first, then weeks and days.
    assert add(date(2020, 12, 15), Duration(months=1)) == date(2021, 1, 15)
    assert add(date(2021, 1, 31), Duration(months=1, days=1)) == date(2021, 3, 1)  # 28-02, then a day
    assert add(date(2021, 1, 31), Duration(months=1, weeks=1)) == date(2021, 3, 7)
    assert add(date(2021, 11, 30), Duration(months=25)) == date(2023, 12, 30)
    assert add(date(2021, 3, 31), Duration(months=-1)) == date(2021, 2, 28)
    assert add(date(2021, 1, 15), Duration(months=-13)) == date(2019, 12, 15)
    assert add(date(2021, 1, 15), Duration()) == date(2021, 1, 15)


@given(
    st.dates(min_value=date(1990, 1, 1), max_value=date(2060, 12, 31)),
    st.integers(min_value=-40, max_value=120),
    st.integers(min_value=-5, max_value=60),
    st.integers(min_value=-60, max_value=400),
)
def test_add_is_dateutils_relativedelta(start, months, weeks, days):
    # add works the sum out itself (speed): it must stay what dateutil's relativedelta gives.
    duration = Duration(months=months, weeks=weeks, days=days)
    assert add(start, duration) == start + relativedelta(months=months, weeks=weeks, days=days)


def test_last_day_of_a_period():
    # A 4-week praktik from Monday 04-03-2019 ends Sunday 31-03-2019.
    assert last_day_of(date(2019, 3, 4), Duration(weeks=4)) == date(2019, 3, 31)
    assert last_day_of(date(2019, 3, 4), Duration(weeks=13)) == date(2019, 6, 2)
    assert last_day_of(date(2020, 1, 15), Duration(months=12)) == date(2021, 1, 14)


def test_end_of_eighth_week_is_first_absence_plus_55_days():
    assert add(date(2019, 1, 7), Duration(days=55)) == date(2019, 3, 3)


@pytest.mark.parametrize(
    ("legal", "practical"),
    [
        (date(2021, 2, 15), date(2021, 2, 15)),  # Monday, a working day
        (date(2021, 2, 28), date(2021, 2, 26)),  # Sunday -> Friday
        (
            date(2021, 1, 3),
            date(2020, 12, 30),
        ),  # Sunday; 02-01 Saturday, 01-01 Nytårsdag, 31-12 off
        (date(2022, 1, 1), date(2021, 12, 30)),  # Saturday Nytårsdag; 31-12 Friday is off too
        (
            date(2021, 4, 5),
            date(2021, 3, 31),
        ),  # 2. påskedag; påskedag, lørdag, langfredag, skærtorsdag
        (date(2023, 5, 5), date(2023, 5, 4)),  # Store bededag 2023 was a holiday
        (date(2024, 4, 26), date(2024, 4, 26)),  # ... and from 2024 it is an ordinary Friday
        (date(2024, 6, 5), date(2024, 6, 4)),  # Grundlovsdag
        (
            date(2022, 12, 26),
            date(2022, 12, 23),
        ),  # 2. juledag, juledag (Sunday), juleaften (Saturday)
        (date(2019, 12, 24), date(2019, 12, 23)),  # Juleaftensdag on a Tuesday
        (date(2019, 5, 30), date(2019, 5, 29)),  # Kristi himmelfartsdag
        (date(2019, 6, 10), date(2019, 6, 7)),  # 2. pinsedag; 9 Sunday pinsedag, 8 Saturday
    ],
)
def test_practical_deadline_is_last_working_day_on_or_before(legal, practical):
    assert last_working_day_on_or_before(legal) == practical


def test_day_off_names_are_danish():
    assert day_off_name(date(2021, 2, 28)) == "søndag"
    # Lower case, as Danish writes them in a sentence ('fristen 01-01-2022 er nytårsdag').
    assert day_off_name(date(2022, 1, 1)) == "nytårsdag"
    assert day_off_name(date(2024, 6, 5)) == "grundlovsdag"
    assert day_off_name(date(2023, 5, 5)) == "store bededag"
    assert day_off_name(date(2021, 12, 26)) == "2. juledag"
    assert day_off_name(date(2021, 4, 2)) == "langfredag"
    assert day_off_name(date(2021, 4, 5)) == "2. påskedag"
    assert day_off_name(date(2021, 12, 31)) == "nytårsaftensdag"
    assert day_off_name(date(2019, 5, 30)) == "Kristi himmelfartsdag"  # Kristi: a name
    assert day_off_name(date(2024, 4, 26)) is None
    assert not is_working_day(date(2025, 12, 31))
    assert is_working_day(date(2025, 12, 30))


def test_formats():
    assert fmt(date(2021, 2, 5)) == "05-02-2021"
    assert fmt(None) == ""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("15-02-2021", date(2021, 2, 15)),
        ("2021-02-15", date(2021, 2, 15)),
        ("1/7 2018", date(2018, 7, 1)),
        ("1/7-2018", date(2018, 7, 1)),
        ("30.6.2018", date(2018, 6, 30)),
        (" 5-6-2024 ", date(2024, 6, 5)),
        # Typed as caseworkers type them (a tester): without separators, and ISO without zeros.
        ("01032024", date(2024, 3, 1)),
        ("2024-3-1", date(2024, 3, 1)),
        # The long form of letters and the sources (docs/decisions.md, Datoformer), as the import reads it too.
        ("1. juli 2018", date(2018, 7, 1)),
        ("d. 26. august 2021", date(2021, 8, 26)),
        ("14. maj 2026", date(2026, 5, 14)),
        ("d. 14. Maj 2026", date(2026, 5, 14)),
        ("1. jul. 2018", date(2018, 7, 1)),
        ("4. december 2026", date(2026, 12, 4)),
        ("01\u201302\u20132025", date(2025, 2, 1)),  # the en dashes Word puts for '-'
        ("14.\u00a0maj 2026", date(2026, 5, 14)),  # a hard space
        ("udgangen af 2022", date(2022, 12, 31)),
    ],
)
def test_parse_accepts_formats_seen_in_the_sources(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Danish's standard abbreviations of the months, with or without their point.
        ("1. jan. 2024", date(2024, 1, 1)),
        ("1. feb. 2024", date(2024, 2, 1)),
        ("1. febr. 2024", date(2024, 2, 1)),
        ("29. febr 2024", date(2024, 2, 29)),
        ("3. mar. 2024", date(2024, 3, 3)),
        ("4. apr. 2024", date(2024, 4, 4)),
        ("5. jun. 2024", date(2024, 6, 5)),
        ("6. jul. 2024", date(2024, 7, 6)),
        ("7. aug. 2024", date(2024, 8, 7)),
        ("8. sep. 2024", date(2024, 9, 8)),
        ("9. sept. 2024", date(2024, 9, 9)),
        ("10. okt. 2024", date(2024, 10, 10)),
        ("11. nov. 2024", date(2024, 11, 11)),
        ("12. dec. 2024", date(2024, 12, 12)),
        ("den 1. juli 2024", date(2024, 7, 1)),  # as 'd. 1. juli 2024'
        ("Den 2. juli 2024", date(2024, 7, 2)),
        ("1. 7. 2024", date(2024, 7, 1)),  # day and month each with a point
        ("2.7. 2024", date(2024, 7, 2)),
        ("ultimo 2022", date(2022, 12, 31)),  # as 'udgangen af 2022'
        ("Ultimo 2023", date(2023, 12, 31)),
    ],
)
def test_parse_accepts_the_ordinary_danish_forms(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        # 'primo' and 'medio' name no one day: refused as a month without a day is.
        ("primo 2023", "'primo 2023' nævner ingen dag. Skriv datoen som dd-mm-åååå"),
        ("medio 2023", "'medio 2023' nævner ingen dag. Skriv datoen som dd-mm-åååå"),
        ("ultimo juli 2022", "'ultimo juli 2022' er ikke en gyldig dato"),
        ("denne 1. juli 2024", "'denne 1. juli 2024' er ikke en gyldig dato"),
        ("1. fe. 2024", "'1. fe. 2024': ukendt måned 'fe'"),
        ("1. 7. 24", "'1. 7. 24': skriv året med fire cifre, fx 01-07-2024 (eller 01-07-1924)"),
    ],
)
def test_words_that_name_no_one_day_are_refused(text, message):
    with pytest.raises(ValueError) as caught:
        parse_date(text)
    assert str(caught.value).startswith(message)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("1. juli 202", "'1. juli 202': årstallet 202 har 3 cifre. Skriv året med fire cifre, fx '1. juli 2018'."),
        ("1. juli 2", "'1. juli 2': årstallet 2 har ét ciffer. Skriv året med fire cifre, fx '1. juli 2018'."),
    ],
)
def test_a_year_of_three_digits_or_one_is_named_as_such(text, message):
    # Not 'et årstal med to cifre': the message says what was typed.
    with pytest.raises(ValueError) as caught:
        parse_date(text)
    assert str(caught.value) == message


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("30.06.18", "'30.06.18': skriv året med fire cifre, fx 30-06-2018 (eller 30-06-1918); et årstal med to cifre"),
        ("31-12-28", "'31-12-28': skriv året med fire cifre, fx 31-12-2028 (eller 31-12-1928); et årstal med to cifre"),
        ("1/7 05", "'1/7 05': skriv året med fire cifre, fx 01-07-2005 (eller 01-07-1905); et årstal med to cifre"),
        ("010324", "'010324': skriv året med fire cifre, fx 01-03-2024 (eller 01-03-1924); et årstal med to cifre"),
        ("011226", "'011226': skriv året med fire cifre, fx 01-12-2026 (eller 01-12-1926); et årstal med to cifre"),
        ("14. maj 26", "'14. maj 26': skriv året med fire cifre, fx '14. maj 2026' (eller '14. maj 1926'); et"),
    ],
)
def test_a_two_digit_year_is_refused_everywhere(text, message):
    # In the window, on the command line and in an imported list alike: '28' may be 1928 or 2028,
    # and a wrong century moves a deadline without anyone seeing the year read.
    with pytest.raises(ValueError) as caught:
        parse_date(text)
    assert str(caught.value).startswith(message)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "7/13/2024",
            "'7/13/2024': der er ingen måned 13. Er datoen skrevet med måneden først? Skriv dagen først "
            "(dd-mm-åååå), fx 13-07-2024 for 13. juli 2024.",
        ),
        ("2021-13-01", "'2021-13-01': der er ingen måned 13. Skriv datoen som dd-mm-åååå, fx 15-02-2021."),
        ("31-13-2018", "'31-13-2018': der er ingen måned 13. Skriv datoen som dd-mm-åååå, fx 15-02-2021."),
        (
            "7/13/24",
            "'7/13/24': skriv året med fire cifre, fx 13-07-2024 (eller 13-07-1924); et årstal med to cifre kan "
            "høre til to århundreder.",
        ),
    ],
)
def test_a_month_above_12_is_named(text, message):
    # Day first or year first ('2021-13-01'), the month that does not exist is the fault; a day
    # first date with it in the day's place ('7/13/2024', as in the US) is shown the Danish way.
    with pytest.raises(ValueError) as caught:
        parse_date(text)
    assert str(caught.value) == message


@pytest.mark.parametrize("text", ["i går", "", "15-02-21021", "0103202", "20240301", "123"])
def test_parse_rejects_with_a_danish_message(text):
    with pytest.raises(ValueError, match="ikke en gyldig dato"):
        parse_date(text)


@pytest.mark.parametrize("text", ["31-02-2021", "29-02-2023"])
def test_parse_rejects_a_day_that_does_not_exist(text):
    with pytest.raises(ValueError, match="den dag findes ikke – februar 20(21|23) har 28 dage"):
        parse_date(text)


def test_a_date_in_the_right_form_that_does_not_exist_is_named_as_such():
    from caseworker_app.core.workdays import parse_date

    with pytest.raises(ValueError) as info:
        parse_date("31-11-2026")
    assert str(info.value) == "'31-11-2026': den dag findes ikke – november 2026 har 30 dage."
    with pytest.raises(ValueError, match="februar 2023 har 28 dage"):
        parse_date("29-02-2023")
    assert parse_date("29-02-2024").isoformat() == "2024-02-29"  # a leap year
    with pytest.raises(ValueError, match="Skriv datoen som dd-mm-åååå"):
        parse_date("31-13-2026")  # no 13th month: the form is wrong, not the day


@pytest.mark.parametrize(
    ("duration", "expected"),
    [
        (Duration(weeks=6), "hver 6. uge"),
        (Duration(months=12), "hver 12. måned"),
        (Duration(weeks=4), "hver 4. uge"),
        (Duration(months=1), "hver måned"),
        (Duration(days=1), "hver dag"),
        (Duration(months=1, weeks=2), "hver gang der er gået 1 måned og 2 uger"),
    ],
)
def test_every_duration_is_said_in_danish(duration, expected):
    # 'hver 6. uge', never 'hver 6 uger'.
    assert duration.every_danish() == expected
