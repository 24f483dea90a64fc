"""Kept deadlines are never stale: each kind of change a deadline depends on changes it at once.

The window keeps every case's deadlines between refreshes (services/deadline_cache.py) and reads
only what was written since (services/deadline_book.py). Here a trial file, an extension, another
override, a changed ordinary rule, a case's date and an event are changed one after the other –
and a second program writes to the database – and after each the kept deadlines must be exactly
what a fresh computation gives, with hand-worked dates for the cases each change touches.

T08 (followup): the trial rule 30 months after the hire, then 30 months after the last follow-up;
the ordinary rule 6 months after the offer (default: the hire), then 12 months after the last
follow-up. Shipped period 01-07-2018 to 31-12-2025 (after the extensions). Today 23-11-2026.
"""

from __future__ import annotations

import shutil
from datetime import date, timedelta
from pathlib import Path
from types import MappingProxyType

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from caseworker_app.core.cases import CaseRecord, deadlines_and_problems
from caseworker_app.core.catalog_load import load_catalog
from caseworker_app.core.deadline_notices import trial_end_notices
from caseworker_app.core.event import Event
from caseworker_app.core.overrides import TrialOverride, apply_overrides
from caseworker_app.core.selection import belongs_to
from caseworker_app.core.terms import ACTIVE
from caseworker_app.paths import resources_dir
from caseworker_app.services.deadline_book import DeadlineBook
from caseworker_app.services.deadline_cache import DeadlineCache
from caseworker_app.store import CaseStore, ValidationError

TODAY = date(2026, 11, 23)


def fresh(store: CaseStore, today: date = TODAY):
    """What a new program would show: every case read and computed now, nothing kept."""
    with CaseStore(store.path, catalog=store._base_catalog, read_only=True) as reader:
        cases = reader.list_cases()
        return cases, deadlines_and_problems(
            cases, reader.catalog(), today, warning_days=reader.settings().warning_days
        )


def assert_current(book: DeadlineBook, store: CaseStore, today: date = TODAY) -> None:
    cases, (deadlines, problems) = fresh(store, today)
    assert book.cases == cases
    assert [(d.case, d.deadline) for d in book.deadlines] == [(d.case, d.deadline) for d in deadlines]
    assert [(p.case, p.reason) for p in book.problems] == [(p.case, p.reason) for p in problems]
    # Each case's rows as the window finds them (a case's row in Frister, a patch's new rows): the
    # very items of the list, in its order, and none for a case without deadlines or not in it.
    ids = [c.id for c in cases] + [max((c.id for c in cases), default=0) + 1]
    of_case = book.deadlines_of(ids)
    for case_id in ids:
        assert [id(row) for row in of_case[case_id]] == [id(row) for row in book.deadlines if row.case.id == case_id]
    # The window's filter choices and trial-end banner, kept and adjusted per patch (book_counts).
    assert book.choices.trial_ids() == sorted({c.trial_id for c in cases})
    assert book.choices.caseworkers() == {c.caseworker for c in cases}
    assert book.choices.active_caseworkers() == {c.caseworker for c in cases if c.status == ACTIVE}
    horizon = store.settings().trial_end_horizon_days
    assert book.trial_end_lines(horizon) == trial_end_notices(deadlines, today, horizon)
    for caseworker in {c.caseworker for c in cases} | {"ingen med det navn"}:  # "mine frister"
        theirs = [d for d in deadlines if belongs_to(d.case.caseworker, caseworker)]
        assert book.trial_end_lines(horizon, caseworker) == trial_end_notices(theirs, today, horizon)


def due(book: DeadlineBook, case_id: int) -> tuple[date, date]:
    [item] = book.deadlines_of([case_id])[case_id]
    return item.deadline.legal_due, item.deadline.practical_due


@pytest.fixture
def trials(tmp_path) -> Path:
    """A copy of the shipped trial files that the test may edit."""
    folder = tmp_path / "trials"
    shutil.copytree(resources_dir() / "trials", folder)
    return folder


