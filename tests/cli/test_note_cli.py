"""`caseworker-app note` as a caseworker runs it: the same note as the window, or a Danish error."""

from __future__ import annotations

import pytest

from caseworker_app.cli import main
from caseworker_app.store import CaseStore
from tests.core.test_notes import FREE_TEXT, REASON
from tests.note_cases import note_database
from tests.reference import check_reference


def run(capsys, *args):
    try:
        code = main([str(a) for a in args])
    except SystemExit as exc:  # argparse refuses the arguments themselves
        code = exc.code
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "sager.db"
    return path, note_database(path)


def test_follow_up_note_equals_its_reference_file(capsys, db):
    path, ids = db
    code, out, err = run(
        capsys,
        "note",
        "--db",
        path,
        "--case",
        ids["T08"],
        "--situation",
        "opfoelgning",
        "--text",
        FREE_TEXT["T08", "opfoelgning"],
        "--today",
        "15-06-2021",
    )
    assert (code, err) == (0, "")
    check_reference("notes/T08_opfoelgning.txt", out)


def test_plan_not_adjusted_note_with_reason_equals_its_reference_file(capsys, db):
    path, ids = db
    code, out, _ = run(
        capsys,
        "--db",
        path,
        "note",
        "--case",
        ids["T07"],
        "--situation",
        "plan_ikke_justeret",
        "--reason",
        REASON["T07", "plan_ikke_justeret"],
        "--today",
        "2020-01-06",
    )
    assert code == 0
    check_reference("notes/T07_plan_ikke_justeret.txt", out)


def test_the_date_of_the_event_can_be_given(capsys, db):
    # The follow-up registered 10-01-2021, written about later: + 30 months = 10-07-2023.
    path, ids = db
    code, out, _ = run(
        capsys,
        "note",
        "--db",
        path,
        "--case",
        ids["T08"],
        "--situation",
        "opfoelgning",
        "--text",
        "Samtale.",
        "--date",
        "10-01-2021",
        "--today",
        "2021-03-02",
    )
    assert code == 0
    assert "Opfølgning afholdt 10-01-2021." in out
    assert "senest 10-07-2023" in out
    assert out.endswith("Skrevet 02-03-2021 af Anne Jensen, Vesthimmerlands Kommune.\n")


@pytest.mark.parametrize(
    ("day", "message"),
    [
        (
            "01-03-2021",
            "Opfølgning 01-03-2021 er ikke registreret på sagen. Notatets næste frist regner med den, men "
            "listerne viser først den samme frist, når den er registreret: registrer den i sagsvinduet "
            "(Registrer hændelse …), og skriv så notatet",
        ),
        ("05-03-2021", "Dato for hændelsen: 05-03-2021 ligger i fremtiden – skriv notatet, når den har fundet sted."),
    ],
)
def test_a_note_about_a_follow_up_not_registered_is_not_printed(capsys, db, day, message):
    """Its next deadline (01-03-2021 + 30 months) would not be the one the lists show (10-07-2023),
    so the note is refused, as the window copies it only once the follow-up is registered."""
    path, ids = db
    code, out, err = run(
        capsys,
        "note",
        "--db",
        path,
        "--case",
        ids["T08"],
        "--situation",
        "opfoelgning",
        "--text",
        "Samtale.",
        "--date",
        day,
        "--today",
        "2021-03-02",
    )
    assert (code, out) == (2, "")
    assert message in err


def test_the_municipalitys_own_template_is_used(capsys, db):
    path, ids = db
    with CaseStore(path) as store:
        store.save_note_template(
            "T08",
            "henvendelse",
            "Henvendelse $event_date fra $citizen: $free_text\nHjemmel: $citation.",
        )
    code, out, _ = run(
        capsys,
        "note",
        "--db",
        path,
        "--case",
        ids["T08"],
        "--situation",
        "henvendelse",
        "--text",
        "Ringede om timer.",
        "--today",
        "2021-06-15",
    )
    assert code == 0
    assert out == (
        "Henvendelse 15-06-2021 fra Jens Hansen: Ringede om timer.\n"
        "Hjemmel: Bekendtgørelse om frikommuneforsøg II på beskæftigelses- og "
        "sygedagpengeområdet (BEK nr. 529 af 23/05/2018).\n"
    )


