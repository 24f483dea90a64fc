"""Outlook export: stable UIDs, SEQUENCE on a moved date, all-day events, no CPR."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

import icalendar
import vobject

from caseworker_app.core.event import Event
from caseworker_app.core.ics import PRODID, case_key, deadline_uid, deadlines_to_ics, uids_of_cases
from tests.export_samples import cpr_for, deadlines, jens_hansen, t08_cases

STAMP = datetime(2021, 2, 15, 8, 0, tzinfo=UTC)
UID_17 = "sag-17-followup-opfoelgning@opfoelgningsfrister.local"
MARCH_1 = date(2021, 3, 1)


def events_by_uid(data: bytes) -> dict[str, vobject.base.Component]:
    """The VEVENTs of an .ics file as an independent parser (vobject) reads them."""
    cal = vobject.readOne(data.decode("utf-8"))
    return {ev.uid.value: ev for ev in cal.vevent_list}


def test_worked_example_is_an_all_day_event_on_the_practical_date():
    data, state = deadlines_to_ics(deadlines([jens_hansen()]), previous=None, stamp=STAMP)
    ev = events_by_uid(data)["sag-17-followup-opfoelgning@opfoelgningsfrister.local"]
    # The legal date 28-02-2021 is a Sunday: the event stands on Friday 26-02-2021, the day to act,
    # and its text gives the legal date.
    assert ev.dtstart.value == date(2021, 2, 26)
    assert ev.dtend.value == date(2021, 2, 27)
    assert ev.sequence.value == "0"
    assert ev.summary.value == "Opfølgning: Jens Hansen (T08)"
    description = ev.description.value
    assert description.startswith("Senest i praksis: fre 26-02-2021 (fristen 28-02-2021 er en søndag)")
    assert "2½ år efter ansættelse i løntilskud 31-08-2018" in description
    assert "Forsøgsregel:" in description
    assert "BEK nr. 529 af 23/05/2018" in description
    assert "Sag: FASIT-2018-0017" in description
    assert "Frist: 28-02-2021" in description
    assert not hasattr(ev, "valarm")  # no reminder pointing elsewhere: the event is the day
    assert state == {UID_17: (date(2021, 2, 26), 0, "T08")}  # no name, nor a hash of one


def test_calendar_header_as_read_back():
    data, _ = deadlines_to_ics(deadlines([jens_hansen()]), previous=None, stamp=STAMP)
    cal = vobject.readOne(data.decode("utf-8"))
    assert cal.prodid.value == PRODID
    assert cal.version.value == "2.0"
    assert data.startswith(b"BEGIN:VCALENDAR\r\n")  # CRLF line ends, as RFC 5545 requires


def test_every_event_is_one_whole_day():
    items = deadlines(t08_cases(120))
    data, _ = deadlines_to_ics(items, previous=None, stamp=STAMP)
    events = events_by_uid(data)
    assert len(events) == 120
    for ev in events.values():
        start, end = ev.dtstart.value, ev.dtend.value
        assert type(start) is date and type(end) is date  # all-day: dates, not date-times
        assert (end - start).days == 1
    assert b"DTSTART;VALUE=DATE:" in data


def test_no_cpr_anywhere_in_the_file():
    cases = t08_cases(120)
    # A CPR number typed into the name field by mistake is masked too.
    cases[0] = cases[0]._replace(citizen="Jens Hansen 010203-1234")
    data, _ = deadlines_to_ics(deadlines(cases), previous=None, stamp=STAMP)
    text = data.decode("utf-8")
    unfolded = text.replace("\r\n ", "")
    for i in range(120):
        cpr = cpr_for(i)
        assert cpr not in unfolded and cpr.replace("-", "") not in unfolded
    assert "010203-1234" not in unfolded
    assert "Jens Hansen 010203-xxxx" in unfolded
    assert not re.search(r"(?<!\d)\d{6}-?\d{4}(?!\d)", unfolded)


def test_uids_are_stable_and_sequence_rises_when_a_date_moves():
    cases = t08_cases(20, start_id=101)
    cases.append(jens_hansen())
    first, state1 = deadlines_to_ics(deadlines(cases), previous=None, stamp=STAMP)
    second, state2 = deadlines_to_ics(deadlines(cases), previous=state1, stamp=STAMP)
    ev1, ev2 = events_by_uid(first), events_by_uid(second)
    assert set(ev1) == set(ev2)
    assert len(ev1) == 21
    assert all(ev.sequence.value == "0" for ev in ev2.values())
    assert state2 == state1

    # The follow-up is held on 26-02-2021: the next is 30 months later, 26-08-2023 (a Saturday),
    # in practice Friday 25-08-2023.
    held = jens_hansen()._replace(events=(Event(date(2021, 2, 26), "followup"),))
    moved = cases[:-1] + [held]
    third, state3 = deadlines_to_ics(deadlines(moved, MARCH_1), previous=state2, stamp=STAMP)
    ev3 = events_by_uid(third)
    uid = "sag-17-followup-opfoelgning@opfoelgningsfrister.local"
    assert set(ev3) == set(ev1)  # same UID: Outlook updates the event instead of adding one
    assert ev3[uid].dtstart.value == date(2023, 8, 25)
    assert ev3[uid].sequence.value == "1"
    assert all(ev.sequence.value == "0" for u, ev in ev3.items() if u != uid)
    assert state3[uid][:2] == (date(2023, 8, 25), 1)

    # Exported again without a change: SEQUENCE stays 1.
    fourth, state4 = deadlines_to_ics(deadlines(moved, MARCH_1), previous=state3, stamp=STAMP)
    assert events_by_uid(fourth)[uid].sequence.value == "1"
    assert state4 == state3


def test_state_keeps_uids_outside_this_export():
    everything, state = deadlines_to_ics(deadlines(t08_cases(5)), previous=None, stamp=STAMP)
    _, later = deadlines_to_ics(deadlines([jens_hansen()]), previous=state, stamp=STAMP)
    assert set(state) <= set(later)
    assert len(later) == 6


def test_uid_is_derived_from_case_rule_and_optional_calendar_id():
    item = deadlines([jens_hansen()])[0]
    assert deadline_uid(item) == "sag-17-followup-opfoelgning@opfoelgningsfrister.local"
    assert deadline_uid(item, "9f2c") == UID_17.replace("@", "-9f2c@")


def test_a_case_given_a_deleted_cases_id_is_named_by_id_and_creation_in_its_uids():
    item = deadlines([jens_hansen()])[0]
    key = case_key(17, "2026-11-30T15:52:48+00:00")
    assert key == "17n20261130155248"
    assert deadline_uid(item, "9f2c", key) == (
        "sag-17n20261130155248-followup-opfoelgning-9f2c@opfoelgningsfrister.local"
    )
    # A case that cannot be computed keeps its own events, not those of the deleted case of its id.
    uids = ["sag-17-followup-opfoelgning@x", "sag-17n20261130155248-followup-opfoelgning@x"]
    assert uids_of_cases(uids, [key]) == {"sag-17n20261130155248-followup-opfoelgning@x"}


def test_icalendar_reads_it_back_too():
    data, _ = deadlines_to_ics(deadlines([jens_hansen()]), previous=None, stamp=STAMP)
    cal = icalendar.Calendar.from_ical(data)
    (event,) = cal.walk("VEVENT")
    assert event.decoded("dtstart") == date(2021, 2, 26)
    assert event.decoded("dtstamp") == STAMP


def test_a_deadline_gone_from_the_case_list_is_sent_as_cancelled_but_not_one_outside_the_period():
    items = deadlines([jens_hansen()])
    _, state = deadlines_to_ics(items, previous=None, stamp=STAMP)
    # Exporting a period without Jens Hansen's deadline while it still exists: not cancelled.
    data, kept = deadlines_to_ics([], previous=state, stamp=STAMP, still_current={UID_17})
    assert b"VEVENT" not in data
    assert kept == state
    # The deadline is gone (case closed): sent once as cancelled, SEQUENCE raised.
    data, gone = deadlines_to_ics([], previous=state, stamp=STAMP, still_current=set())
    ev = events_by_uid(data)[UID_17]
    assert (ev.status.value, ev.sequence.value, ev.dtstart.value) == ("CANCELLED", "1", date(2021, 2, 26))
    assert gone == {"aflyst:" + UID_17: (date(2021, 2, 26), 1, "")}  # no fingerprint of a name kept
    data, _ = deadlines_to_ics([], previous=gone, stamp=STAMP, still_current=set())
    assert b"VEVENT" not in data


# ---------------------------------------------------------------- overdue deadlines

PLAIN = "Opfølgning: Jens Hansen (T08)"
OVERDUE_ON_MARCH_1 = "Overskredet pr. 01-03-2021, da kalenderen blev eksporteret"


def test_an_overdue_deadline_keeps_its_date_and_title_and_its_description_dates_the_status():
    # Monday 01-03-2021: the deadline of Sunday 28-02-2021 has passed. The event stays on Friday
    # 26-02-2021, the day it had to be met. Its title is the one it has on any day (the event stays in
    # Outlook after the export); its description says it was overdue on the day of export.
    data, state = deadlines_to_ics(deadlines([jens_hansen()], MARCH_1), previous=None, stamp=STAMP, exported_on=MARCH_1)
    ev = events_by_uid(data)[UID_17]
    assert ev.summary.value == PLAIN
    assert (ev.dtstart.value, ev.dtend.value) == (date(2021, 2, 26), date(2021, 2, 27))
    assert ev.description.value.split("\n")[:3] == [
        OVERDUE_ON_MARCH_1,
        "Senest i praksis: fre 26-02-2021 (fristen 28-02-2021 er en søndag)",
        "Frist: 28-02-2021",
    ]
    assert state == {UID_17: (date(2021, 2, 26), 0, "T08 overskredet")}


def test_the_title_does_not_depend_on_the_day_of_export():
    # 15-02-2021 (due), Saturday 27-02-2021 (the practical day passed, the legal date not: not overdue),
    # 01-03-2021 (overdue): the same title; only the overdue export's description has the status.
    first_lines = {}
    for day in (date(2021, 2, 15), date(2021, 2, 27), MARCH_1):
        data, _ = deadlines_to_ics(deadlines([jens_hansen()], day), previous=None, stamp=STAMP, exported_on=day)
        ev = events_by_uid(data)[UID_17]
        assert ev.summary.value == PLAIN
        assert "OVERSKREDET" not in data.decode("utf-8")
        first_lines[day] = ev.description.value.split("\n")[0]
    assert first_lines == {
        date(2021, 2, 15): "Senest i praksis: fre 26-02-2021 (fristen 28-02-2021 er en søndag)",
        date(2021, 2, 27): "Senest i praksis: fre 26-02-2021 (fristen 28-02-2021 er en søndag)",
        MARCH_1: OVERDUE_ON_MARCH_1,
    }


def test_a_deadline_that_becomes_overdue_raises_sequence_once_so_outlook_takes_the_new_description():
    _, before = deadlines_to_ics(deadlines([jens_hansen()]), previous=None, stamp=STAMP)  # 15-02-2021
    data, after = deadlines_to_ics(
        deadlines([jens_hansen()], MARCH_1), previous=before, stamp=STAMP, exported_on=MARCH_1
    )
    ev = events_by_uid(data)[UID_17]
    assert (ev.summary.value, ev.sequence.value, ev.dtstart.value) == (PLAIN, "1", date(2021, 2, 26))
    assert ev.description.value.startswith(OVERDUE_ON_MARCH_1 + "\n")
    # The next day, nothing has changed: SEQUENCE stays 1 (the description's day is that export's).
    march_2 = date(2021, 3, 2)
    data, again = deadlines_to_ics(
        deadlines([jens_hansen()], march_2), previous=after, stamp=STAMP, exported_on=march_2
    )
    ev = events_by_uid(data)[UID_17]
    assert ev.sequence.value == "1"
    assert ev.description.value.startswith("Overskredet pr. 02-03-2021, da kalenderen blev eksporteret\n")
    assert again == after


def test_an_event_exported_with_the_marked_title_gets_the_plain_title_with_a_new_sequence():
    # Exported before the title lost its status word: kept as 'OVERSKREDET T08'.
    old_state = {UID_17: (date(2021, 2, 26), 2, "OVERSKREDET T08")}
    data, state = deadlines_to_ics(
        deadlines([jens_hansen()], MARCH_1), previous=old_state, stamp=STAMP, exported_on=MARCH_1
    )
    ev = events_by_uid(data)[UID_17]
    assert (ev.summary.value, ev.sequence.value) == (PLAIN, "3")
    assert state[UID_17] == (date(2021, 2, 26), 3, "T08 overskredet")


def test_the_kept_state_holds_no_name_and_a_corrected_name_alone_keeps_sequence():
    _, before = deadlines_to_ics(deadlines([jens_hansen()]), previous=None, stamp=STAMP)
    # The state stays in the database after the case is deleted or purged: no name, nor a hash of one.
    assert before == {UID_17: (date(2021, 2, 26), 0, "T08")}
    renamed = jens_hansen()._replace(citizen="Jens Hansén")
    data, again = deadlines_to_ics(deadlines([renamed]), previous=before, stamp=STAMP)
    ev = events_by_uid(data)[UID_17]
    # So a corrected name alone cannot be told from before: SEQUENCE stays (the title is new).
    assert (ev.summary.value, ev.sequence.value) == ("Opfølgning: Jens Hansén (T08)", "0")
    assert again == before


def test_a_state_saved_before_titles_were_kept_raises_sequence_only_for_the_overdue():
    # Such a state holds no fingerprint (''): its events bore the plain title.
    old_state = {UID_17: (date(2021, 2, 26), 3, "")}
    data, state = deadlines_to_ics(deadlines([jens_hansen()]), previous=old_state, stamp=STAMP)
    assert events_by_uid(data)[UID_17].sequence.value == "3"  # not overdue on 15-02-2021: unchanged
    assert state[UID_17] == (date(2021, 2, 26), 3, "T08")
    data, _ = deadlines_to_ics(deadlines([jens_hansen()], MARCH_1), previous=old_state, stamp=STAMP)
    assert events_by_uid(data)[UID_17].sequence.value == "4"  # overdue on 01-03-2021: the title changed
