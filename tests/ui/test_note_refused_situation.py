"""The note window for a case closed as fleksjob (the tester's 2019-0101): the praktik-without-fleksjob
note is offered marked, choosing it shows why, and nothing is copied or saved to the history."""

from __future__ import annotations

import dataclasses
from datetime import date

from PySide6.QtCore import Qt

from caseworker_app.core.history import JOURNAL_NOTE
from caseworker_app.store import CaseStore
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


def test_a_t12_note_whose_agreed_date_lies_after_the_trial_is_offered_marked(qtbot, tmp_path):
    # T12 (01-07-2017 to 31-12-2023) with a date agreed for 22-11-2026: the trial is no basis for the
    # note's deadline. The window marks it as `note --list` does, and says why when chosen.
    store = CaseStore(tmp_path / "t12.db", clock=lambda: date(2026, 12, 1))
    settings = dataclasses.replace(store.settings(), caseworker_name="Anne Jensen", municipality="Aalborg Kommune")
    store.save_settings(settings)
    rikke = store.create_case(
        citizen="Rikke Bruun", case_ref="2026-0659", trial_id="T12", dates={"agreed": date(2026, 11, 22)}
    )
    window = NoteWindow(store, rikke, today=lambda: date(2026, 12, 1))
    qtbot.addWidget(window)
    combo = window.situation_combo
    assert [combo.itemText(i) for i in range(combo.count())] == ["Forsøget anvendt – kan ikke skrives for sagen"]
    window.free_text_edit.setPlainText("Samtale om jobsøgning.")
    assert window.copy_problems() == [
        "Forsøget kan ikke være hjemmel for næste frist: Aftalt dato 22-11-2026 ligger uden for forsøgsperioden "
        "01-07-2017–31-12-2023, så forsøgsreglen gælder ikke; kataloget har ingen almindelig regel, så datoen er "
        "kun en påmindelse efter forsøgsreglen: dato aftalt af sagsbehandleren: 22-11-2026. Forsøget sluttede "
        "31-12-2023: skriv notatet i FASIT som i andre sager, uden henvisning til forsøget."
    ]
    window.close()
    store.close()