def test_every_kept_deadline_changes_with_what_it_depends_on(tmp_path, trials):
    db = tmp_path / "sager.db"
    store = CaseStore(db, catalog=load_catalog(trials), clock=lambda: TODAY)
    a = store.create_case(citizen="Anne Andersen", case_ref="A-1", trial_id="T08", dates={"hire": date(2024, 3, 15)})
    d = store.create_case(citizen="Dorte Dahl", case_ref="D-1", trial_id="T08", dates={"hire": date(2020, 1, 10)})
    store.add_event(d, day=date(2025, 11, 1), kind="followup")
    e = store.create_case(citizen="Erik Eriksen", case_ref="E-1", trial_id="T08", dates={"hire": date(2023, 1, 10)})
    # Cases the changes below do not touch, of other trials, closed, and one that cannot be computed.
    store.create_case(citizen="Bo Berg", case_ref="B-1", trial_id="T16", dates={"absence_start": date(2026, 10, 1)})
    store.create_case(citizen="Carl Clausen", case_ref="C-1", trial_id="T12", dates={"agreed": date(2026, 12, 4)})
    closed = store.create_case(citizen="Fie Frost", case_ref="F-1", trial_id="T08", dates={"hire": date(2024, 1, 2)})
    store.close_case(closed, reason="fastholdt i løntilskudsjob", day=date(2026, 11, 2))
    store._connection().execute(
        "INSERT INTO case_dates (case_id, name, day) VALUES (?, 'hire', '2024-13-01')",
        (
            store.create_case(
                citizen="Gitte Gram", case_ref="G-1", trial_id="T16", dates={"absence_start": date(2026, 9, 1)}
            ),
        ),
    )
    store._connection().execute("DELETE FROM case_dates WHERE name = 'absence_start' AND day = '2026-09-01'")
    store._connection().commit()

    book = DeadlineBook(store)
    assert book.update(TODAY).full
    assert_current(book, store)
    assert [p.case.case_ref for p in book.problems] == ["G-1"]
    # A: the trial date 15-09-2026 is after the trial's end, the ordinary 15-09-2024 had passed:
    # due the day after the end, 01-01-2026 (a holiday; 31-12 is a day off too): in practice 30-12-2025.
    assert due(book, a) == (date(2026, 1, 1), date(2025, 12, 30))
    # D: the trial date 01-05-2028 is after the end; ordinary 01-11-2025 + 12 months = 01-11-2026 (a Sunday).
    assert due(book, d) == (date(2026, 11, 1), date(2026, 10, 30))
    # E: 10-01-2023 + 30 months = 10-07-2025, within the trial.
    assert due(book, e) == (date(2025, 7, 10), date(2025, 7, 10))
    assert book.update(TODAY) is None  # nothing written: nothing read, nothing computed

    # 1. The trial file: the first follow-up after 24 months instead of 30.
    path = trials / "T08.toml"
    text = path.read_text(encoding="utf-8")
    assert text.count("first = { months = 30 }") == 1
    path.write_text(text.replace("first = { months = 30 }", "first = { months = 24 }"), encoding="utf-8")
    store.close()
    store = CaseStore(db, catalog=load_catalog(trials), clock=lambda: TODAY)
    book = DeadlineBook(store, cache=book.cache)  # what was kept, under the new catalog
    assert book.update(TODAY).full
    assert_current(book, store)
    assert due(book, e) == (date(2025, 1, 10), date(2025, 1, 10))  # 10-01-2023 + 24 months, a Friday

    # 2. An extension to 30-06-2026: A's trial date 15-03-2026 (a Sunday) now falls within the trial.
    store.add_override("T08", "extension", date(2026, 6, 30), "Ministeriets brev af 01-10-2025")
    assert book.update(TODAY).full
    assert_current(book, store)
    assert due(book, a) == (date(2026, 3, 15), date(2026, 3, 13))

    # 3. Another override: a new citation, which the deadlines governed by the trial rule cite.
    store.add_override("T08", "citation", "BEK nr. 999 af 01/01/2026", "Ny bekendtgørelse")
    assert book.update(TODAY).full
    assert_current(book, store)
    [item] = book.deadlines_of([e])[e]
    assert item.deadline.citation.startswith("BEK nr. 999 af 01/01/2026")

    # 4. A changed ordinary rule from 01-02-2026: every 4 months. D: 01-11-2025 + 4 months =
    # 01-03-2026, before the trial's end, so due the day after it, 01-07-2026.
    store.add_override(
        "T08",
        "ordinary",
        {
            "from": "01-02-2026",
            "text": "opfølgning hver 4. måned",
            "reference": "§ 12",
            "first": "3 måneder",
            "every": "4 måneder",
        },
        "Lov om en aktiv beskæftigelsesindsats",
    )
    assert book.update(TODAY).full
    assert_current(book, store)
    assert due(book, d) == (date(2026, 7, 1), date(2026, 7, 1))

    # 5. A case's date: E hired 03-04-2023: + 24 months = 03-04-2025. Only E is read and computed.
    computed = book.cache.computed
    store.update_case(e, dates={"hire": date(2023, 4, 3)})
    change = book.update(TODAY)
    assert (change.full, change.case_ids) == (False, {e})
    assert book.cache.computed == computed + 1
    assert_current(book, store)
    assert due(book, e) == (date(2025, 4, 3), date(2025, 4, 3))

    # 6. An event: A followed up 01-06-2026: the trial date 01-12-2028 is after the end; the
    # changed ordinary rule gives 01-06-2026 + 4 months = 01-10-2026, after the end: it governs.
    store.add_event(a, day=date(2026, 6, 1), kind="followup")
    assert book.update(TODAY).case_ids == {a}
    assert_current(book, store)
    assert due(book, a) == (date(2026, 10, 1), date(2026, 10, 1))

    # 7. Another program (the command line) writes the same database while the window is open.
    with CaseStore(db, catalog=load_catalog(trials), clock=lambda: TODAY) as other:
        other.add_event(e, day=date(2026, 11, 20), kind="followup")
        other.create_case(citizen="Hans Holm", case_ref="H-1", trial_id="T08", dates={"hire": date(2026, 1, 5)})
    assert book.update(TODAY).full
    assert_current(book, store)
    # E: 20-11-2026 + 30 months = 20-05-2029, after the end; ordinary + 4 months = 20-03-2027.
    assert due(book, e) == (date(2027, 3, 20), date(2027, 3, 19))

    # 8. A new day: every status and date counted from today is computed again.
    assert book.update(TODAY + timedelta(days=1)).full
    assert_current(book, store, TODAY + timedelta(days=1))
    store.close()