def test_list_shows_the_situations_of_the_case_trial(capsys, db):
    path, ids = db
    with CaseStore(path) as store:
        store.save_note_template("T08", "henvendelse", "Henvendelse. $free_text $citation")
    code, out, _ = run(capsys, "note", "--db", path, "--case", ids["T08"], "--list")
    assert code == 0
    assert out.splitlines() == [
        f"Journalnotater for sag nr. {ids['T08']}: Jens Hansen (2018-0108), forsøg T08",
        "  opfoelgning            Opfølgning afholdt",
        "  henvendelse            Henvendelse mellem opfølgninger (kommunens egen skabelon)",
        "  forsoeg_anvendt        Forsøget anvendt",
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--case", "999", "--situation", "opfoelgning"], "ingen sag har nr. eller FASIT-sagsnummer '999'"),
        (
            ["--case", "T08", "--situation", "fritagelse"],
            "Forsøg T08 har intet journalnotat for situationen 'fritagelse' "
            "(forsøget har: opfoelgning, henvendelse, forsoeg_anvendt).",
        ),
        (
            ["--case", "T07", "--situation", "plan_ikke_justeret", "--today", "2020-01-06"],
            'Notatet kan ikke laves, før dette er udfyldt: begrundelse. (brug --reason "…")',
        ),
        (
            [
                "--case",
                "T08",
                "--situation",
                "opfoelgning",
                "--text",
                "x",
                "--today",
                "2026-01-05",
                "--date",
                "2026-01-05",
            ],
            "Forsøg T08 gjaldt fra 01-07-2018 til og med 31-12-2025; 05-01-2026 ligger uden for perioden",
        ),
        (["--case", "T08"], "angiv --situation NAVN, eller se sagens situationer med --list"),
        (["--case", "Jens", "--list"], "ingen sag har nr. eller FASIT-sagsnummer 'Jens'"),
    ],
)
def test_bad_input_gives_a_danish_message_and_exit_code_2(capsys, db, args, message):
    path, ids = db
    args = [str(ids.get(a, a)) for a in args]
    code, out, err = run(capsys, "note", "--db", path, *args)
    assert code == 2
    assert out == ""
    assert message in err
    assert "Traceback" not in err


def test_a_database_that_cannot_be_opened_gives_exit_code_1(capsys, tmp_path):
    broken = tmp_path / "sager.db"
    broken.write_bytes(b"not a database at all")
    code, out, err = run(capsys, "note", "--db", broken, "--case", "1", "--list")
    assert (code, out) == (1, "")
    assert f"Filen {broken} er ikke en sagsdatabase" in err
    assert "Traceback" not in err

    missing = tmp_path / "findes-ikke.db"
    code, _, err = run(capsys, "note", "--db", missing, "--case", "1", "--list")
    assert code == 1
    assert f"databasen {missing} findes ikke" in err
    assert not missing.exists()


def test_a_condition_is_confirmed_on_the_command_line(capsys, tmp_path):
    from datetime import date

    from caseworker_app.store import CaseStore

    path = tmp_path / "t09.db"
    with CaseStore(path, clock=lambda: date(2021, 3, 8)) as store:
        settings = store.settings()
        settings.caseworker_name, settings.municipality = "Anne Jensen", "Vesthimmerlands Kommune"
        store.save_settings(settings)
        case_id = store.create_case(
            citizen="Susanne Berg", case_ref="2021-0109", trial_id="T09", dates={"praktik_start": date(2021, 3, 8)}
        )
    args = ["note", "--db", str(path), "--case", str(case_id), "--today", "08-03-2021"]
    assert main([*args, "--list"]) == 0
    listed = capsys.readouterr().out
    assert "  ledighed               Ledighedsperioden er under 18 måneder" in listed
    note = [*args, "--situation", "praktik_start", "--text", "Praktik hos Aars Tømrer ApS."]
    assert main(note) == 2
    err = capsys.readouterr().err
    assert "bekræftelse af betingelserne: Ledighedsperioden er under 18 måneder" in err
    assert "brug --bekraeft NAVN" in err
    # A name the trial does not have is named, with the ones it has (a tester: 'oenske' for
    # 'borgerens_oenske' only said the right one was missing).
    assert main([*note, "--bekraeft", "ledighed", "--bekraeft", "visitered", "--bekraeft", "formaal"]) == 2
    assert capsys.readouterr().err == (
        "caseworker-app: fejl: forsøg T09 har ingen betingelse ved navn visitered; dets betingelser er: ledighed, "
        "visiteret, formaal (se dem med --list; en frist, du har kontrolleret, bekræftes med --bekraeft "
        "frist_kontrolleret)\n"
    )
    assert main([*note, "--bekraeft", "ledighed", "--bekraeft", "visiteret", "--bekraeft", "formaal"]) == 0
    assert "- Ledighedsperioden er under 18 måneder (bekræftet af sagsbehandleren).\n" in capsys.readouterr().out


