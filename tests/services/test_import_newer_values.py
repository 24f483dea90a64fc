"""Reading back the program's own case list: an update never undoes silently what the program changed
after the file was saved (the tester's talk and new caseworker), and a row the list marks afsluttet
is named before it becomes an active case."""

from __future__ import annotations

import os
from datetime import UTC, date, datetime

import pytest

from caseworker_app.services import importing
from caseworker_app.store import CaseStore

TODAY = date(2021, 2, 3)
# The program's own export's headers (Sager, core/spreadsheet.py case_table) for T07 and T12 cases.
HEADER = (
    "Borger;CPR-nr.;Sagsnr. (FASIT);Forsøg;Sagsbehandler;Status;Visitation;Aftalt dato;Seneste hændelse;"
    "Afslutningsårsag;Bemærkning"
)
SAVED = datetime(2021, 2, 1, 12, 0, tzinfo=UTC)  # the file's modification time


@pytest.fixture
def clock(monkeypatch):
    """Sets the moment the store stamps its history rows with (created_at), as a user's day would."""

    def at(stamp: str) -> None:
        monkeypatch.setattr("caseworker_app.store.case_writes.utc_now", lambda: stamp)

    return at


@pytest.fixture
def store(tmp_path):
    with CaseStore(tmp_path / "sager.db", clock=lambda: TODAY) as store:
        yield store


def saved_list(tmp_path, *rows, saved: datetime = SAVED):
    path = tmp_path / "sager.csv"
    path.write_bytes(("\r\n".join([HEADER, *rows]) + "\r\n").encode("utf-8-sig"))
    os.utime(path, (saved.timestamp(), saved.timestamp()))
    return importing.read_source(path)


def preview_of(store, source, **options):
    mapping = importing.guess_mapping(source.headers)
    return importing.build_preview(store, source, mapping, TODAY, **options)


ROWS = (
    "Anja Winther;;2021-0645;T12;Mads Kristensen;aktiv;;03-02-2021;;;",
    "Erik Søndergaard;;2021-0652;T12;Louise Holm;aktiv;;01-04-2021;;;",
    "Rikke Bruun;;2021-0659;T12;Anne Jensen;aktiv;;23-01-2021;;;Ring efter kl. 10",  # note added in the file
)


def exported_cases(store, clock):
    """Three T12 cases created before the list was exported (01-02-2021 08:00), as in the file but
    Rikke's note, which the caseworker added in the file."""
    clock("2021-02-01T08:00:00+00:00")
    ids = {}
    for citizen, ref, worker, agreed in (
        ("Anja Winther", "2021-0645", "Mads Kristensen", date(2021, 2, 3)),
        ("Erik Søndergaard", "2021-0652", "Louise Holm", date(2021, 4, 1)),
        ("Rikke Bruun", "2021-0659", "Anne Jensen", date(2021, 1, 23)),
    ):
        ids[citizen] = store.create_case(
            citizen=citizen, case_ref=ref, trial_id="T12", dates={"agreed": agreed}, caseworker=worker
        )
    return ids


def work_in_the_program(store, clock, ids):
    """On 03-02-2021, after the file was saved: a talk with Anja agrees 03-03-2021; Erik moves to Peter."""
    clock("2021-02-03T09:00:00+00:00")
    store.add_event(
        ids["Anja Winther"], day=date(2021, 2, 3), kind="talk", sets_agreed=True, next_agreed=date(2021, 3, 3)
    )
    store.update_case(ids["Erik Søndergaard"], caseworker="Peter Nielsen")


def test_an_update_keeps_what_the_program_changed_after_the_file_was_saved(store, tmp_path, clock):
    ids = exported_cases(store, clock)
    work_in_the_program(store, clock, ids)
    preview = preview_of(store, saved_list(tmp_path, *ROWS))
    anja, erik, rikke = preview.rows
    assert anja.changes == () and erik.changes == ()
    assert [n.text for n in anja.duplicate.newer] == [
        "aftalt dato 03-03-2021 er ændret i programmet 03-02-2021, efter filen blev gemt 01-02-2021: "
        "beholdes (listen har 03-02-2021)"
    ]
    assert [n.text for n in erik.duplicate.newer] == [
        "sagsbehandler Peter Nielsen er ændret i programmet 03-02-2021, efter filen blev gemt 01-02-2021: "
        "beholdes (listen har Louise Holm)"
    ]
    # What the caseworker changed in the file itself is still updated.
    assert [(c.label, c.old, c.new) for c in rikke.changes] == [("Bemærkning", "–", "Ring efter kl. 10")]
    assert preview.summary(importing.UPDATE) == (
        "3 rækker læst fra sager.csv; overskrifterne står i række 1. 0 nye sager, 3 findes allerede "
        "(samme FASIT-sagsnummer og forsøg), heraf opdateres 1, 2 rækker med værdier, der er ændret i "
        "programmet efter filen blev gemt (beholdes)."
    )
    result = importing.save_import(store, preview, duplicates=importing.UPDATE)
    assert (result.created, result.updated) == (0, 1)
    assert store.get_case(ids["Anja Winther"]).dates["agreed"] == date(2021, 3, 3)
    assert store.get_case(ids["Erik Søndergaard"]).caseworker == "Peter Nielsen"
    assert store.get_case(ids["Rikke Bruun"]).note == "Ring efter kl. 10"


