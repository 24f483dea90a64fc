"""One truth: with an extension saved in a database, every output gives the same deadline.

T08, hire 31-08-2018, follow-up held 20-11-2026, the municipality has entered an extension to
31-12-2027. By hand: the trial rule gives 20-11-2026 + 30 months = 20-05-2029, after the end; the
ordinary rule 20-11-2026 + 12 months = 20-11-2027 has passed on 01-01-2028, so 01-01-2028 governs.
Without the extension (the shipped catalog, trial ended 31-12-2025) the ordinary 20-11-2027 governs.
"""

from __future__ import annotations

import json
from datetime import date

import pytest

from caseworker_app.cli import main
from caseworker_app.store import CaseStore
from caseworker_app.ui.calculator.view import CalculatorView

TODAY = date(2026, 11, 29)
SCHEDULE = [
    "schedule",
    "--trial",
    "T08",
    "--date",
    "hire=31-08-2018",
    "--event",
    "followup=20-11-2026",
    "--today",
    "29-11-2026",
    "--json",
]


@pytest.fixture
def extended_db(tmp_path):
    path = tmp_path / "sager.db"
    with CaseStore(path, clock=lambda: TODAY) as store:
        settings = store.settings()
        settings.caseworker_name, settings.municipality = "Anne Jensen", "Vesthimmerlands Kommune"
        store.save_settings(settings)
        # Decided before T08's end 31-12-2025: no lapse for the note to ask about (decision 4).
        extension = {"end": "31-12-2027", "decided": "01-10-2025"}
        store.add_override("T08", "extension", extension, "Beskæftigelsesministerens brev af 01-10-2025")
        case_id = store.create_case(
            citizen="Jens Hansen",
            case_ref="2018-0108",
            trial_id="T08",
            dates={"hire": date(2018, 8, 31)},
            caseworker="Anne Jensen",
        )
        store.add_event(case_id, day=date(2026, 11, 20), kind="followup")
    return path, case_id


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


def test_every_output_gives_the_deadline_the_window_shows(capsys, qtbot, extended_db):
    path, case_id = extended_db
    db = ["--db", str(path)]

    [listed] = json.loads(run(capsys, "deadlines", *db, "--today", "29-11-2026", "--json"))["deadlines"]
    assert listed["legal_due"] == "2028-01-01"
    assert listed["trial_due"] == "2029-05-20"

    [scheduled] = json.loads(run(capsys, *SCHEDULE, *db))["deadlines"]
    assert scheduled["legal_due"] == "2028-01-01"
    assert scheduled == {key: value for key, value in listed.items() if key in scheduled}

    note = run(
        capsys,
        "note",
        *db,
        "--case",
        str(case_id),
        "--situation",
        "opfoelgning",
        "--text",
        "Samtale på arbejdspladsen.",
        "--today",
        "29-11-2026",
        "--bekraeft",
        "frist_kontrolleret",
    )
    assert "Næste opfølgning: senest 01-01-2028 (" in note

    with CaseStore(path, clock=lambda: TODAY) as store:
        view = CalculatorView(store.catalog, today=lambda: TODAY)
        qtbot.addWidget(view)
        view.set_trial("T08")
        view.set_date("hire", "31-08-2018")
        view.form.events_box.date_edit.setText("20-11-2026")
        view.form.events_box.add_event()
        assert view.result.model.rowCount() == 1
        assert view.result.model.deadline_at(0).legal_due == date(2028, 1, 1)
        assert view.result.model.index(0, 1).data() == "01-01-2028"


def test_schedule_without_the_database_uses_the_shipped_catalog(capsys):
    [shipped] = json.loads(run(capsys, *SCHEDULE))["deadlines"]
    assert shipped["legal_due"] == "2027-11-20"
    assert shipped["caution"].endswith("kontrollér fristen.")


def test_the_calculator_tab_checks_the_case_as_the_command_does(capsys, qtbot):
    # A follow-up before the hire date: the command refuses it, and so does the tab, at the field.
    code = main(
        [
            "schedule",
            "--trial",
            "T08",
            "--date",
            "hire=31-08-2018",
            "--event",
            "followup=01-01-2017",
            "--today",
            "29-11-2026",
        ]
    )
    err = capsys.readouterr().err
    assert code == 2
    assert "Opfølgning 01-01-2017 ligger før ansættelse i løntilskud 31-08-2018" in err
    from caseworker_app.core.catalog_load import load_catalog
    from caseworker_app.core.event import Event

    catalog = load_catalog()
    view = CalculatorView(lambda: catalog, today=lambda: TODAY)
    qtbot.addWidget(view)
    view.set_trial("T08")
    view.set_date("hire", "31-08-2018")
    view.form.events_box.events = [Event(date(2017, 1, 1), "followup")]
    view.calculate()
    assert view.result.model.rowCount() == 0
    message = view.form.events_box.date_box.error()
    assert "Opfølgning 01-01-2017 ligger før ansættelse i løntilskud 31-08-2018" in message
    assert view.result.note_label.text() == "Ret de markerede felter for at se fristerne."
