"""`caseworker-app schedule` and `trials` as a user runs them."""

import json
import re

import pytest

from caseworker_app.cli import main


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_schedule_json_for_t08(capsys):
    code, out, _ = run(
        capsys,
        "schedule",
        "--trial",
        "T08",
        "--date",
        "hire=2018-08-31",
        "--event",
        "followup=2021-01-10",
        "--today",
        "2021-06-01",
        "--json",
    )
    assert code == 0
    (deadline,) = json.loads(out)["deadlines"]
    assert deadline["kind"] == "followup"
    assert deadline["legal_due"] == "2023-07-10"
    assert deadline["practical_due"] == "2023-07-10"
    assert deadline["ordinary_due"] == "2022-01-10"
    assert deadline["status"] == "later"
    assert deadline["reason"].startswith("2½ år efter seneste opfølgning 10-01-2021")
    assert "BEK nr. 529" in deadline["citation"]


def test_schedule_with_offer_contact_and_trial_end(capsys):
    code, out, _ = run(
        capsys,
        "schedule",
        "--trial",
        "t08",
        "--date",
        "hire=31-08-2018",
        "--date",
        "offer=2018-08-01",
        "--event",
        "contact=2020-01-10:fuld",
        "--today",
        "2020-06-01",
        "--trial-end",
        "2021-12-31",
        "--json",
    )
    assert code == 0
    (deadline,) = json.loads(out)["deadlines"]
    # The full contact restarts both clocks: trial 10-07-2022 is after the given end, and the
    # ordinary 10-01-2021 had passed by then -> the day after the end, 01-01-2022 (a Saturday).
    assert deadline["legal_due"] == "2022-01-01"
    assert deadline["practical_due"] == "2021-12-30"
    assert deadline["governed_by"] == "ordinary"
    assert deadline["ordinary_due"] == "2021-01-10"


def test_schedule_readable_danish_table(capsys):
    code, out, _ = run(capsys, "schedule", "--trial", "T08", "--date", "hire=2018-08-31", "--today", "2021-03-01")
    assert code == 0
    assert (
        "Opfølgning: frist 28-02-2021 – senest i praksis fre 26-02-2021 (fristen 28-02-2021 er en søndag) – "
        "overskredet" in out
    )
    assert "Almindelig regel ville give: 28-02-2019" in out


def test_schedule_for_a_trial_without_deadlines(capsys):
    code, out, _ = run(capsys, "schedule", "--trial", "T13", "--today", "2021-03-01")
    assert code == 0
    assert "ingen beregnelig frist" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["schedule", "--trial", "T99", "--date", "hire=2018-08-31"], "ukendt forsøg 'T99'"),
        (["schedule", "--trial", "T08"], "kræver datoen »Ansættelse i løntilskud« (--date hire=DATO)"),
        (
            ["schedule", "--trial", "T08", "--date", "hire=2018-02-30"],
            "'2018-02-30': den dag findes ikke – februar 2018 har 28 dage",
        ),
        (["schedule", "--trial", "T08", "--date", "hire"], "skal skrives som navn=dato"),
        (["schedule", "--trial", "T08", "--date", "birth=2018-08-31"], "ukendt dato 'birth'"),
        (
            [
                "schedule",
                "--trial",
                "T08",
                "--date",
                "hire=2018-08-31",
                "--date",
                "visitation=2018-01-01",
            ],
            "bruger ikke datoen visitation",
        ),
        (
            [
                "schedule",
                "--trial",
                "T08",
                "--date",
                "hire=2018-08-31",
                "--event",
                "talk=2019-01-01",
            ],
            "bruger ikke hændelsen talk",
        ),
        (
            [
                "schedule",
                "--trial",
                "T08",
                "--date",
                "hire=2018-08-31",
                "--event",
                "followup=2019-01-01:x",
            ],
            "ukendt tilføjelse ':x'",
        ),
        (["schedule"], "disse argumenter mangler: --trial"),
        (
            ["schedule", "--trial", "T08", "--date", "hire=2018-08-31", "--event", "followup=2017-01-01"],
            "--event followup=01-01-2017: Opfølgning 01-01-2017 ligger før ansættelse i løntilskud 31-08-2018",
        ),
        (
            [
                "schedule",
                "--trial",
                "T08",
                "--date",
                "hire=2018-08-31",
                "--event",
                "followup=2021-01-10",
                "--today",
                "2020-01-01",
            ],
            "--event followup=10-01-2021: 10-01-2021 ligger i fremtiden",
        ),
        (
            ["schedule", "--trial", "T08", "--date", "hire=2018-08-31", "--date", "offer=2018-09-30"],
            "--date offer: ",
        ),
        (["frister"], "ugyldigt valg"),
    ],
)
def test_bad_arguments_give_a_danish_message_and_exit_2(capsys, args, message):
    try:
        code = main(args)
    except SystemExit as exit_:
        code = exit_.code
    err = capsys.readouterr().err
    assert code == 2
    assert message in err
    assert "Traceback" not in err


