"""The store lists cases in Danish alphabetical order (tests/name_order.py), when read afresh and
when its kept list is patched after a change."""

from __future__ import annotations

from caseworker_app.store import CaseStore
from tests.name_order import DANISH_ORDER, add_named_cases


def names(cases) -> list[str]:
    return [c.citizen for c in cases]


def test_cases_are_read_in_danish_order(store):
    add_named_cases(store)
    assert names(store.list_cases()) == DANISH_ORDER
    with CaseStore(store.path, read_only=True) as reader:  # read afresh by another program
        assert names(reader.list_cases()) == DANISH_ORDER


def test_a_renamed_case_moves_to_its_danish_place(store):
    ids = add_named_cases(store)
    store.list_cases()  # kept from here on: the renames below patch it
    store.update_case(ids["Zacho"], citizen="aagaard")  # "ågård": after Aage ("åge", e < å), before Åse
    store.update_case(ids["bent"], citizen="Ærbo")  # æ after z, before Ærø (b < r)
    expected = ["Andersen", "émile", "Ærbo", "Ærø", "Ørum", "ØSTERGAARD", "Aage", "aagaard", "Åse"]
    assert names(store.list_cases()) == expected
    with CaseStore(store.path, read_only=True) as reader:
        assert names(reader.list_cases()) == expected
