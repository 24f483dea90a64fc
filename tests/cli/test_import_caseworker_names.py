"""A list whose Sagsbehandler column has 'anne jensen' where the program knows Anne Jensen (a tester):
`caseworker-app import` saves her as the program spells her and says so, also in --dry-run; and
`export-ics --caseworker "anne jensen"` names her list as she is spelt under Indstillinger."""

from __future__ import annotations

from datetime import date

from caseworker_app.cli import main
from caseworker_app.core.settings import Settings
from caseworker_app.store import CaseStore

TODAY = "30-11-2026"
HEADER = "Navn;Sagsnummer;CPR;Ansættelsesdato;Seneste opfølgning;Sagsbehandler;Bemærkninger"
ROWS = (
    "Jens Hansen;2026-0001;;01-06-2026;;anne jensen;",
    "Sofie Dahl;2026-0002;;01-07-2026;; bo  LUND ;",
    "Peter Holm;2026-0003;;01-08-2026;;Ny  Kollega ;",
    "Lis Ravn;2026-0004;;01-08-2026;;Anne Jensen;",
    "Erik Møller;2026-0005;;01-08-2026;;ANNE JENSEN;",
)
ANNE = "Sagsbehandler 'anne jensen' gemmes som 'Anne Jensen', som navnet står i programmet (række 2)."
SEVERAL = (
    "Sagsbehandlere gemmes, som navnene står i programmet: 'anne jensen' som 'Anne Jensen' (række 2); "
    "'bo LUND' som 'Bo Lund' (række 3); 'ANNE JENSEN' som 'Anne Jensen' (række 6)."
)


def run(capsys, *args):
    code = main([*args, "--today", TODAY])
    out, err = capsys.readouterr()
    return code, out, err


def known_db(path, *caseworkers: str):
    """Anne Jensen under Indstillinger; a case for each of caseworkers."""
    with CaseStore(path) as store:
        store.save_settings(Settings(caseworker_name="Anne Jensen", municipality="Testkommune"))
        for number, name in enumerate(caseworkers, 1):
            store.create_case(
                citizen=f"Borger {number}",
                case_ref=f"2025-000{number}",
                trial_id="T08",
                dates={"hire": date(2025, 3, 3)},
                caseworker=name,
            )
    return path


def caseworkers(db) -> dict[str, str]:
    with CaseStore(db, read_only=True) as store:
        return {case.citizen: case.caseworker for case in store.list_cases()}


def test_a_known_caseworker_typed_otherwise_is_saved_as_known_and_said_in_the_dry_run(capsys, tmp_path):
    db = known_db(tmp_path / "sager.db", "Bo Lund")
    path = tmp_path / "liste.csv"
    path.write_text("\r\n".join([HEADER, *ROWS]) + "\r\n", encoding="utf-8")

    code, out, err = run(capsys, "import", "--db", str(db), "--trial", "T08", "--dry-run", str(path))
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert SEVERAL in lines
    assert not any("Kollega" in line for line in lines)  # a name nobody has: kept, said nothing of
    assert not any("'Anne Jensen' gemmes" in line for line in lines)  # typed as known: nothing to say
    assert caseworkers(db) == {"Borger 1": "Bo Lund"}  # a dry run saves nothing

    code, out, err = run(capsys, "import", "--db", str(db), "--trial", "T08", str(path))
    assert (code, err) == (0, "")
    assert SEVERAL in out.splitlines()
    assert caseworkers(db) == {
        "Borger 1": "Bo Lund",
        "Jens Hansen": "Anne Jensen",  # Indstillinger's spelling
        "Sofie Dahl": "Bo Lund",  # a case's spelling, the spaces cleaned
        "Peter Holm": "Ny Kollega",  # nobody the program knows: as typed, the spaces cleaned
        "Lis Ravn": "Anne Jensen",
        "Erik Møller": "Anne Jensen",
    }

    code, out, err = run(capsys, "export-ics", "--db", str(db), str(tmp_path / "a.ics"), "--caseworker", "anne jensen")
    assert code == 0
    assert out.startswith(f"3 frister skrevet til {tmp_path / 'a.ics'}. Kun Anne Jensens frister er med.")


def test_export_ics_names_the_list_as_indstillinger_spell_it_after_an_import_saved_it_as_typed(capsys, tmp_path):
    # The tester's database: 'anne jensen' saved as typed by an import before this was fixed.
    db = known_db(tmp_path / "sager.db", "Anne Jensen", "anne jensen")
    target = tmp_path / "a.ics"
    code, out, err = run(capsys, "export-ics", "--db", str(db), str(target), "--caseworker", "anne jensen")
    assert (code, err) == (0, "")
    assert out.startswith(f"2 frister skrevet til {target}. Kun Anne Jensens frister er med.")
    # Imported again, 'anne jensen' is no more typed as a case has it: Indstillinger's spelling wins.
    path = tmp_path / "liste.csv"
    path.write_text("\r\n".join([HEADER, ROWS[0]]) + "\r\n", encoding="utf-8")
    code, out, err = run(capsys, "import", "--db", str(db), "--trial", "T08", "--dry-run", str(path))
    assert (code, err) == (0, "")
    assert ANNE in out.splitlines()


