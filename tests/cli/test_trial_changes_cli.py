"""The municipality's changes to trials as the command line shows them (`note`, `schedule`,
`deadlines`, `trials`), on the demo of 30-11-2026; every expected text written out by hand."""

from __future__ import annotations

import json
from datetime import date

import pytest

from caseworker_app.cli import main
from caseworker_app.store import CaseStore
from caseworker_app.store.demo import create_demo_database

TODAY = date(2026, 11, 30)
LETTER = "Beskæftigelsesministerens brev af 15-11-2026 (forlængelse af frikommuneforsøg til udgangen af 2028)"
CITED = (
    "Bekendtgørelse om frikommuneforsøg II på beskæftigelses- og sygedagpengeområdet (BEK nr. 529 af "
    f"23/05/2018), forlænget til 31-12-2028 ifølge {LETTER}"
)
T16_RULE = {
    "from": "01-11-2026",
    "first": "55 dage",
    "every": "6 uger",
    "text": "første opfølgning inden udgangen af 8. uge, herefter mindst hver 6. uge",
    "reference": "§ 13 b i lov om sygedagpenge",
}


def run(capsys, *args):
    try:
        code = main([str(a) for a in args])
    except SystemExit as exc:
        code = exc.code
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db(tmp_path):
    path = create_demo_database(tmp_path / "demo.db", TODAY)
    with CaseStore(path, clock=lambda: TODAY) as store:
        store.add_override("T08", "extension", "31-12-2028", LETTER)
        store.add_override("T16", "ordinary", T16_RULE, "lov nr. 1750 af 29-12-2025 (opdigtet test)")
    return path


def test_the_note_cites_the_extension_the_deadline_lists_cite(capsys, db):
    # Bo Rasmussen, hired 30-03-2026: + 30 months = 30-09-2028, inside the extension to 31-12-2028.
    code, out, err = run(
        capsys, "note", "--db", db, "--case", "2026-0435", "--situation", "forsoeg_anvendt", "--text", "x",
        "--today", "30-11-2026",
    )  # fmt: skip
    assert (code, err) == (0, "")
    assert (
        "Næste opfølgning: senest 30-09-2028 (2½ år efter ansættelse i løntilskud 30-03-2026). "
        "I praksis senest fredag 29-09-2028, fordi 30-09-2028 er en lørdag.\n"
    ) in out
    assert f"\nHjemmel: {CITED}.\n" in out

    code, out, _ = run(
        capsys, "schedule", "--db", db, "--trial", "T08", "--date", "hire=30-03-2026", "--today", "30-11-2026"
    )
    assert code == 0
    assert "Opfølgning: frist 30-09-2028 – senest i praksis fre 29-09-2028 (fristen 30-09-2028 er en lørdag)" in out
    assert f"\n  Henvisning: {CITED}\n" in out

    code, out, _ = run(capsys, "deadlines", "--db", db, "--today", "30-11-2026", "--json")
    assert code == 0
    [bo] = [d for d in json.loads(out)["deadlines"] if d["citizen"] == "Bo Rasmussen"]
    assert bo["citation"] == CITED


def test_trials_text_shows_the_changed_ordinary_rule_as_the_json_does(capsys, db):
    code, out, _ = run(capsys, "trials", "--db", db)
    assert code == 0
    t16 = out.split("\nT16  ")[1].split("\nT17  ")[0]
    line = (
        "almindelig regel fra 01-11-2026, indtastet af kommunen: første opfølgning inden udgangen af 8. uge, "
        "herefter mindst hver 6. uge (første gang efter 55 dage, derefter hver 6. uge; § 13 b i lov om "
        "sygedagpenge; kilde: lov nr. 1750 af 29-12-2025 (opdigtet test)) – gælder nu"
    )
    assert f"\n     {line}" in t16
    code, out, _ = run(capsys, "trials", "--db", db, "--json")
    [trial] = [t for t in json.loads(out)["trials"] if t["id"] == "T16"]
    assert trial["ordinary_rules"][-1] == line
    assert [f"     {rule}" for rule in trial["ordinary_rules"]] == [
        row for row in t16.splitlines() if row.startswith("     almindelig regel")
    ]


def test_the_reason_names_the_municipalitys_rule(capsys, db):
    # T16 (trial ended 31-12-2015), first day of absence 01-10-2026, followed up 20-11-2026: under
    # the municipality's rule from 01-11-2026, + 6 weeks = 01-01-2027 (New Year's Day; in practice
    # Wednesday 30-12-2026, 31-12 being a day off too).
    code, out, _ = run(
        capsys, "schedule", "--db", db, "--trial", "T16", "--date", "absence_start=01-10-2026",
        "--event", "followup=20-11-2026", "--today", "30-11-2026",
    )  # fmt: skip
    assert code == 0
    assert (
        "  Hvorfor: 6 uger efter seneste opfølgning 20-11-2026; kommunens ændrede almindelige regel fra "
        "01-11-2026, efter forsøgets slutning 31-12-2015\n"
    ) in out
    assert "Næste opfølgning: frist 01-01-2027 – senest i praksis ons 30-12-2026" in out
