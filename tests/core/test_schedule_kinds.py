"""Every rule kind in the shipped catalog, with expected dates worked out by hand."""

from datetime import date

import pytest

from caseworker_app.core.cases import group_of
from caseworker_app.core.catalog_load import load_catalog
from caseworker_app.core.deadline import due_text, practical_text
from caseworker_app.core.event import Event
from caseworker_app.core.schedule import compute_deadlines

CATALOG = load_catalog()


def one(trial_id, dates, events=(), today=date(2019, 1, 1), **kw):
    found = compute_deadlines(CATALOG[trial_id], dates, list(events), today, **kw)
    assert len(found) == 1, found
    return found[0]


def talk(day, form=None):
    return Event(day, "talk", form=form)


# ---- count_window: T05, at least 4 talks within 12 months (ordinary: personal talks only)


def test_count_window_first_year_from_visitation():
    d = one("T05", {"visitation": date(2019, 2, 1)})
    assert d.kind == "count_window"
    assert d.legal_due == date(2020, 1, 31)  # last day of the 12 months from 01-02-2019
    assert d.ordinary_due == date(2020, 1, 31)
    assert "0 holdt indtil nu" in d.reason


def test_count_window_next_talk_when_the_fourth_latest_falls_out():
    talks = [
        talk(date(2019, 2, 10), "personligt"),
        talk(date(2019, 5, 10), "telefon"),
        talk(date(2019, 8, 10), "personligt"),
        talk(date(2019, 11, 10), "gruppe"),
    ]
    d = one("T05", {"visitation": date(2019, 2, 1)}, talks, today=date(2019, 12, 1))
    assert d.legal_due == date(2020, 2, 10)
    assert "den 4.-seneste samtale var 10-02-2019" in d.reason
    # The talks by phone and in a group were held under the trial, which counts them: the ordinary
    # rule (in person only) would govern from the trial's end with the same four talks, so the same date.
    assert d.ordinary_due == date(2020, 2, 10)


def test_count_window_store_bededag_2020():
    talks = [
        talk(date(2019, 2, 10)),
        talk(date(2019, 5, 10)),
        talk(date(2019, 8, 10)),
        talk(date(2019, 11, 10)),
        talk(date(2020, 1, 5)),
    ]
    d = one("T05", {"visitation": date(2019, 2, 1)}, talks, today=date(2020, 1, 5))
    assert d.legal_due == date(2020, 5, 10)  # a Sunday
    assert d.practical_due == date(2020, 5, 7)  # 08-05-2020 was store bededag


def test_count_window_after_the_trial_ended():
    d = one("T05", {"visitation": date(2021, 6, 1)}, today=date(2021, 6, 1))
    assert d.legal_due == date(2022, 5, 31)
    assert d.governed_by == "ordinary"


# ---- duration_end: T06 extension up to 12 months, T09 praktik 2-4 weeks, T18/T19 13/26 weeks


def test_extension_of_ressourceforloeb_ends_after_12_months():
    d = one("T06", {"extension_start": date(2020, 1, 15)})
    assert d.kind == "duration_end"
    assert d.legal_due == date(2021, 1, 14)
    assert d.ordinary_due is None
    assert (
        compute_deadlines(
            CATALOG["T06"],
            {"extension_start": date(2020, 1, 15)},
            [Event(date(2020, 12, 1), "followup")],
            date(2020, 12, 1),
        )
        == []
    )


