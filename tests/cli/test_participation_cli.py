"""The municipality's participation on the command line (decision 17): `note` asks for
--bekraeft deltagelse_kontrolleret where the settings' municipality is not among the trial's, and
`trials --trial` says so plainly."""

from __future__ import annotations

from datetime import date

from caseworker_app.cli import main
from caseworker_app.store import CaseStore

LISTED = "Aalborg, Jammerbugt, Thisted, Rebild"


def t02_database(tmp_path, municipality: str):
    path = tmp_path / "t02.db"
    with CaseStore(path, clock=lambda: date(2019, 5, 20)) as store:
        settings = store.settings()
        settings.caseworker_name, settings.municipality = "Anne Jensen", municipality
        store.save_settings(settings)
        store.create_case(citizen="Per Sørensen", case_ref="2019-0102", trial_id="T02", dates={})
    return path


def test_a_t02_note_by_vesthimmerland_is_written_once_its_participation_is_confirmed(capsys, tmp_path):
    path = t02_database(tmp_path, "Vesthimmerlands Kommune")
    args = ["note", "--db", str(path), "--case", "2019-0102", "--today", "20-05-2019"]
    assert main([*args, "--list"]) == 0
    assert capsys.readouterr().out.endswith(
        "Kommunens deltagelse skal du bekræfte (--bekraeft deltagelse_kontrolleret), når du har kontrolleret den, "
        "i notaterne forsoeg_anvendt:\n"
        "  deltagelse_kontrolleret Jeg har kontrolleret, at Vesthimmerlands Kommune deltager i forsøget, selv om "
        f"den ikke er nævnt blandt forsøgets kommuner ({LISTED})\n"
    )
    write = [*args, "--situation", "forsoeg_anvendt", "--text", "Vurderet ved opfølgningen."]
    assert main(write) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err == (
        "caseworker-app: fejl: Notatet kan ikke laves, før dette er udfyldt: bekræftelse af, at du har "
        "kontrolleret, at kommunen deltager i forsøget. (brug --bekraeft deltagelse_kontrolleret, når du har "
        "kontrolleret, at Vesthimmerlands Kommune deltager i forsøget, selv om den ikke er nævnt blandt "
        f"forsøgets kommuner ({LISTED}))\n"
    )
    assert main([*write, "--bekraeft", "deltagelse_kontrolleret"]) == 0
    assert (
        "\nHjemmel: § 9 d i lov om frikommunenetværk. Kommunens deltagelse i forsøget er kontrolleret af "
        "sagsbehandleren.\nSkrevet 20-05-2019 af Anne Jensen, Vesthimmerlands Kommune.\n"
    ) in capsys.readouterr().out


def test_a_t02_note_by_aalborg_needs_no_check(capsys, tmp_path):
    path = t02_database(tmp_path, "Aalborg Kommune")
    args = ["note", "--db", str(path), "--case", "2019-0102", "--today", "20-05-2019"]
    assert main([*args, "--list"]) == 0
    assert "deltagelse" not in capsys.readouterr().out
    assert main([*args, "--situation", "forsoeg_anvendt", "--text", "Vurderet ved opfølgningen."]) == 0
    assert "\nHjemmel: § 9 d i lov om frikommunenetværk.\nSkrevet 20-05-2019" in capsys.readouterr().out


def test_trials_says_plainly_that_the_municipality_is_not_listed(capsys, tmp_path):
    path = t02_database(tmp_path, "Vesthimmerlands Kommune")
    assert main(["trials", "--db", str(path), "--trial", "T02"]) == 0
    out = capsys.readouterr().out
    assert f"\n     Kommuner: {LISTED}\n" in out
    assert (
        f"\n     ⚠ Vesthimmerlands Kommune er ikke nævnt blandt forsøgets kommuner ({LISTED}). Kontrollér, at "
        "kommunen deltager i forsøget; et journalnotat efter forsøget skrives først, når du har bekræftet det.\n"
    ) in out
    assert main(["trials", "--db", str(path), "--trial", "T08"]) == 0
    assert "⚠" not in capsys.readouterr().out


def test_importing_cases_of_a_trial_the_municipality_is_not_listed_in_warns_and_saves_them(capsys, tmp_path):
    db = tmp_path / "sager.db"
    with CaseStore(db, clock=lambda: date(2026, 11, 30)) as store:
        settings = store.settings()
        settings.caseworker_name, settings.municipality = "Anne Jensen", "Vesthimmerlands Kommune"
        store.save_settings(settings)
    listing = tmp_path / "t02.csv"
    listing.write_text("Navn;Sagsnummer\nPer Sørensen;2019-0102\nLis Bak;2019-0103\n", encoding="utf-8")
    code = main(["import", "--db", str(db), str(listing), "--trial", "T02", "--today", "2026-11-30"])
    out = capsys.readouterr().out
    assert code == 0
    assert out.startswith(
        "2 rækker læst fra t02.csv; overskrifterne står i række 1. 2 nye sager, 2 rækker i et forsøg, kommunen "
        "ikke er nævnt i (⚠, gemmes alligevel; kontrollér, at kommunen deltager).\n"
    )
    assert (
        f"Række 2: Per Sørensen (2019-0102), T02;  – ingen frister i dette forsøg – ⚠ Vesthimmerlands Kommune er "
        f"ikke nævnt blandt forsøgets kommuner ({LISTED}).\n"
    ) in out
    with CaseStore(db, read_only=True) as store:
        assert sorted(c.case_ref for c in store.list_cases()) == ["2019-0102", "2019-0103"]


def test_the_list_keeps_its_names_in_one_column_beside_the_longer_check_name(capsys, tmp_path):
    # "deltagelse_kontrolleret" is 23 letters, one more than the list's usual 22: every text then starts
    # one column further right (it once started there on the check's line only).
    path = t02_database(tmp_path, "Vesthimmerlands Kommune")
    assert main(["note", "--db", str(path), "--case", "2019-0102", "--today", "20-05-2019", "--list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1] == "  forsoeg_anvendt         Forsøget anvendt"
    assert lines[3].startswith("  deltagelse_kontrolleret Jeg har kontrolleret")
    assert lines[1].index("Forsøget") == lines[3].index("Jeg") == 26
