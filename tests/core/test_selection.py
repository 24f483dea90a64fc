"""core.selection: whose cases a caseworker filter keeps, what a search finds, and the line that says it."""

from __future__ import annotations

import operator
from bisect import bisect_left, bisect_right
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from caseworker_app.core.cases import CaseRecord
from caseworker_app.core.selection import (
    SearchTexts,
    belongs_to,
    possessive,
    reselect,
    scope_text,
    search_needle,
    select,
)


def case(id_: int, citizen: str, ref: str, caseworker: str, cpr: str | None = None) -> CaseRecord:
    return CaseRecord(
        id=id_,
        citizen=citizen,
        case_ref=ref,
        trial_id="T08",
        dates={"hire": date(2018, 8, 31)},
        caseworker=caseworker,
        cpr=cpr,
    )


CASES = (
    case(1, "Jens Hansen", "2018-0831", "Anne Jensen", "0101801234"),
    case(2, "Karen Holm", "2018-0915", "Bo Lund"),
    case(3, "Lise Dam", "2018-0810", ""),
    case(4, "Ole Bak", "2018-0702", " anne jensen "),
)


def pick(**kwargs):
    return select(CASES, case_of=lambda c: c, **kwargs)


def test_a_caseworker_keeps_their_own_and_the_unassigned_names_compared_loosely():
    chosen = pick(caseworker="Anne Jensen")
    assert [c.citizen for c in chosen.items] == ["Jens Hansen", "Lise Dam", "Ole Bak"]
    assert (chosen.shown, chosen.total, chosen.unassigned) == (3, 4, 1)
    assert scope_text(chosen, "sager") == "Viser Anne Jensens sager og sager uden sagsbehandler – 3 af 4"


def test_no_caseworker_keeps_everyone():
    chosen = pick()
    assert chosen.shown == 4
    assert scope_text(chosen, "frister") == "Viser alle sagsbehandleres frister – 4"
    assert belongs_to("Bo Lund", "") and belongs_to("", "Bo Lund") and not belongs_to("Bo Lund", "Anne Jensen")


@pytest.mark.parametrize(
    "saved",
    ["Åse Bærentsen", "åse bærentsen ", "Åse\u00a0Bærentsen", "Åse  Bærentsen", "A\u030ase Bærentsen"],
)
def test_a_name_saved_with_look_alike_spaces_is_the_caseworkers_own(saved):
    # A database from before the import cleaned spaces may hold a name pasted from Outlook.
    assert belongs_to(saved, "Åse Bærentsen")


@pytest.mark.parametrize("other", ["Aase Bærentsen", "ÅB", "Åse Bærentsen-Holm", "ÅseBærentsen"])
def test_another_name_is_not(other):
    assert not belongs_to(other, "Åse Bærentsen")


def test_the_caseworker_filter_counts_look_alike_names_as_one():
    cases = [
        case(i, f"Borger {i}", f"2025-000{i}", name)
        for i, name in enumerate(["Åse Bærentsen", "Åse\u00a0Bærentsen", "Åse  Bærentsen", "Aase Bærentsen"])
    ]
    chosen = select(cases, caseworker="Åse Bærentsen", case_of=lambda c: c)
    assert [c.id for c in chosen.items] == [0, 1, 2]
    assert scope_text(chosen, "sager") == "Viser Åse Bærentsens sager – 3 af 4"


@pytest.mark.parametrize("typed", ["010180-1234", "0101801234", "010180", "2018-0831", "20180831", "HANSEN"])
def test_search_finds_by_name_fasit_number_and_cpr_with_or_without_dash(typed):
    chosen = pick(needle=search_needle(typed))
    assert [c.citizen for c in chosen.items] == ["Jens Hansen"]
    assert scope_text(chosen, "sager") == "Viser alle sagsbehandleres sager, der passer til søgningen – 1 af 4"


