"""A marking the sources require but give no text for (T03, T04, T06: a persongruppemarkering,
decision 9) is missing from a note until the municipality writes it: the note is not written
without it, and what is missing says where the municipality writes it (a domain auditor: the T04
exemption note was complete with no marking line)."""

from __future__ import annotations

from datetime import date

import pytest

from caseworker_app.core.cases import CaseRecord
from caseworker_app.core.catalog_load import load_catalog
from caseworker_app.core.note_errors import MissingFieldError
from caseworker_app.core.notes import draft_note, render_note

SHIPPED = load_catalog()
WHO = {"caseworker": "Anne Jensen", "municipality": "Vesthimmerlands Kommune"}
MISSING = (
    "FASIT-markeringen (forsøget kræver en markering, men kilderne giver ikke dens tekst: kommunen skriver den "
    "i vinduet under fanen Forsøg, »Ret markering …«)"
)
# Agreed review 01-04-2021 (skærtorsdag: in practice Wednesday 31-03-2021), the auditor's case.
T04_CASE = CaseRecord(id=4, citizen="Lone Madsen", case_ref="C-T04", trial_id="T04", dates={"agreed": date(2021, 4, 1)})


def test_a_t04_exemption_note_without_the_marking_is_refused_and_says_where_it_is_written():
    with pytest.raises(MissingFieldError) as refused:
        render_note(SHIPPED["T04"], T04_CASE, "fritagelse", note_date=date(2021, 3, 1), reason="BEGR", **WHO)
    assert refused.value.fields == ("marking_line",)
    assert str(refused.value) == f"Notatet kan ikke laves, før dette er udfyldt: {MISSING}."


def test_the_preview_shows_the_missing_marking_on_the_marking_line():
    text, missing = draft_note(SHIPPED["T04"], T04_CASE, "fritagelse", note_date=date(2021, 3, 1), reason="BEGR", **WHO)
    assert missing == (MISSING,)
    assert (
        "Fritagelsen vurderes igen senest 01-04-2021. I praksis senest onsdag 31-03-2021, fordi 01-04-2021 er "
        f"skærtorsdag.\n[mangler: {MISSING}]\n\nHjemmel: "
    ) in text


@pytest.mark.parametrize(
    ("trial_id", "situation"),
    [("T03", "forsoeg_anvendt"), ("T06", "forlaengelse"), ("T06", "forsoeg_anvendt")],
)
def test_the_other_notes_needing_a_persongruppemarkering_ask_for_it_too(trial_id, situation):
    case = CaseRecord(
        id=1, citizen="Ali Hassan", case_ref="C", trial_id=trial_id, dates={"extension_start": date(2021, 1, 10)}
    )
    _, missing = draft_note(
        SHIPPED[trial_id], case, situation, note_date=date(2021, 3, 1), reason="r", free_text="t", **WHO
    )
    assert MISSING in missing


def test_the_t04_note_on_flexible_mentor_support_needs_no_marking():
    # SEED 001:281 marks the exemptions only: the general note has no marking line to miss.
    note = render_note(
        SHIPPED["T04"], T04_CASE, "forsoeg_anvendt", note_date=date(2021, 3, 1), free_text="Hver 4. uge.", **WHO
    )
    assert "markering" not in note.lower()
    assert "Næste vurdering senest 01-04-2021." in note
