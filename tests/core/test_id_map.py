"""core.id_map.IdMap answers as a dict does, whatever ids it is given (the window's indexes of every
case by id: the store's case list, the kept deadlines, the Sager list's records and next deadlines)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from caseworker_app.core.id_map import IdMap

# Row ids as SQLite gives them (from 1, mostly dense), a few far apart, and keys no case has.
IDS = st.one_of(st.integers(1, 300), st.integers(0, 10**12), st.integers(-5, -1))
STEPS = st.lists(
    st.tuples(st.sampled_from(["set", "pop", "setdefault", "get", "reserve"]), IDS, st.integers(0, 9)), max_size=400
)


@given(STEPS)
def test_an_id_map_answers_as_a_dict(steps):
    kept: IdMap[int] = IdMap()
    expected: dict[int, int] = {}
    for step, key, value in steps:
        if step == "set":
            kept[key] = value
            expected[key] = value
        elif step == "pop":
            assert kept.pop(key, -1) == expected.pop(key, -1)
        elif step == "setdefault":
            assert kept.setdefault(key, value) == expected.setdefault(key, value)
        elif step == "reserve":
            kept.reserve(key, value * 40)
        assert kept.get(key) == expected.get(key)
        assert (key in kept) == (key in expected)
        assert len(kept) == len(expected)
    assert sorted(kept.items()) == sorted(expected.items())
    assert sorted(kept.values()) == sorted(expected.values())
    assert kept.get("17") is None and "17" not in kept  # not an id: never kept


@given(st.lists(st.tuples(IDS, st.integers(0, 9))))
def test_made_at_once_the_last_or_the_first_of_an_id_is_kept(pairs):
    ids, values = [i for i, _ in pairs], [v for _, v in pairs]
    assert sorted(IdMap.pairs(ids, values).items()) == sorted(dict(pairs).items())
    first: dict[int, int] = {}
    for key, value in pairs:
        first.setdefault(key, value)
    made = IdMap.pairs(ids, values, first=True)
    assert sorted(made.items()) == sorted(first.items())
    assert len(made) == len(first)