def test_a_file_saved_after_the_change_is_the_newer_and_updates(store, tmp_path, clock):
    ids = exported_cases(store, clock)
    work_in_the_program(store, clock, ids)
    # The caseworker corrected the list on 04-02-2021, after the talk: the list is the newer fact.
    later = saved_list(tmp_path, *ROWS[:2], saved=datetime(2021, 2, 4, 10, 0, tzinfo=UTC))
    anja, erik = preview_of(store, later).rows
    assert [(c.label, c.old, c.new) for c in anja.changes] == [("Aftalt dato", "03-03-2021", "03-02-2021")]
    assert [(c.label, c.old, c.new) for c in erik.changes] == [("Sagsbehandler", "Peter Nielsen", "Louise Holm")]
    assert anja.duplicate.newer == () and erik.duplicate.newer == ()


def test_overwrite_newer_updates_them_and_says_what_it_overwrites(store, tmp_path, clock):
    ids = exported_cases(store, clock)
    work_in_the_program(store, clock, ids)
    preview = preview_of(store, saved_list(tmp_path, *ROWS[:2]), overwrite_newer=True)
    anja, _erik = preview.rows
    assert [(c.label, c.old, c.new) for c in anja.changes] == [("Aftalt dato", "03-03-2021", "03-02-2021")]
    assert [n.text for n in anja.duplicate.newer] == [
        "⚠ aftalt dato 03-03-2021 er ændret i programmet 03-02-2021, efter filen blev gemt 01-02-2021: "
        "overskrives med 03-02-2021"
    ]
    importing.save_import(store, preview, duplicates=importing.UPDATE)
    assert store.get_case(ids["Anja Winther"]).dates["agreed"] == date(2021, 2, 3)
    assert store.get_case(ids["Erik Søndergaard"]).caseworker == "Louise Holm"


def test_a_case_created_after_the_file_was_saved_keeps_its_values_and_gets_the_missing_ones(store, tmp_path, clock):
    clock("2021-02-02T09:00:00+00:00")  # created by hand the day after the list was saved
    case_id = store.create_case(
        citizen="Anja Winther", case_ref="2021-0645", trial_id="T12", dates={"agreed": date(2021, 2, 10)}
    )
    preview = preview_of(store, saved_list(tmp_path, ROWS[0]))
    (anja,) = preview.rows
    # The empty caseworker is filled in (nothing newer is undone); the agreed date typed on 02-02 is kept.
    assert [(c.label, c.old, c.new) for c in anja.changes] == [("Sagsbehandler", "–", "Mads Kristensen")]
    assert [n.text for n in anja.duplicate.newer] == [
        "aftalt dato 10-02-2021 er ændret i programmet 02-02-2021, efter filen blev gemt 01-02-2021: "
        "beholdes (listen har 03-02-2021)"
    ]
    importing.save_import(store, preview, duplicates=importing.UPDATE)
    case = store.get_case(case_id)
    assert (case.caseworker, case.dates["agreed"]) == ("Mads Kristensen", date(2021, 2, 10))


def test_a_row_marked_afsluttet_is_named_before_it_becomes_an_active_case(store, tmp_path):
    preview = preview_of(
        store,
        saved_list(
            tmp_path,
            "Allan Bach;;2019-0610;T07;Mads Kristensen;afsluttet;01-06-2019;;01-12-2019;overgået til fleksjob;",
            "Brian Vestergaard;;2019-0596;T07;Anne Jensen;aktiv;01-07-2019;;;;",
        ),
    )
    allan, brian = preview.rows
    assert allan.notices == (
        "Rækken er markeret afsluttet (kolonnen Status), men oprettes som aktiv sag med frister regnet fra "
        "startdatoerne – slet rækken i regnearket, hvis sagen ikke skal følges op",
    )
    assert brian.notices == ()
    # T07: the first decision on the plan is due 6 months after the visitation 01-06-2019.
    assert allan.first_deadline.legal_due == date(2019, 12, 1)
    assert preview.summary() == (
        "2 rækker læst fra sager.csv; overskrifterne står i række 1. 2 nye sager, 1 række markeret afsluttet "
        "i listen (⚠, oprettes som aktiv sag)."
    )
