"""Cells of an imported case list: dates, CPR numbers, text and trials as a caseworker's sheet has
them, and each bad cell refused with a Danish message that says what to do."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from caseworker_app.core.catalog_load import load_catalog
from caseworker_app.core.import_parse import (
    CellError,
    is_date_cell,
    number_cell_warning,
    parse_cpr_cell,
    parse_date_cell,
    parse_text_cell,
    parse_trial_cell,
    read_trial_cell,
)
from caseworker_app.core.workdays import MONTHS_DA, fmt

TODAY = date(2026, 11, 30)
CATALOG = load_catalog()


# ---------------------------------------------------------------- dates


@pytest.mark.parametrize(
    "cell",
    [
        "01-07-2018",
        "1-7-2018",
        "01.07.2018",
        "1.7.2018",
        "01/07/2018",
        "1/7/2018",
        "2018-07-01",
        "1. juli 2018",
        "1 juli 2018",
        "01. Juli 2018",
        "1. jul. 2018",
        "1.juli 2018",
        " 01-07-2018 ",
        "01-07-2018 00:00",
        "01-07-2018 00:00:00",
        "2018-07-01T00:00:00",
        "01-07-2018 kl. 10",  # a time as Danes write it (found by a tester)
        "01-07-2018 kl 10.30",
        "1. juli 2018 Kl. 9:15",
        "d. 1. juli 2018",  # as the sources write it (docs/decisions.md, Datoformer: 'd. 26. august 2021')
        "D.1. juli 2018",
        "01–07–2018",  # en dashes: Word's autocorrect (CPR numbers take them too)
        "01—07—2018",  # em dashes
        "2018‑07‑01",  # non-breaking hyphens
        "01−07−2018",  # minus signs
        "01-07-2018 kl. 10",  # non-breaking spaces, copied from Outlook
        datetime(2018, 7, 1),
        datetime(2018, 7, 1, 13, 45),
        date(2018, 7, 1),
    ],
)
def test_dates_in_the_forms_of_a_danish_sheet(cell):
    assert parse_date_cell(cell) == date(2018, 7, 1)


def test_the_long_dates_of_the_sources_and_the_end_of_a_year():
    # docs/decisions.md, Datoformer: 'd. 26. august 2021' and 'udgangen af 2022' = 31-12-2022.
    assert parse_date_cell("d. 26. august 2021") == date(2021, 8, 26)
    assert parse_date_cell("udgangen af 2022") == date(2022, 12, 31)
    assert parse_date_cell("Udgangen af 2022") == date(2022, 12, 31)


@pytest.mark.parametrize("cell", ["januar 2019", "sommer 2020", "Juli 18 og juli 20"])
def test_a_month_or_a_season_without_a_day_is_refused(cell):
    with pytest.raises(CellError) as caught:
        parse_date_cell(cell)
    assert "Skriv datoen som dd-mm-åååå" in str(caught.value)


def test_a_month_without_a_day_says_so():
    with pytest.raises(CellError) as caught:
        parse_date_cell("januar 2019")
    assert str(caught.value) == (
        "'januar 2019' nævner ingen dag. Skriv datoen som dd-mm-åååå, fx 01-07-2018, eller '1. juli 2018'"
    )


def test_a_number_after_the_date_without_kl_is_not_taken_for_a_time():
    with pytest.raises(CellError, match="ikke en gyldig dato"):
        parse_date_cell("01-07-2018 10")


@pytest.mark.parametrize(
    "cell",
    [
        "15.03.2024 01.07.24",  # a second date (two-digit year), not the time 01:07:24
        "01-07-2024 01.08.24",
        "01-07-2024 31.12.99",
    ],
)
def test_a_number_after_the_date_is_a_time_only_in_the_form_of_a_clock(cell):
    with pytest.raises(CellError) as caught:
        parse_date_cell(cell)
    assert str(caught.value) == f"'{cell}' er ikke en gyldig dato. Skriv datoen som dd-mm-åååå, fx 15-02-2021"


@pytest.mark.parametrize(
    ("cell", "clock"),
    [
        ("01-07-2024 25:00", "25:00"),
        ("01-07-2024 10:60", "10:60"),
        ("01-07-2024 10:30:61", "10:30:61"),
        ("01-07-2024 kl. 24", "kl. 24"),
        ("01-07-2024 kl. 10.75", "kl. 10.75"),
    ],
)
def test_a_time_no_clock_shows_is_refused_and_quoted(cell, clock):
    with pytest.raises(CellError) as caught:
        parse_date_cell(cell)
    assert str(caught.value) == (
        f"'{cell}': '{clock}' er ikke et klokkeslæt (timer 0–23, minutter 0–59). Skriv datoen som dd-mm-åååå, "
        "evt. med klokkeslættet efter, fx 01-07-2018 10:30"
    )


@pytest.mark.parametrize(
    ("cell", "example"), [("1 7.24", "01-07-2024"), ("01.07.24 10:30", "01-07-2024"), ("3/2/25 kl. 9", "03-02-2025")]
)
def test_a_two_digit_year_before_a_time_is_quoted_as_the_whole_cell(cell, example):
    with pytest.raises(CellError) as caught:
        parse_date_cell(cell)
    assert str(caught.value).startswith(f"'{cell}': skriv året med fire cifre, fx {example} ")


@pytest.mark.parametrize(
    "cell", ["01-07-2024 23:59", "01-07-2024 00:00:59", "01-07-2024 kl. 0", "01-07-2024 kl. 23.59", "2024-07-01T23:59"]
)
def test_the_last_minute_of_a_day_is_a_time(cell):
    assert parse_date_cell(cell) == date(2024, 7, 1)


@pytest.mark.parametrize("cell", [time(0), timedelta(0)])
def test_excels_zero_in_a_date_cell_is_said_to_be_empty(cell):
    # A formula pointing at an empty cell gives 0, shown as 00-01-1900 in a date format: no clock time.
    with pytest.raises(CellError) as caught:
        parse_date_cell(cell)
    assert str(caught.value) == (
        "Cellen er tom i Excel: den har tallet 0 (vist som 00-01-1900 eller 00:00), fx fra en formel, der peger "
        "på en tom celle. Skriv datoen som dd-mm-åååå, fx 01-07-2018, eller lad cellen være tom"
    )


def test_september_has_two_short_forms():
    assert parse_date_cell("3. sep 2024") == parse_date_cell("3. sept. 2024") == date(2024, 9, 3)


@pytest.mark.parametrize("cell", [None, "", "   ", "-", "–"])
def test_an_empty_cell_or_a_lone_dash_is_no_date(cell):
    assert parse_date_cell(cell) is None


@pytest.mark.parametrize(
    ("cell", "message"),
    [
        ("31-11-2026", "'31-11-2026': den dag findes ikke – november 2026 har 30 dage"),
        ("29-02-2025", "'29-02-2025': den dag findes ikke – februar 2025 har 28 dage"),
        ("31. november 2026", "'31. november 2026': den dag findes ikke – november 2026 har 30 dage"),
        ("30.2.2024", "'30.2.2024': den dag findes ikke – februar 2024 har 29 dage"),
    ],
)
def test_a_day_that_does_not_exist_is_named(cell, message):
    with pytest.raises(CellError) as caught:
        parse_date_cell(cell)
    assert str(caught.value) == message


@pytest.mark.parametrize(
    ("cell", "example"),
    [("1.7.18", "01-07-2018"), ("01-07-18", "01-07-2018"), ("15/09/24", "15-09-2024"), ("3 2 25", "03-02-2025")],
)
def test_two_digit_years_are_refused_with_four_digits_asked_for(cell, example):
    # 18 may be 1918 or 2018: a wrong century moves every deadline, so the user writes the year.
    with pytest.raises(CellError) as caught:
        parse_date_cell(cell)
    assert f"skriv året med fire cifre, fx {example}" in str(caught.value)


def test_a_long_date_with_a_two_digit_year_is_refused_too():
    with pytest.raises(CellError, match="skriv året med fire cifre, fx '1. juli 2018'"):
        parse_date_cell("1. juli 18")


@pytest.mark.parametrize(
    ("cell", "part"),
    [
        (45352, "'45352' er et tal, ikke en dato. Formatér cellen som dato i Excel"),
        (45352.5, "er et tal, ikke en dato"),
        (time(8, 30), "klokkeslæt, ikke en dato"),
        (True, "sandhedsværdi"),
        ("#REF!", "fejl fra Excel (#REF!)"),
        ("#VÆRDI!", "fejl fra Excel (#VÆRDI!)"),
        ("1. julius 2018", "ukendt måned 'julius'"),
        ("snart", "'snart' er ikke en gyldig dato. Skriv datoen som dd-mm-åååå"),
        ("01-07-0018", "årstallet 18 kan ikke bruges"),
        ("=TODAY()", "er ikke en gyldig dato"),
        ("１. juli 2018", "er ikke en gyldig dato"),  # digits as a keyboard types them, as everywhere
    ],
)
def test_cells_that_are_no_date_say_what_to_write(cell, part):
    with pytest.raises(CellError) as caught:
        parse_date_cell(cell)
    assert part in str(caught.value)


# Whatever a cell holds: a date, or a Danish message (never another exception).
_cells = st.one_of(
    st.none(),
    st.text(max_size=30),
    st.text(alphabet="0123456789-./ :T", max_size=22),
    st.builds(
        lambda d, m, y, sep: f"{d}{sep}{m}{sep}{y}",
        st.integers(-1, 40),
        st.integers(-1, 14),
        st.integers(-1, 3000),
        st.sampled_from(["-", ".", "/", " ", "--"]),
    ),
    st.builds(
        lambda d, m, y: f"{d}. {m} {y}",
        st.integers(0, 40),
        st.sampled_from([*MONTHS_DA, "maj.", "okt", "x"]),
        st.integers(0, 3000),
    ),
    st.integers(),
    st.floats(allow_nan=True),
    st.booleans(),
    st.datetimes(),
    st.dates(),
    st.times(),
)


@given(_cells)
def test_the_date_parser_never_fails_otherwise(cell):
    try:
        result = parse_date_cell(cell)
    except CellError as exc:
        assert str(exc).strip()  # the message, in Danish, is all the user sees
    else:
        assert result is None or isinstance(result, date)


@given(
    st.dates(min_value=date(1900, 1, 1), max_value=date(2199, 12, 31)),
    st.sampled_from(
        ["{d:02d}-{m:02d}-{y}", "{d}.{m}.{y}", "{d:02d}/{m:02d}/{y}", "{y}-{m:02d}-{d:02d}", "{d}. {month} {y}"]
    ),
)
def test_every_written_form_of_a_date_reads_back_as_that_date(day, form):
    text = form.format(d=day.day, m=day.month, y=f"{day.year:04d}", month=MONTHS_DA[day.month - 1])
    assert parse_date_cell(text) == day
    assert parse_date_cell(fmt(day)) == day


# ---------------------------------------------------------------- CPR


@pytest.mark.parametrize("cell", ["010190-1234", "0101901234", " 010190-1234 ", "010190 1234", 101901234, 101901234.0])
def test_cpr_with_or_without_dash_and_as_an_excel_number(cell):
    # 101901234: Excel turned 0101901234 into a number and dropped the leading 0; it is put back.
    assert parse_cpr_cell(cell, TODAY) == "0101901234"


@pytest.mark.parametrize(
    ("cell", "part"),
    [
        ("101901234", "har Excel fjernet et 0 forrest? Skriv nummeret med bindestreg"),
        ("310290-1234", "ikke med en gyldig fødselsdato (31-02-90)"),
        ("0101301234x", "10 cifre"),
        ("010130-4234", "fødselsdato ligger i fremtiden"),
        (12.5, "ikke et CPR-nummer"),
        (datetime(1990, 1, 1), "ikke et CPR-nummer"),
        ("#N/A", "fejl fra Excel"),
    ],
)
def test_a_wrong_cpr_number_says_why(cell, part):
    with pytest.raises(CellError) as caught:
        parse_cpr_cell(cell, TODAY)
    assert part in str(caught.value)


@given(
    st.one_of(
        st.text(max_size=16),
        st.text(alphabet="0123456789- ", max_size=14),
        st.integers(),
        st.floats(allow_nan=True),
        st.none(),
        st.booleans(),
        st.dates(),
    )
)
def test_the_cpr_parser_gives_ten_digits_or_a_danish_message(cell):
    try:
        result = parse_cpr_cell(cell, TODAY)
    except CellError as exc:
        assert str(exc)
    else:
        assert result is None or (len(result) == 10 and result.isascii() and result.isdigit())


# ---------------------------------------------------------------- text


@pytest.mark.parametrize("start", ["=", "+", "-", "@"])
def test_a_cell_that_begins_like_a_formula_is_refused(start):
    with pytest.raises(CellError) as caught:
        parse_text_cell(f'{start}HYPERLINK("http://x")')
    assert str(caught.value) == (
        f"Cellen begynder med '{start}', så den kan blive læst som en formel; den gemmes ikke. "
        f"Fjern '{start}' forrest i cellen"
    )


@pytest.mark.parametrize("text", ["Jens\x0bHansen", "Jens\x07Hansen", "Jens\u2028Hansen", "Jens\x00"])
def test_control_characters_and_soft_line_breaks_are_refused(text):
    with pytest.raises(CellError, match="usynligt styretegn"):
        parse_text_cell(text)
    with pytest.raises(CellError, match="usynligt styretegn"):
        parse_text_cell(text, multiline=True)


def test_a_line_break_is_kept_only_in_a_note():
    with pytest.raises(CellError, match="én linje"):
        parse_text_cell("Jens\nHansen")
    assert parse_text_cell("Ring mandag\nkl. 10", multiline=True) == "Ring mandag\nkl. 10"


def test_text_is_trimmed_and_in_nfc_form():
    assert parse_text_cell("  Søren A\u030agaard \n") == "Søren Ågaard"
    assert parse_text_cell(20240414) == "20240414"
    assert parse_text_cell(20240414.0) == "20240414"
    assert parse_text_cell("-") is None


@pytest.mark.parametrize(
    "cell",
    [
        "Åse\u00a0Bærentsen",  # a non-breaking space, copied from Outlook or a web page
        "Åse  Bærentsen",
        "Åse \u00a0 Bærentsen",
        "Åse\u202fBærentsen",  # narrow no-break space
        "Åse\u2007Bærentsen",  # figure space
        "Åse\u3000Bærentsen",
        "\u00a0Åse Bær\u200bentsen\u00a0",  # a zero-width space is not seen at all
        "Åse Bærentsen\ufeff",
    ],
)
def test_spaces_of_any_kind_inside_a_name_are_one_plain_space(cell):
    assert parse_text_cell(cell) == "Åse Bærentsen"


def test_a_note_keeps_its_spaces_and_lines():
    assert parse_text_cell("Ring  mandag\nkl.\u00a010", multiline=True) == "Ring  mandag\nkl.\u00a010"


def test_a_tab_inside_a_name_is_still_refused():
    with pytest.raises(CellError, match="én linje"):
        parse_text_cell("Åse\tBærentsen")


def test_a_fasit_number_excel_made_a_decimal_number_reads_as_excel_shows_it():
    # '2024,0412' typed in a Danish Excel is the number 2024.0412; the caseworker sees a comma.
    assert parse_text_cell(2024.0412) == "2024,0412"
    assert parse_text_cell(2024.041) == "2024,041"
    assert parse_text_cell(0.0000001) == "0,0000001"
    assert number_cell_warning(2024.041) == (
        "Excel har gemt cellen som et tal (2024,041), så et 0 sidst kan være tabt. "
        "Kontrollér nummeret, og formatér kolonnen som tekst i Excel"
    )
    assert number_cell_warning(20240412) is None
    assert number_cell_warning(20240412.0) is None
    assert number_cell_warning("2024,0412") is None


def test_a_date_cell_is_no_name():
    with pytest.raises(CellError, match="formateret som dato"):
        parse_text_cell(datetime(2024, 4, 14))
    assert parse_text_cell(datetime(2024, 4, 14), multiline=True) == "14-04-2024"


# ---------------------------------------------------------------- trials


@pytest.mark.parametrize(
    "cell",
    [
        "T08",
        "t08",
        "T8",
        "t8",
        "8",
        8,
        8.0,
        "T 08",
        "Førtidspensionister i løntilskud",
        "FØRTIDSPENSIONISTER I LØNTILSKUD",
        "Færre opfølgninger i relation til førtidspensionister i løntilskud",
        "førtidspensionister",
    ],
)
def test_a_trial_by_id_or_name(cell):
    assert parse_trial_cell(cell, CATALOG) == "T08"


@pytest.mark.parametrize(
    ("cell", "message"),
    [
        (
            "virksomhedspraktik",
            "'virksomhedspraktik' passer på flere forsøg: T18 (Virksomhedspraktik i op til 13 uger) og T19 "
            "(Virksomhedspraktik i op til 26 uger). Skriv forsøgets id, fx T18",
        ),
        (
            "praktik",
            "'praktik' passer på flere forsøg: T09 (Praktik for ledighedsydelsesmodtagere), T18 (Virksomhedspraktik "
            "i op til 13 uger) og T19 (Virksomhedspraktik i op til 26 uger). Skriv forsøgets id, fx T09",
        ),
        # More than three: the ids only, or the message would be a catalog.
        ("uden", "'uden' passer på flere forsøg: T01, T02, T03, T06, T07, T10, T11. Skriv forsøgets id, fx T01"),
    ],
)
def test_a_part_of_a_name_that_fits_several_trials_names_them(cell, message):
    with pytest.raises(CellError) as caught:
        parse_trial_cell(cell, CATALOG)
    assert str(caught.value) == message


# Where no trial's name shares a word with the cell: where the trials are listed by name.
NO_MATCH = (
    "findes ikke i forsøgskataloget. Skriv forsøgets id; forsøgene står med id og navn i fanen Forsøg i "
    "hovedvinduet og i 'caseworker-app trials'"
)


@pytest.mark.parametrize(
    ("cell", "message"),
    [
        # As the caseworkers write T08 (tester's list, 9 rows). 'FØP' is in no catalog name, so
        # 'løntilskud' decides: T08 and T03 share it; T08 first, as its names have fewer words.
        (
            "FØP løntilskud",
            "Forsøget 'FØP løntilskud' findes ikke i forsøgskataloget. Mente du T08 (Førtidspensionister i "
            "løntilskud) eller T03 (Løntilskud og jobrotation uden forudgående ledighed)? Skriv forsøgets id, fx T08",
        ),
        # 'førtidspension' begins 'førtidspensionister'; ø written as o.
        (
            "FØP fortidspension",
            "Forsøget 'FØP fortidspension' findes ikke i forsøgskataloget. Mente du T08 (Førtidspensionister i "
            "løntilskud)? Skriv forsøgets id, fx T08",
        ),
        # Two shared words beat one: T16 only, though T08 and T15 also have an 'opfølgning...' word.
        (
            "sygedagpenge opfølgning",
            "Forsøget 'sygedagpenge opfølgning' findes ikke i forsøgskataloget. Mente du T16 (Individuel "
            "opfølgning i sygedagpengesager)? Skriv forsøgets id, fx T16",
        ),
        (
            "ledighedsydelse + praktik",
            "Forsøget 'ledighedsydelse + praktik' findes ikke i forsøgskataloget. Mente du T09 (Praktik for "
            "ledighedsydelsesmodtagere)? Skriv forsøgets id, fx T09",
        ),
        # An id in the text counts as a word of that trial.
        (
            "T08 FØP",
            "Forsøget 'T08 FØP' findes ikke i forsøgskataloget. Mente du T08 (Førtidspensionister i løntilskud)? "
            "Skriv forsøgets id, fx T08",
        ),
        # An id written short is that id.
        (
            "T8 FØP",
            "Forsøget 'T8 FØP' findes ikke i forsøgskataloget. Mente du T08 (Førtidspensionister i løntilskud)? "
            "Skriv forsøgets id, fx T08",
        ),
        # A number alone tells no trial ('6 mdr' is not T07's '6-måneders justering').
        ("kontanthjælp 6 mdr", f"Forsøget 'kontanthjælp 6 mdr' {NO_MATCH}"),
        ("Fleksjob-forsøg", f"Forsøget 'Fleksjob-forsøg' {NO_MATCH}"),
        ("FØP", f"Forsøget 'FØP' {NO_MATCH}"),
        # Stop words and a short beginning ('løn' is no word of a title) share nothing.
        ("Løn i og for til", f"Forsøget 'Løn i og for til' {NO_MATCH}"),
        ("T99", f"Forsøget 'T99' {NO_MATCH}"),
        ("99", f"Forsøget '99' {NO_MATCH}"),
        ("x", f"Forsøget 'x' {NO_MATCH}"),
    ],
)
def test_an_unknown_trial_is_named_with_the_trials_it_resembles(cell, message):
    with pytest.raises(CellError) as caught:
        parse_trial_cell(cell, CATALOG)
    assert str(caught.value) == message


@pytest.mark.parametrize(
    ("cell", "is_date"),
    [
        (date(2026, 3, 5), True),
        ("05-03-2026", True),
        ("05.03.26", True),  # refused on import for its year, but a date: its column is not 'nothing'
        ("5/3 2026", True),
        ("Kommunal gartner", False),
        ("31-02-2026", False),
        (None, False),
        ("", False),
    ],
)
def test_a_cell_that_holds_a_date_is_told_from_one_that_does_not(cell, is_date):
    assert is_date_cell(cell) is is_date


def test_a_time_written_with_a_point_is_named_as_the_problem():
    # '15.03.2024 10.30' is how many Danes write a time, but a point after a date could be a second
    # date ('01.07.24'): not read, and the message says it is the time (a reviewer saw only "ikke en
    # gyldig dato"). With a colon or 'kl.' the date is read.
    with pytest.raises(CellError) as info:
        parse_date_cell("15.03.2024 10.30")
    assert str(info.value) == (
        "'15.03.2024 10.30': skriv klokkeslættet med kolon (10:30) eller efter 'kl.' (kl. 10.30), eller kun datoen"
    )
    with pytest.raises(CellError, match=r"^'2024-07-01 10.30': skriv klokkeslættet med kolon \(10:30\)"):
        parse_date_cell("2024-07-01 10.30")  # a point between hours and minutes only after 'kl.'
    assert parse_date_cell("15.03.2024 kl. 10.30") == date(2024, 3, 15)
    assert parse_date_cell("15.03.2024 10:30") == date(2024, 3, 15)
    with pytest.raises(CellError) as info:
        parse_date_cell("15.03.2024 01.07.24")  # a second date, not a time: the general message
    assert "klokkeslættet" not in str(info.value)


@pytest.mark.parametrize(
    ("cell", "trial", "warning"),
    [
        # The tester's list, 15 rows: no trial's name, but only words of T08's ('førtidspension' begins
        # 'førtidspensionister'); it was refused, though the message named T08 alone.
        (
            "Førtidspension i løntilskud",
            "T08",
            "'Førtidspension i løntilskud' er læst som T08 – Førtidspensionister i løntilskud; kontrollér",
        ),
        (
            "sygedagpenge opfølgning",
            "T16",
            "'sygedagpenge opfølgning' er læst som T16 – Individuel opfølgning i sygedagpengesager; kontrollér",
        ),
        ("T08", "T08", ""),  # an id: nothing to check
    ],
)
def test_a_list_trial_with_only_the_words_of_one_trial_is_read_as_it_with_a_warning(cell, trial, warning):
    assert read_trial_cell(cell, CATALOG) == (trial, warning)


@pytest.mark.parametrize(
    "cell",
    [
        "FØP løntilskud",  # T08 and T03 share 'løntilskud': two trials, never a guess
        "FØP fortidspension",  # 'FØP' is no word of T08's: a word unexplained
        "T08 FØP",
        "Fleksjob-forsøg",
    ],
)
def test_a_list_trial_not_all_of_one_trials_words_is_refused(cell):
    with pytest.raises(CellError) as caught:
        read_trial_cell(cell, CATALOG)
    assert str(caught.value).startswith(f"Forsøget '{cell}' findes ikke i forsøgskataloget.")
