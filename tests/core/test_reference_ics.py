"""The .ics export of a handful of fixed cases against tests/_reference/ics/, and that file's
content checked by hand.

Two tests, two jobs:
- test_ics_export_equals_its_reference_file: the program's file, byte for byte (CRLF line ends
  and line folding included). Only DTSTAMP, the moment of export, is normalised.
- the test_reference_ics_* tests read the STORED file with an independent parser (vobject) and
  assert what a caseworker would check in Outlook, as literals worked out by hand (the
  arithmetic is in tests/reference_cases.py): each event's day (DTSTART, the practical date:
  the last working day on or before the legal date), its title, the legal date and the reason
  in the description, and a UID that does not contain the date.

Regenerating the reference is a deliberate act: run
    UPDATE_REFERENCE=1 uv run pytest tests/core/test_reference_ics.py
then read the diff of tests/_reference/ics/ (git diff) before committing it. The hand-checked
tests below still read the new file, so a wrong date written by the program fails there.
"""

from __future__ import annotations

import re
from datetime import date

import vobject

from caseworker_app.core.ics import deadlines_to_ics
from tests.reference import REFERENCE_DIR, check_reference
from tests.reference_cases import TODAY, reference_deadlines

NAME = "ics/frister.ics"
STAMP_LINE = re.compile(r"^DTSTAMP:\d{8}T\d{6}Z\r$", re.MULTILINE)
FIXED_STAMP = "DTSTAMP:20210215T080000Z\r"  # stands for "now" in the stored file
BEK_529 = "Bekendtgørelse om frikommuneforsøg II på beskæftigelses- og sygedagpengeområdet (BEK nr. 529 af 23/05/2018)"
T08_RULE = (
    "Forsøgsregel: første opfølgning senest 2½ år efter ansættelsen i løntilskud, herefter senest "
    "2½ år efter seneste opfølgning"
)


def exported_now() -> str:
    """The export as the program writes it (stamped with the current time), DTSTAMP normalised."""
    data, _ = deadlines_to_ics(reference_deadlines(), previous=None, exported_on=TODAY)
    text = data.decode("utf-8")
    assert len(STAMP_LINE.findall(text)) == 6  # one per event, each a UTC time
    return STAMP_LINE.sub(FIXED_STAMP, text)


def stored_events() -> dict[str, vobject.base.Component]:
    text = (REFERENCE_DIR / NAME).read_bytes().decode("utf-8")
    cal = vobject.readOne(text)
    return {ev.uid.value: ev for ev in cal.vevent_list}


def uid(case_id: int, rest: str = "followup-opfoelgning") -> str:
    return f"sag-{case_id}-{rest}@opfoelgningsfrister.local"


def test_ics_export_equals_its_reference_file():
    check_reference(NAME, exported_now())


def test_reference_ics_file_is_crlf_and_names_the_calendar():
    raw = (REFERENCE_DIR / NAME).read_bytes()
    assert raw.startswith(b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
    assert raw.endswith(b"END:VCALENDAR\r\n")
    assert b"\n" not in raw.replace(b"\r\n", b"")  # RFC 5545: CRLF only
    assert b"X-WR-CALNAME:Opf\xc3\xb8lgningsfrister\r\n" in raw


# UID -> (DTSTART, SUMMARY, the description's lines that give the dates and why), by hand.
EXPECTED = {
    uid(5): (
        date(2020, 12, 30),
        # Overdue on 15-02-2021 (the legal date 03-01-2021 has passed): the description says so with
        # the day of export, the title stays as on any day; the event keeps the practical date.
        "Opfølgning: Karen Madsen (T08)",
        [
            "Overskredet pr. 15-02-2021, da kalenderen blev eksporteret",
            "Senest i praksis: ons 30-12-2020 (fristen 03-01-2021 er en søndag)",
            "Frist: 03-01-2021",
            "Hvorfor: 2½ år efter ansættelse i løntilskud 03-07-2018",
        ],
    ),
    uid(3): (
        date(2021, 2, 15),
        "Opfølgning: Søren Østergård (T08)",
        # A working day: no "Senest i praksis" line, the legal date comes first.
        ["Frist: 15-02-2021", "Hvorfor: 2½ år efter ansættelse i løntilskud 15-08-2018"],
    ),
    uid(1): (
        date(2021, 2, 26),
        "Opfølgning: Jens Hansen (T08)",
        [
            "Senest i praksis: fre 26-02-2021 (fristen 28-02-2021 er en søndag)",
            "Frist: 28-02-2021",
            "Hvorfor: 2½ år efter ansættelse i løntilskud 31-08-2018",
        ],
    ),
    uid(6, "decision-stillingtagen-til-indsatsplanen"): (
        date(2021, 3, 10),
        "Stillingtagen til indsatsplanen: Bo Kristensen (T07)",
        ["Frist: 10-03-2021", "Hvorfor: 6 måneder efter visitation 10-09-2020"],
    ),
    uid(2): (
        date(2021, 3, 31),
        "Opfølgning: Mette Nielsen (T08)",
        [
            "Senest i praksis: ons 31-03-2021 (fristen 05-04-2021 er 2. påskedag)",
            "Frist: 05-04-2021",
            "Hvorfor: 2½ år efter ansættelse i løntilskud 05-10-2018",
        ],
    ),
    uid(4): (
        date(2021, 4, 29),
        "Opfølgning: Bente Kjær (T08)",
        [
            "Senest i praksis: tor 29-04-2021 (fristen 30-04-2021 er store bededag)",
            "Frist: 30-04-2021",
            "Hvorfor: 2½ år efter ansættelse i løntilskud 30-10-2018",
        ],
    ),
}


def test_reference_ics_events_lie_on_the_hand_worked_practical_dates():
    events = stored_events()
    assert sorted(events) == sorted(EXPECTED)
    for key, (day, summary, lines) in EXPECTED.items():
        ev = events[key]
        assert ev.dtstart.value == day, key
        assert ev.dtend.value == date.fromordinal(day.toordinal() + 1), key  # one whole day
        assert ev.summary.value == summary
        description = ev.description.value.split("\n")
        assert description[: len(lines)] == lines, key
        assert description[-2:-1] == [f"Henvisning: {BEK_529}"]
        assert ev.sequence.value == "0"  # first export


def test_reference_ics_descriptions_give_rule_and_case():
    events = stored_events()
    assert events[uid(1)].description.value.split("\n")[3:] == [
        T08_RULE,
        f"Henvisning: {BEK_529}",
        "Sag: FASIT-2018-0001",
    ]
    assert events[uid(6, "decision-stillingtagen-til-indsatsplanen")].description.value.split("\n")[2:] == [
        "Forsøgsregel: senest hver 6. måned tages stilling til indsatsplanen: den justeres, eller det "
        "noteres i journalen, hvorfor den ikke justeres, og FASIT-markeringen sættes",
        f"Henvisning: {BEK_529}",
        "Sag: FASIT-2020-0006",
    ]


def test_reference_ics_uids_hold_no_date_and_no_cpr():
    # A UID names the case and the rule, never the date: a moved deadline keeps its event.
    text = (REFERENCE_DIR / NAME).read_bytes().decode("utf-8").replace("\r\n ", "")
    for key in EXPECTED:
        assert not re.search(r"\d{4}-?\d{2}-?\d{2}|\d{2}-\d{2}-\d{4}", key), key
    assert not re.search(r"(?<!\d)\d{6}-?\d{4}(?!\d)", text)  # no CPR number (nor its digits)
