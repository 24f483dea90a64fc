"""The guess of which column is which field, from the headers caseworkers write."""

from __future__ import annotations

import pytest

from caseworker_app.core.catalog_load import load_catalog
from caseworker_app.core.import_mapping import ColumnMapping, guess_mapping, mapping_errors, recognized_field


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Navn", "citizen"),
        ("Borger", "citizen"),
        ("Borgerens navn", "citizen"),
        ("BORGERENS NAVN", "citizen"),
        ("Sagsnr", "case_ref"),
        ("Sagsnr.", "case_ref"),
        ("Sagsnummer", "case_ref"),
        ("FASIT-sagsnr.", "case_ref"),
        ("Fasit sagsnummer", "case_ref"),
        ("CPR", "cpr"),
        ("CPR-nr.", "cpr"),
        ("cpr nr", "cpr"),
        ("Personnummer", "cpr"),
        ("Forsøg", "trial_id"),
        ("Forsoeg", "trial_id"),
        ("forsøg (id)", "trial_id"),
        ("Sagsbehandler", "caseworker"),
        ("Sagsbehandlerens navn", "caseworker"),
        ("Rådgiver", "caseworker"),
        ("Ansat", "hire"),
        ("Ansættelsesdato", "hire"),
        ("Ansat i løntilskud", "hire"),
        ("Ansættelse i løntilskud", "hire"),
        (" ansaettelsesdato ", "hire"),
        ("Tilbud givet", "offer"),
        ("Tilbud om ansættelse med løntilskud", "offer"),
        ("Første fraværsdag", "absence_start"),
        ("Praktikstart", "praktik_start"),
        ("Ledig siden", "unemployed_since"),
        ("Seneste opfølgning", "last_followup"),
        ("Sidste opfølgning", "last_followup"),
        ("Dato for seneste opfølgning", "last_followup"),
        ("Sidste opf.", "last_followup"),  # a tester's own list: was ignored, every deadline from the hire
        ("Seneste opf", "last_followup"),
        ("Opf.", "last_followup"),
        ("Næste opf. dato", "agreed"),  # the next agreed date, never the last follow-up
        ("Opfølgningsfrist", None),  # a date due, not one held: never registered as a follow-up
        ("Frist for opfølgning", None),
        ("Planlagt opfølgningsdato", None),
        ("Bemærkning", "note"),
        ("Bemærkninger", "note"),
        ("Note", "note"),
        ("Telefon", None),
        ("", None),
        (None, None),
        ("Dato", None),
        # T07's latest decision on the plan (a tester's list): was ignored, every deadline from the visitation
        ("Seneste stillingtagen", "last_decision"),
        ("Sidste stillingtagen", "last_decision"),
        ("Stillingtagen til indsatsplanen", "last_decision"),
        ("Næste stillingtagen", None),  # a date due, not one held
        ("Frist for stillingtagen", None),
    ],
)
def test_a_header_names_its_field_whatever_its_case_spaces_and_punctuation(header, field):
    assert recognized_field(header) == field


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Start på ressourceforløb", "visitation"),  # T07's own label: was not recognised
        ("START PAA RESSOURCEFORLØB", "visitation"),
        ("Næste aftalte opfølgning", "agreed"),  # T16: was taken for a follow-up due and ignored
        ("Fritagelsen vurderes igen", "agreed"),  # T04
    ],
)
def test_a_trials_own_date_label_names_its_date(header, field):
    assert recognized_field(header) == field


def test_every_trials_date_label_in_the_catalog_is_recognised_as_that_date():
    catalog = load_catalog()
    labels = [(trial.id, d.label, d.name) for trial in catalog.values() for d in trial.dates if d.label]
    assert len(labels) >= 14
    assert [(tid, label, recognized_field(label)) for tid, label, _ in labels] == labels


def test_guess_on_six_real_header_rows():
    rows = {
        ("Navn", "Sagsnr", "CPR", "Ansat", "Forsøg", "Sagsbehandler"): (
            "citizen",
            "case_ref",
            "cpr",
            "hire",
            "trial_id",
            "caseworker",
        ),
        ("Borger", "FASIT-sagsnr.", "CPR-nr.", "Ansættelsesdato", "Seneste opfølgning"): (
            "citizen",
            "case_ref",
            "cpr",
            "hire",
            "last_followup",
        ),
        ("Borgerens navn", "Sagsnummer", "Forsøg", "Første fraværsdag", "Aftalt dato", "Bemærkning"): (
            "citizen",
            "case_ref",
            "trial_id",
            "absence_start",
            "agreed",
            "note",
        ),
        ("SAGSBEHANDLER", "NAVN", "SAGSNR.", "PRAKTIKSTART", "LEDIG SIDEN", "TELEFON"): (
            "caseworker",
            "citizen",
            "case_ref",
            "praktik_start",
            "unemployed_since",
            None,
        ),
        ("fasit sagsnummer", "borger", "forsoeg", "ansat i løntilskud", "tilbud givet", "sidste opfølgning"): (
            "case_ref",
            "citizen",
            "trial_id",
            "hire",
            "offer",
            "last_followup",
        ),
        ("Nr.", "Navn", "Navn", "Sagsbehandlerens navn", "Visitationsdato", ""): (
            None,
            "citizen",
            None,
            "caseworker",
            "visitation",
            None,
        ),
    }
    for headers, fields in rows.items():
        assert guess_mapping(headers).fields == fields, headers


