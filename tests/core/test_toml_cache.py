"""The parsed trial files kept between starts: used only for the very same text, never stale."""

from __future__ import annotations

import tomllib
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from caseworker_app.core.toml_cache import TomlCache, TomlSyntaxError
from caseworker_app.paths import resources_dir

TRIAL_FILES = sorted((resources_dir() / "trials").glob("*.toml"))


def no_parsing(monkeypatch):
    """From here on, a parse fails the test: what is returned must come from the cache."""

    def refuse(text):
        raise AssertionError("parsed, though the same text was kept")

    monkeypatch.setattr(tomllib, "loads", refuse)


def test_every_shipped_trial_file_comes_back_from_the_cache_as_tomllib_reads_it(tmp_path, monkeypatch):
    cache_file = tmp_path / "Søren Ærø Åberg" / "Cache" / "forsoeg.json"  # a user name with spaces and æøå
    first = TomlCache(cache_file)
    texts = {f.name: f.read_text(encoding="utf-8") for f in TRIAL_FILES}
    for name, text in texts.items():
        first.parsed(name, text)
    first.save()
    expected = {name: tomllib.loads(text) for name, text in texts.items()}

    no_parsing(monkeypatch)
    second = TomlCache(cache_file)
    assert {name: second.parsed(name, text) for name, text in texts.items()} == expected
    assert len(expected) == 19


def test_a_changed_file_is_parsed_again(tmp_path):
    cache_file = tmp_path / "forsoeg.json"
    cache = TomlCache(cache_file)
    assert cache.parsed("T08.toml", 'id = "T08"\n[period]\nstart = 2021-01-01\n') == {
        "id": "T08",
        "period": {"start": date(2021, 1, 1)},
    }
    cache.save()
    again = TomlCache(cache_file)
    # One digit changed (the municipality corrected the start): the new date, not the kept one.
    assert again.parsed("T08.toml", 'id = "T08"\n[period]\nstart = 2021-02-01\n') == {
        "id": "T08",
        "period": {"start": date(2021, 2, 1)},
    }


def test_a_broken_file_still_says_so_though_an_earlier_text_was_kept(tmp_path):
    cache_file = tmp_path / "forsoeg.json"
    cache = TomlCache(cache_file)
    cache.parsed("T08.toml", 'id = "T08"\n')
    cache.save()
    with pytest.raises(TomlSyntaxError, match="line 1"):
        TomlCache(cache_file).parsed("T08.toml", 'id = "T08\n')


@pytest.mark.parametrize(
    "content",
    [
        b"\x00\xff not json",
        b'{"python": "2.7", "files": {"T08.toml": ["id = \\"T08\\"\\n", {"id": "T99"}]}}',  # another Python
        b'["a list"]',
        b'{"python": null}',
        b"",
    ],
)
def test_a_damaged_or_foreign_cache_file_is_no_error_and_is_written_again(tmp_path, content):
    cache_file = tmp_path / "forsoeg.json"
    cache_file.write_bytes(content)
    cache = TomlCache(cache_file)
    assert cache.parsed("T08.toml", 'id = "T08"\n') == {"id": "T08"}
    cache.save()
    assert TomlCache(cache_file).parsed("T08.toml", 'id = "T08"\n') == {"id": "T08"}


def test_a_cache_that_cannot_be_written_is_passed_over(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    cache = TomlCache(blocker / "forsoeg.json")  # its folder is a file: cannot be created
    assert cache.parsed("T08.toml", 'id = "T08"\n') == {"id": "T08"}
    cache.save()  # no error


def test_date_times_are_parsed_every_time_not_kept(tmp_path, monkeypatch):
    from datetime import datetime

    cache_file = tmp_path / "forsoeg.json"
    cache = TomlCache(cache_file)
    text = "changed = 2021-01-01T10:00:00\n"
    assert cache.parsed("T99.toml", text) == {"changed": datetime(2021, 1, 1, 10, 0)}
    cache.save()
    assert not cache_file.exists()  # nothing keepable was parsed: nothing written
    parses = []
    real_loads = tomllib.loads
    monkeypatch.setattr(tomllib, "loads", lambda t: parses.append(t) or real_loads(t))
    assert TomlCache(cache_file).parsed("T99.toml", text) == {"changed": datetime(2021, 1, 1, 10, 0)}
    assert parses == [text]  # parsed again, the same way


def test_a_table_with_the_date_tag_as_key_is_parsed_every_time_not_kept(tmp_path):
    cache_file = tmp_path / "forsoeg.json"
    cache = TomlCache(cache_file)
    assert cache.parsed("T99.toml", '"\\u0000date" = "x"\n') == {"\x00date": "x"}
    cache.save()
    assert not cache_file.exists()


_keys = st.text(min_size=1, max_size=8).filter(lambda key: key != "\x00date")  # see the next test
_values = st.recursive(
    st.one_of(
        st.text(max_size=20),
        st.integers(min_value=-(2**63), max_value=2**63 - 1),
        st.booleans(),
        st.dates(),
        st.floats(allow_nan=False, allow_infinity=False),
    ),
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(_keys, inner, max_size=4)),
    max_leaves=20,
)


@given(data=st.dictionaries(_keys, _values, max_size=5))
def test_what_is_kept_comes_back_equal(tmp_path_factory, data):
    """Whatever a TOML file can hold (text, numbers, booleans, dates, lists, tables) is read
    back from the cache file exactly as it was kept (same values, same types)."""
    cache_file = tmp_path_factory.mktemp("cache") / "forsoeg.json"
    cache = TomlCache(cache_file)
    cache._files["X.toml"] = ["x", data]  # as parsed() keeps it
    cache._changed = True
    cache.save()
    back = TomlCache(cache_file)._files["X.toml"][1]
    assert back == data
    assert _types(back) == _types(data)


def _types(value):
    if isinstance(value, dict):
        return {k: _types(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_types(v) for v in value]
    return type(value)


def test_the_catalog_read_through_the_cache_is_the_catalog(tmp_path, monkeypatch):
    from caseworker_app.core.catalog_load import load_catalog

    cache_file = tmp_path / "forsoeg.json"
    plain = load_catalog()
    assert load_catalog(cache=TomlCache(cache_file)) == plain  # parsed, and kept
    no_parsing(monkeypatch)
    assert load_catalog(cache=TomlCache(cache_file)) == plain  # every file from the cache


def test_a_trial_file_edited_between_starts_is_read_as_edited(tmp_path):
    """T08's last extension is edited by hand: the next start's catalog ends the trial on the new date."""
    import shutil

    from caseworker_app.core.catalog_load import load_catalog

    folder = tmp_path / "trials"
    shutil.copytree(resources_dir() / "trials", folder)
    cache_file = tmp_path / "forsoeg.json"
    before = load_catalog(folder, cache=TomlCache(cache_file))
    assert before["T08"].period.effective_end == date(2025, 12, 31)
    t08 = folder / "T08.toml"
    t08.write_text(t08.read_text(encoding="utf-8").replace("2025-12-31", "2026-12-31", 1), encoding="utf-8")
    after = load_catalog(folder, cache=TomlCache(cache_file))
    assert after["T08"].period.effective_end == date(2026, 12, 31)
    assert after["T07"] == before["T07"]