def test_extension_running_past_the_trial_end_ends_with_the_trial():
    # Decision 12: 01-06-2025 + 12 months - 1 day = 31-05-2026 under the trial rule, but the trial
    # ends 31-12-2025 and no ordinary limit is known, so the extension may last to 31-12-2025.
    d = one("T06", {"extension_start": date(2025, 6, 1)}, today=date(2025, 6, 1))
    assert d.legal_due == date(2025, 12, 31)  # nytårsaftensdag, a Wednesday
    # A period's last day is how long it may run, not a duty done "senest" (decision 7): it may run
    # to nytårsaftensdag, so no earlier practical date (an auditor).
    assert (d.practical_due, d.day_off) == (date(2025, 12, 31), None)
    assert d.trial_due == date(2026, 5, 31)
    assert d.due_to_trial_end
    assert d.reason == (
        "Forsøget slutter 31-12-2025: perioden må højst vare til forsøgets sidste dag; efter "
        "forsøgsreglen højst 12 måneder fra forlængelsens start 01-06-2025"
    )
    # No ordinary rule to return to, so nothing is said of one.
    assert d.trial_due_text == (
        "Efter forsøgsreglen ville fristen være 31-05-2026, men forsøget gælder kun til og med 31-12-2025."
    )


def test_t06_extension_begun_in_december_2025_is_overdue_in_november_2026():
    # The case: begun 14-12-2025, the trial rule gives 13-12-2026; on 29-11-2026 the
    # period ended with the trial on 31-12-2025 and is overdue, said with the reason.
    d = one("T06", {"extension_start": date(2025, 12, 14)}, today=date(2026, 11, 29))
    assert d.legal_due == date(2025, 12, 31)
    assert d.trial_due == date(2026, 12, 13)
    assert d.status == "overdue"
    assert d.reason.startswith("Forsøget sluttede 31-12-2025: ")  # read in 2026: the past tense


def test_t09_praktik_begun_before_the_trial_end_ends_with_the_trial():
    # Begun Monday 13-12-2021: 4 weeks end 09-01-2022, after the trial's end 31-12-2021; its 2 weeks
    # (26-12-2021) fall within it. (Begun 19-12-2021 or later it cannot last 2 weeks under the trial:
    # tests/core/test_trial_conditions_in_deadlines.py.)
    d = one("T09", {"praktik_start": date(2021, 12, 13)}, today=date(2021, 12, 13))
    assert d.legal_due == date(2021, 12, 31)
    assert (d.practical_due, d.day_off) == (date(2021, 12, 31), None)  # nytårsaftensdag: a period may run to it
    assert d.trial_due == date(2022, 1, 9)
    assert d.governed_by == "trial"


def test_t18_praktik_of_13_weeks_begun_december_2025_ends_on_the_trial_end():
    # T18 extended (here) to 31-12-2025; from 01-12-2025 13 weeks end 01-03-2026 (trial rule), the
    # ordinary 4 weeks end 28-12-2025: the later of that and the trial end is 31-12-2025.
    d = one("T18", {"praktik_start": date(2025, 12, 1)}, today=date(2025, 12, 1), trial_end=date(2025, 12, 31))
    assert d.legal_due == date(2025, 12, 31)
    assert d.ordinary_due == date(2025, 12, 28)
    assert d.trial_due == date(2026, 3, 1)
    # The days after 28-12-2025 are the trial's (decision 12): so are the last day and its basis.
    assert d.governed_by == "trial"
    assert d.caution == ""


def test_t18_praktik_whose_ordinary_limit_outlives_the_trial_keeps_it():
    # From 20-12-2025 the ordinary 4 weeks end 16-01-2026, after the trial end 31-12-2025: later wins.
    d = one("T18", {"praktik_start": date(2025, 12, 20)}, today=date(2025, 12, 20), trial_end=date(2025, 12, 31))
    assert d.legal_due == date(2026, 1, 16)
    assert d.trial_due == date(2026, 3, 20)  # 20-12-2025 + 13 weeks - 1 day
    assert not d.due_to_trial_end


def test_four_week_praktik_from_monday_ends_sunday():
    # Decision 7: a praktik may run over the weekend; its last day, Sunday 31-03-2019, has no earlier
    # practical date (an auditor: "I praksis senest fredag 29-03-2019" shortened the praktik).
    d = one("T09", {"praktik_start": date(2019, 3, 4)})
    assert d.legal_due == date(2019, 3, 31)
    assert (d.practical_due, d.day_off) == (date(2019, 3, 31), None)
    assert d.reason == "Højst 4 uger fra praktikstart 04-03-2019, sidste dag"
    ended = [Event(date(2019, 3, 29), "praktik_end")]
    assert compute_deadlines(CATALOG["T09"], {"praktik_start": date(2019, 3, 4)}, ended, date(2019, 4, 1)) == []


