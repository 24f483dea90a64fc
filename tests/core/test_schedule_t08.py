"""T08 follow-up deadlines (førtidspensionister i løntilskud), expected dates worked out by hand."""

from datetime import date

import pytest

from caseworker_app.core.catalog_load import load_catalog
from caseworker_app.core.deadline import DUE_SOON, LATER, OVERDUE, trial_end_warnings
from caseworker_app.core.event import Event
from caseworker_app.core.schedule import compute_deadlines


@pytest.fixture(scope="module")
def t08():
    return load_catalog()["T08"]


def only(deadlines):
    assert len(deadlines) == 1
    return deadlines[0]


def followup(day):
    return Event(day, "followup")


def test_first_follow_up_30_months_after_hire_on_a_sunday(t08):
    d = only(compute_deadlines(t08, {"hire": date(2018, 8, 31)}, [], date(2020, 1, 1)))
    assert d.kind == "followup"
    assert d.legal_due == date(2021, 2, 28)
    assert d.practical_due == date(2021, 2, 26)
    assert d.day_off == "søndag"
    assert d.ordinary_due == date(2019, 2, 28)  # offer unknown: hire date + 6 months
    assert d.governed_by == "trial"
    assert d.reason == "2½ år efter ansættelse i løntilskud 31-08-2018"
    assert "BEK nr. 529 af 23/05/2018" in d.citation
    assert d.rule.startswith("Forsøgsregel:")


def test_ordinary_rule_counts_from_the_offer(t08):
    dates = {"hire": date(2018, 9, 1), "offer": date(2018, 8, 15)}
    d = only(compute_deadlines(t08, dates, [], date(2018, 9, 1)))
    assert d.legal_due == date(2021, 3, 1)
    assert d.ordinary_due == date(2019, 2, 15)
    assert "ukendt" not in d.reason
    # First ordinary follow-up held on its due date: the next ordinary one is 12 months later.
    d = only(compute_deadlines(t08, dates, [followup(date(2019, 2, 15))], date(2019, 3, 1)))
    assert d.ordinary_due == date(2020, 2, 15)
    assert d.legal_due == date(2021, 8, 15)


def test_rolling_from_the_last_follow_up_held(t08):
    events = [followup(date(2021, 1, 10))]
    d = only(compute_deadlines(t08, {"hire": date(2018, 8, 31)}, events, date(2021, 6, 1)))
    assert d.legal_due == date(2023, 7, 10)
    assert d.practical_due == date(2023, 7, 10)
    assert d.reason.startswith("2½ år efter seneste opfølgning 10-01-2021")
    assert d.ordinary_due == date(2022, 1, 10)


def test_an_early_follow_up_moves_the_next_deadline_earlier(t08):
    events = [followup(date(2019, 3, 4))]
    d = only(compute_deadlines(t08, {"hire": date(2018, 8, 31)}, events, date(2019, 3, 4)))
    assert d.legal_due == date(2021, 9, 4)
    assert d.practical_due == date(2021, 9, 3)  # 04-09-2021 is a Saturday


def test_contact_does_not_restart_the_clock_unless_marked_full(t08):
    hire = {"hire": date(2018, 8, 31)}
    contact = Event(date(2020, 1, 10), "contact")
    assert only(compute_deadlines(t08, hire, [contact], date(2020, 2, 1))).legal_due == date(2021, 2, 28)
    full = Event(date(2020, 1, 10), "contact", full_followup=True)
    d = only(compute_deadlines(t08, hire, [full], date(2020, 2, 1)))
    assert d.legal_due == date(2022, 7, 10)
    assert d.practical_due == date(2022, 7, 8)  # 10-07-2022 is a Sunday


@pytest.mark.parametrize(
    ("hire", "legal", "practical"),
    [
        (date(2018, 7, 3), date(2021, 1, 3), date(2020, 12, 30)),  # New Year
        (date(2018, 10, 5), date(2021, 4, 5), date(2021, 3, 31)),  # Easter 2021
        (date(2020, 11, 5), date(2023, 5, 5), date(2023, 5, 4)),  # store bededag 2023
        (date(2021, 10, 26), date(2024, 4, 26), date(2024, 4, 26)),  # not a holiday in 2024
        (date(2020, 2, 29), date(2022, 8, 29), date(2022, 8, 29)),  # leap day
        (date(2018, 9, 30), date(2021, 3, 30), date(2021, 3, 30)),
    ],
)
def test_weekends_and_holidays(t08, hire, legal, practical):
    d = only(compute_deadlines(t08, {"hire": hire}, [], hire))
    assert (d.legal_due, d.practical_due) == (legal, practical)


