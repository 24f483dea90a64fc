"""The line over the Frister tab for a trial that has ended: how many deadlines the ordinary rule now
governs because of it (decision 3), beside the warning before a trial's end."""

from __future__ import annotations

from datetime import date

from caseworker_app.core.cases import CaseRecord, deadlines_for_cases
from caseworker_app.core.catalog_load import load_catalog
from caseworker_app.core.deadline_notices import trial_end_notices

CATALOG = load_catalog()


def t08(case_id: int, hire: date) -> CaseRecord:
    return CaseRecord(case_id, f"Borger {case_id}", f"2024-{case_id:04d}", "T08", dates={"hire": hire})


def test_an_ended_trial_says_how_many_deadlines_the_ordinary_rule_now_governs():
    # On 30-11-2026 (T08 ended 31-12-2025):
    # - hired 31-08-2018: the trial rule's 28-02-2021 fell inside the trial, which governs it still;
    # - hired 01-06-2024: the trial rule's 01-12-2026 is after the end, so the ordinary rule governs
    #   (6 months after the offer, i.e. the hire: 01-12-2024, passed, so 01-01-2026).
    cases = [t08(1, date(2018, 8, 31)), t08(2, date(2024, 6, 1))]
    today = date(2026, 11, 30)
    items = deadlines_for_cases(cases, CATALOG, today)
    assert [(i.case.id, i.deadline.governed_by, i.deadline.legal_due) for i in items] == [
        (1, "trial", date(2021, 2, 28)),
        (2, "ordinary", date(2026, 1, 1)),
    ]
    assert trial_end_notices(items, today, 90) == [
        "Forsøg T08 sluttede 31-12-2025: 1 frist regnes nu efter den almindelige regel, medmindre "
        "kommunen har fået forlængelse (se fanen Forsøg)"
    ]


def test_before_the_end_only_the_coming_end_is_said():
    # On 01-11-2025, 60 days before the end (within the 90 days' warning): the second case's
    # deadline becomes overdue on 01-01-2026, the day after the end; nothing has ended yet.
    cases = [t08(2, date(2024, 6, 1))]
    today = date(2025, 11, 1)
    assert trial_end_notices(deadlines_for_cases(cases, CATALOG, today), today, 90) == [
        "Forsøg T08 slutter 31-12-2025: 1 sag får en overskredet frist dagen efter"
    ]


def test_several_ended_trials_are_said_in_one_line():
    # T16 (ended 31-12-2015): first day of absence 07-01-2019, so the ordinary rule (55 days:
    # 03-03-2019) governs; T08 as above. One line for both, not a line per trial.
    cases = [
        t08(2, date(2024, 6, 1)),
        CaseRecord(3, "Borger 3", "2019-0003", "T16", dates={"absence_start": date(2019, 1, 7)}),
    ]
    today = date(2026, 11, 30)
    items = deadlines_for_cases(cases, CATALOG, today)
    assert [(i.case.id, i.deadline.governed_by) for i in items] == [(3, "ordinary"), (2, "ordinary")]
    assert trial_end_notices(items, today, 90) == [
        "Den almindelige regel gælder nu for frister i forsøg, der er slut, medmindre kommunen har fået "
        "forlængelse (se fanen Forsøg): T08 sluttede 31-12-2025 (1 frist), T16 sluttede 31-12-2015 (1 frist)"
    ]


def test_the_deadlines_command_heads_an_ended_trial_as_ended_and_a_coming_end_as_coming():
    from caseworker_app.cli.store import deadline_report

    # On 01-11-2025: T16 ended ten years ago (the case above); T08 ends in 60 days (the case above).
    cases = [
        t08(2, date(2024, 6, 1)),
        CaseRecord(3, "Borger 3", "2019-0003", "T16", dates={"absence_start": date(2019, 1, 7)}),
    ]
    today = date(2025, 11, 1)
    lines = deadline_report(deadlines_for_cases(cases, CATALOG, today), today).splitlines()
    assert lines[-5:] == [
        "Forsøg, der er slut",
        "  ! Forsøg T16 sluttede 31-12-2015: 1 frist regnes nu efter den almindelige regel, medmindre "
        "kommunen har fået forlængelse (se fanen Forsøg)",
        "",
        "Forsøg, der snart slutter",
        "  ! Forsøg T08 slutter 31-12-2025: 1 sag får en overskredet frist dagen efter",
    ]
    assert lines.count("Forsøg, der snart slutter") == 1


def test_a_deadline_the_trial_never_applied_to_is_not_counted_as_taken_over_at_its_end():
    # On 30-11-2026 (T08 ended 31-12-2025, T09 31-12-2021):
    # - T08 hired 01-06-2024: taken over at the end (01-01-2026, as above): counted;
    # - T08 hired 01-01-2017: 6 months after the offer (the hire) is 01-07-2017, before the trial
    #   began 01-07-2018, so the ordinary rule governed it from the start: not counted;
    # - T09 with the municipality's 6 weeks from 01-01-2019, ledig siden 01-01-2019 and praktik
    #   from 01-09-2020 (20 months: not under 18): the ordinary 01-09-2020 + 6 weeks - 1 day =
    #   12-10-2020 governs because the condition is unmet, not because T09 ended: not counted.
    import json

    from caseworker_app.core.overrides import TrialOverride, apply_overrides

    value = {"from": "2019-01-01", "maximum": {"weeks": 6}, "text": "praktik højst 6 uger", "reference": "§ 61 LAB"}
    row = TrialOverride("T09", "ordinary", json.dumps(value), "Brev", created_at="2026-11-01T10:00:00+00:00")
    catalog = apply_overrides(CATALOG, [row])
    t09 = CaseRecord(
        5,
        "Borger 5",
        "2020-0005",
        "T09",
        dates={"praktik_start": date(2020, 9, 1), "unemployed_since": date(2019, 1, 1)},
    )
    # - T18 (18-06-2012 to 31-12-2015), a praktik begun 01-06-2012, before it: the ordinary 4 weeks,
    #   01-06-2012 + 4 weeks - 1 day = 28-06-2012, govern as for any praktik begun outside it: not counted.
    t18 = CaseRecord(6, "Borger 6", "2012-0006", "T18", dates={"praktik_start": date(2012, 6, 1)})
    today = date(2026, 11, 30)
    cases = [t08(2, date(2024, 6, 1)), t08(4, date(2017, 1, 1)), t09, t18]
    items = deadlines_for_cases(cases, catalog, today)
    assert [(i.case.id, i.deadline.governed_by, i.deadline.legal_due) for i in items] == [
        (6, "ordinary", date(2012, 6, 28)),
        (4, "ordinary", date(2017, 7, 1)),
        (5, "ordinary", date(2020, 10, 12)),
        (2, "ordinary", date(2026, 1, 1)),
    ]
    assert trial_end_notices(items, today, 90) == [
        "Forsøg T08 sluttede 31-12-2025: 1 frist regnes nu efter den almindelige regel, medmindre "
        "kommunen har fået forlængelse (se fanen Forsøg)"
    ]