def test_a_name_only_like_a_known_caseworker_is_warned_of_in_the_dry_run_and_saved_as_typed(capsys, tmp_path):
    # A tester: 'Mette K. Sørensen' (row 11) was saved beside her own 'Mette Kjær Sørensen' without a
    # word, and its overdue case was missing from her Frister, calendar and .ics.
    db = tmp_path / "sager.db"
    with CaseStore(db) as store:
        store.save_settings(Settings(caseworker_name="Mette Kjær Sørensen", municipality="Testkommune"))
        store.create_case(
            citizen="Borger 1",
            case_ref="2025-0001",
            trial_id="T08",
            dates={"hire": date(2025, 3, 3)},
            caseworker="Bo Lund",
        )
    path = tmp_path / "liste.csv"
    rows = (
        "Jens Hansen;2026-0001;;01-06-2026;;Mette K. Sørensen;",
        "Sofie Dahl;2026-0002;;01-07-2026;;mette kjær sørensen;",
        "Peter Holm;2026-0003;;01-08-2026;;B. Lund;",
        "Lis Ravn;2026-0004;;01-08-2026;;Mette K. Sørensen;",
        "Erik Møller;2026-0005;;01-08-2026;;Lise Sørensen;",
    )
    path.write_text("\r\n".join([HEADER, *rows]) + "\r\n", encoding="utf-8")

    code, out, err = run(capsys, "import", "--db", str(db), "--trial", "T08", "--dry-run", str(path))
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert (
        "⚠ Sagsbehandler 'Mette K. Sørensen' (rækkerne 2 og 5) ligner 'Mette Kjær Sørensen' – er det samme "
        "person? Ret navnet i regnearket, eller gem det som en anden sagsbehandler."
    ) in lines
    assert (
        "⚠ Sagsbehandler 'B. Lund' (række 4) ligner 'Bo Lund' – er det samme person? Ret navnet i regnearket, "
        "eller gem det som en anden sagsbehandler."
    ) in lines
    assert not any("'Lise Sørensen'" in line for line in lines)  # another first name: another person
    assert not any("'mette kjær sørensen' (" in line for line in lines)  # one name to the filter: merged

    code, out, err = run(capsys, "import", "--db", str(db), "--trial", "T08", str(path))
    assert (code, err) == (0, "")
    assert caseworkers(db)["Jens Hansen"] == "Mette K. Sørensen"  # never merged silently: only warned
    assert caseworkers(db)["Sofie Dahl"] == "Mette Kjær Sørensen"


def test_a_caseworker_of_the_cases_like_the_own_name_is_warned_of_but_not_two_colleagues(capsys, tmp_path):
    # The tester's database had 'Mette K. Sørensen' from an earlier import; importing the list again
    # said nothing of it. Two colleagues the cases have ('B. Lund', 'Bo Lund') are not warned each time.
    db = tmp_path / "sager.db"
    with CaseStore(db) as store:
        store.save_settings(Settings(caseworker_name="Mette Kjær Sørensen", municipality="Testkommune"))
        for number, name in enumerate(("Mette K. Sørensen", "Bo Lund", "B. Lund"), 1):
            store.create_case(
                citizen=f"Borger {number}",
                case_ref=f"2025-000{number}",
                trial_id="T08",
                dates={"hire": date(2025, 3, 3)},
                caseworker=name,
            )
    path = tmp_path / "liste.csv"
    rows = ("Borger 1;2025-0001;;03-03-2025;;Mette K. Sørensen;", "Borger 9;2026-0009;;01-08-2026;;B. Lund;")
    path.write_text("\r\n".join([HEADER, *rows]) + "\r\n", encoding="utf-8")

    code, out, err = run(capsys, "import", "--db", str(db), "--trial", "T08", "--dry-run", str(path))
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert (
        "⚠ Sagsbehandler 'Mette K. Sørensen' (række 2) ligner 'Mette Kjær Sørensen' – er det samme person? "
        "Ret navnet i regnearket, eller gem det som en anden sagsbehandler."
    ) in lines
    assert not any("'B. Lund'" in line for line in lines)


def test_of_two_alike_names_only_in_the_list_the_rarer_is_warned_of(capsys, tmp_path):
    path = tmp_path / "liste.csv"
    rows = (
        "Jens Hansen;2026-0001;;01-06-2026;;Mette Kjær Sørensen;",
        "Sofie Dahl;2026-0002;;01-07-2026;;Mette K. Sørensen;",
        "Peter Holm;2026-0003;;01-08-2026;;Mette Kjær Sørensen;",
    )
    path.write_text("\r\n".join([HEADER, *rows]) + "\r\n", encoding="utf-8")
    code, out, err = run(capsys, "import", "--db", str(tmp_path / "ny.db"), "--trial", "T08", "--dry-run", str(path))
    assert (code, err) == (0, "")
    warned = [line for line in out.splitlines() if "ligner" in line]
    assert warned == [
        "⚠ Sagsbehandler 'Mette K. Sørensen' (række 3) ligner 'Mette Kjær Sørensen' – er det samme person? "
        "Ret navnet i regnearket, eller gem det som en anden sagsbehandler."
    ]
