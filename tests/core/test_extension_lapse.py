"""An extension decided after the trial had ended would bridge the lapse (decision 4): it is saved
only when confirmed retroactive from the day after the end (and says so), a later corrected end
typed in after the end passed likewise, and one typed in without a decision date after the end is
pointed out.

T07 ended 31-12-2021 (resources/trials/T07.toml, no extension). T08 ran to 31-12-2025 (the
minister's letter of 26-11-2024). Every date below is worked out by hand in the comments.
"""

from __future__ import annotations

from datetime import date

import pytest

from caseworker_app.core.catalog_load import load_catalog
from caseworker_app.core.overrides import TrialOverride, apply_overrides, override_errors
from caseworker_app.core.trial_period import Lapse
from caseworker_app.paths import resources_dir
from caseworker_app.services.catalog_texts import period_lines

TODAY = date(2026, 12, 1)
LETTER = "Testbrev T07"


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


def entered(catalog, trial_id, value, created_at="2026-12-01T10:00:00+00:00"):
    override = TrialOverride(trial_id, "extension", value, LETTER, created_at=created_at)
    return apply_overrides(catalog, [override])[trial_id]


def check(catalog, trial_id, end, decided, retroactive=False):
    value = {"end": end, "decided": decided, "retroactive": retroactive}
    return override_errors(catalog, trial_id, "extension", value, LETTER, today=TODAY)


REFUSAL = (
    "Forlængelsen blev besluttet 03-01-2022, efter at forsøget sluttede 31-12-2021. Sæt kryds, hvis den gælder "
    "med tilbagevirkende kraft fra 01-01-2022. Ellers var forsøget udløbet fra 01-01-2022: er det genoptaget "
    "senere, er det et nyt forsøg, som skal lægges ind i forsøgskataloget. Er datoen forkert, så ret den."
)


def test_an_extension_decided_after_the_end_needs_the_confirmation_that_it_is_retroactive(catalog):
    # T07 ended 31-12-2021; an order published 03-01-2022 (three days later) extending it to
    # 31-12-2026 applies from 01-01-2022 only if it says so: without the confirmation, refused.
    errors, _ = check(catalog, "T07", "31-12-2026", "03-01-2022")
    assert errors == {"retroactive": REFUSAL}
    errors, _ = check(catalog, "T07", "31-12-2026", "15-11-2026")
    assert errors["retroactive"].startswith(
        "Forlængelsen blev besluttet 15-11-2026, efter at forsøget sluttede 31-12-2021. Sæt kryds, hvis den "
        "gælder med tilbagevirkende kraft fra 01-01-2022."
    )


def test_a_retroactive_extension_is_saved_as_such_and_cited_as_any_extension(catalog):
    errors, stored = check(catalog, "T07", "31-12-2026", "03-01-2022", retroactive=True)
    assert (errors, stored) == ({}, '{"decided": "2022-01-03", "end": "2026-12-31", "retroactive": true}')
    trial = entered(catalog, "T07", stored)
    assert trial.period.lapse_of(0) is None  # confirmed: no warning
    assert period_lines(trial)[2:] == [
        "Forlænget til 31-12-2026 (besluttet 03-01-2022, med tilbagevirkende kraft fra 01-01-2022) – forlænget i "
        "programmet 01-12-2026",
        f"    Kilde: {LETTER}",
        "Gældende slutdato: 31-12-2026",
    ]
    # A note about 01-01-2022, the first day it covers, cites it as it cites any extension.
    assert trial.citation_text_on(date(2022, 1, 1)).endswith(
        "(BEK nr. 529 af 23/05/2018), forlænget til 31-12-2026 ifølge Testbrev T07"
    )
    assert trial.citation_text_on(date(2021, 12, 31)).endswith("(BEK nr. 529 af 23/05/2018)")
    override = TrialOverride("T07", "extension", stored, LETTER)
    assert override.label == "forlængelse til 31-12-2026 (besluttet 03-01-2022, med tilbagevirkende kraft)"


def test_the_last_day_of_the_trial_is_the_last_day_an_extension_needs_no_confirmation(catalog):
    # Decided 31-12-2021, T07's last day: nothing to confirm, and a confirmation given is not stored.
    assert check(catalog, "T07", "31-12-2026", "31-12-2021") == (
        {},
        '{"decided": "2021-12-31", "end": "2026-12-31"}',
    )
    assert check(catalog, "T07", "31-12-2026", "31-12-2021", retroactive=True)[1] == (
        '{"decided": "2021-12-31", "end": "2026-12-31"}'
    )
    errors, _ = check(catalog, "T07", "31-12-2026", "01-01-2022")
    assert errors["retroactive"].startswith(
        "Forlængelsen blev besluttet 01-01-2022, efter at forsøget sluttede 31-12-2021. Sæt kryds, hvis den "
        "gælder med tilbagevirkende kraft fra 01-01-2022."
    )


