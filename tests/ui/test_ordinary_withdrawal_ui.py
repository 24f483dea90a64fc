"""Withdrawing a changed ordinary rule on the Forsøg tab: a reason is required, the user confirms,
and the deadline list follows at once (no restart). Dates worked out by hand in the comments."""

from __future__ import annotations

import re
from datetime import date

import pytest
from PySide6.QtWidgets import QMessageBox, QPushButton

from caseworker_app.core.settings import Settings
from caseworker_app.store import CaseStore
from caseworker_app.ui.mainwindow import MainWindow, Tab

from .actions import click, type_into


@pytest.fixture(autouse=True)
def typed_on_30_november(monkeypatch):
    """Changes stored at 11.00 on 30-11-2026 (Danish time), whatever the machine's clock says: the
    texts below name the day a change was typed in ("rettet i programmet 30-11-2026")."""
    monkeypatch.setattr("caseworker_app.store.overrides_store.utc_now", lambda: "2026-11-30T10:00:00+00:00")


TODAY = date(2026, 11, 30)


def rule(since: str, source: str) -> tuple[dict, str]:
    fields = {"from": since, "first": "6 måneder", "every": "10 måneder", "text": "hver 10. måned", "reference": "§ 99"}
    return fields, source


@pytest.fixture
def store(tmp_path):
    with CaseStore(tmp_path / "sager.db", clock=lambda: TODAY) as case_store:
        case_store.save_settings(Settings(caseworker_name="Bo Berg", municipality="Testkommune"))
        yield case_store


def shown_due(window: MainWindow, case_id: int) -> list[date]:
    """The legal dates the Frister tab shows for the case."""
    model, found = window.deadline_model, []
    for row in range(model.rowCount()):
        group = model.index(row, 0)
        for child in range(model.rowCount(group)):
            item = model.item(model.index(child, 0, group))
            if item is not None and item.case.id == case_id:
                found.append(item.deadline.legal_due)
    return found


def test_a_wrong_first_day_is_withdrawn_with_a_reason_and_the_list_follows(qtbot, store, dialogs, message_boxes):
    # T08, follow-up 01-04-2025; "every 10 months" entered from 01-02-2026 by mistake, then from 01-03-2026.
    case_id = store.create_case(
        citizen="Jens Hansen", case_ref="2018-0108", trial_id="T08", dates={"hire": date(2018, 8, 31)}
    )
    store.add_event(case_id, day=date(2025, 4, 1), kind="followup")
    store.add_override("T08", "ordinary", *rule("01-02-2026", "lov A"))
    store.add_override("T08", "ordinary", *rule("01-03-2026", "lov A"))
    window = MainWindow(store, today=lambda: TODAY)
    qtbot.addWidget(window)
    # 01-04-2025 + 10 months = 01-02-2026, under the version entered by mistake.
    assert shown_due(window, case_id) == [date(2026, 2, 1)]
    window.tabs.setCurrentIndex(Tab.TRIALS)
    view = window.trials_view
    assert view is not None
    view.select("T08")
    assert view.entered_labels[date(2026, 3, 1)].text().endswith("– gælder nu")
    seen = {}

    def user(dialog):
        click(qtbot, dialog.save_button)  # no reason: said at the field, nothing asked or written
        seen["error"] = dialog.boxes["source"].error()
        seen["asked"] = list(message_boxes.calls)
        seen["rows"] = len(store.overrides())
        type_into(qtbot, dialog.reason_edit, "Forkert første dag; reglen gælder fra 01-03-2026")
        message_boxes.answer(QMessageBox.StandardButton.No)  # not confirmed: nothing written, still open
        click(qtbot, dialog.save_button)
        seen["rows after no"] = len(store.overrides())
        seen["open after no"] = dialog.isVisible()
        message_boxes.answer(QMessageBox.StandardButton.Yes)
        click(qtbot, dialog.save_button)

    dialogs.then(user)
    with qtbot.waitSignal(view.changed):
        click(qtbot, view.findChild(QPushButton, "withdraw_ordinary_2026-02-01"))
    assert seen["error"] == "Skriv, hvorfor registreringen tilbagekaldes, fx at den blev indtastet ved en fejl"
    assert seen["asked"] == [] and seen["rows"] == 2
    assert seen["rows after no"] == 2 and seen["open after no"]
    assert message_boxes.calls[-1][1:] == (
        "Tilbagekald almindelig regel",
        "Tilbagekald den almindelige regel fra 01-02-2026 for forsøg T08?\n\n"
        "Begrundelse: Forkert første dag; reglen gælder fra 01-03-2026",
    )
    assert len(store.overrides()) == 3  # nothing deleted: the withdrawal is a row of its own
    # § 10 gives 01-04-2026, after 01-03-2026: the corrected version applies; its 01-02-2026 falls
    # before it applies, so the deadline is the day it applies.
    assert shown_due(window, case_id) == [date(2026, 3, 1)]
    assert list(view.entered_labels) == [date(2026, 3, 1)]
    [struck] = view.withdrawn_labels
    assert "<s>Ændret almindelig regel fra 01-02-2026: hver 10. måned" in struck.text()
    assert "– tilbagekaldt 30-11-2026 af Bo Berg: Forkert første dag; reglen gælder fra 01-03-2026" in struck.text()
    history = view.override_label.text()
    assert (
        ": tilbagekaldelse af den ændrede almindelige regel fra 01-02-2026\n"
        "    Begrundelse: Forkert første dag; reglen gælder fra 01-03-2026"
    ) in history
    assert "    Tilbagekaldt 30-11-2026 af Bo Berg: Forkert første dag" in history


