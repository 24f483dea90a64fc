"""A note states a deadline under the reform caution only once the caseworker has confirmed checking it
(decisions 13 and 15): the note says the check was made, never the window's "kontrollér fristen".

The tester's case (session of 01-12-2026): T08, hired 03-10-2022, follow-up 05-06-2025, note written
10-06-2025. After the trial's end (31-12-2025) the ordinary rule governs: 12 months after 05-06-2025 is
05-06-2026 (grundlovsdag: in practice Thursday 04-06-2026), past the day the rule was checked to
(26-08-2021), so the window cautions.
"""

from __future__ import annotations

from datetime import date

import pytest

from caseworker_app.cli import main
from caseworker_app.core.cases import CaseRecord, deadlines_for_cases
from caseworker_app.core.catalog import NoteTemplate
from caseworker_app.core.catalog_load import load_catalog
from caseworker_app.core.event import Event
from caseworker_app.core.note_conditions import DEADLINE_CHECK
from caseworker_app.core.note_errors import MissingFieldError
from caseworker_app.core.note_values import deadline_check_needed
from caseworker_app.core.notes import draft_note, render_note
from caseworker_app.core.settings import Settings
from caseworker_app.store import CaseStore

CATALOG = load_catalog()
WHO = dict(caseworker="Mette Kjær", municipality="Vesthimmerlands Kommune")
NOTE_DAY = date(2025, 6, 10)
CHECKED = "Fristen er kontrolleret af sagsbehandleren efter de gældende regler."
MISSING = "bekræftelse af, at du har kontrolleret fristen efter de regler, der gælder i dag"
NEXT = (
    "Næste opfølgning: senest 05-06-2026 (12 måneder efter seneste opfølgning 05-06-2025; almindelig regel "
    "efter forsøgets slutning 31-12-2025). I praksis senest torsdag 04-06-2026, fordi 05-06-2026 er grundlovsdag. "
    "Efter forsøgsreglen ville fristen være 05-12-2027, men forsøget gælder kun til og med 31-12-2025; derefter "
    "gælder den almindelige regel. Hjemmel for fristen: § 10, stk. 3, 2. og 3. pkt., i lov om aktiv socialpolitik."
)


def sofie(*followups: date) -> CaseRecord:
    return CaseRecord(
        id=3,
        citizen="Sofie Dahl",
        case_ref="2024-0401",
        trial_id="T08",
        dates={"hire": date(2022, 10, 3)},
        events=tuple(Event(day, "followup") for day in followups),
    )


def note(confirmed=(), template=None, case=None):
    return render_note(
        CATALOG["T08"],
        case or sofie(date(2025, 6, 5)),
        "opfoelgning",
        note_date=NOTE_DAY,
        free_text="Samtale",
        template=template,
        confirmed=confirmed,
        **WHO,
    )


def test_the_window_keeps_the_caution_for_the_same_deadline():
    [item] = deadlines_for_cases([sofie(date(2025, 6, 5))], CATALOG, NOTE_DAY)
    assert item.deadline.legal_due == date(2026, 6, 5)
    assert item.deadline.caution.endswith("kan have ændret den: kontrollér fristen.")


def test_the_note_is_not_written_before_the_caseworker_confirms_the_check():
    with pytest.raises(MissingFieldError) as refused:
        note()
    assert refused.value.labels == (MISSING,)
    assert str(refused.value) == f"Notatet kan ikke laves, før dette er udfyldt: {MISSING}."
    # The draft shows where: after the deadline's remarks, and no caution as a fact.
    text, missing = draft_note(
        CATALOG["T08"], sofie(date(2025, 6, 5)), "opfoelgning", note_date=NOTE_DAY, free_text="Samtale", **WHO
    )
    assert missing == (MISSING,)
    assert f"{NEXT} [mangler: {MISSING}]\n" in text
    assert "kontrollér fristen" not in text