def test_thirteen_and_twenty_six_week_praktik():
    d = one("T18", {"praktik_start": date(2015, 3, 2)}, today=date(2015, 3, 2))
    assert d.legal_due == date(2015, 5, 31)  # a Sunday: the praktik may run to it (decision 7)
    assert (d.practical_due, d.day_off) == (date(2015, 5, 31), None)
    assert d.ordinary_due == date(2015, 3, 29)
    d = one("T19", {"praktik_start": date(2015, 3, 2)}, today=date(2015, 3, 2))
    assert d.legal_due == date(2015, 8, 30)  # a Sunday
    assert (d.practical_due, d.day_off) == (date(2015, 8, 30), None)


def test_praktik_after_the_trial_ended_gets_the_ordinary_four_weeks():
    d = one("T18", {"praktik_start": date(2019, 3, 4)})
    assert d.legal_due == date(2019, 3, 31)
    assert d.governed_by == "ordinary"
    d = one("T18", {"praktik_start": date(2019, 3, 4)}, trial_end=date(2019, 12, 31))
    assert d.legal_due == date(2019, 6, 2)  # a Sunday: the period's last day, no practical date before it
    assert (d.practical_due, d.day_off) == (date(2019, 6, 2), None)


# ---- decision: T07, every 6 months adjust the plan or note why not


def test_decision_point_six_months_after_visitation():
    d = one("T07", {"visitation": date(2020, 3, 31)}, today=date(2020, 4, 1))
    assert d.kind == "decision"
    assert d.legal_due == date(2020, 9, 30)
    assert d.ordinary_due == date(2020, 9, 30)


def test_plan_not_adjusted_restarts_the_trial_clock_only():
    events = [Event(date(2020, 9, 15), "plan_not_adjusted")]
    d = one("T07", {"visitation": date(2020, 3, 31)}, events, today=date(2020, 9, 15))
    assert d.legal_due == date(2021, 3, 15)
    assert d.ordinary_due == date(2020, 9, 30)
    events.append(Event(date(2021, 3, 20), "plan_adjusted"))
    d = one("T07", {"visitation": date(2020, 3, 31)}, events, today=date(2021, 3, 20))
    assert d.legal_due == date(2021, 9, 20)
    assert d.ordinary_due == date(2021, 9, 20)


def test_decision_at_trial_end_new_year():
    events = [
        Event(date(2021, 3, 20), "plan_adjusted"),
        Event(date(2021, 10, 1), "plan_not_adjusted"),
    ]
    d = one("T07", {"visitation": date(2020, 3, 31)}, events, today=date(2021, 10, 1))
    # Trial 01-04-2022 is after the end 31-12-2021; ordinary 20-09-2021 had passed -> 01-01-2022.
    assert d.legal_due == date(2022, 1, 1)
    assert d.practical_due == date(2021, 12, 30)
    assert d.due_to_trial_end