def test_status_overdue_due_soon_later(t08):
    hire = {"hire": date(2018, 8, 15)}  # due Monday 15-02-2021
    assert only(compute_deadlines(t08, hire, [], date(2021, 2, 16))).status == OVERDUE
    assert only(compute_deadlines(t08, hire, [], date(2021, 2, 15))).status == DUE_SOON
    assert only(compute_deadlines(t08, hire, [], date(2021, 1, 16))).status == DUE_SOON  # 30 days ahead
    assert only(compute_deadlines(t08, hire, [], date(2021, 1, 15))).status == LATER
    assert only(compute_deadlines(t08, hire, [], date(2021, 1, 15), warning_days=60)).status == DUE_SOON


# ---- trial end (docs/decisions.md 3); T08 ends 31-12-2025 in the catalog


def test_trial_end_makes_a_case_overdue_on_the_day_after(t08):
    events = [followup(date(2021, 1, 10)), followup(date(2023, 7, 1))]
    d = only(compute_deadlines(t08, {"hire": date(2018, 8, 31)}, events, date(2025, 11, 1)))
    # Trial: 01-01-2026 > end. Ordinary: 01-07-2024 already passed on 01-01-2026.
    assert d.legal_due == date(2026, 1, 1)
    assert d.practical_due == date(2025, 12, 30)
    assert d.ordinary_due == date(2024, 7, 1)
    assert d.governed_by == "ordinary"
    assert d.due_to_trial_end
    assert "Forsøget slutter 31-12-2025" in d.reason
    assert d.citation == "§ 10, stk. 3, 2. og 3. pkt., i lov om aktiv socialpolitik"
    assert d.rule.startswith("Almindelig regel:")
    after = only(compute_deadlines(t08, {"hire": date(2018, 8, 31)}, events, date(2026, 1, 2)))
    assert after.status == OVERDUE


def test_after_trial_end_ordinary_rule_from_last_follow_up(t08):
    events = [followup(date(2025, 3, 1))]
    d = only(compute_deadlines(t08, {"hire": date(2018, 8, 31)}, events, date(2025, 11, 23)))
    assert d.legal_due == date(2026, 3, 1)  # 12 months after 01-03-2025, a Sunday
    assert d.practical_due == date(2026, 2, 27)
    assert d.governed_by == "ordinary"
    assert not d.due_to_trial_end


def test_trial_deadline_inside_the_trial_stands(t08):
    d = only(compute_deadlines(t08, {"hire": date(2023, 8, 15)}, [], date(2024, 1, 1)))
    # Hire 15-08-2023: trial 15-02-2026 is after the end, ordinary 15-02-2024 passed -> 01-01-2026.
    assert d.legal_due == date(2026, 1, 1)
    d = only(compute_deadlines(t08, {"hire": date(2023, 6, 15)}, [], date(2024, 1, 1)))
    assert d.legal_due == date(2025, 12, 15) and d.governed_by == "trial"


def test_trial_end_override(t08):
    d = only(compute_deadlines(t08, {"hire": date(2018, 8, 31)}, [], date(2020, 6, 1), trial_end=date(2020, 12, 31)))
    assert d.legal_due == date(2021, 1, 1)
    assert d.practical_due == date(2020, 12, 30)
    assert d.ordinary_due == date(2019, 2, 28)
    # The ordinary rule counts from the offer, which is unknown here: the reason names the date used
    # (the hiring), not the offer with the hiring's date, and then says why (a tester read the
    # offer's name beside 31-08-2018 and then that it was unknown).
    assert "6 måneder efter ansættelse i løntilskud 31-08-2018, var fristen 28-02-2019" in d.reason
    assert "efter tilbud om" not in d.reason
    assert d.reason.endswith(
        "; datoen for tilbud om ansættelse med løntilskud er ukendt, så datoen for ansættelse i løntilskud "
        "er brugt i stedet"
    )


