"""The note window on a T09 praktik registered longer than 4 weeks (decision 19): a box of its own
for the lengthening, the note not copied until it is ticked, then the period stated. Praktik
07-06-2021 to 09-07-2021: 33 days; 4 weeks end 04-07-2021."""

from __future__ import annotations

from datetime import date

from caseworker_app.core.settings import Settings
from caseworker_app.store import CaseStore
from caseworker_app.ui.notes import NoteWindow

TODAY = date(2021, 7, 20)


def test_the_window_asks_for_the_lengthening_before_the_note_is_copied(qtbot, tmp_path):
    with CaseStore(tmp_path / "t09.db", clock=lambda: TODAY) as store:
        store.save_settings(Settings(caseworker_name="Anne Jensen", municipality="Vesthimmerlands Kommune"))
        case_id = store.create_case(
            citizen="Karin Holm",
            case_ref="P-long",
            trial_id="T09",
            dates={"praktik_start": date(2021, 6, 7), "unemployed_since": date(2021, 1, 1)},
        )
        store.add_event(case_id, day=date(2021, 7, 9), kind="praktik_end")
        window = NoteWindow(store, case_id, today=lambda: TODAY, situation="praktik_start")
        qtbot.addWidget(window)
        window.show()
        window.free_text_edit.setPlainText("Aars Tømrer.")
        panel = window.confirm_panel
        panel.boxes["visiteret"].setChecked(True)
        panel.boxes["formaal"].setChecked(True)
        assert panel.labels["praktik_forlaenget"].text() == (
            "Jeg har kontrolleret, at praktikken er forlænget ud over 4 uger på grund af sygdom eller ferielukning"
        )
        assert not window.copy_button.isEnabled()
        assert window.status_label.text() == (
            "⚠ Udfyld før notatet kan kopieres: bekræftelse af betingelserne: Praktikken er forlænget ud over 4 uger "
            "på grund af sygdom eller ferielukning (praktikstart 07-06-2021 til praktik afsluttet 09-07-2021 er 33 "
            "dage, længere end forsøgets største varighed på 4 uger, som sluttede 04-07-2021)."
        )
        panel.boxes["praktik_forlaenget"].setChecked(True)
        assert window.copy_button.isEnabled()
        assert (
            "er 33 dage, længere end forsøgets største varighed på 4 uger, som sluttede 04-07-2021 (bekræftet af "
            "sagsbehandleren).\n"
        ) in window.note_text()