def test_the_confirmed_note_states_the_check_and_no_reminder():
    text = note(confirmed=(DEADLINE_CHECK,))
    assert f"{NEXT} {CHECKED}\n" in text
    assert "kontrollér fristen" not in text and "beskæftigelsesreformen" not in text


def test_a_deadline_without_the_caution_needs_no_check_and_the_note_says_none():
    # Follow-up 10-01-2023, written 15-01-2023: the trial governs, 10-01-2023 + 2½ years = 10-07-2025
    # (a Thursday, inside the trial's extension to 31-12-2025).
    case = sofie(date(2023, 1, 10))
    assert not deadline_check_needed(CATALOG["T08"], case, "opfoelgning", None, date(2023, 1, 15))
    text = render_note(
        CATALOG["T08"],
        case,
        "opfoelgning",
        note_date=date(2023, 1, 15),
        free_text="x",
        confirmed=(DEADLINE_CHECK,),
        **WHO,
    )
    assert "Næste opfølgning: senest 10-07-2025 (2½ år efter seneste opfølgning 10-01-2023).\n" in text
    assert CHECKED not in text
    assert deadline_check_needed(CATALOG["T08"], sofie(date(2025, 6, 5)), "opfoelgning", None, NOTE_DAY)


def test_a_template_stating_the_date_without_the_remarks_also_asks_for_the_check():
    own = NoteTemplate("opfoelgning", "Opfølgning", "Næste opfølgning: senest $next_due. Hjemmel: $citation.")
    with pytest.raises(MissingFieldError) as refused:
        note(template=own)
    assert refused.value.labels == (MISSING,)
    assert note(template=own, confirmed=(DEADLINE_CHECK,)).startswith("Næste opfølgning: senest 05-06-2026.")
    # A note that states no deadline needs no check.
    bare = NoteTemplate("opfoelgning", "Opfølgning", "Opfølgning afholdt $event_date. Hjemmel: $citation.")
    assert note(template=bare).startswith("Opfølgning afholdt 05-06-2025.")


@pytest.fixture
def tester_db(tmp_path):
    path = tmp_path / "w25.db"
    with CaseStore(path, clock=lambda: NOTE_DAY) as store:
        store.save_settings(Settings(caseworker_name="Mette Kjær", municipality="Vesthimmerlands Kommune"))
        case_id = store.create_case(
            citizen="Sofie Dahl", case_ref="2024-0401", trial_id="T08", dates={"hire": date(2022, 10, 3)}
        )
        store.add_event(case_id, day=date(2025, 6, 5), kind="followup")
    return path


def test_the_command_line_refuses_and_names_the_confirmation(tester_db, capsys):
    args = ["note", "--db", str(tester_db), "--case", "2024-0401", "--situation", "opfoelgning"]
    args += ["--text", "Samtale", "--today", "10-06-2025"]
    assert main(args) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err == (
        f"caseworker-app: fejl: Notatet kan ikke laves, før dette er udfyldt: {MISSING}. (brug --bekraeft "
        "frist_kontrolleret, når du har kontrolleret fristen efter de regler, der gælder i dag: "
        "den almindelige regel kan være ændret, siden kataloget sidst kontrollerede den)\n"
    )
    assert main([*args, "--bekraeft", "frist_kontrolleret"]) == 0
    out = capsys.readouterr().out
    assert f"{NEXT} {CHECKED}\n" in out and "kontrollér fristen" not in out


def test_the_command_lines_list_names_the_confirmation(tester_db, capsys):
    assert main(["note", "--db", str(tester_db), "--case", "2024-0401", "--list", "--today", "10-06-2025"]) == 0
    out = capsys.readouterr().out
    assert out.endswith(
        "Fristen skal du bekræfte (--bekraeft frist_kontrolleret), når du har kontrolleret den, i notaterne "
        "opfoelgning, henvendelse, forsoeg_anvendt:\n"
        "  frist_kontrolleret     Jeg har kontrolleret fristen efter de regler, der gælder i dag "
        "(den almindelige regel kan være ændret, siden kataloget sidst kontrollerede den)\n"
    )