def correct(catalog, trial_id, end, retroactive=None, today=TODAY):
    value = end if retroactive is None else {"end": end, "retroactive": retroactive}
    return override_errors(catalog, trial_id, "end", value, LETTER, today=today)


def test_a_later_end_typed_in_after_the_end_passed_needs_the_same_confirmation(catalog):
    # T07's end 31-12-2021 has passed on 01-12-2026: "Ret slutdato" to 31-12-2026 would make
    # 01-01-2022 – 31-12-2026 trial time, as an extension would. No decision date is asked for.
    errors, _ = correct(catalog, "T07", "31-12-2026")
    assert errors == {
        "retroactive": "Den nye slutdato indtastes efter, at forsøget sluttede 31-12-2021. Sæt kryds, hvis den "
        "gælder med tilbagevirkende kraft fra 01-01-2022. Ellers var forsøget udløbet fra 01-01-2022: er det "
        "genoptaget senere, er det et nyt forsøg, som skal lægges ind i forsøgskataloget. Er datoen forkert, så ret "
        "den."
    }
    assert correct(catalog, "T07", "31-12-2026", retroactive=False)[0].keys() == {"retroactive"}
    errors, stored = correct(catalog, "T07", "31-12-2026", retroactive=True)
    assert (errors, stored) == ({}, '{"end": "2026-12-31", "retroactive": true}')
    trial = apply_overrides(catalog, [TrialOverride("T07", "end", stored, LETTER, created_at="2026-12-01T10:00")])
    assert period_lines(trial["T07"])[2] == (
        "Slutdato rettet til 31-12-2026 (med tilbagevirkende kraft fra 01-01-2022) – rettet i programmet 01-12-2026"
    )


def test_an_earlier_end_or_a_later_one_while_the_trial_runs_needs_no_confirmation(catalog):
    # Back to 30-06-2021, before T07's end: shortens, bridges nothing.
    assert correct(catalog, "T07", "30-06-2021") == ({}, "2021-06-30")
    # T08 runs to 31-12-2025; on 01-12-2025 a later end 30-06-2026 follows on without a gap.
    assert correct(catalog, "T08", "30-06-2026", today=date(2025, 12, 1)) == ({}, "2026-06-30")
    # The same on 01-01-2026, the day after that end: the confirmation is asked for.
    errors, _ = correct(catalog, "T08", "30-06-2026", today=date(2026, 1, 1))
    assert errors["retroactive"].startswith("Den nye slutdato indtastes efter, at forsøget sluttede 31-12-2025.")


def test_an_extension_typed_in_late_but_decided_in_time_is_no_lapse(catalog):
    # The legitimate late entry: T08 ended 31-12-2025, the letter of 20-11-2025 extended it to
    # 31-12-2026, typed in on 10-03-2026.
    errors, stored = check(catalog, "T08", "31-12-2026", "20-11-2025")
    assert (errors, stored) == ({}, '{"decided": "2025-11-20", "end": "2026-12-31"}')
    trial = entered(catalog, "T08", stored, created_at="2026-03-10T10:00:00+00:00")
    assert trial.period.lapse_of(4) is None
    assert period_lines(trial)[-3:] == [
        "Forlænget til 31-12-2026 (besluttet 20-11-2025) – forlænget i programmet 10-03-2026",
        "    Kilde: Testbrev T07",
        "Gældende slutdato: 31-12-2026",
    ]
    override = TrialOverride("T08", "extension", stored, LETTER)
    assert override.label == "forlængelse til 31-12-2026 (besluttet 20-11-2025)"


def test_the_dialog_must_say_when_the_extension_was_decided(catalog):
    errors, _ = check(catalog, "T08", "31-12-2026", "")
    assert errors == {"decided": "Skriv den dato, forlængelsen blev besluttet – fx brevets dato (Besluttet den)"}
    errors, _ = check(catalog, "T08", "31-12-2026", "02-12-2026")  # the day after today
    assert errors == {"decided": "Besluttet den: 02-12-2026 ligger efter i dag (01-12-2026) – er datoen rigtig?"}
    errors, _ = check(catalog, "T08", "31-12-2026", "20-11-25")
    assert errors["decided"].startswith("'20-11-25': skriv året med fire cifre")


