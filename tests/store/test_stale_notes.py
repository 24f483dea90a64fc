"""Notes copied to FASIT that a later change of the trial makes state another deadline than the
window (core/note_staleness.py, CaseStore.stale_notes): the tester's cases, hand-worked."""

from __future__ import annotations

from datetime import date

import pytest

from caseworker_app.core.note_staleness import StaleNote, stale_notes_message
from caseworker_app.core.notes import render_note
from caseworker_app.store import CaseStore

TODAY = date(2026, 12, 1)
# T08 (førtidspensionister i løntilskud): hired 01-01-2024; the last follow-up of each case.
FOLLOW_UPS = {
    "L-002": date(2026, 1, 20),
    "L-005": date(2025, 3, 15),
    "L-006": date(2024, 10, 15),
    "L-007": date(2026, 6, 10),
}
ORDINARY = {"from": "01-01-2027", "text": "hver 24. måned", "reference": "§ X (TEST)", "first": "6 måneder"}


def _store(path, every: str) -> tuple[CaseStore, dict[str, int]]:
    store = CaseStore(path, clock=lambda: TODAY)
    ids = {}
    for ref, day in FOLLOW_UPS.items():
        ids[ref] = store.create_case(
            citizen=f"Borger {ref}", case_ref=ref, trial_id="T08", dates={"hire": date(2024, 1, 1)}, caseworker="Test"
        )
        store.add_event(ids[ref], day=day, kind="followup")
    # Decided before T08's end 31-12-2025, so no note waits for a check of it (decision 4).
    store.add_override("T08", "extension", {"end": "31-12-2026", "decided": "15-12-2025"}, "Testbrev (TEST)")
    store.add_override("T08", "ordinary", {**ORDINARY, "every": every}, "Testkilde")
    return store, ids


def _copy_note(store: CaseStore, case_id: int) -> str:
    """The note as the window copies it, kept as copying keeps it."""
    case = store.get_case(case_id)
    text = render_note(
        store.catalog()["T08"],
        case,
        "opfoelgning",
        note_date=TODAY,
        caseworker="Test",
        municipality="Kommune",
        free_text="Resumé",
    )
    store.add_journal_note(case_id, situation="opfoelgning", text=text, day=TODAY)
    return text


@pytest.fixture
def extord(tmp_path):
    store, ids = _store(tmp_path / "sager.db", "24 måneder")
    yield store, ids
    store.close()


def test_a_corrected_ordinary_rule_names_the_cases_whose_notes_now_state_another_deadline(extord):
    store, ids = extord
    texts = {ref: _copy_note(store, ids[ref]) for ref in FOLLOW_UPS}
    # After the trial's end 31-12-2026, every 24 months: 15-03-2025 + 24 months = 15-03-2027.
    assert "senest 15-03-2027" in texts["L-005"]
    assert store.stale_notes("T08") == []  # as copied: nothing stale

    # The same first day, corrected to every 12 months (a correction replaces the entry).
    store.add_override("T08", "ordinary", {**ORDINARY, "every": "12 måneder"}, "Rettelse")

    stale = {n.case_ref: (n.stated_due, n.now_due) for n in store.stale_notes("T08")}
    assert stale == {
        # 20-01-2026 + 12 months = 20-01-2027 (was + 24 = 20-01-2028)
        "L-002": ("20-01-2028", "20-01-2027"),
        # 15-03-2025 + 12 = 15-03-2026, inside the trial, so the day after its end (decision 3)
        "L-005": ("15-03-2027", "01-01-2027"),
        # 10-06-2026 + 12 = 10-06-2027 (was 10-06-2028)
        "L-007": ("10-06-2028", "10-06-2027"),
    }  # L-006: 15-10-2024 + 24 = 15-10-2026 is inside the trial: 01-01-2027 before and after
    assert "L-006" not in stale


def test_a_correcting_note_and_a_closed_case_are_no_longer_named(extord):
    store, ids = extord
    for ref in FOLLOW_UPS:
        _copy_note(store, ids[ref])
    store.add_override("T08", "ordinary", {**ORDINARY, "every": "12 måneder"}, "Rettelse")
    _copy_note(store, ids["L-005"])  # the correcting note, written after the change
    store.close_case(ids["L-007"], reason="fraflyttet kommunen", day=TODAY)
    assert [n.case_ref for n in store.stale_notes("T08")] == ["L-002"]


def test_a_shortened_trial_end_is_said_with_the_window_s_new_deadline(tmp_path):
    store, ids = _store(tmp_path / "sager.db", "24 måneder")
    with store:
        text = _copy_note(store, ids["L-002"])
        # After the trial's end 31-12-2026, every 24 months: 20-01-2026 + 24 months = 20-01-2028.
        assert "senest 20-01-2028" in text
        store.add_override("T08", "end", "31-12-2025", "Rettet slutdato (TEST)")
        (note,) = store.stale_notes("T08")
        # The follow-up 20-01-2026 is now after the trial's end 31-12-2025: no note can cite the trial for it.
        assert note.case_ref == "L-002" and note.now_refused.startswith("Forsøg T08 gjaldt fra")
        assert "kan ikke skrives sådan nu" in note.line()


def test_the_message_is_short_with_many_cases_and_lists_them_all_in_its_details():
    notes = [StaleNote(i, f"L-{i:03d}", f"Borger {i}", TODAY, "15-03-2027", "01-01-2027") for i in range(1, 8)]
    text, details = stale_notes_message(notes)
    assert text.startswith(
        "Journalnotater, der allerede er kopieret til FASIT, siger nu en anden frist eller hjemmel end vinduet "
        "i 7 sager: L-001, L-002, L-003, L-004, L-005 og 2 andre."
    )
    assert "rettende notat i FASIT i hver af sagerne" in text and "»Vis detaljer«" in text
    assert (
        details.splitlines()[6]
        == "L-007 (Borger 7): notatet 01-12-2026 siger fristen 15-03-2027, vinduet viser nu 01-01-2027"
    )
    assert stale_notes_message([]) == ("", "")