def test_trials_json_lists_the_catalog(capsys):
    code, out, _ = run(capsys, "trials", "--json")
    assert code == 0
    trials = json.loads(out)["trials"]
    assert len(trials) == 19
    t08 = next(t for t in trials if t["id"] == "T08")
    assert t08["end"] == "2025-12-31"
    assert [d["name"] for d in t08["dates"]] == ["hire", "offer"]
    assert t08["events"] == ["followup", "contact"]


def test_schedule_says_when_the_trial_has_ended_and_what_to_do(capsys):
    code, out, _ = run(
        capsys,
        "schedule",
        "--trial",
        "T08",
        "--date",
        "hire=2018-08-31",
        "--event",
        "followup=2025-06-02",
        "--today",
        "2026-11-30",
    )
    assert code == 0
    assert (
        "Forsøgets status: Forsøget udløb 31-12-2025 – fristerne følger den almindelige regel fra "
        "01-01-2026; har kommunen fået forlængelse, så indtast den under Forsøg." in out
    )
    # 02-06-2025 + 12 months = 02-06-2026 (ordinary rule, after the trial's end); the trial rule's
    # 02-12-2027 is said beside it with the reason.
    assert "Opfølgning: frist 02-06-2026 – senest i praksis tir 02-06-2026 – overskredet" in out
    # Said on 30-11-2026, after the trial's end: it applied ('gjaldt'), as the status says it ran out.
    assert "  ! Efter forsøgsreglen ville fristen være 02-12-2027, men forsøget gjaldt kun til og med 31-12-2025" in out
    assert "kontrollér fristen." in out


def test_after_the_end_of_a_trial_without_an_ordinary_rule_the_status_says_to_check_it(capsys):
    # T12's dates are agreed by the caseworker, and the catalog has no ordinary rule for them: after
    # the trial's end (31-12-2023, its last extension) the program cannot say what the ordinary rule gives.
    code, out, _ = run(capsys, "schedule", "--trial", "T12", "--date", "agreed=2026-03-02", "--today", "2026-11-30")
    assert code == 0
    assert (
        "Forsøgets status: Forsøget udløb 31-12-2023 – den almindelige regel gælder fra 01-01-2024, men "
        "kataloget har den ikke for alle forsøgets frister, så de er ikke beregnet efter den: kontrollér dem "
        "efter den almindelige regel; har kommunen fået forlængelse, så indtast den under Forsøg."
    ) in " ".join(out.split())


def test_after_the_end_of_a_trial_without_deadlines_the_status_says_the_ordinary_rules_apply(capsys):
    # T13 (mikrolån) has no deadline rule; its last extension ended 31-12-2022.
    code, out, _ = run(capsys, "schedule", "--trial", "T13", "--today", "2026-11-30")
    assert code == 0
    assert (
        "Forsøgets status: Forsøget udløb 31-12-2022 – almindelige regler gælder fra 01-01-2023; har kommunen "
        "fået forlængelse, så indtast den under Forsøg."
    ) in " ".join(out.split())


def test_trials_names_dates_and_events_in_danish(capsys):
    code, out, _ = run(capsys, "trials")
    assert code == 0
    assert (
        "     datoer: ansættelse i løntilskud, tilbud om ansættelse med løntilskud; "
        "hændelser: opfølgning, henvendelse mellem opfølgninger\n"
    ) in out
    assert "     datoer: visitation; hændelser: samtale\n" in out  # T05
    assert "hire" not in out and "followup" not in out and "plan_adjusted" not in out
    assert "er kommunens ændring" not in out  # the shipped catalog: no end of the municipality's


