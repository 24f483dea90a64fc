"""A note about a period (a praktik) begun under a trial is dated by the period's start, so it can
be written after the trial's end and states the last day the lists show (docs/katalog.md, "Når
forsøget slutter": T18, T19; decisions 12 and 14). The refusals that hold for such a period stay.

T18 and T19 run from 18-06-2012 to 31-12-2015; the ordinary rule (§ 44) gives 4 weeks, T18 13 weeks,
T19 26 weeks. T09 runs from 01-07-2018 to 31-12-2021. Every expected date and text is worked out by
hand below.
"""

from __future__ import annotations

from datetime import date

import pytest

from caseworker_app.core.cases import CaseRecord, deadlines_for_cases
from caseworker_app.core.catalog_load import load_catalog
from caseworker_app.core.note_errors import NoteError
from caseworker_app.core.notes import render_note

CATALOG = load_catalog()
WHO = dict(caseworker="Lise Holm", municipality="Vesthimmerlands Kommune")
# T18 and T19 are written by a municipality they name (decision 17).
WHO_FK1 = dict(caseworker="Lise Holm", municipality="Vejle Kommune")
WRITTEN = date(2026, 11, 30)  # eleven months after the trials' end
FOLLOWS_ORDINARY = (
    "så perioden følger den almindelige regel, og notatet kan ikke henvise til forsøget. Skriv notatet i FASIT "
    "som i andre sager, uden henvisning til forsøget."
)


def praktik(trial_id: str, start: date | None, **dates: date) -> CaseRecord:
    known = {"praktik_start": start} if start else {}
    return CaseRecord(
        id=1, citizen="Per Praktik", case_ref="T-P", trial_id=trial_id, dates={**known, **dates}
    )  # fmt: skip


def t18_note(case: CaseRecord, situation: str = "forlaengelse", written: date = WRITTEN) -> str:
    return render_note(
        CATALOG["T18"],
        case,
        situation,
        note_date=written,
        reason="Borgeren har brug for længere tid.",
        free_text="x",
        confirmed=("laengde",),
        **WHO_FK1,
    )


@pytest.mark.parametrize("situation", ["forlaengelse", "forsoeg_anvendt"])
def test_a_t18_praktik_the_trial_lengthened_gets_its_note_after_the_trial(situation):
    # The tester's T18-P: praktik from 02-11-2015. § 44's 4 weeks end 29-11-2015, the trial's 13
    # weeks (91 days) 31-01-2016; the later of 29-11-2015 and the trial's end is 31-12-2015, a day
    # only the trial gives (decision 12). Written 30-11-2026, the note states that day, as the
    # lists do, and tells of the trial in the past tense.
    case = praktik("T18", date(2015, 11, 2))
    [listed] = deadlines_for_cases([case], CATALOG, WRITTEN)
    assert (listed.deadline.legal_due, listed.deadline.governed_by) == (date(2015, 12, 31), "trial")
    note = t18_note(case, situation)
    assert (
        "Praktikken slutter senest 31-12-2015 (forsøget sluttede 31-12-2015: perioden må højst vare "
        "til forsøgets sidste dag; efter forsøgsreglen højst 13 uger fra praktikstart 02-11-2015). Efter "
        "forsøgsreglen ville "
        "fristen være 31-01-2016, men forsøget gjaldt kun til og med 31-12-2015.\n"
    ) in note
    assert "skulle praktikken slutte senest: 29-11-2015.\n" in note
    assert (
        "\nHjemmel: Bekendtgørelse om forsøgsordninger med frikommuneforsøg (titlen som i Rambøll og BDO: Evaluering "
        "af frikommuneforsøg på beskæftigelsesområdet, november 2016; BEK-nummer ikke fundet, og at forsøget har "
        "hjemmel her, er ikke verificeret).\nSkrevet 30-11-2026 af Lise Holm, Vejle Kommune."
    ) in note


def test_a_t18_praktik_ending_under_the_trial_gets_its_note_after_the_trial():
    # The tester's T18-P2: praktik from 01-06-2015; 13 weeks end 30-08-2015 (a Sunday: the praktik may
    # run to it, no practical date: decision 7), inside the trial; § 44's 4 weeks would have ended 28-06-2015.
    note = t18_note(praktik("T18", date(2015, 6, 1)))
    assert ("Praktikken slutter senest 30-08-2015 (højst 13 uger fra praktikstart 01-06-2015, sidste dag).\n") in note
    assert "skulle praktikken slutte senest: 28-06-2015.\n" in note


def test_t19s_only_note_can_be_written_after_the_trial():
    # The tester's T19-P: praktik from 01-10-2015; 4 weeks end 28-10-2015, the trial's 26 weeks
    # (182 days) 30-03-2016: the trial's end 31-12-2015 is the last day.
    note = render_note(
        CATALOG["T19"],
        praktik("T19", date(2015, 10, 1)),
        "forsoeg_anvendt",
        note_date=WRITTEN,
        free_text="x",
        confirmed=("vaekstvirksomhed", "bidrag"),
        **WHO_FK1,
    )
    assert "Virksomhedspraktik fra 01-10-2015 i op til 26 uger i stedet for 4 uger" in note
    assert (
        "Praktikken slutter senest 31-12-2015 (forsøget sluttede 31-12-2015: perioden må højst vare "
        "til forsøgets sidste dag; efter forsøgsreglen højst 26 uger fra praktikstart 01-10-2015)."
    ) in note
    assert "Efter forsøgsreglen ville fristen være 30-03-2016, men forsøget gjaldt kun til og med 31-12-2015.\n" in note
    assert "skulle praktikken slutte senest: 28-10-2015.\n" in note


