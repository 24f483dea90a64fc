"""A case database holding the fixed cases the journal-note reference files are rendered from."""

from __future__ import annotations

from pathlib import Path

from caseworker_app.store import CaseStore
from tests.core.test_notes import CASES, CASEWORKER, municipality_of


def note_database(path: Path, trial_ids: tuple[str, ...] = ("T08", "T07")) -> dict[str, int]:
    """Write the reference cases of these trials and the caseworker's settings (a municipality the
    first trial names: test_notes.municipality_of); trial -> case id."""
    ids = {}
    with CaseStore(path) as store:
        settings = store.settings()
        settings.caseworker_name = CASEWORKER
        settings.municipality = municipality_of(trial_ids[0])
        store.save_settings(settings)
        for trial_id in trial_ids:
            record, _ = CASES[trial_id]
            case_id = store.create_case(
                citizen=record.citizen,
                case_ref=record.case_ref,
                trial_id=trial_id,
                dates=dict(record.dates),
                caseworker=CASEWORKER,
            )
            for event in record.events:
                store.add_event(
                    case_id, day=event.day, kind=event.kind, form=event.form, initiated_by=event.initiated_by
                )
            ids[trial_id] = case_id
    return ids