def test_the_same_first_day_entered_again_is_listed_once_as_a_correction(qtbot, store):
    store.add_override("T08", "ordinary", *rule("01-03-2026", "lov A (tastefejl)"))
    store.add_override("T08", "ordinary", *rule("01-03-2026", "lov nr. 1750 af 29-12-2025"))
    window = MainWindow(store, today=lambda: TODAY)
    qtbot.addWidget(window)
    window.tabs.setCurrentIndex(Tab.TRIALS)
    view = window.trials_view
    assert view is not None
    view.select("T08")
    [label] = view.entered_labels.values()
    assert label.text().endswith("kilde: lov nr. 1750 af 29-12-2025) – gælder nu")
    assert label.font().bold()  # the version the deadlines follow today
    # The catalog's rule no longer governs today: no caution asking to check the cases.
    text = view.ordinary_label.text()
    assert text.endswith(
        "Almindelig regel kendt fra 01-07-2018, senest kontrolleret 26-08-2021 – gjaldt til og med 28-02-2026"
    )
    assert "kontrollér fristerne i sagerne" not in text
    history = view.override_label.text()
    # When each was stored, to the minute (a tester: two entries of one day read alike).
    assert re.search(r"    Erstattet af registreringen af \d\d-\d\d-\d{4} kl\. \d\d\.\d\d", history)
    assert re.search(r"    Erstatter registreringen af \d\d-\d\d-\d{4} kl\. \d\d\.\d\d", history)


def test_a_reason_of_several_lines_stays_indented_under_its_heading_in_the_history(qtbot, store):
    # The store keeps line breaks in a source or reason (the command line may write them): each
    # following line stays under its entry, not at the margin where it reads as an entry of its own.
    store.add_override("T08", "ordinary", *rule("01-02-2026", "lov A\nside 2"))
    store.add_override("T08", "ordinary", {"withdraw": "2026-02-01"}, "Forkert første dag\nrettet af Bo")
    window = MainWindow(store, today=lambda: TODAY)
    qtbot.addWidget(window)
    window.tabs.setCurrentIndex(Tab.TRIALS)
    view = window.trials_view
    assert view is not None
    view.select("T08")
    lines = view.override_label.text().splitlines()
    assert "    Kilde: lov A" in lines and "      side 2" in lines
    assert "    Begrundelse: Forkert første dag" in lines and "      rettet af Bo" in lines
    assert "    Tilbagekaldt 30-11-2026 af Bo Berg: Forkert første dag" in lines
    assert not [line for line in lines if line and not line.startswith(" ") and "30-11-2026" not in line]