def test_a_decision_the_ordinary_rule_does_not_count_is_named_in_the_reason():
    # T07 ended 31-12-2021. Visitation 01-01-2025, so the ordinary rule governs: 6 months after the
    # visitation, 01-07-2025. An imported decision of unknown outcome (27-05-2026) does not restart
    # it; the reason says so, rather than leave the caseworker to think her date was overlooked.
    events = [Event(date(2026, 5, 27), "plan_decision")]
    d = one("T07", {"visitation": date(2025, 1, 1)}, events, today=date(2026, 11, 23))
    assert (d.legal_due, d.governed_by) == (date(2025, 7, 1), "ordinary")
    assert d.reason == (
        "6 måneder efter visitation 01-01-2025, og stillingtagen til indsatsplanen med ukendt udfald "
        "27-05-2026 tæller ikke efter denne regel; almindelig regel efter forsøgets slutning 31-12-2021"
    )
    # An adjustment counts; a later 'not adjusted' does not.
    events = [Event(date(2025, 3, 1), "plan_adjusted"), Event(date(2025, 6, 2), "plan_not_adjusted")]
    d = one("T07", {"visitation": date(2025, 1, 1)}, events, today=date(2026, 11, 23))
    assert d.legal_due == date(2025, 9, 1)
    assert d.reason == (
        "6 måneder efter seneste stillingtagen til indsatsplanen 01-03-2025, og indsatsplan ikke justeret "
        "02-06-2025 tæller ikke efter denne regel; almindelig regel efter forsøgets slutning 31-12-2021"
    )


# ---- caseworker_set: T12 own cadence, T16 with the ordinary sickness-benefit rule beside it


def test_caseworker_set_date_on_grundlovsdag():
    d = one("T12", {"agreed": date(2021, 6, 5)}, today=date(2021, 5, 1))
    assert d.kind == "caseworker_set"
    assert d.legal_due == date(2021, 6, 5)
    assert d.practical_due == date(2021, 6, 4)
    assert d.ordinary_due is None
    # Met: the next date must be agreed; the deadline asks for it instead of vanishing.
    met = [talk(date(2021, 6, 4)), talk(date(2021, 6, 5))]
    d = one("T12", {"agreed": date(2021, 6, 5)}, met, today=date(2021, 6, 6))
    assert d.undated and d.status == "overdue"
    assert due_text(d) == "dato ikke aftalt – aftal og registrér den"
    assert d.reason == (
        "Den aftalte dato 05-06-2021 er overholdt, og næste dato er ikke aftalt: aftal den og registrér den på sagen"
    )
    # A talk held after the date met it late, as the evaluation counts it: not "overholdt" (a tester).
    # Tuesday 08-06-2021 is 3 days after Saturday 05-06-2021.
    d = one("T12", {"agreed": date(2021, 6, 5)}, [talk(date(2021, 6, 8))], today=date(2021, 6, 9))
    assert d.undated
    assert d.reason == (
        "Den aftalte dato 05-06-2021 blev først nået 08-06-2021, 3 dage for sent, og næste dato er ikke aftalt: "
        "aftal den og registrér den på sagen"
    )


def test_t16_without_an_agreed_date_asks_for_one_during_the_trial():
    # First day of absence 02-03-2015, no agreed date, on 01-06-2015 (the trial runs to 31-12-2015):
    # no invented date; the ordinary rule's 02-03-2015 + 55 days = 26-04-2015 is shown beside.
    d = one("T16", {"absence_start": date(2015, 3, 2)}, today=date(2015, 6, 1))
    assert d.undated
    assert d.status == "overdue"
    assert d.ordinary_due == date(2015, 4, 26)
    assert due_text(d) == "dato ikke aftalt – aftal og registrér den"
    assert practical_text(d) == ""
    assert d.reason == "Ingen dato aftalt: aftal datoen med borgeren og registrér den på sagen"
    assert group_of(d, date(2015, 6, 1)) == "overdue"
    # After the trial the ordinary rule governs (decision 3): 26-04-2015 had passed on 01-01-2016.
    d = one("T16", {"absence_start": date(2015, 3, 2)}, today=date(2016, 1, 4))
    assert not d.undated
    assert d.legal_due == date(2016, 1, 1)
    assert d.governed_by == "ordinary"