def test_kept_search_texts_follow_a_changed_case_and_are_made_once():
    texts = SearchTexts()
    jens = CASES[0]
    assert texts.of(jens) == "jens hansen 20180831 0101801234 010180xxxx"
    assert texts.of(jens) is texts.of(jens)  # kept, not made again
    renamed = jens._replace(citizen="Jens Hansen-Øster", cpr=None)  # the same case id, a new record
    assert texts.of(renamed) == "jens hansenøster 20180831  "
    assert select([renamed], needle="øster", case_of=lambda c: c, text_of=texts.of).shown == 1
    assert select([renamed], needle="0101", case_of=lambda c: c, text_of=texts.of).shown == 0
    texts.warm(CASES)
    assert len(texts) == len(CASES)
    texts.forget([CASES[1].id, 999])
    assert len(texts) == len(CASES) - 1
    texts.clear()
    assert len(texts) == 0


def test_the_danish_genitive_of_a_name():
    assert possessive("Anne Jensen") == "Anne Jensens"
    assert possessive("Lars Jens") == "Lars Jens'"
    assert possessive("Bo Lund ") == "Bo Lunds"


# reselect: patching a selection with the changed rows gives what select over the new list gives.
NAMES = ("Anne Jensen", "anne jensen ", "Bo Lund", "", " ")
ROW_KEY = operator.attrgetter("key", "id")  # the list's order: a key, ties by id


class Row:
    """A row of a list: its case (caseworker, search text) and its place in the list's order."""

    def __init__(self, id_: int, key: int, caseworker: str, text: str) -> None:
        self.id, self.key, self.caseworker, self.text = id_, key, caseworker, text
        self.case = self  # case_of: the row is its own case here


def _find(items, row) -> int:
    at = bisect_left(items, ROW_KEY(row), key=ROW_KEY)
    return at if at < len(items) and items[at] is row else -1


def _place(items, row) -> int:
    return bisect_right(items, ROW_KEY(row), key=ROW_KEY)


rows_strategy = st.lists(st.tuples(st.integers(0, 5), st.sampled_from(NAMES), st.text("abc", max_size=3)), max_size=25)


@settings(max_examples=300, deadline=None)
@given(
    before=rows_strategy,
    after=rows_strategy,
    removed=st.sets(st.integers(0, 24)),
    caseworker=st.sampled_from(("", "Anne Jensen", "Bo Lund", "Ingen")),
    needle=st.text("abc", max_size=2),
)
def test_reselect_gives_what_select_over_the_whole_new_list_gives(before, after, removed, caseworker, needle):
    old = sorted((Row(i, key, name, text) for i, (key, name, text) in enumerate(before)), key=ROW_KEY)
    gone = [row for row in old if row.id in removed]
    come = [Row(100 + i, key, name, text) for i, (key, name, text) in enumerate(after)]
    new = sorted([row for row in old if row.id not in removed] + come, key=ROW_KEY)
    chooser = {"caseworker": caseworker, "needle": needle, "text_of": operator.attrgetter("text")}

    patched = reselect(select(old, **chooser), gone, come, find=_find, place=_place, **chooser)

    assert patched == select(new, **chooser)


def test_reselect_counts_the_changed_rows_by_hand():
    a, b, c = Row(1, 1, "Bo Lund", "x"), Row(2, 2, "", "x"), Row(3, 3, "Anne Jensen", "x")
    chooser = {"caseworker": "Bo Lund", "text_of": operator.attrgetter("text")}
    previous = select([a, c], **chooser)  # a alone is Bo Lund's: 1 of 2
    patched = reselect(previous, [c], [b], find=_find, place=_place, **chooser)
    assert patched is not None
    assert (patched.items, patched.total, patched.unassigned) == ((a, b), 2, 1)
    assert scope_text(patched, "frister") == "Viser Bo Lunds frister og frister uden sagsbehandler – 2 af 2"


def test_reselect_says_none_when_a_chosen_row_is_not_where_the_order_puts_it():
    a, b = Row(1, 1, "", "x"), Row(2, 2, "", "x")
    previous = select([a], text_of=operator.attrgetter("text"))
    assert reselect(previous, [b], [], find=_find, place=_place, text_of=operator.attrgetter("text")) is None
