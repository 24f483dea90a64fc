"""Udskriv › Evaluering …: the period typed key by key is the period counted, or a Danish refusal.

The fields were QDateEdits, which read typed dates silently wrong: over 01-01-2021, '01-07-2020'
kept the month (the typed '-' skipped it), '1 7 2020' became 17-…, '1-7-2024' lost its year and
'010724' was taken as 01-07-2021, with no message. The window opens at 01-01-2021 – 31-12-2021
(last year; the database's today is 01-03-2022).
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from caseworker_app.ui.evaluation_dialog import EvaluationDialog
from tests.evaluation_cases import TODAY, build

from .actions import click


@pytest.fixture
def dialog(qtbot, tmp_path):
    store = build(tmp_path / "sager.db")
    dlg = EvaluationDialog(store, today=lambda: TODAY)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    dlg.activateWindow()
    yield dlg
    store.close()


def type_period(qtbot, dialog, start: str | None = None, end: str | None = None) -> None:
    """Type over "Periode fra" (the window opens in it, its date selected), Tab to "til", type over
    it, Tab on: key by key, as a user would."""
    assert dialog.focusWidget() is dialog.start
    for typed in (start, end):
        field = dialog.focusWidget()
        if typed is not None:
            if typed:
                qtbot.keyClicks(field, typed)
            else:  # emptied: every character deleted
                qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
                qtbot.keyClick(field, Qt.Key.Key_Delete)
        qtbot.keyClick(field, Qt.Key.Key_Tab)


def counted_period(dialog) -> str:
    """The period the figures were counted for, as the window's summary line says it."""
    return dialog.summary.text().split(" · ")[0]


def test_the_window_opens_with_last_year(qtbot, dialog, message_boxes):
    click(qtbot, dialog.compute_button)
    assert message_boxes.calls == []
    assert counted_period(dialog) == "Periode 01-01-2021 – 31-12-2021"


@pytest.mark.parametrize("typed", ["01-07-2020", "1 7 2020", "1-7-2020", "01072020", "01.07.2020", "1. juli 2020"])
def test_a_start_typed_in_any_form_is_the_start_counted(qtbot, dialog, message_boxes, typed):
    type_period(qtbot, dialog, start=typed)
    assert dialog.start.text() == "01-07-2020"  # shown back as dd-mm-åååå on leaving the field
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)  # Enter computes (Beregn)
    assert message_boxes.calls == []
    assert counted_period(dialog) == "Periode 01-07-2020 – 31-12-2021"


def test_both_ends_typed_are_counted_with_their_years(qtbot, dialog, message_boxes):
    type_period(qtbot, dialog, start="1-7-2019", end="1-7-2020")
    click(qtbot, dialog.compute_button)
    assert message_boxes.calls == []
    assert counted_period(dialog) == "Periode 01-07-2019 – 01-07-2020"


def test_a_two_digit_year_is_refused_at_its_field_and_nothing_is_counted(qtbot, dialog, message_boxes):
    type_period(qtbot, dialog, start="010724")
    message = (
        "'010724': skriv året med fire cifre, fx 01-07-2024 (eller 01-07-1924); et årstal med to cifre kan høre til "
        "to århundreder."
    )
    # Said under the field as soon as the field is left, before Beregn.
    assert dialog.start_box.error() == message
    click(qtbot, dialog.compute_button)
    assert message_boxes.calls == [("warning", "Evaluering", f"Periode fra: {message}")]
    assert dialog.evaluation is None and dialog.tree.topLevelItemCount() == 0
    assert dialog.tabs.currentIndex() == 0  # the choices, to correct the date
    assert dialog.focusWidget() is dialog.start
    assert dialog.start.text() == "010724"  # what was typed is kept, to correct
    # Corrected: the messages go, and Beregn counts the date typed.
    qtbot.keyClick(dialog.start, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(dialog.start, "01072020")
    qtbot.keyClick(dialog.start, Qt.Key.Key_Tab)
    assert (dialog.start_box.error(), dialog.summary.text()) == ("", "Vælg periode og forsøg, og tryk Beregn.")
    click(qtbot, dialog.compute_button)
    assert counted_period(dialog) == "Periode 01-07-2020 – 31-12-2021"


def test_a_day_that_does_not_exist_is_refused_with_the_field_named(qtbot, dialog, message_boxes):
    type_period(qtbot, dialog, end="31-02-2021")
    click(qtbot, dialog.compute_button)
    assert message_boxes.calls == [
        ("warning", "Evaluering", "Periode til: '31-02-2021': den dag findes ikke – februar 2021 har 28 dage.")
    ]
    assert dialog.evaluation is None
    assert dialog.end_box.error() == "'31-02-2021': den dag findes ikke – februar 2021 har 28 dage."


def test_an_emptied_field_is_refused(qtbot, dialog, message_boxes):
    type_period(qtbot, dialog, start="")
    click(qtbot, dialog.compute_button)
    assert message_boxes.calls == [("warning", "Evaluering", "Periode fra: Skriv periodens første dag som dd-mm-åååå.")]
    assert dialog.evaluation is None


def test_a_period_that_ends_before_it_begins_is_refused(qtbot, dialog, message_boxes):
    type_period(qtbot, dialog, start="1-1-2021", end="1-7-2020")
    click(qtbot, dialog.compute_button)
    assert message_boxes.calls == [
        ("warning", "Evaluering", "Perioden er tom: den slutter 01-07-2020, før den begynder 01-01-2021.")
    ]
    assert dialog.evaluation is None


def test_alt_e_goes_back_to_periode_fra_and_a_date_typed_replaces_the_one_shown(qtbot, dialog, message_boxes):
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    assert dialog.focusWidget() is dialog.caseworker
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_E, Qt.KeyboardModifier.AltModifier)
    assert dialog.focusWidget() is dialog.start
    qtbot.keyClicks(dialog.start, "1-7-2020")
    qtbot.keyClick(dialog.start, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.end
    assert dialog.start.text() == "01-07-2020"
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_I, Qt.KeyboardModifier.AltModifier)  # "til"
    assert dialog.focusWidget() is dialog.end
    qtbot.keyClicks(dialog.end, "1-7-2021")
    qtbot.keyClick(dialog.end, Qt.Key.Key_Return)
    assert message_boxes.calls == []
    assert counted_period(dialog) == "Periode 01-07-2020 – 01-07-2021"


def test_the_ticks_follow_the_typed_period(qtbot, dialog, message_boxes):
    # T09 and T08 have cases; a period wholly before both trials began leaves nothing to tick.
    assert dialog.chosen_trials() != []
    type_period(qtbot, dialog, start="1-1-2001", end="31-12-2001")
    assert dialog.chosen_trials() == []