def test_deleting_and_closing_a_case_removes_its_rows(tmp_path):
    store = CaseStore(tmp_path / "sager.db", clock=lambda: TODAY)
    keep = store.create_case(citizen="Jens", case_ref="1", trial_id="T08", dates={"hire": date(2024, 3, 15)})
    gone = store.create_case(citizen="Jens", case_ref="2", trial_id="T08", dates={"hire": date(2024, 3, 15)})
    book = DeadlineBook(store)
    book.update(TODAY)
    assert [d.case.id for d in book.deadlines] == [keep, gone]  # same date and name: by id
    gone_row = book.deadlines[1]
    store.delete_case(gone, "oprettet ved en fejl")
    change = book.update(TODAY)
    assert (change.case_ids, change.removed) == ({gone}, {gone})
    assert change.previous == {gone: (gone_row,)}  # the row the window's lists remove
    assert [d.case.id for d in book.deadlines] == [keep]
    store.close_case(keep, reason="fastholdt i løntilskudsjob", day=TODAY)
    assert book.update(TODAY).case_ids == {keep}
    assert book.deadlines == [] and [c.id for c in book.cases] == [keep]
    assert_current(book, store)


def test_a_patched_deadline_takes_its_place_among_equal_ones_by_case_number(tmp_path):
    store = CaseStore(tmp_path / "sager.db", clock=lambda: TODAY)
    first = store.create_case(citizen="Jens", case_ref="1", trial_id="T08", dates={"hire": date(2024, 1, 2)})
    second = store.create_case(citizen="Jens", case_ref="2", trial_id="T08", dates={"hire": date(2024, 3, 15)})
    book = DeadlineBook(store)
    book.update(TODAY)
    store.update_case(first, dates={"hire": date(2024, 3, 15)})  # now the same date as the second
    assert book.update(TODAY).case_ids == {first}
    assert [d.case.id for d in book.deadlines] == [first, second]  # same date and name: by id
    assert_current(book, store)