def test_sickness_benefit_ordinary_rule_end_of_eighth_week():
    dates = {"absence_start": date(2019, 1, 7), "agreed": date(2019, 2, 20)}
    d = one("T16", dates, trial_end=date(2019, 12, 31))
    assert d.legal_due == date(2019, 2, 20)
    assert d.ordinary_due == date(2019, 3, 3)  # 07-01-2019 + 55 days
    # After the trial (ended 31-12-2015) the ordinary rule governs.
    d = one("T16", {"absence_start": date(2019, 1, 7)})
    assert d.legal_due == date(2019, 3, 3)
    assert d.practical_due == date(2019, 3, 1)
    assert d.governed_by == "ordinary"
    followed = [Event(date(2019, 2, 25), "followup")]
    d = one("T16", {"absence_start": date(2019, 1, 7)}, followed, today=date(2019, 2, 25))
    assert d.legal_due == date(2019, 3, 25)  # 4 weeks after the last follow-up


@pytest.mark.parametrize("trial_id", ["T01", "T02", "T03", "T10", "T11", "T13", "T14", "T17"])
def test_trials_without_a_computable_deadline_give_none(trial_id):
    assert CATALOG[trial_id].rules == ()
    assert compute_deadlines(CATALOG[trial_id], {}, [], date(2020, 1, 1)) == []
    assert CATALOG[trial_id].conditions


# ---- found in review: the expected dates are worked out by hand


def test_a_talk_on_the_practical_day_meets_an_agreed_date_on_a_holiday():
    # 05-06-2021 is a Saturday and Grundlovsdag: in practice Friday 04-06-2021.
    agreed = {"agreed": date(2021, 6, 5)}
    d = one("T12", agreed, [talk(date(2021, 6, 4))], today=date(2021, 6, 7))
    assert d.undated  # met: the next date is to be agreed
    # A talk the day before that is taken as the one at which the date was agreed.
    d = one("T12", agreed, [talk(date(2021, 6, 3))], today=date(2021, 6, 7))
    assert d.legal_due == date(2021, 6, 5)
    assert d.status == "overdue"


def test_a_clock_started_after_the_trial_ended_is_not_under_the_trial_rule():
    # T09 ended 31-12-2021; a praktik from 04-03-2024 is not covered, and no ordinary rule is known.
    d = one("T09", {"praktik_start": date(2024, 3, 4)}, today=date(2024, 3, 4))
    assert d.governed_by == "none"
    assert d.legal_due == date(2024, 3, 31)  # Easter Sunday 2024
    assert (d.practical_due, d.day_off) == (date(2024, 3, 31), None)  # a period's last day (decision 7)
    assert d.citation == "Ingen: forsøget gjaldt fra 01-07-2018 til og med 31-12-2021"  # ended: past tense (a tester)
    assert d.rule.startswith("Forsøgsreglen gælder ikke her: ")
    assert d.reason == (
        "Praktikstart 04-03-2024 ligger uden for forsøgsperioden 01-07-2018–31-12-2021, "
        "så forsøgsreglen gælder ikke; kataloget har ingen almindelig regel, så datoen er kun en påmindelse "
        "efter forsøgsreglen: højst 4 uger fra praktikstart 04-03-2024, sidste dag"
    )


def test_a_period_must_end_on_the_trials_last_day_when_the_ordinary_limit_has_passed():
    # 13 weeks from 05-10-2015 would end 03-01-2016, after the trial's end 30-11-2015; the
    # ordinary 4 weeks ended 01-11-2015, so the praktik may last to 30-11-2015, not 01-12-2015.
    d = one(
        "T18",
        {"praktik_start": date(2015, 10, 5)},
        today=date(2015, 10, 5),
        trial_end=date(2015, 11, 30),
    )
    assert d.legal_due == date(2015, 11, 30)
    assert d.ordinary_due == date(2015, 11, 1)
    assert d.due_to_trial_end
    assert d.reason == (
        "Forsøget slutter 30-11-2015: perioden må højst vare til forsøgets sidste dag; efter forsøgsreglen "
        "højst 13 uger fra praktikstart 05-10-2015"
    )
    assert (
        d.trial_due_text
        == "Efter forsøgsreglen ville fristen være 03-01-2016, men forsøget gælder kun til og med 30-11-2015."
    )


