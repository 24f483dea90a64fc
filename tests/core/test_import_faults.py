"""The Fejl tab and `import --dry-run` say a fault of many rows once, with every row: a tester's list
had the same sentence 56 times, one line per row, and her two other faults were lost among them."""

from __future__ import annotations

from caseworker_app.core.import_faults import fault_texts
from caseworker_app.core.import_rows import RowError

UNKNOWN = "Forsøget 'X' findes ikke i forsøgskataloget"


def test_one_sentence_of_several_rows_is_said_once_with_every_row():
    errors = [
        RowError(4, "Forsøg", "trial_id", UNKNOWN),
        RowError(5, "Navn", "citizen", "Navnet mangler"),
        RowError(9, "Forsøg", "trial_id", UNKNOWN),
        RowError(12, "Forsøg", "trial_id", UNKNOWN),
        RowError(14, None, "hire", "Forsøg T08 skal have datoen"),
        RowError(15, None, "hire", "Forsøg T08 skal have datoen"),
        RowError(16, "Sagsnr.", "trial_id", UNKNOWN),  # another column: said apart
    ]
    assert fault_texts(errors) == [
        f"3 rækker (4, 9 og 12), kolonne 'Forsøg': {UNKNOWN}",
        "Række 5, kolonne 'Navn': Navnet mangler",
        "2 rækker (14 og 15; ingen kolonne er valgt som 'Ansættelse i løntilskud'): Forsøg T08 skal have datoen",
        f"Række 16, kolonne 'Sagsnr.': {UNKNOWN}",
    ]


def test_a_cpr_number_in_a_grouped_sentence_stays_masked():
    message = "'010203-1234' er ikke et gyldigt CPR-nummer"
    errors = [RowError(2, "CPR", "cpr", message), RowError(3, "CPR", "cpr", message)]
    (line,) = fault_texts(errors)
    assert line.startswith("2 rækker (2 og 3), kolonne 'CPR': ")
    assert "1234" not in line