# ---------------------------------------------------------------- property: cached == uncached

CATALOG = load_catalog()
EXTENDED = apply_overrides(
    CATALOG,
    [TrialOverride("T08", "extension", "2027-06-30", "brev"), TrialOverride("T16", "end", "2022-06-30", "brev")],
)
days = st.dates(date(2016, 1, 1), date(2028, 12, 31))
trial_ids = st.sampled_from(["T08", "T16", "T07", "T05", "T12", "T04", "T99"])
date_names = st.sampled_from(["hire", "offer", "absence_start", "visitation", "agreed", "unemployed_since"])
events = st.builds(
    Event,
    days,
    st.sampled_from(["followup", "contact", "talk", "plan_adjusted"]),
    st.booleans(),
    st.sampled_from([None, "personligt", "telefon"]),
)


def record(case_id: int, draw) -> CaseRecord:
    return CaseRecord(
        case_id,
        draw(st.sampled_from(["Anne", "anne", "Bo", "Åse"])),
        f"R{case_id}",
        draw(trial_ids),
        MappingProxyType(draw(st.dictionaries(date_names, days, max_size=3))),
        tuple(draw(st.lists(events, max_size=3))),
        status=draw(st.sampled_from(["aktiv", "afsluttet"])),
    )


@st.composite
def histories(draw):
    """Cases, then a sequence of steps: an edit of one case, a new catalog, day or warning days."""
    cases = {i: record(i, draw) for i in range(1, draw(st.integers(1, 6)) + 1)}
    steps = []
    for _ in range(draw(st.integers(1, 8))):
        kind = draw(st.sampled_from(["dates", "events", "status", "trial", "new", "drop", "catalog", "day", "warn"]))
        steps.append(
            (kind, draw(st.integers(1, 8)), record(99, draw), draw(days), draw(st.integers(0, 90)), draw(st.booleans()))
        )
    return cases, steps


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(histories())
def test_kept_deadlines_equal_a_fresh_computation_after_any_edits(history):
    cases, steps = history
    cache, catalog, today, warn = DeadlineCache(), CATALOG, date(2024, 6, 1), 30
    for kind, case_id, other, day, number, flag in [("start", 0, None, None, 0, False), *steps]:
        if kind in ("dates", "events", "status", "trial") and case_id in cases:
            field = {"dates": "dates", "events": "events", "status": "status", "trial": "trial_id"}[kind]
            cases[case_id] = cases[case_id]._replace(**{field: getattr(other, field)})
        elif kind == "new":
            cases[case_id] = other._replace(id=case_id)
        elif kind == "drop":
            cases.pop(case_id, None)
        elif kind == "catalog":
            catalog = EXTENDED if flag else CATALOG
        elif kind == "day":
            today = day
        elif kind == "warn":
            warn = number
        listed = list(cases.values())
        kept = cache.deadlines_and_problems(listed, catalog, today, warning_days=warn)
        fresh_ = deadlines_and_problems(listed, catalog, today, warning_days=warn)
        assert [(d.case, d.deadline) for d in kept[0]] == [(d.case, d.deadline) for d in fresh_[0]]
        assert [(p.case, p.reason) for p in kept[1]] == [(p.case, p.reason) for p in fresh_[1]]


