"""A domain auditor's findings on the trial catalog, each date worked out by hand.

T04: the ordinary rule (mentor contact every 2nd week) is computed once the trial has ended.
T16: "every 4 weeks" is known from the 2014 sickness-benefit reform's follow-up rules (05-01-2015), not
from 2012. T11, T14: 2nd-round trials, not begun when the law took effect on 01-07-2017.

Calendar: 01-01-2022 is a Saturday and nytårsdag, 31-12-2021 nytårsaftensdag, so the practical date of
01-01-2022 is Thursday 30-12-2021.
"""

from __future__ import annotations

from datetime import date

import pytest

from caseworker_app.core.catalog_load import load_catalog
from caseworker_app.core.event import Event
from caseworker_app.core.note_errors import NoteError
from caseworker_app.core.overrides import override_errors
from caseworker_app.core.schedule import compute_deadlines
from caseworker_app.paths import resources_dir
from caseworker_app.services.catalog_texts import ordinary_rule_lines
from tests.core.test_notes import render

CATALOG = load_catalog(resources_dir() / "trials")
T04_DATES = {"visitation": date(2021, 3, 1), "agreed": date(2021, 12, 15)}


def _t04(dates, followups, today):
    [deadline] = compute_deadlines(CATALOG["T04"], dates, [Event(day, "followup") for day in followups], today)
    return deadline


def test_t04_while_the_trial_runs_the_agreed_review_governs_with_the_ordinary_date_beside():
    # Latest follow-up 22-11-2021 + 2 weeks = 06-12-2021 (ordinary); the review agreed for 15-12-2021.
    d = _t04(T04_DATES, [date(2021, 11, 22)], date(2021, 12, 1))
    assert d.governed_by == "trial"
    assert d.legal_due == date(2021, 12, 15)
    assert d.ordinary_due == date(2021, 12, 6)


def test_t04_after_the_trial_a_passed_mentor_contact_is_due_the_day_after_its_end():
    # The review on 15-12-2021 met the agreed date; 15-12-2021 + 2 weeks = 29-12-2021, before the trial
    # ended: due 01-01-2022 and overdue that day (decision 3).
    d = _t04(T04_DATES, [date(2021, 11, 22), date(2021, 12, 15)], date(2022, 1, 3))
    assert d.governed_by == "ordinary"
    assert d.legal_due == date(2022, 1, 1)
    assert d.practical_due == date(2021, 12, 30)
    assert d.status == "overdue"
    assert d.citation == "Reglerne om ret- og pligtmentor; lovhenvisning ikke angivet i kilderne"
    assert d.reason.startswith(
        "Forsøget sluttede 31-12-2021: efter almindelig regel, 2 uger efter seneste opfølgning 15-12-2021, "
        "var fristen 29-12-2021, så fristen er dagen efter forsøgets slutning"
    )


def test_t04_after_the_trial_each_contact_counts_from_the_latest_follow_up():
    # 27-12-2021 + 2 weeks = 10-01-2022, after the trial's end: that day.
    d = _t04(T04_DATES, [date(2021, 12, 15), date(2021, 12, 27)], date(2022, 1, 3))
    assert (d.governed_by, d.legal_due) == ("ordinary", date(2022, 1, 10))
    # A contact after the end, 05-01-2022: + 2 weeks = 19-01-2022.
    d = _t04(T04_DATES, [date(2021, 12, 15), date(2021, 12, 27), date(2022, 1, 5)], date(2022, 1, 10))
    assert (d.governed_by, d.legal_due) == ("ordinary", date(2022, 1, 19))
    assert (
        d.reason == "2 uger efter seneste opfølgning 05-01-2022; almindelig regel efter forsøgets slutning 31-12-2021"
    )


def test_t04_without_the_visitation_after_the_trial_names_the_date_the_ordinary_rule_needs():
    d = _t04({"agreed": date(2021, 12, 15)}, [date(2021, 12, 15)], date(2022, 1, 3))
    assert d.undated
    assert d.governed_by == "none"
    # It said "kataloget har ingen almindelig regel": untrue once the catalog has one.
    assert d.reason == (
        'Forsøget sluttede 31-12-2021; den almindelige regel regnes fra datoen "Visiteret som aktivitetsparat '
        '(ret og pligt til mentor)", som ikke er registreret på sagen: registrér den, eller følg sagen op efter '
        "de almindelige regler"
    )


def test_t16_every_four_weeks_is_known_from_the_2014_reforms_follow_up_rules():
    [line] = ordinary_rule_lines(CATALOG["T16"], date(2026, 12, 1))
    assert line.startswith("almindelig regel kendt fra 05-01-2015: ")


def test_t16_a_municipal_change_before_the_reform_is_refused():
    # Before, the catalog's rule was "known" from 18-06-2012, so a change from 01-01-2015 was taken.
    fields = {"from": "01-01-2015", "first": "55 dage", "every": "4 uger", "text": "x", "reference": "§ 1"}
    errors, _ = override_errors(CATALOG, "T16", "ordinary", fields, "Brev", today=date(2026, 12, 1))
    assert errors["from"].startswith("Den almindelige regel i kataloget gælder fra 05-01-2015; ")


def test_t16_before_known_from_the_engine_still_computes_with_the_catalogs_one_rule():
    # The format holds one catalog version of the ordinary rule, so a date before known_from is
    # computed with it (the engine's behaviour, unchanged): absence 02-01-2012, follow-up 20-02-2012,
    # + 4 weeks = 19-03-2012, shown beside, although in 2012 the rhythm followed the visitation category.
    [d] = compute_deadlines(
        CATALOG["T16"], {"absence_start": date(2012, 1, 2)}, [Event(date(2012, 2, 20), "followup")], date(2012, 3, 1)
    )
    assert d.ordinary_due == date(2012, 3, 19)


@pytest.mark.parametrize("trial_id", ["T11", "T14"])
def test_second_round_trials_start_when_their_order_took_effect(trial_id):
    assert CATALOG[trial_id].period.start == date(2018, 7, 1)
    # Before, 01-03-2018 was in the trial's period with no known basis for it.
    with pytest.raises(NoteError) as refused:
        render(trial_id, "forsoeg_anvendt", note_date=date(2018, 3, 1))
    assert str(refused.value).startswith(f"Forsøg {trial_id} gælder fra 01-07-2018 til og med ")
