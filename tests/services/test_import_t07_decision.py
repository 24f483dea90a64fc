"""A T07 list's latest decision on the plan ('Seneste stillingtagen'): read, registered as a decision
whose outcome the list does not give, and counted by the trial rule as the window counts it."""

from __future__ import annotations

from datetime import date

import openpyxl
import pytest

from caseworker_app.services import importing
from caseworker_app.store import CaseStore

TODAY = date(2021, 6, 1)


@pytest.fixture
def store(tmp_path):
    with CaseStore(tmp_path / "sager.db", clock=lambda: TODAY) as store:
        yield store


def workbook(
    tmp_path, *rows, headers=("Navn", "FASIT sagsnr", "Forsøgsnr", "Start på ressourceforløb", "Seneste stillingtagen")
):
    path = tmp_path / "t07.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return importing.read_source(path)


def preview_of(store, source, today=TODAY, **fields):
    mapping = importing.guess_mapping(source.headers, importing.remembered_mapping(store))
    for column, field in fields.items():
        mapping = mapping.with_field(source.headers.index(column), field)
    return importing.build_preview(store, source, mapping, today)


def window_deadlines(store, today=TODAY):
    """The first deadline of each case by citizen, as the window's list Frister computes it."""
    found = {}
    for item in store.deadlines(today):
        found.setdefault(item.case.citizen, item.deadline)
    return found


def test_a_t07_list_with_its_own_headers_is_read_without_choosing_columns(store, tmp_path):
    source = workbook(tmp_path, ("Anna Vest", "2021-0301", "7", date(2021, 1, 15), date(2021, 5, 3)))
    preview = preview_of(store, source)
    assert preview.mapping.fields == ("citizen", "case_ref", "trial_id", "visitation", "last_decision")
    assert preview.notes == ()  # no 'har datoer, men bruges ikke'
    (anna,) = preview.rows
    assert (anna.errors, dict(anna.draft.dates), anna.draft.last_decision) == (
        (),
        {"visitation": date(2021, 1, 15)},
        date(2021, 5, 3),
    )


def test_the_imported_decision_gives_the_next_deadline_the_window_shows(store, tmp_path):
    source = workbook(
        tmp_path,
        ("Anna Vest", "2021-0301", "T07", date(2019, 1, 15), date(2021, 5, 3)),
        ("Bo Nord", "2021-0302", "T07", "15-01-2021", None),
    )
    preview = preview_of(store, source)
    # 03-05-2021 + 6 months = 03-11-2021 (a Wednesday); without it: 15-01-2021 + 6 months = 15-07-2021.
    assert [r.first_deadline.legal_due for r in preview.rows] == [date(2021, 11, 3), date(2021, 7, 15)]
    result = importing.save_import(store, preview)
    assert (result.created, result.updated) == (2, 0)
    window = window_deadlines(store)
    assert (window["Anna Vest"].legal_due, window["Anna Vest"].practical_due) == (date(2021, 11, 3), date(2021, 11, 3))
    assert window["Bo Nord"].legal_due == date(2021, 7, 15)
    assert not window["Anna Vest"].legal_due < TODAY  # visited in 2019, not overdue since 2019
    anna = next(c for c in store.list_cases() if c.citizen == "Anna Vest")
    assert [(e.day, e.kind) for e in anna.events] == [(date(2021, 5, 3), "plan_decision")]
    texts = [row.text for row in store.history(anna.id) if not row.is_case_change]
    assert texts == [
        "Seneste stillingtagen til indsatsplanen før importen, fra t07.xlsx (import nr. 1). "
        "Listen siger ikke, om indsatsplanen blev justeret"
    ]


def test_an_imported_decision_does_not_claim_the_plan_was_adjusted(store, tmp_path):
    # Visitation 15-01-2021, decision 01-10-2021: the trial rule gives 01-04-2022, after T07's end
    # 31-12-2021, so the ordinary rule governs; it counts only an adjustment, and the list does not
    # say there was one: its clock runs from the visitation (15-07-2021, passed) → 01-01-2022, the
    # day the ordinary rule applies again. Registered as 'indsatsplan justeret' it would be 01-04-2022.
    source = workbook(tmp_path, ("Carl Syd", "2021-0303", "T07", date(2021, 1, 15), date(2021, 10, 1)))
    today = date(2021, 11, 1)
    preview = preview_of(store, source, today=today)
    (carl,) = preview.rows
    assert carl.first_deadline.legal_due == date(2022, 1, 1)
    assert carl.first_deadline.ordinary_due == date(2021, 7, 15)
    importing.save_import(store, preview)
    assert window_deadlines(store, today)["Carl Syd"].legal_due == date(2022, 1, 1)