def test_a_record_with_a_plain_dict_is_kept_as_it_was_computed():
    """A record built with a dict (not the store's read-only view) changed in place is seen as changed."""
    dates = {"hire": date(2023, 1, 10)}
    case = CaseRecord(1, "Jens", "1", "T08", dates)
    cache = DeadlineCache()
    [before] = cache.deadlines_and_problems([case], CATALOG, TODAY)[0]
    assert before.deadline.legal_due == date(2025, 7, 10)
    dates["hire"] = date(2023, 2, 10)  # 10-02-2023 + 30 months = 10-08-2025 (a Sunday)
    [after] = cache.deadlines_and_problems([case], CATALOG, TODAY)[0]
    assert (after.deadline.legal_due, after.deadline.practical_due) == (date(2025, 8, 10), date(2025, 8, 8))


# ---------------------------------------------------------------- property: the book == a fresh read

OPERATIONS = st.lists(
    st.tuples(
        st.sampled_from(
            [
                "create",
                "event",
                "date",
                "rename",
                "close",
                "reopen",
                "delete",
                "other",
                "warn",
                "extend",
                "day",
                "worker",
                "end_soon",
                "horizon",
            ]
        ),
        st.integers(0, 7),  # which case (by position among those there are)
        st.sampled_from(["Anne", "anne", "Bo", "Åse", "_x", "Zed", "Ærø", "ørum", "Aage", "AAGE"]),
        st.dates(date(2019, 1, 1), date(2026, 11, 20)),
    ),
    min_size=1,
    max_size=8,
)


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    """A database with a few cases, copied for each example (making one costs the migrations)."""
    path = tmp_path_factory.mktemp("book") / "sager.db"
    with CaseStore(path, clock=lambda: TODAY) as store:
        for i, (name, hire) in enumerate(
            [("Jens", date(2024, 3, 15)), ("jens", date(2023, 1, 10)), ("Åse", date(2020, 1, 10))]
        ):
            store.create_case(citizen=name, case_ref=f"R{i}", trial_id="T08", dates={"hire": hire})
    return path


@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(OPERATIONS)
def test_the_book_equals_a_fresh_read_after_any_writes(template, tmp_path, operations):
    db = tmp_path / f"sager-{abs(hash(str(operations)))}.db"
    shutil.copyfile(template, db)
    today = [TODAY]
    store = CaseStore(db, clock=lambda: today[0])
    book = DeadlineBook(store)
    book.update(today[0])
    for number, (kind, which, name, day) in enumerate(operations):
        ids = [c.id for c in store.list_cases()]
        case_id = ids[which % len(ids)] if ids else None
        try:
            if kind == "create":
                store.create_case(citizen=name, case_ref=f"N{number}", trial_id="T08", dates={"hire": day})
            elif kind == "other":  # another program writes
                with CaseStore(db, clock=lambda: TODAY) as other:
                    other.create_case(citizen=name, case_ref=f"O{number}", trial_id="T16", dates={"absence_start": day})
            elif kind == "warn":
                changed = store.settings()
                changed.warning_days = 1 + day.day
                store.save_settings(changed)
            elif kind == "extend":
                store.add_override("T08", "extension", date(2026, 1, 1) + timedelta(days=30 * (number + 1)), "brev")
            elif kind == "day":
                today[0] = TODAY + timedelta(days=day.day)
            elif kind == "end_soon":  # T08 ends within the banner's horizon: its warnings appear
                store.add_override("T08", "extension", TODAY + timedelta(days=20 + day.day), "brev")
            elif kind == "horizon":
                changed = store.settings()
                changed.trial_end_horizon_days = 10 + 3 * day.day
                store.save_settings(changed)
            elif case_id is None:
                continue
            elif kind == "event":
                store.add_event(case_id, day=day, kind="followup")
            elif kind == "date":
                store.update_case(case_id, dates={"hire": day})
            elif kind == "rename":
                store.update_case(case_id, citizen=name)
            elif kind == "worker":
                store.update_case(case_id, caseworker=name.strip("_"))
            elif kind == "close":
                store.close_case(case_id, reason="andet", text="flyttet", day=TODAY)
            elif kind == "reopen":
                store.reopen_case(case_id)
            elif kind == "delete":
                store.delete_case(case_id, "oprettet ved en fejl")
        except ValidationError:
            pass  # refused (an event before the hire, a case already closed ...): nothing written
        shown = list(book.deadlines)  # what the window's lists show before the update
        change = book.update(today[0])
        assert_current(book, store, today[0])
        if change is not None and not change.full:  # the rows the window removes: exactly the old ones
            assert set(change.previous) == change.case_ids
            for changed_id, rows in change.previous.items():
                assert [id(row) for row in rows] == [id(row) for row in shown if row.case.id == changed_id]
    store.close()


