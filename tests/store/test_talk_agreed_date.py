"""The next agreed date registered with a talk (T12): cancelling or correcting the talk takes the
date it set with it; an older talk registered late leaves the later talk's date alone. And a case
is not closed on a date before its latest registered event (T07).

Expected dates by hand: T12 (resources/trials/T12.toml) has one rule, caseworker_set on the agreed
date, so the deadline is the agreed date itself (15-06-2021, 31-08-2021 and 07-09-2021 are working
days: a Tuesday, a Tuesday and a Tuesday).
"""

from __future__ import annotations

from datetime import date

import pytest

from caseworker_app.store import CaseStore, ValidationError

TODAY = date(2021, 6, 1)  # a Tuesday


@pytest.fixture
def store(tmp_path):
    store = CaseStore(tmp_path / "sager.db", clock=lambda: TODAY)
    yield store
    store.close()


@pytest.fixture
def erik(store):
    """Erik Ås in T12, the next talk agreed for 15-06-2021."""
    return store.create_case(
        citizen="Erik Ås", case_ref="2021-0102", trial_id="T12", dates={"agreed": date(2021, 6, 15)}
    )


def talk(store, case_id, day, next_agreed, replaces=None):
    return store.add_event(case_id, day=day, kind="talk", sets_agreed=True, next_agreed=next_agreed, replaces=replaces)


def due(store, case_id):
    [item] = [item for item in store.deadlines(TODAY) if item.case.id == case_id]
    return item.deadline.legal_due, item.deadline.undated


def test_cancelling_a_talk_restores_the_agreed_date_it_replaced(store, erik):
    event = talk(store, erik, date(2021, 6, 1), date(2021, 8, 31))
    assert store.get_case(erik).dates["agreed"] == date(2021, 8, 31)
    assert store.agreed_at_event(erik, event).cancel_text() == (
        "Annulleringen: den aftalte dato går tilbage til 15-06-2021, som før samtalen."
    )
    store.cancel_event(erik, event, text="Registreret på forkert sag")
    assert store.get_case(erik).dates["agreed"] == date(2021, 6, 15)
    assert due(store, erik) == (date(2021, 6, 15), False)
    history = [row.text for row in store.history(erik) if row.is_case_change]
    assert history[0] == "Aftalt dato: 31-08-2021 → 15-06-2021"


def test_cancelling_a_talk_keeps_a_date_changed_since_by_something_else(store, erik):
    event = talk(store, erik, date(2021, 6, 1), date(2021, 8, 31))
    store.update_case(erik, dates={"agreed": date(2021, 9, 30)})  # the case window, later
    assert store.agreed_at_event(erik, event).cancel_text() == (
        "Den aftalte dato (30-09-2021) bliver stående: den er ændret siden samtalen."
    )
    store.cancel_event(erik, event, text="Registreret på forkert sag")
    assert store.get_case(erik).dates["agreed"] == date(2021, 9, 30)


def test_a_correction_corrects_the_date_the_talk_set_and_its_cancellation_restores_the_first(store, erik):
    first = talk(store, erik, date(2021, 6, 1), date(2021, 8, 31))
    seen = store.agreed_at_event(erik, first)
    assert (seen.follows_talk, seen.before, seen.set_to) == (True, date(2021, 6, 15), date(2021, 8, 31))
    corrected = talk(store, erik, date(2021, 5, 28), date(2021, 9, 7), replaces=first)
    assert store.get_case(erik).dates["agreed"] == date(2021, 9, 7)
    assert due(store, erik) == (date(2021, 9, 7), False)
    store.cancel_event(erik, corrected, text="Samtalen blev aflyst")
    assert store.get_case(erik).dates["agreed"] == date(2021, 6, 15)


def test_a_correction_with_the_next_date_left_empty_takes_the_date_back(store, erik):
    first = talk(store, erik, date(2021, 6, 1), date(2021, 8, 31))
    talk(store, erik, date(2021, 6, 1), None, replaces=first)
    assert store.get_case(erik).dates["agreed"] == date(2021, 6, 15)


def test_an_older_talk_registered_late_does_not_move_the_later_talks_date(store, erik):
    talk(store, erik, date(2021, 6, 1), date(2021, 8, 31))
    with pytest.raises(ValidationError) as refused:
        talk(store, erik, date(2021, 5, 14), date(2021, 6, 1))
    assert refused.value.errors == {
        "agreed": "Samtalen ligger før den seneste registrerede samtale 01-06-2021: "
        "den aftalte dato (31-08-2021) blev aftalt ved den og ændres ikke her."
    }
    assert [e.day for e in store.get_case(erik).events] == [date(2021, 6, 1)]  # nothing saved
    talk(store, erik, date(2021, 5, 14), None)  # registered without a date: kept, date stands
    case = store.get_case(erik)
    assert sorted(e.day for e in case.events) == [date(2021, 5, 14), date(2021, 6, 1)]
    assert case.dates["agreed"] == date(2021, 8, 31)
    assert due(store, erik) == (date(2021, 8, 31), False)