def test_an_assessment_is_listed_as_the_caseworkers_and_written_as_such(capsys, tmp_path):
    # T13 (decision 15): the target group is checked, the business idea is the caseworker's view.
    path = tmp_path / "t13.db"
    ids = note_database(path, ("T13",))
    args = ["note", "--db", str(path), "--case", str(ids["T13"]), "--today", "01-04-2019"]
    assert main([*args, "--list"]) == 0
    listed = capsys.readouterr().out
    assert (
        "Betingelser, du skal bekræfte (--bekraeft NAVN), når du har kontrolleret eller vurderet dem, i notaterne "
        "forsoeg_anvendt:\n"
    ) in listed
    assert (
        "  maalgruppe             Borgeren er jobparat kontanthjælpsmodtager eller uddannelsesparat "
        "uddannelseshjælpsmodtager\n"
    ) in listed
    assert (
        "  forretningside         Borgeren har en realistisk forretningsidé og evner for iværksætteri (din vurdering)\n"
    ) in listed
    note = [*args, "--situation", "forsoeg_anvendt", "--text", "Lån til et cykelværksted."]
    assert main([*note, "--bekraeft", "maalgruppe"]) == 2
    err = capsys.readouterr().err
    assert "bekræftelse af betingelserne: Borgeren har en realistisk forretningsidé og evner for iværksætteri" in err
    assert main([*note, "--bekraeft", "maalgruppe", "--bekraeft", "forretningside"]) == 0
    out = capsys.readouterr().out
    assert (
        "- Borgeren har en realistisk forretningsidé og evner for iværksætteri (sagsbehandlerens vurdering).\n" in out
    )


def test_the_marking_entered_on_the_trials_tab_stands_in_the_note(capsys, tmp_path):
    # T06 (SEED 001:416: every exempted case gets a persongruppemarkering, no label in the sources):
    # the municipality writes its label as a change to the trial, and the note carries it.
    path = tmp_path / "t06.db"
    ids = note_database(path, ("T06",))
    with CaseStore(path) as store:
        store.add_override("T06", "marking", "FK-ressourceforløb uden rehab", "Kommunens egen markering")
    code, out, err = run(
        capsys,
        "note",
        "--db",
        path,
        "--case",
        ids["T06"],
        "--situation",
        "forlaengelse",
        "--today",
        "02-03-2020",
        "--reason",
        REASON["T06", "forlaengelse"],
        "--text",
        FREE_TEXT["T06", "forlaengelse"],
        "--bekraeft",
        "indstilling",
        "--bekraeft",
        "borgerens_oenske",
    )
    assert (code, err) == (0, "")
    assert "førtidspension, før praktikken er afsluttet.\nFASIT-markering: FK-ressourceforløb uden rehab\n\n" in out


def test_case_is_named_by_its_fasit_number_as_the_window_shows_it(capsys, tmp_path):
    from datetime import date

    path = tmp_path / "sager.db"
    with CaseStore(path, clock=lambda: date(2021, 3, 8)) as store:
        settings = store.settings()
        settings.caseworker_name, settings.municipality = "Anne Jensen", "Vesthimmerlands Kommune"
        store.save_settings(settings)
        first = store.create_case(
            citizen="Jens Hansen", case_ref="2024-0414", trial_id="T08", dates={"hire": date(2018, 8, 31)}
        )
        second = store.create_case(
            citizen="Jens Hansen", case_ref="2024-0415", trial_id="T08", dates={"hire": date(2018, 8, 31)}
        )
    args = ["note", "--db", str(path), "--today", "08-03-2021", "--list"]
    assert main([*args, "--case", "2024-0414"]) == 0
    assert f"Journalnotater for sag nr. {first}" in capsys.readouterr().out
    assert main([*args, "--case", str(second)]) == 0
    assert f"Journalnotater for sag nr. {second}" in capsys.readouterr().out
    # The same FASIT number in another trial: the number alone is now ambiguous.
    with CaseStore(path, clock=lambda: date(2021, 3, 8)) as store:
        store.create_case(
            citizen="Mette Nielsen", case_ref="2024-0414", trial_id="T09", dates={"praktik_start": date(2021, 3, 8)}
        )
    assert main([*args, "--case", "2024-0414"]) == 2
    err = capsys.readouterr().err
    assert "'2024-0414' passer på flere sager: nr. 1 (T08, 2024-0414, aktiv); nr. 3 (T09, 2024-0414, aktiv)" in err
    assert "Mette" not in err and "Jens" not in err