def test_the_trial_end_banner_follows_each_follow_up(tmp_path):
    """T08 extended to 31-12-2026, today 23-11-2026 (within the 90 days before its end). A case
    hired 02-06-2025 has the trial date 02-12-2027 (30 months), after the end, and the ordinary
    date 02-12-2025 (6 months), before it: overdue the day after the end, so the banner counts it;
    likewise the case hired 01-07-2025. A follow-up on 20-11-2026 moves the ordinary date to
    20-11-2027 (12 months), after the end: that case is no longer counted."""
    store = CaseStore(tmp_path / "sager.db", clock=lambda: TODAY)
    first = store.create_case(citizen="Jens", case_ref="A", trial_id="T08", dates={"hire": date(2025, 6, 2)})
    second = store.create_case(citizen="Åse", case_ref="B", trial_id="T08", dates={"hire": date(2025, 7, 1)})
    store.add_override("T08", "extension", date(2026, 12, 31), "brev")
    book = DeadlineBook(store)
    book.update(TODAY)
    assert book.trial_end_lines(90) == ["Forsøg T08 slutter 31-12-2026: 2 sager får en overskredet frist dagen efter"]

    store.add_event(first, day=date(2026, 11, 20), kind="followup")
    change = book.update(TODAY)
    assert (change.full, change.case_ids) == (False, {first})  # patched, not read again
    assert book.trial_end_lines(90) == ["Forsøg T08 slutter 31-12-2026: 1 sag får en overskredet frist dagen efter"]

    store.add_event(second, day=date(2026, 11, 21), kind="followup")
    book.update(TODAY)
    assert book.trial_end_lines(90) == []
    assert book.trial_end_lines(10) == []  # another horizon: counted again, still none
    store.close()


def test_the_trial_end_banner_counts_the_list_of_the_caseworker_chosen(tmp_path):
    """As above (T08 to 31-12-2026, today 23-11-2026): cases hired 02-06-2025 and 01-07-2025 are
    overdue the day after the end. Anne has one, Bo one, and a case without a caseworker (shown in
    every list) a third. "Mine frister" for Anne shows hers and the unassigned one: 2, not 3. When
    Bo's case is given to Anne, her count follows at once (a patch, not a new count)."""
    store = CaseStore(tmp_path / "sager.db", clock=lambda: TODAY)
    hire = {"hire": date(2025, 6, 2)}
    store.create_case(citizen="Jens", case_ref="A", trial_id="T08", dates=hire, caseworker="Anne")
    bos = store.create_case(citizen="Åse", case_ref="B", trial_id="T08", dates=hire, caseworker="Bo")
    store.create_case(citizen="Ib", case_ref="C", trial_id="T08", dates={"hire": date(2025, 7, 1)})
    store.add_override("T08", "extension", date(2026, 12, 31), "brev")
    book = DeadlineBook(store)
    book.update(TODAY)
    line = "Forsøg T08 slutter 31-12-2026: {} sager får en overskredet frist dagen efter"
    assert book.trial_end_lines(90) == [line.format(3)]
    assert book.trial_end_lines(90, "Anne") == [line.format(2)]
    assert book.trial_end_lines(90, " anne ") == [line.format(2)]  # as the list's filter compares names
    assert book.trial_end_lines(90, "Bo") == [line.format(2)]

    store.update_case(bos, caseworker="Anne")
    change = book.update(TODAY)
    assert (change.full, change.case_ids) == (False, {bos})
    assert book.trial_end_lines(90, "Anne") == [line.format(3)]
    assert book.trial_end_lines(90, "Bo") == [
        "Forsøg T08 slutter 31-12-2026: 1 sag får en overskredet frist dagen efter"
    ]
    assert book.trial_end_lines(90) == [line.format(3)]
    store.close()


