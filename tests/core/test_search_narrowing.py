"""core.search_narrowing: a search box's keystrokes find what a fresh search over every row finds."""

from __future__ import annotations

import operator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from caseworker_app.core.search_narrowing import NarrowingSearch
from caseworker_app.core.selection import scope_text, select

NAMES = ("Anne Jensen", "anne jensen ", "Bo Lund", "", " ")
TEXT_OF = operator.attrgetter("text")


class Row:
    """A row of a list: its case (caseworker, search text) and the part (group) it is shown in."""

    def __init__(self, id_: int, caseworker: str, text: str, part: int = 0) -> None:
        self.id, self.caseworker, self.text, self.part = id_, caseworker, text, part
        self.case = self  # the row is its own case here

    def __repr__(self) -> str:
        return f"Row({self.id}, {self.caseworker!r}, {self.text!r}, {self.part})"


def _itself(row: Row) -> Row:
    return row


def started(rows: list[Row], caseworker: str = "", parts: int = 0) -> NarrowingSearch[Row]:
    """A search over rows as a list starts one: the rows shown with no search, split in parts."""
    search = NarrowingSearch(TEXT_OF)
    unsearched = select(rows, caseworker=caseworker, case_of=_itself)
    search.start(unsearched, [[row for row in unsearched.items if row.part == p] for p in range(parts)])
    return search


ROWS = [
    Row(1, "Anne Jensen", "jens hansen 20180831", 0),
    Row(2, "Bo Lund", "karen holm 20180915", 1),
    Row(3, "", "lise dam 20180810", 0),
    Row(4, " anne jensen ", "hans ole bak 20180702", 1),
    Row(5, "Anne Jensen", "hanne lund 20190101", 1),
]


def test_typing_a_name_key_by_key_then_deleting_and_clearing_finds_what_the_line_counts():
    search = started(ROWS, "Anne Jensen", parts=2)  # Bo Lund's Karen Holm is not shown
    found, parts = search.search("h")
    assert [row.id for row in found.items] == [1, 4, 5]
    assert [[row.id for row in part] for part in parts] == [[1], [4, 5]]
    assert scope_text(found, "sager") == "Viser Anne Jensens sager, der passer til søgningen – 3 af 5"
    found, parts = search.search("han")
    assert [row.id for row in found.items] == [1, 4, 5]
    found, parts = search.search("hans")
    assert [row.id for row in found.items] == [1, 4]
    assert [[row.id for row in part] for part in parts] == [[1], [4]]
    found, parts = search.search("hansen")
    assert ([row.id for row in found.items], found.unassigned) == ([1], 0)
    found, _ = search.search("hanse")  # a letter deleted: "hans ole" does not hold "hanse"
    assert [row.id for row in found.items] == [1]
    found, _ = search.search("han")  # two more: Hanne Lund is back
    assert [row.id for row in found.items] == [1, 4, 5]
    found, parts = search.search("")  # cleared: every row of Anne Jensen's and the one with none
    assert ([row.id for row in found.items], found.unassigned, found.searched) == ([1, 3, 4, 5], 1, False)
    assert [[row.id for row in part] for part in parts] == [[1, 3], [4, 5]]
    assert scope_text(found, "sager") == "Viser Anne Jensens sager og sager uden sagsbehandler – 4 af 5"


def test_a_pasted_text_that_does_not_hold_the_last_one_looks_among_every_row_shown():
    search = started(ROWS, "Anne Jensen")
    assert [row.id for row in search.search("jens")[0].items] == [1]
    found, _ = search.search("lise")  # pasted over "jens": Lise Dam, who has no caseworker
    assert ([row.id for row in found.items], found.unassigned, found.total) == ([3], 1, 5)
    found, _ = search.search("2018")  # pasted again: every 2018 case number shown for Anne Jensen
    assert ([row.id for row in found.items], found.unassigned) == ([1, 3, 4], 1)


def test_a_text_every_row_holds_shows_them_all_as_found_by_the_search():
    search = started(ROWS)
    found, _ = search.search("20")
    assert ([row.id for row in found.items], found.searched) == ([1, 2, 3, 4, 5], True)
    assert scope_text(found, "frister") == "Viser alle sagsbehandleres frister, der passer til søgningen – 5 af 5"


def test_keystrokes_read_no_row_once_the_texts_are_made():
    read = []

    def text_of(row: Row) -> str:
        read.append(row.id)
        return row.text

    search = NarrowingSearch(text_of)
    search.start(select(ROWS, case_of=_itself))
    assert read == []  # nothing made before it is needed: the list is shown first
    search.warm()
    assert sorted(read) == [1, 2, 3, 4, 5]
    read.clear()
    for text in ("h", "ha", "han", "hans", "", "2", "20", "201", "2019", "", "lise"):
        search.search(text)
    assert read == []


def test_a_search_before_the_rows_are_chosen_is_a_mistake():
    search = NarrowingSearch(TEXT_OF)
    with pytest.raises(RuntimeError):
        search.search("h")
    search.start(select(ROWS, case_of=_itself))
    search.search("h")
    search.stop()
    assert search.unsearched is None
    with pytest.raises(RuntimeError):
        search.search("")


def test_rows_chosen_again_are_searched_not_those_kept_from_before():
    search = started(ROWS)
    assert [row.id for row in search.search("hans")[0].items] == [1, 4]
    renamed = [*ROWS[:3], Row(4, " anne jensen ", "ole bak 20180702", 1), ROWS[4]]
    search.stop()
    search.start(select(renamed, case_of=_itself))
    assert [row.id for row in search.search("hans")[0].items] == [1]  # not the kept [1, 4]


rows_strategy = st.lists(st.tuples(st.sampled_from(NAMES), st.text("abc", max_size=4), st.integers(0, 2)), max_size=30)
# Each keystroke: a letter added, the last one deleted, a text pasted over, or the box cleared.
KEYS = st.lists(
    st.one_of(
        st.tuples(st.just("type"), st.sampled_from("abc")),
        st.tuples(st.just("delete"), st.just("")),
        st.tuples(st.just("paste"), st.text("abc", max_size=3)),
        st.tuples(st.just("clear"), st.just("")),
    ),
    max_size=25,
)


@settings(max_examples=300, deadline=None)
@given(rows=rows_strategy, caseworker=st.sampled_from(("", "Anne Jensen", "Bo Lund", "Ingen")), keys=KEYS)
def test_every_keystroke_finds_what_a_fresh_search_of_every_row_finds(rows, caseworker, keys):
    listed = [Row(i, name, text, part) for i, (name, text, part) in enumerate(rows)]
    search = started(listed, caseworker, parts=3)
    needle = ""
    for action, text in keys:
        needle = {"type": needle + text, "delete": needle[:-1], "paste": text, "clear": ""}[action]
        found, parts = search.search(needle)
        fresh = select(listed, caseworker=caseworker, needle=needle, case_of=_itself, text_of=TEXT_OF)
        assert found == fresh
        assert [list(part) for part in parts] == [[row for row in fresh.items if row.part == p] for p in range(3)]