def test_an_extension_typed_in_after_the_end_without_a_decision_date_is_pointed_out(catalog):
    # Entered (before the program asked for the decision date) on 01-12-2026, nearly five years
    # after T07's end 31-12-2021: the program counts 01-01-2022 – 31-12-2026 as trial time.
    trial = entered(catalog, "T07", "2026-12-31")
    assert trial.period.lapse_of(0) == Lapse(date(2021, 12, 31), None, date(2026, 12, 1))
    assert period_lines(trial)[2:] == [
        "Forlænget til 31-12-2026 – forlænget i programmet 01-12-2026",
        "    Kilde: Testbrev T07",
        "    ! Indtastet 01-12-2026, efter at forsøget sluttede 31-12-2021, uden beslutningsdato. Blev "
        "forlængelsen besluttet efter 31-12-2021, var forsøget udløbet fra 01-01-2022, til den blev besluttet, men "
        "programmet regner 01-01-2022 – 31-12-2026 som forsøgstid og henviser til forlængelsen for de dage.",
        "      Kontrollér afgørelsen. Er den besluttet efter 31-12-2021 og gælder ikke med tilbagevirkende kraft fra "
        "01-01-2022, så ret slutdatoen tilbage til 31-12-2021 (Ret slutdato …), og få det genoptagne forsøg lagt "
        "ind som et nyt forsøg.",
        "Gældende slutdato: 31-12-2026",
    ]


def test_an_extension_typed_in_before_the_end_without_a_decision_date_is_not(catalog):
    # T08 ran to 31-12-2025; typed in on 15-12-2025, before the end: no lapse to suspect.
    trial = entered(catalog, "T08", "2026-12-31", created_at="2025-12-15T10:00:00+00:00")
    assert trial.period.lapse_of(4) is None
    assert not any("!" in line for line in period_lines(trial))


def test_a_known_decision_after_the_end_is_pointed_out_too(catalog):
    # Stored with its decision date (as a shipped file could hold it): decided 15-11-2026, after
    # T07's end 31-12-2021.
    trial = entered(catalog, "T07", '{"decided": "2026-11-15", "end": "2026-12-31"}')
    assert trial.period.lapse_of(0) == Lapse(date(2021, 12, 31), date(2026, 11, 15), date(2026, 12, 1))
    assert period_lines(trial)[4] == (
        "    ! Besluttet 15-11-2026, efter at forsøget sluttede 31-12-2021: forsøget var udløbet fra 01-01-2022 til "
        "15-11-2026, men programmet regner 01-01-2022 – 31-12-2026 som forsøgstid og henviser til forlængelsen for "
        "de dage."
    )


def test_a_correction_back_to_the_end_withdraws_the_bridge_and_its_warning(catalog):
    overrides = [
        TrialOverride("T07", "extension", "2026-12-31", LETTER, created_at="2026-12-01T10:00:00+00:00"),
        TrialOverride(
            "T07", "end", "2021-12-31", "Forlængelsen kom efter udløbet", created_at="2026-12-01T11:00:00+00:00"
        ),
    ]
    trial = apply_overrides(catalog, overrides)["T07"]
    assert trial.period.effective_end == date(2021, 12, 31)
    assert trial.citation_text_on(date(2023, 9, 1)).endswith("(BEK nr. 529 af 23/05/2018)")
    assert not any("!" in line for line in period_lines(trial))


def test_no_shipped_extension_was_decided_after_the_end_it_extends(catalog):
    lapses = [
        (trial.id, index)
        for trial in catalog.values()
        for index in range(len(trial.period.extensions))
        if trial.period.lapse_of(index) is not None
    ]
    assert lapses == []


def test_a_shipped_extension_may_say_it_is_retroactive(tmp_path):
    # T07's file with an extension decided 03-01-2022, three days after its end 31-12-2021, that
    # says retroactive = true: no lapse, and the box says from when it applies.
    text = (resources_dir() / "trials" / "T07.toml").read_text(encoding="utf-8")
    extension = '[[period.extensions]]\ndecided = 2022-01-03\nend = 2022-12-31\nsource = "Testbekendtgørelse"\n'
    with_extension = text.replace("\n[[citations]]", f"\n{extension}retroactive = true\n\n[[citations]]", 1)
    (tmp_path / "T07.toml").write_text(with_extension, encoding="utf-8")
    trial = load_catalog(tmp_path)["T07"]
    assert trial.period.extensions[0].retroactive and trial.period.lapse_of(0) is None
    assert period_lines(trial)[2] == (
        "Forlænget til 31-12-2022 (besluttet 03-01-2022, med tilbagevirkende kraft fra 01-01-2022)"
    )