def test_a_remembered_mapping_wins_over_the_guess():
    mapping = guess_mapping(["Navn", "Sagsnr", "Dato", "Telefon"], {"dato": "hire", "navn": None}, "T08")
    assert mapping.fields == (None, "case_ref", "hire", None)
    assert mapping.default_trial == "T08"


def test_a_column_hidden_in_excel_gives_way_to_a_visible_one_naming_the_same_field():
    # The tester's list: E 'Sidste opfølgning' hidden (old dates), F 'Seneste opfølgning' visible.
    headers = ["Navn", "Sagsnr.", "Forsøg", "Ansat", "Sidste opfølgning", "Seneste opfølgning"]
    assert guess_mapping(headers, hidden={4}).fields == (
        "citizen",
        "case_ref",
        "trial_id",
        "hire",
        None,
        "last_followup",
    )
    # Shown, the first one is chosen, as before; a hidden column alone keeps its field.
    assert guess_mapping(headers).fields[4:] == ("last_followup", None)
    assert guess_mapping(["Navn", "Sagsnr", "Sidste opf."], hidden={2}).fields == (
        "citizen",
        "case_ref",
        "last_followup",
    )
    # Both hidden: the first of them.
    assert guess_mapping(headers, hidden={4, 5}).fields[4:] == ("last_followup", None)


def test_a_hidden_column_left_for_a_visible_one_is_not_remembered_as_ignored():
    headers = ["Navn", "Sagsnr.", "Sidste opfølgning", "Seneste opfølgning"]
    guessed = guess_mapping(headers, hidden={2})
    assert guessed.remembered() == {"senesteopfoelgning": "last_followup"}
    # The next list has only the old header, shown: it is the follow-up, not ignored.
    assert guess_mapping(["Navn", "Sagsnr", "Sidste opfølgning"], guessed.remembered()).fields[2] == "last_followup"
    # The caseworker chooses the hidden one: remembered, it wins the next guess, hidden or not.
    chosen = guessed.with_field(2, "last_followup")
    assert chosen.remembered() == {"sidsteopfoelgning": "last_followup"}
    assert guess_mapping(headers, chosen.remembered(), hidden={2}).fields[2:] == ("last_followup", None)


def test_choosing_a_field_for_a_column_lets_the_other_column_go():
    mapping = guess_mapping(["Navn", "Borger", "Sagsnr"])
    assert mapping.fields == ("citizen", None, "case_ref")
    moved = mapping.with_field(1, "citizen")
    assert moved.fields == (None, "citizen", "case_ref")
    assert moved.with_field(2, None).fields == (None, "citizen", None)
    # Both headers name the citizen: the one chosen is kept, and wins the next guess. 'Navn' left for
    # 'Borger' is no 'ignore' to keep: in a list without 'Borger' it is the citizen.
    assert moved.remembered() == {"borger": "citizen"}
    assert guess_mapping(["Navn", "Borger", "Sagsnr"], moved.remembered()).fields == (None, "citizen", "case_ref")
    assert guess_mapping(["Navn", "Sagsnr"], moved.remembered()).fields == ("citizen", "case_ref")


def test_a_mapping_without_name_number_or_trial_says_what_to_choose():
    assert mapping_errors(guess_mapping(["Navn", "Sagsnr", "Forsøg", "Ansat"])) == []
    assert mapping_errors(guess_mapping(["Navn", "Sagsnr", "Ansat"], default_trial="T08")) == []
    errors = mapping_errors(guess_mapping(["Telefon", "Ansat"]))
    assert errors == [
        "Ingen kolonne er valgt som 'Borgerens navn'. Vælg den kolonne, der har borgerens navn.",
        "Ingen kolonne er valgt som 'FASIT-sagsnummer'. Vælg den kolonne, der har FASIT-sagsnummeret.",
        "Ingen kolonne er valgt som 'Forsøg', og der er ikke valgt ét forsøg til alle rækker. Vælg "
        "forsøgskolonnen, eller vælg forsøget (fx T08), hvis alle sager er i samme forsøg.",
    ]


