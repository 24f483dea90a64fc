"""A form saved over a case another copy changed meanwhile: what the form changed is written, what
the other copy saved stays, and a field both changed is a question, never a silent overwrite."""

from __future__ import annotations

from datetime import date

import pytest

from caseworker_app.store import CaseStore
from caseworker_app.store.case_conflicts import MINE, THEIRS, CaseConflictError

from .conftest import TODAY


@pytest.fixture
def other(db_path, store):
    """A second copy of the program on the same file (the command line, another window)."""
    copy = CaseStore(db_path, clock=lambda: TODAY)
    yield copy
    copy.close()


def form(case, **typed) -> dict:
    """Every field as the case window sends it: all of them, as loaded unless typed over."""
    fields = {
        "citizen": case.citizen,
        "case_ref": case.case_ref,
        "trial_id": case.trial_id,
        "cpr": case.cpr,
        "dates": dict(case.dates),
        "caseworker": case.caseworker,
        "note": case.note,
    }
    return {**fields, **typed}


def test_a_note_saved_from_an_old_form_keeps_the_caseworker_another_copy_saved(store, other, jens):
    loaded = store.get_case(jens)  # the case window opens with Anne Jensen
    other.update_case(jens, caseworker="Mads Kristensen")

    store.update_case(jens, loaded=loaded, **form(loaded, note="Ringet op, aftalt møde"))

    case = other.get_case(jens)
    assert case.caseworker == "Mads Kristensen"
    assert case.note == "Ringet op, aftalt møde"
    assert [r.text for r in store.history(jens) if r.is_case_change][:2] == [
        "Bemærkning: – → Ringet op, aftalt møde",
        "Sagsbehandler: Anne Jensen → Mads Kristensen",
    ]


def test_a_corrected_hire_date_is_not_reverted_by_a_form_that_changed_something_else(store, other, jens):
    loaded = store.get_case(jens)  # hired 26-05-2024
    other.update_case(jens, dates={"hire": date(2024, 6, 3)})

    store.update_case(jens, loaded=loaded, **form(loaded, caseworker="Louise Holm"))

    case = other.get_case(jens)
    assert case.dates == {"hire": date(2024, 6, 3)}
    assert case.caseworker == "Louise Holm"


def test_a_field_both_changed_is_refused_naming_it_and_both_values_and_nothing_is_written(store, other, jens):
    loaded = store.get_case(jens)
    other.update_case(jens, caseworker="Mads Kristensen")
    rows_before = len(other.history(jens))

    with pytest.raises(CaseConflictError) as raised:
        store.update_case(jens, loaded=loaded, **form(loaded, caseworker="Louise Holm", note="Min bemærkning"))

    assert [c.name for c in raised.value.conflicts] == ["caseworker"]
    assert "• Sagsbehandler: en anden har gemt »Mads Kristensen«; du har skrevet »Louise Holm« " in str(raised.value)
    assert "(før: »Anne Jensen«)." in str(raised.value)
    case = other.get_case(jens)
    assert (case.caseworker, case.note) == ("Mads Kristensen", "")  # not even the note
    assert len(other.history(jens)) == rows_before


def test_keep_theirs_saves_the_rest_of_the_form_and_write_mine_overwrites(store, other, jens):
    loaded = store.get_case(jens)
    other.update_case(jens, caseworker="Mads Kristensen")
    typed = form(loaded, caseworker="Louise Holm", note="Min bemærkning")
    with pytest.raises(CaseConflictError) as raised:
        store.update_case(jens, loaded=loaded, **typed)

    store.update_case(jens, loaded=loaded, choice=raised.value.choose(THEIRS), **typed)
    case = other.get_case(jens)
    assert (case.caseworker, case.note) == ("Mads Kristensen", "Min bemærkning")

    loaded = store.get_case(jens)
    other.update_case(jens, caseworker="Sofie Berg")
    typed = form(loaded, caseworker="Louise Holm")
    with pytest.raises(CaseConflictError) as raised:
        store.update_case(jens, loaded=loaded, **typed)
    store.update_case(jens, loaded=loaded, choice=raised.value.choose(MINE), **typed)
    assert other.get_case(jens).caseworker == "Louise Holm"


def test_an_answer_counts_only_for_the_change_it_was_asked_about(store, other, jens):
    loaded = store.get_case(jens)
    other.update_case(jens, caseworker="Mads Kristensen")
    typed = form(loaded, caseworker="Louise Holm")
    with pytest.raises(CaseConflictError) as raised:
        store.update_case(jens, loaded=loaded, **typed)
    other.update_case(jens, caseworker="Sofie Berg")  # while the question was on screen

    with pytest.raises(CaseConflictError) as again:
        store.update_case(jens, loaded=loaded, choice=raised.value.choose(MINE), **typed)

    assert "en anden har gemt »Sofie Berg«" in str(again.value)
    assert other.get_case(jens).caseworker == "Sofie Berg"


def test_a_date_both_changed_is_named_with_its_dates(store, other, jens):
    loaded = store.get_case(jens)
    other.update_case(jens, dates={"hire": date(2024, 6, 3)})

    with pytest.raises(CaseConflictError) as raised:
        store.update_case(jens, loaded=loaded, **form(loaded, dates={"hire": date(2024, 6, 1)}))

    assert (
        "• Ansættelse i løntilskud: en anden har gemt 03-06-2024; du har skrevet 01-06-2024 (før: 26-05-2024)."
        in str(raised.value)
    )
    assert other.get_case(jens).dates == {"hire": date(2024, 6, 3)}


def test_the_same_change_made_by_both_is_no_conflict(store, other, jens):
    loaded = store.get_case(jens)
    other.update_case(jens, caseworker="Mads Kristensen")

    store.update_case(jens, loaded=loaded, **form(loaded, caseworker=" Mads Kristensen", note="Enige"))

    case = other.get_case(jens)
    assert (case.caseworker, case.note) == ("Mads Kristensen", "Enige")


def test_a_form_with_nothing_changed_by_others_saves_as_before(store, jens):
    loaded = store.get_case(jens)

    store.update_case(jens, loaded=loaded, **form(loaded, citizen="Jens P. Hansen", dates={"hire": date(2024, 6, 1)}))

    case = store.get_case(jens)
    assert (case.citizen, case.caseworker, case.dates) == ("Jens P. Hansen", "Anne Jensen", {"hire": date(2024, 6, 1)})


def test_two_fields_both_changed_one_emptied_are_named_in_one_message(store, other, jens):
    loaded = store.get_case(jens)
    other.update_case(jens, caseworker="", note="Borgeren er flyttet")

    with pytest.raises(CaseConflictError) as raised:
        store.update_case(jens, loaded=loaded, **form(loaded, caseworker="Louise Holm", note="Ringet op"))

    assert str(raised.value) == (
        "Mens sagen var åben her, har en anden gemt en ændring af det, du også har ændret:\n\n"
        "• Sagsbehandler: en anden har tømt feltet; du har skrevet »Louise Holm« (før: »Anne Jensen«).\n"
        "• Bemærkning: en anden har gemt »Borgeren er flyttet«; du har skrevet »Ringet op« (før: tom).\n\n"
        "Behold deres: den andens værdier bliver stående, og dine øvrige ændringer gemmes.\n"
        "Gem mine: dine værdier skrives over den andens.\n"
        "Annuller: intet gemmes endnu."
    )