def test_a_trial_end_beyond_the_catalog_is_cited_as_not_registered(t08):
    # The calculator's "what if": T08 as if extended to 31-12-2026. Follow-up 31-03-2024 + 30
    # months = 30-09-2026 (September has no 31st), a Wednesday, inside that end.
    d = only(
        compute_deadlines(
            t08,
            {"hire": date(2018, 8, 31)},
            [followup(date(2024, 3, 31))],
            date(2026, 11, 30),
            trial_end=date(2026, 12, 31),
        )
    )
    assert (d.legal_due, d.practical_due, d.governed_by) == (date(2026, 9, 30), date(2026, 9, 30), "trial")
    # The catalog knows no extension beyond 31-12-2025: the order alone would not cover 2026 (decision 14).
    assert d.citation == (
        "Bekendtgørelse om frikommuneforsøg II på beskæftigelses- og sygedagpengeområdet (BEK nr. 529 af "
        "23/05/2018), forlænget til 31-12-2026 (slutdatoen er angivet i beregningen; forlængelsen og dens "
        "hjemmel er ikke registreret under Forsøg)"
    )
    # Within the catalog's own period the citation is the catalog's, whatever end is given.
    inside = only(
        compute_deadlines(t08, {"hire": date(2018, 8, 31)}, [], date(2020, 6, 1), trial_end=date(2026, 12, 31))
    )
    assert inside.legal_due == date(2021, 2, 28)
    assert inside.citation == (
        "Bekendtgørelse om frikommuneforsøg II på beskæftigelses- og sygedagpengeområdet (BEK nr. 529 af 23/05/2018)"
    )


def test_deadline_before_the_trial_started_follows_the_ordinary_rule(t08):
    dates = {"hire": date(2017, 1, 15), "offer": date(2017, 1, 1)}
    d = only(compute_deadlines(t08, dates, [followup(date(2017, 6, 20))], date(2018, 1, 1)))
    assert d.legal_due == date(2018, 6, 20)
    assert d.governed_by == "ordinary"
    assert "før forsøgets start 01-07-2018" in d.reason
    d = only(
        compute_deadlines(t08, dates, [followup(date(2017, 6, 20)), followup(date(2018, 6, 15))], date(2018, 7, 1))
    )
    assert d.legal_due == date(2020, 12, 15)
    assert d.governed_by == "trial"


def test_trial_end_warning_appears_90_days_ahead(t08):
    events = [followup(date(2023, 7, 1))]
    hire = {"hire": date(2018, 8, 31)}
    # 31-12-2025 minus 90 days = 02-10-2025.
    on_day = compute_deadlines(t08, hire, events, date(2025, 10, 2))
    assert trial_end_warnings(on_day, date(2025, 10, 2)) == on_day
    early = compute_deadlines(t08, hire, events, date(2025, 10, 1))
    assert trial_end_warnings(early, date(2025, 10, 1)) == []
    assert trial_end_warnings(early, date(2025, 10, 1), horizon_days=91) == early


def test_json_fields(t08):
    d = only(compute_deadlines(t08, {"hire": date(2018, 8, 31)}, [], date(2021, 3, 1)))
    data = d.to_json()
    assert data["legal_due"] == "2021-02-28"
    assert data["practical_due"] == "2021-02-26"
    assert data["ordinary_due"] == "2019-02-28"
    assert data["status"] == "overdue"
    assert set(data) >= {
        "kind",
        "legal_due",
        "practical_due",
        "ordinary_due",
        "status",
        "rule",
        "citation",
        "reason",
    }


def test_a_trial_deadline_missed_during_the_trial_stays_the_trials_after_its_end(t08):
    # docs/decisions.md 3: hired 01-03-2022, no follow-up held. The trial's deadline, 2½ years after
    # the hire, is 01-09-2024, inside the trial (ends 31-12-2025), and was missed: the case has been
    # overdue since then, and that deadline, with the trial's legal basis, is still the one shown
    # on 01-12-2026 – not 01-01-2026, the day the ordinary rule took over.
    d = only(compute_deadlines(t08, {"hire": date(2022, 3, 1)}, [], date(2026, 12, 1)))
    assert d.legal_due == date(2024, 9, 1)
    assert d.practical_due == date(2024, 8, 30)  # 01-09-2024 is a Sunday
    assert d.governed_by == "trial"
    assert d.status == OVERDUE
    assert "BEK nr. 529 af 23/05/2018" in d.citation
    assert d.ordinary_due == date(2022, 9, 1)  # the ordinary rule alone: 6 months after the hire
    # The follow-up held late, on 20-11-2026, after the end: the ordinary rule's 12 months from it.
    d = only(compute_deadlines(t08, {"hire": date(2022, 3, 1)}, [followup(date(2026, 11, 20))], date(2026, 12, 1)))
    assert d.legal_due == date(2027, 11, 20)
    assert d.governed_by == "ordinary"