def test_the_trial_end_banner_counts_the_rows_the_list_chose_without_choosing_them_again(tmp_path, monkeypatch):
    """As above (T08 to 31-12-2026, today 23-11-2026; Anne's case and the unassigned one are
    overdue the day after the end, Bo's too). The Frister list has chosen Anne's rows over every
    deadline already (core.selection.select): the banner counts those, 2, and does not choose
    over every row again; a choice for another caseworker, or over other rows, is not used."""
    from caseworker_app.core.selection import select
    from caseworker_app.services import book_counts

    store = CaseStore(tmp_path / "sager.db", clock=lambda: TODAY)
    hire = {"hire": date(2025, 6, 2)}
    store.create_case(citizen="Jens", case_ref="A", trial_id="T08", dates=hire, caseworker="Anne")
    store.create_case(citizen="Åse", case_ref="B", trial_id="T08", dates=hire, caseworker="Bo")
    store.create_case(citizen="Ib", case_ref="C", trial_id="T08", dates={"hire": date(2025, 7, 1)})
    store.add_override("T08", "extension", date(2026, 12, 31), "brev")
    book = DeadlineBook(store)
    book.update(TODAY)
    annes = select(book.deadlines, caseworker="Anne")
    chosen_again = []
    monkeypatch.setattr(book_counts, "select", lambda rows, **kw: chosen_again.append(kw) or select(rows, **kw))
    line = "Forsøg T08 slutter 31-12-2026: {} sager får en overskredet frist dagen efter"

    assert book.trial_end_lines(90, "Anne", annes) == [line.format(2)]
    assert chosen_again == []
    assert book.trial_end_lines(90, "Bo", annes) == [line.format(2)]  # Anne's rows are not Bo's
    assert chosen_again == [{"caseworker": "bo"}]
    assert book.trial_end_lines(90, "", select(book.deadlines[:1])) == [line.format(3)]  # not every row
    assert chosen_again == [{"caseworker": "bo"}, {"caseworker": ""}]
    store.close()


def test_the_rows_a_patch_removes_are_the_old_ones_when_they_are_found_by_a_scan(tmp_path, monkeypatch):
    """When a changed case's rows are not where bisection looks (deadline_book._remove_rows says
    False), they are removed by a scan: BookUpdate.previous still names exactly those rows."""
    from caseworker_app.services import deadline_book

    store = CaseStore(tmp_path / "sager.db", clock=lambda: TODAY)
    moved = store.create_case(citizen="Jens", case_ref="1", trial_id="T08", dates={"hire": date(2024, 3, 15)})
    store.create_case(citizen="Åse", case_ref="2", trial_id="T08", dates={"hire": date(2024, 4, 2)})
    book = DeadlineBook(store)
    book.update(TODAY)
    [old_row] = [row for row in book.deadlines if row.case.id == moved]
    monkeypatch.setattr(deadline_book, "_remove_rows", lambda *args: False)
    store.add_event(moved, day=date(2026, 11, 2), kind="followup")
    change = book.update(TODAY)
    assert (change.full, change.case_ids) == (False, {moved})
    assert change.previous == {moved: (old_row,)}
    # T08 ended 31-12-2025, so the ordinary rule governs: 02-11-2026 + 12 months = 02-11-2027
    assert [row.deadline.legal_due for row in book.deadlines if row.case.id == moved] == [date(2027, 11, 2)]
    assert_current(book, store)
    store.close()


