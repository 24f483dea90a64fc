"""Journal notes in the database: the municipality's templates (saved, refused, restored) and notes
kept in the case history."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from caseworker_app.core.history import JOURNAL_NOTE
from caseworker_app.core.note_conditions import DEADLINE_CHECK
from caseworker_app.core.notes import render_note
from caseworker_app.store import CaseStore, ValidationError

from .conftest import TODAY

OWN = (
    "Opfølgning hos $citizen ($case_ref) holdt $event_date.\n"
    "Kommunens egen tekst: $free_text\n"
    "Hjemmel: $citation.\n"
    "$caseworker, $municipality"
)


def note(store, case_id, situation="opfoelgning", **kwargs):
    case = store.get_case(case_id)
    trial = store.catalog()[case.trial_id]
    kwargs.setdefault("free_text", "Samtale på arbejdspladsen.")
    kwargs.setdefault("confirmed", (DEADLINE_CHECK,))  # checked under the reform caution (decision 13)
    return render_note(
        trial,
        case,
        situation,
        note_date=TODAY,
        caseworker="Anne Jensen",
        municipality="Vesthimmerlands Kommune",
        template=store.note_template(trial.id, situation),
        **kwargs,
    )


@pytest.fixture
def followed_up(store, jens):
    store.add_event(jens, day=date(2025, 6, 2), kind="followup")
    return jens


def test_the_standard_template_is_used_until_the_municipality_saves_its_own(store, followed_up):
    assert store.note_template("T08", "opfoelgning") is None
    assert note(store, followed_up).startswith("Opfølgning – førtidspensionist i løntilskud")

    store.save_note_template("T08", "opfoelgning", OWN.replace("\n", "\r\n"))

    edited = store.note_template("T08", "opfoelgning")
    assert edited.title == "Opfølgning afholdt"
    assert edited.text == OWN  # Windows line breaks from a text box are kept as plain '\n'
    assert edited.requires == ("free_text",)
    # Written 23-11-2026 about the follow-up of 02-06-2025: the basis of that day, the extension
    # to 31-12-2025, though the trial has ended since (decision 14).
    assert note(store, followed_up) == (
        "Opfølgning hos Jens Hansen (2024-0412) holdt 02-06-2025.\n"
        "Kommunens egen tekst: Samtale på arbejdspladsen.\n"
        "Hjemmel: Bekendtgørelse om frikommuneforsøg II på beskæftigelses- og "
        "sygedagpengeområdet (BEK nr. 529 af 23/05/2018), forlænget til 31-12-2025 ifølge "
        "Beskæftigelsesministerens brev af 26-11-2024.\n"
        "Anne Jensen, Vesthimmerlands Kommune"
    )
    # Only that trial and situation changed.
    assert store.note_template("T08", "henvendelse") is None


def test_the_edited_template_is_kept_in_the_file(db_path, store, followed_up):
    store.save_note_template("T08", "opfoelgning", OWN)
    store.close()
    with CaseStore(db_path, clock=lambda: TODAY) as again:
        assert again.note_template("T08", "opfoelgning").text == OWN


@pytest.mark.parametrize(
    ("trial_id", "situation", "text", "message"),
    [
        ("T08", "opfoelgning", "Hej $ukendt.\n$citation", "Ukendt felt $ukendt i linje 1."),
        ("T08", "opfoelgning", "Hej $citzen. $citation", "Mente du $citizen?"),
        ("T08", "opfoelgning", "Pris 5 $ i alt. $citation", "Tegnet $ i linje 1, kolonne 8"),
        ("T08", "opfoelgning", "   \n", "Skabelonen er tom."),
        ("T08", "opfoelgning", "Opfølgning med $citizen.", "skal indeholde $citation"),
        ("T07", "plan_ikke_justeret", "Ikke justeret. $marking $citation", "indeholde $reason"),
        ("T07", "plan_ikke_justeret", "Ikke justeret: $reason $citation", "indeholde $marking"),
        ("T03", "forsoeg_anvendt", "Bevilget: $reason $free_text $citation", "indeholde $marking_line"),
    ],
)
def test_an_unusable_template_is_refused_in_danish_and_nothing_is_saved(store, trial_id, situation, text, message):
    with pytest.raises(ValidationError) as info:
        store.save_note_template(trial_id, situation, text)
    assert message in info.value.errors["text"]
    assert store.note_template(trial_id, situation) is None
    assert store.note_template_history(trial_id, situation) == []


def test_a_template_for_a_situation_the_trial_lacks_is_refused(store):
    with pytest.raises(ValidationError) as info:
        store.save_note_template("T08", "fritagelse", "Fritaget. $citation")
    assert info.value.errors == {
        "situation": "Forsøg T08 har intet journalnotat for situationen 'fritagelse' "
        "(forsøget har: opfoelgning, henvendelse, forsoeg_anvendt)"
    }
    with pytest.raises(ValidationError, match="Forsøg 'T99' findes ikke"):
        store.save_note_template("T99", "opfoelgning", "$citation")


def test_restore_goes_back_to_the_standard_and_keeps_every_version(store, followed_up):
    store.save_note_template("T08", "opfoelgning", OWN)
    store.save_note_template("T08", "opfoelgning", OWN + "\nSidste linje.")
    assert store.note_template("T08", "opfoelgning").text.endswith("Sidste linje.")

    store.restore_note_template("T08", "opfoelgning")

    assert store.note_template("T08", "opfoelgning") is None
    assert note(store, followed_up).startswith("Opfølgning – førtidspensionist i løntilskud")
    versions = store.note_template_history("T08", "opfoelgning")
    assert [v.text for v in versions] == [None, OWN + "\nSidste linje.", OWN]
    # Restoring what is already the standard adds nothing.
    assert store.restore_note_template("T08", "opfoelgning") is None
    assert len(store.note_template_history("T08", "opfoelgning")) == 3


def test_template_versions_are_never_changed_in_place(store):
    store.save_note_template("T08", "opfoelgning", OWN)
    with pytest.raises(sqlite3.IntegrityError, match="skabeloner ændres ikke"):
        store._conn.execute("UPDATE note_templates SET text = 'x'")
    with pytest.raises(sqlite3.IntegrityError, match="skabeloner slettes ikke"):
        store._conn.execute("DELETE FROM note_templates")


def test_a_copied_note_is_kept_in_the_history_and_changes_no_deadline(store, followed_up):
    before = [cd.deadline for cd in store.deadlines(TODAY)]
    text = note(store, followed_up)

    store.add_journal_note(followed_up, situation="opfoelgning", text=text, day=TODAY)

    newest = store.history(followed_up)[0]
    assert newest.kind == JOURNAL_NOTE
    assert newest.label == "journalnotat"
    assert (newest.day, newest.situation, newest.text) == (TODAY, "opfoelgning", text)
    assert newest.is_case_change and not newest.counts
    assert newest.created_by == store.settings().caseworker_name
    assert [cd.deadline for cd in store.deadlines(TODAY)] == before
    assert [e.kind for e in store.get_case(followed_up).events] == ["followup"]


@pytest.mark.parametrize(
    ("kwargs", "field", "message"),
    [
        ({"text": "  "}, "text", "Notatet er tomt"),
        ({"text": "Begrundelse: [mangler: begrundelse]"}, "text", "ikke er udfyldt"),
        ({"day": date(2026, 11, 24)}, "day", "24-11-2026 ligger i fremtiden"),
        ({"situation": "samtale"}, "situation", "Ukendt situation 'samtale'"),
    ],
)
def test_a_note_that_cannot_be_kept_is_refused(store, jens, kwargs, field, message):
    values = {"situation": "opfoelgning", "text": "Et notat.", "day": TODAY, **kwargs}
    with pytest.raises(ValidationError) as info:
        store.add_journal_note(jens, **values)
    assert message in info.value.errors[field]
    assert [row.kind for row in store.history(jens)] == ["case_created"]


def test_a_note_keeps_the_event_it_is_about(store, jens):
    event = store.add_event(jens, day=date(2026, 11, 20), kind="followup")

    store.add_journal_note(jens, situation="opfoelgning", text="Et notat.", day=TODAY, event_id=event)
    store.add_journal_note(jens, situation="opfoelgning", text="Et andet notat.", day=TODAY)

    kept = [(row.text, row.about_event) for row in store.history(jens) if row.kind == JOURNAL_NOTE]
    assert sorted(kept) == [("Et andet notat.", None), ("Et notat.", event)]


@pytest.mark.parametrize("how", ["corrected", "cancelled", "other case"])
def test_a_note_about_a_corrected_cancelled_or_foreign_event_is_refused(store, jens, how):
    event = store.add_event(jens, day=date(2026, 11, 20), kind="followup")
    if how == "corrected":
        store.add_event(jens, day=date(2026, 11, 19), kind="followup", replaces=event)
        message = "Hændelsen er rettet eller annulleret i sagens historik; skriv notatet om rettelsen"
    elif how == "cancelled":
        store.cancel_event(jens, event, text="Forkert sag")
        message = "Hændelsen er rettet eller annulleret i sagens historik; skriv notatet om rettelsen"
    else:
        other = store.create_case(
            citizen="Ida Holm", case_ref="2024-0413", trial_id="T08", dates={"hire": date(2024, 5, 26)}
        )
        event = store.add_event(other, day=date(2026, 11, 20), kind="followup")
        message = f"Hændelse nr. {event} findes ikke på sagen"

    with pytest.raises(ValidationError) as info:
        store.add_journal_note(jens, situation="opfoelgning", text="Et notat.", day=TODAY, event_id=event)

    assert info.value.errors == {"event_id": message}
    assert [row for row in store.history(jens) if row.kind == JOURNAL_NOTE] == []
