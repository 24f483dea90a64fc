"""core/text_table.py: the command line's text tables show every cell whole."""

from __future__ import annotations

from caseworker_app.core.text_table import text_table


def test_a_column_widens_to_its_widest_cell_and_the_last_is_not_padded():
    lines = text_table(("Sagsnr.", "Hvad"), [("S-1", "Opfølgning"), ("JC-2021-000123-LT", "Samtale")])
    assert lines == [
        "  Sagsnr.           Hvad",
        "  S-1               Opfølgning",
        "  JC-2021-000123-LT Samtale",
    ]


def test_a_wrapped_column_breaks_at_spaces_never_inside_a_word_or_at_a_hyphen():
    lines = text_table(("Borger", "Sagsnr."), [("Bo Berg Hansen 010203-xxxx", "S-1")], wrap={0: 12})
    assert lines == [
        "  Borger       Sagsnr.",
        "  Bo Berg      S-1",
        "  Hansen",
        "  010203-xxxx",
    ]


def test_a_line_break_typed_into_a_cell_does_not_break_the_table():
    assert text_table(("Borger", "Sagsnr."), [("Ida\nÆrø", "S-1")]) == ["  Borger  Sagsnr.", "  Ida Ærø S-1"]
