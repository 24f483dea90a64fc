"""A note whose basis rests on an extension that may bridge a lapse is written only once the caseworker
confirms having checked the extension (decisions 4 and 15), and then says so beside the citation.

T07 ended 31-12-2021 (resources/trials/T07.toml). The coordinator typed in an extension to 31-12-2026
on 01-12-2026, before the program asked for the decision date: a note about 01-09-2023 (after the old
end, inside the extension) cites it, though the trial may have lapsed from 01-01-2022 until the decision.
"""

from __future__ import annotations

from datetime import date

import pytest

from caseworker_app.cli import main
from caseworker_app.core.cases import CaseRecord
from caseworker_app.core.catalog_load import load_catalog
from caseworker_app.core.confirmations import confirmation_facts
from caseworker_app.core.event import Event
from caseworker_app.core.note_conditions import EXTENSION_CHECK
from caseworker_app.core.note_errors import MissingFieldError
from caseworker_app.core.notes import render_note
from caseworker_app.core.overrides import TrialOverride, apply_overrides
from caseworker_app.core.settings import Settings
from caseworker_app.store import CaseStore

CATALOG = load_catalog()
LETTER = "Testbrev T07"
WHO = dict(caseworker="Mette Kjær", municipality="Vesthimmerlands Kommune")
MISSING = "bekræftelse af, at du har kontrolleret, at forlængelsen gælder for notatets dag"
BOX = (
    "Jeg har kontrolleret, at forlængelsen til 31-12-2026 var besluttet, før forsøget sluttede 31-12-2021, "
    "eller gælder med tilbagevirkende kraft"
)
CITED = (
    "Hjemmel: Bekendtgørelse om frikommuneforsøg II på beskæftigelses- og sygedagpengeområdet (BEK nr. 529 af "
    "23/05/2018), forlænget til 31-12-2026 ifølge Testbrev T07. Forlængelsen er kontrolleret af sagsbehandleren.\n"
)


def t07(value: str):
    override = TrialOverride("T07", "extension", value, LETTER, created_at="2026-12-01T10:00:00+00:00")
    return apply_overrides(CATALOG, [override])["T07"]


LEGACY = t07("2026-12-31")  # a plain end date, as stored before the decision date was asked for
DECIDED = t07('{"decided": "2021-12-20", "end": "2026-12-31", "retroactive": false}')
# Decided 03-01-2022, after the end 31-12-2021, and not marked retroactive: stored before the program
# asked for that confirmation (decision 4). The trial had lapsed from 01-01-2022 unless it was retroactive.
LATE = t07('{"decided": "2022-01-03", "end": "2026-12-31"}')
RETROACTIVE = t07('{"decided": "2022-01-03", "end": "2026-12-31", "retroactive": true}')


def anna(day: date) -> CaseRecord:
    return CaseRecord(
        1, "Anna Berg", "R-7", "T07", {"visitation": date(2021, 3, 1)}, (Event(day, "plan_not_adjusted"),)
    )


def note(trial, day: date, confirmed=()):
    return render_note(
        trial,
        anna(day),
        "plan_ikke_justeret",
        note_date=day,
        reason="Stabil",
        event_date=day,
        confirmed=confirmed,
        **WHO,
    )


def test_a_note_on_a_day_the_extension_may_not_cover_waits_for_the_check():
    with pytest.raises(MissingFieldError) as refused:
        note(LEGACY, date(2023, 9, 1))
    assert refused.value.labels == (MISSING,)
    facts = confirmation_facts(LEGACY, anna(date(2023, 9, 1)), "plan_ikke_justeret", date(2023, 9, 1), date(2023, 9, 1))
    assert facts[EXTENSION_CHECK].shown == BOX
    assert CITED in note(LEGACY, date(2023, 9, 1), confirmed=(EXTENSION_CHECK,))


def test_no_check_within_the_old_period_or_for_an_extension_decided_before_the_end():
    # 31-12-2021, the old end's own day: the original order covers it.
    assert "Forlængelsen er kontrolleret" not in note(LEGACY, date(2021, 12, 31))
    # Decided 20-12-2021, before the end 31-12-2021: no lapse, nothing to confirm.
    text = note(DECIDED, date(2023, 9, 1))
    assert "forlænget til 31-12-2026 ifølge Testbrev T07.\n" in text
    facts = confirmation_facts(
        DECIDED, anna(date(2023, 9, 1)), "plan_ikke_justeret", date(2023, 9, 1), date(2023, 9, 1)
    )
    assert EXTENSION_CHECK not in facts


