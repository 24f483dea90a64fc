"""A legal coordinator's finding: an extension entered for a trial that lapsed years ago covered the
gap in silence. T07 ended 31-12-2021; the dialog now asks when an extension was decided and saves
one decided after the end only confirmed retroactive from the day after it (decision 4), as a later
corrected end typed in after the end passed; the Forsøg tab and `trials --trial` point out one
typed in late without a decision date. Every date is worked out by hand in the comments.
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QPushButton

from caseworker_app.cli import main
from caseworker_app.core.deadline import DUE_SOON, OVERDUE
from caseworker_app.store import CaseStore
from caseworker_app.ui.trials_view import TrialsView

from .actions import click, type_into

TODAY = date(2026, 12, 1)
LETTER = "Testbrev T07"
RETROACTIVE_REFUSAL = (
    "Forlængelsen blev besluttet 03-01-2022, efter at forsøget sluttede 31-12-2021. Sæt kryds, hvis den gælder "
    "med tilbagevirkende kraft fra 01-01-2022. Ellers var forsøget udløbet fra 01-01-2022: er det genoptaget "
    "senere, er det et nyt forsøg, som skal lægges ind i forsøgskataloget. Er datoen forkert, så ret den."
)
WARNING = [
    "    ! Indtastet 01-12-2026, efter at forsøget sluttede 31-12-2021, uden beslutningsdato. Blev forlængelsen "
    "besluttet efter 31-12-2021, var forsøget udløbet fra 01-01-2022, til den blev besluttet, men programmet "
    "regner 01-01-2022 – 31-12-2026 som forsøgstid og henviser til forlængelsen for de dage.",
    "      Kontrollér afgørelsen. Er den besluttet efter 31-12-2021 og gælder ikke med tilbagevirkende kraft fra "
    "01-01-2022, så ret slutdatoen tilbage til 31-12-2021 (Ret slutdato …), og få det genoptagne forsøg lagt "
    "ind som et nyt forsøg.",
]


@pytest.fixture(autouse=True)
def typed_on_1_december(monkeypatch):
    monkeypatch.setattr("caseworker_app.store.overrides_store.utc_now", lambda: "2026-12-01T10:00:00+00:00")


@pytest.fixture
def store(tmp_path):
    with CaseStore(tmp_path / "gap.db", clock=lambda: TODAY) as case_store:
        yield case_store


def open_t07(qtbot, store) -> TrialsView:
    view = TrialsView(store, today=lambda: TODAY)
    qtbot.addWidget(view)
    view.resize(1200, 800)
    view.show()
    view.select("T07")
    return view


def test_an_extension_decided_after_the_end_is_saved_only_confirmed_retroactive(
    qtbot, store, dialogs, tmp_path, capsys
):
    # T07 ended 31-12-2021; the order extending it to 31-12-2026 was published 03-01-2022, three
    # days later, and applies from 01-01-2022, the day after the old end.
    view = open_t07(qtbot, store)
    seen = {}

    def user(dialog):
        seen["now"] = dialog.current_label.text()
        type_into(qtbot, dialog.value_edit, "31-12-2026")
        type_into(qtbot, dialog.decided_edit, "31-12-2021")
        seen["asked when decided on the last day"] = dialog.retroactive_check.isVisibleTo(dialog)
        dialog.decided_edit.clear()
        type_into(qtbot, dialog.decided_edit, "03-01-2022")
        seen["asked"] = dialog.retroactive_check.isVisibleTo(dialog)
        seen["question"] = dialog.retroactive_check.text()
        type_into(qtbot, dialog.source_edit, LETTER)
        click(qtbot, dialog.save_button)
        seen["error"] = dialog.boxes["retroactive"].error()
        seen["typed"] = (dialog.value_edit.text(), dialog.decided_edit.text(), dialog.source_edit.text())
        seen["saved without"] = len(store.overrides())
        dialog.retroactive_check.setChecked(True)
        click(qtbot, dialog.save_button)

    dialogs.then(user)
    with qtbot.waitSignal(view.changed):
        click(qtbot, view.findChild(QPushButton, "override_extension"))
    assert seen == {
        # Said before anything is typed: T07's end 31-12-2021 has passed.
        "now": "Nu: 31-12-2021 – forsøget er udløbet. En forlængelse besluttet efter 31-12-2021 gemmes kun, hvis den "
        "gælder med tilbagevirkende kraft fra 01-01-2022.",
        "asked when decided on the last day": False,
        "asked": True,
        "question": "Forlængelsen gælder med tilbagevirkende kraft fra 01-01-2022",
        "error": RETROACTIVE_REFUSAL,
        "typed": ("31-12-2026", "03-01-2022", LETTER),  # nothing typed is lost
        "saved without": 0,
    }
    box = view.period_label.text().splitlines()
    assert box[2:] == [
        "Forlænget til 31-12-2026 (besluttet 03-01-2022, med tilbagevirkende kraft fra 01-01-2022) – forlænget i "
        "programmet 01-12-2026",
        f"    Kilde: {LETTER}",
        "Gældende slutdato: 31-12-2026",
    ]
    assert main(["trials", "--db", str(tmp_path / "gap.db"), "--trial", "T07"]) == 0
    out = capsys.readouterr().out
    assert out.split("\n     Forsøgsperiode:\n")[1] == "".join(f"       {line}\n" for line in box)


def test_a_later_end_after_the_end_passed_asks_the_same_and_an_earlier_one_does_not(qtbot, store, dialogs):
    view = open_t07(qtbot, store)
    seen = {}

    def user(dialog):
        seen["now"] = dialog.current_label.text()
        seen["decided shown"] = dialog.decided_edit.isVisibleTo(dialog)
        type_into(qtbot, dialog.value_edit, "30-06-2021")  # before the end 31-12-2021: shortens
        seen["asked for an earlier end"] = dialog.retroactive_check.isVisibleTo(dialog)
        dialog.value_edit.clear()
        type_into(qtbot, dialog.value_edit, "31-12-2026")
        seen["question"] = dialog.retroactive_check.isVisibleTo(dialog) and dialog.retroactive_check.text()
        # The dialog grew to show it whole (it was opened without it).
        seen["room"] = dialog.height() >= dialog.layout().totalHeightForWidth(dialog.width())
        type_into(qtbot, dialog.source_edit, LETTER)
        click(qtbot, dialog.save_button)
        seen["error"] = dialog.boxes["retroactive"].error()
        dialog.retroactive_check.setChecked(True)
        click(qtbot, dialog.save_button)

    dialogs.then(user)
    with qtbot.waitSignal(view.changed):
        click(qtbot, view.findChild(QPushButton, "override_end"))
    assert seen == {
        "now": "Nu: 31-12-2021 – forsøget er udløbet. En senere slutdato end 31-12-2021 gemmes kun, hvis den gælder "
        "med tilbagevirkende kraft fra 01-01-2022.",
        "decided shown": False,  # a correction has no decision date: the day it is typed in counts
        "asked for an earlier end": False,
        "question": "Den nye slutdato gælder med tilbagevirkende kraft fra 01-01-2022",
        "room": True,
        "error": "Den nye slutdato indtastes efter, at forsøget sluttede 31-12-2021. Sæt kryds, hvis den gælder med "
        "tilbagevirkende kraft fra 01-01-2022. Ellers var forsøget udløbet fra 01-01-2022: er det genoptaget senere, "
        "er det et nyt forsøg, som skal lægges ind i forsøgskataloget. Er datoen forkert, så ret den.",
    }
    assert view.period_label.text().splitlines()[2] == (
        "Slutdato rettet til 31-12-2026 (med tilbagevirkende kraft fra 01-01-2022) – rettet i programmet 01-12-2026"
    )


def test_an_extension_decided_before_the_end_is_saved_with_its_decision_date(qtbot, store, dialogs):
    view = open_t07(qtbot, store)

    def user(dialog):
        type_into(qtbot, dialog.value_edit, "31-12-2026")
        type_into(qtbot, dialog.decided_edit, "20-12-2021")  # 11 days before the end 31-12-2021
        type_into(qtbot, dialog.source_edit, LETTER)
        click(qtbot, dialog.save_button)

    dialogs.then(user)
    with qtbot.waitSignal(view.changed):
        click(qtbot, view.findChild(QPushButton, "override_extension"))
    assert view.period_label.text().splitlines()[2:] == [
        "Forlænget til 31-12-2026 (besluttet 20-12-2021) – forlænget i programmet 01-12-2026",
        f"    Kilde: {LETTER}",
        "Gældende slutdato: 31-12-2026",
    ]


def test_a_late_extension_without_a_decision_date_is_pointed_out_in_the_tab_and_by_trials(
    qtbot, store, tmp_path, capsys
):
    # As the coordinator's database holds it: typed in on 01-12-2026 before the program asked for
    # the decision date (a plain end date, as the store still takes it).
    store.add_override("T07", "extension", "31-12-2026", LETTER)
    view = open_t07(qtbot, store)
    box = view.period_label.text().splitlines()
    assert box[2:] == [
        "Forlænget til 31-12-2026 – forlænget i programmet 01-12-2026",
        f"    Kilde: {LETTER}",
        *WARNING,
        "Gældende slutdato: 31-12-2026",
    ]
    assert main(["trials", "--db", str(tmp_path / "gap.db"), "--trial", "T07"]) == 0
    out = capsys.readouterr().out
    assert out.split("\n     Forsøgsperiode:\n")[1] == "".join(f"       {line}\n" for line in box)


def test_the_advice_correcting_the_end_back_ends_the_bridge(store, tmp_path, capsys):
    # Visitation 01-03-2023, "not adjusted" every 6 months. Bridged by the late extension, the
    # trial's rule carries it to 01-01-2027; corrected back to 31-12-2021, the ordinary rule has
    # governed since the visitation: 01-03-2023 + 6 months = 01-09-2023, overdue since then.
    case_id = store.create_case(
        citizen="T07 hul", case_ref="G-071", trial_id="T07", dates={"visitation": date(2023, 3, 1)}
    )
    for day in ("2023-09-01", "2024-03-01", "2024-09-01", "2025-03-01", "2025-09-01", "2026-03-01", "2026-09-01"):
        store.add_event(case_id, day=date.fromisoformat(day), kind="plan_not_adjusted")
    store.add_override("T07", "extension", "31-12-2026", LETTER)
    [item] = store.deadlines(TODAY)
    assert (item.deadline.legal_due, item.deadline.status) == (date(2027, 1, 1), DUE_SOON)
    store.add_override("T07", "end", "31-12-2021", "Forlængelsen blev besluttet efter udløbet (test)")
    [item] = store.deadlines(TODAY)
    assert (item.deadline.legal_due, item.deadline.status) == (date(2023, 9, 1), OVERDUE)
    assert main(["trials", "--db", str(tmp_path / "gap.db"), "--trial", "T07"]) == 0
    out = capsys.readouterr().out
    assert "! Indtastet" not in out
    assert "Slutdato rettet til 31-12-2021 – rettet i programmet 01-12-2026; forlængelsen til 31-12-2026 trækkes" in out