def test_trials_of_the_demo_says_its_t08_extension_is_the_demos(capsys, tmp_path):
    from datetime import date

    from caseworker_app.store.demo import create_demo_database

    path = create_demo_database(tmp_path / "demo.db", date(2026, 11, 23))
    code, out, _ = run(capsys, "trials", "--db", str(path))
    assert code == 0
    t08 = out[out.index("T08  ") : out.index("T09  ")]
    # The day it was typed in is the machine's own day (the store's time stamp), not the demo's.
    assert re.search(
        r"\n     slutdato 31-12-2027 er kommunens ændring \(forlænget i programmet \d\d-\d\d-\d{4}\); kilde: "
        r"et opdigtet brev til Demo Kommune \(DEMODATA – ikke en rigtig afgørelse; indtastet som eksempel på en "
        r"forlængelse med hjemmel\)\n",
        t08,
    )
    assert out.count("er kommunens ændring") == 1  # only T08 was changed


def test_trials_names_an_end_corrected_before_every_extension_as_the_municipality_s(capsys, tmp_path):
    from caseworker_app.store import CaseStore

    store = CaseStore(tmp_path / "sager.db")
    store.add_override("T08", "end", "2021-06-30", "Kommunen trådte ud af forsøget (byrådets beslutning)")
    store.close()
    code, out, _ = run(capsys, "trials", "--db", str(tmp_path / "sager.db"))
    assert code == 0
    t08 = out[out.index("T08  ") : out.index("T09  ")]
    assert re.search(
        r"\n     slutdato 30-06-2021 er kommunens ændring \(rettet i programmet \d\d-\d\d-\d{4}\); kilde: "
        r"Kommunen trådte ud af forsøget \(byrådets beslutning\)\n",
        t08,
    )


@pytest.mark.parametrize(
    ("today", "ends", "applies"),
    [("31-12-2025", "slutter", "gælder"), ("01-03-2026", "sluttede", "gjaldt")],
)
def test_schedule_says_the_trial_rules_date_in_the_tense_of_today(capsys, today, ends, applies):
    # T06 ends 31-12-2025: an extension begun 01-11-2025 may last to the trial's last day only; the
    # trial rule's 12 months would have given 31-10-2026. On the last day the trial still applies.
    code, out, _ = run(capsys, "schedule", "--trial", "T06", "--date", "extension_start=2025-11-01", "--today", today)
    assert code == 0
    assert f"  Hvorfor: Forsøget {ends} 31-12-2025: perioden må højst vare til forsøgets sidste dag" in out
    assert (
        f"  ! Efter forsøgsreglen ville fristen være 31-10-2026, men forsøget {applies} kun til og med 31-12-2025.\n"
        in out
    )


def test_a_trial_end_with_a_two_digit_year_is_refused(capsys):
    # '24' may be 1924 or 2024; a trial's end moves every deadline unseen (as in the catalog's own fields).
    from caseworker_app.cli import main

    with pytest.raises(SystemExit) as stopped:
        main(["schedule", "--trial", "T08", "--date", "hire=01-01-2024", "--trial-end", "31-12-24"])
    assert stopped.value.code == 2
    assert "'31-12-24': skriv året med fire cifre, fx 31-12-2024 (eller 31-12-1924)" in capsys.readouterr().err


def test_dates_in_the_long_danish_form_are_read_as_the_window_and_the_import_read_them(capsys):
    code, out, err = run(
        capsys,
        "schedule",
        "--trial",
        "T08",
        "--date",
        "hire=d. 31. august 2018",
        "--event",
        "followup=10. januar 2021",
        "--today",
        "4. december 2026",
        "--json",
    )
    assert (code, err) == (0, "")
    (deadline,) = json.loads(out)["deadlines"]
    # 30 months after the follow-up 10-01-2021, long past on 04-12-2026.
    assert (deadline["legal_due"], deadline["status"]) == ("2023-07-10", "overdue")


def test_a_two_digit_year_on_the_command_line_is_refused_as_in_the_window(capsys):
    with pytest.raises(SystemExit) as exited:
        main(["schedule", "--trial", "T08", "--date", "hire=31-08-2018", "--today", "01.12.26"])
    out, err = capsys.readouterr()
    assert exited.value.code == 2 and out == ""
    assert "'01.12.26': skriv året med fire cifre, fx 01-12-2026 (eller 01-12-1926)" in err
