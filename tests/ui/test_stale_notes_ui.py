"""After a change of a trial the caseworker is told which cases' copied notes now state another
deadline than the window (ui/stale_notes.py); the note window copies only the note the database
gives at the moment of copying (ui/notes/freshness.py)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox

from caseworker_app.core.history import JOURNAL_NOTE
from caseworker_app.core.overrides import changeable_rule
from caseworker_app.store import CaseStore
from caseworker_app.ui.case import CaseWindow
from caseworker_app.ui.notes import NoteWindow
from caseworker_app.ui.ordinary_rule_dialog import OrdinaryRuleDialog
from caseworker_app.ui.override_dialog import OverrideDialog
from caseworker_app.ui.withdraw_ordinary_dialog import WithdrawOrdinaryDialog
from tests.store.test_stale_notes import FOLLOW_UPS, ORDINARY, TODAY, _copy_note, _store

from .actions import click, type_into


@pytest.fixture
def extord(tmp_path):
    """T08 with the extension to 31-12-2026 and every 24 months from 01-01-2027; a note copied in each case."""
    store, ids = _store(tmp_path / "sager.db", "24 måneder")
    for ref in FOLLOW_UPS:
        _copy_note(store, ids[ref])
    yield store, ids
    store.close()


def _told(dialogs) -> QMessageBox:
    [box] = [d for d in dialogs.opened if isinstance(d, QMessageBox)]
    assert box.windowTitle() == "Ret journalnotater i FASIT"
    return box


def test_correcting_the_ordinary_rule_names_the_cases_whose_copied_notes_are_stale(qtbot, extord, dialogs):
    store, _ids = extord
    dialog = OrdinaryRuleDialog(store, store.catalog()["T08"], today=TODAY)
    qtbot.addWidget(dialog)
    type_into(qtbot, dialog.from_edit, "01-01-2027")
    type_into(qtbot, dialog.duration_edits["first"], "6 måneder")
    type_into(qtbot, dialog.duration_edits["every"], "12 måneder")
    type_into(qtbot, dialog.text_edit, "hver 12. måned")
    type_into(qtbot, dialog.reference_edit, "§ X (TEST)")
    type_into(qtbot, dialog.source_edit, "Rettelse")
    click(qtbot, dialog.save_button)

    box = _told(dialogs)
    # Hand-worked in tests/store/test_stale_notes.py: L-002, L-005 and L-007 move, L-006 does not.
    assert box.text().startswith(
        "Journalnotater, der allerede er kopieret til FASIT, siger nu en anden frist eller hjemmel end vinduet "
        "i 3 sager: L-002, L-005 og L-007."
    )
    assert box.detailedText().splitlines()[1] == (
        "L-005 (Borger L-005): notatet 01-12-2026 siger fristen 15-03-2027, vinduet viser nu 01-01-2027"
    )
    assert not dialog.isVisible()  # saved and closed after the box


def test_a_new_end_date_and_a_withdrawal_tell_it_too(qtbot, extord, dialogs, message_boxes):
    store, _ids = extord
    dialog = OverrideDialog(store, store.catalog()["T08"], "end")
    qtbot.addWidget(dialog)
    type_into(qtbot, dialog.value_edit, "31-12-2025")
    type_into(qtbot, dialog.source_edit, "Rettet slutdato (TEST)")
    click(qtbot, dialog.save_button)
    assert "i 4 sager: L-002, L-005, L-006 og L-007." in _told(dialogs).text()

    dialogs.opened.clear()
    trial = store.catalog()["T08"]
    spec = changeable_rule(trial)
    assert spec is not None
    [version] = [c for c in spec.ordinary_changes if c.known_from == date(2027, 1, 1)]
    withdraw = WithdrawOrdinaryDialog(store, trial, version)
    qtbot.addWidget(withdraw)
    type_into(qtbot, withdraw.reason_edit, "Indtastet ved en fejl")
    message_boxes.answer(QMessageBox.StandardButton.Yes)  # the question before withdrawing
    click(qtbot, withdraw.save_button)
    assert _told(dialogs).text().startswith("Journalnotater, der allerede er kopieret til FASIT")


def test_a_change_that_moves_no_copied_note_tells_nothing(qtbot, extord, dialogs):
    store, _ids = extord
    dialog = OverrideDialog(store, store.catalog()["T08"], "marking")  # the T08 notes state no marking
    qtbot.addWidget(dialog)
    dialog.value_edit.setText("NY MARKERING")
    type_into(qtbot, dialog.source_edit, "Kommunens beslutning")
    click(qtbot, dialog.save_button)
    assert not [d for d in dialogs.opened if isinstance(d, QMessageBox)]


def l008_note_window(qtbot, tmp_path) -> tuple[CaseStore, int, NoteWindow]:
    """T08 hired 01-01-2024, follow-up 15-12-2025 (the trial ends 31-12-2025, as shipped): its
    follow-up note open, a summary typed and the deadline's check ticked."""
    store = CaseStore(tmp_path / "sager.db", clock=lambda: TODAY)
    case_id = store.create_case(
        citizen="Borger", case_ref="L-008", trial_id="T08", dates={"hire": date(2024, 1, 1)}, caseworker="Test"
    )
    store.add_event(case_id, day=date(2025, 12, 15), kind="followup")
    store.save_settings(replace(store.settings(), caseworker_name="Test", municipality="Kommune"))
    window = NoteWindow(store, case_id, today=lambda: TODAY, situation="opfoelgning")
    qtbot.addWidget(window)
    window.show()
    window.free_text_edit.setPlainText("Resumé")
    window.confirm_panel.deadline_box.setChecked(True)  # the shipped ordinary rule: checked after the reform
    return store, case_id, window


