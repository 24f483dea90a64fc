"""The Forsøg tab and its dialogs: readable sources, checked-until dates, a changed ordinary rule."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QLabel, QPushButton

from caseworker_app.store import CaseStore
from caseworker_app.ui.trials_view import TrialsView

from .actions import click, type_into

TODAY = date(2026, 11, 30)


@pytest.fixture
def store(tmp_path):
    """A case database whose 'today' is TODAY (after the trials' last verified end)."""
    with CaseStore(tmp_path / "sager.db", clock=lambda: TODAY) as case_store:
        yield case_store


def open_trials(qtbot, store) -> TrialsView:
    view = TrialsView(store, today=lambda: TODAY)
    qtbot.addWidget(view)
    view.resize(1200, 800)
    view.show()
    return view


def detail_text(view: TrialsView) -> str:
    return "\n".join(label.text() for label in view.detail.findChildren(QLabel))


def test_no_trial_shows_an_internal_reference(qtbot, store):
    view = open_trials(qtbot, store)
    for row in range(view.trial_list.count()):
        view.trial_list.setCurrentRow(row)
        text = detail_text(view)
        assert "SEED" not in text and "paragraf ikke udfyldt" not in text, view.current_trial_id()


def test_the_ordinary_rule_says_until_when_it_was_checked_and_names_the_reform(qtbot, store):
    view = open_trials(qtbot, store)
    view.select("T08")
    text = view.ordinary_label.text()
    assert "Almindelig regel kendt fra 01-07-2018. Almindelig regel kontrolleret til og med 26-08-2021 – " in text
    assert "beskæftigelsesreformen (lov nr. 1750 af 29-12-2025" in text
    # No deadline is shown on the trial's page: it asks to check the cases' deadlines.
    assert text.endswith("kan have ændret den: kontrollér fristerne i sagerne.")
    assert "kontrollér fristen" not in text
    # A trial whose ordinary rule is only described gets the general sentence.
    view.select("T03")
    assert "kan have ændret den: kontrollér." in view.ordinary_label.text()


def test_an_extension_asks_for_its_legal_basis(qtbot, store, dialogs):
    view = open_trials(qtbot, store)
    view.select("T08")
    seen = {}

    def user(dialog):
        seen["label"] = dialog.source_label.text()
        seen["hint"] = dialog.boxes["source"].hint_label.text()
        type_into(qtbot, dialog.value_edit, "31-12-2027")
        type_into(qtbot, dialog.decided_edit, "01-10-2025")
        type_into(qtbot, dialog.source_edit, "Beskæftigelsesministerens brev af 01-10-2025")
        click(qtbot, dialog.save_button)

    dialogs.then(user)
    with qtbot.waitSignal(view.changed):
        click(qtbot, view.findChild(QPushButton, "override_extension"))
    assert seen["label"] == "&Hjemmel:"
    assert "forlænget til <slutdato> ifølge <hjemmel>" in seen["hint"]
    trial = store.catalog()["T08"]
    assert trial.citation_text_on(date(2026, 11, 30)).endswith(
        "(BEK nr. 529 af 23/05/2018), forlænget til 31-12-2027 ifølge Beskæftigelsesministerens brev af 01-10-2025"
    )


def test_a_changed_ordinary_rule_is_entered_with_its_date_and_source(qtbot, store, dialogs):
    view = open_trials(qtbot, store)
    view.select("T08")
    seen = {}

    def user(dialog):
        click(qtbot, dialog.save_button)  # nothing typed: each field says what is missing
        seen["errors"] = {name: box.error() for name, box in dialog.boxes.items() if box.error()}
        type_into(qtbot, dialog.from_edit, "01-01-2027")
        type_into(qtbot, dialog.duration_edits["first"], "3 måneder")
        type_into(qtbot, dialog.duration_edits["every"], "6 måneder")
        type_into(qtbot, dialog.text_edit, "opfølgning senest hver 6. måned")
        type_into(qtbot, dialog.reference_edit, "§ 12 i lov om en aktiv beskæftigelsesindsats")
        type_into(qtbot, dialog.source_edit, "Lov om en aktiv beskæftigelsesindsats, i kraft 01-01-2027")
        click(qtbot, dialog.save_button)

    dialogs.then(user)
    with qtbot.waitSignal(view.changed):
        click(qtbot, view.findChild(QPushButton, "override_ordinary"))
    assert set(seen["errors"]) == {"from", "first", "every", "text", "reference", "source"}
    [override] = store.overrides()
    assert override.field == "ordinary"
    assert (
        "ændret almindelig regel fra 01-01-2027: opfølgning senest hver 6. måned (første gang efter "
        "3 måneder, derefter hver 6. måned); hjemmel: § 12 i lov om en aktiv beskæftigelsesindsats"
        in view.override_label.text()
    )
    # The durations the deadlines are computed with stand beside the municipality's own words.
    assert (
        "Almindelig regel fra 01-01-2027, indtastet af kommunen: opfølgning senest hver 6. måned (første gang "
        "efter 3 måneder, derefter hver 6. måned; § 12 i lov om en aktiv beskæftigelsesindsats; kilde: Lov om "
        "en aktiv beskæftigelsesindsats, i kraft 01-01-2027) – gælder fra 01-01-2027"
        == view.entered_labels[date(2027, 1, 1)].text()
    )
    # The catalog's rule is in force until then, with the reform's caution (decision 13).
    assert view.ordinary_label.text().endswith(
        "kan have ændret den: kontrollér fristerne i sagerne. Gælder nu, til og med 31-12-2026."
    )
    # A case whose follow-up was 15-10-2026: under the new rule + 6 months = 15-04-2027.
    case_id = store.create_case(
        citizen="Jens Hansen", case_ref="2018-0108", trial_id="T08", dates={"hire": date(2018, 8, 31)}
    )
    store.add_event(case_id, day=date(2026, 10, 15), kind="followup")
    [item] = [i for i in store.deadlines(TODAY) if i.case.id == case_id]
    assert item.deadline.legal_due == date(2027, 4, 15)
    assert item.deadline.citation == "§ 12 i lov om en aktiv beskæftigelsesindsats"


def test_the_new_rule_dialog_says_the_rule_in_force_now_and_one_entered_for_later(qtbot, store, dialogs):
    """Found by a tester: with a new ordinary rule in force since 01-03-2026 (entered earlier), the
    dialog's 'Nu:' still showed the catalog's rule; a rule entered for a later day was not named."""

    def rule(since: str, text: str, reference: str) -> dict:
        return {"from": since, "first": "6 måneder", "every": "12 måneder", "text": text, "reference": reference}

    store.add_override("T08", "ordinary", rule("01-03-2026", "ny regel fra marts", "§ 99"), "lov A")
    store.add_override("T08", "ordinary", rule("01-01-2027", "reformens regel", "§ 12"), "lov B")
    view = open_trials(qtbot, store)
    view.select("T08")
    seen = {}

    def look(dialog):
        seen["intro"] = dialog.intro.text()

    dialogs.then(look)
    click(qtbot, view.findChild(QPushButton, "override_ordinary"))
    assert seen["intro"].splitlines()[1:] == [
        "Nu: ny regel fra marts (§ 99)",
        "Fra 01-01-2027: reformens regel (§ 12)",
    ]