def test_a_mapping_must_fit_its_headers():
    with pytest.raises(ValueError):
        ColumnMapping(("Navn",), ("citizen", "case_ref"))
    with pytest.raises(ValueError):
        ColumnMapping(("Navn",), ("name",))


def test_the_columns_of_the_case_list_export_are_recognised():
    """The export's own headers (core/spreadsheet.case_table, not a copy), every date in use: read back
    as the fields they came from; Status, Seneste hændelse and Afslutningsårsag are no import field."""
    from datetime import date

    from caseworker_app.core.cases import CaseRecord
    from caseworker_app.core.spreadsheet import case_table
    from caseworker_app.core.terms import DATE_NAMES

    case = CaseRecord(1, "Jens Hansen", "2024-0412", "T08", dict.fromkeys(DATE_NAMES, date(2024, 3, 1)))
    headers = case_table([case]).headers
    assert len(headers) == 17
    assert guess_mapping(headers).fields == (
        "citizen",
        "cpr",
        "case_ref",
        "trial_id",
        "caseworker",
        None,  # Status
        "hire",
        "offer",
        "absence_start",
        "praktik_start",
        "unemployed_since",
        "extension_start",
        "visitation",
        "agreed",
        None,  # Seneste hændelse: any event, not a follow-up; never registered as one
        None,  # Afslutningsårsag
        "note",
    )


def test_a_header_recognised_later_is_not_held_to_an_old_ignore():
    # A list imported before 'Sidste opf.' was recognised kept it as ignored. Once the caseworker
    # chooses the field (what the header now names by itself), the old 'ignore' is not kept.
    guessed = guess_mapping(["Navn", "Sidste opf."], {"sidsteopf": None})
    assert guessed.fields == ("citizen", None)  # the old choice still holds until changed
    chosen = guessed.with_field(1, "last_followup")
    assert chosen.remembered() == {}
    assert chosen.recognised_headers() == {"navn", "sidsteopf"}


@pytest.mark.parametrize(
    "header",
    [
        "Sagsbeh.",  # a tester's list: was skipped, and a colleague's case showed among 'mine'
        "Sagsbeh",
        "Sagsb.",
        "SBH",
        "SB",
        "Medarb.",
        "Konsulent",
        "Virksomhedskonsulent",  # the job title of many users
        "Beskæftigelseskonsulent",
        "Initialer",
        "Sagsbehandler initialer",
        "Initialer sagsbehandler",
        "Medarbejder (initialer)",
        "Konsulentens navn",
        "Sagsbeh. navn",
    ],
)
def test_the_usual_abbreviations_and_titles_name_the_caseworker(header):
    assert recognized_field(header) == "caseworker"


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Borgerens initialer", "citizen"),  # 'Initialer' names the caseworker only as the whole header
        ("Konsulentens bemærkning", "note"),
        ("Sagsnr.", "case_ref"),
        ("Sag", "case_ref"),
        ("Tilbud givet d.", "offer"),
        ("Løntilskud slut", None),  # the end of the hire, not its start
        ("Løntilskud til", None),
    ],
)
def test_the_caseworkers_new_words_take_no_other_column(header, field):
    assert recognized_field(header) == field


@pytest.mark.parametrize(
    "header",
    [
        "Startdato løntilskud",  # a tester's list: was not the hire date
        "Løntilskud start",
        "Løntilskud startdato",
        "Løntilskudsstart",
        "Start løntilskud",
        "Start på løntilskud",
        "Dato for start af løntilskud",
        "Løntilskud ansættelse",
        "Løntilskud, ansat",
        "Ansættelsesdato løntilskud",
        "Løntilskud fra",
    ],
)
def test_the_hire_date_is_recognised_in_any_order_of_its_words(header):
    assert recognized_field(header) == "hire"


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Ressourceforløb start", "visitation"),  # T07's label 'Start på ressourceforløb', words turned
        ("Løntilskud tilbud om ansættelse", "offer"),  # the field's label, words turned
        ("Opf. dato", "last_followup"),  # as 'Opf.'
        ("Opfølgning næste", "agreed"),  # as 'Næste opfølgning', never a follow-up held
        ("Frist opfølgning", None),
    ],
)
def test_a_known_name_with_its_words_in_another_order_names_the_same_field(header, field):
    assert recognized_field(header) == field


def test_a_tester_header_row_with_three_caseworker_columns_takes_the_first():
    headers = ["Navn", "FASIT sag", "Startdato løntilskud", "Konsulent", "Initialer", "Løntilskud start"]
    assert guess_mapping(headers).fields == ("citizen", "case_ref", "hire", "caseworker", None, None)
