"""Danish name order in the Sager list and the Frister tree, sorted and patched.

The lists keep their rows sorted and find and place a changed case's rows by bisection, so a
patched list is right only if every one of them orders names as the store does. The property at
the end checks that after any writes the patched lists show exactly what lists filled from a
fresh read show, for names with æ, ø, å, aa and mixed case.
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt

from caseworker_app.core.cases import deadlines_and_problems
from caseworker_app.services.deadline_book import DeadlineBook
from caseworker_app.store import CaseStore, ValidationError
from caseworker_app.ui.overview import CaseColumn, CaseTableModel, DeadlineColumn, DeadlineTreeModel
from tests.name_order import CREATED, DANISH_ORDER, HIRE, TODAY, add_named_cases

ASCENDING, DESCENDING = Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder


def column(model: CaseTableModel, number: int) -> list[str]:
    return [model.index(row, number).data() for row in range(model.rowCount())]


@pytest.fixture
def named(tmp_path):
    store = CaseStore(tmp_path / "sager.db", clock=lambda: TODAY)
    add_named_cases(store)
    yield store
    store.close()


def sager(store: CaseStore) -> CaseTableModel:
    book = DeadlineBook(store)
    book.update(TODAY)
    model = CaseTableModel()
    model.set_cases(book.cases, book.deadlines)
    return model


def test_the_sager_list_sorts_names_in_danish_order(qtbot, named):
    model = sager(named)
    assert column(model, CaseColumn.CITIZEN) == DANISH_ORDER  # the store's order, before any sort
    model.sort(CaseColumn.NEXT_DUE, ASCENDING)  # one date for all: by name
    assert column(model, CaseColumn.CITIZEN) == DANISH_ORDER
    model.sort(CaseColumn.CITIZEN, DESCENDING)
    assert column(model, CaseColumn.CITIZEN) == DANISH_ORDER[::-1]
    model.sort(CaseColumn.CITIZEN, ASCENDING)
    assert column(model, CaseColumn.CITIZEN) == DANISH_ORDER


def test_the_sager_list_sorts_caseworkers_in_danish_order_ties_by_name(qtbot, named):
    workers = {
        "Andersen": "Ørn",
        "bent": "bo",
        "émile": "Åse",
        "Zacho": "Ærlig",
        "Ærø": "anne",
        "Ørum": "Bo",
        "ØSTERGAARD": "",
        "Aage": "ørn",
        "Åse": "Aase",
    }
    for case in named.list_cases():
        named.update_case(case.id, caseworker=workers[case.citizen])
    model = sager(named)
    model.sort(CaseColumn.CASEWORKER, ASCENDING)
    # "" first; anne; bo = Bo (by name: bent, Ørum); Ærlig; Ørn = ørn (Andersen, Aage); Åse = Aase
    assert column(model, CaseColumn.CASEWORKER) == ["", "anne", "bo", "Bo", "Ærlig", "Ørn", "ørn", "Åse", "Aase"]
    assert column(model, CaseColumn.CITIZEN) == [
        "ØSTERGAARD",
        "Ærø",
        "bent",
        "Ørum",
        "Zacho",
        "Andersen",
        "Aage",
        "émile",
        "Åse",
    ]


def test_the_frister_tree_lists_one_date_in_danish_order(qtbot, named):
    book = DeadlineBook(named)
    book.update(TODAY)
    tree = DeadlineTreeModel()
    tree.set_deadlines(book.deadlines, TODAY)
    [overdue] = [tree.index(g, 0) for g in range(tree.rowCount()) if tree.rowCount(tree.index(g, 0))]
    shown = [tree.index(r, DeadlineColumn.CITIZEN, overdue).data() for r in range(tree.rowCount(overdue))]
    assert shown == DANISH_ORDER


# ---------------------------------------------------------------- property: patched == fresh

# Each name's place in Danish order, by hand (names of one place are equal: ordered by id).
RANK = {
    "_x": 0,  # "_" before the letters
    "bent": 1,
    "Bent": 1,
    "Zacho": 2,
    "Ærø": 3,
    "ærø": 3,
    "Ørum": 4,
    "ØRUM": 4,
    "ØSTERGAARD": 5,  # ø, then s after r
    "Aage": 6,  # aa counts as å
    "AAGE": 6,
    "Åge": 6,
    "Åse": 7,
    "åse": 7,
}
NAMES = st.sampled_from(list(RANK))
OPERATIONS = st.lists(
    st.one_of(
        st.tuples(st.just("rename"), st.integers(0, 20), NAMES),
        st.tuples(st.just("worker"), st.integers(0, 20), NAMES),
        st.tuples(st.just("create"), st.integers(0, 20), NAMES),
        st.tuples(st.just("delete"), st.integers(0, 20), NAMES),
        st.tuples(st.just("event"), st.integers(0, 20), NAMES),
    ),
    min_size=1,
    max_size=8,
)
SORTS = st.sampled_from(
    [
        (-1, ASCENDING),
        (CaseColumn.CITIZEN, ASCENDING),
        (CaseColumn.CITIZEN, DESCENDING),
        (CaseColumn.CASEWORKER, ASCENDING),
        (CaseColumn.NEXT_DUE, DESCENDING),
    ]
)


def case_rows(model: CaseTableModel) -> list[tuple]:
    return [
        (model.index(row, 0).data(Qt.ItemDataRole.UserRole).id, *column_values(model, row))
        for row in range(model.rowCount())
    ]


def column_values(model: CaseTableModel, row: int) -> tuple:
    return tuple(model.index(row, c).data() for c in range(CaseColumn.WHAT + 1))


def tree_rows(tree: DeadlineTreeModel) -> list:
    shown = []
    for group in range(tree.rowCount()):
        parent = tree.index(group, 0)
        shown.append(parent.data())
        for row in range(tree.rowCount(parent)):
            item = tree.index(row, 0, parent).data(Qt.ItemDataRole.UserRole)
            shown.append((item.case.id, *(tree.index(row, c, parent).data() for c in range(DeadlineColumn.REASON + 1))))
    return shown


def fresh_lists(store: CaseStore, sort: tuple[int, Qt.SortOrder]) -> tuple[list, list]:
    """The two lists as a new window fills them: every case read and computed now."""
    with CaseStore(store.path, read_only=True) as reader:
        cases = reader.list_cases()
        warning_days = reader.settings().warning_days
        deadlines, _ = deadlines_and_problems(cases, reader.catalog(), TODAY, warning_days=warning_days)
    model, tree = CaseTableModel(), DeadlineTreeModel()
    if sort[0] >= 0:
        model.sort(*sort)
    model.set_cases(cases, deadlines)
    tree.set_deadlines(deadlines, TODAY)
    return case_rows(model), tree_rows(tree)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(operations=OPERATIONS, sort=SORTS)
def test_patched_lists_equal_lists_from_a_fresh_read(qtbot, tmp_path_factory, operations, sort):
    store = CaseStore(tmp_path_factory.mktemp("order") / "sager.db", clock=lambda: TODAY)
    for i, name in enumerate(CREATED[:5]):
        store.create_case(citizen=name, case_ref=f"R{i}", trial_id="T08", dates={"hire": HIRE})
    book = DeadlineBook(store)
    book.update(TODAY)
    model, tree = CaseTableModel(), DeadlineTreeModel()
    if sort[0] >= 0:
        model.sort(*sort)
    model.set_cases(book.cases, book.deadlines)
    tree.set_deadlines(book.deadlines, TODAY)
    for number, (kind, which, name) in enumerate(operations):
        ids = [c.id for c in store.list_cases()]
        case_id = ids[which % len(ids)] if ids else None
        try:
            if kind == "create":
                store.create_case(citizen=name, case_ref=f"N{number}", trial_id="T08", dates={"hire": HIRE})
            elif case_id is None:
                continue
            elif kind == "rename":
                store.update_case(case_id, citizen=name)
            elif kind == "worker":
                store.update_case(case_id, caseworker=name)
            elif kind == "delete":
                store.delete_case(case_id, "oprettet ved en fejl")
            elif kind == "event":  # a follow-up moves the case's deadline off the shared date
                store.add_event(case_id, day=date(2026, 1, 1 + which), kind="followup")
        except ValidationError:
            pass  # refused: nothing written
        change = book.update(TODAY)
        if change is None:
            continue
        if change.full:
            model.set_cases(book.cases, book.deadlines)
            tree.set_deadlines(book.deadlines, TODAY)
        else:  # as the window patches (ui/mainwindow: _patch_cases, _patch_deadlines)
            records = store.cases_by_id(change.case_ids)
            now = book.deadlines_of(change.case_ids)
            model.patch_cases(
                {i: records.get(i) for i in change.case_ids},
                {i: items[0].deadline if items else None for i, items in now.items()},
            )
            old = [item for items in change.previous.values() for item in items]
            tree.patch_deadlines(book.deadlines, old, [item for items in now.values() for item in items])
        assert (case_rows(model), tree_rows(tree)) == fresh_lists(store, sort)
        in_order = [(RANK[c.citizen], c.id) for c in book.cases]  # the store's order, as the lists' ties
        assert in_order == sorted(in_order)
        by_date = [(d.deadline.legal_due, RANK[d.case.citizen], d.case.id) for d in book.deadlines]
        assert by_date == sorted(by_date)
        if sort == (CaseColumn.CITIZEN, ASCENDING):
            shown = [(RANK[row[1]], row[0]) for row in case_rows(model)]  # (rank, id)
            assert shown == sorted(shown)
    store.close()


def test_the_caseworker_choice_lists_colleagues_in_danish_order(qtbot):
    from caseworker_app.ui.caseworker_filter import CaseworkerChoice

    choice = CaseworkerChoice(None, "sager")
    qtbot.addWidget(choice)
    choice.set_names(["Åse Holm", "ærling Dam", "Bo Lund", "anne Berg", "Ørn Ris", "Mette Skov"], own="Mette Skov")
    shown = [choice.itemText(i) for i in range(choice.count())]
    colleagues = ["anne Berg", "Bo Lund", "ærling Dam", "Ørn Ris", "Åse Holm"]
    assert shown == ["Mette Skov (mig)", "Alle sagsbehandlere", *colleagues]