def test_events_after_today_have_not_happened_yet():
    events = [Event(date(2021, 1, 10), "followup")]
    d = one("T08", {"hire": date(2018, 8, 31)}, events, today=date(2020, 1, 1))
    assert d.legal_due == date(2021, 2, 28)


def test_the_unknown_offer_is_mentioned_only_when_the_date_counts_from_it():
    events = [Event(date(2024, 12, 20), "followup")]
    d = one("T08", {"hire": date(2018, 8, 31)}, events, today=date(2025, 1, 1))
    # Trial 20-06-2027 is after the end; ordinary 20-12-2025 passed by 01-01-2026.
    assert d.legal_due == date(2026, 1, 1)
    assert "ukendt" not in d.reason


def test_count_window_under_the_ordinary_rule_says_only_talks_in_person_count():
    # Visitation 01-02-2017, before T05 began 01-08-2018: the ordinary rule's window ends
    # 31-01-2018 (the last day of 12 months), before the start, so the ordinary rule governs.
    # It counts talks held in person only: of the two held, the one by phone does not count.
    talks = [talk(date(2017, 3, 1), "personligt"), talk(date(2017, 6, 1), "telefon")]
    d = one("T05", {"visitation": date(2017, 2, 1)}, talks, today=date(2018, 3, 1))
    assert (d.legal_due, d.governed_by) == (date(2018, 1, 31), "ordinary")
    assert d.reason.endswith(
        "; 1 holdt indtil nu, så der mangler 3, og kun samtaler holdt personligt tæller; før forsøgets start 01-08-2018"
    )


def test_talks_held_by_phone_or_in_a_group_under_the_trial_count_after_its_end():
    # T05 ends 31-12-2021. Visitation 01-03-2021: 12 months end 28-02-2022, after the trial's end,
    # so the ordinary rule governs. The talk by phone and the group talk were held under the trial,
    # which counts them: 2 held, 2 more by 28-02-2022 (not 0 held, as if they were not talks).
    talks = [talk(date(2021, 4, 1), "telefon"), talk(date(2021, 5, 1), "gruppe")]
    d = one("T05", {"visitation": date(2021, 3, 1)}, talks, today=date(2021, 6, 15))
    assert (d.legal_due, d.governed_by) == (date(2022, 2, 28), "ordinary")
    assert d.reason == (
        "Mindst 4 samtaler inden for 12 måneder fra visitation 01-03-2021; 2 holdt indtil nu, så der "
        "mangler 2, og uden for forsøgsperioden tæller kun samtaler holdt personligt; almindelig regel "
        "efter forsøgets slutning 31-12-2021"
    )


def test_a_talk_by_phone_after_the_trial_end_does_not_count_one_in_person_does():
    talks = [
        talk(date(2021, 4, 1), "telefon"),
        talk(date(2021, 5, 1), "gruppe"),
        talk(date(2022, 1, 10), "telefon"),  # after the end: the ordinary rule's forms hold
        talk(date(2022, 1, 20), "personligt"),
    ]
    d = one("T05", {"visitation": date(2021, 3, 1)}, talks, today=date(2022, 1, 25))
    assert d.legal_due == date(2022, 2, 28)
    assert "; 3 holdt indtil nu, så der mangler 1, og uden for" in d.reason


def test_four_talks_by_phone_under_the_trial_meet_the_count_after_its_end():
    # Visitation 01-01-2021; four talks by phone 01-02, 01-04, 01-06 and 01-08-2021, all under the
    # trial: the 4th-latest (01-02-2021) falls out of the window 01-02-2022, after the end (31-12-2021),
    # so the ordinary rule governs – and it must count them, or the case would be overdue on 01-01-2022.
    talks = [talk(date(2021, month, 1), "telefon") for month in (2, 4, 6, 8)]
    d = one("T05", {"visitation": date(2021, 1, 1)}, talks, today=date(2021, 9, 1))
    assert (d.legal_due, d.governed_by, d.due_to_trial_end) == (date(2022, 2, 1), "ordinary", False)
    assert "den 4.-seneste samtale var 01-02-2021" in d.reason