def test_an_extension_decided_after_the_end_and_not_marked_retroactive_waits_for_the_check_too():
    # 01-09-2023 is in the extension (01-01-2022 - 31-12-2026), after its decision 03-01-2022;
    # 02-01-2022 lies between the end 31-12-2021 and the decision: both rest on it.
    for day in (date(2023, 9, 1), date(2022, 1, 2)):
        with pytest.raises(MissingFieldError) as refused:
            note(LATE, day)
        assert refused.value.labels == (MISSING,)
        facts = confirmation_facts(LATE, anna(day), "plan_ikke_justeret", day, day)
        assert facts[EXTENSION_CHECK].shown == BOX
    assert CITED in note(LATE, date(2023, 9, 1), confirmed=(EXTENSION_CHECK,))
    # 31-12-2021, the old end's own day: the original order covers it, nothing to confirm.
    assert "Forlængelsen er kontrolleret" not in note(LATE, date(2021, 12, 31))
    # Saved as retroactive from 01-01-2022 (as the program now asks): no lapse, nothing to confirm.
    text = note(RETROACTIVE, date(2023, 9, 1))
    assert "forlænget til 31-12-2026 ifølge Testbrev T07.\n" in text


@pytest.fixture
def legacy_db(tmp_path):
    path = tmp_path / "t07.db"
    with CaseStore(path, clock=lambda: date(2026, 12, 1)) as store:
        store.save_settings(Settings(caseworker_name="Mette Kjær", municipality="Vesthimmerlands Kommune"))
        case_id = store.create_case(
            citizen="Anna Berg", case_ref="R-7", trial_id="T07", dates={"visitation": date(2021, 3, 1)}
        )
        store.add_event(case_id, day=date(2023, 9, 1), kind="plan_not_adjusted")
        store.add_override("T07", "extension", "2026-12-31", LETTER)
    return path


def test_the_command_line_refuses_names_the_confirmation_and_lists_it(legacy_db, capsys):
    args = ["note", "--db", str(legacy_db), "--case", "R-7", "--situation", "plan_ikke_justeret"]
    args += ["--reason", "Stabil", "--date", "01-09-2023", "--today", "01-09-2023"]
    assert main(args) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err == (
        f"caseworker-app: fejl: Notatet kan ikke laves, før dette er udfyldt: {MISSING}. (brug --bekraeft "
        "forlaengelse_kontrolleret, når du har kontrolleret, at forlængelsen til 31-12-2026 var besluttet, før "
        "forsøget sluttede 31-12-2021, eller gælder med tilbagevirkende kraft)\n"
    )
    assert main([*args, "--bekraeft", "forlaengelse_kontrolleret"]) == 0
    assert CITED in capsys.readouterr().out
    assert main(["note", "--db", str(legacy_db), "--case", "R-7", "--list", "--today", "01-09-2023"]) == 0
    assert capsys.readouterr().out.endswith(
        "Forlængelsen skal du bekræfte (--bekraeft forlaengelse_kontrolleret), når du har kontrolleret den, i "
        f"notaterne plan_ikke_justeret, forsoeg_anvendt:\n  forlaengelse_kontrolleret {BOX}\n"
    )


def test_both_checks_stand_beside_the_basis_in_the_order_they_are_confirmed_for():
    # Aalborg is not among T07's municipalities (Vesthimmerland): the note about 01-09-2023 needs the
    # extension's check and the participation's, and states both after the citation, one sentence each.
    aalborg = {**WHO, "municipality": "Aalborg Kommune"}
    day = date(2023, 9, 1)
    written = render_note(
        LEGACY,
        anna(day),
        "plan_ikke_justeret",
        note_date=day,
        reason="Stabil",
        event_date=day,
        confirmed=(EXTENSION_CHECK, "deltagelse_kontrolleret"),
        **aalborg,
    )
    assert (
        "forlænget til 31-12-2026 ifølge Testbrev T07. Forlængelsen er kontrolleret af sagsbehandleren. Kommunens "
        "deltagelse i forsøget er kontrolleret af sagsbehandleren.\n"
    ) in written