def test_a_contact_note_says_whom_the_contact_came_from_as_registered(capsys, tmp_path):
    from datetime import date

    path = tmp_path / "sager.db"
    with CaseStore(path, clock=lambda: date(2025, 6, 16)) as store:
        settings = store.settings()
        settings.caseworker_name, settings.municipality = "Anne Jensen", "Vesthimmerlands Kommune"
        store.save_settings(settings)
        case_id = store.create_case(
            citizen="Dorte Madsen", case_ref="2023-0408", trial_id="T08", dates={"hire": date(2023, 1, 10)}
        )
        store.add_event(case_id, day=date(2025, 5, 1), kind="contact", initiated_by="borger")
    args = ["note", "--db", path, "--case", case_id, "--situation", "henvendelse", "--text", "Borgeren ringede."]
    code, out, err = run(capsys, *args, "--today", "16-06-2025")
    assert (code, err) == (0, "")
    assert "\nHenvendelse 01-05-2025 fra borgeren mellem de fastsatte opfølgninger. " in out


def test_a_note_about_a_corrected_event_is_refused(capsys, tmp_path):
    """T07 'ikke justeret' 31-05-2021 corrected to 03-05-2021: a note dated 31-05-2021 would tell FASIT
    the old date and deadline (30-11-2021); the note about 03-05-2021 states 3 November 2021."""
    import dataclasses
    from datetime import date

    path = tmp_path / "sager.db"
    with CaseStore(path, clock=lambda: date(2021, 6, 1)) as store:
        store.save_settings(
            dataclasses.replace(store.settings(), caseworker_name="Tina Tester", municipality="Vesthimmerland")
        )
        case_id = store.create_case(
            citizen="Anna Vest", case_ref="2021-0701", trial_id="T07", dates={"visitation": date(2021, 1, 31)}
        )
        event = store.add_event(case_id, day=date(2021, 5, 31), kind="plan_not_adjusted")
        store.add_event(case_id, day=date(2021, 5, 3), kind="plan_not_adjusted", replaces=event)
    args = ("note", "--db", path, "--case", case_id, "--situation", "plan_ikke_justeret", "--reason", "I behandling")

    code, out, err = run(capsys, *args, "--date", "31-05-2021", "--today", "01-06-2021")

    assert (code, out) == (2, "")
    assert (
        "Dato for hændelsen: Indsatsplan ikke justeret 31-05-2021 er rettet til 03-05-2021 i sagens historik. "
        "Skriv notatet om hændelsen, som den står nu (dato for hændelsen 03-05-2021)."
    ) in err

    code, out, err = run(capsys, *args, "--date", "03-05-2021", "--today", "01-06-2021")
    assert (code, err) == (0, "")
    assert "03-11-2021" in out and "30-11-2021" not in out


def test_a_note_on_the_day_of_an_imported_decision_says_to_correct_it_not_register_another(capsys, tmp_path):
    """The window corrects a decision the import registered without its outcome into the note's; the
    command line says to do that (registering beside it would make two decisions of one day)."""
    import dataclasses
    from datetime import date

    path = tmp_path / "sager.db"
    with CaseStore(path, clock=lambda: date(2021, 6, 1)) as store:
        store.save_settings(
            dataclasses.replace(store.settings(), caseworker_name="Tina Tester", municipality="Vesthimmerland")
        )
        case_id = store.create_case(
            citizen="Anna Vest", case_ref="2021-0701", trial_id="T07", dates={"visitation": date(2021, 1, 31)}
        )
        store.add_event(case_id, day=date(2021, 5, 31), kind="plan_decision", text="fra listen")
    code, out, err = run(
        capsys,
        "note",
        "--db",
        path,
        "--case",
        case_id,
        "--situation",
        "plan_ikke_justeret",
        "--reason",
        "I behandling",
        "--date",
        "31-05-2021",
        "--today",
        "01-06-2021",
    )
    assert (code, out) == (2, "")
    assert (
        "Sagen har fra importen stillingtagen til indsatsplanen (udfald ikke oplyst) 31-05-2021. Notatets næste "
        "frist regner med indsatsplan ikke justeret, men listerne viser først den samme frist, når hændelsen er "
        "rettet til det: ret den i sagsvinduet (Ret hændelse …), og skriv så notatet"
    ) in err
