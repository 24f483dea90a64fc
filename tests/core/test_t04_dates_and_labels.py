"""T04 (Lempede mentorregler): which dates a case needs, and what its deadline is called.

During the trial (01-07-2018 – 31-12-2021) the deadline is the exemption's review on the date the
caseworker agrees; after it the ordinary rule (mentor contact every 2nd week) counts from the
visitation and then from the latest follow-up, and the deadline is called by that duty.

Calendar: 15-12-2021 is a Wednesday, 24-11-2026 a Tuesday, 04-12-2026 a Friday.
"""

from __future__ import annotations

from datetime import date

from caseworker_app.core.cases import CaseRecord, deadlines_for_cases
from caseworker_app.core.catalog_load import load_catalog
from caseworker_app.core.deadline import due_text, ordinary_beside_text
from caseworker_app.core.event import Event
from caseworker_app.core.ics import UID_DOMAIN, deadline_uid
from caseworker_app.core.schedule import compute_deadlines
from caseworker_app.core.validation import case_errors

CATALOG = load_catalog()
REVIEW = "Fritagelsen vurderes igen"
CONTACT = "Næste kontakt med mentor"
BOTH = (
    "Skriv mindst én af datoerne »Fritagelsen vurderes igen« og »Visiteret som aktivitetsparat (ret og pligt "
    "til mentor)«: sagens frister regnes fra dem"
)


def _t04(dates, followups, today):
    [deadline] = compute_deadlines(CATALOG["T04"], dates, [Event(day, "followup") for day in followups], today)
    return deadline


def test_during_the_trial_the_agreed_review_governs_under_the_trials_label():
    # Follow-up 22-11-2021 + 2 weeks = 06-12-2021 (ordinary, beside); the review agreed for 15-12-2021.
    d = _t04({"visitation": date(2021, 3, 1), "agreed": date(2021, 12, 15)}, [date(2021, 11, 22)], date(2021, 12, 1))
    assert (d.label, d.governed_by, d.legal_due, d.practical_due) == (
        REVIEW,
        "trial",
        date(2021, 12, 15),
        date(2021, 12, 15),
    )
    assert d.ordinary_due == date(2021, 12, 6)
    assert d.citation != "Reglerne om ret- og pligtmentor; lovhenvisning ikke angivet i kilderne"


def test_during_the_trial_without_an_agreed_date_the_deadline_asks_for_it():
    d = _t04({"visitation": date(2021, 3, 1)}, [], date(2021, 12, 1))
    assert (d.label, d.governed_by, d.undated) == (REVIEW, "trial", True)
    assert d.reason == "Ingen dato aftalt: aftal datoen med borgeren og registrér den på sagen"


def test_after_the_trial_the_first_contact_counts_from_the_visitation_under_its_own_label():
    # Visitation 10-11-2026 + 2 weeks = 24-11-2026.
    d = _t04({"visitation": date(2026, 11, 10)}, [], date(2026, 11, 12))
    assert (d.label, d.governed_by, d.legal_due, d.practical_due) == (
        CONTACT,
        "ordinary",
        date(2026, 11, 24),
        date(2026, 11, 24),
    )
    assert d.rule_label == REVIEW  # the catalog's rule it belongs to
    assert d.citation == "Reglerne om ret- og pligtmentor; lovhenvisning ikke angivet i kilderne"


def test_after_the_trial_a_contact_counts_from_the_latest_follow_up_under_its_own_label():
    # Follow-up 20-11-2026 + 2 weeks = 04-12-2026; an agreed date does not change it after the trial.
    for dates in ({"visitation": date(2026, 11, 10)}, {"visitation": date(2026, 11, 10), "agreed": date(2026, 12, 15)}):
        d = _t04(dates, [date(2026, 11, 20)], date(2026, 12, 1))
        assert (d.label, d.governed_by, d.legal_due, d.status) == (CONTACT, "ordinary", date(2026, 12, 4), "due_soon")


def test_an_agreed_date_outside_the_trial_without_the_visitation_asks_for_the_visitation():
    # A tester: agreed 11-01-2027, after the trial's end 31-12-2021, and no visitation. The ordinary rule
    # (a mentor contact every 2nd week) governs, but counts from the visitation the case lacks: its
    # deadline may long have passed, so the case is not "senere" on the agreed date with "ingen frist"
    # beside it. It is undated, listed with the overdue ones, and asks for the date.
    d = _t04({"agreed": date(2027, 1, 11)}, [], date(2026, 12, 1))
    assert (d.label, d.rule_label, d.governed_by, d.undated, d.status) == (CONTACT, REVIEW, "ordinary", True, "overdue")
    assert due_text(d) == "mangler dato"  # which one: the reason says
    assert ordinary_beside_text(d) == ""  # not "ingen frist": the rule exists, the date is missing
    assert d.reason == (
        "Aftalt dato 11-01-2027 ligger uden for forsøgsperioden 01-07-2018–31-12-2021, så forsøgsreglen gælder "
        'ikke; den almindelige regel regnes fra datoen "Visiteret som aktivitetsparat (ret og pligt til mentor)", '
        "som ikke er registreret på sagen: registrér den"
    )
    assert d.citation == "Reglerne om ret- og pligtmentor; lovhenvisning ikke angivet i kilderne"
    # With the visitation 01-10-2026 the ordinary rule gives 15-10-2026: overdue.
    d = _t04({"agreed": date(2027, 1, 11), "visitation": date(2026, 10, 1)}, [], date(2026, 12, 1))
    assert (d.label, d.legal_due, d.status) == (CONTACT, date(2026, 10, 15), "overdue")


def _errors(dates):
    return case_errors(CATALOG, citizen="A", case_ref="T4-1", trial_id="T04", dates=dates, today=date(2026, 12, 1))


def test_a_t04_case_needs_one_of_the_dates_its_rules_count_from():
    assert _errors({"visitation": date(2026, 11, 10)}) == {}
    assert _errors({"agreed": date(2026, 12, 15)}) == {}
    assert _errors({}) == {"agreed": BOTH}


def test_a_required_date_is_asked_for_by_its_label():
    assert case_errors(CATALOG, citizen="A", case_ref="1", trial_id="T07", dates={}, today=date(2026, 12, 1)) == {
        "visitation": "Skriv datoen »Start på ressourceforløb«"
    }


def test_a_calendar_entry_keeps_its_uid_when_the_ordinary_rule_takes_over():
    # The UID names the catalog's rule, not the label shown: a calendar imported during the trial
    # updates the same entry after it, instead of getting a second one.
    case = CaseRecord(
        id=1,
        citizen="Lone Madsen",
        case_ref="2021-0104",
        trial_id="T04",
        dates={"visitation": date(2021, 3, 1), "agreed": date(2021, 12, 15)},
        events=(Event(date(2021, 12, 20), "followup"),),
    )
    [during] = deadlines_for_cases([case], CATALOG, date(2021, 12, 1))
    [after] = deadlines_for_cases([case], CATALOG, date(2022, 1, 3))
    # 20-12-2021 + 2 weeks = 03-01-2022, after the trial's end.
    assert (during.deadline.label, after.deadline.label, after.deadline.legal_due) == (
        REVIEW,
        CONTACT,
        date(2022, 1, 3),
    )
    assert deadline_uid(during) == deadline_uid(after) == "sag-1-caseworker-set-fritagelsen-vurderes-igen@" + UID_DOMAIN
