"""The note window on a T04 exemption while the municipality has not written the persongruppemarkering
(decision 9): it says the marking is missing and where it is written, and copies nothing; once
written, the note carries it (a domain auditor saw "✓ Klar til at kopiere" with no marking line)."""

from __future__ import annotations

from datetime import date

from caseworker_app.core.settings import Settings
from caseworker_app.store import CaseStore
from caseworker_app.ui.notes import NoteWindow

TODAY = date(2021, 3, 1)
MISSING = (
    "FASIT-markeringen (forsøget kræver en markering, men kilderne giver ikke dens tekst: kommunen skriver den "
    "i vinduet under fanen Forsøg, »Ret markering …«)"
)


def test_the_window_says_the_marking_is_missing_until_it_is_written(qtbot, tmp_path):
    with CaseStore(tmp_path / "t04.db", clock=lambda: TODAY) as store:
        store.save_settings(Settings(caseworker_name="Anne Jensen", municipality="Vesthimmerlands Kommune"))
        case_id = store.create_case(
            citizen="Lone Madsen", case_ref="C-T04", trial_id="T04", dates={"agreed": date(2021, 4, 1)}
        )
        window = NoteWindow(store, case_id, today=lambda: TODAY, situation="fritagelse")
        qtbot.addWidget(window)
        window.show()
        window.reason_edit.setPlainText("Indlagt.")
        assert window.status_label.text() == f"⚠ Udfyld før notatet kan kopieres: {MISSING}."
        assert not window.copy_button.isEnabled()
        assert f"\n[mangler: {MISSING}]\n" in window.note_text()
        window.close()

        store.add_override("T04", "marking", "Fritaget for ret- og pligtmentor", "Kommunens beslutning")
        window = NoteWindow(store, case_id, today=lambda: TODAY, situation="fritagelse")
        qtbot.addWidget(window)
        window.show()
        window.reason_edit.setPlainText("Indlagt.")
        assert window.copy_button.isEnabled()
        assert "\nFASIT-markering: Fritaget for ret- og pligtmentor\n\nHjemmel: " in window.note_text()
