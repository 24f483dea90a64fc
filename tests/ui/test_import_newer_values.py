"""Importér sager … with Opdatér, reading back the program's own list: a value the program changed after
the file was saved is kept and named in "Gemmes som", unless "Overskriv også nyere ændringer" is
ticked; a row marked afsluttet is warned of before it becomes an active case."""

from __future__ import annotations

import os
from datetime import UTC, date, datetime

import pytest

from caseworker_app.store import CaseStore
from caseworker_app.ui.importing.dialog import ImportDialog

from .actions import click
from .test_import_dialog import Files, pick, shown_rows

TODAY = date(2021, 2, 3)
HEADER = "Borger;CPR-nr.;Sagsnr. (FASIT);Forsøg;Sagsbehandler;Status;Visitation;Aftalt dato;Seneste hændelse"


@pytest.fixture
def files(monkeypatch) -> Files:
    return Files(monkeypatch)


@pytest.fixture
def store(tmp_path):
    with CaseStore(tmp_path / "sager.db", clock=lambda: TODAY) as store:
        yield store


def write_list(path, *rows):
    path.write_bytes(("\r\n".join([HEADER, *rows]) + "\r\n").encode("utf-8-sig"))
    saved = datetime(2021, 2, 1, 12, 0, tzinfo=UTC).timestamp()  # saved 01-02-2021 12:00 UTC
    os.utime(path, (saved, saved))
    return path


def test_a_newer_agreed_date_is_kept_unless_overwriting_is_ticked(qtbot, store, files, tmp_path, monkeypatch):
    monkeypatch.setattr("caseworker_app.store.case_writes.utc_now", lambda: "2021-02-01T08:00:00+00:00")
    case_id = store.create_case(
        citizen="Anja Winther",
        case_ref="2021-0645",
        trial_id="T12",
        dates={"agreed": date(2021, 2, 3)},
        caseworker="Mads Kristensen",
    )
    # The talk on 03-02-2021, after the list was saved, agreed the next one for 03-03-2021.
    monkeypatch.setattr("caseworker_app.store.case_writes.utc_now", lambda: "2021-02-03T09:00:00+00:00")
    store.add_event(case_id, day=date(2021, 2, 3), kind="talk", sets_agreed=True, next_agreed=date(2021, 3, 3))
    path = write_list(tmp_path / "sager.csv", "Anja Winther;;2021-0645;T12;Mads Kristensen;aktiv;;03-02-2021;")
    dialog = ImportDialog(store, today=lambda: TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    pick(qtbot, dialog, files, path)
    overwrite = dialog.options.overwrite_check
    assert overwrite.isVisible() and not overwrite.isEnabled()  # only with Opdatér
    click(qtbot, dialog.options.update_radio)
    assert shown_rows(dialog)["Anja Winther"]["Gemmes som"] == (
        "Findes allerede – intet opdateres · aftalt dato 03-03-2021 er ændret i programmet 03-02-2021, efter "
        "filen blev gemt 01-02-2021: beholdes (listen har 03-02-2021)"
    )
    assert not dialog.import_button.isEnabled()  # nothing to update
    assert overwrite.isEnabled()
    click(qtbot, overwrite)
    assert shown_rows(dialog)["Anja Winther"]["Gemmes som"] == (
        "Findes allerede – opdateres: aftalt dato 03-03-2021 → 03-02-2021 · ⚠ aftalt dato 03-03-2021 er ændret i "
        "programmet 03-02-2021, efter filen blev gemt 01-02-2021: overskrives med 03-02-2021"
    )
    click(qtbot, dialog.import_button)
    assert dialog.saved is not None and dialog.saved.updated == 1
    assert store.get_case(case_id).dates["agreed"] == date(2021, 2, 3)


def test_a_row_marked_afsluttet_is_warned_of_in_its_row(qtbot, store, files, tmp_path):
    path = write_list(
        tmp_path / "sager.csv",
        "Allan Bach;;2019-0610;T07;Mads Kristensen;afsluttet;01-06-2019;;01-12-2019",
        "Brian Vestergaard;;2019-0596;T07;Anne Jensen;aktiv;01-07-2019;;",
    )
    dialog = ImportDialog(store, today=lambda: TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    pick(qtbot, dialog, files, path)
    rows = shown_rows(dialog)
    assert rows["Allan Bach"]["Gemmes som"] == (
        "Ny sag · ⚠ Rækken er markeret afsluttet (kolonnen Status), men oprettes som aktiv sag med frister "
        "regnet fra startdatoerne – slet rækken i regnearket, hvis sagen ikke skal følges op"
    )
    assert rows["Brian Vestergaard"]["Gemmes som"] == "Ny sag"
    assert "2 nye sager, 1 række markeret afsluttet i listen (⚠, oprettes som aktiv sag)." in (
        dialog.message_label.text()
    )