def test_talks_by_phone_or_in_a_group_before_the_trial_began_do_not_count_for_the_trial_rule():
    # T05 began 01-08-2018; before it only talks in person counted (the ordinary rule, the rule in
    # force on the day). Visitation 01-03-2018; talks 01-04-2018 by phone and 01-06-2018 in a group
    # (before the start: they do not count), 01-09-2018 and 01-10-2018 by phone (under the trial:
    # they count). 2 of 4 held, so all 4 are due by the last day of the 12 months from 01-03-2018:
    # 28-02-2019, within the trial, so the trial rule governs (not 01-04-2019 from the 01-04 talk).
    talks = [
        talk(date(2018, 4, 1), "telefon"),
        talk(date(2018, 6, 1), "gruppe"),
        talk(date(2018, 9, 1), "telefon"),
        talk(date(2018, 10, 1), "telefon"),
    ]
    d = one("T05", {"visitation": date(2018, 3, 1)}, talks, today=date(2018, 11, 1))
    assert (d.legal_due, d.governed_by) == (date(2019, 2, 28), "trial")
    assert d.reason == (
        "Mindst 4 samtaler inden for 12 måneder fra visitation 01-03-2018; 2 holdt indtil nu, så der "
        "mangler 2, og uden for forsøgsperioden tæller kun samtaler holdt personligt"
    )


def test_the_same_talks_held_under_the_trial_all_count():
    # The same forms, all held from the trial's first day 01-08-2018: 01-08 by phone, 15-08 in a
    # group, 01-09 and 01-10 by phone. All 4 count; the 4th-latest, 01-08-2018, falls out of the
    # window 12 months later: 01-08-2019 (a Thursday), within the trial.
    talks = [
        talk(date(2018, 8, 1), "telefon"),
        talk(date(2018, 8, 15), "gruppe"),
        talk(date(2018, 9, 1), "telefon"),
        talk(date(2018, 10, 1), "telefon"),
    ]
    d = one("T05", {"visitation": date(2018, 3, 1)}, talks, today=date(2018, 11, 1))
    assert (d.legal_due, d.practical_due, d.governed_by) == (date(2019, 8, 1), date(2019, 8, 1), "trial")
    assert d.reason == "Mindst 4 samtaler inden for 12 måneder: den 4.-seneste samtale var 01-08-2018"


def test_a_talk_in_person_before_the_trial_began_counts_for_the_trial_rule():
    # Talks in person 01-04-2018 and 01-06-2018 (before the start: the ordinary rule counts them),
    # by phone 01-09-2018 and 01-10-2018 (under the trial). All 4 count; the 4th-latest, 01-04-2018,
    # falls out of the window 12 months later: 01-04-2019.
    talks = [
        talk(date(2018, 4, 1), "personligt"),
        talk(date(2018, 6, 1), "personligt"),
        talk(date(2018, 9, 1), "telefon"),
        talk(date(2018, 10, 1), "telefon"),
    ]
    d = one("T05", {"visitation": date(2018, 3, 1)}, talks, today=date(2018, 11, 1))
    assert (d.legal_due, d.governed_by) == (date(2019, 4, 1), "trial")
    assert "den 4.-seneste samtale var 01-04-2018" in d.reason


def test_a_clock_started_before_the_trial_says_the_trial_applies_while_it_runs():
    # T09 began 01-07-2018; a praktik from 30-06-2018 is not the trial's. Seen on 02-07-2018, the
    # trial still runs: "gælder" (after its end 31-12-2021 the same says "gjaldt", above).
    d = one("T09", {"praktik_start": date(2018, 6, 30)}, today=date(2018, 7, 2))
    assert d.governed_by == "none"
    assert d.citation == "Ingen: forsøget gælder fra 01-07-2018 til og med 31-12-2021"
