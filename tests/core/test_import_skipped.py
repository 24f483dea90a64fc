"""Columns left out of an import that hold what matters: names that look like the caseworker's (who
decides whose list a case is on) and dates, each warned about with advice that fits the column."""

from __future__ import annotations

import pytest

from caseworker_app.core.import_mapping import guess_mapping
from caseworker_app.core.import_read import read_source
from caseworker_app.core.import_skipped import ignored_date_columns, ignored_name_columns, suggested_date_field


def table_of(tmp_path, text: str):
    path = tmp_path / "liste.csv"
    path.write_text(text, encoding="utf-8")
    table = read_source(path)
    return table, guess_mapping(table.headers)


NO_CASEWORKER = (
    "⚠ Kolonnen 'Kontakt' har navne, men bruges ikke, og ingen kolonne er valgt som 'Sagsbehandler'. Er det "
    "sagsbehandleren, så vælg 'Sagsbehandler' til kolonnen: ellers gemmes sagerne uden sagsbehandler og vises "
    "for alle sagsbehandlere, også i 'mine frister'."
)


def test_a_column_of_repeated_names_is_named_when_no_column_is_the_caseworker(tmp_path):
    table, mapping = table_of(
        tmp_path,
        "Navn;Sagsnr;Forsøg;Ansat;Kontakt\n"
        "Jens Hansen;1;T08;01-03-2024;Mette Kjær\n"
        "Karen Lund;2;T08;01-03-2024;Lars Poulsen\n"
        "Bo Nielsen;3;T08;01-03-2024;mette  kjær\n"
        "Ali Hassan;4;T08;01-03-2024;Mette Kjær\n",
    )
    assert mapping.column_of("caseworker") is None
    assert ignored_name_columns(table, mapping) == (NO_CASEWORKER,)


def test_initials_count_as_names(tmp_path):
    table, mapping = table_of(tmp_path, "Navn;Sagsnr;Forsøg;Ansat;Kontakt\nJens Hansen;1;T08;01-03-2024;MK\n")
    assert ignored_name_columns(table, mapping) == (NO_CASEWORKER,)


@pytest.mark.parametrize(
    "cells",
    [
        ("ring til arbejdsgiver", "mangler papirer", "ok", "ring"),  # remarks, not names
        ("Netto A/S", "Føtex 2", "Bilka", "Kommunen"),  # each different, and not all names
        ("Anne Dahl", "Bo Holm", "Carl Vest", "Dorte Syd"),  # four names, none repeated: no caseworker's column
        ("01-03-2024", "02-03-2024", "03-03-2024", "04-03-2024"),
    ],
)
def test_a_column_that_is_no_caseworkers_gives_no_name_warning(tmp_path, cells):
    rows = "".join(f"Borger {i};{i};T08;01-03-2024;{cell}\n" for i, cell in enumerate(cells, 1))
    table, mapping = table_of(tmp_path, "Navn;Sagsnr;Forsøg;Ansat;Kontakt\n" + rows)
    assert ignored_name_columns(table, mapping) == ()


def test_a_second_caseworker_column_left_out_names_the_one_used(tmp_path):
    # The tester's hdr.xlsx: 'Konsulent' (initials) is used, 'Virksomhedskonsulent' (full names) is not.
    table, mapping = table_of(
        tmp_path,
        "Navn;Sagsnr;Forsøg;Ansat;Konsulent;Virksomhedskonsulent\nJens Hansen;1;T08;01-03-2024;MK;Mette Kjær\n",
    )
    assert mapping.fields[4:] == ("caseworker", None)
    assert ignored_name_columns(table, mapping) == (
        "⚠ Kolonnen 'Virksomhedskonsulent' har navne, men bruges ikke: 'Sagsbehandler' læses fra kolonne E "
        "'Konsulent'. Er det 'Virksomhedskonsulent', der har sagsbehandlerens navn, som det står i programmet, "
        "så vælg 'Sagsbehandler' til den.",
    )