def test_an_extension_entered_in_another_copy_is_not_copied_stale(qtbot, tmp_path):
    # T08 hired 01-01-2024, follow-up 15-12-2025; the trial ends 31-12-2025 (as shipped, extended).
    store, case_id, window = l008_note_window(qtbot, tmp_path)
    # 15-12-2025 + 12 months (the ordinary rule after the trial's end 31-12-2025) = 15-12-2026.
    assert "senest 15-12-2026" in window.note_text()
    QGuiApplication.clipboard().setText("før")

    with CaseStore(tmp_path / "sager.db", clock=lambda: TODAY) as other:
        other.add_override("T08", "extension", "31-12-2026", "Testbrev (TEST)")
    click(qtbot, window.copy_button)

    assert QGuiApplication.clipboard().text() == "før"  # nothing copied
    assert [r for r in store.history(case_id) if r.kind == JOURNAL_NOTE] == []  # nothing kept
    assert window.status_label.text() == (
        "⚠ Ikke kopieret: notatet er lavet om efter nye oplysninger. Læs den nye tekst, og kopiér igen. "
        "Forsøg T08 er ændret, efter vinduet blev åbnet (fx i et andet vindue): forlængelse til 31-12-2026. "
        # The tick confirmed 15-12-2026, not the deadline the note states now (core/confirmations.py).
        "Hakket ved kontrollen af fristen er fjernet: notatets frist er nu 01-01-2027, ikke 15-12-2026, som du "
        "kontrollerede. Udfyld før notatet kan kopieres: bekræftelse af, at du har kontrolleret fristen efter de "
        "regler, der gælder i dag."
    )
    # Now the trial runs to 31-12-2026: 15-12-2026 falls inside it, so the day after its end, 01-01-2027.
    assert "senest 01-01-2027" in window.note_text()
    assert not window.confirm_panel.deadline_box.isChecked()
    assert "Fristen er kontrolleret af sagsbehandleren" not in window.note_text()
    assert not window.copy_button.isEnabled()  # nobody has confirmed 01-01-2027

    window.confirm_panel.deadline_box.setChecked(True)  # 01-01-2027 checked
    assert window.status_label.text() == "✓ Klar til at kopiere."
    click(qtbot, window.copy_button)  # read, checked, copied again: the new note
    assert "senest 01-01-2027" in QGuiApplication.clipboard().text()
    [kept] = [r for r in store.history(case_id) if r.kind == JOURNAL_NOTE]
    assert '"due": "01-01-2027"' in (kept.stated or "")
    store.close()


def test_the_case_window_marks_the_stale_note_in_its_history(qtbot, extord):
    store, ids = extord
    store.add_override("T08", "ordinary", {**ORDINARY, "every": "12 måneder"}, "Rettelse")
    window = CaseWindow(store, ids["L-005"], today=lambda: TODAY)
    qtbot.addWidget(window)
    model = window.history.model
    [note] = [i for i, r in enumerate(model.rows()) if r.kind == JOURNAL_NOTE]
    assert model.index(note, 1).data().endswith(" – ret i FASIT")
    assert (
        model.index(note, 4)
        .data()
        .startswith("⚠ Notatet siger fristen 15-03-2027, vinduet viser nu 01-01-2027: skriv et rettende notat i FASIT")
    )
    # L-006's note states the same as the window (01-01-2027 before and after): no mark.
    other = CaseWindow(store, ids["L-006"], today=lambda: TODAY)
    qtbot.addWidget(other)
    assert not any(
        "ret i FASIT" in other.history.model.index(i, 1).data() for i in range(len(other.history.model.rows()))
    )


def test_a_note_edited_by_hand_is_not_copied_when_its_deadline_moved_meanwhile(qtbot, tmp_path):
    store, case_id, window = l008_note_window(qtbot, tmp_path)
    window.note_edit.setPlainText(window.note_text() + "\nTilføjet i hånden.")
    assert window.draft.hand_edited
    with CaseStore(tmp_path / "sager.db", clock=lambda: TODAY) as other:
        other.add_override("T08", "extension", "31-12-2026", "Testbrev (TEST)")
    QGuiApplication.clipboard().setText("før")
    click(qtbot, window.copy_button)

    assert QGuiApplication.clipboard().text() == "før"
    assert [r for r in store.history(case_id) if r.kind == JOURNAL_NOTE] == []
    assert window.status_label.text().startswith(
        "⚠ Ikke kopieret: din rettede tekst siger en anden frist eller hjemmel end vinduet nu. Tryk »Lav teksten "
        "forfra«, og læs den nye tekst, før du kopierer. Forsøg T08 er ændret"
    )
    assert "Tilføjet i hånden." in window.note_text()  # the caseworker's text is not thrown away
    store.close()
