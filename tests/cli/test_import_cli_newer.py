"""`caseworker-app import --dubletter opdater` of the program's own list: values changed in the program
after the file was saved are kept (or overwritten with --overskriv-nyere), and a row marked afsluttet
is warned of in the dry run."""

from __future__ import annotations

import os
from datetime import UTC, date, datetime

from caseworker_app.cli import main
from caseworker_app.store import CaseStore

HEADER = "Borger;CPR-nr.;Sagsnr. (FASIT);Forsøg;Sagsbehandler;Status;Visitation;Aftalt dato;Seneste hændelse"
ROW = "Anja Winther;;2021-0645;T12;Mads Kristensen;aktiv;;03-02-2021;"


def run(capsys, *args):
    code = main([*args, "--today", "03-02-2021"])
    out, err = capsys.readouterr()
    return code, out, err


def write_list(path, *rows):
    path.write_bytes(("\r\n".join([HEADER, *rows]) + "\r\n").encode("utf-8-sig"))
    saved = datetime(2021, 2, 1, 12, 0, tzinfo=UTC).timestamp()
    os.utime(path, (saved, saved))


def talked_case(db, monkeypatch) -> int:
    """Created before the file was saved; on 03-02-2021 a talk agreed the next talk for 03-03-2021."""
    monkeypatch.setattr("caseworker_app.store.case_writes.utc_now", lambda: "2021-02-01T08:00:00+00:00")
    with CaseStore(db, clock=lambda: date(2021, 2, 3)) as store:
        case_id = store.create_case(
            citizen="Anja Winther",
            case_ref="2021-0645",
            trial_id="T12",
            dates={"agreed": date(2021, 2, 3)},
            caseworker="Mads Kristensen",
        )
        monkeypatch.setattr("caseworker_app.store.case_writes.utc_now", lambda: "2021-02-03T09:00:00+00:00")
        store.add_event(case_id, day=date(2021, 2, 3), kind="talk", sets_agreed=True, next_agreed=date(2021, 3, 3))
    return case_id


def agreed(db, case_id):
    with CaseStore(db, read_only=True) as store:
        return store.get_case(case_id).dates["agreed"]


def test_opdater_keeps_the_agreed_date_a_later_talk_set(tmp_path, capsys, monkeypatch):
    db, path = tmp_path / "d.db", tmp_path / "cases.csv"
    case_id = talked_case(db, monkeypatch)
    write_list(path, ROW)
    code, out, _ = run(capsys, "import", "--db", str(db), "--dubletter", "opdater", str(path))
    assert code == 0
    assert (
        f"Række 2: Anja Winther (2021-0645), T12 – findes som sag nr. {case_id}; intet opdateres – aftalt dato "
        "03-03-2021 er ændret i programmet 03-02-2021, efter filen blev gemt 01-02-2021: beholdes (listen har "
        "03-02-2021)"
    ) in out.splitlines()
    assert "Intet er gemt: 1 fandtes allerede og blev sprunget over." in out
    assert agreed(db, case_id) == date(2021, 3, 3)

    code, out, _ = run(capsys, "import", "--db", str(db), "--dubletter", "opdater", "--overskriv-nyere", str(path))
    assert code == 0
    assert "Import nr. 1: 0 sager oprettet, 1 opdateret." in out
    assert agreed(db, case_id) == date(2021, 2, 3)


def test_dry_run_warns_of_a_row_marked_afsluttet(tmp_path, capsys):
    path = tmp_path / "cases.csv"
    write_list(path, "Allan Bach;;2019-0610;T07;Mads Kristensen;afsluttet;01-06-2019;;01-12-2019")
    code, out, _ = run(capsys, "import", "--db", str(tmp_path / "ny.db"), "--dry-run", str(path))
    assert code == 0
    lines = out.splitlines()
    assert (
        "1 række læst fra cases.csv; overskrifterne står i række 1. 1 ny sag, 1 række markeret afsluttet i listen "
        "(⚠, oprettes som aktiv sag)."
    ) in lines
    row = next(line for line in lines if line.startswith("Række 2:"))
    assert row.endswith(
        "– ⚠ Rækken er markeret afsluttet (kolonnen Status), men oprettes som aktiv sag med frister regnet fra "
        "startdatoerne – slet rækken i regnearket, hvis sagen ikke skal følges op"
    )
    assert "næste frist" in row and "01-12-2019" in row