def test_a_case_with_two_deadlines_is_found_with_both_in_the_lists_order(tmp_path, trials):
    """A municipality's trial file may give a case two rules (the shipped ones have one each): the
    Frister row of each, and a patch's old and new rows, are both of the case's rows, by date."""
    path = trials / "T08.toml"
    text = path.read_text(encoding="utf-8")
    second = (
        '[[rules]]\nkind = "followup"\nlabel = "Statusmøde"\nanchor = "hire"\nfirst = { months = 6 }\n'
        'every = { months = 6 }\nevents = ["followup"]\ntext = "statusmøde senest 6 måneder efter ansættelsen"\n\n'
    )
    assert text.count("[notes.opfoelgning]") == 1
    path.write_text(text.replace("[notes.opfoelgning]", second + "[notes.opfoelgning]"), encoding="utf-8")
    store = CaseStore(tmp_path / "sager.db", catalog=load_catalog(trials), clock=lambda: TODAY)
    two = store.create_case(citizen="Anne Andersen", case_ref="A-1", trial_id="T08", dates={"hire": date(2023, 1, 10)})
    store.create_case(citizen="Bo Berg", case_ref="B-1", trial_id="T08", dates={"hire": date(2023, 4, 10)})
    book = DeadlineBook(store)
    book.update(TODAY)
    # 10-01-2023 + 6 months = 10-07-2023 (Statusmøde); + 30 months = 10-07-2025 (Opfølgning).
    rows = book.deadlines_of([two])[two]
    assert [(row.deadline.label, row.deadline.legal_due) for row in rows] == [
        ("Statusmøde", date(2023, 7, 10)),
        ("Opfølgning", date(2025, 7, 10)),
    ]
    shown = [row for row in book.deadlines if row.case.id == two]
    store.add_event(two, day=date(2025, 6, 2), kind="followup")
    change = book.update(TODAY)
    assert (change.full, change.previous) == (False, {two: tuple(shown)})
    # Both counted from the follow-up 02-06-2025: + 6 months = 02-12-2025; + 30 months = 02-12-2027,
    # after the trial's end (31-12-2025): the ordinary rule's 12 months give 02-06-2026.
    rows = book.deadlines_of([two])[two]
    assert [(row.deadline.label, row.deadline.legal_due) for row in rows] == [
        ("Statusmøde", date(2025, 12, 2)),
        ("Opfølgning", date(2026, 6, 2)),
    ]
    assert_current(book, store)
    store.close()


def test_a_new_books_first_read_prunes_nothing_and_a_later_read_drops_a_deleted_case(tmp_path, monkeypatch):
    """The window's first read computes every case into a new cache: there is nothing in it to drop,
    so it is not pruned (a pass over 100,000 ids at the start). A later full read (a new day) drops
    what was kept of a case deleted meanwhile."""
    store = CaseStore(tmp_path / "sager.db", clock=lambda: TODAY)
    kept_id = store.create_case(citizen="Jens", case_ref="A", trial_id="T08", dates={"hire": date(2025, 6, 2)})
    gone_id = store.create_case(citizen="Åse", case_ref="B", trial_id="T08", dates={"hire": date(2025, 7, 1)})
    pruned = []
    keep_only = DeadlineCache.keep_only
    monkeypatch.setattr(DeadlineCache, "keep_only", lambda self, ids: pruned.append(1) or keep_only(self, ids))
    book = DeadlineBook(store)
    assert book.update(TODAY).full
    assert pruned == []
    assert book.cache.kept(kept_id) is not None and book.cache.kept(gone_id) is not None

    store.delete_case(gone_id, "oprettet ved en fejl")
    assert book.update(TODAY + timedelta(days=1)).full  # a new day: every case read again
    assert pruned == [1]
    assert book.cache.kept(gone_id) is None
    assert [item.case.id for item in book.deadlines] == [kept_id]
    store.close()