def test_t09s_note_on_the_trial_used_for_a_praktik_can_be_written_after_the_trial():
    # The rule is general, not T18's: T09 (01-07-2018 to 31-12-2021), praktik from 01-06-2021, ledig
    # since 01-03-2020 (15 months, under 18). "Forsøget anvendt" is about the praktik, so it is dated
    # 01-06-2021, inside the original period: it cites the order alone.
    note = render_note(
        CATALOG["T09"],
        praktik("T09", date(2021, 6, 1), unemployed_since=date(2020, 3, 1)),
        "forsoeg_anvendt",
        note_date=WRITTEN,
        free_text="x",
        confirmed=("visiteret", "formaal"),
        **WHO,
    )
    assert "- Ledighedsperioden er under 18 måneder: ledig siden 01-03-2020 til praktikstart 01-06-2021 er 15 " in note
    assert (
        "\nHjemmel: Bekendtgørelse om frikommuneforsøg II på beskæftigelses- og sygedagpengeområdet (BEK nr. 529 af "
        "23/05/2018).\nSkrevet 30-11-2026 af Lise Holm, Vesthimmerlands Kommune."
    ) in note


def test_a_praktik_begun_after_the_trials_end_is_still_refused():
    # Praktik from 15-01-2016: the trial had ended; the ordinary rule governs it from its first day.
    with pytest.raises(NoteError) as refused:
        t18_note(praktik("T18", date(2016, 1, 15)))
    assert str(refused.value) == (
        f"Sagens praktikstart 15-01-2016 ligger efter forsøgets slutning 31-12-2015, {FOLLOWS_ORDINARY}"
    )


def test_a_praktik_begun_before_the_trials_start_is_still_refused():
    with pytest.raises(NoteError) as refused:
        t18_note(praktik("T18", date(2012, 6, 1)))
    assert str(refused.value) == (
        f"Sagens praktikstart 01-06-2012 ligger før forsøgets start 18-06-2012, {FOLLOWS_ORDINARY}"
    )


@pytest.mark.parametrize(
    "start, ordinary_end",
    [
        # 4 weeks from 15-12-2015 end 11-01-2016, after the trial's end: the ordinary rule's day.
        (date(2015, 12, 15), "11-01-2016"),
        # 4 weeks from 04-12-2015 end 31-12-2015, the trial's last day itself: nothing beyond 4 weeks.
        (date(2015, 12, 4), "31-12-2015"),
    ],
)
def test_a_praktik_the_trial_does_not_lengthen_is_still_refused_after_the_trial(start, ordinary_end):
    case = praktik("T18", start)
    [listed] = deadlines_for_cases([case], CATALOG, WRITTEN)
    assert listed.deadline.legal_due.strftime("%d-%m-%Y") == ordinary_end
    with pytest.raises(NoteError, match="Forsøget giver ikke perioden dens længde"):
        t18_note(case)


def test_a_t09_praktik_outside_the_trials_condition_is_still_refused_after_the_trial():
    # Ledig since 01-03-2020, praktik from 02-09-2021: 18 months, not under 18.
    case = praktik("T09", date(2021, 9, 2), unemployed_since=date(2020, 3, 1))
    with pytest.raises(NoteError, match="ledig siden 01-03-2020 til praktikstart 02-09-2021 er 18 måneder"):
        render_note(
            CATALOG["T09"],
            case,
            "praktik_start",
            note_date=WRITTEN,
            free_text="x",
            confirmed=("visiteret", "formaal"),
            **WHO,
        )


def test_a_praktik_without_a_start_says_the_start_is_missing_not_that_the_note_is_late():
    with pytest.raises(NoteError) as refused:
        t18_note(praktik("T18", None))
    assert str(refused.value) == (
        "Sagen har ingen dato for »Praktikstart«, så notatet har ingen dato for den periode, det handler om. "
        "Skriv datoen i sagsvinduet, og skriv så notatet."
    )


def test_a_period_note_is_dated_by_the_periods_start_and_no_other_day():
    # T06's extension from 01-03-2025 (to 31-12-2025 under the minister's letter): a note dated by
    # 01-06-2019 would cite the order alone, one dated 01-01-2026 would be refused as late.
    case = CaseRecord(
        id=6, citizen="Jens Nu", case_ref="N-T06-1", trial_id="T06", dates={"extension_start": date(2025, 3, 1)}
    )
    with pytest.raises(NoteError) as refused:
        render_note(
            CATALOG["T06"],
            case,
            "forlaengelse",
            note_date=WRITTEN,
            event_date=date(2019, 6, 1),
            free_text="x",
            reason="r",
            confirmed=("indstilling", "borgerens_oenske"),
            **WHO,
        )
    assert str(refused.value) == (
        "Notatet handler om perioden, der begyndte 01-03-2025 (sagens dato for forlængelsens start), og har den "
        "dato; 01-06-2019 kan ikke gives i stedet. Er sagens dato forkert, så ret den i sagsvinduet."
    )