def test_a_decision_updates_a_case_only_when_newer_than_its_own(store, tmp_path):
    older = store.create_case(
        citizen="Dora", case_ref="2021-0304", trial_id="T07", dates={"visitation": date(2021, 1, 4)}
    )
    newer = store.create_case(
        citizen="Erik", case_ref="2021-0305", trial_id="T07", dates={"visitation": date(2021, 1, 4)}
    )
    store.add_event(older, day=date(2021, 3, 1), kind="plan_adjusted")
    store.add_event(newer, day=date(2021, 5, 20), kind="plan_not_adjusted")
    source = workbook(
        tmp_path,
        ("Dora", "2021-0304", "T07", date(2021, 1, 4), date(2021, 5, 10)),
        ("Erik", "2021-0305", "T07", date(2021, 1, 4), date(2021, 5, 10)),
    )
    preview = preview_of(store, source)
    dora, erik = preview.rows
    assert [(c.label, c.old, c.new) for c in dora.changes] == [
        ("Seneste stillingtagen til indsatsplanen", "01-03-2021", "10-05-2021")
    ]
    assert erik.changes == ()
    assert erik.duplicate.note == (
        "listens seneste stillingtagen til indsatsplanen 10-05-2021 registreres ikke: sagen har en nyere, 20-05-2021"
    )
    importing.save_import(store, preview, duplicates=importing.UPDATE)
    assert [(e.day, e.kind) for e in store.get_case(older).events] == [
        (date(2021, 3, 1), "plan_adjusted"),
        (date(2021, 5, 10), "plan_decision"),
    ]
    window = window_deadlines(store)
    assert (window["Dora"].legal_due, window["Erik"].legal_due) == (date(2021, 11, 10), date(2021, 11, 20))


def test_the_decision_as_latest_follow_up_names_the_field_to_choose(store, tmp_path):
    source = workbook(tmp_path, ("Anna Vest", "2021-0301", "T07", date(2021, 1, 15), date(2021, 5, 3)))
    preview = preview_of(store, source, **{"Seneste stillingtagen": "last_followup"})
    assert [e.text for e in preview.errors()] == [
        "Række 2, kolonne 'Seneste stillingtagen': Forsøg T07 bruger ikke hændelsen 'opfølgning' (det bruger: "
        "indsatsplan justeret, indsatsplan ikke justeret, stillingtagen til indsatsplanen (udfald ikke oplyst)). "
        "Er datoen seneste stillingtagen til indsatsplanen, så vælg feltet 'Seneste stillingtagen til "
        "indsatsplanen' til kolonnen; ellers lad cellen være tom for sager i dette forsøg"
    ]


def test_a_decision_in_a_trial_without_decisions_is_a_fault(store, tmp_path):
    source = workbook(
        tmp_path,
        ("Gitte", "2021-0307", "T12", date(2021, 7, 1), date(2021, 5, 3)),
        headers=("Navn", "FASIT sagsnr", "Forsøg", "Aftalt dato", "Seneste stillingtagen"),
    )
    preview = preview_of(store, source)
    assert [e.text for e in preview.errors()] == [
        "Række 2, kolonne 'Seneste stillingtagen': Forsøg T12 bruger ikke hændelsen 'stillingtagen til "
        "indsatsplanen (udfald ikke oplyst)' (det bruger: samtale). Lad cellen være tom for sager i dette forsøg"
    ]


def test_a_missing_date_column_names_the_field_and_the_trials_label_alike(store, tmp_path):
    source = workbook(
        tmp_path,
        ("Anna Vest", "2021-0301", "T07", date(2021, 5, 3)),
        headers=("Navn", "FASIT sagsnr", "Forsøg", "Seneste stillingtagen"),
    )
    preview = preview_of(store, source)
    assert [e.text for e in preview.errors()] == [
        "Række 2 (ingen kolonne er valgt som 'Visitation'): Forsøg T07 skal have datoen »Start på "
        "ressourceforløb«. Vælg kolonnen med den som 'Visitation'"
    ]
