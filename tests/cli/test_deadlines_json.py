"""`deadlines --json`: each deadline names its case by FASIT number and caseworker, beside every key
scripts already read (README.md lists them)."""

from __future__ import annotations

import json
from datetime import date

import pytest

from caseworker_app.cli import main
from caseworker_app.store.demo import create_demo_database


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    return create_demo_database(tmp_path_factory.mktemp("demo") / "demo.db", date(2026, 11, 23))


def test_a_deadline_has_its_case_ref_and_caseworker_and_every_earlier_key(capsys, demo_db):
    code = main(["deadlines", "--db", str(demo_db), "--today", "23-11-2026", "--json"])
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    jens = [d for d in json.loads(out)["deadlines"] if d["case_id"] == 1]
    assert jens == [
        {
            "case_id": 1,
            "citizen": "Jens Hansen",
            "trial": "T08",
            "case_ref": "2024-0407",
            "caseworker": "Anne Jensen",
            "kind": "followup",
            "label": "Opfølgning",
            "legal_due": "2026-11-26",
            "practical_due": "2026-11-26",
            "ordinary_due": "2024-11-26",
            "status": "due_soon",
            "governed_by": "trial",
            "rule": "Forsøgsregel: første opfølgning senest 2½ år efter ansættelsen i løntilskud, herefter senest "
            "2½ år efter seneste opfølgning",
            "citation": "Bekendtgørelse om frikommuneforsøg II på beskæftigelses- og sygedagpengeområdet (BEK nr. "
            "529 af 23/05/2018), forlænget til 31-12-2027 ifølge et opdigtet brev til Demo Kommune (DEMODATA – "
            "ikke en rigtig afgørelse; indtastet som eksempel på en forlængelse med hjemmel)",
            "reason": "2½ år efter ansættelse i løntilskud 26-05-2024",
            "trial_due": None,
            "trial_due_text": "",
            "caution": "",
            "undated": False,
            "due_text": "26-11-2026",
        }
    ]
