"""The note window for a case closed as fleksjob (the tester's 2019-0101): the praktik-without-fleksjob
note is offered marked, choosing it shows why, and nothing is copied or saved to the history."""

from __future__ import annotations

import dataclasses
from datetime import date

from PySide6.QtCore import Qt

from caseworker_app.core.history import JOURNAL_NOTE
from caseworker_app.ui.notes import NoteWindow

TODAY = date(2021, 2, 1)  # the UI store fixture's clock


def test_a_case_closed_as_fleksjob_refuses_the_praktik_without_fleksjob_note(qtbot, store):
    settings = dataclasses.replace(store.settings(), caseworker_name="Karen Vestergaard", municipality="Vesthimmerland")
    store.save_settings(settings)
    dates = {"praktik_start": date(2019, 3, 4), "unemployed_since": date(2018, 1, 1)}
    anna = store.create_case(citizen="Anna Andersen", case_ref="2019-0101", trial_id="T09", dates=dates)
    store.add_event(anna, day=date(2019, 3, 29), kind="praktik_end")
    store.close_case(anna, day=date(2019, 4, 15), reason="overgået til fleksjob")

    window = NoteWindow(store, anna, today=lambda: TODAY, situation="praktik_uden_fleksjob")
    qtbot.addWidget(window)
    combo = window.situation_combo
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "Praktik oprettet",
        "Praktik afsluttet uden fleksjob – kan ikke skrives for sagen",
        "Forsøget anvendt",
    ]
    window.reason_edit.setPlainText("test")
    assert window.copy_problems() == [
        "Sagen blev afsluttet 15-04-2019 med årsagen »overgået til fleksjob«, så notatet »Praktik afsluttet uden "
        "fleksjob« ville modsige sagen. Er afslutningsårsagen forkert, så genåbn sagen i sagsvinduet og afslut den "
        "med den rigtige årsag."
    ]
    assert window.note_text() == ""
    qtbot.mouseClick(window.copy_button, Qt.MouseButton.LeftButton)
    assert window.saved_note_id is None
    assert [r for r in store.history(anna) if r.kind == JOURNAL_NOTE] == []