def test_a_next_date_not_after_the_talk_saves_neither_the_talk_nor_the_date(store, erik):
    with pytest.raises(ValidationError) as refused:
        talk(store, erik, date(2021, 6, 1), date(2021, 6, 1))
    assert refused.value.errors == {"agreed": "Den næste aftalte dato skal ligge efter 01-06-2021"}
    case = store.get_case(erik)
    assert (case.events, case.dates["agreed"]) == ((), date(2021, 6, 15))


def test_a_case_is_not_closed_before_its_latest_event(store):
    anna = store.create_case(
        citizen="Anna Vest", case_ref="2021-0401", trial_id="T07", dates={"visitation": date(2021, 1, 31)}
    )
    event = store.add_event(anna, day=date(2021, 5, 3), kind="plan_not_adjusted")
    with pytest.raises(ValidationError) as refused:
        store.close_case(anna, reason="andet", text="flyttet", day=date(2021, 4, 15))
    assert refused.value.errors == {
        "day": "Sagen har en hændelse registreret 03-05-2021 (indsatsplan ikke justeret); "
        "afslut den på eller efter den dato, eller ret hændelsen først"
    }
    assert store.get_case(anna).status == "aktiv"
    store.cancel_event(anna, event, text="Forkert sag")  # a cancelled event no longer holds it open
    store.close_case(anna, reason="andet", text="flyttet", day=date(2021, 4, 15))
    assert store.get_case(anna).status == "afsluttet"


def test_a_case_closes_on_the_day_of_its_latest_event(store):
    anna = store.create_case(
        citizen="Anna Vest", case_ref="2021-0401", trial_id="T07", dates={"visitation": date(2021, 1, 31)}
    )
    store.add_event(anna, day=date(2021, 5, 3), kind="plan_not_adjusted")
    store.close_case(anna, reason="andet", text="flyttet", day=date(2021, 5, 3))
    assert store.get_case(anna).status == "afsluttet"


def test_two_talks_on_the_wrong_case_cancelled_newest_first_restore_the_date_before_both(tmp_path):
    """Found in review: agreed 01-03-2021; a talk on 01-03 set 01-04, a talk on 01-04 set 03-05
    (03-05-2021 is a Monday). Both were registered on the wrong case. Cancelling the newer puts back
    01-04, the date the older talk set: it is still that talk's, so cancelling the older puts back
    01-03, and the case is overdue from 01-03 (today 20-04-2021)."""
    today = date(2021, 4, 20)
    with CaseStore(tmp_path / "sager.db", clock=lambda: today) as store:
        case = store.create_case(citizen="Erik Ås", case_ref="R1", trial_id="T12", dates={"agreed": date(2021, 3, 1)})
        older = talk(store, case, date(2021, 3, 1), date(2021, 4, 1))
        newer = talk(store, case, date(2021, 4, 1), date(2021, 5, 3))
        store.cancel_event(case, newer, text="forkert sag")
        assert store.get_case(case).dates["agreed"] == date(2021, 4, 1)
        assert store.agreed_at_event(case, older).cancel_text() == (
            "Annulleringen: den aftalte dato går tilbage til 01-03-2021, som før samtalen."
        )
        store.cancel_event(case, older, text="forkert sag")
        assert store.get_case(case).dates["agreed"] == date(2021, 3, 1)
        [item] = store.deadlines(today)
        assert (item.deadline.legal_due, item.deadline.status) == (date(2021, 3, 1), "overdue")


def test_correcting_the_talk_that_set_the_date_is_allowed_after_a_later_talk_left_it(store, erik):
    """Found in review: a talk on 20-05 set 31-08 by a typo; a short talk on 01-06 left the date as it
    was. Correcting the first talk's next date to 07-09 corrects it (the later talk agreed nothing):
    it was refused as if the later talk had agreed the date."""
    first = talk(store, erik, date(2021, 5, 20), date(2021, 8, 31))
    store.add_event(erik, day=date(2021, 6, 1), kind="talk", sets_agreed=True, next_agreed=None)
    assert store.get_case(erik).dates["agreed"] == date(2021, 8, 31)
    talk(store, erik, date(2021, 5, 20), date(2021, 9, 7), replaces=first)
    assert store.get_case(erik).dates["agreed"] == date(2021, 9, 7)
