"""What the engine works out once per trial (trial_plan.plan_of) and per list (cases.Outcomes) is never
stale: a changed trial, or a case that differs in one thing the engine reads, gets its own deadline.

Expected dates worked out by hand: T08's trial rule is 30 months after hiring or the last follow-up,
its ordinary rule 6 months after the offer (the hiring when no offer is known), then 12 months after
the last follow-up; the trial ended 31-12-2025, so the ordinary rule governs from 01-01-2026.
"""

from dataclasses import replace
from datetime import date

from caseworker_app.core.cases import CaseRecord, Outcomes, deadlines_and_problems
from caseworker_app.core.catalog_load import load_catalog
from caseworker_app.core.event import Event
from caseworker_app.core.schedule import compute_deadlines
from caseworker_app.core.workdays import Duration

CATALOG = load_catalog()
T08 = CATALOG["T08"]
TODAY = date(2026, 1, 10)
HIRED = {"hire": date(2024, 3, 1)}
FOLLOWUP = [Event(date(2025, 6, 2), "followup")]
T08_ORDINARY = (
    "Almindelig regel: første opfølgning senest 6 måneder efter tilbud om løntilskud, herefter senest "
    "12 måneder efter seneste vurdering"
)
T08_REFERENCE = "§ 10, stk. 3, 2. og 3. pkt., i lov om aktiv socialpolitik"
T08_CAUTION = (
    "Almindelig regel kontrolleret til og med 26-08-2021 – beskæftigelsesreformen (lov nr. 1750 af "
    "29-12-2025, i kraft 01-02-2026 og 01-07-2026, og en ny lov om en aktiv beskæftigelsesindsats, "
    "ventet 01-01-2027) kan have ændret den: kontrollér fristen."
)


def _with_ordinary(text: str, **changes) -> object:
    """T08 with its ordinary rule's text (and anything else given) changed: a new trial object."""
    spec = T08.rules[0]
    assert spec.ordinary is not None
    return replace(T08, rules=(replace(spec, ordinary=replace(spec.ordinary, text=text, **changes)),))


def test_a_changed_trial_gets_its_own_rule_text_citation_caution_and_date_never_the_first_ones():
    changed = _with_ordinary(
        "kommunens regel", reference="brev af 01-12-2025", checked_until=date(2030, 1, 1), every=Duration(months=9)
    )
    for _ in range(2):  # in turn, so neither is given what was worked out for the other
        (first,) = compute_deadlines(T08, HIRED, FOLLOWUP, TODAY)
        assert first.rule == T08_ORDINARY
        assert first.citation == T08_REFERENCE
        assert first.caution == T08_CAUTION
        assert first.legal_due == date(2026, 6, 2)  # 12 months after 02-06-2025
        (second,) = compute_deadlines(changed, HIRED, FOLLOWUP, TODAY)
        assert second.rule == "Almindelig regel: kommunens regel"
        assert second.citation == "brev af 01-12-2025"
        assert second.caution == ""  # checked until 2030
        assert second.legal_due == date(2026, 3, 2)  # 9 months after 02-06-2025


def test_a_trial_without_the_default_date_no_longer_counts_the_ordinary_rule_from_the_hiring():
    offer = next(d for d in T08.dates if d.name == "offer")
    no_default = replace(T08, dates=tuple(replace(d, default_from=None) if d is offer else d for d in T08.dates))
    for _ in range(2):
        (defaulted,) = compute_deadlines(T08, HIRED, [], TODAY)
        # 6 months after the offer taken as the hiring: 01-09-2024, before the end: due the day after it.
        assert defaulted.ordinary_due == date(2024, 9, 1)
        assert defaulted.legal_due == date(2026, 1, 1)
        assert (
            defaulted.reason_parts[-1]
            == "; datoen for tilbud om ansættelse med løntilskud er ukendt, så datoen for ansættelse i løntilskud "
            "er brugt i stedet"
        )
        (alone,) = compute_deadlines(no_default, HIRED, [], TODAY)
        assert alone.ordinary_due is None  # no offer, no ordinary date
        assert alone.legal_due == date(2026, 9, 1)  # the trial rule's 30 months after the hiring
        assert "ukendt" not in alone.reason


def test_many_trials_made_and_dropped_each_get_their_own_texts():
    # More trials than the engine keeps plans for, each dropped after use: an id used again by a
    # new trial never brings back another trial's plan.
    for number in range(300):
        trial = _with_ordinary(f"regel nr. {number}")
        (deadline,) = compute_deadlines(trial, HIRED, FOLLOWUP, TODAY)
        assert deadline.rule == f"Almindelig regel: regel nr. {number}"
        del trial, deadline


def _case(number: int, dates: dict, events: tuple[Event, ...] = ()) -> CaseRecord:
    return CaseRecord(number, f"Borger {number}", f"2026-{number:04d}", "T08", dates, events)


def test_cases_that_differ_in_one_thing_the_engine_reads_get_different_deadlines_in_one_list():
    hire = date(2024, 3, 1)
    cases = [
        _case(1, {"hire": hire}, (Event(date(2025, 6, 2), "contact", full_followup=True),)),
        _case(2, {"hire": hire}, (Event(date(2025, 6, 2), "contact", full_followup=False),)),
        _case(3, {"hire": hire, "offer": date(2024, 2, 1)}),
        _case(4, {"hire": hire, "offer": date(2024, 3, 1)}),
        _case(5, {"hire": hire}),
    ]
    outcomes = Outcomes(CATALOG, TODAY)
    got = {case.id: outcomes.of(case) for case in cases}
    assert got[1][0].legal_due == date(2026, 6, 2)  # a contact marked as a full follow-up: 12 months on
    assert got[2][0].legal_due == date(2026, 1, 1)  # an ordinary contact restarts nothing
    assert got[3][0].ordinary_due == date(2024, 8, 1)  # 6 months after each offer
    assert got[4][0].ordinary_due == date(2024, 9, 1)
    assert "ukendt" not in got[4][0].reason  # the offer was given, not taken from the hiring
    assert got[5][0].reason.endswith(
        "datoen for tilbud om ansættelse med løntilskud er ukendt, så datoen for ansættelse i løntilskud "
        "er brugt i stedet"
    )


def test_a_list_under_a_changed_catalog_uses_the_changed_trial():
    case = _case(1, {"hire": date(2024, 3, 1)}, tuple(FOLLOWUP))
    before, _ = deadlines_and_problems([case], CATALOG, TODAY)
    after, _ = deadlines_and_problems([case], {**CATALOG, "T08": _with_ordinary("ny regel")}, TODAY)
    assert before[0].deadline.rule == T08_ORDINARY
    assert after[0].deadline.rule == "Almindelig regel: ny regel"