def test_a_caseworker_column_used_gives_no_warning_for_other_name_columns(tmp_path):
    table, mapping = table_of(
        tmp_path, "Navn;Sagsnr;Forsøg;Ansat;Sagsbeh.;Kontakt\nJens Hansen;1;T08;01-03-2024;Mette Kjær;MK\n"
    )
    assert mapping.fields[4] == "caseworker"
    assert ignored_name_columns(table, mapping) == ()


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Løntilskud, 2. periode", "hire"),
        ("Ansat (ny kontrakt)", "hire"),
        ("Tilbud løntilskud sendt", "offer"),
        ("Opf. holdt d.", "last_followup"),
        ("Sygemelding", "absence_start"),
        ("Løntilskud slut", None),  # an end: pointing it to the hire would move every deadline
        ("Ansat til", None),
        ("Frist", None),
        ("Kontakt", None),
        ("Næste opf. planlagt", None),
    ],
)
def test_the_field_an_unused_date_column_points_to_comes_from_its_words(header, field):
    assert suggested_date_field(header) == field


def test_an_unused_hire_date_column_points_to_the_hire_date_not_to_a_follow_up(tmp_path):
    table, mapping = table_of(
        tmp_path,
        "Navn;Sagsnr;Forsøg;Løntilskud, 2. periode;Frist\nJens Hansen;1;T08;01-03-2024;01-09-2026\n",
    )
    assert mapping.column_of("hire") is None
    assert ignored_date_columns(table, mapping) == (
        "⚠ Kolonnen 'Løntilskud, 2. periode' har datoer, men bruges ikke. Er det ansættelse i løntilskud, så "
        "vælg 'Ansættelse i løntilskud' til kolonnen; ellers regnes fristerne uden den.",
        "⚠ Kolonnen 'Frist' har datoer, men bruges ikke. Hører datoerne til et af sagens felter, så vælg det "
        "felt til kolonnen; ellers regnes fristerne uden den.",
    )
    # With the hire read from another column, nothing points to it: the advice is neutral.
    hired = mapping.with_field(4, "hire")
    assert ignored_date_columns(table, hired)[0].endswith(
        "Hører datoerne til et af sagens felter, så vælg det felt til kolonnen; ellers regnes fristerne uden den."
    )


@pytest.mark.parametrize("header", ["Startdato", "Start", "Dato for start", "Start på forløb"])
def test_a_column_of_start_dates_for_several_trials_says_what_to_do(tmp_path, header):
    # A tester's list had one 'Startdato' column for T08 (hire) and T09 (praktikstart) rows; the
    # warning only said to choose 'a field', and no one field fits both trials.
    table, mapping = table_of(
        tmp_path,
        f"Navn;Sagsnr;Forsøg;{header}\nJens Hansen;1;T08;01-03-2024\nKaren Lund;2;T09;05-04-2024\n",
    )
    assert ignored_date_columns(table, mapping) == (
        f"⚠ Kolonnen '{header}' har datoer, men bruges ikke. En startdato er en anden dato i hvert forsøg (fx "
        "ansættelse i løntilskud i T08, praktikstart i T09, start på ressourceforløb i T07), så programmet ved "
        "ikke, hvilket felt kolonnen er. Har rækkerne ét forsøg, så vælg forsøgets dato til kolonnen under "
        "Kolonner (fx 'Ansættelse i løntilskud'; på kommandolinjen med --mapping). Har de flere, så del kolonnen i "
        "Excel i én kolonne pr. dato med datoens navn som overskrift (fx 'Ansat' og 'Praktikstart'), og læs filen "
        "igen; ellers regnes fristerne uden den.",
    )


def test_a_start_column_of_one_trials_words_keeps_its_field(tmp_path):
    table, mapping = table_of(tmp_path, "Navn;Sagsnr;Forsøg;Startdato løntilskud\nJens Hansen;1;T08;01-03-2024\n")
    assert mapping.column_of("hire") == 3
    assert ignored_date_columns(table, mapping) == ()
