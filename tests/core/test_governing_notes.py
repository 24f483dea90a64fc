"""Decisions 12-16 end to end in the core: the note states the deadline the engine governs by.

Every expected date is worked out by hand in the comment beside it.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from caseworker_app.core.cases import CaseRecord, deadlines_for_cases
from caseworker_app.core.catalog import Citation, reform_caution
from caseworker_app.core.catalog_load import load_catalog
from caseworker_app.core.event import Event
from caseworker_app.core.note_conditions import DEADLINE_CHECK, condition_problems, confirmable_conditions
from caseworker_app.core.note_errors import MissingFieldError, NoteError
from caseworker_app.core.notes import render_note
from caseworker_app.core.overrides import TrialOverride, apply_override, apply_overrides, override_errors
from caseworker_app.core.schedule import compute_deadlines
from tests.core.test_notes import with_municipal_marking

# T04's and T06's notes with the persongruppemarkering a municipality entered (decision 9).
CATALOG = {trial_id: with_municipal_marking(trial) for trial_id, trial in load_catalog().items()}
WHO = dict(caseworker="Anne Jensen", municipality="Vesthimmerlands Kommune")
# Frikommuneforsøg I's trials (T16, T18, T19) are written by a municipality they name (decision 17).
WHO_FK1 = dict(caseworker="Anne Jensen", municipality="Vejle Kommune")
# The caseworker has checked a deadline under the reform caution (decisions 13 and 15).
CHECKED = (DEADLINE_CHECK,)
REFORM = (
    "Almindelig regel kontrolleret til og med 26-08-2021 – beskæftigelsesreformen (lov nr. 1750 af "
    "29-12-2025, i kraft 01-02-2026 og 01-07-2026, og en ny lov om en aktiv beskæftigelsesindsats, "
    "ventet 01-01-2027) kan have ændret den: kontrollér fristen."
)
# A deadline before the reform's first day in force (01-02-2026) cannot have been changed by it.
EARLIER = (
    "Almindelig regel kontrolleret til og med 26-08-2021 – senere lovændringer kan have ændret den: kontrollér fristen."
)


def t08_case(*events: date, hire: date = date(2018, 8, 31)) -> CaseRecord:
    return CaseRecord(
        id=8,
        citizen="Jens Hansen",
        case_ref="2018-0108",
        trial_id="T08",
        dates={"hire": hire},
        events=tuple(Event(day, "followup") for day in events),
    )


def t08_extended_to_2027():
    extension = TrialOverride("T08", "extension", "2027-12-31", "Brev fra Beskæftigelsesministeriet 01-10-2026")
    return apply_override(CATALOG["T08"], extension)


def test_t08_note_after_an_extension_states_the_window_deadline_1_january_2028():
    # Follow-up 20-11-2026; trial extended to 31-12-2027. Trial rule: + 30 months = 20-05-2029,
    # after the end; ordinary: + 12 months = 20-11-2027, passed on 01-01-2028 -> 01-01-2028.
    trial = t08_extended_to_2027()
    case = t08_case(date(2026, 11, 20))
    note = render_note(
        trial, case, "opfoelgning", note_date=date(2026, 11, 20), free_text="x", confirmed=CHECKED, **WHO
    )
    assert (
        "Næste opfølgning: senest 01-01-2028 (forsøget slutter 31-12-2027: efter almindelig "
        "regel, 12 måneder efter seneste opfølgning 20-11-2026, var fristen 20-11-2027, så fristen "
        "er dagen efter forsøgets slutning). I praksis senest torsdag 30-12-2027, fordi "
        "01-01-2028 er nytårsdag. Efter forsøgsreglen ville fristen være 20-05-2029, men "
        "forsøget gælder kun til og med 31-12-2027; derefter gælder den almindelige regel. "
        # The ordinary rule governs the date: its basis, as the window's Henvisning for it.
        "Hjemmel for fristen: § 10, stk. 3, 2. og 3. pkt., i lov om aktiv socialpolitik. "
        # Confirmed by the caseworker (decisions 13 and 15): the note states the check, not the caution.
        "Fristen er kontrolleret af sagsbehandleren efter de gældende regler.\n"
    ) in note
    assert "kontrollér fristen" not in note
    assert "senest 20-05-2029" not in note
    # The window's list for the same case says the same date.
    [item] = deadlines_for_cases([case], {"T08": trial}, date(2026, 11, 29))
    assert item.deadline.legal_due == date(2028, 1, 1)
    # The extension typed into the program is cited with its basis (decision 14).
    assert (
        "Hjemmel: Bekendtgørelse om frikommuneforsøg II på beskæftigelses- og sygedagpengeområdet "
        "(BEK nr. 529 af 23/05/2018), forlænget til 31-12-2027 ifølge Brev fra "
        "Beskæftigelsesministeriet 01-10-2026." in note
    )


def test_t08_note_written_2_june_2025_names_2_june_2026():
    # Follow-up 02-06-2025: trial rule 02-12-2027 is after the end 31-12-2025; the ordinary
    # 02-06-2026 is after the end too, so it governs as it is.
    case = t08_case(date(2025, 6, 2))
    note = render_note(
        CATALOG["T08"], case, "opfoelgning", note_date=date(2025, 6, 2), free_text="x", confirmed=CHECKED, **WHO
    )
    assert "Næste opfølgning: senest 02-06-2026 (12 måneder efter seneste opfølgning 02-06-2025" in note
    assert "Efter forsøgsreglen ville fristen være 02-12-2027" in note
    assert "senest 02-12-2027" not in note
    # The caution once, as the confirmed check (decisions 13 and 15), never as a reminder.
    assert "kontrollér fristen" not in note
    assert note.count("Fristen er kontrolleret af sagsbehandleren efter de gældende regler.") == 1


def test_a_note_inside_an_extension_cites_the_extension_and_its_basis():
    case = t08_case(date(2024, 5, 2))
    note = render_note(
        CATALOG["T08"], case, "opfoelgning", note_date=date(2024, 5, 2), free_text="x", confirmed=CHECKED, **WHO
    )
    assert (
        "Hjemmel: Bekendtgørelse om frikommuneforsøg II på beskæftigelses- og sygedagpengeområdet "
        "(BEK nr. 529 af 23/05/2018), forlænget til 31-12-2024 ifølge Aalborg Kommunes oplysninger "
        "om frikommuneforsøg (hjemmel ikke fundet) – generel oplysning; forsøget er ikke nævnt ved navn i denne "
        "forlængelse." in note
    )
    # The next follow-up, on 03-03-2025, falls in the extension to 31-12-2025.
    later = t08_case(date(2024, 5, 2), date(2025, 3, 3))
    note = render_note(
        CATALOG["T08"], later, "opfoelgning", note_date=date(2025, 3, 3), free_text="x", confirmed=CHECKED, **WHO
    )
    assert "forlænget til 31-12-2025 ifølge Beskæftigelsesministerens brev af 26-11-2024." in note
    # Within the original period (to 31-12-2021), with its next deadline there too (10-01-2019
    # + 30 months = 10-07-2021), the order is cited alone.
    note = render_note(
        CATALOG["T08"],
        t08_case(date(2019, 1, 10)),
        "opfoelgning",
        note_date=date(2019, 1, 10),
        free_text="x",
        confirmed=CHECKED,
        **WHO,
    )
    assert "Næste opfølgning: senest 10-07-2021 (" in note
    assert "(BEK nr. 529 af 23/05/2018).\n" in note


def test_a_note_cites_the_period_of_the_deadline_it_states_as_the_window_does():
    # Written 10-01-2021 in the original period, the note states 10-07-2023 (10-01-2021 + 30
    # months), which only the extension to 31-12-2023 covers: the order alone would claim it.
    case = t08_case(date(2021, 1, 10))
    note = render_note(CATALOG["T08"], case, "opfoelgning", note_date=date(2021, 1, 10), free_text="x", **WHO)
    assert "Næste opfølgning: senest 10-07-2023 (" in note
    basis = (
        "Bekendtgørelse om frikommuneforsøg II på beskæftigelses- og sygedagpengeområdet (BEK nr. 529 af "
        "23/05/2018), forlænget til 31-12-2023 ifølge Frikommuneforsøg II – konklusioner af kommunernes egne "
        "evalueringer (2022): forlænget på bekendtgørelsesniveau med hjemmel i forsøgsbestemmelsen i lov om en "
        "aktiv beskæftigelsesindsats (bekendtgørelsen er ikke fundet) – generel oplysning; forsøget er ikke nævnt "
        "ved navn i denne forlængelse"
    )
    assert f"Hjemmel: {basis}.\n" in note
    [item] = deadlines_for_cases([case], CATALOG, date(2021, 1, 10))
    assert item.deadline.citation == basis


def test_an_extension_entered_today_is_cited_for_the_deadline_it_covers():
    # The tester's steps: the demo extension to 31-12-2027, then one to 31-12-2028 entered
    # 30-11-2026. Hired 30-03-2026: next follow-up 30-09-2028 (+ 30 months), inside the second.
    trial = apply_overrides(
        CATALOG,
        [
            TrialOverride("T08", "extension", "2027-12-31", "Et opdigtet brev til Demo Kommune"),
            TrialOverride("T08", "extension", "2028-12-31", "Beskæftigelsesministerens brev af 15-11-2026"),
        ],
    )["T08"]
    case = t08_case(hire=date(2026, 3, 30))
    note = render_note(trial, case, "forsoeg_anvendt", note_date=date(2026, 11, 30), free_text="x", **WHO)
    assert "Næste opfølgning: senest 30-09-2028 (2½ år efter ansættelse i løntilskud 30-03-2026)." in note
    assert "Forsøget gælder til og med 31-12-2028;" in note
    assert (
        "Hjemmel: Bekendtgørelse om frikommuneforsøg II på beskæftigelses- og sygedagpengeområdet (BEK nr. 529 "
        "af 23/05/2018), forlænget til 31-12-2028 ifølge Beskæftigelsesministerens brev af 15-11-2026.\n"
    ) in note
    assert "31-12-2027" not in note
    # An overdue deadline of an earlier period does not take the note back there: the note is
    # written today, in the extension to 31-12-2027 (hired 31-08-2018, followed up 20-01-2021:
    # due 20-07-2023, under the extension to 31-12-2023).
    late = t08_case(date(2021, 1, 20))
    note = render_note(trial, late, "forsoeg_anvendt", note_date=date(2026, 11, 30), free_text="x", **WHO)
    assert "forlænget til 31-12-2027 ifølge Et opdigtet brev til Demo Kommune.\n" in note


def test_a_t12_note_from_2017_cites_the_law_not_the_order_of_2018():
    case = CaseRecord(
        id=12, citizen="Mads Poulsen", case_ref="2017-0112", trial_id="T12", dates={"agreed": date(2017, 10, 2)}
    )
    note = render_note(CATALOG["T12"], case, "forsoeg_anvendt", note_date=date(2017, 9, 15), free_text="x", **WHO)
    assert (
        "Hjemmel: Lov nr. 658 af 8. juni 2017 om frikommunenetværk (den bekendtgørelse, forsøget "
        "fulgte før BEK nr. 529 af 23/05/2018, er ikke fundet)." in note
    )
    assert "BEK nr. 529 af 23/05/2018)." not in note
    note = render_note(
        CATALOG["T12"],
        case._replace(dates={"agreed": date(2019, 10, 2)}),
        "forsoeg_anvendt",
        note_date=date(2019, 9, 15),
        free_text="x",
        **WHO,
    )
    assert "Hjemmel: Bekendtgørelse om frikommuneforsøg II" in note


def test_a_t12_note_from_2017_keeps_the_law_when_its_deadline_falls_under_the_order_of_2018():
    # Written 15-09-2017 under the law of 2017; the agreed date 15-08-2018 falls after the order of
    # 23-05-2018 took over. The note is signed under the law: it must not cite an order that did
    # not exist on its date.
    case = CaseRecord(
        id=12, citizen="Mads Poulsen", case_ref="2017-0112", trial_id="T12", dates={"agreed": date(2018, 8, 15)}
    )
    note = render_note(CATALOG["T12"], case, "forsoeg_anvendt", note_date=date(2017, 9, 15), free_text="x", **WHO)
    assert (
        "Hjemmel: Lov nr. 658 af 8. juni 2017 om frikommunenetværk (den bekendtgørelse, forsøget "
        "fulgte før BEK nr. 529 af 23/05/2018, er ikke fundet)." in note
    )
    assert "BEK nr. 529 af 23/05/2018)." not in note


def test_a_day_before_every_citation_says_what_is_known():
    trial = replace(CATALOG["T08"], citations=(Citation("BEK nr. 529 af 23/05/2018", date(2018, 7, 1)),))
    assert trial.citation_text_on(date(2018, 6, 30)) == (
        "ingen kendt henvisning for 30-06-2018: BEK nr. 529 af 23/05/2018 gælder først fra "
        "01-07-2018, og det, forsøget byggede på før da, er ikke fundet"
    )


def t09_case(unemployed_since: date | None, praktik_start: date = date(2021, 3, 8)) -> CaseRecord:
    dates = {"praktik_start": praktik_start}
    if unemployed_since:
        dates["unemployed_since"] = unemployed_since
    return CaseRecord(id=9, citizen="Susanne Berg", case_ref="2021-0109", trial_id="T09", dates=dates)


def render_t09(case, **kw):
    kw.setdefault("confirmed", ("visiteret", "formaal"))
    return render_note(
        CATALOG["T09"],
        case,
        "praktik_start",
        note_date=date(2021, 3, 8),
        free_text="Praktik hos Aars Tømrer ApS.",
        **WHO,
        **kw,
    )


def test_t09_unemployed_17_months_at_the_praktik_start_holds():
    # 08-10-2019 to 08-03-2021 is 17 months: under 18.
    note = render_t09(t09_case(date(2019, 10, 8)))
    assert (
        "- Ledighedsperioden er under 18 måneder: ledig siden 08-10-2019 til praktikstart "
        "08-03-2021 er 17 måneder (beregnet ud fra sagens datoer).\n" in note
    )
    assert condition_problems(CATALOG["T09"], t09_case(date(2019, 10, 8)).dates) == {}


@pytest.mark.parametrize(
    ("since", "measured"),
    [
        (date(2019, 8, 8), "ledig siden 08-08-2019 til praktikstart 08-03-2021 er 19 måneder"),
        # the case: unemployed since 01-01-2018, praktik from 08-03-2021
        (date(2018, 1, 1), "ledig siden 01-01-2018 til praktikstart 08-03-2021 er 38 måneder og 7 dage"),
        # exactly 18 months is not under 18 months
        (date(2019, 9, 8), "ledig siden 08-09-2019 til praktikstart 08-03-2021 er 18 måneder"),
    ],
)
def test_t09_unemployed_18_months_or_more_refuses_the_note(since, measured):
    with pytest.raises(NoteError) as info:
        render_t09(t09_case(since))
    assert str(info.value) == (
        f"Betingelsen »Ledighedsperioden er under 18 måneder« er ikke opfyldt: {measured}, så "
        "forsøget kan ikke bruges, og notatet kan ikke skrives efter det. Ret datoen, hvis den er forkert."
    )
    # ... and the case window can say it at the 'ledig siden' field.
    assert condition_problems(CATALOG["T09"], t09_case(since).dates)["unemployed_since"] == str(info.value)


def test_t09_a_praktik_the_trials_end_cuts_short_points_to_the_extension_not_the_date():
    # A praktik begun 20-12-2021: T09 ended 31-12-2021, so 20-12 to 31-12 is 12 days, under the
    # 2 weeks' minimum. The date is most likely right; the old advice "Ret datoen" sent the
    # caseworker to change it. What the program may not know is an extension of the trial.
    case = t09_case(date(2021, 1, 1), praktik_start=date(2021, 12, 20))
    problem = condition_problems(CATALOG["T09"], case.dates)["praktik_start"]
    assert "praktikstart 20-12-2021 til forsøgets sidste dag 31-12-2021 er 12 dage" in problem
    assert problem.endswith(
        "Er forsøget forlænget ud over den sidste dag, så tast forlængelsen ind under fanen Forsøg; "
        "ellers følger perioden den almindelige regel."
    )
    assert "Ret datoen" not in problem


def test_t09_without_ledig_siden_the_caseworker_confirms_and_the_note_says_so():
    case = t09_case(None)
    assert [c.name for c in confirmable_conditions(CATALOG["T09"], case.dates)] == ["ledighed", "visiteret", "formaal"]
    with pytest.raises(MissingFieldError) as info:
        render_t09(case)
    assert info.value.fields == ("conditions",)
    note = render_t09(case, confirmed=("ledighed", "visiteret", "formaal"))
    assert "- Ledighedsperioden er under 18 måneder (bekræftet af sagsbehandleren).\n" in note


def test_ordinary_rules_past_their_checked_date_carry_the_reform_caution():
    # Hire 01-03-2024, no follow-up: trial 01-09-2026 is after the end 31-12-2025; the ordinary
    # rule counts from the offer (= hire): 01-09-2024, passed on 01-01-2026 -> 01-01-2026.
    [d] = compute_deadlines(CATALOG["T08"], {"hire": date(2024, 3, 1)}, [], date(2026, 11, 30))
    assert d.governed_by == "ordinary"
    assert d.legal_due == date(2026, 1, 1)
    assert d.caution == EARLIER  # 01-01-2026: a month before the reform's first day in force
    # Follow-up 01-03-2025 + 12 months = 01-03-2026, after 01-02-2026: the reform is named.
    [d] = compute_deadlines(
        CATALOG["T08"], {"hire": date(2019, 3, 1)}, [Event(date(2025, 3, 1), "followup")], date(2026, 11, 30)
    )
    assert (d.governed_by, d.legal_due) == ("ordinary", date(2026, 3, 1))
    assert d.caution == REFORM
    # The day before and the first day in force (both past the checked date 26-08-2021).
    rule = CATALOG["T08"].rules[0].ordinary
    assert reform_caution(rule, date(2026, 1, 31)) == EARLIER
    assert reform_caution(rule, date(2026, 2, 1)) == REFORM
    # A deadline governed by the trial rule carries none.
    [d] = compute_deadlines(CATALOG["T08"], {"hire": date(2019, 3, 1)}, [], date(2020, 1, 1))
    assert d.governed_by == "trial" and d.caution == ""


def test_a_change_the_catalog_knows_of_is_said_instead_of_a_guess():
    # T05, visitation 01-10-2025, no talks: 4 talks within 12 calendar months -> the last day of the
    # window, 30-09-2026 (a Wednesday). The trial ended 31-12-2021, so the 2018 wording of § 20
    # governs, which the catalog knows the current § 20 words otherwise (first 6 months).
    [d] = compute_deadlines(CATALOG["T05"], {"visitation": date(2025, 10, 1)}, [], date(2026, 12, 1))
    assert (d.governed_by, d.legal_due) == ("ordinary", date(2026, 9, 30))
    assert d.caution == (
        "Almindelig regel kontrolleret til og med 01-08-2018 og siden ændret: den nugældende § 20 i "
        "integrationsloven kræver samtaler mindst 4 gange inden for de første 6 måneder efter visitationen "
        "og derefter efter behov, og beskæftigelsesreformen (lov nr. 1750 af 29-12-2025, i kraft 01-02-2026 "
        "og 01-07-2026, og en ny lov om en aktiv beskæftigelsesindsats, ventet 01-01-2027) kan have ændret "
        "den igen: kontrollér fristen."
    )
    # Visitation 01-10-2021 -> 30-09-2022: the known change is said, the reform (2026) is not.
    [d] = compute_deadlines(CATALOG["T05"], {"visitation": date(2021, 10, 1)}, [], date(2022, 2, 1))
    assert d.legal_due == date(2022, 9, 30)
    assert d.caution.endswith("første 6 måneder efter visitationen og derefter efter behov: kontrollér fristen.")


def ordinary_change(applies_from: str, every: str = "6 måneder", first: str = "3 måneder"):
    errors, stored = override_errors(
        CATALOG,
        "T08",
        "ordinary",
        {
            "from": applies_from,
            "first": first,
            "every": every,
            "text": "opfølgning hver 6. måned",
            "reference": "§ 12 i lov om en aktiv beskæftigelsesindsats (2027)",
        },
        "Lov om en aktiv beskæftigelsesindsats, i kraft 01-01-2027",
        today=date(2026, 11, 30),
    )
    assert errors == {}
    return TrialOverride("T08", "ordinary", stored, "Lov om en aktiv beskæftigelsesindsats, i kraft 01-01-2027")


@pytest.mark.parametrize(
    ("followup", "expected", "rule"),
    [
        # 01-06-2025 + 12 months = 01-06-2026, before the change: the old rule governs it.
        (date(2025, 6, 1), date(2026, 6, 1), "§ 10, stk. 3, 2. og 3. pkt., i lov om aktiv socialpolitik"),
        # 01-03-2026 + 12 months = 01-03-2027 falls after the change; the new rule gives
        # 01-09-2026, before it applied, so the deadline is the day it applies: 01-01-2027.
        (date(2026, 3, 1), date(2027, 1, 1), "§ 12 i lov om en aktiv beskæftigelsesindsats (2027)"),
        # 15-10-2026 + 6 months = 15-04-2027 under the new rule.
        (date(2026, 10, 15), date(2027, 4, 15), "§ 12 i lov om en aktiv beskæftigelsesindsats (2027)"),
    ],
)
def test_a_changed_ordinary_rule_applies_from_its_date(followup, expected, rule):
    trial = apply_overrides(CATALOG, [ordinary_change("01-01-2027")])["T08"]
    [d] = compute_deadlines(trial, {"hire": date(2018, 8, 31)}, [Event(followup, "followup")], date(2026, 11, 30))
    assert d.legal_due == expected
    assert d.citation == rule
    # The municipality's own rule is entered with its source: no reform caution on it.
    assert (d.caution == "") == (rule.startswith("§ 12"))


def t08_to_2026_then_changed_rule(applies_from: str, every: str):
    """T08 extended to 31-12-2026, its ordinary rule changed from applies_from (the municipality's)."""
    extension = TrialOverride("T08", "extension", "2026-12-31", "Beskæftigelsesministerens brev af 20-11-2025")
    return apply_overrides(CATALOG, [extension, ordinary_change(applies_from, every=every, first="12 måneder")])["T08"]


@pytest.mark.parametrize(
    ("followup", "every", "expected", "overdue_on_expected", "rule"),
    [
        # Follow-up 01-03-2025: trial 01-09-2027 is after the end 31-12-2026. From 01-01-2027 the
        # new rule is in force: 01-03-2025 + 24 months = 01-03-2027, not passed then: 01-03-2027.
        # (Not the old rule's 01-03-2026 moved to 01-01-2027: that rule no longer governs then.)
        (
            date(2025, 3, 1),
            "24 måneder",
            date(2027, 3, 1),
            False,
            "§ 12 i lov om en aktiv beskæftigelsesindsats (2027)",
        ),
        # Every 6 months: 01-03-2025 + 6 months = 01-09-2025, passed when the trial ended: due the
        # day after the end, 01-01-2027, under the new rule, and overdue that day (decision 3).
        (date(2025, 3, 1), "6 måneder", date(2027, 1, 1), True, "§ 12 i lov om en aktiv beskæftigelsesindsats (2027)"),
        # Follow-up 01-06-2026: + 6 months = 01-12-2026, passed at the end as well: the same.
        (date(2026, 6, 1), "6 måneder", date(2027, 1, 1), True, "§ 12 i lov om en aktiv beskæftigelsesindsats (2027)"),
        # Follow-up 01-06-2026: + 24 months = 01-06-2028.
        (
            date(2026, 6, 1),
            "24 måneder",
            date(2028, 6, 1),
            False,
            "§ 12 i lov om en aktiv beskæftigelsesindsats (2027)",
        ),
        # Written as a law writes it (a tester: "2½ år" was refused): 01-06-2026 + 30 months = 01-12-2028.
        (date(2026, 6, 1), "2½ år", date(2028, 12, 1), False, "§ 12 i lov om en aktiv beskæftigelsesindsats (2027)"),
        # "1 år": 01-06-2026 + 12 months = 01-06-2027.
        (date(2026, 6, 1), "1 år", date(2027, 6, 1), False, "§ 12 i lov om en aktiv beskæftigelsesindsats (2027)"),
    ],
)
def test_the_rule_in_force_the_day_after_the_trial_ends_governs(followup, every, expected, overdue_on_expected, rule):
    trial = t08_to_2026_then_changed_rule("01-01-2027", every)
    case = (trial, {"hire": date(2018, 8, 31)}, [Event(followup, "followup")])
    [d] = compute_deadlines(*case, date(2026, 11, 30))
    assert (d.legal_due, d.governed_by, d.citation, d.caution) == (expected, "ordinary", rule, "")
    assert d.due_to_trial_end == overdue_on_expected
    [d] = compute_deadlines(*case, expected)
    assert (d.status == "overdue") == overdue_on_expected


def test_an_old_rule_still_in_force_the_day_after_the_trial_ends_governs():
    # The new rule applies only from 01-03-2027. Follow-up 01-03-2025: the old rule's 12 months give
    # 01-03-2026, passed when the trial ended 31-12-2026, so 01-01-2027, a day the old rule governs.
    trial = t08_to_2026_then_changed_rule("01-03-2027", "24 måneder")
    [d] = compute_deadlines(
        trial, {"hire": date(2018, 8, 31)}, [Event(date(2025, 3, 1), "followup")], date(2026, 11, 30)
    )
    assert (d.legal_due, d.due_to_trial_end) == (date(2027, 1, 1), True)
    assert d.citation == "§ 10, stk. 3, 2. og 3. pkt., i lov om aktiv socialpolitik"


@pytest.mark.parametrize(
    ("typed", "months"), [("1 år", 12), ("2 år", 24), ("2½ år", 30), ("2,5 år", 30), ("½ år", 6), ("1½ År", 18)]
)
def test_a_duration_in_years_is_read_in_months(typed, months):
    from caseworker_app.core.overrides import parse_duration
    from caseworker_app.core.workdays import Duration

    assert parse_duration(typed) == Duration(months=months)


@pytest.mark.parametrize("typed", ["0 år", "2¼ år", "to år", "-1 år", "år", "² år", "² måneder"])
def test_a_duration_in_years_that_is_not_one_is_refused(typed):
    from caseworker_app.core.overrides import parse_duration

    with pytest.raises(ValueError, match="er ikke en varighed"):
        parse_duration(typed)


@pytest.mark.parametrize("typed", ["1000 år", "601 måneder", "2610 uger", "20000 dage"])
def test_a_duration_longer_than_50_years_is_refused(typed):
    # A reviewer: "10000 år" was saved, and every deadline after the trial's end then failed
    # ("year 12026 is out of range"). 50 years = 600 months, or 18,262 days; 2610 weeks = 18,270 days.
    from caseworker_app.core.overrides import parse_duration

    with pytest.raises(ValueError, match="er længere end 50 år"):
        parse_duration(typed)
    assert parse_duration("50 år").months == 600


def test_a_changed_ordinary_rule_is_refused_with_danish_messages():
    errors, _ = override_errors(
        CATALOG,
        "T08",
        "ordinary",
        {"from": "31-02-2027", "first": "tre måneder", "every": "", "text": "", "reference": ""},
        "",
        today=date(2026, 11, 30),
    )
    assert errors == {
        "source": "Skriv kilden til ændringen, fx ministeriets brev med dato",
        "from": "'31-02-2027': den dag findes ikke – februar 2027 har 28 dage.",
        "first": "'tre måneder' er ikke en varighed. Skriv fx '12 måneder', '2½ år', '4 uger' eller '55 dage'.",
        "every": "'' er ikke en varighed. Skriv fx '12 måneder', '2½ år', '4 uger' eller '55 dage'.",
        "text": "Skriv reglen med dine ord",
        "reference": "Skriv lovhenvisningen",
    }


# ---- found in review: each expected date worked out by hand


def t09_change(applies_from: str) -> dict:
    errors, stored = override_errors(
        CATALOG,
        "T09",
        "ordinary",
        {"from": applies_from, "maximum": "4 uger", "text": "praktik højst 4 uger", "reference": "§ 1"},
        "Kilde",
        today=date(2026, 11, 30),
    )
    assert errors == {}
    return apply_overrides(CATALOG, [TrialOverride("T09", "ordinary", stored, "Kilde")])["T09"]


def test_a_new_ordinary_rule_on_a_trial_without_one_does_not_move_earlier_periods():
    trial = t09_change("01-07-2027")
    # Praktik from 02-11-2026 (outside the trial): + 4 weeks - 1 day = 29-11-2026, before the
    # new rule applies: no ordinary rule then, so the reminder keeps 29-11-2026 ("none").
    [d] = compute_deadlines(trial, {"praktik_start": date(2026, 11, 2)}, [], date(2026, 11, 30))
    assert d.legal_due == date(2026, 11, 29)
    assert d.governed_by == "none" and d.status == "overdue"
    # Praktik from 10-12-2021 (inside the trial, its 2 weeks reached 23-12-2021): + 4 weeks - 1 day =
    # 06-01-2022, after the end: decision 12, it ends with the trial 31-12-2021.
    [d] = compute_deadlines(trial, {"praktik_start": date(2021, 12, 10)}, [], date(2021, 12, 10))
    assert (d.legal_due, d.governed_by) == (date(2021, 12, 31), "trial")
    # Praktik from 05-07-2027: the new rule governs, 05-07-2027 + 4 weeks - 1 day = 01-08-2027.
    [d] = compute_deadlines(trial, {"praktik_start": date(2027, 7, 5)}, [], date(2027, 7, 5))
    assert d.legal_due == date(2027, 8, 1)
    assert d.governed_by == "ordinary"


def test_a_period_running_into_a_changed_ordinary_rule_ends_the_day_before_it_at_the_latest():
    # T18 (ordinary 4 weeks), changed to 2 weeks from 01-07-2026. A praktik from 22-06-2026:
    # old rule 22-06 + 4 weeks - 1 day = 19-07-2026 (after the change); new rule 05-07-2026 is
    # after the day before the change (30-06-2026), so 05-07-2026.
    errors, stored = override_errors(
        CATALOG,
        "T18",
        "ordinary",
        {"from": "01-07-2026", "maximum": "2 uger", "text": "2 uger", "reference": "§ 2"},
        "Kilde",
        today=date(2026, 6, 1),
    )
    assert errors == {}
    trial = apply_overrides(CATALOG, [TrialOverride("T18", "ordinary", stored, "Kilde")])["T18"]
    [d] = compute_deadlines(trial, {"praktik_start": date(2026, 6, 22)}, [], date(2026, 6, 22))
    assert d.legal_due == date(2026, 7, 5)
    # From 10-06-2026: old rule 07-07-2026 (after the change), new rule 23-06-2026 (before it):
    # the period ends on the old rule's last day at the latest, the day before: 30-06-2026.
    [d] = compute_deadlines(trial, {"praktik_start": date(2026, 6, 10)}, [], date(2026, 6, 10))
    assert d.legal_due == date(2026, 6, 30)


def test_the_day_after_a_trial_ends_an_ordinary_deadline_that_had_passed_is_overdue():
    # T16, first day of absence 01-10-2015, no follow-up: 01-10-2015 + 55 days = 25-11-2015, passed
    # when the trial ended 31-12-2015: due 01-01-2016 and overdue on that day (decision 3).
    [d] = compute_deadlines(CATALOG["T16"], {"absence_start": date(2015, 10, 1)}, [], date(2016, 1, 1))
    assert d.legal_due == date(2016, 1, 1)
    assert d.status == "overdue"


def test_an_undated_deadline_after_the_trial_without_an_ordinary_rule_is_not_the_trial_rule():
    # T12 ended 31-12-2023; agreed 01-11-2023, met by a talk that day; on 30-11-2026 no new date.
    [d] = compute_deadlines(
        CATALOG["T12"], {"agreed": date(2023, 11, 1)}, [Event(date(2023, 11, 1), "talk")], date(2026, 11, 30)
    )
    assert d.undated
    assert d.governed_by == "none"
    assert d.rule.startswith("Forsøgsreglen gælder ikke her: ")
    assert d.citation == "Ingen: forsøget gjaldt fra 01-07-2017 til og med 31-12-2023"
    # No date is asked for under a trial that has ended (a domain auditor): the ordinary rules apply.
    assert d.reason == (
        "Forsøget sluttede 31-12-2023; kataloget har ingen almindelig regel, så følg sagen op efter de "
        "almindelige regler"
    )
    assert d.to_json()["legal_due"] is None and d.to_json()["due_text"] == "ingen dato – følg de almindelige regler"


def test_an_undated_deadline_whose_ordinary_date_falls_in_the_trial_is_warned_of_before_the_end():
    # T16 absence 01-10-2015, no agreed date, on 01-12-2015: ordinary 25-11-2015 is before the end.
    [d] = compute_deadlines(CATALOG["T16"], {"absence_start": date(2015, 10, 1)}, [], date(2015, 12, 1))
    assert d.undated and d.due_to_trial_end


def test_no_trial_rule_date_beside_a_case_that_began_after_the_trial():
    # T05 ended 31-12-2021; a visitation of 01-03-2025 never was under the trial rule.
    [d] = compute_deadlines(CATALOG["T05"], {"visitation": date(2025, 3, 1)}, [], date(2025, 3, 1))
    assert d.governed_by == "ordinary"
    assert d.trial_due is None and d.trial_due_text == ""


def test_a_praktik_the_trial_end_cuts_below_two_weeks_gets_no_t09_note():
    # Praktik from 20-12-2021 must end with the trial 31-12-2021: 12 days, under the 2 weeks
    # (20-12-2021 + 2 weeks - 1 day = 02-01-2022) the trial demands.
    case = t09_case(date(2021, 1, 4), praktik_start=date(2021, 12, 20))
    with pytest.raises(NoteError) as info:
        render_note(
            CATALOG["T09"],
            case,
            "praktik_start",
            note_date=date(2021, 12, 20),
            free_text="x",
            confirmed=("visiteret", "formaal"),
            **WHO,
        )
    # The trial's condition "2-4 uger" cannot be met, so the trial does not apply (every output says
    # so alike: tests/core/test_trial_conditions_in_deadlines.py); the note says it at the date.
    assert str(info.value).startswith("Betingelsen »Praktikken varer 2-4 uger")
    assert (
        "praktikstart 20-12-2021 til forsøgets sidste dag 31-12-2021 er 12 dage, kortere end forsøgets mindste "
        "varighed på 2 uger, så forsøget kan ikke bruges"
    ) in str(info.value)


def test_a_t18_praktik_the_ordinary_rule_governs_gets_no_note_saying_the_trial_extends_it():
    # T18 to 31-12-2015; praktik from 20-12-2015: ordinary 4 weeks end 16-01-2016, after the end,
    # so the ordinary rule governs it; the trial does not extend it beyond 4 weeks.
    case = CaseRecord(
        id=18, citizen="Emil Thomsen", case_ref="2015-0118", trial_id="T18", dates={"praktik_start": date(2015, 12, 20)}
    )
    with pytest.raises(NoteError, match="Forsøget giver ikke perioden dens længde"):
        render_note(
            CATALOG["T18"], case, "forlaengelse", note_date=date(2015, 12, 21), free_text="x", reason="y", **WHO
        )


def t18_case(praktik_start: date) -> CaseRecord:
    return CaseRecord(
        id=18, citizen="Emil Thomsen", case_ref="2015-0118", trial_id="T18", dates={"praktik_start": praktik_start}
    )


def test_a_t18_praktik_the_trial_end_still_lengthens_gets_its_note_with_the_lists_last_day():
    # Decision 12. T18 ends 31-12-2015; praktik from 02-11-2015: ordinary 4 weeks end 29-11-2015,
    # the trial's 13 weeks 31-01-2016. The later of 29-11-2015 and the trial's end is 31-12-2015
    # (a Thursday, nytårsaftensdag: in practice Wednesday 30-12-2015), a last day only the trial
    # gives, so the extension beyond 4 weeks is documented under the trial.
    case = t18_case(date(2015, 11, 2))
    [listed] = deadlines_for_cases([case], CATALOG, date(2015, 11, 20))
    assert listed.deadline.legal_due == date(2015, 12, 31)
    note = render_note(
        CATALOG["T18"],
        case,
        "forlaengelse",
        note_date=date(2015, 11, 20),
        reason="Borgeren har brug for længere tid.",
        confirmed=("laengde",),
        **WHO_FK1,
    )
    # The last day is the trial's (it gives the days beyond 4 weeks), as the window's reason says.
    assert (
        "Praktikken slutter senest 31-12-2015 (forsøget slutter 31-12-2015: perioden må højst vare "
        "til forsøgets sidste dag; efter forsøgsreglen højst 13 uger fra praktikstart 02-11-2015)."
    ) in note
    assert "Efter forsøgsreglen ville fristen være 31-01-2016, men forsøget gælder kun til og med 31-12-2015.\n" in note
    assert "skulle praktikken slutte senest: 29-11-2015.\n" in note


def test_a_t19_praktik_the_trial_end_still_lengthens_gets_its_note():
    # T19 ends 31-12-2015; praktik from 07-09-2015: ordinary 4 weeks end 04-10-2015, the trial's
    # 26 weeks 06-03-2016 (2016 is a leap year): the trial's end 31-12-2015 is the last day.
    case = CaseRecord(
        id=19, citizen="Jonas Vestergaard", case_ref="2015-0119", trial_id="T19",
        dates={"praktik_start": date(2015, 9, 7)},
    )  # fmt: skip
    note = render_note(
        CATALOG["T19"],
        case,
        "forsoeg_anvendt",
        note_date=date(2015, 11, 20),
        free_text="x",
        confirmed=("vaekstvirksomhed", "bidrag"),
        **WHO_FK1,
    )
    assert "Praktikken slutter senest 31-12-2015 (forsøget slutter 31-12-2015: perioden må højst" in note
    assert "Efter forsøgsreglen ville fristen være 06-03-2016" in note
    assert "skulle praktikken slutte senest: 04-10-2015.\n" in note


def test_a_t18_praktik_whose_ordinary_last_day_is_the_trials_end_gets_no_note():
    # Praktik from 04-12-2015: ordinary 4 weeks end 31-12-2015, the trial's last day itself, so the
    # trial gives it no day beyond its ordinary length.
    with pytest.raises(NoteError, match="Forsøget giver ikke perioden dens længde"):
        render_note(
            CATALOG["T18"],
            t18_case(date(2015, 12, 4)),
            "forlaengelse",
            note_date=date(2015, 12, 7),
            reason="y",
            confirmed=("laengde",),
            **WHO,
        )


def test_a_praktik_outside_the_trials_condition_gets_no_note_citing_the_trial():
    # 19 months of ledighed: the trial does not apply to the praktik (core/schedule.py says so in
    # every output), so "Praktik afsluttet uden fleksjob", which says the praktik was "efter
    # frikommuneforsøget" and cites the order, is refused too. (An earlier stop let it through as
    # asserting nothing about the unemployment; a reviewer showed it asserts the trial.)
    case = t09_case(date(2019, 8, 8))._replace(events=(Event(date(2021, 3, 26), "praktik_end"),))
    with pytest.raises(NoteError, match="ledig siden 08-08-2019 til praktikstart 08-03-2021 er 19 måneder"):
        render_note(
            CATALOG["T09"],
            case,
            "praktik_uden_fleksjob",
            note_date=date(2021, 3, 29),
            reason="Borgeren kunne ikke arbejde 10 timer om ugen.",
            **WHO,
        )


def test_outlook_and_the_plans_carry_the_remarks_for_the_caseworker_not_the_citizen():
    from caseworker_app.core.calendar_selection import case_plan
    from caseworker_app.core.ics import description_text
    from caseworker_app.ui.printing.layouts import PrintHeader
    from caseworker_app.ui.printing.plan_layout import plan_html

    # Follow-up 02-06-2025: the ordinary 02-06-2026 governs, the trial rule's 02-12-2027 beside it.
    case = t08_case(date(2025, 6, 2))
    [item] = deadlines_for_cases([case], CATALOG, date(2026, 11, 30))
    outlook = description_text(item, date(2026, 11, 30))
    assert "Bemærk: Efter forsøgsreglen ville fristen være 02-12-2027" in outlook
    assert "Bemærk: Almindelig regel kontrolleret til og med 26-08-2021" in outlook
    plan = case_plan(case, CATALOG["T08"], date(2026, 11, 30))
    for_file = plan_html(plan, PrintHeader())
    for_citizen = plan_html(plan, PrintHeader(), for_citizen=True)
    assert "kontrollér fristen" in for_file and "kontrollér fristen" not in for_citizen
    assert "Efter forsøgsreglen ville" not in for_citizen
    assert "beregnet efter reglerne for forsøget" not in for_citizen


def test_the_basis_of_a_date_the_ordinary_rule_governs_ends_with_one_full_stop():
    # T07 ended 31-12-2021. Visitation 10-01-2019, adjusted 01-07-2021, not adjusted 01-10-2021: the
    # ordinary rule counts the adjustment, 01-07-2021 + 6 months = 01-01-2022 (after the end). Its
    # reference ends in "mv." – the note said "mv..".
    case = CaseRecord(
        id=1,
        citizen="Bo Kristensen",
        case_ref="2019-0107",
        trial_id="T07",
        dates={"visitation": date(2019, 1, 10)},
        events=(Event(date(2021, 7, 1), "plan_adjusted"), Event(date(2021, 10, 1), "plan_not_adjusted")),
    )
    note = render_note(
        CATALOG["T07"],
        case,
        "plan_ikke_justeret",
        note_date=date(2021, 10, 1),
        reason="Behandling.",
        confirmed=CHECKED,
        **WHO,
    )
    assert (
        "Hjemmel for fristen: § 5, stk. 2, i bekendtgørelse om rehabiliteringsplan og rehabiliteringsteamets "
        "indstilling om ressourceforløb, fleksjob, førtidspension mv. "
    ) in note
    assert "mv.." not in note


def test_a_t16_note_after_the_end_about_a_talk_that_met_the_agreed_date_states_the_ordinary_date():
    # T16 ended 31-12-2015. Follow-up 18-12-2015 met the agreed date 20-12-2015: under the trial a
    # new date must be agreed; after the end the ordinary rule governs, 18-12-2015 + 4 weeks =
    # 15-01-2016, as the window shows on 17-01-2016. The note written that day was refused.
    case = CaseRecord(
        id=1,
        citizen="Hanne Lund",
        case_ref="2015-0316",
        trial_id="T16",
        dates={"absence_start": date(2015, 3, 2), "agreed": date(2015, 12, 20)},
        events=(Event(date(2015, 12, 18), "followup"),),
    )
    [shown] = deadlines_for_cases([case], CATALOG, date(2016, 1, 17))
    assert (shown.deadline.legal_due, shown.deadline.governed_by) == (date(2016, 1, 15), "ordinary")
    note = render_note(CATALOG["T16"], case, "opfoelgning", note_date=date(2016, 1, 17), free_text="x", **WHO_FK1)
    assert (
        "Næste opfølgning: senest 15-01-2016 (4 uger efter seneste opfølgning 18-12-2015; almindelig regel "
        "efter forsøgets slutning 31-12-2015)."
    ) in note


def test_a_t04_note_does_not_state_an_agreed_date_after_the_trial_as_the_trials():
    # T04 ends 31-12-2021; a date agreed for 01-03-2022 is not under the trial, and the ordinary rule
    # gives none without the case's visitation (its clock): the window says so beside the date. The
    # note stated it under the trial's basis.
    case = CaseRecord(
        id=1, citizen="Lone Madsen", case_ref="2021-0104", trial_id="T04", dates={"agreed": date(2022, 3, 1)}
    )
    confirmed = tuple(c.name for c in CATALOG["T04"].note_conditions)
    with pytest.raises(NoteError) as refused:
        render_note(
            CATALOG["T04"], case, "fritagelse", note_date=date(2021, 6, 1), reason="r", confirmed=confirmed, **WHO
        )
    # Said as a refusal, with what to do: "før dette er udfyldt" asked for a field that was filled in.
    assert str(refused.value) == (
        "Forsøget kan ikke være hjemmel for næste frist: Aftalt dato 01-03-2022 ligger uden for forsøgsperioden "
        "01-07-2018–31-12-2021, så forsøgsreglen gælder ikke; den almindelige regel regnes fra datoen "
        '"Visiteret som aktivitetsparat (ret og pligt til mentor)", som ikke er registreret på sagen: registrér '
        "den. Aftal "
        "en dato i forsøgets periode 01-07-2018–31-12-2021, eller skriv notatet i FASIT uden henvisning til forsøget."
    )


def test_a_closed_case_keeps_the_period_check_of_its_note():
    # T18 praktik from 15-12-2015: the trial's 13 weeks end 14-03-2016, the ordinary 4 weeks
    # 11-01-2016, both after the trial's end 31-12-2015: the ordinary rule governs and the trial
    # does not give the period its length, so the note is refused – also once the case is closed
    # (19-12-2015); closing it had skipped the check (a reviewer).
    from types import MappingProxyType

    closed = t18_case(date(2015, 12, 15))._replace(
        status="afsluttet",
        end_reason="job",
        extra=MappingProxyType({"end_text": "", "closed_on": date(2015, 12, 19), "damaged": (), "damaged_dates": ()}),
    )
    for case in (t18_case(date(2015, 12, 15)), closed):
        with pytest.raises(NoteError, match="Forsøget giver ikke perioden dens længde"):
            render_note(
                CATALOG["T18"],
                case,
                "forlaengelse",
                note_date=date(2015, 12, 20),
                reason="r",
                confirmed=("laengde",),
                **WHO,
            )


def test_a_full_contact_noted_after_a_later_follow_up_says_where_the_clock_runs_from():
    # T08: full contact 01-03-2020, follow-up 01-06-2020, the note about the contact written
    # 10-06-2020 states 01-06-2020 + 30 months = 01-12-2022 (the window's), so it cannot also say
    # the clock runs from the contact.
    case = CaseRecord(
        id=8,
        citizen="Jens Hansen",
        case_ref="2019-0108",
        trial_id="T08",
        dates={"hire": date(2019, 1, 10)},
        events=(Event(date(2020, 3, 1), "contact", full_followup=True), Event(date(2020, 6, 1), "followup")),
    )
    note = render_note(
        CATALOG["T08"],
        case,
        "henvendelse",
        note_date=date(2020, 6, 10),
        event_date=date(2020, 3, 1),
        free_text="x",
        **WHO,
    )
    assert (
        "Henvendelsen er markeret som fuld opfølgning; næste faste opfølgning regnes fra den seneste opfølgning "
        "01-06-2020."
    ) in note
    assert "senest 01-12-2022 (2½ år efter seneste opfølgning 01-06-2020)" in note


def test_a_t04_review_date_passed_is_said_to_be_overdue_and_its_practical_day_given():
    # Review agreed for 01-06-2020 (2. pinsedag: in practice Friday 29-05-2020); the exemption
    # note written 01-07-2020 said "vurderes igen senest 01-06-2020" as if still ahead (a tester).
    case = CaseRecord(
        id=1, citizen="Lone Madsen", case_ref="2020-0104", trial_id="T04", dates={"agreed": date(2020, 6, 1)}
    )
    [shown] = deadlines_for_cases([case], CATALOG, date(2020, 7, 1))
    assert (shown.deadline.legal_due, shown.deadline.status) == (date(2020, 6, 1), "overdue")
    confirmed = tuple(c.name for c in CATALOG["T04"].note_conditions)
    note = render_note(
        CATALOG["T04"], case, "fritagelse", note_date=date(2020, 7, 1), reason="r", confirmed=confirmed, **WHO
    )
    assert (
        "Fritagelsen vurderes igen senest 01-06-2020. I praksis senest fredag 29-05-2020, fordi 01-06-2020 "
        "er 2. pinsedag. Fristen er overskredet.\n"
    ) in note


def test_a_praktik_the_trial_end_still_lengthens_cites_the_same_basis_in_the_list_and_the_note():
    # T18 extended to 31-12-2026; praktik from 15-10-2026: ordinary 4 weeks end 11-11-2026, the
    # trial's 13 weeks 13-01-2027. The last day 31-12-2026 is the trial's end: the days beyond
    # 11-11-2026 are the trial's, so the list's Henvisning is the order with the extension, as the
    # note's Hjemmel – not the ordinary § 44 with a caution about the reform.
    extension = TrialOverride("T18", "extension", "2026-12-31", "Beskæftigelsesministerens brev af 01-10-2026")
    trial = apply_override(CATALOG["T18"], extension)
    case = t18_case(date(2026, 10, 15))
    [d] = compute_deadlines(trial, case.dates, [], date(2026, 11, 30))
    assert (d.legal_due, d.ordinary_due, d.trial_due) == (date(2026, 12, 31), date(2026, 11, 11), date(2027, 1, 13))
    basis = (
        "Bekendtgørelse om forsøgsordninger med frikommuneforsøg (titlen som i Rambøll og BDO: Evaluering af "
        "frikommuneforsøg på beskæftigelsesområdet, november 2016; BEK-nummer ikke fundet, og at forsøget har "
        "hjemmel her, er ikke verificeret), forlænget til 31-12-2026 ifølge Beskæftigelsesministerens brev af "
        "01-10-2026"
    )
    assert (d.citation, d.caution) == (basis, "")
    note = render_note(
        trial,
        case,
        "forlaengelse",
        note_date=date(2026, 11, 30),
        reason="Borgeren har brug for længere tid.",
        confirmed=("laengde",),
        **WHO_FK1,
    )
    assert f"Hjemmel: {basis}.\n" in note
    assert "Hjemmel for fristen" not in note and "kontrollér fristen" not in note


def test_a_date_agreed_past_the_trials_end_is_said_beside_the_deadline_that_governs():
    # T16 extended to 31-12-2026; first day of absence 01-10-2026, a talk 25-11-2026 at which
    # 15-02-2027 was agreed. After the end the ordinary 4 weeks give 23-12-2026, passed then: due
    # 01-01-2027. The case form shows 15-02-2027, so the list says why that is not the deadline.
    extension = TrialOverride("T16", "extension", "2026-12-31", "Beskæftigelsesministerens brev af 01-10-2026")
    trial = apply_override(CATALOG["T16"], extension)
    dates = {"absence_start": date(2026, 10, 1), "agreed": date(2027, 2, 15)}
    [d] = compute_deadlines(trial, dates, [Event(date(2026, 11, 25), "followup")], date(2026, 11, 30))
    assert (d.legal_due, d.governed_by, d.trial_due) == (date(2027, 1, 1), "ordinary", date(2027, 2, 15))
    assert d.trial_due_text == (
        "Efter forsøgsreglen ville fristen være 15-02-2027, men forsøget gælder kun til og med 31-12-2026; "
        "derefter gælder den almindelige regel."
    )
    # A case whose absence began after the trial never was under it: nothing beside.
    later = {"absence_start": date(2027, 1, 4), "agreed": date(2027, 2, 15)}
    [d] = compute_deadlines(trial, later, [], date(2027, 1, 4))
    assert d.trial_due is None


def period_change(trial_id: str, applies_from: str, maximum: str, extended_to: str = "2026-12-31"):
    """The trial extended to extended_to, and the municipality's own ordinary limit from applies_from."""
    errors, stored = override_errors(
        CATALOG,
        trial_id,
        "ordinary",
        {"from": applies_from, "maximum": maximum, "text": f"højst {maximum}", "reference": "§ 2 (ny lov)"},
        "Kilde",
        today=date(2026, 11, 30),
    )
    assert errors == {}
    extension = TrialOverride(trial_id, "extension", extended_to, "Beskæftigelsesministerens brev af 01-10-2026")
    return apply_overrides(CATALOG, [extension, TrialOverride(trial_id, "ordinary", stored, "Kilde")])[trial_id]


def test_a_period_under_a_trial_without_ordinary_limit_ends_with_it_when_no_limit_holds_the_day_after():
    # T09 extended to 31-12-2026; a limit of 6 weeks only from 01-02-2027. Praktik from 10-12-2026:
    # the trial's 4 weeks end 06-01-2027, after the end; on the day after the end, 01-01-2027, no
    # ordinary limit is in force, so the praktik ends with the trial, 31-12-2026, on its basis.
    trial = period_change("T09", "01-02-2027", "6 uger")
    [d] = compute_deadlines(trial, {"praktik_start": date(2026, 12, 10)}, [], date(2026, 12, 10))
    assert (d.legal_due, d.governed_by) == (date(2026, 12, 31), "trial")
    # A praktik begun after the trial, 15-02-2027, is the new limit's: + 6 weeks - 1 day = 28-03-2027.
    [d] = compute_deadlines(trial, {"praktik_start": date(2027, 2, 15)}, [], date(2027, 2, 15))
    assert (d.legal_due, d.governed_by, d.citation) == (date(2027, 3, 28), "ordinary", "§ 2 (ny lov)")
    # T06 likewise: a forlængelse from 01-03-2026 (the trial's 12 months end 28-02-2027) ends
    # 31-12-2026 when the new 18 months apply only from 01-02-2027.
    trial = period_change("T06", "01-02-2027", "18 måneder")
    [d] = compute_deadlines(trial, {"extension_start": date(2026, 3, 1)}, [], date(2026, 11, 30))
    assert (d.legal_due, d.governed_by) == (date(2026, 12, 31), "trial")


def test_a_running_period_goes_on_under_a_longer_limit_in_force_the_day_after_the_trial():
    # Decision 3: from the day after the end the ordinary rule governs, the version in force then.
    # T09 extended to 31-12-2026, a limit of 6 weeks from 01-01-2027; praktik from 10-12-2026:
    # 10-12-2026 + 6 weeks - 1 day = 20-01-2027, under the new limit.
    trial = period_change("T09", "01-01-2027", "6 uger")
    [d] = compute_deadlines(trial, {"praktik_start": date(2026, 12, 10)}, [], date(2026, 12, 10))
    assert (d.legal_due, d.governed_by, d.citation) == (date(2027, 1, 20), "ordinary", "§ 2 (ny lov)")
    # T18 (a tester's case): ends 31-12-2026 here; 8 weeks from 01-01-2027; praktik from 16-11-2026:
    # § 44's 4 weeks ended 13-12-2026, but the new 8 weeks run to 10-01-2027.
    trial = period_change("T18", "01-01-2027", "8 uger")
    [d] = compute_deadlines(trial, {"praktik_start": date(2026, 11, 16)}, [], date(2026, 11, 30))
    assert (d.legal_due, d.governed_by, d.citation) == (date(2027, 1, 10), "ordinary", "§ 2 (ny lov)")
    # A shorter new limit (2 weeks) the praktik had passed by the end: it ends with the trial.
    trial = period_change("T18", "01-01-2027", "2 uger")
    [d] = compute_deadlines(trial, {"praktik_start": date(2026, 11, 16)}, [], date(2026, 11, 30))
    assert (d.legal_due, d.governed_by) == (date(2026, 12, 31), "trial")


def test_the_ordinary_last_day_said_beside_a_period_the_trial_lengthens_is_the_ordinary_rules_alone():
    # T18 extended to 31-12-2026; 2 weeks from 20-12-2026. Praktik from 01-12-2026: § 44's 4 weeks
    # end 28-12-2026, after the change, whose 2 weeks end 14-12-2026, before it applies: so the
    # ordinary rule alone ends it the day before the change, 19-12-2026. The trial (13 weeks) gave
    # the days to its end: the last day is 31-12-2026, with 19-12-2026 beside.
    trial = period_change("T18", "20-12-2026", "2 uger")
    [d] = compute_deadlines(trial, {"praktik_start": date(2026, 12, 1)}, [], date(2026, 12, 1))
    assert (d.legal_due, d.governed_by, d.ordinary_due) == (date(2026, 12, 31), "trial", date(2026, 12, 19))


def test_a_praktik_note_names_the_rule_that_gives_its_ordinary_last_day():
    # T18 extended to 31-12-2026; the municipality's 8 weeks from 01-10-2026. Praktik from
    # 15-10-2026: the new rule's 8 weeks end 09-12-2026 (§ 44's 4 weeks would give 11-11-2026); the
    # trial gives the days to its end, 31-12-2026. The note names the rule that gives 09-12-2026.
    trial = period_change("T18", "01-10-2026", "8 uger")
    case = t18_case(date(2026, 10, 15))
    [d] = compute_deadlines(trial, case.dates, [], date(2026, 11, 30))
    assert (d.legal_due, d.ordinary_due) == (date(2026, 12, 31), date(2026, 12, 9))
    note = render_note(
        trial,
        case,
        "forlaengelse",
        note_date=date(2026, 11, 30),
        reason="Borgeren har brug for længere tid.",
        confirmed=("laengde",),
        **WHO_FK1,
    )
    assert "Efter den almindelige regel, § 2 (ny lov), skulle praktikken slutte senest: 09-12-2026.\n" in note
    assert "§ 44" not in note


def test_a_praktik_begun_after_the_trial_takes_the_limit_its_own_date_falls_under():
    # T09 extended to 31-12-2026; 6 weeks from 01-02-2027. A praktik from 20-01-2027 was never under
    # the trial: 20-01-2027 + 6 weeks - 1 day = 02-03-2027, after the limit applies: the new limit's.
    trial = period_change("T09", "01-02-2027", "6 uger")
    [d] = compute_deadlines(trial, {"praktik_start": date(2027, 1, 20)}, [], date(2027, 1, 20))
    assert (d.legal_due, d.governed_by, d.citation) == (date(2027, 3, 2), "ordinary", "§ 2 (ny lov)")


def test_the_note_names_the_rule_behind_the_ordinary_day_the_engine_gave():
    # T18 extended to 31-12-2026; 2 weeks from 20-12-2026; praktik from 01-12-2026. The ordinary rule
    # alone: § 44's 4 weeks end 28-12-2026, after the change, whose 2 weeks end 14-12-2026, before it
    # applies: the day before it, 19-12-2026 – a day the change gives, so the change is named.
    trial = period_change("T18", "20-12-2026", "2 uger")
    case = t18_case(date(2026, 12, 1))
    [d] = compute_deadlines(trial, case.dates, [], date(2026, 12, 1))
    assert (d.legal_due, d.ordinary_due, d.ordinary_reference) == (
        date(2026, 12, 31),
        date(2026, 12, 19),
        "§ 2 (ny lov)",
    )
    note = render_note(
        trial,
        case,
        "forlaengelse",
        note_date=date(2026, 12, 1),
        reason="Borgeren har brug for længere tid.",
        confirmed=("laengde",),
        **WHO_FK1,
    )
    assert "Efter den almindelige regel, § 2 (ny lov), skulle praktikken slutte senest: 19-12-2026.\n" in note


def _t18_extended_with_two_limits(weeks_from_2027: int = 12):
    """T18 extended to 31-12-2026; the municipality's ordinary limits: 6 weeks from 01-02-2026 and
    12 weeks (or weeks_from_2027) from 01-01-2027 (a tester's setup, 30-11-2026)."""
    import json

    def limit(first_day: str, weeks: int) -> TrialOverride:
        value = {
            "from": first_day,
            "maximum": {"weeks": weeks},
            "text": f"op til {weeks} uger",
            "reference": f"§ {weeks}",
        }
        return TrialOverride(
            "T18", "ordinary", json.dumps(value), "Lov nr. 1750", created_at="2026-11-01T10:00:00+00:00"
        )

    extension = TrialOverride("T18", "extension", "2026-12-31", "Beskæftigelsesministerens brev af 15-11-2025")
    overrides = [extension, limit("2026-02-01", 6), limit("2027-01-01", weeks_from_2027)]
    return apply_overrides(CATALOG, overrides)["T18"]


def test_a_praktik_the_trial_carries_over_its_end_into_a_longer_limit_gets_its_note():
    # Praktik from 01-11-2026. Without the trial: 6 weeks (the limit in force at its start) end
    # 01-11-2026 + 6 weeks - 1 day = 12-12-2026. The trial (13 weeks) carries it to its end
    # 31-12-2026; from 01-01-2027 the 12 weeks govern: 01-11-2026 + 12 weeks - 1 day = 23-01-2027.
    # The note written 30-11-2026, while the trial runs, was refused as "written after the trial".
    trial = _t18_extended_with_two_limits()
    case = t18_case(date(2026, 11, 1))
    [deadline] = compute_deadlines(trial, case.dates, [], date(2026, 11, 30))
    assert (deadline.legal_due, deadline.governed_by, deadline.ordinary_due) == (
        date(2027, 1, 23),
        "ordinary",
        date(2026, 12, 12),
    )
    assert deadline.ordinary_reference == "§ 6"
    note = render_note(
        trial, case, "forlaengelse", note_date=date(2026, 11, 30), reason="r", confirmed=("laengde",), **WHO_FK1
    )
    assert "Praktikken slutter senest 23-01-2027 (højst 12 uger fra praktikstart 01-11-2026" in note
    assert "Efter den almindelige regel, § 6, skulle praktikken slutte senest: 12-12-2026." in note
    # The ordinary rule alone would have ended the praktik 12-12-2026: every output says so beside
    # the deadline, as the note does (decision 12; a tester found only the note said it).
    from caseworker_app.core.spreadsheet import deadline_table

    assert deadline.ordinary_beside and deadline.lengthened_by_trial
    # The case window, the plan and `schedule` name the version that would have ended it (a reviewer:
    # beside "Almindelig regel: op til 12 uger / § 12" the bare 12-12-2026 read as that rule's date).
    from caseworker_app.core.deadline import ordinary_beside_text

    assert ordinary_beside_text(deadline) == "12-12-2026 (§ 6, uden forsøget)"
    table = deadline_table(deadlines_for_cases([case], {"T18": trial}, date(2026, 11, 30)))
    [row] = table.rows
    assert row[table.headers.index("Frist")] == date(2027, 1, 23)
    assert row[table.headers.index("Almindelig regel ville give")] == date(2026, 12, 12)


def test_a_praktik_the_trial_does_not_lengthen_keeps_its_refusal():
    # Praktik from 01-12-2026, limit from 01-01-2027 of 5 weeks: 01-12-2026 + 5 weeks - 1 day =
    # 04-01-2027, after the trial's end, governs. Without the trial its 6 weeks end 11-01-2027,
    # later: the trial does not lengthen it, so a note saying so is refused.
    trial = _t18_extended_with_two_limits(weeks_from_2027=5)
    case = t18_case(date(2026, 12, 1))
    [deadline] = compute_deadlines(trial, case.dates, [], date(2026, 12, 2))
    assert (deadline.legal_due, deadline.governed_by) == (date(2027, 1, 4), "ordinary")
    with pytest.raises(NoteError, match="Forsøget giver ikke perioden dens længde"):
        render_note(trial, case, "forlaengelse", note_date=date(2026, 12, 2), reason="r", confirmed=("laengde",), **WHO)


def test_a_t18_praktik_the_ordinary_rule_ends_is_marked_where_the_notes_are_offered():
    # A tester: T18 (to 31-12-2015), praktik from 20-12-2015: the ordinary 4 weeks end 20-12-2015 +
    # 4 weeks - 1 day = 16-01-2016, after the trial's end, so the ordinary rule gives the last day and
    # the trial lengthens nothing. The notes saying it does were offered unmarked, then refused.
    from caseworker_app.core.note_refusals import REFUSED_MARK, offered_situations

    case = t18_case(date(2015, 12, 20))
    offered = {name: (title, why) for name, title, why in offered_situations(CATALOG["T18"], case)}
    for situation in ("forlaengelse", "forsoeg_anvendt"):
        title, why = offered[situation]
        assert title.endswith(REFUSED_MARK)
        assert why.startswith("Forsøget giver ikke perioden dens længde: ")
    # A praktik from 02-11-2015 that the trial's end lengthens to 31-12-2015 is offered unmarked.
    lengthened = {name: why for name, _, why in offered_situations(CATALOG["T18"], t18_case(date(2015, 11, 2)))}
    assert lengthened["forlaengelse"] == "" and lengthened["forsoeg_anvendt"] == ""
